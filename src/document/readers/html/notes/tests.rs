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

#[test]
fn two_notes_in_one_footnote_div_are_two_notes() {
    // Project Gutenberg: one `div.footnote` after a section, holding the
    // paragraphs of two notes; a one-note div is the note's wrapper.
    let doc = Document::from(
        r##"<p>Purple<a class="tag" id="tag6" href="#note6">6</a> and Johnston<a
            class="tag" id="tag7" href="#note7">7</a> and more<a href="#note8">8</a>.</p>
            <div class="footnote">
            <p><a class="tag" id="note6" href="#tag6">6</a> That is, purple.</p>
            <p><a class="tag" id="note7" href="#tag7">7</a> Johnston, 1903.</p>
            </div>
            <div class="footnote" id="f8"><p><a id="note8" href="#tag8">8</a> Eight.</p></div>"##,
    );
    let n = Notes::find(
        &[Page {
            name: String::new(),
            doc: &doc,
        }],
        1,
        None,
    );
    let texts: Vec<String> = n
        .list
        .iter()
        .map(|note| {
            let node = NodeRef::new(note.root.1, &doc.tree);
            node.text().split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    assert_eq!(
        texts,
        ["6 That is, purple.", "7 Johnston, 1903.", "8 Eight."]
    );
    let wrapper = NodeRef::new(n.list[2].root.1, &doc.tree);
    assert_eq!(
        wrapper.attr("id").as_deref(),
        Some("f8"),
        "the one-note div"
    );
}
