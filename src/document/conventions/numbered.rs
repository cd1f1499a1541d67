//! Numbered notes: `1. text`, `1) text`, and under a notes heading the bare
//! `1 Text` that PDF copies leave when the period after the number is lost.

use super::{Convention, Label, Style};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "numbered",
    starts: &[],
    marker: None,
    note: Some(note),
};

fn note(t: &str) -> Option<Label> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) || !matches!(t.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    let after = &t[digits + 1..];
    if !after.starts_with(char::is_whitespace) || after.trim().is_empty() {
        return None;
    }
    Some(Label {
        label: Some(t[..digits].to_string()),
        len: t.len() - after.trim_start().len(),
        style: Style::Numbered,
    })
}

/// `12 Text`: one to three digits, a space, then a capital, a quote or a
/// bracket (never a lower-case word: `12 summits` is prose).
#[must_use]
pub fn bare_number_label(t: &str) -> Option<Label> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || t.as_bytes().get(digits) != Some(&b' ') {
        return None;
    }
    let rest = t[digits..].trim_start();
    let first = rest.chars().next()?;
    (first.is_uppercase() || "“\"‘'([*".contains(first)).then(|| Label {
        label: Some(t[..digits].to_string()),
        len: t.len() - rest.len(),
        style: Style::Numbered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_and_bare() {
        assert_eq!(
            note("10.   “K").map(|l| (l.label, l.len)),
            Some((Some("10".into()), 6))
        );
        assert_eq!(note("3) Smith").map(|l| l.label), Some(Some("3".into())));
        assert!(note("1956 was").is_none());
        assert!(note("4.").is_none());
        assert_eq!(
            bare_number_label("1 Thomas Schelling").map(|l| l.len),
            Some(2)
        );
        assert!(bare_number_label("12 summits were held").is_none());
    }
}
