//! The finder's fast first stage, in front of the fuzzy matcher: a subsequence check over
//! pre-lowered bytes and a cheap skim-like score, on both cores, narrowing the previous
//! query's survivors when the query grows. Only the best few hundred candidates reach
//! fuzzy-matcher (stage two, [`super::rank`]), which gives the final score and highlights.
//!
//! Invariants: `Lowered` holds, per parsed entry id, the entry's text ASCII-lowercased
//! (fuzzy-matcher folds ASCII only) for every non-passage entry and nothing for passages.
//! A byte subsequence of the UTF-8 is implied by a char subsequence, so the check never
//! drops an entry the matcher would match (it may keep a few the matcher then rejects).

use super::{Entry, Kind};

/// Lowered texts of the non-passage entries, concatenated, indexed by entry id.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    bytes: Vec<u8>,
    /// `at[id]..at[id + 1]` is entry `id`'s lowered text; `at.len()` = entries + 1.
    at: Vec<u32>,
}

impl Lowered {
    /// Appends entries (in id order) after the ones already held.
    pub fn extend<'a>(&mut self, entries: impl IntoIterator<Item = &'a Entry>) {
        if self.at.is_empty() {
            self.at.push(0);
        }
        for e in entries {
            if e.kind != Kind::Passage {
                self.bytes
                    .extend(e.text.bytes().map(|b| b.to_ascii_lowercase()));
            }
            self.at
                .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
        }
    }

    /// Rebuilds from scratch (after entries were removed).
    pub fn rebuild(&mut self, entries: &[Entry]) {
        self.bytes.clear();
        self.at.clear();
        self.extend(entries);
    }

    /// Entry `id`'s lowered text (empty for passages and unknown ids).
    #[must_use]
    pub fn get(&self, id: usize) -> &[u8] {
        match (self.at.get(id), self.at.get(id + 1)) {
            (Some(&a), Some(&b)) => self.bytes.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Heap bytes held.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.bytes.capacity() + self.at.capacity() * 4
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
        if let Some(at) = self.finder.find(hay) {
            let n = i64::try_from(pat.len()).unwrap_or(0);
            let boundary = if is_boundary(hay, at) { 16 } else { 0 };
            return Some(16 * n + 4 * (n - 1) + boundary + super::rank::exact_bonus(pat.len()));
        }
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
    fn lowered_texts_line_up_with_entry_ids() {
        let mut l = Lowered::default();
        let es = [
            entry(Kind::Article, "Sea of OKHOTSK"),
            entry(Kind::Passage, "a long passage"),
            entry(Kind::Note, "Ünï Note"),
        ];
        l.extend(&es);
        assert_eq!(l.get(0), b"sea of okhotsk");
        assert_eq!(l.get(1), b"");
        assert_eq!(l.get(2), "Ünï note".as_bytes());
        assert_eq!(l.get(3), b"");
        l.rebuild(&es[1..]);
        assert_eq!(l.get(1), "Ünï note".as_bytes());
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
