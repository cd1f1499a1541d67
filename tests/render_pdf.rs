//! Render test of a PDF article: the notes panel shows the page's footnotes
//! and the status line the page of the top visible block; `:p 3` jumps.

mod common;

use common::{keys, render, screen, state, type_text};
use insta::assert_snapshot;
use std::path::PathBuf;

fn pdf(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf")).join(name)
}

#[test]
fn pdf_article_with_notes_panel_and_page_in_status() {
    let s = state(vec![pdf("one-column.pdf")], 200, 50);
    let t = render(&s);
    assert_snapshot!("pdf_one_column_top", t.backend());
    let sc = screen(t.backend().buffer());
    assert!(sc.contains("p. 1 │"), "page in the status line:\n{sc}");
    assert!(
        sc.contains("1 Joseph P. Ferguson"),
        "note 1 in the panel:\n{sc}"
    );
    assert!(
        !sc.contains("Downloaded from the island archive"),
        "footer hidden"
    );
    // On a short screen, `:p 3` scrolls to page 3 and the status follows.
    let mut s = state(vec![pdf("one-column.pdf")], 120, 10);
    keys(&mut s, &[":"]);
    type_text(&mut s, "p 3");
    let prompt = screen(render(&s).backend().buffer());
    assert!(prompt.contains(":p 3▏"), "{prompt}");
    keys(&mut s, &["Enter"]);
    let sc = screen(render(&s).backend().buffer());
    assert!(sc.contains("p. 3 │"), "after :p 3:\n{sc}");
    assert!(sc.contains("Fishing Quotas"), "{sc}");
}
