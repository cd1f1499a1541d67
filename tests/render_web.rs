//! Render tests of a saved web page and an EPUB from the corpus: the page's
//! chrome is gone, its markers are live and the notes panel shows their
//! notes; the book's chapters are headings in the outline.

mod common;

use common::{find, keys, render, screen, state};
use ibid::app::Overlay;
use ibid::ui::theme;
use std::path::PathBuf;

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus")).join(name)
}

#[test]
fn a_wikipedia_page_reads_like_an_article() {
    let mut s = state(vec![corpus("wikipedia-mozilla.html")], 200, 50);
    let t = render(&s);
    let buf = t.backend().buffer();
    let sc = screen(buf);
    assert!(sc.contains("Mozilla is a free-software community"), "{sc}");
    for chrome in ["[edit]", "Navigation menu", "Jump to", "Privacy policy"] {
        assert!(!sc.contains(chrome), "{chrome} shown:\n{sc}");
    }
    assert!(sc.contains("72 notes · html · en.wikipedi"), "{sc}");
    // The marker is styled as one and the notes panel shows its note.
    let (mx, my) = find(buf, "[1]").expect("marker [1] on screen");
    assert_eq!(buf[(mx, my)].style().fg, theme::MARKER.fg);
    assert!(
        sc.contains("1 For exceptions, see \"Values\" section below"),
        "{sc}"
    );
    // ] then Enter follows the first marker to its note.
    keys(&mut s, &["]"]);
    assert_eq!(s.marker, Some(0));
    let doc = s.doc().expect("loaded").clone();
    assert_eq!(doc.markers[0].note, Some(0));
}

#[test]
fn an_epub_has_its_chapters_in_the_outline() {
    let mut s = state(vec![corpus("se-the-prince.epub")], 120, 40);
    keys(&mut s, &["o"]);
    assert!(matches!(s.overlay, Some(Overlay::Outline(_))));
    let sc = screen(render(&s).backend().buffer());
    for h in ["Introduction", "The Man and His Works", "Dedication"] {
        assert!(sc.contains(h), "{h} missing from the outline:\n{sc}");
    }
    let doc = s.doc().expect("loaded").clone();
    let heads: Vec<&str> = doc.headings().map(|(_, h, _)| h).collect();
    assert!(heads.contains(&"XXVI"), "{heads:?}");
    assert_eq!(doc.meta.format, "epub");
    assert_eq!(doc.notes.len(), 48);
}
