//! EPUB reading on books built here: spine order, notes across files,
//! asides, the table of contents as headings, images as text — and the
//! books that must fail with one line: a broken zip, a missing spine item,
//! a zip bomb, an entity-expansion ("billion laughs") package.

use ibid::document::{Format, parse_bytes, readers};
use std::io::Write;
use zip::write::SimpleFileOptions;

fn book(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("mimetype", stored).expect("zip");
    w.write_all(b"application/epub+zip").expect("zip");
    for (name, bytes) in files {
        w.start_file(*name, deflated).expect("zip");
        w.write_all(bytes).expect("zip");
    }
    w.finish().expect("zip").into_inner()
}

const CONTAINER: &[u8] = br##"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"##;

fn opf(spine: &[&str]) -> Vec<u8> {
    let items: String = ["ch1", "ch2", "notes", "nav"]
        .iter()
        .map(|id| {
            let (href, props) = match *id {
                "nav" => ("nav.xhtml", " properties=\"nav\""),
                "notes" => ("text/endnotes.xhtml", ""),
                x => (
                    if x == "ch1" {
                        "text/chapter-1.xhtml"
                    } else {
                        "text/chapter-2.xhtml"
                    },
                    "",
                ),
            };
            format!(r#"<item id="{id}" href="{href}" media-type="application/xhtml+xml"{props}/>"#)
        })
        .collect();
    let refs: String = spine
        .iter()
        .map(|s| format!(r#"<itemref idref="{s}"/>"#))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">url:https://example.org/ebooks/test</dc:identifier>
<dc:title>A Test Book</dc:title><dc:creator>Ann Author</dc:creator><dc:creator>Bo Writer</dc:creator>
<dc:date>1911-05-01</dc:date><dc:language>en-GB</dc:language></metadata>
<manifest>{items}</manifest><spine>{refs}</spine></package>"#
    )
    .into_bytes()
}

const CH1: &[u8] = br##"<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>One</title></head><body><section epub:type="chapter"><p>The first chapter cites an endnote.<a href="endnotes.xhtml#note-1" id="noteref-1" epub:type="noteref">1</a> And a popup.<a href="#fn-a" epub:type="noteref">*</a></p><aside epub:type="footnote" id="fn-a"><p>A popup footnote.</p></aside><p><img src="../images/map.png" alt="A map of the city"/></p></section></body></html>"##;
const CH2: &[u8] = br##"<html xmlns:epub="http://www.idpf.org/2007/ops"><body><h2>Chapter Two</h2><p>The second one too.<a href="endnotes.xhtml#note-2" id="noteref-2" epub:type="noteref">2</a></p></body></html>"##;
const NOTES: &[u8] = br##"<html xmlns:epub="http://www.idpf.org/2007/ops"><body><section epub:type="endnotes"><h2>Endnotes</h2><ol><li id="note-1" epub:type="endnote"><p>Grafton, The Footnote. <a href="chapter-1.xhtml#noteref-1" epub:type="backlink">&#8617;</a></p></li><li id="note-2" epub:type="endnote"><p>Second endnote. <a href="chapter-2.xhtml#noteref-2" epub:type="backlink">&#8617;</a></p></li></ol></section></body></html>"##;
const NAV: &[u8] = br##"<html xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="text/chapter-1.xhtml">Chapter One</a></li><li><a href="text/chapter-2.xhtml">Chapter Two</a></li><li><a href="text/endnotes.xhtml">Endnotes</a></li></ol></nav></body></html>"##;

fn good(spine: &[&str]) -> Vec<u8> {
    let opf = opf(spine);
    book(&[
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", &opf),
        ("OEBPS/text/chapter-1.xhtml", CH1),
        ("OEBPS/text/chapter-2.xhtml", CH2),
        ("OEBPS/text/endnotes.xhtml", NOTES),
        ("OEBPS/nav.xhtml", NAV),
    ])
}

#[test]
fn a_book_reads_in_spine_order_with_notes_across_files() {
    let d = parse_bytes(&good(&["ch1", "ch2", "notes"]), Format::Epub);
    assert_eq!(d.meta.title, "A Test Book");
    assert_eq!(d.meta.author.as_deref(), Some("Ann Author and Bo Writer"));
    assert_eq!(d.meta.date.as_deref(), Some("1911-05-01"));
    assert_eq!(
        d.meta.source_url.as_deref(),
        Some("https://example.org/ebooks/test")
    );
    let heads: Vec<&str> = d.headings().map(|(_, h, _)| h).collect();
    assert_eq!(
        heads,
        ["Chapter One", "Chapter Two", "Endnotes"],
        "the TOC names chapter one"
    );
    let links: Vec<(String, String)> = d
        .markers
        .iter()
        .map(|m| {
            (
                m.label.clone(),
                m.note
                    .map(|n| d.note_text(n).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            ("1".to_string(), "Grafton, The Footnote.".to_string()),
            ("*".to_string(), "A popup footnote.".to_string()),
            ("2".to_string(), "Second endnote.".to_string())
        ]
    );
    assert!(d.text.contains("[image: A map of the city]"));
    assert!(d.text.find("first chapter") < d.text.find("second one"));
}

#[test]
fn endnotes_outside_the_spine_are_still_linked() {
    let d = parse_bytes(&good(&["ch1", "ch2"]), Format::Epub);
    assert_eq!(d.notes.len(), 3);
    assert!(d.markers.iter().all(|m| m.note.is_some()));
}

#[test]
fn a_missing_spine_item_is_named_and_the_rest_reads() {
    let opf = opf(&["ch1", "ghost", "ch2"]);
    let b = book(&[
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", &opf),
        ("OEBPS/text/chapter-1.xhtml", CH1),
        ("OEBPS/text/chapter-2.xhtml", CH2),
    ]);
    let d = parse_bytes(&b, Format::Epub);
    assert!(
        d.text
            .contains("[missing from the book: (manifest item ghost)]"),
        "{}",
        d.text
    );
    assert!(d.text.contains("The second one too."));
}

fn refused(bytes: &[u8]) -> String {
    match readers::read_binary(bytes, Format::Epub) {
        Ok(_) => panic!("read a book that should be refused"),
        Err(e) => {
            assert!(!e.contains('\n'), "one line: {e}");
            e
        }
    }
}

#[test]
fn broken_books_are_refused_with_one_line() {
    let mut b = good(&["ch1"]);
    b.truncate(b.len() / 2);
    assert!(refused(&b).contains("zip archive is broken"));
    assert!(refused(b"not a zip at all").contains("zip archive is broken"));
    let no_opf = book(&[("OEBPS/text/chapter-1.xhtml", CH1)]);
    assert!(refused(&no_opf).contains("no package file"));
    let empty_spine = book(&[
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", &opf(&[])),
    ]);
    assert!(refused(&empty_spine).contains("spine lists no chapters"));
}

#[test]
fn a_zip_bomb_is_refused() {
    // 80 MB of zeros compress to a few dozen kilobytes.
    let zeros = vec![0u8; 80 << 20];
    let b = book(&[
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", &opf(&["ch1"])),
        ("OEBPS/text/chapter-1.xhtml", &zeros),
    ]);
    assert!(b.len() < 1 << 20, "{}", b.len());
    let e = refused(&b);
    assert!(e.contains("would expand") || e.contains("zip bomb"), "{e}");
}

#[test]
fn entity_expansion_in_the_package_stays_inert() {
    let mut laughs =
        String::from("<?xml version=\"1.0\"?><!DOCTYPE package [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        laughs.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&lol{};", i - 1)
                .repeat(10)
                .replace("&lol0;", "&lol;")
        ));
    }
    laughs.push_str("]>");
    let opf = String::from_utf8(opf(&["ch1"])).expect("utf-8");
    let bomb = opf
        .replacen("<?xml version=\"1.0\" encoding=\"utf-8\"?>", &laughs, 1)
        .replace("A Test Book", "&lol9;");
    let b = book(&[
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", bomb.as_bytes()),
        ("OEBPS/text/chapter-1.xhtml", CH1),
    ]);
    let d = parse_bytes(&b, Format::Epub);
    assert!(
        d.meta.title.len() < 100,
        "expanded: {} bytes",
        d.meta.title.len()
    );
    assert!(d.text.len() < 10_000);
}
