//! The finder overlay's state and transitions (`Ctrl-p` library, `Ctrl-f` this article):
//! synchronous search of articles/headings/annotations per keystroke, streamed passages and
//! notes from the background `Searcher` (stale generations dropped), and the jump. No I/O.

use super::action::{Action, Effect};
use super::line_edit::{Edit, LineInput};
use super::message::Message;
use super::nav;
use super::state::{AppState, Article, Overlay};
use crate::document::Span;
use crate::finder::{
    Hit, Index, Kind, Partial, Progress, Query, SYNC, SearchRequest, SkimMatcher, fill_positions,
    search_keystroke,
};
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// Hits kept per query.
pub const LIMIT: usize = 50;

/// The matcher shared by `update` (synchronous part and highlight positions).
static MATCHER: LazyLock<SkimMatcher> = LazyLock::new(SkimMatcher::new);

/// What the finder searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every article of the library (`Ctrl-p`).
    Library,
    /// The open article only (`Ctrl-f`).
    Article,
}

/// A shared index; equal when it is the same allocation (so `Action` stays `PartialEq`).
#[derive(Debug, Clone)]
pub struct IndexHandle(pub Arc<Index>);

impl PartialEq for IndexHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Finder actions: bindable ones (keymap `finder` context) and worker replies.
#[derive(Debug, Clone, PartialEq)]
pub enum FinderMsg {
    /// Open the finder over `Scope`.
    Open(Scope),
    /// Move the selection by this many rows.
    Move(i32),
    /// Jump to the selected result.
    Jump,
    /// Edit the query line.
    Edit(Edit),
    /// The index worker's progress while building.
    Progress(Progress),
    /// A new (or rescanned) index from the worker.
    IndexReady(IndexHandle),
    /// A streamed result from the `Searcher`.
    Results(Partial),
    /// End of the highlight after a jump with this id.
    FlashOff(u64),
}

/// A background search to submit (passages and notes) under a generation
/// `update` chose; compared by query and index identity.
#[derive(Debug, Clone)]
pub struct SearchJob(pub SearchRequest, pub u64);

impl PartialEq for SearchJob {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0.index, &o.0.index)
            && self.0.query == o.0.query
            && self.0.scope == o.0.scope
            && self.0.seed == o.0.seed
            && self.1 == o.1
    }
}
impl Eq for SearchJob {}

/// I/O the finder asks the shell for (see `app::finder_shell`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinderEffect {
    /// Submit to the `Searcher` under the job's generation (already in `FinderState`).
    Search(SearchJob),
    /// Abandon the running background search; partials older than this
    /// generation are stale.
    Cancel(u64),
    /// Ask the index worker to rescan the library folders.
    Rescan,
    /// Give the index worker an article's annotations: `(byte offset, quote, note)`.
    Annotations(PathBuf, Vec<(u32, String, String)>),
    /// Send `FlashOff(id)` after a moment.
    FlashTimer(u64),
}

/// The finder's part of `AppState`.
#[derive(Debug, Clone, Default)]
pub struct FinderState {
    /// The library index, once the worker has built it.
    pub index: Option<Arc<Index>>,
    /// Build progress until then.
    pub progress: Option<Progress>,
    /// The query line.
    pub input: LineInput,
    /// Scope of the open finder.
    pub scope: Option<Scope>,
    /// Ranked hits of the current query, positions filled.
    pub hits: Vec<Hit>,
    /// Selected row.
    pub sel: usize,
    /// Generation of the latest background search (set by the shell on submit).
    pub generation: u64,
    /// True while the background search for the current query runs.
    pub searching: bool,
    /// A jump whose article is still loading: (article, byte offset, kind, length).
    pub pending: Option<(usize, usize, Kind, usize)>,
    /// Highlight after a jump: (article, bytes) and its id.
    pub flash: Option<(usize, Span, u64)>,
    next_flash: u64,
    /// `AppState::annot.rev` last sent to the index (`app::bridge`).
    pub annot_rev: u64,
    /// What the index last got per article (`app::bridge`), so only changes are sent.
    pub annot_sent: std::collections::HashMap<PathBuf, Vec<(u32, String, String)>>,
    /// The last keystroke search's first-stage survivors, to narrow the next.
    pub survivors: Option<crate::finder::Survivors>,
}

impl FinderState {
    /// The selected hit and its entry.
    #[must_use]
    pub fn selected(&self) -> Option<(&Hit, &crate::finder::Entry)> {
        let ix = self.index.as_ref()?;
        let h = self.hits.get(self.sel)?;
        Some((h, ix.entries().get(h.entry as usize)?))
    }
}

/// Applies a finder action.
pub fn update(s: &mut AppState, m: FinderMsg, fx: &mut Vec<Effect>) {
    match m {
        FinderMsg::Open(scope) => open(s, scope, fx),
        FinderMsg::Move(n) => {
            let len = s.finder.hits.len();
            let t = i64::try_from(s.finder.sel).unwrap_or(0) + i64::from(n);
            let max = i64::try_from(len.saturating_sub(1)).unwrap_or(0);
            s.finder.sel = usize::try_from(t.clamp(0, max)).unwrap_or(0);
        }
        FinderMsg::Jump => jump(s, fx),
        FinderMsg::Edit(e) => {
            if s.finder.input.apply(e) {
                research(s, fx);
            }
        }
        FinderMsg::Progress(p) => s.finder.progress = Some(p),
        FinderMsg::IndexReady(IndexHandle(ix)) => {
            s.finder.index = Some(ix);
            if s.overlay == Some(Overlay::Finder) {
                research(s, fx);
            }
        }
        FinderMsg::Results(p) => results(s, p),
        FinderMsg::FlashOff(id) => {
            if s.finder.flash.is_some_and(|(_, _, i)| i == id) {
                s.finder.flash = None;
            }
        }
    }
}

/// Called at the end of every `update`: abandons the background search once the finder is
/// closed, and applies a jump whose article finished loading.
pub fn after_update(s: &mut AppState, fx: &mut Vec<Effect>) {
    if s.finder.searching && s.overlay != Some(Overlay::Finder) {
        s.finder.searching = false;
        s.finder.generation += 1;
        fx.push(Effect::Finder(FinderEffect::Cancel(s.finder.generation)));
    }
    let Some((article, offset, kind, len)) = s.finder.pending else {
        return;
    };
    if s.current != article {
        s.finder.pending = None;
    } else if s.doc().is_some() && s.article().is_some_and(|a| a.first_part.is_none()) {
        // The offset is in the whole document: not the first part's.
        s.finder.pending = None;
        land(s, offset, kind, len, fx);
    }
}

fn open(s: &mut AppState, scope: Scope, fx: &mut Vec<Effect>) {
    s.overlay = Some(Overlay::Finder);
    s.finder.scope = Some(scope);
    s.finder.flash = None;
    s.finder.input = LineInput::default();
    fx.push(Effect::Finder(FinderEffect::Rescan));
    research(s, fx);
}

/// Article number (in the index) of the open article.
fn current_doc(s: &AppState, ix: &Index) -> Option<u32> {
    ix.doc_of(&s.article()?.path)
}

/// Runs the synchronous search and submits the streamed one.
fn research(s: &mut AppState, fx: &mut Vec<Effect>) {
    s.finder.sel = 0;
    s.finder.hits.clear();
    s.finder.searching = false;
    let Some(ix) = s.finder.index.clone() else {
        return;
    };
    let q = Query::parse(&s.finder.input.text);
    if q.is_empty() {
        s.finder.generation += 1;
        fx.push(Effect::Finder(FinderEffect::Cancel(s.finder.generation)));
        return;
    }
    let cur = current_doc(s, &ix);
    let scope = match s.finder.scope {
        Some(Scope::Article) => match cur {
            Some(d) => Some(d),
            None => return,
        },
        _ => None,
    };
    let mut recent: Vec<u32> = cur.into_iter().collect();
    for loc in s.jumps.iter().rev() {
        if let Some(d) = s.articles.get(loc.article).and_then(|a| ix.doc_of(&a.path))
            && !recent.contains(&d)
        {
            recent.push(d);
        }
    }
    let prev = s.finder.survivors.take();
    let (sync, survivors) = search_keystroke(
        &*MATCHER,
        &ix,
        &q.restricted(SYNC),
        scope,
        &recent,
        LIMIT,
        prev.as_ref(),
    );
    s.finder.survivors = survivors;
    let mut hits = sync.clone();
    fill_positions(&*MATCHER, &ix, &q, &mut hits);
    s.finder.hits = hits;
    s.finder.searching = true;
    let mut req = SearchRequest::new(ix, q);
    req.scope = scope;
    req.recent = recent;
    req.seed = sync;
    req.limit = LIMIT;
    s.finder.generation += 1;
    fx.push(Effect::Finder(FinderEffect::Search(SearchJob(
        req,
        s.finder.generation,
    ))));
}

fn results(s: &mut AppState, p: Partial) {
    if p.generation != s.finder.generation {
        return;
    }
    let Some(ix) = s.finder.index.clone() else {
        return;
    };
    let keep = s.finder.hits.get(s.finder.sel).map(|h| h.entry);
    let q = Query::parse(&s.finder.input.text);
    let mut hits = p.hits;
    fill_positions(&*MATCHER, &ix, &q, &mut hits);
    s.finder.sel = keep
        .and_then(|e| hits.iter().position(|h| h.entry == e))
        .filter(|_| s.finder.sel > 0)
        .unwrap_or(0);
    s.finder.hits = hits;
    s.finder.searching = !p.done;
}

/// Enter: open the selected result's article and put the result at the top.
fn jump(s: &mut AppState, fx: &mut Vec<Effect>) {
    let (Some(ix), Some((_, e))) = (s.finder.index.clone(), s.finder.selected()) else {
        return;
    };
    let e = e.clone();
    let Some(info) = ix.articles().get(e.doc as usize) else {
        return;
    };
    let i = if let Some(i) = s.articles.iter().position(|a| a.path == info.path) {
        i
    } else {
        s.articles.push(Article::new(info.path.clone()));
        fx.push(nav::load(s, s.articles.len() - 1));
        s.articles.len() - 1
    };
    let len = match e.kind {
        Kind::Annotation => e.text.split(" — ").next().map_or(0, str::len),
        _ => e.text.len(),
    };
    let offset = e.offset as usize;
    s.overlay = None;
    nav::push_jump(s);
    if i != s.current {
        s.articles[i].anchor = offset;
        nav::open_article(s, i, fx);
    }
    if s.doc().is_some() {
        land(s, offset, e.kind, len, fx);
    } else {
        s.finder.pending = Some((i, offset, e.kind, len));
    }
}

/// Scrolls the open article to `offset` and highlights `len` bytes there (notes: selects
/// the note and shows its first marker).
fn land(s: &mut AppState, offset: usize, kind: Kind, len: usize, fx: &mut Vec<Effect>) {
    let Some(doc) = s.doc().cloned() else { return };
    s.ensure_layout();
    let mut target = offset;
    if kind == Kind::Note
        && let Some(n) = doc.notes.iter().position(|n| n.span.start == offset)
    {
        s.note = Some(n);
        let m = doc.notes[n].markers.first().copied();
        s.marker = m;
        target = m
            .and_then(|m| doc.markers.get(m))
            .and_then(|m| doc.blocks.get(m.block))
            .map_or(0, |b| b.span.start);
        if !s.notes_visible() {
            s.overlay = Some(Overlay::Note(n));
        }
    }
    s.set_top_from_anchor(target);
    s.anchor = target;
    super::landing::mark(s, if kind == Kind::Note { target } else { offset });
    if kind != Kind::Article && kind != Kind::Note {
        s.finder.next_flash += 1;
        let id = s.finder.next_flash;
        s.finder.flash = Some((s.current, Span::new(offset, offset + len), id));
        fx.push(Effect::Finder(FinderEffect::FlashTimer(id)));
    }
    s.message = Some(Message::info(s.keymap.fill(super::hints::JUMPED)));
}

/// Runs the search that `fx` (the effects of the last update) submitted to
/// completion on this thread and applies its results, as the background
/// searcher would at the end. For tests and headless use; false when `fx`
/// submitted no search.
pub fn complete_search(s: &mut AppState, fx: &[Effect]) -> bool {
    let Some(Effect::Finder(FinderEffect::Search(SearchJob(req, generation)))) = fx.last() else {
        return false;
    };
    let hits = crate::finder::search(&req.index, &req.query, req.scope, &req.recent, req.limit);
    let p = crate::finder::Partial {
        generation: *generation,
        hits,
        done: true,
        searched: 0,
        total: 0,
    };
    let now = s.now;
    let _ = super::update::update(s, Action::Finder(FinderMsg::Results(p)), now);
    true
}

#[cfg(test)]
mod tests;
