//! Tests of the finder state machine: opening, typing, results, jumps.

use super::*;
use crate::app::update::{init, update as app_update};
use crate::finder::build_library_index;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// A state on the seeds (all loaded) with the index delivered.
fn state() -> AppState {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let paths = crate::library::scan(std::slice::from_ref(&dir));
    let mut s = AppState::new(paths, &HashMap::new());
    app_update(&mut s, Action::Resize(120, 30), std::time::UNIX_EPOCH);
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
                std::time::UNIX_EPOCH,
            );
        }
    }
    let ix = Arc::new(build_library_index(&[dir], None, None));
    app_update(
        &mut s,
        Action::Finder(FinderMsg::IndexReady(IndexHandle(ix))),
        std::time::UNIX_EPOCH,
    );
    s
}

fn typed(s: &mut AppState, text: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in text.chars() {
        fx = app_update(
            s,
            Action::Finder(FinderMsg::Edit(Edit::Insert(c))),
            std::time::UNIX_EPOCH,
        );
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
    let fx = app_update(
        &mut s,
        Action::Finder(FinderMsg::Open(Scope::Library)),
        std::time::UNIX_EPOCH,
    );
    assert!(fx.contains(&Effect::Finder(FinderEffect::Rescan)));
    let before = s.finder.generation;
    let fx = typed(&mut s, "#crimean");
    assert_eq!(selected_text(&s), "The Crimean Black Swan", "sync part");
    // `update` chose the job's generation (no counter in the shell).
    let Some(Effect::Finder(FinderEffect::Search(SearchJob(_, generation)))) = fx.last() else {
        panic!("a search: {fx:?}")
    };
    assert_eq!(*generation, s.finder.generation);
    assert!(*generation > before);
    let stale = Partial {
        generation: generation - 1,
        hits: Vec::new(),
        done: true,
        searched: 0,
        total: 0,
    };
    app_update(
        &mut s,
        Action::Finder(FinderMsg::Results(stale)),
        std::time::UNIX_EPOCH,
    );
    assert!(!s.finder.hits.is_empty(), "stale partial dropped");
    finish(&mut s, &fx);
    assert!(!s.finder.searching);
    assert!(!s.finder.hits[0].positions.is_empty());
}

#[test]
fn jump_lands_at_top_and_back_returns() {
    let mut s = state();
    let before = s.location();
    app_update(
        &mut s,
        Action::Finder(FinderMsg::Open(Scope::Library)),
        std::time::UNIX_EPOCH,
    );
    let fx = typed(&mut s, "okhotsk");
    finish(&mut s, &fx);
    assert!(selected_text(&s).contains("Sea of Okhotsk"));
    let fx = app_update(
        &mut s,
        Action::Finder(FinderMsg::Jump),
        std::time::UNIX_EPOCH,
    );
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
    app_update(&mut s, Action::Back, std::time::UNIX_EPOCH);
    assert_eq!(s.location().article, before.article);
    assert_eq!(s.anchor, before.anchor);
}

#[test]
fn jump_into_an_article_still_loading_lands_when_it_loads() {
    let mut s = state();
    let path = s.articles[2].path.clone();
    s.articles[2].status = crate::app::state::ArticleStatus::Pending;
    app_update(
        &mut s,
        Action::Finder(FinderMsg::Open(Scope::Library)),
        std::time::UNIX_EPOCH,
    );
    typed(&mut s, "#crimean");
    app_update(
        &mut s,
        Action::Finder(FinderMsg::Jump),
        std::time::UNIX_EPOCH,
    );
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
        std::time::UNIX_EPOCH,
    );
    assert!(s.finder.pending.is_none());
    let doc = s.doc().cloned().expect("doc");
    let lay = s.layout.clone().expect("layout");
    assert!(doc.text[lay.line_start[s.top]..].starts_with("The Crimean Black Swan"));
    let Some((_, _, id)) = s.finder.flash else {
        panic!("no flash")
    };
    app_update(
        &mut s,
        Action::Finder(FinderMsg::FlashOff(id)),
        std::time::UNIX_EPOCH,
    );
    assert!(s.finder.flash.is_none());
}

#[test]
fn scoped_search_stays_in_the_article() {
    let mut s = state();
    app_update(
        &mut s,
        Action::Finder(FinderMsg::Open(Scope::Article)),
        std::time::UNIX_EPOCH,
    );
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
    assert_eq!(crate::app::key_action(&s, &q), Some(Action::Quit));
    app_update(
        &mut s,
        Action::Finder(FinderMsg::Open(Scope::Library)),
        std::time::UNIX_EPOCH,
    );
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
    app_update(&mut s, a, std::time::UNIX_EPOCH);
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
        std::time::UNIX_EPOCH,
    );
    assert_eq!(
        fx,
        vec![Effect::Finder(FinderEffect::Annotations(
            PathBuf::from("a.md"),
            items
        ))]
    );
}
