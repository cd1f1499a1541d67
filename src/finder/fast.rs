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

/// The entries the last query's first stage kept, to narrow the next, longer one.
#[derive(Clone)]
pub struct Survivors {
    index: Arc<Index>,
    scope: Option<u32>,
    kinds: Kinds,
    text: String,
    ids: Vec<u32>,
}

impl std::fmt::Debug for Survivors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Survivors({:?}: {} ids)", self.text, self.ids.len())
    }
}

impl Survivors {
    /// How many entries survived.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when none did.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
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
    let candidates: Vec<u32> = match (narrowed, scope) {
        (Some(p), _) => p.ids.clone(),
        (None, Some(d)) => index.doc_ids(d).map(to_u32).collect(),
        (None, None) => index.small_entries().map(to_u32).collect(),
    };
    let pat = Pattern::new(&q.text);
    let stage_one = |ids: &[u32]| first_stage(index, q, &pat, recent, ids);
    let scored: Vec<(u32, i64)> = if candidates.len() < PARALLEL_FROM {
        stage_one(&candidates)
    } else {
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, 4);
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|s| {
            let parts: Vec<_> = candidates
                .chunks(chunk)
                .map(|c| s.spawn(move || stage_one(c)))
                .collect();
            parts
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    let survivors = Survivors {
        index: Arc::clone(index),
        scope,
        kinds: q.kinds,
        text: q.text.clone(),
        ids: scored.iter().map(|&(id, _)| id).collect(),
    };
    let mut best = scored;
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

/// Stage one over `ids`: the candidates that can match, with their cheap score plus the
/// same kind, length and recency bonuses the final score adds.
fn first_stage(
    index: &Index,
    q: &Query,
    pat: &Pattern,
    recent: &[u32],
    ids: &[u32],
) -> Vec<(u32, i64)> {
    let entries = index.entries();
    let mut out = Vec::new();
    for &id in ids {
        let Some(e) = entries.get(id as usize) else {
            continue;
        };
        if e.kind == Kind::Passage || !q.kinds.contains(e.kind) {
            continue;
        }
        let quick = if pat.case_sensitive {
            pat.quick_score(e.text.as_bytes())
        } else if let Some(low) = index.lowered(id as usize) {
            pat.quick_score(low)
        } else {
            pat.quick_score(e.text.to_ascii_lowercase().as_bytes())
        };
        if let Some(s) = quick {
            let bonus =
                kind_bonus(e.kind) + length_bonus(e.text.len()) + recent_bonus(e.doc, recent);
            out.push((id, s + bonus));
        }
    }
    out
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
