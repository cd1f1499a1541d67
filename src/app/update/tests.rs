//! Tests of `update`: key routing, scrolling, focus, follow and back.

use super::*;
use crate::app::keymap::Context;
use crate::document::{Format, parse_str};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::path::PathBuf;

const MD: &str = "# Title\n\nFirst paragraph cites a source.[^1]\n\n## Part two\n\nSecond paragraph cites it again.[^2] And more.[^3]\n\n[^1]: Jane Doe, *A Book*, 2001.\n[^2]: Ibid.\n[^3]: Jane Doe, *A Book*, 2001.\n";

fn state(w: u16, h: u16) -> AppState {
    crate::app::test_state::showing("a.md", parse_str(MD, Format::Markdown), w, h).0
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
    assert!(!fx.iter().any(|e| matches!(e, Effect::FindAnnotated(_))));
    // Which articles have annotations is asked once the first frame is drawn.
    let fx = update(&mut s, Action::FirstFrame, std::time::UNIX_EPOCH);
    let asked: Vec<usize> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::FindAnnotated(v) => Some(v.len()),
            _ => None,
        })
        .collect();
    assert_eq!(asked, [6], "{fx:?}");
    // Articles with stored annotations load; ones already asked for do not again.
    let fx = update(&mut s, Action::Annotated(vec![1, 5]), std::time::UNIX_EPOCH);
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
        std::time::UNIX_EPOCH,
    );
    assert!(s.doc().is_some());
}

#[test]
fn the_ends_of_the_article_are_jumps() {
    let text = (0..60).fold(String::new(), |mut t, i| {
        t.push_str(&format!("Paragraph {i}.\n\n"));
        t
    });
    let doc = parse_str(&text, Format::Plain);
    let mut s = crate::app::test_state::showing("a.txt", doc, 80, 20).0;
    update(&mut s, Action::ScrollLines(5), std::time::UNIX_EPOCH);
    let read = s.top;
    assert!(read > 0);
    update(&mut s, Action::Bottom, std::time::UNIX_EPOCH);
    let end = s.top;
    assert!(end > read, "at the end");
    update(&mut s, Action::Top, std::time::UNIX_EPOCH);
    assert_eq!(s.top, 0);
    update(&mut s, Action::Back, std::time::UNIX_EPOCH);
    assert_eq!(s.top, end, "back to the end");
    update(&mut s, Action::Back, std::time::UNIX_EPOCH);
    assert_eq!(s.top, read, "back to where G was pressed");
}

#[test]
fn marker_follow_back_forward() {
    let mut s = state(100, 20);
    update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
    update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
    assert_eq!(s.marker, Some(1));
    assert_eq!(s.note, Some(1));
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    assert_eq!(s.focus, Pane::Notes);
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    assert_eq!(s.note, Some(0), "Ibid. follows to note 1");
    assert_eq!(s.marker, Some(0));
    update(&mut s, Action::Back, std::time::UNIX_EPOCH);
    assert_eq!(s.note, Some(1));
    update(&mut s, Action::Back, std::time::UNIX_EPOCH);
    assert_eq!(s.focus, Pane::Body);
    update(&mut s, Action::Forward, std::time::UNIX_EPOCH);
    assert_eq!(s.focus, Pane::Notes);
    update(&mut s, Action::Forward, std::time::UNIX_EPOCH);
    assert_eq!(s.note, Some(0));
}

#[test]
fn narrow_opens_note_overlay() {
    let mut s = state(50, 12);
    update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    assert_eq!(s.overlay, Some(Overlay::Note(0)));
    assert_eq!(contexts(&s)[0], Context::Note);
    update(&mut s, Action::Close, std::time::UNIX_EPOCH);
    assert_eq!(s.overlay, None);
}

#[test]
fn scroll_clamps_and_anchor_follows() {
    let mut s = state(30, 6);
    update(&mut s, Action::Bottom, std::time::UNIX_EPOCH);
    let lay = s.layout.clone().expect("layout");
    assert_eq!(s.top, lay.max_top(s.body_height()));
    assert_eq!(s.anchor, lay.line_start[s.top]);
    update(&mut s, Action::ScrollLines(-1000), std::time::UNIX_EPOCH);
    assert_eq!(s.top, 0);
}

#[test]
fn quit_saves_positions() {
    let mut s = state(100, 20);
    let fx = update(&mut s, Action::Quit, std::time::UNIX_EPOCH);
    assert!(
        matches!(fx[0], Effect::SavePositions(ref p) if p.is_empty()),
        "an unchanged position is not written over another ibid's"
    );
    let mut s = state(30, 6);
    update(&mut s, Action::Bottom, std::time::UNIX_EPOCH);
    assert_ne!(s.anchor, 0);
    let fx = update(&mut s, Action::Quit, std::time::UNIX_EPOCH);
    assert!(matches!(fx[0], Effect::SavePositions(ref p) if p.len() == 1));
    assert!(
        matches!(fx[1], Effect::SaveLastRead { ref path, anchor } if path.as_path() == std::path::Path::new("a.md") && anchor == s.anchor)
    );
    assert_eq!(fx[2], Effect::Quit);
    assert!(s.quit);
}

#[test]
fn search_prompt_takes_characters() {
    let mut s = state(100, 20);
    update(&mut s, Action::Search, std::time::UNIX_EPOCH);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(key_action(&s, &q), Some(Action::Input('q')));
    for c in "PARAGRAPH".chars() {
        update(&mut s, Action::Input(c), std::time::UNIX_EPOCH);
    }
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    assert_eq!(s.search.matches.len(), 2);
    assert_eq!(s.search.current, Some(0));
}

#[test]
fn messages_name_the_live_keys() {
    let mut s = state(200, 50);
    let (km, conflicts) = crate::app::keymap::Keymap::defaults()
        .with_user("[keys.global]\n\"F5\" = \"back\"\n\"F6\" = \"forward\"\n")
        .expect("valid keys");
    assert!(conflicts.is_empty());
    s.keymap = Arc::new(km);
    update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
    update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    let m = s.message.clone().map(|m| m.text).unwrap_or_default();
    assert!(m.ends_with("(F5 to go back)"), "{m}");
    update(&mut s, Action::Back, std::time::UNIX_EPOCH);
    assert_eq!(
        s.message.clone().map(|m| m.text).as_deref(),
        Some("back (F6: forward)")
    );
    update(&mut s, Action::Forward, std::time::UNIX_EPOCH);
    assert_eq!(
        s.message.clone().map(|m| m.text).as_deref(),
        Some("forward (F5: back)")
    );
}

#[test]
fn messages_are_typed() {
    use crate::app::{Level, Message};
    let mut s = state(200, 50);
    update(&mut s, Action::Search, std::time::UNIX_EPOCH);
    for c in "zzqx".chars() {
        update(&mut s, Action::Input(c), std::time::UNIX_EPOCH);
    }
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    assert_eq!(s.message, Some(Message::warning("not found: zzqx")));
    update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    update(&mut s, Action::Follow, std::time::UNIX_EPOCH);
    assert_eq!(s.message.as_ref().map(|m| m.level), Some(Level::Info));
    update(
        &mut s,
        Action::Message(Message::error("disk full")),
        std::time::UNIX_EPOCH,
    );
    assert!(s.message.as_ref().is_some_and(Message::is_error));
}

/// Annotates the first paragraph at `now` in a fresh state with id seed
/// `seed`; returns the state and the effects of the save.
fn annotate_at(now: std::time::SystemTime, seed: u64) -> (AppState, Vec<Effect>) {
    use crate::app::annotate::AnnotAction as AA;
    let mut s = state(100, 30);
    s.annot.id_seed = seed;
    update(&mut s, Action::Annot(AA::AnnotateParagraph), now);
    assert!(s.annot.editor.is_some(), "the editor opened");
    update(
        &mut s,
        Action::Annot(AA::EditorPaste("a note #tag".into())),
        now,
    );
    let fx = update(&mut s, Action::Annot(AA::EditorSave), now);
    (s, fx)
}

#[test]
fn update_is_pure_given_now_and_the_id_seed() {
    let now = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    let (s, fx) = annotate_at(now, 42);
    let saved = fx
        .iter()
        .find_map(|e| match e {
            Effect::SaveAnnotations { ops, .. } => Some(ops.clone()),
            _ => None,
        })
        .expect("a save");
    let crate::annotations::Op::Upsert(a) = &saved[0] else {
        panic!("an upsert: {saved:?}")
    };
    // The id and the timestamps come from the arguments, not the clock.
    assert_eq!(a.id, crate::annotations::id_at(now, 42, 1));
    assert_eq!(a.created, "2023-11-14T22:13:20Z");
    assert_eq!(a.modified, a.created);
    assert_eq!(s.now, now);
    // Same inputs, same outputs; another seed, another id.
    let (_, again) = annotate_at(now, 42);
    assert_eq!(format!("{fx:?}"), format!("{again:?}"));
    let (_, other) = annotate_at(now, 43);
    assert_ne!(format!("{fx:?}"), format!("{other:?}"));
}

#[test]
fn notes_on_screen_are_laid_out_once_per_width() {
    let mut s = state(200, 50);
    let w = s
        .panes()
        .notes_text_width()
        .expect("notes panel at 200 columns");
    let vis = s.visible_notes();
    assert!(!vis.is_empty());
    let doc = s.doc().cloned().expect("doc");
    for &n in &vis {
        let cached = s.note_cache.get(&doc, w, n).expect("cached");
        assert_eq!(
            cached,
            crate::app::view::notes::note_lines(&doc, n, w).as_slice()
        );
    }
    // A new width lays them out again, at that width only.
    update(&mut s, Action::Resize(160, 50), std::time::UNIX_EPOCH);
    let w2 = s.panes().notes_text_width().expect("notes panel");
    assert_ne!(w, w2);
    assert!(s.note_cache.get(&doc, w, vis[0]).is_none());
    assert!(s.note_cache.get(&doc, w2, vis[0]).is_some());
    // Another document (a reload) never matches the cache.
    let other = Arc::new((*doc).clone());
    assert!(s.note_cache.get(&other, w2, vis[0]).is_none());
}
