//! Annotating in the reader: `update` transitions (annotate, save, delete,
//! undo, prompts) and render tests of the editor popup, the annotations tab
//! and the body highlight.

mod common;

use common::{find, render, seed, state};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ibid::annotations::{Anchor, Annotation, Loaded, Op};
use ibid::app::annotate::{AnnotAction, NotesTab};
use ibid::app::{Action, AppState, Effect, key_action, keymap, update};
use ibid::ui::annotations::{ANNOTATED, CURSOR, SELECTION};
use insta::assert_snapshot;
use ratatui::style::Modifier;
use std::time::{Duration, UNIX_EPOCH};

/// Presses a key by keymap name and returns the effects.
fn press(s: &mut AppState, name: &str) -> Vec<Effect> {
    let (code, mods) = keymap::parse_key(name).expect("key name");
    send(s, KeyEvent::new(code, mods))
}

fn send(s: &mut AppState, ev: KeyEvent) -> Vec<Effect> {
    let mut fx = Vec::new();
    if let Some(a) = key_action(s, &ev) {
        fx = update(s, a, std::time::UNIX_EPOCH);
    }
    fx
}

fn type_note(s: &mut AppState, text: &str) {
    for c in text.chars() {
        let ev = if c == '\n' {
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        // Typing does no I/O but keep the drafts file up to date.
        let fx = send(s, ev);
        assert!(fx.iter().all(|e| matches!(e, Effect::Drafts(_))), "{fx:?}");
    }
}

fn save_effect(fx: &[Effect]) -> (u64, Vec<Op>) {
    fx.iter()
        .find_map(|e| match e {
            Effect::SaveAnnotations {
                ops, generation, ..
            } => Some((*generation, ops.clone())),
            _ => None,
        })
        .expect("a SaveAnnotations effect")
}

fn saved_ok(s: &mut AppState, generation: u64, anns: Vec<Annotation>) -> Vec<Effect> {
    update(
        s,
        Action::AnnotationsSaved {
            article: 0,
            generation,
            result: Ok(Loaded {
                annotations: anns,
                ..Loaded::default()
            }),
        },
        std::time::UNIX_EPOCH,
    )
}

fn first_paragraph(s: &AppState) -> String {
    let doc = s.doc().expect("doc");
    let b = doc
        .body()
        .find(|(_, b)| b.kind == ibid::document::BlockKind::Paragraph)
        .expect("a paragraph");
    doc.slice(b.1.span).to_string()
}

#[test]
fn a_then_type_then_ctrl_s_saves_the_paragraph() {
    let mut s = state(vec![seed("002")], 120, 40);
    let para = first_paragraph(&s);
    assert!(press(&mut s, "A").is_empty());
    assert!(s.annot.editor.is_some());
    type_note(&mut s, "Abe in Sochi #olympics");
    let fx = press(&mut s, "C-s");
    let (generation, ops) = save_effect(&fx);
    let Op::Upsert(a) = &ops[0] else {
        panic!("upsert expected")
    };
    assert_eq!(a.anchor.quote, para);
    assert_eq!(a.note, "Abe in Sochi #olympics");
    assert_eq!(a.tags, vec!["olympics"]);
    assert!(s.annot.editor.is_none());
    // Not "saved" until the store says so; quitting now asks.
    assert_ne!(
        s.message.as_ref().map(|m| m.text.as_str()),
        Some("annotation saved")
    );
    assert!(press(&mut s, "q").is_empty());
    assert!(s.annot.quit_prompt && !s.quit);
    press(&mut s, "Esc");
    assert!(!s.annot.quit_prompt);
    let stored = vec![a.clone()];
    saved_ok(&mut s, generation, stored);
    assert_eq!(
        s.message.as_ref().map(|m| m.text.as_str()),
        Some("annotation saved")
    );
    let fx = press(&mut s, "q");
    assert!(fx.contains(&Effect::Quit));
}

#[test]
fn failed_save_keeps_the_note_and_retries() {
    let mut s = state(vec![seed("002")], 120, 40);
    press(&mut s, "A");
    let fx = press(&mut s, "C-s");
    let (generation, _) = save_effect(&fx);
    update(
        &mut s,
        Action::AnnotationsSaved {
            article: 0,
            generation,
            result: Err("read-only file system".into()),
        },
        std::time::UNIX_EPOCH,
    );
    let m = s.message.clone().expect("message");
    assert!(
        m.level == ibid::app::Level::Error && m.text.contains("read-only"),
        "{m:?}"
    );
    assert_eq!(s.annot.articles[&0].items.len(), 1, "kept in memory");
    // Quitting asks; `y` retries the save.
    press(&mut s, "q");
    let fx = press(&mut s, "y");
    let (g2, ops) = save_effect(&fx);
    assert_eq!(ops.len(), 1);
    assert!(!s.quit);
    let item = s.annot.articles[&0].items.clone();
    let fx = saved_ok(&mut s, g2, item);
    assert!(fx.contains(&Effect::Quit));
}

#[test]
fn esc_on_a_draft_asks_before_discarding() {
    let mut s = state(vec![seed("002")], 120, 40);
    press(&mut s, "A");
    type_note(&mut s, "draft");
    press(&mut s, "Esc");
    let ed = s.annot.editor.as_ref().expect("still open");
    assert!(ed.confirm_discard);
    press(&mut s, "n");
    assert!(!s.annot.editor.as_ref().expect("open").confirm_discard);
    type_note(&mut s, "y");
    assert_eq!(
        s.annot.editor.as_ref().expect("open").area.lines(),
        ["drafty"]
    );
    press(&mut s, "Esc");
    press(&mut s, "y");
    assert!(s.annot.editor.is_none());
    // An empty draft closes at once.
    press(&mut s, "A");
    press(&mut s, "Esc");
    assert!(s.annot.editor.is_none());
}

#[test]
fn delete_and_undo_from_the_tab() {
    let mut s = state(vec![seed("002")], 200, 50);
    press(&mut s, "A");
    type_note(&mut s, "one");
    let (g, ops) = save_effect(&press(&mut s, "C-s"));
    let Op::Upsert(a) = ops[0].clone() else {
        panic!()
    };
    saved_ok(&mut s, g, vec![a.clone()]);
    press(&mut s, "Tab");
    press(&mut s, "t");
    assert_eq!(s.annot.tab, NotesTab::Annotations);
    let (g, ops) = save_effect(&press(&mut s, "d"));
    assert_eq!(
        ops,
        vec![Op::Delete {
            id: a.id.clone(),
            base: a.clock.clone()
        }]
    );
    assert!(s.annot.articles[&0].items.is_empty());
    saved_ok(&mut s, g, vec![]);
    let (_, ops) = save_effect(&press(&mut s, "u"));
    assert_eq!(ops, vec![Op::Upsert(a.clone())]);
    assert_eq!(s.annot.articles[&0].items, vec![a]);
    // Enter jumps to it and is on the jump list.
    press(&mut s, "Enter");
    assert_eq!(s.focus, ibid::app::Pane::Body);
    assert!(!s.jumps.is_empty());
}

#[test]
fn selection_with_motions_annotates_words() {
    let mut s = state(vec![seed("002")], 120, 40);
    press(&mut s, "v");
    press(&mut s, "w");
    press(&mut s, "w");
    let r = s.annot.selected().expect("selection");
    let doc = s.doc().expect("doc").clone();
    assert_eq!(&doc.text[r.clone()], "This past February");
    press(&mut s, ")");
    let r = s.annot.selected().expect("selection");
    assert!(doc.text[r].ends_with("Sochi, Russia."));
    press(&mut s, "a");
    assert!(s.annot.editor.is_some());
    assert!(s.annot.selection.is_none());
    let buf = render(&s);
    assert!(find(buf.backend().buffer(), "Sochi, Russia.").is_some());
}

fn stamped(text: &str, range: std::ops::Range<usize>, note: &str) -> Annotation {
    let t = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    Annotation::new(Anchor::new(text, range), note, t)
}

fn with_stored(w: u16, h: u16) -> AppState {
    let mut s = state(vec![seed("002")], w, h);
    let doc = s.doc().expect("doc").clone();
    let i = doc.text.find("The Kurile Islands").expect("phrase");
    let a = stamped(&doc.text, i..i + 18, "chain of #islands");
    let mut orphan = stamped(&doc.text, 0..4, "its passage was edited away");
    orphan.anchor.quote = "a sentence that is no longer in the article at all".into();
    orphan.anchor.prefix.clear();
    orphan.anchor.suffix.clear();
    let generation = s.articles[0].generation;
    update(
        &mut s,
        Action::AnnotationsLoaded {
            article: 0,
            generation,
            result: Ok(Loaded {
                annotations: vec![a, orphan],
                ..Loaded::default()
            }),
        },
        std::time::UNIX_EPOCH,
    );
    s
}

#[test]
fn stored_annotations_are_highlighted_and_orphans_listed() {
    let mut s = with_stored(200, 50);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.contains("orphaned"))
    );
    let t = render(&s);
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "The Kurile Islands").expect("on screen");
    assert_eq!(buf[(x, y)].bg, ANNOTATED.bg.expect("bg"));
    assert_eq!(buf[(x + 17, y)].bg, ANNOTATED.bg.expect("bg"));
    assert_ne!(buf[(x + 19, y)].bg, ANNOTATED.bg.expect("bg"));
    update(
        &mut s,
        Action::Annot(AnnotAction::ToggleTab),
        std::time::UNIX_EPOCH,
    );
    let t = render(&s);
    assert_snapshot!("annotations_tab", t.backend());
    let buf = t.backend().buffer();
    let (ox, oy) = find(buf, "orphaned").expect("orphan marked");
    assert_eq!(
        buf[(ox, oy)].fg,
        ibid::ui::annotations::ORPHANED.fg.expect("fg")
    );
    let (qx, qy) = find(buf, "“The Kurile Islands”").expect("quote");
    assert_eq!(
        buf[(qx + 1, qy)].bg,
        ibid::ui::theme::NOTE_SELECTED.bg.expect("bg"),
        "first row selected"
    );
}

#[test]
fn editor_popup_renders() {
    let mut s = state(vec![seed("002")], 80, 24);
    press(&mut s, "A");
    type_note(&mut s, "first line #tag\nsecond");
    let t = render(&s);
    assert_snapshot!("editor_80x24", t.backend());
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "This past February, Japan’s Prime Minister Shinzo").expect("quote");
    assert_eq!(buf[(x, y)].fg, ibid::ui::editor::QUOTE.fg.expect("fg"));
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    let (tx, ty) = find(buf, "first line").expect("note text");
    assert!(tx > x.saturating_sub(2) && ty > y);
    press(&mut s, "Esc");
    let t = render(&s);
    assert!(find(t.backend().buffer(), "Discard this note? y/n").is_some());
}

#[test]
fn cursor_and_selection_styles() {
    let mut s = state(vec![seed("002")], 80, 24);
    press(&mut s, "w");
    let t = render(&s);
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "past February").expect("text");
    assert!(buf[(x, y)].modifier.contains(CURSOR.add_modifier));
    press(&mut s, "v");
    press(&mut s, "w");
    let t = render(&s);
    let buf = t.backend().buffer();
    assert_eq!(buf[(x, y)].bg, SELECTION.bg.expect("bg"));
    assert_eq!(buf[(x + 5, y)].bg, SELECTION.bg.expect("bg"));
    // j keeps the cursor on screen while scrolling.
    press(&mut s, "Esc");
    for _ in 0..40 {
        press(&mut s, "j");
    }
    let c = s.annot.cursor.clone().expect("cursor");
    let line = s.layout.as_ref().expect("layout").line_of(c.start);
    assert!(line >= s.top && line < s.top + s.body_height());
}

#[test]
fn mouse_drag_selects_words() {
    let mut s = state(vec![seed("002")], 80, 24);
    let t = render(&s);
    let (x, y) = find(t.backend().buffer(), "past February").expect("text");
    update(
        &mut s,
        Action::Click { col: x + 1, row: y },
        std::time::UNIX_EPOCH,
    );
    update(
        &mut s,
        Action::Annot(AnnotAction::Drag { col: x + 7, row: y }),
        std::time::UNIX_EPOCH,
    );
    let r = s.annot.selected().expect("selection");
    assert_eq!(&s.doc().expect("doc").text[r], "past February");
    press(&mut s, "a");
    assert_eq!(
        s.annot.editor.as_ref().expect("editor").quote,
        "past February"
    );
}

#[test]
fn narrow_terminal_shows_annotations_as_a_popup() {
    let mut s = with_stored(60, 15);
    press(&mut s, "t");
    let t = render(&s);
    assert!(find(t.backend().buffer(), "Annotations (2)").is_some());
    press(&mut s, "Enter");
    assert_eq!(s.annot.tab, NotesTab::Notes);
    let t = render(&s);
    let buf = t.backend().buffer();
    assert!(find(buf, "Annotations (2)").is_none());
    let (x, y) = find(buf, "The Kurile Islands").expect("jumped to the passage");
    assert_eq!(buf[(x + 4, y)].bg, ANNOTATED.bg.expect("bg"));
}

#[test]
fn a_signal_quits_at_once_and_flushes_unsaved_notes() {
    let mut s = state(vec![seed("002")], 120, 40);
    press(&mut s, "A");
    let (g, _) = save_effect(&press(&mut s, "C-s"));
    update(
        &mut s,
        Action::AnnotationsSaved {
            article: 0,
            generation: g,
            result: Err("disk full".into()),
        },
        std::time::UNIX_EPOCH,
    );
    let fx = update(&mut s, Action::Terminate, std::time::UNIX_EPOCH);
    let (_, ops) = save_effect(&fx);
    assert_eq!(ops.len(), 1);
    assert!(fx.contains(&Effect::Quit) && s.quit);
}

#[test]
fn e_edits_an_existing_note_in_place() {
    let mut s = with_stored(200, 50);
    press(&mut s, "t");
    assert_eq!(s.focus, ibid::app::Pane::Notes);
    let first = s.annot.articles[&0].items[0].clone();
    press(&mut s, "e");
    let ed = s.annot.editor.as_ref().expect("editor");
    assert_eq!(ed.area.lines(), ["chain of #islands"]);
    type_note(&mut s, " #kuriles");
    let (_, ops) = save_effect(&press(&mut s, "C-s"));
    let Op::Upsert(a) = &ops[0] else {
        panic!("upsert expected")
    };
    assert_eq!(a.id, first.id);
    assert_eq!(a.note, "chain of #islands #kuriles");
    assert_eq!(a.tags, vec!["islands", "kuriles"]);
    assert_eq!(a.created, first.created);
}

#[test]
fn empty_editor_shows_a_placeholder_and_saves_a_highlight() {
    let mut s = state(vec![seed("002")], 80, 24);
    press(&mut s, "A");
    let t = render(&s);
    assert!(find(t.backend().buffer(), "type a note (#tags)").is_some());
    let (_, ops) = save_effect(&press(&mut s, "C-s"));
    let Op::Upsert(a) = &ops[0] else {
        panic!("upsert expected")
    };
    assert!(a.note.is_empty() && a.tags.is_empty());
}
