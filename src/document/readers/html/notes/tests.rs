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

fn one_page(doc: &Document) -> Notes {
    Notes::find(
        &[Page {
            name: String::new(),
            doc,
        }],
        1,
        None,
    )
}

fn note_texts(n: &Notes, doc: &Document) -> Vec<String> {
    n.list
        .iter()
        .map(|note| {
            let node = NodeRef::new(note.root.1, &doc.tree);
            node.text().split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn docutils_note_tables_are_one_note_each_and_back_references_no_markers() {
    // html4css1: every note a table of its own inside the section; the
    // `(1, 2)` back-references come before the note that cites note 1.
    let doc = Document::from(
        r##"<div class="section" id="s"><p>See<a class="footnote-reference" href="#f1"
            id="r1">[1]</a> and<a class="footnote-reference" href="#f2" id="r2">[2]</a>.</p>
            <table class="docutils footnote" id="f1"><tr><td class="label">[1]</td>
            <td><em>(<a class="fn-backref" href="#r1">1</a>, <a class="fn-backref"
            href="#r3">2</a>)</em> One.</td></tr></table>
            <table class="docutils footnote" id="f2"><tr><td class="label"><a
            class="fn-backref" href="#r2">[2]</a></td><td>Two, as in<a
            class="footnote-reference" href="#f1" id="r3">[1]</a>.</td></tr></table>
            <table class="docutils footnote" id="f3"><tr><td class="label">[3]</td>
            <td>Three, cited nowhere.</td></tr></table>
            <p>An error <em><a href="#r2">backlink</a></em>.</p></div>"##,
    );
    let n = one_page(&doc);
    assert_eq!(n.list.len(), 3, "{:?}", note_texts(&n, &doc));
    assert_eq!(
        n.list.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    assert!(note_texts(&n, &doc)[1].contains("Two, as in"));
    assert_eq!(n.markers.len(), 3, "r1, r2 and r3; no back-reference");
}

#[test]
fn a_note_citing_itself_and_a_bracketed_citation_are_markers() {
    let doc = Document::from(
        r##"<p>Body<a class="brackets" href="#label" id="r1" role="doc-noteref">[2]</a>,
            see <a class="citation-reference" href="#cit" id="c1">[CIT2002]</a>
            and <a role="doc-biblioref" href="#ref-smith">Smith 2000</a>.</p>
            <aside class="footnote" id="label" role="doc-footnote">
            <span class="label"><span class="fn-bracket">[</span>2<span class="fn-bracket">]</span></span>
            <p>Cited again here (<a class="brackets" href="#label" id="r2"
            role="doc-noteref">[2]</a>).</p></aside>
            <div class="citation" id="cit" role="doc-biblioentry"><p>A citation.</p></div>
            <div class="csl-entry" id="ref-smith" role="doc-biblioentry">Smith, J. 2000.</div>"##,
    );
    let n = one_page(&doc);
    assert_eq!(
        n.list.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(),
        ["2", "CIT2002"],
        "the author-date link stays a link"
    );
    assert_eq!(n.markers.len(), 3);
}

#[test]
fn notes_behind_the_extractors_cut_bring_their_own_markers() {
    // Page 0 is the extractor's cut (no notes), page 1 the full page: the
    // marker inside note 1 that cites note 2 is a marker, and an uncited
    // note of the full page is kept once.
    let cut = Document::from(r##"<p>Body<a href="#fn1" role="doc-noteref">1</a>.</p>"##);
    let full = Document::from(
        r##"<p>Body<a href="#fn1" role="doc-noteref">1</a>.</p>
            <aside id="fn1" role="doc-footnote">One, see<a href="#fn2"
            role="doc-noteref">2</a>.</aside>
            <aside id="fn2" role="doc-footnote">Two.</aside>
            <aside id="fn3" role="doc-footnote">Three.</aside>"##,
    );
    let pages = [
        Page {
            name: String::new(),
            doc: &cut,
        },
        Page {
            name: String::new(),
            doc: &full,
        },
    ];
    let n = Notes::find(&pages, 1, None);
    assert_eq!(
        n.list.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    assert_eq!(n.markers.len(), 2);
}

#[test]
fn return_links_to_the_anchor_beside_a_marker_are_back_links() {
    // Project Gutenberg 2007: an empty anchor before each marker, and a
    // "(return)" link to it in a blockquote.footnote; note 2 is cited nowhere.
    let doc = Document::from(
        r##"<p>Woes,<a id="tag1" name="tag1"></a>
            <a href="#fn1"><sup class="sml">1</sup></a> and souls.</p>
            <blockquote class="footnote"><a id="fn1" name="fn1"></a><b>Footnote 1:</b><a
            href="#tag1">(return)</a> One.</blockquote>
            <blockquote class="footnote"><a id="fn2" name="fn2"></a><b>Footnote 2:</b><a
            href="#tag2">(return)</a> Two.</blockquote>"##,
    );
    let n = one_page(&doc);
    assert_eq!(n.markers.len(), 1, "the (return) links are no markers");
    assert_eq!(
        n.list.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(),
        ["1", "2"],
        "the uncited note shaped like note 1 is a note"
    );
    assert!(n.is_backlink("", "#tag1"));
    assert!(n.is_back_text(" (return) "));
}
