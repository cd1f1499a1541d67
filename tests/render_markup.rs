//! Render tests of one document per markup format on `TestBackend`: its
//! headings, a code block, a footnote marker, and the marker's note in the
//! notes panel once selected.

mod common;

use common::{find, keys, render, screen, state};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Opens `name` at 200x50, checks the visible texts, selects the first
/// marker and checks its note in the panel.
fn shows(name: &str, visible: &[&str], marker: &str, note: &str) {
    let mut s = state(vec![fixture(name)], 200, 50);
    let t = render(&s);
    let sc = screen(t.backend().buffer());
    for v in visible {
        assert!(sc.contains(v), "{name}: {v} not on screen:\n{sc}");
    }
    assert!(
        find(t.backend().buffer(), marker).is_some(),
        "{name}: marker {marker}:\n{sc}"
    );
    keys(&mut s, &["]", "Enter"]);
    let t = render(&s);
    let sc = screen(t.backend().buffer());
    assert!(
        sc.contains(note),
        "{name}: note {note} not in the panel:\n{sc}"
    );
}

#[test]
fn rst_document() {
    shows(
        "markup.rst",
        &[
            "The Document Title",
            "Introduction",
            "Subsection",
            "def f(x):",
        ],
        "[2]",
        "The first auto-numbered footnote. Its second paragraph.",
    );
}

#[test]
fn org_document() {
    shows(
        "markup.org",
        &[
            "An Org Essay",
            "Introduction",
            "A subsection",
            "(message \"hello\")",
        ],
        "[1]",
        "The first footnote.",
    );
}

#[test]
fn asciidoc_document() {
    shows(
        "markup.adoc",
        &[
            "The AsciiDoc Guide",
            "Introduction",
            "Deeper",
            "puts \"hello\"",
        ],
        "[1]",
        "A plain footnote.",
    );
}

#[test]
fn markdown_document_with_a_fenced_listing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("post.md");
    std::fs::write(
        &path,
        "---\ntitle: \"A Listing Post\"\nauthor: Jane Doe\n---\n\n## Setting up\n\n\
         Run this first[^1]:\n\n```rust\nfn main() {\n\n    println!(\"hi\");\n}\n```\n\n\
         [^1]: The compiler must be installed.\n",
    )
    .expect("write");
    let mut s = state(vec![path], 200, 50);
    let t = render(&s);
    let sc = screen(t.backend().buffer());
    assert!(sc.contains("A Listing Post"), "{sc}");
    assert!(sc.contains("Setting up"), "{sc}");
    // The listing keeps its lines: each is on a screen row of its own.
    let rows: Vec<&str> = sc.lines().collect();
    let open = rows
        .iter()
        .position(|r| r.contains("fn main() {"))
        .expect("the listing's first line");
    assert!(!rows[open].contains("println!"), "{sc}");
    assert!(rows[open + 2].contains("println!(\"hi\");"), "{sc}");
    assert!(find(t.backend().buffer(), "[1]").is_some(), "{sc}");
    keys(&mut s, &["]", "Enter"]);
    let sc = screen(render(&s).backend().buffer());
    assert!(sc.contains("The compiler must be installed."), "{sc}");
}
