//! Tests of HTML note detection: noteref links, note roots, labels.

use super::*;

#[test]
fn resolves_relative_links() {
    assert_eq!(resolve("", "#fn1").as_deref(), Some("#fn1"));
    assert_eq!(
        resolve("text/ch1.xhtml", "endnotes.xhtml#note-1").as_deref(),
        Some("text/endnotes.xhtml#note-1")
    );
    assert_eq!(
        resolve("text/ch1.xhtml", "../text/n.xhtml#a%20b").as_deref(),
        Some("text/n.xhtml#a b")
    );
    assert_eq!(resolve("", "https://x.org/#a"), None);
    assert_eq!(resolve("", "page.html"), None);
}

#[test]
fn toc_links_and_missing_ids_are_no_markers() {
    let doc = Document::from(
        r##"<p><a href="#s2">Section two</a> text<sup><a href="#fn1">1</a></sup>
            <sup><a href="#gone">2</a></sup></p><h2 id="s2">Two</h2>
            <ol><li id="fn1">A note.</li></ol>"##,
    );
    let n = Notes::find(
        &[Page {
            name: String::new(),
            doc: &doc,
        }],
        1,
        None,
    );
    assert_eq!(n.list.len(), 1);
    assert_eq!(n.list[0].label, "1");
    assert_eq!(n.markers.len(), 1);
}
