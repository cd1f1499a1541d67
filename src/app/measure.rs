//! The reading measure: body text is at most `measure` cells wide (about 80
//! by default, as in print), centred in the body pane; `=` and `-` widen and
//! narrow it live. Preformatted lines are never wrapped: they are clipped at
//! the measure and scrolled sideways (`hscroll`). Pure geometry.

use ratatui::layout::Rect;

/// The default measure in cells.
pub const DEFAULT: u16 = 80;
/// The narrowest measure `-` goes to.
pub const MIN: u16 = 20;
/// The widest measure `=` goes to (0 in the config means "the whole pane").
pub const MAX: u16 = 400;
/// Cells added or removed per key press.
pub const STEP: u16 = 4;
/// Cells per sideways scroll step.
pub const SIDE_STEP: u16 = 8;

/// The body's text area: the body pane less one column of padding each side,
/// at most `measure` cells wide (0: no limit), centred.
#[must_use]
pub fn text_area(body: Rect, measure: u16) -> Rect {
    let inner = if body.width > 4 {
        Rect::new(body.x + 1, body.y, body.width - 2, body.height)
    } else {
        body
    };
    if measure == 0 || inner.width <= measure {
        return inner;
    }
    let x = inner.x + (inner.width - measure) / 2;
    Rect::new(x, inner.y, measure, inner.height)
}

/// The measure after one `=` (`wider`) or `-` press, starting from the
/// width actually shown (`shown`, so a measure wider than the pane narrows
/// at once).
#[must_use]
pub fn step(measure: u16, shown: u16, wider: bool) -> u16 {
    let cur = if measure == 0 {
        shown
    } else {
        measure.min(shown.max(MIN))
    };
    if wider {
        cur.saturating_add(STEP).min(MAX)
    } else {
        cur.saturating_sub(STEP).max(MIN)
    }
}

/// The sideways offset after scrolling by `dir` steps, kept within
/// `0..=widest - shown` (`widest`: the widest preformatted line, in cells).
#[must_use]
pub fn side(h: u16, dir: i32, widest: usize, shown: u16) -> u16 {
    let max = u16::try_from(widest.saturating_sub(usize::from(shown))).unwrap_or(u16::MAX);
    let delta = i64::from(dir) * i64::from(SIDE_STEP);
    let next = (i64::from(h) + delta).clamp(0, i64::from(max));
    u16::try_from(next).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_centred_at_the_measure() {
        let r = text_area(Rect::new(33, 0, 107, 49), 80);
        assert_eq!(r.width, 80);
        assert_eq!(r.x, 34 + (105 - 80) / 2);
        // Narrow panes keep the padding only.
        assert_eq!(
            text_area(Rect::new(0, 0, 60, 14), 80),
            Rect::new(1, 0, 58, 14)
        );
        assert_eq!(text_area(Rect::new(0, 0, 200, 9), 0).width, 198);
    }

    #[test]
    fn steps_stay_in_range() {
        assert_eq!(step(80, 105, true), 84);
        assert_eq!(step(80, 105, false), 76);
        assert_eq!(step(MIN, 105, false), MIN);
        assert_eq!(step(200, 58, false), 54, "narrows from what is shown");
        assert_eq!(step(0, 105, false), 101);
        assert_eq!(step(MAX, 500, true), MAX);
    }

    #[test]
    fn sideways_is_clamped_to_the_widest_line() {
        assert_eq!(side(0, 1, 100, 80), 8);
        assert_eq!(side(16, 1, 100, 80), 20);
        assert_eq!(side(8, -2, 100, 80), 0);
        assert_eq!(side(0, 1, 50, 80), 0, "nothing to scroll");
    }
}
