//! Ranking: fuzzy score plus bonuses, and top-N selection over the index.
//!
//! final score = matcher score + exact-substring bonus + kind bonus (titles, headings > notes >
//! passages) + shorter-item bonus + recent-article bonus. Ties then go to the shorter text, then
//! to the earlier entry, so results are deterministic. A byte-level subsequence check (exactly
//! the matcher's own "does it match at all" test) runs before the matcher, so non-matching
//! entries cost one `memchr` scan. Positions are computed only by [`fill_positions`].

use super::index::Index;
use super::matcher::{Matcher, Needle, SkimMatcher};
use super::{Entry, Hit, Kind, Query};
use std::cmp::Ordering;
use std::ops::Range;

/// Bonus for an entry of each kind.
#[must_use]
pub const fn kind_bonus(kind: Kind) -> i64 {
    match kind {
        Kind::Article => 30,
        Kind::Heading => 24,
        Kind::Annotation => 16,
        Kind::Note => 8,
        Kind::Passage => 0,
    }
}

/// Bonus for short texts: 24 for an empty text, one less per 8 bytes, 0 from 192 bytes.
#[must_use]
pub fn length_bonus(len: usize) -> i64 {
    24 - i64::try_from((len / 8).min(24)).unwrap_or(24)
}

/// Bonus for an entry of the `i`-th most recent article (0 = the current one).
#[must_use]
pub fn recent_bonus(doc: u32, recent: &[u32]) -> i64 {
    recent
        .iter()
        .position(|&d| d == doc)
        .map_or(0, |i| (20 - 2 * i64::try_from(i).unwrap_or(8)).max(4))
}

/// Bonus when the pattern occurs contiguously (case-insensitively): it must outrank any
/// scattered match of the same pattern.
#[must_use]
pub fn exact_bonus(needle_chars: usize) -> i64 {
    20 + 8 * i64::try_from(needle_chars).unwrap_or(0)
}

/// A pattern prepared once per query.
pub(crate) struct Prepared<'q> {
    text: &'q str,
    needle: Needle,
    chars: usize,
}

impl<'q> Prepared<'q> {
    pub(crate) fn new(q: &'q Query) -> Self {
        Self {
            text: &q.text,
            needle: Needle::new(&q.text),
            chars: q.text.chars().count(),
        }
    }

    pub(crate) fn score(&self, m: &dyn Matcher, e: &Entry, recent: &[u32]) -> Option<i64> {
        if !self.needle.is_subsequence_of(&e.text) {
            return None;
        }
        // One character matches nearly everything: a fuzzy score tells
        // little and costs ~1 µs an entry, so the first keystroke ranks by a
        // cheap word-start bonus instead (the rest of the score is the same).
        let fuzzy = if self.chars == 1 {
            single_char_score(&e.text, self.text)
        } else {
            m.score(&e.text, self.text)?
        };
        let exact = if self.needle.is_substring_of(&e.text) {
            exact_bonus(self.chars)
        } else {
            0
        };
        Some(
            fuzzy
                + exact
                + kind_bonus(e.kind)
                + length_bonus(e.text.len())
                + recent_bonus(e.doc, recent),
        )
    }
}

/// Score of a one-character query: skim's base for a match, plus its bonus
/// when the first occurrence starts the text or a word.
fn single_char_score(text: &str, needle: &str) -> i64 {
    let Some(n) = needle.chars().next() else {
        return 0;
    };
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c.to_lowercase().eq(n.to_lowercase()) {
            let word_start = prev.is_none_or(|p| !p.is_alphanumeric());
            return if word_start { 24 } else { 16 };
        }
        prev = Some(c);
    }
    16
}

/// Orders hits best first: score, then shorter text, then earlier entry.
fn cmp_hits(index: &Index, a: &Hit, b: &Hit) -> Ordering {
    let len = |h: &Hit| {
        index
            .entries()
            .get(h.entry as usize)
            .map_or(usize::MAX, |e| e.text.len())
    };
    b.score
        .cmp(&a.score)
        .then_with(|| len(a).cmp(&len(b)))
        .then_with(|| a.entry.cmp(&b.entry))
}

/// Keeps the best `limit` hits, sorted best first.
pub(crate) fn top(index: &Index, mut hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    if hits.len() > limit && limit > 0 {
        hits.select_nth_unstable_by(limit - 1, |a, b| cmp_hits(index, a, b));
    }
    hits.truncate(limit);
    hits.sort_by(|a, b| cmp_hits(index, a, b));
    hits
}

pub(crate) fn scan(
    m: &dyn Matcher,
    index: &Index,
    q: &Query,
    recent: &[u32],
    ids: impl Iterator<Item = usize>,
    want: impl Fn(Kind) -> bool,
) -> Vec<Hit> {
    if q.is_empty() {
        return Vec::new();
    }
    let p = Prepared::new(q);
    let entries = index.entries();
    ids.filter_map(|i| {
        let e = entries.get(i)?;
        if !want(e.kind) || !q.kinds.contains(e.kind) {
            return None;
        }
        p.score(m, e, recent).map(|score| Hit {
            entry: u32::try_from(i).unwrap_or(u32::MAX),
            score,
            positions: Vec::new(),
        })
    })
    .collect()
}

/// Searches everything the query allows (passages included) with the skim matcher: the
/// simple, complete, synchronous search. Returns the best `limit` hits, best first.
#[must_use]
pub fn search(
    index: &Index,
    q: &Query,
    scope: Option<u32>,
    recent: &[u32],
    limit: usize,
) -> Vec<Hit> {
    search_with(&SkimMatcher::new(), index, q, scope, recent, limit)
}

/// [`search`] with a given matcher.
#[must_use]
pub fn search_with(
    m: &dyn Matcher,
    index: &Index,
    q: &Query,
    scope: Option<u32>,
    recent: &[u32],
    limit: usize,
) -> Vec<Hit> {
    let hits = match scope {
        Some(d) => scan(m, index, q, recent, index.doc_ids(d), |_| true),
        None => scan(m, index, q, recent, 0..index.entries().len(), |_| true),
    };
    top(index, hits, limit)
}

/// The fast path: articles, headings, notes and annotations only (small sets), for the
/// synchronous per-keystroke update. Best `limit` hits, best first.
#[must_use]
pub fn search_small(
    m: &dyn Matcher,
    index: &Index,
    q: &Query,
    scope: Option<u32>,
    recent: &[u32],
    limit: usize,
) -> Vec<Hit> {
    let not_passage = |k: Kind| k != Kind::Passage;
    let hits = match scope {
        Some(d) => scan(m, index, q, recent, index.doc_ids(d), not_passage),
        None => scan(m, index, q, recent, index.small_entries(), not_passage),
    };
    top(index, hits, limit)
}

/// Passages only, among entries `range` (clipped to the index): one chunk of the streamed
/// search. Best `limit` hits of the chunk, best first.
#[must_use]
pub fn search_chunked(
    m: &dyn Matcher,
    index: &Index,
    q: &Query,
    recent: &[u32],
    range: Range<usize>,
    limit: usize,
) -> Vec<Hit> {
    let end = range.end.min(index.entries().len());
    let start = range.start.min(end);
    let hits = scan(m, index, q, recent, start..end, |k| k == Kind::Passage);
    top(index, hits, limit)
}

/// Merges two ranked lists (duplicates dropped), best `limit` first.
#[must_use]
pub fn merge_hits(index: &Index, a: Vec<Hit>, b: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let mut all = a;
    all.extend(b);
    all.sort_by(|x, y| cmp_hits(index, x, y));
    all.dedup_by_key(|h| h.entry);
    all.truncate(limit);
    all
}

/// Fills `positions` (char indices of matched characters) for the rows about to be drawn.
pub fn fill_positions(m: &dyn Matcher, index: &Index, q: &Query, hits: &mut [Hit]) {
    for h in hits {
        if let Some(e) = index.entries().get(h.entry as usize) {
            h.positions = m
                .indices(&e.text, &q.text)
                .map(|(_, p)| p)
                .unwrap_or_default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};
    use std::path::Path;

    fn index() -> Index {
        let mut ix = Index::new();
        let docs = [
            ("a.txt", "Oil Kills Hope of the Sea Kingdom\n\nSome text.\n"),
            ("b.txt", "The Okhotsk Question\n\nOther text.\n"),
        ];
        for (p, t) in docs {
            ix.add_document(Path::new(p), &parse_str(t, Format::Plain), 1, 1);
        }
        ix
    }

    #[test]
    fn exact_beats_scattered() {
        let ix = index();
        let hits = search(&ix, &Query::parse("@okhotsk"), None, &[], 10);
        let titles: Vec<&str> = hits
            .iter()
            .map(|h| &*ix.entries().get(h.entry as usize).expect("hit entry").text)
            .collect();
        assert_eq!(titles.first(), Some(&"The Okhotsk Question"));
    }

    #[test]
    fn recent_breaks_ties() {
        let mut ix = Index::new();
        for p in ["a.txt", "b.txt"] {
            ix.add_document(
                Path::new(p),
                &parse_str("Same Title\n\nx.\n", Format::Plain),
                1,
                1,
            );
        }
        let hits = search(&ix, &Query::parse("@same"), None, &[1], 10);
        assert_eq!(ix.entries()[hits[0].entry as usize].doc, 1);
        let hits = search(&ix, &Query::parse("@same"), None, &[0], 10);
        assert_eq!(ix.entries()[hits[0].entry as usize].doc, 0);
    }

    #[test]
    fn positions_are_char_indices() {
        let ix = index();
        let q = Query::parse("@okh");
        let mut hits = search(&ix, &q, None, &[], 1);
        fill_positions(&SkimMatcher::new(), &ix, &q, &mut hits);
        assert_eq!(hits[0].positions, vec![4, 5, 6]);
    }
}
