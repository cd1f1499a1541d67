//! Hostile PDF bytes: random data behind a PDF header, truncations and
//! byte flips of real PDFs. Parsing never panics, finishes within a time
//! limit per file, and what it keeps stays bounded by the import limits.

use ibid::document::readers::pdf::{Limits, read_with};
use ibid::document::{Format, parse_bytes};
use proptest::prelude::*;
use std::sync::mpsc;
use std::time::Duration;

const PER_FILE: Duration = Duration::from_secs(30);

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pdf")
            .join(name),
    )
    .expect("test PDF")
}

/// Parses on a thread and fails if it takes longer than [`PER_FILE`].
fn parse_within_limit(bytes: Vec<u8>) -> Result<usize, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let doc = parse_bytes(&bytes, Format::Pdf);
        let _ = tx.send(doc.text.len());
    });
    rx.recv_timeout(PER_FILE)
        .map_err(|e| format!("parse did not finish: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_behind_a_header(tail in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut b = b"%PDF-1.4\n".to_vec();
        b.extend(tail);
        let n = parse_within_limit(b).map_err(TestCaseError::fail)?;
        prop_assert!(n < 10_000);
    }

    #[test]
    fn truncated_pdfs(cut in 0.0f64..1.0, which in 0usize..3) {
        let src = sample(["one-column.pdf", "two-column.pdf", "endnotes.pdf"][which]);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let at = (src.len() as f64 * cut) as usize;
        parse_within_limit(src[..at].to_vec()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn flipped_bytes(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..40)) {
        let mut b = sample("two-column.pdf");
        for (i, v) in flips {
            let k = i.index(b.len());
            b[k] = v;
        }
        parse_within_limit(b).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn limits_cut_large_documents() {
    let b = sample("one-column.pdf");
    let small = Limits {
        max_pages: 1,
        ..Limits::default()
    };
    let r = read_with(&b, &small).expect("readable");
    let last = r.paras.last().expect("paras");
    assert!(
        last.text.contains("stopped reading this PDF after page 1"),
        "{}",
        last.text
    );
    assert!(r.paras.iter().all(|p| p.page.is_none_or(|n| n <= 1)));
    let tiny = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    assert!(read_with(&b, &tiny).is_err());
}
