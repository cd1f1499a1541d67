//! Annotations on screen: highlighted passages, the selection and the cursor
//! in the body, and the annotations tab of the notes panel.

use super::theme;
use crate::app::annot_list::ordered;
use crate::app::view::truncate;
use crate::app::view::{BodyLayout, BodyLine, cells};
use crate::app::{AppState, Pane};
use crate::document::Document;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Borders;

/// An annotated passage in the body.
pub const ANNOTATED: Style = Style::new().bg(Color::Rgb(70, 60, 0));
/// The current selection.
pub const SELECTION: Style = Style::new().fg(Color::Black).bg(Color::LightBlue);
/// The body cursor (a word).
pub const CURSOR: Style = Style::new().add_modifier(Modifier::REVERSED);
/// "orphaned" tag in the annotations tab.
pub const ORPHANED: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
/// A quote in the annotations tab.
pub const QUOTE: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::ITALIC);

/// Styles bytes `a..b` of `doc.text` where they fall on line `l` drawn at (x, y).
fn paint(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    doc: &Document,
    l: &BodyLine,
    r: (usize, usize, Style),
) {
    let (a, b, st) = r;
    let mut col = usize::from(l.lead());
    for sg in &l.segs {
        let (s0, s1) = (sg.start.max(a), sg.end.min(b));
        if s0 < s1 {
            let c0 = col + cells(doc.text.get(sg.start..s0).unwrap_or(""));
            let c1 = col + cells(doc.text.get(sg.start..s1).unwrap_or(""));
            let (c0, c1) = (
                u16::try_from(c0).unwrap_or(u16::MAX),
                u16::try_from(c1).unwrap_or(u16::MAX),
            );
            let r = Rect::new(x.saturating_add(c0), y, c1.saturating_sub(c0), 1);
            buf.set_style(r.intersection(buf.area), st);
        }
        col += cells(doc.text.get(sg.start..sg.end).unwrap_or(""));
    }
}

/// Paints annotations, the selection and the cursor over the body text area `t`.
pub fn paint_body(buf: &mut Buffer, t: Rect, s: &AppState, doc: &Document, lay: &BodyLayout) {
    let h = usize::from(t.height);
    let end = (s.top + h).min(lay.lines.len());
    let mut ranges: Vec<(usize, usize, Style)> = Vec::new();
    if let Some(e) = s.annot.articles.get(&s.current) {
        ranges.extend(
            e.placed
                .iter()
                .flatten()
                .map(|r| (r.start, r.end, ANNOTATED)),
        );
    }
    if let Some(r) = s.annot.selected() {
        ranges.push((r.start, r.end, SELECTION));
    }
    if let Some(c) = &s.annot.cursor
        && s.annot.cursor_article == s.current
        && s.focus == Pane::Body
    {
        ranges.push((c.start, c.end, CURSOR));
    }
    if ranges.is_empty() {
        return;
    }
    let from = lay.line_start.get(s.top).copied().unwrap_or(0);
    let to = lay.line_start.get(end).copied().unwrap_or(usize::MAX);
    ranges.retain(|(a, b, _)| *b > from && *a <= to);
    for (row, li) in (s.top..end).enumerate() {
        let y = t.y + u16::try_from(row).unwrap_or(0);
        let l = &lay.lines[li];
        for (a, b, st) in &ranges {
            paint(buf, (t.x, y), doc, l, (*a, *b, *st));
        }
    }
}

/// Draws the annotations tab in the notes panel `r`.
pub fn draw_tab(buf: &mut Buffer, r: Rect, s: &AppState) {
    let focused = crate::app::mode(s).focused_pane() == Some(Pane::Notes);
    let Some(inner) = super::pane::frame(buf, r, Borders::LEFT, focused, 4) else {
        return;
    };
    let x = inner.x + 1;
    let w = usize::from(inner.width - 1);
    let order = ordered(s);
    let title = format!(
        "Annotations ({}) · {}",
        order.len(),
        s.keymap.fill(crate::app::hints::ANNOTATIONS_TITLE)
    );
    buf.set_stringn(x, inner.y, title, w, theme::pane_title(focused));
    let Some(e) = s.annot.articles.get(&s.current) else {
        buf.set_stringn(x, inner.y + 2, "loading…", w, theme::DIM);
        return;
    };
    if order.is_empty() {
        let hint = "none yet: A annotates a paragraph, v selects";
        buf.set_stringn(x, inner.y + 2, hint, w, theme::DIM);
        return;
    }
    let mut rows: Vec<(String, Style, bool)> = Vec::new();
    let mut sel_first = 0;
    for (n, &k) in order.iter().enumerate() {
        let Some(a) = e.items.get(k) else { continue };
        let selected = n == s.annot.tab_sel;
        if selected {
            sel_first = rows.len();
        }
        let orphan = e.placed.get(k).is_none_or(Option::is_none);
        let date = a.modified.get(..10).unwrap_or(&a.modified);
        let head = if orphan {
            format!("{date} orphaned")
        } else {
            date.to_string()
        };
        rows.push((head, if orphan { ORPHANED } else { theme::DIM }, selected));
        let quote = crate::document::sanitize(&a.anchor.quote.replace('\n', " "));
        rows.push((
            format!("“{}”", truncate(&quote, w.saturating_sub(2) * 2)),
            QUOTE,
            selected,
        ));
        for line in a.note.lines().take(4) {
            rows.push((crate::document::sanitize(line), Style::new(), selected));
        }
        rows.push((String::new(), Style::new(), false));
    }
    let h = usize::from(inner.height - 1);
    let off = if sel_first + 4 > h { sel_first } else { 0 };
    let mut y = inner.y + 1;
    for (text, st, selected) in rows.iter().skip(off) {
        for chunk in wrap_cells(text, w).into_iter().take(2) {
            if y >= inner.y + inner.height {
                return;
            }
            if *selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme::NOTE_SELECTED);
            }
            buf.set_stringn(x, y, &chunk, w, *st);
            y += 1;
        }
    }
}

/// `text` cut into pieces of at most `w` cells (at least one, maybe empty).
fn wrap_cells(text: &str, w: usize) -> Vec<String> {
    let ranges = crate::app::view::wrap(text, crate::document::Span::new(0, text.len()), w, w);
    if ranges.is_empty() {
        return vec![String::new()];
    }
    ranges
        .into_iter()
        .map(|(a, b)| text.get(a..b).unwrap_or("").to_string())
        .collect()
}
