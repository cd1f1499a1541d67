//! The frame shared by the side panes (article list, notes, annotations,
//! sources): one border, highlighted when the pane has focus.

use super::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

/// Draws the pane's `borders` in `r` (focused style when `focused`) and
/// returns the area inside them, or `None` when that is narrower than
/// `min_width` or shorter than two rows (a title and one row).
pub fn frame(
    buf: &mut Buffer,
    r: Rect,
    borders: Borders,
    focused: bool,
    min_width: u16,
) -> Option<Rect> {
    let block = Block::default().borders(borders).border_style(if focused {
        theme::BORDER_FOCUSED
    } else {
        theme::BORDER
    });
    let inner = block.inner(r);
    block.render(r, buf);
    (inner.width >= min_width && inner.height >= 2).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_draws_the_border_and_returns_the_inside() {
        let r = Rect::new(0, 0, 10, 5);
        let mut buf = Buffer::empty(r);
        let inner = frame(&mut buf, r, Borders::LEFT, true, 4);
        assert_eq!(inner, Some(Rect::new(1, 0, 9, 5)));
        assert_eq!(buf[(0, 0)].symbol(), "│");
        assert_eq!(buf[(0, 0)].style().fg, theme::BORDER_FOCUSED.fg);
        assert_eq!(buf[(1, 0)].symbol(), " ");

        let mut buf = Buffer::empty(r);
        let inner = frame(&mut buf, r, Borders::RIGHT, false, 4);
        assert_eq!(inner, Some(Rect::new(0, 0, 9, 5)));
        assert_eq!(buf[(9, 4)].symbol(), "│");
        assert_eq!(buf[(9, 4)].style().fg, theme::BORDER.fg);
    }

    #[test]
    fn frame_too_small_is_none_but_still_drawn() {
        let r = Rect::new(0, 0, 4, 5);
        let mut buf = Buffer::empty(r);
        assert_eq!(frame(&mut buf, r, Borders::LEFT, false, 4), None);
        assert_eq!(buf[(0, 0)].symbol(), "│");
        assert_eq!(
            frame(&mut buf, r, Borders::LEFT, false, 3),
            Some(Rect::new(1, 0, 3, 5))
        );
        let flat = Rect::new(0, 0, 10, 1);
        let mut buf = Buffer::empty(flat);
        assert_eq!(frame(&mut buf, flat, Borders::LEFT, true, 4), None);
    }
}
