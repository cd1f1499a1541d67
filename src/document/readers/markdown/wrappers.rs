//! Wrappers that ask for Markdown inside HTML: a line of its own holding
//! `<markdown>` / `</markdown>` (the "500 Lines or Less" book's web-edition
//! blocks) or an opening tag with PHP Markdown Extra's `markdown="1"`. To
//! `CommonMark` such a line opens a raw HTML block, which would hide the
//! footnote definitions inside; blanked (same length, so offsets hold), its
//! content is read as Markdown.

use std::borrow::Cow;

/// `src` with every Markdown-asking wrapper line blanked.
#[must_use]
pub fn unwrap(src: Cow<'_, str>) -> Cow<'_, str> {
    if !src.contains("<markdown>") && !src.contains("markdown=\"1\"") {
        return src;
    }
    let mut out = String::with_capacity(src.len());
    // Tag names whose closing line is still to blank (`div` for
    // `<div markdown="1">`).
    let mut open: Vec<String> = Vec::new();
    for line in src.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let t = body.trim();
        let closes = open
            .last()
            .is_some_and(|name| t.eq_ignore_ascii_case(&format!("</{name}>")));
        let blank = if t == "<markdown>" || t == "</markdown>" {
            true
        } else if closes {
            open.pop();
            true
        } else if let Some(name) = asks_markdown(t) {
            open.push(name);
            true
        } else {
            false
        };
        if blank {
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// The tag name of a line that is only an opening tag with `markdown="1"`.
fn asks_markdown(t: &str) -> Option<String> {
    let inner = t.strip_prefix('<')?.strip_suffix('>')?;
    if inner.contains(['<', '>']) || !inner.contains("markdown=\"1\"") {
        return None;
    }
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!name.is_empty()).then_some(name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapper_lines_are_blanked_and_offsets_hold() {
        let src = "Text.\n<markdown>\n[^1]: A note.\n</markdown>\n<div markdown=\"1\">\n*x*\n</div>\n<div>\nraw\n</div>\n";
        let out = unwrap(Cow::Borrowed(src));
        assert_eq!(out.len(), src.len());
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            [
                "Text.",
                "          ",
                "[^1]: A note.",
                "           ",
                "                  ",
                "*x*",
                "      ",
                "<div>",
                "raw",
                "</div>"
            ]
        );
        let plain = "No wrappers.\n";
        assert!(matches!(unwrap(Cow::Borrowed(plain)), Cow::Borrowed(_)));
    }
}
