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
    let n = norm(text);
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            || (!w.is_empty() && w.len() <= 6 && w.chars().all(|c| "ivxlcdm".contains(c)))
    };
    // The first locator word (not the first word) followed by a number:
    // its index and byte offset in `n`; the stem is the text before it.
    let mut words = n
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .enumerate()
        .peekable();
    let mut cut = None;
    while let Some((k, (start, w))) = words.next() {
        if k >= 1 && locator(w) && words.peek().is_some_and(|(_, (_, x))| numeric(x)) {
            cut = Some((k, start));
            break;
        }
    }
    let (cut, at) = cut?;
    let stem = n.get(..at.saturating_sub(1)).unwrap_or("");
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    (cut >= 2 && letters >= 10).then(|| stem.to_string())
}

/// A locator word of a citation (`p`, `vol`, `chap` once normalised).
fn locator(w: &str) -> bool {
    matches!(
        w,
        "p" | "pp"
            | "page"
            | "pages"
            | "vol"
            | "vols"
            | "chap"
            | "ch"
            | "no"
            | "sec"
            | "art"
            | "fol"
    )
}
