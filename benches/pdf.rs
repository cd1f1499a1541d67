//! PDF import speed: a 51-page two-column paper (`tests/pdf/fifty-pages.pdf`)
//! from bytes to a `Document`, reported in pages per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ibid::document::{Format, parse_bytes};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf/fifty-pages.pdf");
    let bytes = std::fs::read(path).expect("tests/pdf/fifty-pages.pdf");
    let pages = parse_bytes(&bytes, Format::Pdf)
        .blocks
        .iter()
        .filter_map(|b| b.page)
        .max()
        .unwrap_or(1);
    let mut g = c.benchmark_group("pdf_import");
    g.sample_size(20);
    g.throughput(Throughput::Elements(u64::from(pages)));
    g.bench_function("fifty_page_two_column", |b| {
        b.iter(|| parse_bytes(black_box(&bytes), Format::Pdf));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
