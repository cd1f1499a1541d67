//! Body extras drawn over the laid-out lines: the landing mark after a jump
//! (a sign in the left margin and a tinted line), and preformatted lines
//! scrolled sideways, with `‹` / `›` where they continue past the measure.

use super::theme;
use crate::app::AppState;
use crate::app::view::{BodyLine, cells};
use crate::document::Document;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

/// Paints the landing mark (if its line is on screen) in the body pane `r`
/// whose text area is `t`.
pub fn draw(buf: &mut Buffer, r: Rect, t: Rect, s: &AppState) {
    let Some(line) = crate::app::landing::line(s) else {
        return;
    };
    if line < s.top || line >= s.top + usize::from(t.height) {
        return;
    }
    let y = t.y + u16::try_from(line - s.top).unwrap_or(0);
    // Tint only cells without a highlight of their own (matches, the marker).
    for x in t.x..t.x + t.width {
        let cell = &mut buf[(x, y)];
        if cell.bg == ratatui::style::Color::Reset {
            cell.set_style(theme::LANDING);
        }
    }
    if t.x > r.x {
        buf.set_string(t.x - 1, y, "▶", theme::LANDING_SIGN);
    }
}

/// The line's text as shown: indent, prefix, then its segments.
fn text_of(doc: &Document, l: &BodyLine) -> String {
    let mut out = " ".repeat(usize::from(l.indent));
    if let Some(p) = &l.prefix {
        out.push_str(p);
    }
    for g in &l.segs {
        out.push_str(doc.text.get(g.start..g.end).unwrap_or(""));
    }
    out
}

/// Draws preformatted line `l` at row `y` of `t`, its first `skip` cells cut.
pub fn draw_shifted(buf: &mut Buffer, t: Rect, y: u16, skip: u16, doc: &Document, l: &BodyLine) {
    let full = text_of(doc, l);
    let mut col = 0usize;
    let mut out = String::new();
    for g in full.graphemes(true) {
        if col >= usize::from(skip) {
            out.push_str(g);
        }
        col += cells(g);
    }
    buf.set_stringn(t.x, y, out, usize::from(t.width), theme::CODE);
}

/// Marks a preformatted line that continues left (`‹`) or right (`›`) of the page.
pub fn clip_signs(buf: &mut Buffer, t: Rect, y: u16, skip: u16, doc: &Document, l: &BodyLine) {
    let w = cells(&text_of(doc, l));
    if t.width == 0 {
        return;
    }
    if w > usize::from(skip) + usize::from(t.width) {
        buf.set_string(t.x + t.width - 1, y, "›", theme::DIM);
    }
    if skip > 0 && w > usize::from(skip) {
        buf.set_string(t.x, y, "‹", theme::DIM);
    }
}
