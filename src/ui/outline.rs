//! The outline overlay: the article's headings, indented by level.

use super::theme;
use crate::app::AppState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the outline over `area` with heading `sel` highlighted.
pub fn draw(buf: &mut Buffer, area: Rect, s: &AppState, sel: usize) {
    let Some(doc) = s.doc() else { return };
    let hs: Vec<(usize, &str, u8)> = doc.headings().collect();
    let w = area.width.saturating_sub(4).min(70);
    let h = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(hs.len() + 2).unwrap_or(u16::MAX));
    let r = crate::app::view::centered(area, w, h);
    let inner = super::popup(buf, r, &s.keymap.fill(crate::app::hints::OUTLINE_TITLE));
    let rows = usize::from(inner.height).max(1);
    let off = sel.saturating_sub(rows - 1);
    for (k, (i, (_, text, level))) in hs.iter().enumerate().skip(off).take(rows).enumerate() {
        let y = inner.y + u16::try_from(k).unwrap_or(0);
        let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
        let style = if i == sel {
            theme::SELECTED_ROW
        } else {
            theme::heading(*level)
        };
        buf.set_stringn(
            inner.x,
            y,
            format!("{indent}{text}"),
            usize::from(inner.width),
            style,
        );
        if i == sel {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme::SELECTED_ROW);
        }
    }
}
