//! OSC 8 hyperlinks for URLs in notes. The escape is built only from a
//! checked URL (printable ASCII, anything else percent-encoded) and rides on
//! the first and last cell of the link with a forced width, so ratatui's
//! diff keeps counting cells correctly.

use crate::app::view::links::osc8_url;
use ratatui::buffer::{Buffer, CellDiffOption};
use std::num::NonZeroU16;

/// Wraps cells `x+col .. x+col+width` of row `y` (clipped to `max` cells from
/// `x`) in an OSC 8 hyperlink, for each `(col, width, url)`.
pub fn apply(buf: &mut Buffer, x: u16, y: u16, max: u16, links: &[(u16, u16, String)]) {
    for (col, width, url) in links {
        let Some(url) = osc8_url(url) else { continue };
        if *width == 0 || *col >= max {
            continue;
        }
        let first = x + col;
        let last = x + (col + width).min(max) - 1;
        let open = format!("\x1b]8;;{url}\x1b\\");
        let close = "\x1b]8;;\x1b\\";
        if first == last {
            wrap_cell(buf, first, y, &open, close);
        } else {
            wrap_cell(buf, first, y, &open, "");
            wrap_cell(buf, last, y, "", close);
        }
    }
}

fn wrap_cell(buf: &mut Buffer, x: u16, y: u16, before: &str, after: &str) {
    let Some(cell) = buf.cell_mut((x, y)) else {
        return;
    };
    let sym = cell.symbol().to_string();
    let w = u16::try_from(crate::app::view::cells(&sym))
        .unwrap_or(1)
        .max(1);
    cell.set_symbol(&format!("{before}{sym}{after}"));
    if let Some(w) = NonZeroU16::new(w) {
        cell.set_diff_option(CellDiffOption::ForcedWidth(w));
    }
}
