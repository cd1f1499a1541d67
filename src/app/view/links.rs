//! URLs in text: finding `http(s)://` spans in notes and making a URL safe
//! for an OSC 8 hyperlink escape (pure; the escape itself is drawn by `ui`).

use crate::document::Span;
use std::fmt::Write as _;

/// URL spans (`http://`, `https://`) inside `span` of the text.
#[must_use]
pub fn urls(text: &str, span: Span) -> Vec<Span> {
    let s = text.get(span.start..span.end).unwrap_or("");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s.get(from..).and_then(|r| r.find("http")) {
        let st = from + i;
        let rest = &s[st..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let len = rest[..len]
                .trim_end_matches(['.', ',', ')', ';', '”', '"'])
                .len();
            out.push(Span::new(span.start + st, span.start + st + len));
            from = st + len.max(1);
        } else {
            from = st + 4;
        }
    }
    out
}

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
