//! The status line: article, position, current heading, and a key hint —
//! or a message, error, or the search prompt.

use super::notes::truncate;
use super::theme;
use crate::app::keymap::key_for;
use crate::app::{Action, AppState, Overlay};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Position through the article in percent (100 at the bottom).
#[must_use]
pub fn percent(s: &AppState) -> usize {
    let Some(l) = &s.layout else { return 0 };
    let max = l.max_top(s.body_height());
    (s.top * 100).checked_div(max).unwrap_or(100)
}

/// The page of the block at the top of the body (PDFs), if it has one.
#[must_use]
pub fn page_at(s: &AppState) -> Option<u32> {
    let off = *s.layout.as_ref()?.line_start.get(s.top)?;
    s.doc()?.page_at(off)
}

/// The key hint, generated from the keymap.
#[must_use]
pub fn hint() -> String {
    let k = |a: &Action| key_for(a).unwrap_or("?");
    let find = Action::Finder(crate::app::finder::FinderMsg::Open(
        crate::app::finder::Scope::Library,
    ));
    format!(
        "{} help  {} marker  {} note  {} back  {} find  {} quit",
        k(&Action::Help),
        k(&Action::NextMarker),
        k(&Action::Follow),
        k(&Action::Back),
        k(&find),
        k(&Action::Quit)
    )
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
        let key = key_for(&Action::ToggleFurniture).unwrap_or("f");
        let lines = if n == 1 { "line" } else { "lines" };
        if s.size.0 < 100 {
            out.push_str(&format!(" │ {n} hidden ({key})"));
        } else {
            out.push_str(&format!(" │ {n} {lines} hidden · {key} shows them"));
        }
    }
    out
}

/// The name of the pane that has the keys, shown at the left of the status
/// line in the focus style (the body has no title row of its own).
#[must_use]
pub fn focus_badge(s: &AppState) -> &'static str {
    use crate::app::Pane;
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

/// Draws the status line in `r`.
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    buf.set_style(r, theme::STATUS);
    let w = usize::from(r.width);
    if s.overlay == Some(Overlay::Search) {
        let text = crate::document::sanitize(&s.search.input);
        let prompt = if s.search.command { ':' } else { '/' };
        buf.set_stringn(r.x, r.y, format!("{prompt}{text}▏"), w, theme::STATUS);
        return;
    }
    let (right, rstyle) = match &s.message {
        Some((m, true)) => (
            crate::document::sanitize(m),
            theme::ERROR.bg(theme::STATUS.bg.unwrap_or_default()),
        ),
        Some((m, false)) => (crate::document::sanitize(m), theme::STATUS),
        None if w < 100 => ("? help ".to_string(), theme::STATUS.patch(theme::DIM)),
        None => (hint(), theme::STATUS.patch(theme::DIM)),
    };
    let rw_full = super::body::cells(&right);
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
        let room =
            w.saturating_sub(rw_full + 3 + super::body::cells(&left) + super::body::cells(&tail));
        left.push_str(&truncate(title, room.max(8)));
        left.push_str(&tail);
    }
    let rw = super::body::cells(&right).min(w);
    let badge = focus_badge(s);
    let bw = super::body::cells(badge);
    let lw = w.saturating_sub(rw + 2 + bw);
    buf.set_stringn(r.x, r.y, badge, w, theme::pane_title(true));
    let bx = r.x + u16::try_from(bw).unwrap_or(0);
    buf.set_stringn(bx, r.y, format!(" {left}"), lw, theme::STATUS);
    let x = r.x + u16::try_from(w - rw).unwrap_or(0);
    buf.set_stringn(x, r.y, right, rw, rstyle);
}
