//! Wikipedia references copied as text: `^ a b Smith…`, `↑ Jump up to: a b`,
//! optionally after the note's number (`2. ^ Jones…`); the back-link letters
//! are dropped from the note text.

use super::{Convention, Label, Style};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "wikipedia-backlink",
    starts: &[],
    marker: None,
    note: Some(note),
};

fn note(t: &str) -> Option<Label> {
    if t.starts_with('^') || t.starts_with('↑') {
        return Some(backlink(t, None, 0));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) {
        let after = &t[digits + 1..];
        let body = after.trim_start();
        if after.starts_with(char::is_whitespace)
            && (body.starts_with('^') || body.starts_with('↑'))
        {
            let len = t.len() - body.len();
            return Some(backlink(t, Some(t[..digits].to_string()), len));
        }
    }
    None
}

/// The label after `len` bytes: `^`, `^ a b c`, `↑`, `Jump up to: a b`.
fn backlink(t: &str, label: Option<String>, len: usize) -> Label {
    let rest = &t[len..];
    let rest2 = rest.trim_start_matches(['^', '↑']).trim_start();
    let rest2 = rest2
        .strip_prefix("Jump up to:")
        .map_or(rest2, str::trim_start);
    let mut cur = rest2;
    // Back-link letters: single lower-case letters separated by spaces; a
    // text dump may glue the last one to the text (`^ a bLane, A. N.`).
    let mut last: Option<char> = None;
    loop {
        let mut it = cur.char_indices();
        match (it.next(), it.next()) {
            (Some((_, c)), Some((j, ' '))) if c.is_ascii_lowercase() => {
                last = Some(c);
                cur = cur[j..].trim_start();
            }
            (Some((_, c)), Some((j, n)))
                if last.is_some_and(|l| (l as u8) + 1 == c as u8) && n.is_uppercase() =>
            {
                cur = &cur[j..];
                break;
            }
            _ => break,
        }
    }
    Label {
        label,
        len: t.len() - cur.len(),
        style: Style::BackLink,
    }
}

#[cfg(test)]
mod tests {
    fn l(t: &str) -> Option<(Option<String>, String)> {
        super::note(t).map(|l| (l.label, t[l.len..].to_string()))
    }

    #[test]
    fn wikipedia_reference_shapes() {
        assert_eq!(l("^ a b Grafton, A."), Some((None, "Grafton, A.".into())));
        assert_eq!(l("↑ Jump up to: a b Smith"), Some((None, "Smith".into())));
        assert_eq!(
            l("2. ^ Jones, B."),
            Some((Some("2".into()), "Jones, B.".into()))
        );
        assert_eq!(
            l("7. ^ a bLane, A. N."),
            Some((Some("7".into()), "Lane, A. N.".into()))
        );
        assert_eq!(
            l("2. Jones, B."),
            None,
            "a numbered note without a back-link"
        );
    }
}
