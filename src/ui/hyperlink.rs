//! OSC 8 hyperlinks for URLs in notes. The escape is built only from a
//! checked URL (printable ASCII, anything else percent-encoded) and rides on
//! the first and last cell of the link with a forced width, so ratatui's
//! diff keeps counting cells correctly.

use ratatui::buffer::{Buffer, CellDiffOption};
use std::fmt::Write as _;
use std::num::NonZeroU16;

/// Whether to emit OSC 8: not on the Linux console or dumb terminals, and
/// not when `IBID_NO_HYPERLINKS` is set (`disabled`). Terminals that do not
/// know OSC 8 ignore it.
#[must_use]
pub fn terminal_supports_osc8(term: Option<&str>, disabled: bool) -> bool {
    !disabled && !matches!(term, None | Some("" | "dumb" | "linux"))
}

/// The URL made safe for an OSC 8 escape: `None` if it holds control
/// characters or is not http(s)/mailto; non-ASCII and spaces percent-encoded.
#[must_use]
pub fn osc8_url(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:"))
    {
        return None;
    }
    if url.chars().any(char::is_control) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() && b != b'\\' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    Some(out)
}

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
    let w = u16::try_from(super::body::cells(&sym)).unwrap_or(1).max(1);
    cell.set_symbol(&format!("{before}{sym}{after}"));
    if let Some(w) = NonZeroU16::new(w) {
        cell.set_diff_option(CellDiffOption::ForcedWidth(w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_encoded() {
        assert_eq!(
            osc8_url("http://a.b/c d").as_deref(),
            Some("http://a.b/c%20d")
        );
        assert_eq!(
            osc8_url("https://é.fr").as_deref(),
            Some("https://%C3%A9.fr")
        );
        assert_eq!(osc8_url("http://x/\u{1b}]8;;"), None);
        assert_eq!(osc8_url("javascript:alert(1)"), None);
        assert!(!terminal_supports_osc8(Some("linux"), false));
        assert!(terminal_supports_osc8(Some("xterm-256color"), false));
        assert!(!terminal_supports_osc8(Some("xterm-256color"), true));
    }
}
