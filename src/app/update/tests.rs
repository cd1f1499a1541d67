//! Tests of `update`: key routing, scrolling, focus, follow and back.

use super::*;
use crate::app::keymap::Context;
use crate::document::{Format, parse_str};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::path::PathBuf;

const MD: &str = "# Title\n\nFirst paragraph cites a source.[^1]\n\n## Part two\n\nSecond paragraph cites it again.[^2] And more.[^3]\n\n[^1]: Jane Doe, *A Book*, 2001.\n[^2]: Ibid.\n[^3]: Jane Doe, *A Book*, 2001.\n";

fn state(w: u16, h: u16) -> AppState {
    let mut s = AppState::new(vec![PathBuf::from("a.md")], &HashMap::new());
    update(&mut s, Action::Resize(w, h));
    let fx = init(&mut s);
    assert!(matches!(fx[0], Effect::Load { article: 0, .. }));
    let generation = s.articles[0].generation;
    let doc = Arc::new(parse_str(MD, Format::Markdown));
    update(
        &mut s,
        Action::Loaded {
            article: 0,
            generation,
            result: Ok(doc),
        },
    );
    s
}

#[test]
fn start_up_loads_the_open_article_and_its_neighbours_only() {
    let paths: Vec<PathBuf> = (0..6).map(|i| PathBuf::from(format!("{i}.txt"))).collect();
    let mut s = AppState::new(paths, &HashMap::new());
    s.current = 2;
    let fx = init(&mut s);
    let loads: Vec<usize> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Load { article, .. } => Some(*article),
            _ => None,
        })
        .collect();
    assert_eq!(loads, [2, 1, 3], "the open one first");
    assert!(matches!(fx.last(), Some(Effect::FindAnnotated(v)) if v.len() == 6));
    // Articles with stored annotations load; ones already asked for do not again.
    let fx = update(&mut s, Action::Annotated(vec![1, 5]));
    let loads: Vec<&Effect> = fx
        .iter()
        .filter(|e| !matches!(e, Effect::Drafts(_)))
        .collect();
    assert!(
        matches!(loads.as_slice(), [Effect::Load { article: 5, .. }]),
        "{fx:?}"
    );
    // Opening a never-loaded article asks for it.
    let mut fx = Vec::new();
    nav::open_article(&mut s, 4, &mut fx);
    assert!(
        matches!(fx.as_slice(), [Effect::Load { article: 4, .. }]),
        "{fx:?}"
    );
    let mut fx = Vec::new();
    nav::open_article(&mut s, 5, &mut fx);
    assert!(fx.is_empty(), "already loading: {fx:?}");
}

#[test]
fn stale_loads_are_dropped() {
    let mut s = state(100, 20);
    let old = s.articles[0].generation - 1;
    update(
        &mut s,
        Action::Loaded {
            article: 0,
            generation: old,
            result: Err("x".into()),
        },
    );
    assert!(s.doc().is_some());
}

#[test]
fn marker_follow_back_forward() {
    let mut s = state(100, 20);
    update(&mut s, Action::NextMarker);
    update(&mut s, Action::NextMarker);
    assert_eq!(s.marker, Some(1));
    assert_eq!(s.note, Some(1));
    update(&mut s, Action::Follow);
    assert_eq!(s.focus, Pane::Notes);
    update(&mut s, Action::Follow);
    assert_eq!(s.note, Some(0), "Ibid. follows to note 1");
    assert_eq!(s.marker, Some(0));
    update(&mut s, Action::Back);
    assert_eq!(s.note, Some(1));
    update(&mut s, Action::Back);
    assert_eq!(s.focus, Pane::Body);
    update(&mut s, Action::Forward);
    assert_eq!(s.focus, Pane::Notes);
    update(&mut s, Action::Forward);
    assert_eq!(s.note, Some(0));
}

#[test]
fn narrow_opens_note_overlay() {
    let mut s = state(50, 12);
    update(&mut s, Action::NextMarker);
    update(&mut s, Action::Follow);
    assert_eq!(s.overlay, Some(Overlay::Note(0)));
    assert_eq!(contexts(&s)[0], Context::Note);
    update(&mut s, Action::Close);
    assert_eq!(s.overlay, None);
}

#[test]
fn scroll_clamps_and_anchor_follows() {
    let mut s = state(30, 6);
    update(&mut s, Action::Bottom);
    let lay = s.layout.clone().expect("layout");
    assert_eq!(s.top, lay.max_top(s.body_height()));
    assert_eq!(s.anchor, lay.line_start[s.top]);
    update(&mut s, Action::ScrollLines(-1000));
    assert_eq!(s.top, 0);
}

#[test]
fn quit_saves_positions() {
    let mut s = state(100, 20);
    let fx = update(&mut s, Action::Quit);
    assert!(
        matches!(fx[0], Effect::SavePositions(ref p) if p.is_empty()),
        "an unchanged position is not written over another ibid's"
    );
    let mut s = state(30, 6);
    update(&mut s, Action::Bottom);
    assert_ne!(s.anchor, 0);
    let fx = update(&mut s, Action::Quit);
    assert!(matches!(fx[0], Effect::SavePositions(ref p) if p.len() == 1));
    assert_eq!(fx[1], Effect::Quit);
    assert!(s.quit);
}

#[test]
fn search_prompt_takes_characters() {
    let mut s = state(100, 20);
    update(&mut s, Action::Search);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(key_action(&s, &q), Some(Action::Input('q')));
    for c in "PARAGRAPH".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::Follow);
    assert_eq!(s.search.matches.len(), 2);
    assert_eq!(s.search.current, Some(0));
}
