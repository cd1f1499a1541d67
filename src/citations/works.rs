//! What identifies a cited work inside a note: its quoted or italic title,
//! the author before it, and a cheap key for spotting identical references.

use std::ops::Range;

/// Lower-cases and keeps letters/digits, folding quotes, dashes and
/// punctuation to single spaces.
pub(super) fn norm(s: &str) -> String {
    crate::document::normalise_words(s)
}

/// The quoted or italic title in `text[range]`: the first `“…”`/`"…"`
/// segment (an unclosed quote runs to the next comma), else the first italic.
pub(super) fn title_in(text: &str, italics: &[Range<usize>], limit: usize) -> Option<String> {
    let part = &text[..limit.min(text.len())];
    if let Some(open) = part.find(['“', '"', '‘']) {
        let q = part[open..].chars().next().unwrap_or('"');
        let body = &part[open + q.len_utf8()..];
        let close = match q {
            '“' => body.find(['”', '"']),
            '‘' => body.find('’'),
            _ => body.find(['"', '”']),
        };
        let end = close.or_else(|| body.find(", ")).unwrap_or(body.len());
        let t = body[..end].trim();
        if t.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
            return Some(t.to_string());
        }
    }
    italics
        .iter()
        .find(|r| r.end <= part.len())
        .map(|r| text[r.clone()].to_string())
}

/// The author part: text before the first comma or quote, if it looks like
/// a name (1–8 words, no digits).
pub(super) fn author_in(text: &str, limit: usize) -> Option<String> {
    let part = &text[..limit.min(text.len())];
    let end = part.find([',', '“', '"', '‘', '*']).unwrap_or(part.len());
    let a = part[..end].trim();
    let words = a.split_whitespace().count();
    ((1..=8).contains(&words) && !a.chars().any(|c| c.is_ascii_digit())).then(|| a.to_string())
}

/// A hash of a note's letters and digits (ASCII case folded; quotes, dashes
/// and other punctuation ignored) and how many there were: a cheap key for
/// finding identical references, confirmed with [`norm`] on a hit.
pub(super) fn source_key(text: &str) -> (u64, usize) {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let b = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        let x = b[i];
        if x.is_ascii_alphanumeric() {
            h.write_u8(x.to_ascii_lowercase());
            n += 1;
            i += 1;
        } else if x < 0x80 {
            i += 1;
        } else if x == 0xE2 && b.get(i + 1) == Some(&0x80) {
            i += 3; // U+2000..U+203F: dashes, quotes, spaces
        } else {
            h.write_u8(x);
            n += 1;
            i += 1;
        }
    }
    (h.finish(), n)
}

/// A work's normalised author and title.
pub(super) type WorkKey = (Option<String>, Option<String>);

/// The normalised author and title an original note cites.
pub(super) fn work_key(n: &super::NoteText<'_>) -> WorkKey {
    let title = title_in(n.text, n.italics, n.text.len()).map(|t| norm(&t));
    let limit = n.text.find(['“', '"', '‘', '*']).unwrap_or(n.text.len());
    let author = author_in(n.text, limit).map(|a| norm(&a));
    (author, title)
}

/// `short` is the same title as `full` or a word-prefix of it.
pub(super) fn title_matches(short: &str, full: &str) -> bool {
    full == short || full.starts_with(&format!("{short} "))
}

/// Every word of the op. cit. author appears among the original's author
/// words. With `lenient`, a missing author on either side matches.
pub(super) fn author_matches(opcit: Option<&str>, original: Option<&str>, lenient: bool) -> bool {
    match (opcit, original) {
        (Some(a), Some(o)) => {
            let ow: Vec<&str> = o.split(' ').collect();
            a.split(' ').all(|w| ow.contains(&w))
        }
        _ => lenient,
    }
}

/// A note's citation without its locator (`p. 313`, `vol. 5, p. 71`,
/// `chap. iv`), normalised, when what is left names a work (two or more
/// words, ten or more letters, a locator actually cut off).
pub(super) fn work_stem(text: &str) -> Option<String> {
    // The words are [`norm`]'s, read off the raw text without building it:
    // runs between separators (whitespace, `-`, `/`, `–`, `—`) holding a
    // letter or digit; other punctuation is dropped without splitting.
    let b = text.as_bytes();
    let (mut i, mut k) = (0usize, 0usize);
    // The start of the previous word when it is a locator and not the first.
    let mut prev_locator: Option<usize> = None;
    let mut start: Option<usize> = None;
    // The current word: its ASCII letters lower-cased (only short words
    // matter), its length, whether it is all ASCII and holds a digit.
    let mut low = [0u8; 7];
    let (mut len, mut ascii, mut digit) = (0usize, true, false);
    loop {
        let (sep, alnum, width) = match b.get(i) {
            None => (true, false, 0),
            Some(&x) if x < 0x80 => (
                matches!(x, b' ' | b'\t' | b'\n' | b'-' | b'/'),
                x.is_ascii_alphanumeric(),
                1,
            ),
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let (sep, alnum) = char_class(c);
                (sep, alnum, c.len_utf8())
            }
        };
        if sep {
            if let Some(s) = start.take() {
                let w = &low[..len.min(low.len())];
                let roman = ascii && len <= 6 && w.iter().all(|c| b"ivxlcdm".contains(c));
                if let Some(at) = prev_locator
                    && (digit || roman)
                {
                    // The first locator word (not the first word) followed
                    // by a number: the stem is the text before it.
                    let stem = norm(&text[..at]);
                    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
                    return (k >= 3 && letters >= 10).then_some(stem);
                }
                prev_locator = (k >= 1 && ascii && locator(w)).then_some(s);
                k += 1;
                (len, ascii, digit) = (0, true, false);
            }
            if width == 0 {
                return None;
            }
        } else if alnum {
            start.get_or_insert(i);
            if width == 1 {
                digit |= b[i].is_ascii_digit();
                if len < low.len() {
                    low[len] = b[i].to_ascii_lowercase();
                }
                len += 1;
            } else {
                ascii = false;
            }
        }
        i += width;
    }
}

/// Whether a non-ASCII char separates [`norm`]'s words and whether it is a
/// letter or digit; U+2000–U+203F (quotes, dashes, spaces) without a Unicode
/// table look-up.
fn char_class(c: char) -> (bool, bool) {
    if ('\u{2000}'..='\u{203F}').contains(&c) {
        let sep = c <= '\u{200A}' || matches!(c, '–' | '—' | '\u{2028}' | '\u{2029}' | '\u{202F}');
        return (sep, false);
    }
    (
        c.is_whitespace() || matches!(c, '–' | '—'),
        c.is_alphanumeric(),
    )
}

/// A locator word of a citation (`p`, `vol`, `chap` once normalised).
fn locator(w: &[u8]) -> bool {
    matches!(
        w,
        b"p" | b"pp"
            | b"page"
            | b"pages"
            | b"vol"
            | b"vols"
            | b"chap"
            | b"ch"
            | b"no"
            | b"sec"
            | b"art"
            | b"fol"
    )
}

#[cfg(test)]
#[path = "works_tests.rs"]
mod tests;
