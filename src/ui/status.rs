//! The status line: article, position, current heading, and a key hint —
//! or a message, error, or the search prompt.

use super::theme;
use crate::app::view::truncate;
use crate::app::{AppState, Level};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Position through the article in percent (100 at the bottom).
#[must_use]
pub fn percent(s: &AppState) -> usize {
    let Some(l) = &s.layout else { return 0 };
    if l.partial {
        // Only the part around the position is laid out: say it in bytes.
        let len = s.doc().map_or(0, |d| d.body_end());
        return (s.anchor * 100).checked_div(len).unwrap_or(0).min(100);
    }
    let max = l.max_top(s.body_height());
    (s.top * 100).checked_div(max).unwrap_or(100)
}

/// The page of the block at the top of the body (PDFs), if it has one.
#[must_use]
pub fn page_at(s: &AppState) -> Option<u32> {
    let off = *s.layout.as_ref()?.line_start.get(s.top)?;
    s.doc()?.page_at(off)
}

/// The key hint of the pane or view that has the keys (shorter when
/// `narrow`), generated from the live keymap.
#[must_use]
pub fn hint(s: &AppState, narrow: bool) -> String {
    s.keymap
        .fill(crate::app::hints::status_for(crate::app::mode(s), narrow))
}

/// `" │ 12 lines hidden · f shows them"` while page furniture is hidden,
/// with the key from the keymap; the encoding when it was not UTF-8.
fn hidden_note(s: &AppState, d: &crate::document::Document) -> String {
    let mut out = String::new();
    if let Some(enc) = &d.meta.encoding {
        out.push_str(&format!(" │ {enc}"));
    }
    let n = d.hidden_lines();
    if !s.show_furniture && n > 0 {
        let lines = if n == 1 { "line" } else { "lines" };
        if s.size.0 < 100 {
            let key = s.keymap.fill(crate::app::hints::FURNITURE_KEY);
            out.push_str(&format!(" │ {n} hidden ({key})"));
        } else {
            let shows = s.keymap.fill(crate::app::hints::FURNITURE_SHOWS);
            out.push_str(&format!(" │ {n} {lines} hidden · {shows}"));
        }
    }
    out
}

/// The name of the pane that has the keys, shown at the left of the status
/// line in the focus style (the body has no title row of its own).
#[must_use]
pub fn focus_badge(s: &AppState) -> &'static str {
    use crate::app::{Overlay, Pane};
    if s.annot.editor.is_some() {
        return " NOTE ";
    }
    match (&s.overlay, s.focus) {
        (Some(Overlay::List), _) | (None, Pane::List) => " LIST ",
        (None, Pane::Notes) if s.sources.open => " SOURCES ",
        (None, Pane::Notes) => " NOTES ",
        _ => " BODY ",
    }
}

/// The status-line style of a message of `level`.
#[must_use]
pub fn message_style(level: Level) -> Style {
    let bg = theme::STATUS.bg.unwrap_or_default();
    match level {
        Level::Info => theme::STATUS,
        Level::Warning => theme::WARNING.bg(bg),
        Level::Error => theme::ERROR.bg(bg),
        Level::Progress => theme::STATUS.patch(theme::DIM),
    }
}

/// Draws the status line in `r`.
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    buf.set_style(r, theme::STATUS);
    let w = usize::from(r.width);
    if crate::app::mode(s) == crate::app::Mode::Search {
        let text = crate::document::sanitize(&s.search.input);
        let prompt = if s.search.command { ':' } else { '/' };
        buf.set_stringn(r.x, r.y, format!("{prompt}{text}▏"), w, theme::STATUS);
        return;
    }
    let (right, rstyle) = match &s.message {
        Some(m) => (crate::document::sanitize(&m.text), message_style(m.level)),
        None => (hint(s, w < 100), theme::STATUS.patch(theme::DIM)),
    };
    let rw_full = crate::app::view::cells(&right);
    let mut left = String::new();
    if let Some(a) = s.article() {
        let title = s.doc().map_or(a.name.as_str(), |d| d.meta.title.as_str());
        let mut tail = String::new();
        if let Some(d) = s.doc() {
            left.push_str(&format!("{:>3}% │ ", percent(s)));
            if let Some(p) = page_at(s) {
                left.push_str(&format!("p. {p} │ "));
            }
            if let Some(b) = s.layout.as_ref().and_then(|l| l.heading_at(s.top)) {
                tail = format!(" │ § {}", truncate(d.block_text(b), 40));
            }
            tail.push_str(&hidden_note(s, d));
        }
        let room = w.saturating_sub(
            rw_full + 3 + crate::app::view::cells(&left) + crate::app::view::cells(&tail),
        );
        left.push_str(&truncate(title, room.max(8)));
        left.push_str(&tail);
    }
    let rw = crate::app::view::cells(&right).min(w);
    let badge = focus_badge(s);
    let bw = crate::app::view::cells(badge);
    let lw = w.saturating_sub(rw + 2 + bw);
    buf.set_stringn(r.x, r.y, badge, w, theme::pane_title(true));
    let bx = r.x + u16::try_from(bw).unwrap_or(0);
    buf.set_stringn(bx, r.y, format!(" {left}"), lw, theme::STATUS);
    let x = r.x + u16::try_from(w - rw).unwrap_or(0);
    buf.set_stringn(x, r.y, right, rw, rstyle);
}
