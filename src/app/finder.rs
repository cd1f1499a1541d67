//! The finder overlay's state and transitions (`Ctrl-p` library, `Ctrl-f` this article):
//! synchronous search of articles/headings/annotations per keystroke, streamed passages and
//! notes from the background `Searcher` (stale generations dropped), and the jump. No I/O.

use super::action::{Action, Effect};
use super::line_edit::{Edit, LineInput};
use super::nav;
use super::state::{AppState, Article, Overlay};
use crate::document::Span;
use crate::finder::{
    Hit, Index, Kind, Partial, Progress, Query, SYNC, SearchRequest, SkimMatcher, fill_positions,
    search_keystroke,
};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
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

/// A background search to submit (passages and notes), compared by query and index identity.
#[derive(Debug, Clone)]
pub struct SearchJob(pub SearchRequest);

impl PartialEq for SearchJob {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0.index, &o.0.index)
            && self.0.query == o.0.query
            && self.0.scope == o.0.scope
            && self.0.seed == o.0.seed
    }
}
impl Eq for SearchJob {}

/// I/O the finder asks the shell for (see `app::finder_shell`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinderEffect {
    /// Submit to the `Searcher`; the shell records the generation in `FinderState`.
    Search(SearchJob),
    /// Abandon the running background search.
    Cancel,
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

/// The printable key typed into the open finder, if `ev` is one.
#[must_use]
pub fn key_action(s: &AppState, ev: &KeyEvent) -> Option<Action> {
    if s.overlay != Some(Overlay::Finder) {
        return None;
    }
    match ev.code {
        KeyCode::Char(c)
            if !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Finder(FinderMsg::Edit(Edit::Insert(c))))
        }
        _ => None,
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
        fx.push(Effect::Finder(FinderEffect::Cancel));
    }
    let Some((article, offset, kind, len)) = s.finder.pending else {
        return;
    };
    if s.current != article {
        s.finder.pending = None;
    } else if s.doc().is_some() {
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
        fx.push(Effect::Finder(FinderEffect::Cancel));
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
    fx.push(Effect::Finder(FinderEffect::Search(SearchJob(req))));
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
    let i = match s.articles.iter().position(|a| a.path == info.path) {
        Some(i) => i,
        None => {
            s.articles.push(Article::new(info.path.clone()));
            fx.push(nav::load(s, s.articles.len() - 1));
            s.articles.len() - 1
        }
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
    s.message = Some(("jumped (C-o: back)".into(), false));
}

/// Runs the search that `fx` (the effects of the last update) submitted to
/// completion on this thread and applies its results, as the background
/// searcher would at the end. For tests and headless use; false when `fx`
/// submitted no search.
pub fn complete_search(s: &mut AppState, fx: &[Effect]) -> bool {
    let Some(Effect::Finder(FinderEffect::Search(SearchJob(req)))) = fx.last() else {
        return false;
    };
    let hits = crate::finder::search(&req.index, &req.query, req.scope, &req.recent, req.limit);
    let p = crate::finder::Partial {
        generation: s.finder.generation,
        hits,
        done: true,
        searched: 0,
        total: 0,
    };
    let _ = super::update::update(s, Action::Finder(FinderMsg::Results(p)));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::update::{init, update as app_update};
    use crate::finder::build_library_index;
    use std::collections::HashMap;

    /// A state on the seeds (all loaded) with the index delivered.
    fn state() -> AppState {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
        let paths = crate::library::scan(std::slice::from_ref(&dir));
        let mut s = AppState::new(paths, &HashMap::new());
        app_update(&mut s, Action::Resize(120, 30));
        for e in init(&mut s) {
            if let Effect::Load {
                article,
                path,
                generation,
            } = e
            {
                let result = crate::library::read_document(&path)
                    .map(Arc::new)
                    .map_err(|e| e.to_string());
                app_update(
                    &mut s,
                    Action::Loaded {
                        article,
                        generation,
                        result,
                    },
                );
            }
        }
        let ix = Arc::new(build_library_index(&[dir], None, None));
        app_update(
            &mut s,
            Action::Finder(FinderMsg::IndexReady(IndexHandle(ix))),
        );
        s
    }

    fn typed(s: &mut AppState, text: &str) -> Vec<Effect> {
        let mut fx = Vec::new();
        for c in text.chars() {
            fx = app_update(s, Action::Finder(FinderMsg::Edit(Edit::Insert(c))));
        }
        fx
    }

    /// What the background searcher would stream at the end.
    fn finish(s: &mut AppState, fx: &[Effect]) {
        assert!(complete_search(s, fx), "no search submitted: {fx:?}");
    }

    fn selected_text(s: &AppState) -> String {
        s.finder
            .selected()
            .map(|(_, e)| e.text.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn typing_searches_and_stale_results_are_dropped() {
        let mut s = state();
        let fx = app_update(&mut s, Action::Finder(FinderMsg::Open(Scope::Library)));
        assert!(fx.contains(&Effect::Finder(FinderEffect::Rescan)));
        let fx = typed(&mut s, "#crimean");
        assert_eq!(selected_text(&s), "The Crimean Black Swan", "sync part");
        s.finder.generation = 7;
        let stale = Partial {
            generation: 6,
            hits: Vec::new(),
            done: true,
            searched: 0,
            total: 0,
        };
        app_update(&mut s, Action::Finder(FinderMsg::Results(stale)));
        assert!(!s.finder.hits.is_empty(), "stale partial dropped");
        finish(&mut s, &fx);
        assert!(!s.finder.searching);
        assert!(!s.finder.hits[0].positions.is_empty());
    }

    #[test]
    fn jump_lands_at_top_and_back_returns() {
        let mut s = state();
        let before = s.location();
        app_update(&mut s, Action::Finder(FinderMsg::Open(Scope::Library)));
        let fx = typed(&mut s, "okhotsk");
        finish(&mut s, &fx);
        assert!(selected_text(&s).contains("Sea of Okhotsk"));
        let fx = app_update(&mut s, Action::Finder(FinderMsg::Jump));
        assert_eq!(s.overlay, None);
        assert!(
            fx.iter()
                .any(|e| matches!(e, Effect::Finder(FinderEffect::FlashTimer(_))))
        );
        let doc = s.doc().cloned().expect("doc");
        let lay = s.layout.clone().expect("layout");
        let top = &doc.text[lay.line_start[s.top]..];
        assert!(
            top.starts_with("As long as Russia holds the territory"),
            "{top:.60}"
        );
        assert!(s.finder.flash.is_some());
        app_update(&mut s, Action::Back);
        assert_eq!(s.location().article, before.article);
        assert_eq!(s.anchor, before.anchor);
    }

    #[test]
    fn jump_into_an_article_still_loading_lands_when_it_loads() {
        let mut s = state();
        let path = s.articles[2].path.clone();
        s.articles[2].status = crate::app::state::ArticleStatus::Pending;
        app_update(&mut s, Action::Finder(FinderMsg::Open(Scope::Library)));
        typed(&mut s, "#crimean");
        app_update(&mut s, Action::Finder(FinderMsg::Jump));
        assert_eq!(s.current, 2);
        assert!(s.finder.pending.is_some());
        let doc = crate::library::read_document(&path).expect("seed 002");
        let generation = s.articles[2].generation;
        app_update(
            &mut s,
            Action::Loaded {
                article: 2,
                generation,
                result: Ok(Arc::new(doc)),
            },
        );
        assert!(s.finder.pending.is_none());
        let doc = s.doc().cloned().expect("doc");
        let lay = s.layout.clone().expect("layout");
        assert!(doc.text[lay.line_start[s.top]..].starts_with("The Crimean Black Swan"));
        let Some((_, _, id)) = s.finder.flash else {
            panic!("no flash")
        };
        app_update(&mut s, Action::Finder(FinderMsg::FlashOff(id)));
        assert!(s.finder.flash.is_none());
    }

    #[test]
    fn scoped_search_stays_in_the_article() {
        let mut s = state();
        app_update(&mut s, Action::Finder(FinderMsg::Open(Scope::Article)));
        let fx = typed(&mut s, "crimean");
        finish(&mut s, &fx);
        assert!(!s.finder.hits.is_empty());
        assert_ne!(selected_text(&s), "The Crimean Black Swan");
        let ix = s.finder.index.clone().expect("index");
        let cur = ix.doc_of(&s.articles[s.current].path);
        assert!(
            s.finder
                .hits
                .iter()
                .all(|h| Some(ix.entries().get(h.entry as usize).expect("hit entry").doc) == cur)
        );
    }

    #[test]
    fn printable_keys_are_typed_while_open() {
        let mut s = state();
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(key_action(&s, &q), None);
        app_update(&mut s, Action::Finder(FinderMsg::Open(Scope::Library)));
        assert_eq!(
            crate::app::key_action(&s, &q),
            Some(Action::Finder(FinderMsg::Edit(Edit::Insert('q'))))
        );
        let cp = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(
            crate::app::key_action(&s, &cp),
            Some(Action::Finder(FinderMsg::Move(-1)))
        );
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let a = crate::app::key_action(&s, &esc).expect("esc");
        app_update(&mut s, a);
        assert_eq!(s.overlay, None);
    }

    #[test]
    fn annotations_are_forwarded_to_the_index_worker() {
        let mut s = state();
        let items = vec![(0, "quote".to_string(), "note".to_string())];
        let fx = app_update(
            &mut s,
            Action::AnnotationsChanged {
                path: PathBuf::from("a.md"),
                items: items.clone(),
            },
        );
        assert_eq!(
            fx,
            vec![Effect::Finder(FinderEffect::Annotations(
                PathBuf::from("a.md"),
                items
            ))]
        );
    }
}
