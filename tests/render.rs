//! Render tests on ratatui's `TestBackend`: insta text snapshots of whole
//! screens, plus style assertions on specific cells (snapshots drop colour).

mod common;

use common::{find, keys, render, row, screen, seed, seeds, state, type_text};
use ibid::app::{Overlay, Pane};
use ibid::ui::theme;
use insta::assert_snapshot;

#[test]
fn three_panes_200x50_notes_follow_scroll() {
    let mut s = state(seeds(), 200, 50);
    let t = render(&s);
    assert_snapshot!("three_panes_top", t.backend());
    let buf = t.backend().buffer();
    let first = row(buf, 1);
    assert!(first.contains("▶ In November 2"), "{first}");
    // Headings are styled; markers are tagged.
    let (hx, hy) = find(buf, "Russia’s Asia Pacific Strategy").expect("heading on screen");
    assert_eq!(buf[(hx, hy)].style().fg, theme::heading(2).fg);
    assert!(
        buf[(hx, hy)]
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
    let (mx, my) = find(buf, "[1]").expect("marker");
    assert_eq!(buf[(mx, my)].style().fg, theme::MARKER.fg);
    keys(&mut s, &["Space", "Space"]);
    let t = render(&s);
    assert_snapshot!("three_panes_scrolled", t.backend());
    let sc = screen(t.backend().buffer());
    assert!(!sc.contains("1 Takashi Mochizuki"), "note 1 scrolled away");
}

#[test]
fn narrow_60x15_notes_as_overlay() {
    let mut s = state(vec![seed("000")], 60, 15);
    assert_snapshot!("narrow_60x15", render(&s).backend());
    keys(&mut s, &["]", "Enter"]);
    assert!(matches!(s.overlay, Some(Overlay::Note(0))));
    let t = render(&s);
    assert_snapshot!("narrow_60x15_note", t.backend());
    assert!(find(t.backend().buffer(), "Note 1").is_some());
}

#[test]
fn tiny_20x5() {
    let s = state(vec![seed("000")], 20, 5);
    assert_snapshot!("tiny_20x5", render(&s).backend());
    let s = state(vec![seed("000")], 8, 1);
    assert_snapshot!("tiny_8x1", render(&s).backend());
}

#[test]
fn help_screen() {
    let mut s = state(vec![seed("000")], 100, 50);
    keys(&mut s, &["?"]);
    let t = render(&s);
    assert_snapshot!("help", t.backend());
    assert!(find(t.backend().buffer(), "select the next footnote marker").is_some());
}

#[test]
fn outline() {
    let mut s = state(vec![seed("000")], 100, 30);
    keys(&mut s, &["o", "j"]);
    let t = render(&s);
    assert_snapshot!("outline", t.backend());
    keys(&mut s, &["Enter"]);
    assert!(s.overlay.is_none());
    let t = render(&s);
    // The chosen heading is now the current one in the status line.
    assert!(
        row(t.backend().buffer(), 29).contains("§ "),
        "{}",
        row(t.backend().buffer(), 29)
    );
}

#[test]
fn note_2_of_seed_000_resolves_to_note_1() {
    let mut s = state(seeds(), 200, 50);
    keys(&mut s, &["]", "]", "Enter"]);
    assert_eq!(s.focus, Pane::Notes);
    assert_eq!(s.note, Some(1));
    let t = render(&s);
    assert_snapshot!("note_2_resolves_to_1", t.backend());
    let buf = t.backend().buffer();
    let (x, y) =
        find(buf, "Ibid. → 1  Takashi Mochizuki, “Russia, Japan Agree").expect("resolution line");
    assert_eq!(buf[(x, y)].style().fg, theme::RESOLUTION.fg);
    // The selected note's rows are highlighted.
    assert_eq!(buf[(x, y)].style().bg, theme::NOTE_SELECTED.bg);
    // The selected marker [2] in the body is highlighted.
    let (mx, my) = find(buf, "[2]").expect("marker on screen");
    assert_eq!(buf[(mx, my)].style().bg, theme::MARKER_SELECTED.bg);
    // Enter follows the Ibid. to note 1; C-o comes back.
    keys(&mut s, &["Enter"]);
    assert_eq!(s.note, Some(0));
    keys(&mut s, &["C-o"]);
    assert_eq!(s.note, Some(1));
    keys(&mut s, &["C-i"]);
    assert_eq!(s.note, Some(0));
}

#[test]
fn seed_003_note_6_is_unresolved() {
    let mut s = state(vec![seed("003")], 200, 50);
    for _ in 0..6 {
        keys(&mut s, &["]"]);
    }
    let doc = s.doc().expect("loaded").clone();
    assert_eq!(s.note.map(|n| doc.notes[n].label.as_str()), Some("6"));
    let t = render(&s);
    assert_snapshot!("seed_003_note_6", t.backend());
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "op. cit.: no earlier citation of").expect("reason shown");
    assert_eq!(buf[(x, y)].style().fg, theme::UNRESOLVED.fg);
}

#[test]
fn search_highlights_matches() {
    let mut s = state(vec![seed("000")], 120, 40);
    keys(&mut s, &["/"]);
    type_text(&mut s, "japan");
    keys(&mut s, &["Enter"]);
    assert!(s.search.matches.len() > 5);
    let t = render(&s);
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "Japan").expect("a match on screen");
    assert_eq!(buf[(x, y)].style().bg, theme::SEARCH.bg);
    let before = s.search.current;
    keys(&mut s, &["n"]);
    assert_ne!(before, s.search.current);
}

#[test]
fn unreadable_files_show_a_message() {
    let dir = tempfile::tempdir().expect("tmp");
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"\0\x01\x02binary").expect("write");
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, b"").expect("write");
    let gone = dir.path().join("gone.txt");
    let mut s = state(vec![bin, empty, gone, seed("000")], 200, 20);
    let t = render(&s);
    let sc = screen(t.backend().buffer());
    assert!(sc.contains("✗ bin.txt"), "{sc}");
    assert!(sc.contains("not a text document"), "{sc}");
    keys(&mut s, &["J"]);
    let sc = screen(render(&s).backend().buffer());
    assert!(sc.contains("empty: there is no text"), "{sc}");
    keys(&mut s, &["J"]);
    let sc = screen(render(&s).backend().buffer());
    assert!(sc.contains("Cannot show gone.txt"), "{sc}");
    keys(&mut s, &["J"]);
    assert!(s.doc().is_some());
}

#[test]
fn resize_keeps_the_first_visible_paragraph() {
    let mut s = state(vec![seed("000")], 120, 30);
    keys(&mut s, &["Space", "Space", "j", "j"]);
    let anchor = s.anchor;
    let doc = s.doc().expect("doc").clone();
    let block = |a: usize| {
        doc.blocks
            .iter()
            .position(|b| b.span.start <= a && a <= b.span.end)
    };
    let before = block(anchor);
    for (w, h) in [(60, 15), (200, 50), (33, 20), (120, 30)] {
        ibid::app::update(
            &mut s,
            ibid::app::Action::Resize(w, h),
            std::time::UNIX_EPOCH,
        );
        let lay = s.layout.clone().expect("layout");
        assert_eq!(block(lay.line_start[s.top]), before, "at {w}x{h}");
    }
}

#[test]
fn mouse_click_on_marker_opens_its_note_and_wheel_scrolls() {
    let mut s = state(seeds(), 200, 50);
    let t = render(&s);
    let (x, y) = find(t.backend().buffer(), "[1]").expect("marker [1] on screen");
    ibid::app::update(
        &mut s,
        ibid::app::Action::Click { col: x + 1, row: y },
        std::time::UNIX_EPOCH,
    );
    assert_eq!(s.marker, Some(0));
    assert_eq!(s.note, Some(0));
    assert_eq!(s.focus, Pane::Notes);
    ibid::app::update(
        &mut s,
        ibid::app::Action::Wheel {
            col: 100,
            row: 10,
            delta: 3,
        },
        std::time::UNIX_EPOCH,
    );
    assert_eq!(s.top, 3);
}

#[test]
fn switching_articles_reuses_cached_layouts() {
    let mut s = state(seeds(), 120, 40);
    let first = s.layout.clone().expect("layout");
    keys(&mut s, &["J", "K"]);
    let again = s.layout.clone().expect("layout");
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "re-wrapped on return"
    );
    // Scrolling and selecting never re-wrap either.
    keys(&mut s, &["j", "]", "Space", "["]);
    assert!(std::sync::Arc::ptr_eq(
        &first,
        s.layout.as_ref().expect("layout")
    ));
}

#[test]
fn note_urls_become_osc8_hyperlinks_when_enabled() {
    let mut s = state(vec![seed("000")], 200, 50);
    let plain = render(&s);
    let (x, y) = find(plain.backend().buffer(), "http://online.wsj.com").expect("url in notes");
    s.hyperlinks = true;
    let t = render(&s);
    let sym = t.backend().buffer()[(x, y)].symbol().to_string();
    assert!(
        sym.starts_with("\u{1b}]8;;http://online.wsj.com/news/articles/"),
        "{sym:?}"
    );
    assert!(sym.ends_with("\u{1b}\\h"), "{sym:?}");
}
