//! Pane rectangles as a pure function of the terminal area; used by both
//! `update` (scroll sizes, mouse hit-testing) and `draw`.

use ratatui::layout::Rect;

/// Width below which the article list is hidden (shown only as an overlay).
pub const LIST_MIN_WIDTH: u16 = 120;
/// Width below which the notes panel is hidden (notes open as an overlay).
pub const NOTES_MIN_WIDTH: u16 = 80;

/// Where each pane goes. `None` panes are hidden at this size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// Article list (left), with its right border.
    pub list: Option<Rect>,
    /// Article body (centre).
    pub body: Rect,
    /// Notes panel (right), with its left border.
    pub notes: Option<Rect>,
    /// The bottom status line (one row).
    pub status: Rect,
    /// True when the terminal is too small for anything but a message.
    pub tiny: bool,
}

impl Panes {
    /// The body's text area: the body pane minus one column of padding each side.
    #[must_use]
    pub fn body_text(&self) -> Rect {
        let b = self.body;
        if b.width > 4 {
            Rect::new(b.x + 1, b.y, b.width - 2, b.height)
        } else {
            b
        }
    }
}

/// Splits `area` into panes: all three from 120 columns, body + notes from 80,
/// body alone below that; "tiny" below 10x2.
#[must_use]
pub fn panes(area: Rect) -> Panes {
    if area.width < 10 || area.height < 2 {
        return Panes {
            body: area,
            status: area,
            tiny: true,
            ..Panes::default()
        };
    }
    let main_h = area.height - 1;
    let status = Rect::new(area.x, area.y + main_h, area.width, 1);
    let mut x = area.x;
    let mut w = area.width;
    let list = if area.width >= LIST_MIN_WIDTH {
        let lw = (area.width / 6).clamp(24, 36);
        let r = Rect::new(x, area.y, lw, main_h);
        x += lw;
        w -= lw;
        Some(r)
    } else {
        None
    };
    let notes = if area.width >= NOTES_MIN_WIDTH {
        let nw = (u32::from(area.width) * 3 / 10) as u16;
        let nw = nw.clamp(30, 64).min(w / 2);
        w -= nw;
        Some(Rect::new(x + w, area.y, nw, main_h))
    } else {
        None
    };
    Panes {
        list,
        body: Rect::new(x, area.y, w, main_h),
        notes,
        status,
        tiny: false,
    }
}

/// A rectangle of at most `w` x `h` centred in `area`.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let p = panes(Rect::new(0, 0, 200, 50));
        assert!(p.list.is_some() && p.notes.is_some());
        let p = panes(Rect::new(0, 0, 60, 15));
        assert!(p.list.is_none() && p.notes.is_none());
        assert_eq!(p.body.height, 14);
        let p = panes(Rect::new(0, 0, 20, 5));
        assert!(!p.tiny);
        assert!(panes(Rect::new(0, 0, 5, 1)).tiny);
    }
}
