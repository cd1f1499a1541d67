//! Placeholder parse bench (branch `sources`): times `sources::parse_note` so the
//! `[[bench]] parse` target declared in Cargo.toml exists; the document-parser
//! bench from the main branch supersedes this file on merge.
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench_parse_note(c: &mut Criterion) {
    let note = "Joseph P. Ferguson, \"Nordpolitik: Japan's New Russia Policy\", *Journal of Public and International Affairs*, Vol.9, Spring 1998, p.24. <http://www.princeton.edu/jpia/past-issues-1/1998/2.pdf> (Accessed on January 18, 2014).";
    c.bench_function("sources::parse_note", |b| {
        b.iter(|| ibid::sources::parse_note(black_box(note)));
    });
}

criterion_group!(benches, bench_parse_note);
criterion_main!(benches);
