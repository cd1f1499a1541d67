//! Footnotes in the exact shapes real generators write them (each fixture
//! follows that generator's output; see the comment above it), read by the
//! HTML reader: every marker links to its own note, back-links are gone.

use ibid::document::{Document, Format, parse_bytes, parse_str};

/// A page around `body`: a nav bar, a share bar and a cookie banner that
/// must not show, and enough article text for the extractor.
fn page(body: &str) -> Document {
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>
<style>.x {{ color: red }}</style><script>document.write("SCRIPT-TEXT")</script></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies</div>
<article><h1>Test page</h1>
<p>The footnote is the historian's most humble and most necessary tool: it lets a reader see where a claim
comes from, judge the evidence, and follow the trail further. Anthony Grafton wrote a whole book about it, and
every generator of web pages has its own way of writing one down, which is why this page exists at all.</p>
{body}
<p>A closing paragraph keeps the article long enough for a readability extractor to be sure it is the
article and not a sidebar, which is how real pages look when they are saved from a browser.</p>
</article>
<div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a></div>
<footer>Copyright footer text</footer></body></html>"#
    );
    parse_bytes(html.as_bytes(), Format::Html)
}

/// (marker label, text of the note it opens) for every marker.
fn links(d: &Document) -> Vec<(String, String)> {
    d.markers
        .iter()
        .map(|m| {
            let note = m
                .note
                .map(|n| d.note_text(n).to_string())
                .unwrap_or_default();
            (m.label.clone(), note)
        })
        .collect()
}

fn assert_clean(d: &Document) {
    for bad in [
        "SCRIPT-TEXT",
        "color: red",
        "Accept all cookies",
        "Share on Twitter",
        "About us",
    ] {
        assert!(!d.text.contains(bad), "{bad:?} shown:\n{}", d.text);
    }
    for n in &d.notes {
        let t = d.slice(n.span);
        assert!(
            !t.contains('↩') && !t.starts_with('^'),
            "back-link left in {t:?}"
        );
    }
}

#[test]
fn wikipedia_references_with_reuse_backlinks_and_citation_needed() {
    // MediaWiki's Cite extension output (sup.reference, ol.references, a/b back-links).
    let d = page(
        r##"<p>Paris is the capital of France.<sup id="cite_ref-insee_1-0" class="reference"><a href="#cite_note-insee-1"><span class="cite-bracket">&#91;</span>1<span class="cite-bracket">&#93;</span></a></sup> It is large.<sup class="noprint Inline-Template Template-Fact" style="white-space:nowrap;">&#91;<i><a href="/wiki/Wikipedia:Citation_needed" title="Wikipedia:Citation needed"><span title="This claim needs references to reliable sources.">citation needed</span></a></i>&#93;</sup> Again.<sup id="cite_ref-insee_1-1" class="reference"><a href="#cite_note-insee-1">[1]</a></sup><sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<h2><span class="mw-headline" id="References">References</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Paris&amp;action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
<div class="reflist"><div class="mw-references-wrap"><ol class="references">
<li id="cite_note-insee-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-insee_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-insee_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text"><cite class="citation web">"Populations légales 2019". INSEE.</cite></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">Smith, J. (2001). <i>Paris</i>.</span></li></ol></div></div>"##,
    );
    assert_clean(&d);
    let l = links(&d);
    assert_eq!(l.len(), 3, "{l:?}");
    assert_eq!(
        l[0],
        ("1".into(), "\"Populations légales 2019\". INSEE.".into())
    );
    assert_eq!(l[1].1, l[0].1, "a reused reference opens the same note");
    assert_eq!(l[2], ("2".into(), "Smith, J. (2001). Paris.".into()));
    assert_eq!(d.notes.len(), 2);
    assert!(d.text.contains("[citation needed]"), "{}", d.text);
    assert!(d.markers.iter().all(|m| m.label != "citation needed"));
    assert!(d.headings().all(|(_, h, _)| !h.contains("edit")));
}

#[test]
fn pandoc_footnotes_with_a_two_paragraph_note() {
    // pandoc 3 `-t html5` output.
    let d = page(
        r##"<p>Text.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> More<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>.</p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1"><p>First note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Second note, paragraph one.</p>
<p>Paragraph two.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>"##,
    );
    assert_clean(&d);
    assert_eq!(
        links(&d),
        [
            ("1".into(), "First note.".into()),
            (
                "2".into(),
                "Second note, paragraph one. Paragraph two.".into()
            )
        ]
    );
}

#[test]
fn kramdown_jekyll_footnotes() {
    // kramdown 2 (Jekyll's default Markdown converter).
    let d = page(
        r##"<p>Claim.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>
<div class="footnotes" role="doc-endnotes">
  <ol>
    <li id="fn:1" role="doc-endnote">
      <p>The kramdown note. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
    </li>
  </ol>
</div>"##,
    );
    assert_clean(&d);
    assert_eq!(links(&d), [("1".into(), "The kramdown note.".into())]);
}

#[test]
fn hugo_goldmark_footnotes() {
    // Hugo's goldmark footnote extension.
    let d = page(
        r##"<p>Claim<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>Goldmark note.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>"##,
    );
    assert_clean(&d);
    assert_eq!(links(&d), [("1".into(), "Goldmark note.".into())]);
}

#[test]
fn ghost_markdown_it_footnotes() {
    // Ghost renders Markdown cards with markdown-it-footnote.
    let d = page(
        r##"<p>Claim<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>
<hr class="footnotes-sep">
<section class="footnotes">
<ol class="footnotes-list">
<li id="fn1" class="footnote-item"><p>Ghost note. <a href="#fnref1" class="footnote-backref">↩︎</a></p>
</li>
</ol>
</section>"##,
    );
    assert_clean(&d);
    assert_eq!(links(&d), [("1".into(), "Ghost note.".into())]);
}

#[test]
fn substack_footnotes() {
    let d = page(
        r##"<p>Claim<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-1" href="#footnote-1" target="_self">1</a></p>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a><div class="footnote-content"><p>Substack note.</p><p>Its second paragraph.</p></div></div>"##,
    );
    assert_clean(&d);
    assert_eq!(
        links(&d),
        [("1".into(), "Substack note. Its second paragraph.".into())]
    );
}

#[test]
fn wordpress_footnotes_block_and_easy_footnotes_plugin() {
    // WordPress 6.3+ core/footnotes block, then the Easy Footnotes plugin.
    let d = page(
        r##"<p>Core<sup data-fn="8e6a1f1f-2c5c-4c88" class="fn"><a href="#8e6a1f1f-2c5c-4c88" id="8e6a1f1f-2c5c-4c88-link">1</a></sup> and plugin<span class="easy-footnote-margin-adjust" id="easy-footnote-1-42"></span><span class="easy-footnote"><a href="#easy-footnote-bottom-1-42" title="Plugin note."><sup>2</sup></a></span>.</p>
<ol class="wp-block-footnotes"><li id="8e6a1f1f-2c5c-4c88">WordPress note. <a href="#8e6a1f1f-2c5c-4c88-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>
<ol class="easy-footnotes-wrapper"><li class="easy-footnote-single"><span id="easy-footnote-bottom-1-42" class="easy-footnote-margin-adjust"></span>Plugin note.<a class="easy-footnote-to-top" href="#easy-footnote-1-42"></a></li></ol>"##,
    );
    assert_clean(&d);
    assert_eq!(
        links(&d),
        [
            ("1".into(), "WordPress note.".into()),
            ("2".into(), "Plugin note.".into())
        ]
    );
}

#[test]
fn journal_endnotes_epub_style_notes_and_asides() {
    // A think-tank page: <sup><a href="#endnote-3">, numbered endnote paragraphs
    // with their own back-link; an EPUB-style noteref to an <aside>; a
    // doc-endnote list item.
    let d = page(
        r##"<p>Containment.<sup><a href="#endnote-3" id="ref-3">3</a></sup> Aside<a epub:type="noteref" href="#n1" id="nr1">4</a>. End<a role="doc-noteref" href="#en5" id="r5">5</a>.</p>
<aside epub:type="footnote" id="n1"><p>Aside note.</p></aside>
<h2>Endnotes</h2>
<p id="endnote-3"><a href="#ref-3">3.</a> Kennan, George F., "The Sources of Soviet Conduct," Foreign Affairs, July 1947.</p>
<section role="doc-endnotes"><ol><li id="en5" role="doc-endnote"><p>Endnote text. <a role="doc-backlink" href="#r5">↩</a></p></li></ol></section>"##,
    );
    assert_clean(&d);
    assert_eq!(
        links(&d),
        [
            (
                "3".into(),
                "Kennan, George F., \"The Sources of Soviet Conduct,\" Foreign Affairs, July 1947."
                    .into()
            ),
            ("4".into(), "Aside note.".into()),
            ("5".into(), "Endnote text.".into())
        ]
    );
    assert!(d.headings().any(|(_, h, _)| h == "Endnotes"));
}

#[test]
fn project_gutenberg_footnotes() {
    // Project Gutenberg HTML (fnanchor / div.footnote with a label back-link).
    let d = page(
        r##"<p>Claim.<a id="FNanchor_1_1" href="#Footnote_1_1" class="fnanchor">[1]</a></p>
<div class="footnotes"><h3>FOOTNOTES:</h3>
<div class="footnote"><p><a id="Footnote_1_1" href="#FNanchor_1_1" class="label">[1]</a> Gutenberg note.</p></div></div>"##,
    );
    assert_clean(&d);
    assert_eq!(links(&d), [("1".into(), "Gutenberg note.".into())]);
}

#[test]
fn a_page_without_anchors_falls_back_to_the_plain_conventions() {
    let d = page(
        "<p>A claim copied from a print edition.<sup>1</sup></p><h2>Notes</h2><p>1. The plain note.</p>",
    );
    assert_eq!(links(&d), [("1".into(), "The plain note.".into())]);
}

#[test]
fn malformed_and_empty_pages_still_read() {
    for html in [
        "<html><body><nav>Only navigation</nav></body></html>",
        "<p>unclosed <b>bold <i>and <a href='#x'>[1]</a> text",
        "",
        "<sup><a href=\"#a\">1</a></sup><p id=\"a\"><a href=\"#a\">1</a></p>",
    ] {
        let d = parse_bytes(html.as_bytes(), Format::Html);
        assert!(
            !d.text.contains('<') || html.is_empty(),
            "{html:?} -> {:?}",
            d.text
        );
    }
    let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
    let d = parse_bytes(deep.as_bytes(), Format::Html);
    assert!(d.text.contains("deep text"));
}

#[test]
fn control_characters_in_a_page_never_reach_the_text() {
    let d = page("<p>Bell\u{7} and escape \u{1b}[31mred\u{1b}[0m and bidi \u{202e}x.</p>");
    assert!(
        !d.text
            .chars()
            .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}')
    );
}

#[test]
fn page_numbers_in_the_margin_are_not_text() {
    // Project Gutenberg HTML: the printed page number sits in a span at
    // the end of a table cell or sentence; the marker before it stays.
    let d = parse_str(
        r##"<p>Intro text.<a id="FNanchor_1_1"></a><a href="#Footnote_1_1" class="fnanchor">[1]</a></p>
<table><tr><td>Op. 4</td><td>Preludio<a id="FNanchor_3_3"></a><a href="#Footnote_3_3" class="fnanchor">[3]</a>
(Adagio).<span class="pagenum"><a name="Page_9" id="Page_9">[Pg 9]</a></span></td></tr></table>
<div class="footnote"><p><a id="Footnote_1_1"></a><a href="#FNanchor_1_1"><span class="label">[1]</span></a> One.</p></div>
<div class="footnote"><p><a id="Footnote_3_3"></a><a href="#FNanchor_3_3"><span class="label">[3]</span></a> Three.</p></div>"##,
        Format::Html,
    );
    assert_eq!(
        links(&d),
        [("1".into(), "One.".into()), ("3".into(), "Three.".into())]
    );
    assert!(!d.text.contains("[Pg 9]"));
}

#[test]
fn a_wikipedia_note_cites_its_references_and_an_author_date_link_is_no_marker() {
    // A `[a]` note of the notes group citing reference 1 (which the body never
    // cites directly), and a shortened footnote whose `Aditi 2008` links to a
    // bibliography entry with a hand-set id.
    let d = page(
        r##"<p>Bengaluru is large.<sup id="cite_ref-a" class="reference"><a href="#cite_note-a">[a]</a></sup> It grew.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<h2 id="Notes">Notes</h2>
<div class="reflist"><ol class="references" style="list-style-type: lower-alpha;">
<li id="cite_note-a"><span class="mw-cite-backlink"><b><a href="#cite_ref-a">^</a></b></span> <span class="reference-text">The Greater Bengaluru Bill proposes seven corporations.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></span></li></ol></div>
<h2 id="References">References</h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">"Greater Bengaluru Bill". The Hindu. 2024.</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text"><a href="#Aditi2008">Aditi 2008</a>, p. 5.</span></li></ol></div>
<h2 id="Bibliography">Bibliography</h2>
<ul><li><cite id="Aditi2008" class="citation book cs1">De, Aditi (2008). Multiple city.</cite></li></ul>"##,
    );
    assert_clean(&d);
    let l = links(&d);
    assert_eq!(
        l,
        [
            (
                "a".into(),
                "The Greater Bengaluru Bill proposes seven corporations.[1]".into()
            ),
            ("2".into(), "Aditi 2008, p. 5.".into()),
            (
                "1".into(),
                "\"Greater Bengaluru Bill\". The Hindu. 2024.".into()
            ),
        ]
    );
    assert_eq!(d.notes.len(), 3, "the bibliography entry is no note");
    // The note's marker sits in the note's text, not in a body block.
    let inner = &d.markers[2];
    assert_eq!(inner.block, ibid::document::IN_A_NOTE);
    assert_eq!(d.slice(inner.span), "[1]");
    let n = d.notes[0].span;
    assert!(n.start <= inner.span.start && inner.span.end <= n.end);
}

#[test]
fn docutils_notes_lose_their_label_and_back_references() {
    // Docutils' HTML5 writer (and Sphinx): `span.label` opens each note and,
    // for a note cited twice, `span.backrefs` lists the back-links.
    let d = page(
        r##"<p>Text<a class="brackets" href="#footnote-1" id="footnote-reference-1" role="doc-noteref"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a> and again<a class="brackets" href="#footnote-1" id="footnote-reference-2" role="doc-noteref"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a>, then<a class="brackets" href="#footnote-2" id="footnote-reference-3" role="doc-noteref"><span class="fn-bracket">[</span>2<span class="fn-bracket">]</span></a>.</p>
<aside class="footnote-list brackets">
<aside class="footnote brackets" id="footnote-1" role="doc-footnote">
<span class="label"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></span>
<span class="backrefs">(<a role="doc-backlink" href="#footnote-reference-1">1</a>,<a role="doc-backlink" href="#footnote-reference-2">2</a>)</span>
<p>A footnote with body elements.</p></aside>
<aside class="footnote brackets" id="footnote-2" role="doc-footnote">
<span class="label"><span class="fn-bracket">[</span><a role="doc-backlink" href="#footnote-reference-3">2</a><span class="fn-bracket">]</span></span>
<p>Numbered automatically.</p></aside></aside>"##,
    );
    assert_clean(&d);
    assert_eq!(
        links(&d),
        [
            ("1".into(), "A footnote with body elements.".into()),
            ("1".into(), "A footnote with body elements.".into()),
            ("2".into(), "Numbered automatically.".into()),
        ]
    );
}

#[test]
fn an_unlinked_superscript_is_no_marker_where_the_markup_links_its_notes() {
    // pandoc HTML: a linked note, and `x<sup>2</sup>` in a formula.
    let d = page(
        r##"<p>Text.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> The area is <em>x</em><sup>2</sup> and <em>y</em><sup>1</sup>.</p>
<section id="footnotes" class="footnotes" role="doc-endnotes"><hr /><ol>
<li id="fn1"><p>First note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>"##,
    );
    assert_clean(&d);
    assert_eq!(links(&d), [("1".into(), "First note.".into())]);
}

#[test]
fn notes_numbered_afresh_per_chapter_lose_their_printed_label() {
    // Hand-made Project Gutenberg HTML: one-way links, notes under each
    // chapter's FOOTNOTES, numbered afresh.
    let d = page(
        r##"<h2>CHAPTER I.</h2><p>First<a href="#fn1_1">[1]</a> chapter.</p>
<p><b>FOOTNOTES:</b></p><p><a name="fn1_1">[1]</a> Chapter one's note.</p>
<h2>CHAPTER II.</h2><p>Second<a href="#fn2_1">[1]</a> chapter.</p>
<p><b>FOOTNOTES:</b></p><p><a name="fn2_1">[1]</a> Chapter two's note.</p>"##,
    );
    assert_eq!(
        links(&d),
        [
            ("1".into(), "Chapter one's note.".into()),
            ("1".into(), "Chapter two's note.".into()),
        ]
    );
}
