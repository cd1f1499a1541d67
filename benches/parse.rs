//! Parsing throughput and model memory on a 10 MB article: seed 000's body
//! repeated with markers renumbered and one note per marker.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ibid::document::{Format, parse_str};
use std::hint::black_box;

/// Builds an article of at least `target` bytes from seed 000.
fn big_article(target: usize) -> String {
    let seed = include_str!("../seeds/000_90ed57cec86e1d59.txt");
    let body: Vec<&str> = seed.lines().take_while(|l| !l.starts_with("- ")).collect();
    let mut out = String::with_capacity(target + target / 4);
    let mut n = 0usize;
    while out.len() < target {
        for line in &body {
            let mut rest = *line;
            while let Some(p) = rest.find('[') {
                let close = rest[p..].find(']').map(|c| p + c);
                match close {
                    Some(c) if rest[p + 1..c].bytes().all(|b| b.is_ascii_digit()) && c > p + 1 => {
                        n += 1;
                        out.push_str(&rest[..p]);
                        out.push_str(&format!("[{n}]"));
                        rest = &rest[c + 1..];
                    }
                    _ => {
                        out.push_str(&rest[..=p]);
                        rest = &rest[p + 1..];
                    }
                }
            }
            out.push_str(rest);
            out.push('\n');
        }
    }
    for i in 1..=n {
        out.push_str(&format!(
            "- Author {i}, “A Title Number {i}”, The Journal, 2 Nov, 2013, http://example.org/{i}\n"
        ));
    }
    out
}

fn parse_10mb(c: &mut Criterion) {
    let text = big_article(10 * 1024 * 1024);
    let doc = parse_str(&text, Format::Plain);
    eprintln!(
        "article: {} bytes, {} markers, {} notes; model heap {} bytes = {:.2}x the text",
        text.len(),
        doc.markers.len(),
        doc.notes.len(),
        doc.heap_bytes(),
        doc.heap_bytes() as f64 / text.len() as f64
    );
    assert_eq!(doc.markers.len(), doc.notes.len());
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("10MB article", |b| {
        b.iter(|| parse_str(black_box(&text), Format::Plain))
    });
    g.finish();
}

criterion_group!(benches, parse_10mb);
criterion_main!(benches);
