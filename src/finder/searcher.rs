//! The background search worker (passages and notes by default): one std thread that streams
//! best-so-far results.
//!
//! Each [`Searcher::submit`] bumps a shared generation; the worker checks it between chunks
//! and abandons a search as soon as a newer one exists, so typing never waits for it. Every
//! [`Partial`] carries the generation it answers; the UI drops stale ones. When a completed
//! search's pattern is a prefix of the next one (same index, scope and kinds), only its
//! matches are searched again: a longer fuzzy pattern can only match a subset.

use super::index::Index;
use super::matcher::Matcher;
use super::rank::{merge_hits, scan, top};
use super::{Hit, Kind, Kinds, Query};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Entries searched between generation checks.
pub const CHUNK: usize = 8192;
/// Entries in the first chunk (a quick first partial).
pub const FIRST_CHUNK: usize = 1024;
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

/// What to search in the background.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The index to search (shared; a rescan makes a new one).
    pub index: Arc<Index>,
    /// The parsed query.
    pub query: Query,
    /// `Some(doc)` to search one article (`Ctrl-f`).
    pub scope: Option<u32>,
    /// Recent articles, most recent first (ranking bonus).
    pub recent: Vec<u32>,
    /// Hits already found synchronously; partials are these merged with streamed hits.
    pub seed: Vec<Hit>,
    /// How many hits each partial carries.
    pub limit: usize,
    /// Kinds searched by the worker (intersected with the query's): [`STREAMED`] by default.
    pub streamed: Kinds,
}

impl SearchRequest {
    /// A request for `query` over `index`: whole library, no seed, 50 hits, [`STREAMED`] kinds.
    #[must_use]
    pub fn new(index: Arc<Index>, query: Query) -> Self {
        Self {
            index,
            query,
            scope: None,
            recent: Vec::new(),
            seed: Vec::new(),
            limit: 50,
            streamed: STREAMED,
        }
    }
}

/// Kinds the worker streams by default: passages (the bulk of the text; notes are answered
/// in the keystroke by [`super::fast`]'s first stage).
pub const STREAMED: Kinds = Kinds(Kind::Passage.bit());
/// Kinds searched synchronously by default: articles, headings, notes, annotations.
pub const SYNC: Kinds = Kinds(Kinds::ALL.0 & !STREAMED.0);

struct Request {
    generation: u64,
    req: SearchRequest,
}

/// The matches of the last completed search, to narrow the next one.
struct Narrow {
    index: Arc<Index>,
    scope: Option<u32>,
    query: Query,
    streamed: Kinds,
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

    /// Searches the request's streamed kinds, merging into its `seed` (normally the
    /// synchronous [`super::search_small`] result for the other kinds); cancels any older
    /// search. Returns the generation its partials will carry.
    pub fn submit(&self, req: SearchRequest) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(tx) = &self.tx {
            let _ = tx.send(Request { generation, req });
        }
        generation
    }

    /// [`Searcher::submit`] under a generation the caller chose (larger than
    /// any before), so the caller knows it without asking.
    pub fn submit_as(&self, generation: u64, req: SearchRequest) {
        self.generation.fetch_max(generation, Ordering::SeqCst);
        if let Some(tx) = &self.tx {
            let _ = tx.send(Request { generation, req });
        }
    }

    /// Abandons the running search, moving to the caller's `generation`.
    pub fn cancel_to(&self, generation: u64) {
        self.generation.fetch_max(generation, Ordering::SeqCst);
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
    while let Ok(mut msg) = rx.recv() {
        // Only the newest pending request matters.
        while let Ok(newer) = rx.try_recv() {
            msg = newer;
        }
        if msg.generation != generation.load(Ordering::SeqCst) {
            continue;
        }
        let gen_now = msg.generation;
        let req = msg.req;
        let kinds = Kinds(req.query.kinds.0 & req.streamed.0);
        if kinds.is_empty() || req.query.is_empty() {
            let hits = top(&req.index, req.seed, req.limit);
            send(Partial {
                generation: gen_now,
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
                    && n.streamed == req.streamed
                    && req.query.text.starts_with(&n.query.text)
            })
            .map(|n| n.matched.as_slice());
        let range = req
            .scope
            .map_or(0..req.index.entries().len(), |d| req.index.doc_range(d));
        let total = candidates.map_or(range.len(), <[u32]>::len);
        let job = Job {
            generation: gen_now,
            req: &req,
            kinds,
            candidates,
            range,
            total,
        };
        if let Some(done) = run(&job, m, generation, &mut send) {
            narrow = Some(Narrow {
                index: Arc::clone(&req.index),
                scope: req.scope,
                query: req.query.clone(),
                streamed: req.streamed,
                matched: done,
            });
        }
    }
}

/// One search to run: the request, the kinds to stream, and what to scan (the previous
/// search's matches, or an entry range).
struct Job<'a> {
    generation: u64,
    req: &'a SearchRequest,
    kinds: Kinds,
    candidates: Option<&'a [u32]>,
    range: Range<usize>,
    total: usize,
}

/// Runs one search; returns all matched entry ids when it completed, `None` when cancelled.
fn run(
    job: &Job<'_>,
    m: &dyn Matcher,
    generation: &AtomicU64,
    send: &mut impl FnMut(Partial),
) -> Option<Vec<u32>> {
    let req = job.req;
    let (candidates, total) = (job.candidates, job.total);
    let ix = req.index.as_ref();
    let streamed = |k: Kind| job.kinds.contains(k);
    let mut best = top(ix, req.seed.clone(), req.limit);
    let mut matched = Vec::new();
    let mut last_sent: Option<Instant> = None;
    let mut searched = 0;
    while searched < total {
        if generation.load(Ordering::SeqCst) != job.generation {
            return None;
        }
        // A small first chunk makes the first partial quick.
        let step = if searched == 0 { FIRST_CHUNK } else { CHUNK };
        let end = (searched + step).min(total);
        let hits = match candidates {
            Some(c) => {
                let ids = c[searched..end].iter().map(|&i| i as usize);
                scan(m, ix, &req.query, &req.recent, ids, streamed)
            }
            None => {
                let ids = job.range.start + searched..job.range.start + end;
                scan(m, ix, &req.query, &req.recent, ids, streamed)
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
                generation: job.generation,
                hits: best.clone(),
                done: false,
                searched,
                total,
            });
        }
    }
    if generation.load(Ordering::SeqCst) != job.generation {
        return None;
    }
    send(Partial {
        generation: job.generation,
        hits: best,
        done: true,
        searched,
        total,
    });
    Some(matched)
}
