//! Each markup reader on a fixture in the shape of real files of its kind
//! (`tests/fixtures/markup.*`), covering every syntax issue 14 lists: titles
//! and metadata, section levels, footnote syntaxes and their numbering, code
//! blocks, links, citations that are not footnotes, and hidden markup.

use ibid::document::{BlockKind, Document, Format, parse, parse_str};
use std::path::Path;

fn load(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    parse(&bytes, Some(&path))
}

fn headings(d: &Document) -> Vec<(String, u8)> {
    d.headings().map(|(_, t, l)| (t.to_string(), l)).collect()
}

/// Every marker, as (label, its note's text).
fn links(d: &Document) -> Vec<(String, String)> {
    d.markers
        .iter()
        .map(|m| {
            (
                m.label.clone(),
                m.note
                    .map(|n| d.slice(d.notes[n].span).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// The lines of every listing, in order.
fn code(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Code)
        .flat_map(|b| d.slice(b.span).lines().map(str::to_string))
        .collect()
}

/// The listings themselves, one string each.
fn listings(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Code)
        .map(|b| d.slice(b.span).to_string())
        .collect()
}

#[test]
fn a_listing_is_one_block_with_its_lines_and_blank_lines() {
    for (name, src, format) in [
        (
            "org",
            "#+title: T\n\nText.\n\n#+begin_src rust\nfn f() {\n\n    1\n}\n#+end_src\n\nMore.\n",
            Format::Org,
        ),
        (
            "rst",
            "T\n=\n\nText::\n\n    fn f() {\n\n        1\n    }\n\nMore.\n",
            Format::Rst,
        ),
        (
            "asciidoc",
            "= T\n\nText.\n\n----\nfn f() {\n\n    1\n}\n----\n\nMore.\n",
            Format::AsciiDoc,
        ),
        (
            "markdown",
            "# T\n\nText.\n\n```\nfn f() {\n\n    1\n}\n```\n\nMore.\n",
            Format::Markdown,
        ),
    ] {
        let d = ibid::document::parse_str(src, format);
        assert_eq!(listings(&d), vec!["fn f() {\n\n    1\n}"], "{name}");
    }
}

#[test]
fn rst_fixture() {
    let d = load("markup.rst");
    assert_eq!(d.meta.format, "rst");
    assert_eq!(d.meta.title, "The Document Title");
    assert_eq!(d.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(d.meta.date.as_deref(), Some("2002-08-31"));
    // Levels by order of appearance: overlined `=`, then `=`, then `-`.
    let h = headings(&d);
    assert!(h.contains(&("Introduction".into(), 2)), "{h:?}");
    assert!(h.contains(&("Subsection".into(), 3)), "{h:?}");
    // docutils: `[#]` and `[#note]` are numbered in definition order,
    // skipping the manual 1.
    let l = links(&d);
    assert_eq!(
        l[0],
        (
            "2".into(),
            "The first auto-numbered footnote. Its second paragraph.".into()
        )
    );
    assert_eq!(
        l[1],
        ("3".into(), "The labelled auto-numbered footnote.".into())
    );
    assert_eq!(l[2], ("1".into(), "The manual footnote.".into()));
    assert_eq!(l[3], ("*".into(), "The symbol footnote.".into()));
    assert_eq!(l[4], ("CIT2002".into(), "A citation.".into()));
    assert!(code(&d).contains(&"def f(x):".to_string()));
    assert!(code(&d).contains(&"print(\"hi\")".to_string()));
    assert!(d.text.contains("A literal block follows:\n"));
    assert!(d.text.contains(
        "See the Python site and Docutils with emphasis, strong and code. A PEP 8 role."
    ));
    assert!(d.text.contains("Note:"));
    assert!(d.text.contains("This is a note with two lines."));
    assert!(!d.text.contains("comment"), "comments are hidden");
    assert!(!d.text.contains(".. "));
    let links: Vec<String> = d
        .inlines
        .iter()
        .filter_map(|x| match &x.kind {
            ibid::document::InlineKind::Link { url } => Some(url.clone()),
            _ => None,
        })
        .collect();
    assert!(
        links.contains(&"https://python.org".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://docutils.sourceforge.io/".to_string()),
        "{links:?}"
    );
}

#[test]
fn rst_pep_header_in_a_txt_file() {
    let src = "PEP: 9999\nTitle: A Sample PEP\nAuthor: Guido van Rossum <guido@python.org>,\n        Barry Warsaw <barry@python.org>\nStatus: Draft\nCreated: 05-Jul-2001\n\n\nAbstract\n========\n\nThis PEP says [1]_.\n\nReferences\n==========\n\n.. [1] A reference.\n";
    let d = parse(src.as_bytes(), Some(Path::new("pep-9999.txt")));
    assert_eq!(d.meta.format, "rst");
    assert_eq!(d.meta.title, "A Sample PEP");
    assert_eq!(
        d.meta.author.as_deref(),
        Some("Guido van Rossum and Barry Warsaw")
    );
    assert_eq!(d.meta.date.as_deref(), Some("2001-07-05"));
    assert!(headings(&d).contains(&("Abstract".into(), 2)));
    assert_eq!(links(&d), vec![("1".into(), "A reference.".into())]);
    assert!(d.text.contains("Status: Draft"));
}

#[test]
fn org_fixture() {
    let d = load("markup.org");
    assert_eq!(d.meta.format, "org");
    assert_eq!(d.meta.title, "An Org Essay");
    assert_eq!(d.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(d.meta.date.as_deref(), Some("2020-05-17"));
    let h = headings(&d);
    assert!(
        h.contains(&("Introduction".into(), 2)),
        "tags dropped: {h:?}"
    );
    assert!(h.contains(&("A subsection".into(), 3)), "{h:?}");
    let l = links(&d);
    assert_eq!(l[0], ("1".into(), "The first footnote.".into()));
    assert_eq!(
        l[1],
        ("later".into(), "A named footnote, over two lines.".into())
    );
    assert_eq!(l[2].1, "An anonymous inline note with a link.");
    assert_ne!(l[2].0, "1", "a generated label never collides");
    assert_eq!(l[3], ("inl".into(), "Named inline text.".into()));
    assert_eq!(
        l[4],
        ("inl".into(), "Named inline text.".into()),
        "reuse of a named note"
    );
    assert_eq!(d.notes.len(), 4);
    assert!(
        d.text.contains("[cite:@smith2019] stays"),
        "a citation, not a marker"
    );
    assert!(d.text.contains("Bold, italic, verbatim and code."));
    assert_eq!(code(&d), vec!["(message \"hello\")".to_string()]);
    assert!(
        d.blocks
            .iter()
            .any(|b| b.kind == BlockKind::Quote && d.slice(b.span) == "A quoted passage.")
    );
    for hidden in ["#+", ":PROPERTIES:", "1234", "a comment line", "toc:nil"] {
        assert!(!d.text.contains(hidden), "{hidden}");
    }
}

#[test]
fn asciidoc_fixture() {
    let d = load("markup.adoc");
    assert_eq!(d.meta.format, "asciidoc");
    assert_eq!(d.meta.title, "The AsciiDoc Guide");
    assert_eq!(d.meta.author.as_deref(), Some("Jane Doe and John Roe"));
    assert_eq!(d.meta.date.as_deref(), Some("2019-10-04"));
    assert_eq!(d.meta.description.as_deref(), Some("A guide."));
    assert_eq!(d.meta.tags, vec!["docs".to_string(), "guide".to_string()]);
    let h = headings(&d);
    assert!(
        h.contains(&("Introduction".into(), 2)) && h.contains(&("Deeper".into(), 3)),
        "{h:?}"
    );
    let l = links(&d);
    assert_eq!(l[0], ("1".into(), "A plain footnote.".into()));
    assert_eq!(l[1], ("2".into(), "A reusable footnote.".into()));
    assert_eq!(
        l[2],
        ("2".into(), "A reusable footnote.".into()),
        "footnote:id[] reuses"
    );
    assert!(
        d.text.contains("The Widget has"),
        "attribute reference substituted"
    );
    assert!(
        d.text
            .contains("See the site and strong, emphasis and mono.")
    );
    let c = code(&d);
    assert!(c.contains(&"puts \"hello\" # <1>".to_string()), "{c:?}");
    assert!(c.contains(&"literal text".to_string()));
    assert!(
        c.contains(&"include::chapter1.adoc[]".to_string()),
        "include shown as such"
    );
    assert!(d.text.contains("<1> Prints a greeting."), "callout");
    assert!(
        d.blocks
            .iter()
            .any(|b| b.kind == BlockKind::Quote
                && d.slice(b.span).starts_with("NOTE: An admonition"))
    );
    assert!(d.text.contains("WARNING:\nA warning block."));
    assert!(!d.text.contains("a comment"));
    assert!(!d.text.contains(":keywords:"));
}

#[test]
fn markdown_fixture() {
    let d = load("markup.md");
    assert_eq!(d.meta.format, "markdown");
    assert_eq!(d.meta.title, "A Test Post");
    assert_eq!(d.meta.author.as_deref(), Some("Jane Doe and John Roe"));
    assert_eq!(d.meta.date.as_deref(), Some("2021-03-04"));
    assert_eq!(d.meta.description.as_deref(), Some("A short post."));
    assert_eq!(
        d.meta.tags,
        vec!["history".to_string(), "notes".to_string()]
    );
    // Front matter values never leak; the comment is never the title.
    for leaked in ["true", "draft", "a comment", "<", "{#intro"] {
        assert!(!d.text.contains(leaked), "{leaked} leaked:\n{}", d.text);
    }
    // The front matter states the title, so the body's own H1 is a heading.
    assert!(d.headings().any(|(_, t, _)| t == "Introduction"));
    let l = links(&d);
    assert_eq!(l[0], ("1".into(), "First para. Second para.".into()));
    assert_eq!(l[1].1, "Inline note text.");
    assert_eq!(
        l[2],
        ("2".into(), "The second note.".into()),
        "HTML anchor endnote"
    );
    assert_ne!(l[1].0, "2");
    assert!(d.text.contains("[@smith2019, p. 4]"), "citation kept");
    assert!(d.markers.iter().all(|m| !m.label.contains('@')));
    assert!(d.text.contains("A struck word and H₂O"));
    assert!(code(&d).iter().any(|r| r == "a │ b"), "table rows");
    assert!(d.text.contains("[x] done"));
    assert!(d.text.contains("Centered text next line"));
    assert!(d.text.contains("More\nHidden body"));
}

#[test]
fn markdown_html_footnote_lists() {
    let src = "Text with a ref<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup> and another<a href=\"#fn2\">[2]</a>.\n\n<section role=\"doc-endnotes\">\n<ol>\n<li id=\"fn1\"><p>Note one. <a href=\"#fnref1\">↩︎</a></p></li>\n<li id=\"fn2\"><p>Note two.</p></li>\n</ol>\n</section>\n";
    let d = parse_str(src, Format::Markdown);
    assert_eq!(
        links(&d),
        vec![
            ("1".into(), "Note one.".into()),
            ("2".into(), "Note two.".into())
        ]
    );
    let div = "A claim.<a href=\"#fn:a\">1</a>\n\n<div class=\"footnotes\">\n<ol>\n<li id=\"fn:a\">The note.</li>\n</ol>\n</div>\n";
    let d = parse_str(div, Format::Markdown);
    assert_eq!(links(&d), vec![("1".into(), "The note.".into())]);
    assert!(!d.text.contains('<'));
}

#[test]
fn markdown_front_matter_toml_json_pandoc() {
    let toml = "+++\ntitle = \"Toml Title\"\nauthors = [\"A One\", \"B Two\"]\ndate = 2020-02-03\ntags = [\"x\"]\ndraft = true\n+++\n\nBody.\n";
    let d = parse_str(toml, Format::Markdown);
    assert_eq!(d.meta.title, "Toml Title");
    assert_eq!(d.meta.author.as_deref(), Some("A One and B Two"));
    assert_eq!(d.meta.date.as_deref(), Some("2020-02-03"));
    assert!(!d.text.contains("true"));
    let json = "{\n  \"title\": \"Json Title\",\n  \"author\": \"C Three\",\n  \"draft\": true\n}\n\nBody text.\n";
    let d = parse_str(json, Format::Markdown);
    assert_eq!(d.meta.title, "Json Title");
    assert_eq!(d.meta.author.as_deref(), Some("C Three"));
    assert!(!d.text.contains("true") && d.text.contains("Body text."));
    let pandoc = "% Pandoc Title\n% D Four; E Five\n% 2018-01-01\n\nBody^[An inline note.] here.\n";
    let d = parse_str(pandoc, Format::Markdown);
    assert_eq!(d.meta.title, "Pandoc Title");
    assert_eq!(d.meta.author.as_deref(), Some("D Four and E Five"));
    assert_eq!(links(&d), vec![("1".into(), "An inline note.".into())]);
    assert!(d.text.contains("Body[1] here."));
}

#[test]
fn detection_by_content() {
    let cases = [
        ("#+title: X\n\n* A\n", Format::Org),
        ("= Title\n:author: A\n\n== S\n", Format::AsciiDoc),
        ("= Title\nJane Doe <j@x.org>\n\ntext\n", Format::AsciiDoc),
        (":Author: A\n:Date: 2001\n\nText\n", Format::Rst),
        ("PEP: 1\nTitle: T\n\nText\n", Format::Rst),
        ("Just some text.\n", Format::Plain),
    ];
    for (src, f) in cases {
        assert_eq!(Format::detect(None, src), f, "{src}");
        assert_eq!(Format::detect(Some(Path::new("x.txt")), src), f, "{src}");
    }
    assert_eq!(Format::detect(Some(Path::new("a.org")), ""), Format::Org);
    assert_eq!(
        Format::detect(Some(Path::new("a.adoc")), ""),
        Format::AsciiDoc
    );
    assert_eq!(Format::detect(Some(Path::new("a.rst")), ""), Format::Rst);
    assert_eq!(
        Format::detect(Some(Path::new("a.qmd")), ""),
        Format::Markdown
    );
}

#[test]
fn markdown_kramdown_and_pandoc_attributes_are_not_text() {
    let src = "## Setup {: #setup}\n\nA styled paragraph.\n{: .note}\n\n{:toc}\n\n::: {.warning}\nInside a fenced div.\n:::\n\n```\n:::\n```\n";
    let d = parse_str(src, Format::Markdown);
    assert!(
        headings(&d).iter().any(|(t, _)| t == "Setup"),
        "{:?}",
        headings(&d)
    );
    assert!(d.text.contains("A styled paragraph.\n"));
    assert!(d.text.contains("Inside a fenced div."));
    assert!(!d.text.contains("{:"), "{}", d.text);
    assert!(!d.text.contains(".warning"));
    assert_eq!(code(&d), vec![":::".to_string()], "fences inside code stay");
}

#[test]
fn markdown_block_html_reduced_to_text() {
    let src = "<aside class=\"pullquote\">\nA pull quote &amp; more.\n</aside>\n\n<script>var x = 1;</script>\n\n<style>p { color: red }</style>\n\n<h2 id=\"x\">An HTML heading</h2>\n\n<blockquote><p>Quoted <strong>words</strong>.</p></blockquote>\n\n<pre>line one\nline two</pre>\n";
    let d = parse_str(src, Format::Markdown);
    assert!(!d.text.contains('<'), "{}", d.text);
    assert!(d.text.contains("A pull quote & more."));
    assert!(!d.text.contains("var x") && !d.text.contains("color"));
    assert!(
        headings(&d)
            .iter()
            .any(|(t, l)| t == "An HTML heading" && *l == 2)
    );
    assert!(
        d.blocks
            .iter()
            .any(|b| b.kind == BlockKind::Quote && d.slice(b.span) == "Quoted words.")
    );
    assert_eq!(
        code(&d),
        vec!["line one".to_string(), "line two".to_string()]
    );
}

#[test]
fn footnotes_in_table_cells_and_blocks_inside_notes() {
    let org = "| a | cell with a note[fn:1] |\n\n[fn:1] The note, with an example:\n\n#+begin_example\nexample text\n#+end_example\n\nand a last paragraph.\n";
    let d = parse_str(org, Format::Org);
    assert_eq!(
        links(&d),
        vec![(
            "1".into(),
            "The note, with an example: example text and a last paragraph.".into()
        )]
    );
    let adoc = "= T\n\n|===\n| a | b footnote:[In a cell.]\n|===\n";
    let d = parse_str(adoc, Format::AsciiDoc);
    assert_eq!(links(&d), vec![("1".into(), "In a cell.".into())]);
    let rst = "=====  =====\nA      B [1]_\n=====  =====\n\n.. [1] In a table.\n";
    let d = parse_str(rst, Format::Rst);
    assert_eq!(links(&d), vec![("1".into(), "In a table.".into())]);
}

#[test]
fn an_opening_html_comment_is_never_the_title() {
    let d = parse_str(
        "<!--\nGenerated by a converter; do not edit.\n-->\n\nThe first real sentence of the text. It goes on.\n",
        Format::Markdown,
    );
    assert!(!d.meta.title.contains("Generated"), "{}", d.meta.title);
    assert!(!d.text.contains("Generated"));
    assert!(d.text.contains("The first real sentence"));
}

#[test]
fn asciidoc_author_and_date_as_attributes() {
    let src = "= Attribute Header\n:author: Ada Lovelace\n:email: ada@example.org\n:revdate: 1843-09-05\n\nBody text.footnote:[A note.]\n";
    let d = parse_str(src, Format::AsciiDoc);
    assert_eq!(d.meta.author.as_deref(), Some("Ada Lovelace"));
    assert_eq!(d.meta.date.as_deref(), Some("1843-09-05"));
    assert!(!d.text.contains("ada@example.org"));
    assert_eq!(links(&d), vec![("1".into(), "A note.".into())]);
}

#[test]
fn rst_anonymous_hyperlinks_and_org_filetags() {
    let rst = "See `the first`__ and `the second`__ and python__.\n\n__ https://a.example/\n.. __: https://b.example/\n__ https://c.example/\n";
    let d = parse_str(rst, Format::Rst);
    assert!(
        d.text.contains("See the first and the second and python."),
        "{}",
        d.text
    );
    let urls: Vec<String> = d
        .inlines
        .iter()
        .filter_map(|x| match &x.kind {
            ibid::document::InlineKind::Link { url } => Some(url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        [
            "https://a.example/",
            "https://b.example/",
            "https://c.example/"
        ]
    );
    assert!(!d.text.contains("__"));
    let org = "#+title: T\n#+filetags: :history:japan:\n\nText.\n";
    let d = parse_str(org, Format::Org);
    assert_eq!(
        d.meta.tags,
        vec!["history".to_string(), "japan".to_string()]
    );
}

#[test]
fn rst_definitions_shown_in_literal_blocks_are_not_counted() {
    let src = "Write it so::\n\n    Text [#a]_.\n\n    .. [#a] An example definition.\n\n.. code-block:: rst\n\n   .. [#b] Another example.\n\nReal text [#b]_.\n\n.. [#b] The real note.\n";
    let d = parse_str(src, Format::Rst);
    assert_eq!(links(&d), vec![("1".into(), "The real note.".into())]);
    assert!(code(&d).contains(&".. [#a] An example definition.".to_string()));
}

#[test]
fn a_version_number_is_no_marker_where_the_markup_states_the_footnotes() {
    // PEP 466: "maintaining the 2.7 Windows installers" beside `[7]_` references.
    let src = "Title\n=====\n\nMaintaining the 2.7 Windows installers is work [1]_.\n\n\
               See the backports ([7]_).\n\n.. [1] First.\n\n.. [7] Donald Stufft's set.\n";
    let d = parse_str(src, Format::Rst);
    let labels: Vec<&str> = d.markers.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, vec!["1", "7"]);
}

#[test]
fn brackets_in_code_the_markup_sets_apart_cite_nothing() {
    // `[1, 2]` in a fenced block or `<pre>` is an array, though notes 1 and
    // 2 exist; the same brackets in prose are markers.
    let md = "Text[^1] and more[^2].\n\n```rust\nlet a = [1, 2];\nlet b = v[1];\n```\n\n[^1]: One.\n[^2]: Two.\n";
    let d = parse_str(md, Format::Markdown);
    assert_eq!(d.markers.len(), 2, "{:?}", d.markers);
    let html = r##"<html><body><p>Text<sup><a href="#n1">[1]</a></sup> and<sup><a
        href="#n2">[2]</a></sup>.</p><pre>let a = [1, 2];</pre>
        <ol><li id="n1">One.</li><li id="n2">Two.</li></ol></body></html>"##;
    let d = parse_str(html, Format::Html);
    assert!(
        code(&d).iter().any(|c| c.contains("[1, 2]")),
        "{:?}",
        code(&d)
    );
    assert_eq!(d.markers.len(), 2, "{:?}", d.markers);
}

#[test]
fn asciidoc_footnotes_glued_set_in_attributes_and_passed_through() {
    // As Asciidoctor reads them: a macro glued to its word, one set in an
    // attribute (replaced before macros are read), one wrapped in `pass:`,
    // a named note reused, and a comment line inside a paragraph dropped.
    let src = ":fn-hail: footnote:[Toes tingle.]\n:fn-mine: pass:c,q[footnote:disclaimer[Opinions are _mine_.]]\n\n. doublefootnote:[Double.]\n\nA bold statement!{fn-mine}\n// end::tag[]\n\nAgain{fn-hail} and again.footnote:disclaimer[]\n";
    let d = parse_str(src, Format::AsciiDoc);
    assert_eq!(
        links(&d),
        vec![
            ("1".into(), "Double.".into()),
            ("2".into(), "Opinions are mine.".into()),
            ("3".into(), "Toes tingle.".into()),
            ("2".into(), "Opinions are mine.".into()),
        ]
    );
    for gone in ["footnote:", "pass:", "{fn-", "end::tag"] {
        assert!(!d.text.contains(gone), "{gone:?} shown:\n{}", d.text);
    }
    // An attribute naming itself does not recurse.
    let d = parse_str(":a: x{a}y\n\nText {a}.\n", Format::AsciiDoc);
    assert!(d.text.contains("Text x{a}y."), "{}", d.text);
}

#[test]
fn pandoc_numbers_inline_notes_after_the_notes_cited_before_them() {
    let md = "Here[^1] and there[^longnote], then inline.^[In line.] And^[Again.]\n\n[^1]: One.\n[^longnote]: Long.\n";
    let d = parse_str(md, Format::Markdown);
    let labels: Vec<&str> = d.markers.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["1", "longnote", "3", "4"]);
    assert_eq!(
        links(&d)[2..],
        [
            ("3".into(), "In line.".into()),
            ("4".into(), "Again.".into())
        ]
    );
}

#[test]
fn unfenced_metadata_lines_open_a_markdown_file() {
    // MultiMarkdown's metadata, as "500 Lines or Less" chapters open.
    let md = "title: A Web Crawler With asyncio Coroutines\nauthor: A. Jesse Jiryu Davis and Guido van Rossum\n\nThe text begins here.\n";
    let d = parse_str(md, Format::Markdown);
    assert_eq!(d.meta.title, "A Web Crawler With asyncio Coroutines");
    assert!(
        d.meta
            .author
            .as_deref()
            .is_some_and(|a| a.contains("Jiryu Davis"))
    );
    assert!(!d.text.contains("author:"), "{}", d.text);
    // A first line of another kind is text.
    let d = parse_str("Note: this is text.\n\nMore.\n", Format::Markdown);
    assert!(d.text.contains("Note: this is text."), "{}", d.text);
}
