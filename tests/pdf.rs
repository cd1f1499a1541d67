//! The PDF reader on PDFs typeset from sources in `tests/pdf/` (what they
//! say is known exactly): every marker links to its note, paragraphs run on
//! over page and column breaks, running heads are furniture, hyphenation is
//! undone, and unreadable files get a one-line reason.

use ibid::document::{BlockKind, Document, parse};
use std::path::Path;

fn open(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pdf")
        .join(name);
    let bytes = std::fs::read(&path).expect("test PDF present");
    parse(&bytes, Some(&path))
}

/// Visible (non-furniture) body text, one string.
fn body(doc: &Document) -> String {
    doc.blocks
        .iter()
        .filter(|b| b.furniture.is_none())
        .map(|b| doc.slice(b.span))
        .collect::<Vec<_>>()
        .join("\n")
}

fn furniture(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.furniture.is_some())
        .map(|b| doc.slice(b.span))
        .collect()
}

/// (marker label, start of its note's text) for every marker.
fn links(doc: &Document) -> Vec<(String, String)> {
    doc.markers
        .iter()
        .map(|m| {
            let note = m.note.map_or(String::from("<none>"), |n| {
                doc.note_text(n).chars().take(30).collect()
            });
            (m.label.clone(), note)
        })
        .collect()
}

fn block_containing<'a>(doc: &'a Document, needle: &str) -> Option<&'a ibid::document::Block> {
    doc.blocks
        .iter()
        .find(|b| doc.slice(b.span).contains(needle))
}

#[test]
fn one_column_links_every_marker_to_its_note() {
    let doc = open("one-column.pdf");
    assert_eq!(doc.meta.format, "pdf");
    let l = links(&doc);
    let want = [
        ("1", "Joseph P. Ferguson, Japanese-R"),
        ("2", "Tsuyoshi Hasegawa, The Norther"),
        ("3", "The text of both treaties is r"),
        ("4", "The Treaty of Saint Petersburg"),
        ("5", "See the Joint Declaration, art"),
        ("6", "Annual reports of the Fisherie"),
    ];
    let got: Vec<(&str, &str)> = l.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, want);
    assert_eq!(doc.notes.len(), 6);
}

#[test]
fn one_column_note_continued_on_the_next_page_is_one_note() {
    let doc = open("one-column.pdf");
    let n3 = doc
        .notes
        .iter()
        .position(|n| n.label == "3")
        .expect("note 3");
    let t = doc.note_text(n3);
    assert!(
        t.contains("never ratified by either government. A later edition"),
        "{t}"
    );
    assert!(t.ends_with("thanks the archivists who helped."), "{t}");
}

#[test]
fn one_column_joins_the_paragraph_over_the_page_break() {
    let doc = open("one-column.pdf");
    let b = block_containing(
        &doc,
        "drew the first border between the two empires, and the Treaty of Saint Petersburg",
    )
    .expect("joined paragraph");
    assert_eq!(b.page, Some(2), "the heading starts page 2 in this layout");
    assert!(
        doc.slice(b.span)
            .contains("surrendered their weapons and their records.")
    );
}

#[test]
fn one_column_hides_running_heads_and_undoes_hyphenation() {
    let doc = open("one-column.pdf");
    let f = furniture(&doc);
    assert!(
        f.iter().any(|t| t.contains("Journal of Island Studies")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|t| t.contains("Downloaded from the island archive")),
        "{f:?}"
    );
    let text = body(&doc);
    assert!(!text.contains("Downloaded from"), "footer in the body");
    assert!(
        !text.contains("Journal of Island Studies"),
        "header in the body"
    );
    for word in [
        "throughout the decade",
        "the ministries were",
        "Historians still disagree about the motives of the Soviet leadership",
        "the Japanese garrisons",
    ] {
        assert!(text.contains(word), "missing {word:?}");
    }
    assert!(
        text.contains("Russia-Japan relationship"),
        "real hyphen kept"
    );
    assert!(!text.contains("through- out") && !text.contains("through-out"));
}

#[test]
fn one_column_structure() {
    let doc = open("one-column.pdf");
    assert_eq!(
        doc.meta.title,
        "The Kuril Islands Dispute and Geopolitical Rapprochement"
    );
    assert!(
        doc.meta
            .author
            .as_deref()
            .unwrap_or("")
            .contains("Maria Kowalska")
    );
    let kind_of = |s: &str| block_containing(&doc, s).map(|b| b.kind);
    assert!(matches!(
        kind_of("2. Historical Background"),
        Some(BlockKind::Heading { .. })
    ));
    assert_eq!(kind_of("We did not go to Moscow"), Some(BlockKind::Quote));
    assert_eq!(kind_of("Salmon"), Some(BlockKind::Code));
    let text = body(&doc);
    assert!(
        text.contains("km^2") && text.contains("2nd largest") && text.contains("10^3 seabirds"),
        "{text}"
    );
    assert!(
        doc.blocks.iter().all(|b| b.page.is_some()),
        "every block has its page"
    );
}

#[test]
fn two_column_reads_columns_in_order_and_links_restarting_symbols() {
    let doc = open("two-column.pdf");
    let l = links(&doc);
    let labels: Vec<&str> = l.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(labels, ["*", "†", "*", "†", "*"], "{l:?}");
    let notes: Vec<&str> = l.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        notes,
        [
            "Convention on the High Seas Fi",
            "Observer programmes are descri",
            "Port statistics of the Sakhali",
            "Agreement on Fishing near the ",
            "Interview with the director of",
        ]
    );
    // Labels as printed, numbered afresh on each page: no duplicate to report.
    assert!(
        doc.diagnostics
            .iter()
            .all(|d| d.kind != ibid::document::DiagnosticKind::DuplicateLabel),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn two_column_joins_over_column_and_page_breaks() {
    let doc = open("two-column.pdf");
    let text = body(&doc);
    for s in [
        "vessels now work in waters that were closed to them for months",
        "a gap that the committee’s members attribute to the pressure",
        "recording the catch and the by-catch of every haul.",
        "The oceanographers who study the ice",
    ] {
        assert!(text.contains(s), "missing {s:?}");
    }
    assert!(
        furniture(&doc)
            .iter()
            .any(|t| t.contains("Northern Review"))
    );
    assert!(!text.contains("Northern Review"));
    let order: Vec<usize> = ["1. Fisheries", "2. Ice", "3. Treaties", "4. Science"]
        .iter()
        .map(|h| text.find(h).unwrap_or_else(|| panic!("{h}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn endnotes_under_a_notes_heading() {
    let doc = open("endnotes.pdf");
    let got: Vec<(String, String)> = links(&doc);
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        got,
        [
            ("1", "Log of the lighthouse, 1897–19"),
            ("2", "Report of the lighthouse commi"),
            ("3", "Recollections of a keeper’s da"),
        ]
    );
    let text = body(&doc);
    assert!(
        text.contains("3rd island") && text.contains("10^4 metres"),
        "{text}"
    );
}

#[test]
fn unreadable_pdfs_say_why_in_one_line() {
    let one_line = |doc: &Document| {
        assert_eq!(doc.blocks.len(), 1);
        let t = doc.block_text(0).to_string();
        assert!(!t.contains('\n'));
        t
    };
    let scanned = one_line(&open("scanned.pdf"));
    assert_eq!(scanned, "this PDF has no text layer: it is scanned images");
    let enc = one_line(&open("encrypted.pdf"));
    assert!(enc.contains("encrypted"), "{enc}");
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pdf/one-column.pdf"))
            .expect("test PDF");
    let broken = parse(&bytes[..bytes.len() / 3], Some(Path::new("cut.pdf")));
    assert_eq!(broken.blocks.len(), 1, "{:?}", broken.text);
    assert!(broken.text.starts_with("this PDF"), "{}", broken.text);
    let not_pdf = parse(b"hello, not a PDF", Some(Path::new("fake.pdf")));
    assert!(not_pdf.text.contains("damaged"), "{}", not_pdf.text);
}

#[test]
fn justified_fixed_pitch_prose_is_not_a_table() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/ca1-calvary-chapel-opinion.pdf");
    let doc = parse(&std::fs::read(&path).expect("corpus PDF"), Some(&path));
    let b = block_containing(
        &doc,
        "omnipresent duty to take notice of jurisdictional defects",
    )
    .expect("the quoted sentence, words single-spaced");
    assert_eq!(b.kind, BlockKind::Paragraph);
    assert_eq!(b.page, Some(7));
    assert_eq!(doc.meta.title, "United States Court of Appeals");
}

#[test]
fn inspect_gives_block_pages() {
    let doc = open("two-column.pdf");
    let v = ibid::inspect::to_json(&doc);
    let blocks = v["blocks"].as_array().expect("blocks");
    let page_of = |needle: &str| {
        blocks
            .iter()
            .find(|b| b["text"].as_str().is_some_and(|t| t.contains(needle)))
            .and_then(|b| b["page"].as_u64())
    };
    assert_eq!(page_of("4. Science"), Some(2));
    assert_eq!(page_of("1. Fisheries"), Some(1));
    assert!(blocks.iter().all(|b| b["page"].is_u64()));
    assert_eq!(doc.page_at(doc.text.len()), None, "past the body: no block");
}
