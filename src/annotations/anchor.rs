//! Quote anchors (W3C Web Annotation `TextQuoteSelector` + `TextPositionSelector`)
//! and `resolve`, which finds an anchor again in a possibly edited text.
//!
//! Pure and total: every function here accepts any text and any anchor (offsets
//! out of range, inside multi-byte characters, reversed) without panicking.
//! Offsets stored in an [`Anchor`] count Unicode scalar values (`char`s), as the
//! W3C model does; ranges handed back in a [`Placement`] are byte ranges into the
//! text passed to [`resolve`], always on `char` boundaries.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::fuzzy;

/// How many characters of context are kept on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where an annotation points: the quoted text, its surroundings, and its old
/// position. Serialised field for field into the store.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// The exact quoted text.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters immediately before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters immediately after the quote.
    pub suffix: String,
    /// Character (not byte) offset of the quote's first character when anchored.
    pub start: usize,
    /// Character offset one past the quote's last character when anchored.
    pub end: usize,
}

/// The outcome of [`resolve`]. Ranges are **byte** ranges into the resolved text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// The quote is still at its old offsets with its old context around it.
    Exact(Range<usize>),
    /// The quote was found verbatim elsewhere (or at its old place with changed context).
    Moved(Range<usize>),
    /// The quote was not found verbatim; this range is a close approximate match
    /// (edit distance at most a quarter of the quote's length).
    Fuzzy(Range<usize>),
    /// Nothing close enough was found; the annotation must be kept and flagged.
    Orphaned,
}

impl Placement {
    /// The byte range, unless the anchor is orphaned.
    #[must_use]
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Placement::Exact(r) | Placement::Moved(r) | Placement::Fuzzy(r) => Some(r.clone()),
            Placement::Orphaned => None,
        }
    }
}

impl Anchor {
    /// Anchor the passage `byte_range` of `text`.
    ///
    /// The range is clamped to the text and each end is moved back to the
    /// nearest `char` boundary; a reversed range becomes empty.
    #[must_use]
    pub fn new(text: &str, byte_range: Range<usize>) -> Anchor {
        let start = floor_boundary(text, byte_range.start);
        let end = floor_boundary(text, byte_range.end).max(start);
        let quote = &text[start..end];
        let before = &text[..start];
        let prefix_from = back_chars(text, start, CONTEXT_CHARS);
        let suffix_to = forward_chars(text, end, CONTEXT_CHARS);
        let start_chars = before.chars().count();
        Anchor {
            quote: quote.to_string(),
            prefix: text[prefix_from..start].to_string(),
            suffix: text[end..suffix_to].to_string(),
            start: start_chars,
            end: start_chars + quote.chars().count(),
        }
    }
}

/// Find `anchor` in `text`, which may have been edited since the anchor was made.
///
/// In order: the quote verbatim, choosing among occurrences the one whose
/// surroundings match the stored prefix/suffix best, ties going to the one
/// nearest the old position ([`Placement::Exact`] if that is the old position
/// with its full context, else [`Placement::Moved`]); then an approximate match
/// ([`Placement::Fuzzy`]); else [`Placement::Orphaned`].
///
/// Cost is about one linear scan of `text` per quote fragment plus a bounded
/// number of edit-distance computations on quote-sized windows, so a few
/// hundred characters of quote in a 100 KB text resolve in milliseconds.
#[must_use]
pub fn resolve(text: &str, anchor: &Anchor) -> Placement {
    let old = char_range_to_bytes(text, anchor.start, anchor.end);
    if anchor.quote.is_empty() {
        return resolve_empty(text, anchor, old);
    }
    if let Some(found) = best_verbatim(text, anchor) {
        let full_context = text[..found.start].ends_with(anchor.prefix.as_str())
            && text[found.end..].starts_with(anchor.suffix.as_str());
        return if old.as_ref() == Some(&found) && full_context {
            Placement::Exact(found)
        } else {
            Placement::Moved(found)
        };
    }
    let old_byte = old.map_or_else(|| text.len(), |r| r.start);
    match fuzzy::find(text, anchor, old_byte) {
        Some(range) => Placement::Fuzzy(range),
        None => Placement::Orphaned,
    }
}

/// An empty quote marks a position: keep it if its context is intact, else look
/// for the prefix and suffix side by side.
fn resolve_empty(text: &str, anchor: &Anchor, old: Option<Range<usize>>) -> Placement {
    if let Some(old) = old {
        let at = old.start;
        if text[..at].ends_with(anchor.prefix.as_str())
            && text[at..].starts_with(anchor.suffix.as_str())
        {
            return Placement::Exact(at..at);
        }
    }
    let joined = format!("{}{}", anchor.prefix, anchor.suffix);
    if joined.is_empty() {
        return Placement::Orphaned;
    }
    match text.find(&joined) {
        Some(i) => {
            let at = i + anchor.prefix.len();
            Placement::Moved(at..at)
        }
        None => Placement::Orphaned,
    }
}

/// The verbatim occurrence of the quote with the best context score, ties going
/// to the occurrence nearest the old character offset. Overlapping occurrences count.
fn best_verbatim(text: &str, anchor: &Anchor) -> Option<Range<usize>> {
    let quote = anchor.quote.as_str();
    let step = quote.chars().next().map_or(1, char::len_utf8);
    let mut best: Option<(usize, usize, Range<usize>)> = None;
    let (mut counted_to, mut chars_before) = (0usize, 0usize);
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|rest| rest.find(quote)) {
        let start = from + i;
        chars_before += text[counted_to..start].chars().count();
        counted_to = start;
        let range = start..start + quote.len();
        let score = context_score(text, &range, anchor);
        let distance = chars_before.abs_diff(anchor.start);
        let better = match &best {
            None => true,
            Some((s, d, _)) => score > *s || (score == *s && distance < *d),
        };
        if better {
            best = Some((score, distance, range));
        }
        from = start + step;
    }
    best.map(|(_, _, range)| range)
}

/// How many characters of the stored prefix (read backwards from the quote) and
/// suffix (read forwards) agree with the text around `range`.
pub(super) fn context_score(text: &str, range: &Range<usize>, anchor: &Anchor) -> usize {
    let before = text[..range.start]
        .chars()
        .rev()
        .zip(anchor.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[range.end..]
        .chars()
        .zip(anchor.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

/// Byte range of the character range `start..end`, if both ends lie within the text.
fn char_range_to_bytes(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    if end < start {
        return None;
    }
    let mut boundaries = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = boundaries.nth(start)?;
    let e = if end == start {
        s
    } else {
        boundaries.nth(end - start - 1)?
    };
    Some(s..e)
}

/// The largest `char` boundary `<= at`, clamped to the text.
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The byte offset `n` characters before the boundary `at` (or 0).
pub(super) fn back_chars(text: &str, at: usize, n: usize) -> usize {
    if n == 0 {
        return at;
    }
    text[..at]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| i)
}

/// The byte offset `n` characters after the boundary `at` (or the text's end).
pub(super) fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_records_quote_context_and_char_offsets() {
        let text = "Ünïcödé prefix here. The quoted bit! And after.";
        let s = text.find("The").expect("fixture contains 'The'");
        let e = text.find('!').expect("fixture contains '!'") + 1;
        let a = Anchor::new(text, s..e);
        assert_eq!(a.quote, "The quoted bit!");
        assert_eq!(a.prefix, "Ünïcödé prefix here. ");
        assert_eq!(a.suffix, " And after.");
        assert_eq!(a.start, 21);
        assert_eq!(a.end, 36);
        // Inside a multi-byte char and past the end: clamped, no panic.
        let b = Anchor::new(text, 1..10_000);
        assert_eq!(b.start, 0);
        assert_eq!(b.quote, text);
        let (from, to) = (9, 3);
        let c = Anchor::new(text, from..to);
        assert_eq!(c.quote, "");
    }

    #[test]
    fn context_is_limited_to_32_chars() {
        let text = format!("{}QUOTE{}", "a".repeat(50), "b".repeat(50));
        let a = Anchor::new(&text, 50..55);
        assert_eq!(a.prefix, "a".repeat(32));
        assert_eq!(a.suffix, "b".repeat(32));
    }

    #[test]
    fn unchanged_text_is_exact() {
        let text = "one two three two one";
        let a = Anchor::new(text, 14..17); // second "two"
        assert_eq!(resolve(text, &a), Placement::Exact(14..17));
    }

    #[test]
    fn moved_quote_prefers_matching_context_then_nearest() {
        let text = "alpha KEY beta. gamma KEY delta. epsilon KEY zeta.";
        let a = Anchor::new(text, 22..25); // "gamma KEY delta"
        let edited = format!("INSERTED {text}");
        assert_eq!(resolve(&edited, &a), Placement::Moved(31..34));
        // Same context everywhere: nearest old position wins.
        let plain = "x KEY x KEY x KEY x";
        let b = Anchor {
            quote: "KEY".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 9,
            end: 12,
        };
        assert_eq!(resolve(plain, &b), Placement::Moved(8..11));
    }

    #[test]
    fn quote_at_old_offsets_with_changed_context_is_moved() {
        let a = Anchor::new("aaa QUOTE bbb", 4..9);
        assert_eq!(resolve("xxx QUOTE yyy", &a), Placement::Moved(4..9));
    }

    #[test]
    fn typo_fix_and_inserted_word_are_fuzzy() {
        let text = "Intro text. The quick brown fox jumps over the lazy dog. Outro text.";
        let s = text.find("The quick").expect("fixture");
        let e = text.find(" Outro").expect("fixture");
        let a = Anchor::new(text, s..e);
        let typo = text.replace("brown", "browm");
        assert_eq!(resolve(&typo, &a), Placement::Fuzzy(s..e));
        let inserted = text.replace("quick ", "quick and clever ");
        let placed = resolve(&inserted, &a);
        let Placement::Fuzzy(r) = placed else {
            panic!("expected Fuzzy, got {placed:?}");
        };
        assert_eq!(
            &inserted[r],
            "The quick and clever brown fox jumps over the lazy dog."
        );
    }

    #[test]
    fn far_too_different_is_orphaned() {
        let text = "Intro text. The quick brown fox jumps over the lazy dog. Outro text.";
        let a = Anchor::new(text, 12..56);
        assert_eq!(
            resolve("Something else entirely, nothing alike.", &a),
            Placement::Orphaned
        );
        assert_eq!(resolve("", &a), Placement::Orphaned);
    }

    #[test]
    fn empty_quote_keeps_position_by_context() {
        let text = "before|after";
        let a = Anchor::new(text, 6..6);
        assert_eq!(resolve(text, &a), Placement::Exact(6..6));
        assert_eq!(resolve("xx before|after", &a), Placement::Moved(9..9));
        assert_eq!(resolve("nothing", &a), Placement::Orphaned);
    }

    #[test]
    fn fuzzy_is_fast_on_100kb() {
        // Deterministic pseudo-random words so the quote is unique.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut text = String::new();
        while text.len() < 100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 2 + (seed % 8) as usize;
            for k in 0..len {
                text.push(char::from(b'a' + ((seed >> (k * 5)) % 26) as u8));
            }
            text.push(' ');
        }
        let s = floor_boundary(&text, 60_000);
        let e = floor_boundary(&text, 60_300);
        let a = Anchor::new(&text, s..e);
        let mut edited = text.clone();
        edited.replace_range(s + 100..s + 103, "XYZW");
        edited.insert_str(10, "some new words at the top ");
        let started = std::time::Instant::now();
        let placed = resolve(&edited, &a);
        let elapsed = started.elapsed();
        let Placement::Fuzzy(r) = placed else {
            panic!("expected Fuzzy, got {placed:?}");
        };
        assert!(r.start < e + 26 && s + 26 < r.end);
        assert!(elapsed.as_secs_f64() < 2.0, "took {elapsed:?}");
    }
}
