//! Numbers in parentheses or braces: `whole.(1)`, `impera(1)`, `neighbors."(11)`
//! glued to the word or stop before them (The Federalist and other
//! transcriptions of printed books), and `{1}` (`dressed {1} people`, notes
//! `{1}  "Elegant," I mean …`). A parenthesised number is a marker only glued
//! (`(1) the first` is an enumeration) and never after a digit or a closing
//! parenthesis (`10(a)(1)` is a statute's subsection). Like brackets, either is
//! a marker only when a note with its label exists.

use super::{Candidate, Convention, Label, Strength, Style, with_space};

/// The convention's row in the registry. It starts at the digits (the
/// scanner stops at digits; it does not stop at every parenthesis).
pub static CONVENTION: Convention = Convention {
    name: "enclosed-number",
    starts: b"0123456789",
    marker: Some(marker),
    note: Some(note),
};

/// Longest number, in digits.
const MAX_DIGITS: usize = 3;

/// `(digits)` or `{digits}` around byte `i` (the first digit): the range of
/// the whole and its closing byte.
fn enclosed(text: &str, i: usize) -> Option<(std::ops::Range<usize>, u8)> {
    let b = text.as_bytes();
    let open = *b.get(i.checked_sub(1)?)?;
    let close = match open {
        b'(' => b')',
        b'{' => b'}',
        _ => return None,
    };
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > MAX_DIGITS || b.get(i + digits) != Some(&close) {
        return None;
    }
    Some((i - 1..i + digits + 1, close))
}

fn marker(text: &str, i: usize) -> Option<Candidate> {
    let (range, close) = enclosed(text, i)?;
    let label = text[i..range.end - 1].to_string();
    let before = &text[..range.start];
    let mut back = before.chars().rev();
    let p = back.next()?;
    let after = text[range.end..].chars().next();
    let ends = after.is_none_or(|a| {
        a.is_whitespace()
            || matches!(
                a,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '’' | '\'' | '—' | '–'
            )
    });
    if close == b'}' {
        // Set off by a space (`dressed {1} people`): `x_{1}` and `\frac{1}`
        // are TeX. At the start of a paragraph it labels a note.
        let word = |c: char| c.is_alphanumeric() || ".,;:!?\"”’'".contains(c);
        let spaced = p.is_whitespace() && before.trim_end().chars().next_back().is_some_and(word);
        let ends = after.is_none_or(|a| a.is_whitespace() || ".,;:!?".contains(a));
        return ((spaced || matches!(p, '.' | ',' | ';' | ':' | '!' | '?')) && ends)
            .then(|| Candidate::new(range, label, Strength::Bracket));
    }
    let glued = match p {
        // A lower-case word of two letters or more (`f(1)` is a function's
        // value, `Art. VII(1)` and `Rule 12(b)(6)` subdivisions).
        p if p.is_lowercase() => back.next().is_some_and(char::is_alphabetic),
        '.' | ',' | ';' | ':' | '!' | '?' | '”' | '’' => true,
        // A closing quote (`neighbors."(11)`), not an opening one
        // (`considers "(1) the fitness`).
        '"' | '\'' => back.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    };
    (glued && ends).then(|| Candidate::new(range, label, Strength::Bracket))
}

/// True when the digits at byte `i` are a glued `(n)` marker.
#[must_use]
pub fn is_glued_marker(text: &str, i: usize) -> bool {
    text.as_bytes().get(i.wrapping_sub(1)) == Some(&b'(') && marker(text, i).is_some()
}

/// `{1}  text`: a note labelled in braces.
fn note(t: &str) -> Option<Label> {
    let (range, close) = enclosed(t, 1)?;
    if close != b'}' || t[range.end..].trim().is_empty() {
        return None;
    }
    if !t[range.end..].starts_with(char::is_whitespace) {
        return None;
    }
    Some(Label {
        label: Some(t[1..range.end - 1].to_string()),
        len: with_space(t, range.end),
        style: Style::Bracket,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: &str, needle: &str) -> Option<String> {
        let i = t.find(needle)? + 1;
        marker(t, i).map(|c| {
            assert_eq!(&t[c.range.clone()], needle);
            c.label
        })
    }

    #[test]
    fn glued_parenthesised_numbers() {
        assert_eq!(at("of the whole.(1) This", "(1)").as_deref(), Some("1"));
        assert_eq!(at("Divide et impera(1) must", "(1)").as_deref(), Some("1"));
        assert_eq!(
            at("their neighbors.\"(11) This", "(11)").as_deref(),
            Some("11")
        );
        assert_eq!(at("(says he(1)) \"that", "(1)").as_deref(), Some("1"));
        assert_eq!(at("MEGARENSIANS,(2) another", "(2)").as_deref(), Some("2"));
    }

    #[test]
    fn enumerations_subsections_and_values_are_not_markers() {
        assert_eq!(at("these: (1) the first", "(1)"), None, "not glued");
        assert_eq!(at("section 2C:35-10(a)(1) of", "(1)"), None);
        assert_eq!(at("under 101(1) of", "(1)"), None);
        assert_eq!(at("where f(1) = 2", "(1)"), None);
        assert_eq!(at("Compact, Art. VII(1), 86 Stat.", "(1)"), None);
        assert_eq!(at("the word(1)x", "(1)"), None, "glued on both sides");
        assert_eq!(at("a (1234) code", "(1234)"), None);
        assert_eq!(
            at("considers \"(1) the fitness", "(1)"),
            None,
            "an opening quote"
        );
    }

    #[test]
    fn braces() {
        assert_eq!(at("elegantly {1} dressed", "{1}").as_deref(), Some("1"));
        assert_eq!(at("north; {3} but", "{3}").as_deref(), Some("3"));
        assert_eq!(at("f(x_{0})+1", "{0}"), None, "TeX");
        assert_eq!(at("(x^{1},f^ {3}) and", "{3}"), None, "TeX over a line end");
        assert_eq!(at("\\frac{1}{2} of", "{1}"), None, "TeX");
        assert_eq!(
            marker("{1}  \"Elegant,\" I mean", 1),
            None,
            "a note's label"
        );
        let l = note("{1}  \"Elegant,\" I mean").expect("a label");
        assert_eq!((l.label.as_deref(), l.len), (Some("1"), 5));
        assert!(note("{1}").is_none());
        assert!(note("(1) The first").is_none());
    }
}
