//! The passage-search worker: one std thread that streams best-so-far results.
//!
//! Each [`Searcher::submit`] bumps a shared generation; the worker checks it between chunks
//! and abandons a search as soon as a newer one exists, so typing never waits for it. Every
//! [`Partial`] carries the generation it answers; the UI drops stale ones. When a completed
//! search's pattern is a prefix of the next one (same index, scope and kinds), only its
//! matches are searched again: a longer fuzzy pattern can only match a subset.

use super::index::Index;
use super::matcher::Matcher;
use super::rank::{merge_hits, scan, top};
use super::{Hit, Kind, Query};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Entries searched between generation checks.
pub const CHUNK: usize = 8192;
/// Minimum time between two partial results after the first.
pub const THROTTLE: Duration = Duration::from_millis(25);

/// A streamed result: the best hits so far (seed and passages merged), best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    /// The generation of the query it answers.
    pub generation: u64,
    /// Best-so-far hits, at most the request's limit.
    pub hits: Vec<Hit>,
    /// True on the last partial of a search that ran to the end.
    pub done: bool,
    /// Entries searched so far, of `total`.
    pub searched: usize,
    /// Entries to search.
    pub total: usize,
}

/// One search request.
struct Request {
    generation: u64,
    index: Arc<Index>,
    query: Query,
    scope: Option<u32>,
    recent: Vec<u32>,
    seed: Vec<Hit>,
    limit: usize,
}

/// The matches of the last completed search, to narrow the next one.
struct Narrow {
    index: Arc<Index>,
    scope: Option<u32>,
    query: Query,
    matched: Vec<u32>,
}

/// Handle to the passage-search worker thread; dropping it stops the thread.
pub struct Searcher {
    tx: Option<Sender<Request>>,
    generation: Arc<AtomicU64>,
    handle: Option<JoinHandle<()>>,
}

impl Searcher {
    /// Starts the worker; every [`Partial`] goes to `sink` (e.g. wrapped into an app action).
    #[must_use]
    pub fn spawn(matcher: Arc<dyn Matcher>, sink: impl FnMut(Partial) + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel::<Request>();
        let generation = Arc::new(AtomicU64::new(0));
        let worker_gen = Arc::clone(&generation);
        let handle = std::thread::Builder::new()
            .name("ibid-finder".into())
            .spawn(move || worker(&rx, &worker_gen, matcher.as_ref(), sink))
            .ok();
        Self {
            tx: Some(tx),
            generation,
            handle,
        }
    }

    /// Starts the worker with a channel sink; returns the receiving end too.
    #[must_use]
    pub fn with_channel(matcher: Arc<dyn Matcher>) -> (Self, Receiver<Partial>) {
        let (tx, rx) = mpsc::channel();
        let s = Self::spawn(matcher, move |p| {
            let _ = tx.send(p);
        });
        (s, rx)
    }

    /// Searches passages for `query` (if it allows them), merging into `seed` (normally the
    /// synchronous [`super::search_small`] result); cancels any older search. Returns the
    /// generation its partials will carry.
    pub fn submit(
        &self,
        index: Arc<Index>,
        query: Query,
        scope: Option<u32>,
        recent: Vec<u32>,
        seed: Vec<Hit>,
        limit: usize,
    ) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(tx) = &self.tx {
            let _ = tx.send(Request {
                generation,
                index,
                query,
                scope,
                recent,
                seed,
                limit,
            });
        }
        generation
    }

    /// Abandons the running search (no more partials for it).
    pub fn cancel(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The newest generation handed out.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }
}

impl Drop for Searcher {
    fn drop(&mut self) {
        self.cancel();
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn worker(
    rx: &Receiver<Request>,
    generation: &AtomicU64,
    m: &dyn Matcher,
    mut send: impl FnMut(Partial),
) {
    let mut narrow: Option<Narrow> = None;
    while let Ok(mut req) = rx.recv() {
        // Only the newest pending request matters.
        while let Ok(newer) = rx.try_recv() {
            req = newer;
        }
        if req.generation != generation.load(Ordering::SeqCst) {
            continue;
        }
        let wants_passages = req.query.kinds.contains(Kind::Passage) && !req.query.is_empty();
        if !wants_passages {
            let hits = top(&req.index, req.seed, req.limit);
            send(Partial {
                generation: req.generation,
                hits,
                done: true,
                searched: 0,
                total: 0,
            });
            continue;
        }
        let candidates: Option<&[u32]> = narrow
            .as_ref()
            .filter(|n| {
                Arc::ptr_eq(&n.index, &req.index)
                    && n.scope == req.scope
                    && n.query.kinds == req.query.kinds
                    && req.query.text.starts_with(&n.query.text)
            })
            .map(|n| n.matched.as_slice());
        let range = req
            .scope
            .map_or(0..req.index.entries().len(), |d| req.index.doc_range(d));
        let total = candidates.map_or(range.len(), <[u32]>::len);
        if let Some(done) = run(&req, m, generation, candidates, range, total, &mut send) {
            narrow = Some(Narrow {
                index: Arc::clone(&req.index),
                scope: req.scope,
                query: req.query.clone(),
                matched: done,
            });
        }
    }
}

/// Runs one search; returns all matched entry ids when it completed, `None` when cancelled.
fn run(
    req: &Request,
    m: &dyn Matcher,
    generation: &AtomicU64,
    candidates: Option<&[u32]>,
    range: std::ops::Range<usize>,
    total: usize,
    send: &mut impl FnMut(Partial),
) -> Option<Vec<u32>> {
    let ix = req.index.as_ref();
    let passage = |k: Kind| k == Kind::Passage;
    let mut best = top(ix, req.seed.clone(), req.limit);
    let mut matched = Vec::new();
    let mut last_sent: Option<Instant> = None;
    let mut searched = 0;
    while searched < total {
        if generation.load(Ordering::SeqCst) != req.generation {
            return None;
        }
        let end = (searched + CHUNK).min(total);
        let hits = match candidates {
            Some(c) => {
                let ids = c[searched..end].iter().map(|&i| i as usize);
                scan(m, ix, &req.query, &req.recent, ids, passage)
            }
            None => {
                let ids = range.start + searched..range.start + end;
                scan(m, ix, &req.query, &req.recent, ids, passage)
            }
        };
        searched = end;
        matched.extend(hits.iter().map(|h| h.entry));
        let changed = !hits.is_empty();
        if changed {
            let chunk_top = top(ix, hits, req.limit);
            best = merge_hits(ix, best, chunk_top, req.limit);
        }
        let due = last_sent.is_none_or(|t| t.elapsed() >= THROTTLE);
        if due && searched < total && (changed || last_sent.is_none()) {
            last_sent = Some(Instant::now());
            send(Partial {
                generation: req.generation,
                hits: best.clone(),
                done: false,
                searched,
                total,
            });
        }
    }
    if generation.load(Ordering::SeqCst) != req.generation {
        return None;
    }
    send(Partial {
        generation: req.generation,
        hits: best,
        done: true,
        searched,
        total,
    });
    Some(matched)
}
