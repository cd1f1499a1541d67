//! The finder's fast first stage, in front of the fuzzy matcher: a subsequence check over
//! pre-lowered bytes and a cheap skim-like score, on both cores, narrowing the previous
//! query's survivors when the query grows. Only the best few hundred candidates reach
//! fuzzy-matcher (stage two, [`super::rank`]), which gives the final score and highlights.
//!
//! Invariants: `Lowered` has one row per non-passage parsed entry, in `small` order, with the
//! entry's text ASCII-lowercased (fuzzy-matcher folds ASCII only).
//! A byte subsequence of the UTF-8 is implied by a char subsequence, so the check never
//! drops an entry the matcher would match (it may keep a few the matcher then rejects).

use super::{Entry, Kind};

/// The first stage's table: one row per non-passage parsed entry, in the order of the
/// index's `small` list (row `k` is entry `small[k]`), with the entry's kind, article and
/// lowered text side by side, so a scan reads these arrays front to back and never touches
/// the entries themselves.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    bytes: Vec<u8>,
    /// `at[k]..at[k + 1]` is row `k`'s lowered text (as long as the text: ASCII-only
    /// lowering keeps byte lengths); `at.len()` = rows + 1.
    at: Vec<u32>,
    kinds: Vec<Kind>,
    docs: Vec<u32>,
}

impl Lowered {
    /// Appends a row for each non-passage entry of `entries` (in order).
    pub fn extend<'a>(&mut self, entries: impl IntoIterator<Item = &'a Entry>) {
        if self.at.is_empty() {
            self.at.push(0);
        }
        for e in entries {
            if e.kind == Kind::Passage {
                continue;
            }
            self.bytes
                .extend(e.text.bytes().map(|b| b.to_ascii_lowercase()));
            self.at
                .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
            self.kinds.push(e.kind);
            self.docs.push(e.doc);
        }
    }

    /// Rebuilds from scratch (after entries were removed).
    pub fn rebuild<'a>(&mut self, entries: impl IntoIterator<Item = &'a Entry>) {
        self.bytes.clear();
        self.at.clear();
        self.kinds.clear();
        self.docs.clear();
        self.extend(entries);
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// True when there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Row `k`: (kind, article, lowered text); `None` past the end.
    #[must_use]
    pub fn row(&self, k: usize) -> Option<(Kind, u32, &[u8])> {
        let (a, b) = (*self.at.get(k)? as usize, *self.at.get(k + 1)? as usize);
        Some((
            *self.kinds.get(k)?,
            *self.docs.get(k)?,
            self.bytes.get(a..b)?,
        ))
    }

    /// Heap bytes held.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.at.capacity() * 4
            + self.kinds.capacity()
            + self.docs.capacity() * 4
    }
}

/// A pattern prepared for the first stage.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern's bytes: lowered unless case sensitive.
    bytes: Vec<u8>,
    /// Smart case: an ASCII capital makes the pattern case sensitive.
    pub case_sensitive: bool,
    finder: memchr::memmem::Finder<'static>,
}

impl Pattern {
    /// Prepares `text` (smart case, as the matcher does).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let case_sensitive = super::matcher::is_case_sensitive(text);
        let bytes = if case_sensitive {
            text.as_bytes().to_vec()
        } else {
            text.to_ascii_lowercase().into_bytes()
        };
        let finder = memchr::memmem::Finder::new(&bytes).into_owned();
        Self {
            bytes,
            case_sensitive,
            finder,
        }
    }

    /// A cheap score of `hay` (already lowered unless the pattern is case sensitive), in
    /// the matcher's units: 16 a byte, boundary and run bonuses, gap penalties, and the
    /// exact-substring bonus. `None` when the pattern is not a byte subsequence of `hay`.
    #[must_use]
    pub fn quick_score(&self, hay: &[u8]) -> Option<i64> {
        let pat = &self.bytes;
        if pat.is_empty() {
            return None;
        }
        // The greedy leftmost match first: it rejects most haystacks in a memchr or two.
        let mut score = 0i64;
        let mut from = 0usize;
        let mut prev: Option<usize> = None;
        for (k, &b) in pat.iter().enumerate() {
            let i = from + memchr::memchr(b, hay.get(from..)?)?;
            score += 16;
            if is_boundary(hay, i) {
                score += if k == 0 { 16 } else { 8 };
            }
            match prev {
                Some(p) if p + 1 == i => score += 4,
                Some(p) => score -= 3 + i64::try_from((i - p - 2).min(12)).unwrap_or(12),
                None => {}
            }
            prev = Some(i);
            from = i + 1;
        }
        if pat.len() > 1
            && let Some(at) = self.finder.find(hay)
        {
            let n = i64::try_from(pat.len()).unwrap_or(0);
            let boundary = if is_boundary(hay, at) { 16 } else { 0 };
            return Some(16 * n + 4 * (n - 1) + boundary + super::rank::exact_bonus(pat.len()));
        }
        Some(score)
    }
}

/// True when byte `i` of `hay` starts a word (or the text).
fn is_boundary(hay: &[u8], i: usize) -> bool {
    i == 0
        || hay
            .get(i - 1)
            .is_some_and(|b| !b.is_ascii_alphanumeric() && *b < 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: Kind, text: &str) -> Entry {
        Entry {
            kind,
            doc: 0,
            text: text.into(),
            offset: 0,
            heading: None,
        }
    }

    #[test]
    fn rows_hold_the_non_passage_entries_lowered() {
        let mut l = Lowered::default();
        let es = [
            entry(Kind::Article, "Sea of OKHOTSK"),
            entry(Kind::Passage, "a long passage"),
            entry(Kind::Note, "Ünï Note"),
        ];
        l.extend(&es);
        assert_eq!(l.len(), 2);
        assert_eq!(l.row(0), Some((Kind::Article, 0, &b"sea of okhotsk"[..])));
        assert_eq!(l.row(1), Some((Kind::Note, 0, "Ünï note".as_bytes())));
        assert_eq!(l.row(2), None);
        l.rebuild(&es[1..]);
        assert_eq!(l.row(0), Some((Kind::Note, 0, "Ünï note".as_bytes())));
    }

    #[test]
    fn quick_score_agrees_with_the_matcher_on_what_matches_and_prefers_exact() {
        use crate::finder::Matcher;
        let m = crate::finder::SkimMatcher::new();
        let hays = [
            "Sea of Okhotsk",
            "the crimean black swan",
            "o k h",
            "",
            "okh",
        ];
        for h in hays {
            for n in ["okh", "Okh", "cbs", "zz", "k o", "sea"] {
                let p = Pattern::new(n);
                let hay = if p.case_sensitive {
                    h.as_bytes().to_vec()
                } else {
                    h.to_ascii_lowercase().into_bytes()
                };
                assert_eq!(
                    p.quick_score(&hay).is_some(),
                    m.score(h, n).is_some(),
                    "{h} {n}"
                );
            }
        }
        let p = Pattern::new("okh");
        let exact = p.quick_score(b"sea of okhotsk").unwrap_or(0);
        let spread = p.quick_score(b"on the kuril heights").unwrap_or(0);
        assert!(exact > spread, "{exact} {spread}");
    }
}
