//! Importing large web pages and books: a 5 MB Wikipedia-shaped page (its
//! content area walked directly), a 5 MB generic page (through the
//! readability extractor), and a 2 MB EPUB (zip, OPF, spine, notes across
//! files). Inputs are generated here from varied words, so that the EPUB
//! does not compress to nothing.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ibid::document::{Format, parse_bytes};
use std::hint::black_box;
use std::io::Write;

const WORDS: &[&str] = &[
    "footnote",
    "historian",
    "evidence",
    "claim",
    "archive",
    "source",
    "treaty",
    "minister",
    "council",
    "republic",
    "manuscript",
    "edition",
    "chapter",
    "reader",
    "argument",
    "century",
    "empire",
    "letter",
    "journal",
    "volume",
    "record",
    "witness",
    "account",
    "dispute",
];

/// A sentence of pseudo-random words (xorshift).
fn sentence(seed: &mut u64, n: usize) -> String {
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        v.push(WORDS[(*seed % WORDS.len() as u64) as usize]);
    }
    let mut s = v.join(" ");
    s.push('.');
    s
}

/// A page of at least `target` bytes with one reference per paragraph.
fn page(target: usize, wikipedia: bool) -> String {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut body = String::new();
    let mut notes = String::new();
    let mut k = 0;
    while body.len() + notes.len() < target {
        k += 1;
        if k % 20 == 1 {
            body.push_str(&format!("<h2>Section {k}</h2>\n"));
        }
        body.push_str(&format!(
            "<p>{} <a href=\"https://example.org/{k}\">link</a> {}<sup id=\"cite_ref-{k}\" class=\"reference\"><a href=\"#cite_note-{k}\">[{k}]</a></sup></p>\n",
            sentence(&mut seed, 40),
            sentence(&mut seed, 20)
        ));
        notes.push_str(&format!(
            "<li id=\"cite_note-{k}\"><span class=\"mw-cite-backlink\"><b><a href=\"#cite_ref-{k}\">^</a></b></span> <span class=\"reference-text\">{} ({}).</span></li>\n",
            sentence(&mut seed, 8),
            1900 + k % 120
        ));
    }
    let root = if wikipedia {
        "<div id=\"mw-content-text\">"
    } else {
        "<article>"
    };
    let end = if wikipedia { "</div>" } else { "</article>" };
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Big page</title></head><body><nav><a href=\"/\">Home</a></nav>{root}{body}<ol class=\"references\">{notes}</ol>{end}<footer>footer</footer></body></html>"
    )
}

/// An EPUB of at least `target` bytes (zipped): chapters citing an endnotes file.
fn book(target: usize) -> Vec<u8> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut chapters: Vec<String> = Vec::new();
    let mut notes = String::new();
    let mut k = 0;
    let mut zipped = 0usize;
    let mut out = Vec::new();
    while zipped < target {
        let mut ch = String::new();
        for _ in 0..200 {
            k += 1;
            ch.push_str(&format!(
                "<p>{}<a href=\"endnotes.xhtml#note-{k}\" id=\"noteref-{k}\" epub:type=\"noteref\">{k}</a> {}</p>\n",
                sentence(&mut seed, 30),
                sentence(&mut seed, 15)
            ));
            notes.push_str(&format!(
                "<li id=\"note-{k}\" epub:type=\"endnote\"><p>{} <a href=\"chapter-{}.xhtml#noteref-{k}\" epub:type=\"backlink\">↩</a></p></li>\n",
                sentence(&mut seed, 10),
                chapters.len() + 1
            ));
        }
        chapters.push(ch);
        out = zip_book(&chapters, &notes);
        zipped = out.len();
    }
    out
}

fn zip_book(chapters: &[String], notes: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, body: &str| {
        w.start_file(name, opt).expect("zip");
        w.write_all(body.as_bytes()).expect("zip");
    };
    put("mimetype", "application/epub+zip");
    put(
        "META-INF/container.xml",
        r#"<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>"#,
    );
    let mut items = String::new();
    let mut spine = String::new();
    for i in 1..=chapters.len() {
        items.push_str(&format!("<item id=\"c{i}\" href=\"text/chapter-{i}.xhtml\" media-type=\"application/xhtml+xml\"/>"));
        spine.push_str(&format!("<itemref idref=\"c{i}\"/>"));
    }
    items.push_str(
        "<item id=\"n\" href=\"text/endnotes.xhtml\" media-type=\"application/xhtml+xml\"/>",
    );
    spine.push_str("<itemref idref=\"n\"/>");
    put(
        "OEBPS/content.opf",
        &format!(
            "<package><metadata><dc:title>Big Book</dc:title></metadata><manifest>{items}</manifest><spine>{spine}</spine></package>"
        ),
    );
    for (i, c) in chapters.iter().enumerate() {
        put(
            &format!("OEBPS/text/chapter-{}.xhtml", i + 1),
            &format!("<html><body><h2>Chapter {}</h2>{c}</body></html>", i + 1),
        );
    }
    put(
        "OEBPS/text/endnotes.xhtml",
        &format!("<html><body><ol>{notes}</ol></body></html>"),
    );
    w.finish().expect("zip").into_inner()
}

fn import(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    for (name, wiki) in [("html_5mb_wikipedia", true), ("html_5mb_generic", false)] {
        let html = page(5 << 20, wiki);
        let d = parse_bytes(html.as_bytes(), Format::Html);
        assert!(
            d.notes.len() > 1000 && d.markers.iter().all(|m| m.note.is_some()),
            "{name}"
        );
        g.throughput(Throughput::Bytes(html.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| parse_bytes(black_box(html.as_bytes()), Format::Html))
        });
    }
    let epub = book(2 << 20);
    let d = parse_bytes(&epub, Format::Epub);
    assert!(d.notes.len() > 1000 && d.markers.iter().all(|m| m.note.is_some()));
    g.throughput(Throughput::Bytes(epub.len() as u64));
    g.bench_function("epub_2mb", |b| {
        b.iter(|| parse_bytes(black_box(&epub), Format::Epub))
    });
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
