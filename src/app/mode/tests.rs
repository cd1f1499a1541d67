//! Tests of the mode function: its priority order and the contexts and
//! focus each mode gives to key routing and drawing.

use super::*;
use crate::app::annotate::{EditTarget, Editor};
use crate::app::update::{key_action, update};
use crate::app::{Action, Overlay};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::path::PathBuf;

fn state(w: u16, h: u16) -> AppState {
    let mut s = AppState::new(vec![PathBuf::from("a.md")], &HashMap::new());
    update(&mut s, Action::Resize(w, h), std::time::UNIX_EPOCH);
    s
}

fn editor() -> Editor {
    Editor {
        area: ratatui_textarea::TextArea::default(),
        target: EditTarget::New(0..1),
        quote: String::new(),
        confirm_discard: false,
    }
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn panes_and_overlays() {
    let mut s = state(200, 50);
    assert_eq!(mode(&s), Mode::Pane(Pane::Body));
    s.focus = Pane::List;
    assert_eq!(mode(&s), Mode::Pane(Pane::List));
    for (o, m) in [
        (Overlay::Help(0), Mode::Help),
        (Overlay::Outline(0), Mode::Outline),
        (Overlay::List, Mode::ListOverlay),
        (Overlay::Search, Mode::Search),
        (Overlay::Finder, Mode::Finder),
        (Overlay::Note(0), Mode::NoteOverlay),
    ] {
        s.overlay = Some(o);
        assert_eq!(mode(&s), m);
    }
}

#[test]
fn prompts_and_editor_come_before_overlays() {
    let mut s = state(200, 50);
    s.overlay = Some(Overlay::Finder);
    s.annot.editor = Some(editor());
    assert_eq!(mode(&s), Mode::Editor);
    s.annot.quit_prompt = true;
    assert_eq!(mode(&s), Mode::QuitPrompt);
    if let Some(e) = s.annot.editor.as_mut() {
        e.confirm_discard = true;
    }
    assert_eq!(mode(&s), Mode::DiscardPrompt);
    assert_eq!(mode(&s).contexts(), &[Context::Confirm]);
}

#[test]
fn selection_tab_and_sources_need_no_overlay() {
    let mut s = state(200, 50);
    s.sources.open = true;
    // Wide: the sources view has the keys only when the panel is focused.
    assert_eq!(mode(&s), Mode::Pane(Pane::Body));
    s.focus = Pane::Notes;
    assert_eq!(mode(&s), Mode::Sources);
    assert_eq!(mode(&s).focused_pane(), Some(Pane::Notes));
    s.annot.tab = NotesTab::Annotations;
    assert_eq!(mode(&s), Mode::Annotations);
    s.annot.selection = Some((0..1, 0..1));
    assert_eq!(mode(&s), Mode::Select);
    s.overlay = Some(Overlay::Help(0));
    assert_eq!(mode(&s), Mode::Help);
    // Narrow: the panel is hidden, so the tab has the keys whatever the focus.
    let mut s = state(60, 15);
    s.annot.tab = NotesTab::Annotations;
    assert_eq!(mode(&s), Mode::Annotations);
}

#[test]
fn routing_follows_the_mode() {
    let mut s = state(200, 50);
    assert_eq!(key_action(&s, &key('j')), Some(Action::ScrollLines(1)));
    s.overlay = Some(Overlay::Search);
    assert!(mode(&s).types_text());
    assert_eq!(key_action(&s, &key('j')), Some(Action::Input('j')));
    s.overlay = None;
    s.focus = Pane::Notes;
    s.annot.tab = NotesTab::Annotations;
    // The annotations tab's `u` is undo, not a command of another pane.
    assert_eq!(
        key_action(&s, &key('u')),
        Some(Action::Annot(crate::app::annotate::AnnotAction::TabUndo))
    );
    s.annot.editor = Some(editor());
    // The editor types keys its context does not bind.
    assert!(matches!(
        key_action(&s, &key('u')),
        Some(Action::Annot(
            crate::app::annotate::AnnotAction::EditorInput(_)
        ))
    ));
    s.annot.quit_prompt = true;
    // A prompt swallows unbound keys.
    assert_eq!(key_action(&s, &key('u')), None);
}
