//! Reference symbols: `*`, `†`, `‡`, `§`, `‖`, `¶` and their doubled forms
//! (`**`, `††`), glued to the word they qualify; the note sits below the
//! paragraph, table or page and starts with the same symbol. A symbol is a
//! marker only when such a note follows it (confirmed when linking).

use super::{Candidate, Convention, Label, Strength, Style, with_space};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "symbol",
    // `*`; `†` `‡` `‖` (U+2020/2021/2016 → 0xE2); `§` `¶` (U+00A7/00B6 → 0xC2).
    starts: &[b'*', 0xE2, 0xC2],
    marker: Some(marker),
    note: Some(note),
};

/// The reference symbols, in their traditional order.
pub const SYMBOLS: &[char] = &['*', '†', '‡', '§', '‖', '¶'];

/// A run of one repeated symbol at the start of `s` (at most three): the
/// label and its length in bytes.
fn symbol_run(s: &str) -> Option<(&str, usize)> {
    let c = s.chars().next().filter(|c| SYMBOLS.contains(c))?;
    let n = s.chars().take_while(|&x| x == c).count();
    if n > 3 {
        return None;
    }
    let len = n * c.len_utf8();
    Some((&s[..len], len))
}

fn marker(text: &str, i: usize) -> Option<Candidate> {
    let (label, len) = symbol_run(&text[i..])?;
    let before = text[..i].chars().next_back()?;
    let glued = before.is_alphanumeric()
        || matches!(
            before,
            '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"' | '\'' | '?' | '!'
        );
    let after = text[i + len..].chars().next();
    let after_ok =
        after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | ';' | '.' | ')' | ':'));
    // `§ 5` and `¶ 12` cite sections and paragraphs; `a*b` is arithmetic.
    (glued && after_ok).then(|| Candidate::new(i..i + len, label.to_string(), Strength::Symbol))
}

fn note(t: &str) -> Option<Label> {
    let (label, len) = symbol_run(t)?;
    let rest = &t[len..];
    let first = rest.chars().next()?;
    // `*emphasis*` and `**strong**` are not labels: a star needs a space.
    let ok = first.is_whitespace() || (!label.starts_with('*') && first.is_alphanumeric());
    if !ok || rest.trim().is_empty() {
        return None;
    }
    Some(Label {
        label: Some(label.to_string()),
        len: with_space(t, len),
        style: Style::Symbol,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        let t = "the treaty* and the law,† also‡ but § 5 and a*b";
        let found: Vec<String> = t
            .char_indices()
            .filter_map(|(i, _)| marker(t, i).map(|c| c.label))
            .collect();
        assert_eq!(found, vec!["*", "†", "‡"]);
        assert_eq!(marker("doubled††.", 7).map(|c| c.label), Some("††".into()));
    }
}
