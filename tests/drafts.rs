//! The drafts file's content as `update` hands it out (`Effect::Drafts`):
//! the note being typed, changes the store refused; and a drafts file left
//! by a dead process offered back. Pure: no files.

mod common;

use common::{run_effects, seed, state};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ibid::app::annotate::AnnotAction;
use ibid::app::drafts::{Drafts, offer};
use ibid::app::{Action, AppState, Effect, init, update};
use std::collections::HashMap;

fn last_drafts(fx: &[Effect]) -> Option<Drafts> {
    fx.iter().rev().find_map(|e| match e {
        Effect::Drafts(d) => Some(d.clone()),
        _ => None,
    })
}

fn type_char(s: &mut AppState, c: char) -> Vec<Effect> {
    let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    update(
        s,
        Action::Annot(AnnotAction::EditorInput(k)),
        std::time::UNIX_EPOCH,
    )
}

#[test]
fn typing_updates_the_draft_and_a_refused_save_is_kept() {
    let mut s = state(vec![seed("002")], 120, 40);
    update(
        &mut s,
        Action::Annot(AnnotAction::AnnotateParagraph),
        std::time::UNIX_EPOCH,
    );
    let mut latest = None;
    for c in "kept".chars() {
        latest = last_drafts(&type_char(&mut s, c)).or(latest);
    }
    let d = latest.expect("a drafts effect while typing");
    assert_eq!(d.editors.len(), 1);
    assert_eq!(d.editors[0].text, "kept");
    assert!(d.editors[0].range.is_some());
    // Saving empties the editor part; a refused save keeps the change.
    let fx = update(
        &mut s,
        Action::Annot(AnnotAction::EditorSave),
        std::time::UNIX_EPOCH,
    );
    let generation = fx
        .iter()
        .find_map(|e| match e {
            Effect::SaveAnnotations { generation, .. } => Some(*generation),
            _ => None,
        })
        .expect("a save");
    let d = last_drafts(&fx).expect("drafts change");
    assert!(d.editors.is_empty());
    assert_eq!(
        d.unsaved[0].upserts[0].note, "kept",
        "in flight is not yet safe"
    );
    let fx = update(
        &mut s,
        Action::AnnotationsSaved {
            article: 0,
            generation,
            result: Err("read-only file system".into()),
        },
        std::time::UNIX_EPOCH,
    );
    // Unchanged content: no new write is asked for.
    assert!(last_drafts(&fx).is_none());
    assert_eq!(ibid::app::drafts::snapshot(&s).unsaved[0].upserts.len(), 1);
}

#[test]
fn a_left_behind_draft_reopens_its_article_and_editor() {
    let mut first = state(vec![seed("001"), seed("002")], 120, 40);
    first.current = 1;
    update(
        &mut first,
        Action::Annot(AnnotAction::AnnotateParagraph),
        std::time::UNIX_EPOCH,
    );
    for c in "unfinished".chars() {
        type_char(&mut first, c);
    }
    let left = ibid::app::drafts::snapshot(&first);

    let mut s = AppState::new(vec![seed("001"), seed("002")], &HashMap::new());
    update(&mut s, Action::Resize(120, 40), std::time::UNIX_EPOCH);
    offer(&mut s, left.clone());
    assert_eq!(s.current, 1, "the draft's article opens first");
    let fx = init(&mut s);
    run_effects(&mut s, fx);
    let ed = s.annot.editor.as_ref().expect("editor reopened");
    assert_eq!(ed.area.lines().join("\n"), "unfinished");
    assert_eq!(ed.quote, left.editors[0].quote);
    let msg = s
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(msg.starts_with("restored an unsaved note on"), "{msg}");
    // It is in this process's drafts now (once), not lost and not doubled.
    let now = ibid::app::drafts::snapshot(&s);
    assert_eq!(now.editors.len(), 1);
}
