//! Digits glued to punctuation, as text copied from a PDF leaves superscript
//! note numbers: `security.1`, `office,2`, `”3`. Weak: accepted only in
//! sequence with the markers before it.

use super::{Candidate, Convention, Strength};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "glued-digits",
    starts: b"0123456789",
    marker: Some(marker),
    note: None,
};

/// Punctuation after which a glued digit run may be a marker.
fn glue_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '’' | '"' | '\'' | '»'
    )
}

fn marker(text: &str, i: usize) -> Option<Candidate> {
    let len = text.as_bytes()[i..]
        .iter()
        .take_while(|x| x.is_ascii_digit())
        .count();
    if len > 3 {
        return None;
    }
    let before = &text[..i];
    let mut back = before.chars().rev();
    let p = back.next()?;
    let after = text[i + len..].chars().next();
    // `proof5that`, `(G)3of`: a short number between a word (or a closing
    // parenthesis) and a lower-case word.
    let interior = len <= 2
        && after.is_some_and(char::is_lowercase)
        && (p == ')' || p.is_lowercase() && back.clone().next().is_some_and(char::is_lowercase));
    if interior {
        return Some(Candidate::new(
            i..i + len,
            text[i..i + len].to_string(),
            Strength::Interior,
        ));
    }
    if !glue_punct(p) {
        return None;
    }
    let pp = back.next()?;
    let after_ok =
        after.is_none_or(|a| a.is_whitespace() || matches!(a, ')' | ']' | ',' | ';' | '—' | '–'));
    if !after_ok {
        return None;
    }
    let word_before = pp.is_alphabetic() || matches!(pp, '”' | '’' | '"' | ')' | '\'' | '.');
    // `$1,283,200,000,8`: after a comma-grouped number, a run that is not a
    // three-digit group is a marker.
    let grouped = p == ','
        && pp.is_ascii_digit()
        && len != 3
        && is_grouped_number(&before[..before.len() - 1]);
    // `3.5` is a decimal; `at 216.1 Aside` (a page cite, then the note
    // number before a new sentence) is a marker.
    if p == '.' && pp.is_ascii_digit() {
        // `1.1  Motivation` opening a line is a section number.
        let number_start =
            before[..before.len() - 1].trim_end_matches(|c: char| c.is_ascii_digit());
        if number_start.trim_end_matches([' ', '\t']).is_empty()
            || number_start.trim_end_matches([' ', '\t']).ends_with('\n')
        {
            return None;
        }
        let next_word = text[i + len..].trim_start().chars().next();
        let sentence =
            text[i + len..].starts_with(' ') && next_word.is_some_and(char::is_uppercase);
        return sentence
            .then(|| Candidate::new(i..i + len, text[i..i + len].to_string(), Strength::Glued));
    }
    (word_before || grouped)
        .then(|| Candidate::new(i..i + len, text[i..i + len].to_string(), Strength::Glued))
}

/// True when `s` ends with a number grouped by commas (`1,283,200,000`).
fn is_grouped_number(s: &str) -> bool {
    let tail: String = s
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let tail: String = tail.chars().rev().collect();
    let groups: Vec<&str> = tail.split(',').collect();
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::marker;

    #[test]
    fn glued_digits() {
        assert_eq!(
            marker("security.1 Next", 9).map(|c| c.label),
            Some("1".into())
        );
        assert_eq!(
            marker("at 216.1 Aside", 7).map(|c| c.label),
            Some("1".into())
        );
        assert!(marker("costs 3.5 units", 8).is_none(), "a decimal");
        assert!(marker("1.1  Motivation", 2).is_none(), "a section number");
        assert!(marker("Contents\n  1.2  Scope ....", 13).is_none());
        assert!(marker("in 1956.2019", 8).is_none(), "too long a run");
        assert!(marker("G7 summit", 1).is_none());
    }

    #[test]
    fn flattened_superscripts_inside_words_are_interior() {
        use super::Strength;
        let at = |t: &str, i: usize| marker(t, i).map(|c| (c.label, c.strength));
        assert_eq!(
            at("require proof5that the", 13),
            Some(("5".into(), Strength::Interior))
        );
        assert_eq!(
            at("101(a)(43)(G)3of the Act", 13),
            Some(("3".into(), Strength::Interior))
        );
        assert!(marker("an H2O molecule", 4).is_none(), "capital before");
        assert!(marker("the mp3 player", 6).is_none(), "nothing after");
        assert!(
            marker("x86config", 1).is_none(),
            "a run too long and one letter before"
        );
    }
}
