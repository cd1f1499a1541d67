//! Heading shapes in plain text that say "a section begins" on their own,
//! whatever the surrounding prose: numbered (`1.`, `3.2.1.`, `A.1.`,
//! `Appendix B.`), all capitals (`OF STUDIES`, `INTRODUCTION.`), and book
//! divisions (`CHAPTER IV`, `Chapter 12`, `BOOK II`, `PART ONE`).

/// Words that open a book division heading.
const DIVISIONS: &[&str] = &[
    "chapter",
    "book",
    "part",
    "appendix",
    "section",
    "canto",
    "act",
    "scene",
    "lecture",
    "letter",
    "essay",
    "volume",
    "preface",
    "introduction",
    "prologue",
    "epilogue",
    // Songs of a ballad opera (`AIR I.`), carols' staves, sermons, lessons.
    "air",
    "song",
    "stave",
    "sermon",
    "psalm",
    "hymn",
    "episode",
    "lesson",
    "article",
];

/// True for a Roman numeral (`IV`, `xii`), optionally with a final period.
fn roman(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ':']);
    !w.is_empty()
        && w.len() <= 8
        && (w.chars().all(|c| "IVXLCDM".contains(c)) || w.chars().all(|c| "ivxlcdm".contains(c)))
}

/// A number word or numeral after a division word.
fn ordinal(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ':', ',']);
    roman(w)
        || (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        || [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
            "second", "third", "fourth", "fifth", "last", "the",
        ]
        .contains(&w.to_lowercase().as_str())
        || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// `CHAPTER IV`, `Chapter 12. The Storm`, `BOOK II`, `APPENDIX A`: level 1.
#[must_use]
pub fn division(t: &str) -> bool {
    let t = t.trim();
    if t.len() > 360 {
        return false;
    }
    let mut words = t.split_whitespace();
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    // The first word decides most lines; the length in chars is counted after.
    let first_t = first.trim_end_matches(['.', ':']);
    if !DIVISIONS.iter().any(|d| d.eq_ignore_ascii_case(first_t)) || t.chars().count() > 90 {
        return false;
    }
    let first_l = first_t.to_ascii_lowercase();
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    match second {
        Some(s) => capital && ordinal(s),
        // `PREFACE`, `INTRODUCTION` alone.
        None => first.chars().all(|c| !c.is_lowercase()) && first_l.len() > 3,
    }
}

/// The depth of a section number at the start (`3.2.1 Title` → 3, `A.1.` →
/// 2, `4. Title` → 1), when the rest reads as a title.
#[must_use]
pub fn numbered(t: &str) -> Option<u8> {
    let t = t.trim();
    // The number starts with a digit or a letter and a period (`A.1`).
    let b = t.as_bytes();
    if !b
        .first()
        .is_some_and(|c| c.is_ascii_digit() || (c.is_ascii_uppercase() && b.get(1) == Some(&b'.')))
    {
        return None;
    }
    let num_end = t.find(' ')?;
    let (num, rest) = (&t[..num_end], t[num_end..].trim());
    let parts: Vec<&str> = num.trim_end_matches('.').split('.').collect();
    let ok_parts = !parts.is_empty()
        && parts.len() <= 6
        && parts.iter().enumerate().all(|(i, p)| {
            (!p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
                || (i == 0
                    && p.len() == 1
                    && p.bytes().all(|b| b.is_ascii_uppercase())
                    && parts.len() > 1)
        });
    if !ok_parts || rest.is_empty() {
        return None;
    }
    // A lone `4.` before a sentence is a list item; a title has no final
    // period and is short.
    let n = rest.chars().count();
    let title = n <= 80
        && !rest.contains('_')
        && rest.chars().any(|c| c.is_lowercase() || c == ' ')
        && !rest.ends_with(['.', ',', ';', ':'])
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '\'' || c == '“')
        && rest.split_whitespace().count() <= 14;
    title.then(|| u8::try_from(parts.len()).unwrap_or(6).min(6))
}

/// A line in capitals: `OF STUDIES`, `THE RIGHTS OF MAN.`, `I. INTRODUCTION`.
#[must_use]
pub fn all_caps(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ':']);
    // Over 480 bytes is over 120 chars; a lower-case letter decides at once.
    if t.len() > 480 || t.len() < 3 || t.chars().any(|c| c.is_alphabetic() && c.is_lowercase()) {
        return false;
    }
    let n = t.chars().count();
    if !(3..=120).contains(&n) {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let words = t.split_whitespace().count();
    letters >= 3
        && (words >= 2 || letters >= 6)
        && t.split_whitespace().count() <= 20
        && !t.contains(" | ")
}

/// The level a strong heading shape gives, if any.
#[must_use]
pub fn strong(t: &str) -> Option<u8> {
    let level = if division(t) {
        Some(1)
    } else if let Some(depth) = numbered(t) {
        Some(depth)
    } else if all_caps(t) {
        Some(1)
    } else {
        None
    };
    // A credit line under a title (`BY ELIZA LEE FOLLEN.`) is no heading
    // (asked only of heading shapes: most paragraphs are none).
    level.filter(|_| !(t.trim_start().starts_with("BY ") || imprint(t)))
}

/// A printer's imprint at the end of a book (`MORRISON AND GIBB,
/// PRINTERS, EDINBURGH`, `PRINTED BY R. CLAY AND SONS, LONDON`).
pub(crate) fn imprint(t: &str) -> bool {
    static PRINTE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("PRINTE"));
    let t = t.trim();
    // A book's `Printed in Germany` / `PRINTED IN GREAT BRITAIN`.
    let printed_in = t
        .get(..11)
        .is_some_and(|h| h.eq_ignore_ascii_case("printed in "))
        && t.split_whitespace().count() <= 7;
    // Every other form holds `PRINTE`: one search tells most lines.
    printed_in
        || PRINTE.find(t.as_bytes()).is_some()
            && t.contains(", ")
            && (t.contains("PRINTERS") || t.contains("PRINTER,") || t.starts_with("PRINTED BY"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printers_imprints_are_no_headings() {
        assert_eq!(strong("MORRISON AND GIBB, PRINTERS, EDINBURGH"), None);
        assert_eq!(strong("PRINTED BY R. CLAY AND SONS, LONDON"), None);
        assert_eq!(strong("THE PRINTER'S DEVIL"), Some(1));
        assert!(imprint("Printed In Germany"));
        assert!(imprint("PRINTED IN GREAT BRITAIN"));
        assert!(!imprint(
            "Printed in the colours of the house, the banners hung over every gate"
        ));
    }

    #[test]
    fn shapes() {
        assert!(division("CHAPTER IV."));
        assert!(division("Chapter 12. The Storm"));
        assert!(division("BOOK II"));
        assert!(division("PREFACE"));
        assert!(!division("Chapter and verse are cited"));
        assert!(division("AIR I. An old Woman clothed in Gray, &c."));
        assert!(division("Article IV."));
        assert!(!division("Air is a mixture of gases"));
        assert_eq!(numbered("3.2.1 Media Types"), Some(3));
        assert_eq!(numbered("A.1. Internet Media Type"), Some(2));
        assert_eq!(numbered("19.3 Tolerant Applications"), Some(2));
        assert_eq!(numbered("4. The rest of the sentence goes on."), None);
        assert_eq!(numbered("1999 was a year"), None);
        assert_eq!(numbered("12 Angry Men"), Some(1));
        assert!(all_caps("OF STUDIES"));
        assert!(all_caps("INTRODUCTION."));
        assert!(!all_caps("NATO"));
        assert!(!all_caps("RFC 2616 | HTTP"));
    }
}
