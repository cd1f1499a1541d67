//! Render tests on real documents from the corpus: a Latin-1 Gutenberg file
//! shows its accents, an RFC keeps its table of contents and grammar
//! unwrapped, and the status line counts hidden page furniture, which a
//! search can reveal.

mod common;

use common::{keys, render, screen, state, type_text};
use std::path::PathBuf;

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus")).join(name)
}

fn search(s: &mut ibid::app::AppState, q: &str) {
    keys(s, &["/"]);
    type_text(s, q);
    keys(s, &["Enter"]);
}

#[test]
fn a_latin1_gutenberg_file_shows_its_accents() {
    let mut s = state(vec![corpus("gutenberg-beethoven-letters.txt")], 200, 50);
    search(&mut s, "GRABENS");
    let t = render(&s);
    let sc = screen(t.backend().buffer());
    assert!(sc.contains("HÖFEN GRABENS"), "{sc}");
    assert!(!sc.contains('\u{FFFD}'), "no replacement characters: {sc}");
    assert!(
        sc.contains("windows-1252"),
        "the encoding is named in the status line"
    );
}

#[test]
fn an_rfc_keeps_its_contents_and_grammar_unwrapped() {
    let mut s = state(vec![corpus("rfc3986-uri-syntax.txt")], 200, 50);
    search(&mut s, "Overview of URIs . .");
    let sc = screen(render(&s).backend().buffer());
    let toc = sc
        .lines()
        .find(|l| l.contains("1.1.  Overview of URIs . . ."))
        .unwrap_or_else(|| panic!("a contents line as printed: {sc}"));
    assert!(
        toc.contains(". .  4"),
        "dot leaders and page number on one line: {toc}"
    );
    search(&mut s, "hier-part [");
    let sc = screen(render(&s).backend().buffer());
    assert!(
        sc.contains(r##"URI         = scheme ":" hier-part [ "?" query ] [ "#" fragment ]"##),
        "the ABNF rule keeps its alignment: {sc}"
    );
    // At 60 columns the long lines are clipped, never wrapped onto the next row.
    let mut s = state(vec![corpus("rfc3986-uri-syntax.txt")], 60, 15);
    search(&mut s, "Overview of URIs . .");
    let sc = screen(render(&s).backend().buffer());
    assert!(sc.contains("1.1.  Overview of URIs"), "{sc}");
    assert!(
        !sc.lines().any(|l| l.trim_start().starts_with(". .")),
        "no wrapped dot leaders: {sc}"
    );
}

#[test]
fn hidden_furniture_is_counted_and_search_reveals_it() {
    let mut s = state(vec![corpus("rfc3986-uri-syntax.txt")], 200, 50);
    let sc = screen(render(&s).backend().buffer());
    let doc = s.doc().expect("loaded").clone();
    let n = doc.hidden_lines();
    assert!(n > 50, "page footers and headers are hidden: {n}");
    assert!(
        sc.contains(&format!("{n} lines hidden · f shows them")),
        "{sc}"
    );
    assert!(!sc.contains("[Page 5]"));
    // `[Page 5]` is only in a hidden footer: the search finds it and shows it.
    search(&mut s, "[Page 5]");
    assert!(s.show_furniture, "the match revealed the furniture");
    let sc = screen(render(&s).backend().buffer());
    assert!(sc.contains("[Page 5]"), "{sc}");
    assert!(sc.contains("in hidden text; f hides it again"), "{sc}");
}
