//! The per-keystroke search over articles, headings, notes and annotations, in two stages:
//! the [`super::prefilter`] first stage (subsequence check and a cheap score over pre-lowered
//! bytes, split over the cores, narrowing the previous query's survivors when the query only
//! grew), then fuzzy-matcher's score for the best [`STAGE_TWO`] candidates, which decides the
//! final order exactly as [`super::rank`] scores it.

use super::index::Index;
use super::matcher::Matcher;
use super::prefilter::Pattern;
use super::rank::{Prepared, kind_bonus, length_bonus, recent_bonus, top};
use super::{Hit, Kind, Kinds, Query};
use std::sync::Arc;

/// How many first-stage candidates fuzzy-matcher scores.
pub const STAGE_TWO: usize = 256;

/// Below this many candidates one thread is quicker than two.
const PARALLEL_FROM: usize = 8192;

/// What the last query's first stage kept, to narrow the next, longer one.
#[derive(Clone)]
pub struct Survivors {
    index: Arc<Index>,
    scope: Option<u32>,
    kinds: Kinds,
    text: String,
    /// First-stage rows (whole library) or entry ids (one article), and annotation ids.
    rows: Vec<u32>,
    ann: Vec<u32>,
}

impl std::fmt::Debug for Survivors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Survivors({:?}: {} rows)", self.text, self.len())
    }
}

impl Survivors {
    /// How many entries survived.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len() + self.ann.len()
    }

    /// True when none did.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Searches the non-passage kinds `q` allows (the whole library, or article `scope`), best
/// `limit` hits first, and what survived the first stage (pass it back with the next query).
#[must_use]
pub fn search_keystroke(
    m: &dyn Matcher,
    index: &Arc<Index>,
    q: &Query,
    scope: Option<u32>,
    recent: &[u32],
    limit: usize,
    prev: Option<&Survivors>,
) -> (Vec<Hit>, Option<Survivors>) {
    if q.is_empty() {
        return (Vec::new(), None);
    }
    let narrowed = prev.filter(|p| {
        Arc::ptr_eq(&p.index, index)
            && p.scope == scope
            && p.kinds == q.kinds
            && q.text.starts_with(&p.text)
    });
    let pat = Pattern::new(&q.text);
    let s1 = Stage1 {
        index,
        q,
        pat: &pat,
        recent,
    };
    // (row or id, cheap score) for rows / scoped entries, then annotations.
    let (rows, by_entry): (Vec<(u32, i64)>, bool) = if let Some(d) = scope {
        let ids: Vec<u32> = match narrowed {
            Some(p) => p.rows.clone(),
            None => index.doc_ids(d).map(to_u32).collect(),
        };
        (s1.entries(&ids), true)
    } else {
        let rows = index.first_stage_rows();
        let scored = if let Some(p) = narrowed {
            s1.rows_parallel(&p.rows)
        } else {
            let all: Vec<u32> = (0..to_u32(rows.len())).collect();
            s1.rows_parallel(&all)
        };
        (scored, false)
    };
    let ann: Vec<(u32, i64)> = if scope.is_some() {
        Vec::new()
    } else {
        let ids: Vec<u32> = match narrowed {
            Some(p) => p.ann.clone(),
            None => index.annotation_ids().map(to_u32).collect(),
        };
        s1.entries(&ids)
    };
    let survivors = Survivors {
        index: Arc::clone(index),
        scope,
        kinds: q.kinds,
        text: q.text.clone(),
        rows: rows.iter().map(|&(k, _)| k).collect(),
        ann: ann.iter().map(|&(id, _)| id).collect(),
    };
    // Rows become entry ids; then the best few go to the fuzzy matcher.
    let mut best: Vec<(u32, i64)> = rows
        .into_iter()
        .filter_map(|(k, s)| {
            let id = if by_entry {
                Some(k)
            } else {
                index.small_id(k as usize)
            };
            id.map(|id| (id, s))
        })
        .chain(ann)
        .collect();
    if best.len() > STAGE_TWO {
        best.select_nth_unstable_by(STAGE_TWO - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(STAGE_TWO);
    }
    let prepared = Prepared::new(q);
    let entries = index.entries();
    let hits: Vec<Hit> = best
        .into_iter()
        .filter_map(|(id, _)| {
            let e = entries.get(id as usize)?;
            prepared.score(m, e, recent).map(|score| Hit {
                entry: id,
                score,
                positions: Vec::new(),
            })
        })
        .collect();
    (top(index, hits, limit), Some(survivors))
}

/// The first stage's inputs.
struct Stage1<'a> {
    index: &'a Index,
    q: &'a Query,
    pat: &'a Pattern,
    recent: &'a [u32],
}

impl Stage1<'_> {
    /// The cheap score plus the kind, length and recency bonuses the final score adds.
    fn score(&self, kind: Kind, doc: u32, hay: &[u8]) -> Option<i64> {
        if kind == Kind::Passage || !self.q.kinds.contains(kind) {
            return None;
        }
        let s = self.pat.quick_score(hay)?;
        Some(s + kind_bonus(kind) + length_bonus(hay.len()) + recent_bonus(doc, self.recent))
    }

    /// First-stage rows `ks` (lowered text unless the pattern is case sensitive).
    fn rows(&self, ks: &[u32]) -> Vec<(u32, i64)> {
        let rows = self.index.first_stage_rows();
        let entries = self.index.entries();
        let mut out = Vec::new();
        for &k in ks {
            let Some((kind, doc, low)) = rows.row(k as usize) else {
                continue;
            };
            let scored = if self.pat.case_sensitive {
                let text = self
                    .index
                    .small_id(k as usize)
                    .and_then(|id| entries.get(id as usize));
                text.and_then(|e| self.score(kind, doc, e.text.as_bytes()))
            } else {
                self.score(kind, doc, low)
            };
            if let Some(s) = scored {
                out.push((k, s));
            }
        }
        out
    }

    /// [`Stage1::rows`] split over the cores when there are many.
    fn rows_parallel(&self, ks: &[u32]) -> Vec<(u32, i64)> {
        if ks.len() < PARALLEL_FROM {
            return self.rows(ks);
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, 4);
        let chunk = ks.len().div_ceil(threads);
        std::thread::scope(|s| {
            let parts: Vec<_> = ks
                .chunks(chunk)
                .map(|c| s.spawn(move || self.rows(c)))
                .collect();
            parts
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    /// Entries by id (one article's, or the annotations), lowered on the fly.
    fn entries(&self, ids: &[u32]) -> Vec<(u32, i64)> {
        let entries = self.index.entries();
        ids.iter()
            .filter_map(|&id| {
                let e = entries.get(id as usize)?;
                let hay = if self.pat.case_sensitive {
                    e.text.as_bytes().to_vec()
                } else {
                    e.text.to_ascii_lowercase().into_bytes()
                };
                self.score(e.kind, e.doc, &hay).map(|s| (id, s))
            })
            .collect()
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
