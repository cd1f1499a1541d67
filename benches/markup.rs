//! Reading throughput of the markup readers (reST, Org, AsciiDoc, Markdown):
//! a ~4 MB document per format, made of sections that each cite a note,
//! hold a paragraph of inline markup and a short code block. Each is timed
//! whole (`parse_str`) and reader alone (`readers::read_text`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ibid::document::readers::read_text;
use ibid::document::{Format, parse_str};
use std::hint::black_box;

const PROSE: &str = "The treaty of 1956 was never signed, and *both* sides kept their claims to the islands; \
the talks of the **next** decade turned on fishing rights, visas and the `status` of the residents.";

/// Builds a document of at least `target` bytes in `format`.
fn document(format: Format, target: usize) -> String {
    let mut body = String::new();
    let mut notes = String::new();
    let mut n = 0usize;
    while body.len() + notes.len() < target {
        n += 1;
        let (section, note) = match format {
            Format::Rst => (
                format!(
                    "Section {n}\n==========\n\n{PROSE} A claim [{n}]_.\n\nExample::\n\n    print({n})\n\n"
                ),
                format!(".. [{n}] Author {n}, *A Title*, p. {n}.\n"),
            ),
            Format::Org => (
                format!(
                    "* Section {n}\n{PROSE} A claim[fn:{n}].\n\n#+begin_src python\nprint({n})\n#+end_src\n\n"
                ),
                format!("[fn:{n}] Author {n}, /A Title/, p. {n}.\n"),
            ),
            Format::AsciiDoc => (
                format!(
                    "== Section {n}\n\n{PROSE} A claim.footnote:[Author {n}, _A Title_, p. {n}.]\n\n----\nprint({n})\n----\n\n"
                ),
                String::new(),
            ),
            _ => (
                format!("## Section {n}\n\n{PROSE} A claim[^{n}].\n\n```\nprint({n})\n```\n\n"),
                format!("[^{n}]: Author {n}, *A Title*, p. {n}.\n"),
            ),
        };
        body.push_str(&section);
        notes.push_str(&note);
    }
    match format {
        Format::Org => format!("#+title: Bench\n\n{body}* Footnotes\n{notes}"),
        Format::AsciiDoc => format!("= Bench\n\n{body}"),
        _ => format!("{body}\n{notes}"),
    }
}

fn read_markup(c: &mut Criterion) {
    let mut g = c.benchmark_group("markup");
    g.sample_size(10);
    for format in [Format::Rst, Format::Org, Format::AsciiDoc, Format::Markdown] {
        let text = document(format, 4 * 1024 * 1024);
        let doc = parse_str(&text, format);
        eprintln!(
            "{}: {} bytes, {} markers, {} notes, {} blocks",
            format.name(),
            text.len(),
            doc.markers.len(),
            doc.notes.len(),
            doc.blocks.len()
        );
        assert_eq!(doc.markers.len(), doc.notes.len());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format.name(), |b| {
            b.iter(|| parse_str(black_box(&text), format));
        });
        // The reader alone, without the shared passes.
        g.bench_function(format!("{} reader only", format.name()), |b| {
            b.iter(|| read_text(black_box(&text), format).paras.len());
        });
    }
    g.finish();
}

criterion_group!(benches, read_markup);
criterion_main!(benches);
