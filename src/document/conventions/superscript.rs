//! Unicode superscript digits: markers `word¹²` and notes `¹²Text`.

use super::{Candidate, Convention, Label, Strength, Style, with_space};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "superscript",
    // U+00B9, U+00B2/3 → 0xC2; U+2070..=U+2079 → 0xE2.
    starts: &[0xC2, 0xE2],
    marker: Some(marker),
    note: Some(note),
};

/// Value of a superscript digit character.
#[must_use]
pub fn value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Parses a run of superscript digits at the start of `s`: (value, bytes).
#[must_use]
pub fn run(s: &str) -> Option<(String, usize)> {
    let mut label = String::new();
    let mut len = 0;
    for c in s.chars() {
        match value(c) {
            Some(v) if label.len() < 4 => {
                label.push(char::from_digit(v, 10).unwrap_or('0'));
                len += c.len_utf8();
            }
            _ => break,
        }
    }
    (!label.is_empty()).then_some((label, len))
}

fn marker(text: &str, i: usize) -> Option<Candidate> {
    let (label, len) = run(&text[i..])?;
    // Units and exponents (`m²`, `10³`) follow a digit or a unit letter
    // directly; a marker follows a word, a closing quote or punctuation.
    let before = text[..i].chars().next_back()?;
    if before.is_ascii_digit() {
        return None;
    }
    Some(Candidate::new(i..i + len, label, Strength::Superscript))
}

fn note(t: &str) -> Option<Label> {
    let (label, len) = run(t)?;
    Some(Label {
        label: Some(label),
        len: with_space(t, len),
        style: Style::Superscript,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_notes() {
        assert_eq!(marker("word¹² next", 4).map(|c| c.label), Some("12".into()));
        assert_eq!(marker("area 10³ m", 7), None, "an exponent after a digit");
        assert_eq!(marker("¹ at the start", 0), None);
        assert_eq!(
            note("¹²Joseph").map(|l| (l.label, l.len)),
            Some((Some("12".into()), 4))
        );
        assert_eq!(run("⁴⁵x"), Some(("45".into(), 6)));
    }
}
