//! Which short paragraphs read the same: one hash lookup per paragraph,
//! then every count over any set of paragraphs is array arithmetic.

use crate::document::raw::Para;
use rustc_hash::FxHashMap as HashMap;

/// Paragraphs longer than this are never compared (a running header or a
/// repeated label is short).
pub const MAX_BYTES: usize = 200;

/// For each paragraph, the id of its trimmed text (equal texts, equal ids),
/// or `NONE` for a paragraph longer than [`MAX_BYTES`].
#[derive(Debug, Clone, Default)]
pub struct SameText {
    ids: Vec<u32>,
    distinct: usize,
}

const NONE: u32 = u32::MAX;

impl SameText {
    /// The ids of `paras`' texts.
    #[must_use]
    pub fn of(paras: &[Para]) -> Self {
        let short = paras.iter().filter(|p| p.text.len() <= MAX_BYTES).count();
        let mut map: HashMap<&str, u32> = HashMap::default();
        map.reserve(short);
        let ids = paras
            .iter()
            .map(|p| {
                if p.text.len() > MAX_BYTES {
                    return NONE;
                }
                let next = u32::try_from(map.len()).unwrap_or(NONE - 1);
                *map.entry(p.text.trim()).or_insert(next)
            })
            .collect();
        Self {
            ids,
            distinct: map.len(),
        }
    }

    /// For each paragraph, how many of the paragraphs `counted` says to count
    /// have its text (0 for a long paragraph).
    #[must_use]
    pub fn counts(&self, counted: impl Fn(usize) -> bool) -> Vec<u32> {
        let mut per_text = vec![0u32; self.distinct];
        for (i, &id) in self.ids.iter().enumerate() {
            if id != NONE && counted(i) {
                per_text[id as usize] += 1;
            }
        }
        self.ids
            .iter()
            .map(|&id| per_text.get(id as usize).copied().unwrap_or(0))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::raw::test_paras;

    #[test]
    fn equal_trimmed_texts_are_counted_together_over_any_set() {
        let long = "x".repeat(MAX_BYTES + 1);
        let p = test_paras(&["Page 1", " Page 1 ", "Other", &long, &long, "Page 1"]);
        let same = SameText::of(&p);
        assert_eq!(same.counts(|_| true), [3, 3, 1, 0, 0, 3]);
        assert_eq!(same.counts(|i| i != 1), [2, 2, 1, 0, 0, 2]);
        assert_eq!(same.counts(|_| false), [0; 6]);
    }
}
