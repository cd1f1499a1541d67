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
