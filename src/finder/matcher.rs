//! The fuzzy matcher behind a small trait (so it can be swapped), plus byte-level prefilters.
//!
//! Conventions follow fuzzy-matcher: smart case (a pattern with an ASCII capital is case
//! sensitive), ASCII-only case folding, and match positions as *char* indices.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A fuzzy matcher: scores a haystack against a needle; `None` when it does not match.
pub trait Matcher: Send + Sync {
    /// The fuzzy score (higher is better), without computing positions.
    fn score(&self, haystack: &str, needle: &str) -> Option<i64>;
    /// The score and the matched *char* indices; call only for displayed rows.
    fn indices(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)>;
}

/// [`Matcher`] backed by fuzzy-matcher's `SkimMatcherV2` in smart-case mode.
pub struct SkimMatcher(SkimMatcherV2);

impl SkimMatcher {
    /// A smart-case `SkimMatcherV2`.
    #[must_use]
    pub fn new() -> Self {
        Self(SkimMatcherV2::default().smart_case())
    }
}

impl Default for SkimMatcher {
    fn default() -> Self {
        Self::new()
    }
}

impl Matcher for SkimMatcher {
    fn score(&self, haystack: &str, needle: &str) -> Option<i64> {
        self.0.fuzzy_match(haystack, needle)
    }

    fn indices(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(haystack, needle)
    }
}

/// True when smart case makes `needle` case sensitive (it has an ASCII capital).
#[must_use]
pub fn is_case_sensitive(needle: &str) -> bool {
    needle.bytes().any(|b| b.is_ascii_uppercase())
}

/// A needle prepared for fast byte-level checks.
#[derive(Debug, Clone)]
pub struct Needle {
    /// Per needle char: its UTF-8 bytes, and for a case-folded ASCII letter its other case.
    chars: Vec<(Vec<u8>, Option<u8>)>,
    /// The needle's bytes, ASCII-lowercased unless case sensitive.
    folded: Vec<u8>,
    case_sensitive: bool,
}

impl Needle {
    /// Prepares `needle` with smart case.
    #[must_use]
    pub fn new(needle: &str) -> Self {
        let case_sensitive = is_case_sensitive(needle);
        let chars = needle
            .chars()
            .map(|c| {
                let mut buf = [0u8; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes().to_vec();
                let other = (!case_sensitive && c.is_ascii_alphabetic())
                    .then(|| c.to_ascii_uppercase() as u8);
                let bytes = if other.is_some() {
                    vec![c.to_ascii_lowercase() as u8]
                } else {
                    bytes
                };
                (bytes, other)
            })
            .collect();
        let folded = if case_sensitive {
            needle.as_bytes().to_vec()
        } else {
            needle.to_ascii_lowercase().into_bytes()
        };
        Self {
            chars,
            folded,
            case_sensitive,
        }
    }

    /// True exactly when the needle's chars occur in order in `haystack` (what the skim
    /// matcher requires before it scores), checked on bytes with `memchr`.
    #[must_use]
    pub fn is_subsequence_of(&self, haystack: &str) -> bool {
        let hay = haystack.as_bytes();
        let mut at = 0;
        for (bytes, other) in &self.chars {
            let rest = &hay[at..];
            let found = match (other, bytes.as_slice()) {
                (Some(up), [low]) => memchr::memchr2(*low, *up, rest).map(|i| i + 1),
                (None, [b]) => memchr::memchr(*b, rest).map(|i| i + 1),
                _ => memchr::memmem::find(rest, bytes).map(|i| i + bytes.len()),
            };
            match found {
                Some(n) => at += n,
                None => return false,
            }
        }
        true
    }

    /// True when the needle occurs contiguously in `haystack` (ASCII case-insensitive
    /// unless the needle is case sensitive).
    #[must_use]
    pub fn is_substring_of(&self, haystack: &str) -> bool {
        let hay = haystack.as_bytes();
        if self.case_sensitive {
            return memchr::memmem::find(hay, &self.folded).is_some();
        }
        let Some(&first) = self.folded.first() else {
            return true;
        };
        let n = self.folded.len();
        let up = first.to_ascii_uppercase();
        let mut at = 0;
        while let Some(i) = memchr::memchr2(first, up, &hay[at..]) {
            let start = at + i;
            match hay.get(start..start + n) {
                Some(window) if window.eq_ignore_ascii_case(&self.folded) => return true,
                Some(_) => at = start + 1,
                None => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_agrees_with_skim() {
        let m = SkimMatcher::new();
        let hays = [
            "Sea of Okhotsk",
            "the crimean black swan",
            "Ünïcödé straße",
            "",
            "okh",
        ];
        let needles = [
            "okh", "Okh", "OKH", "sea", "ße", "ü", "Ü", "cbs", "zz", "k o",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(
                    Needle::new(n).is_subsequence_of(h),
                    m.score(h, n).is_some(),
                    "{h:?} {n:?}"
                );
            }
        }
    }

    #[test]
    fn substring_is_case_insensitive_for_lowercase_needles() {
        assert!(Needle::new("okhotsk").is_substring_of("Sea of Okhotsk"));
        assert!(!Needle::new("Okhotsk").is_substring_of("sea of okhotsk"));
        assert!(!Needle::new("okhotsk").is_substring_of("o k h o t s k"));
        assert!(Needle::new("sk").is_substring_of("Okhotsk"));
        assert!(!Needle::new("skx").is_substring_of("Okhotsk"));
    }
}
