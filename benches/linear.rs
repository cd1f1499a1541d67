//! Parse time against input size on adversarial shapes: each input is parsed
//! at 1×, 2×, 4× and 8× a base size, so a linear parse shows the same
//! throughput at every size (criterion prints it) and the summary line gives
//! the cost of each doubling (issue 17: at most 2.3×).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ibid::document::{Format, parse_str};
use std::fmt::Write;
use std::hint::black_box;
use std::time::Instant;

/// `n` one-line paragraphs each citing `[1]`, and the one note (the input).
fn markers(n: usize) -> String {
    let mut s = String::from("Many Markers\n\n");
    for i in 0..n {
        let _ = write!(s, "Word {i} said.[1]\n\n");
    }
    s.push_str("Notes\n\n[1] The one note.\n");
    s
}

/// `n` markers, each with its own note, every other note `Ibid.` or `Id. at N`.
fn chains(n: usize) -> String {
    let mut s = String::from("Chains\n\n");
    for i in 1..=n {
        let _ = write!(s, "Sentence {i} cites a work.[{i}]\n\n");
    }
    s.push_str("Notes\n\n");
    for i in 1..=n {
        match i % 3 {
            0 => {
                let _ = writeln!(s, "[{i}] Ibid., p. {i}.");
            }
            1 => {
                let _ = writeln!(s, "[{i}] Author {i}, Title of work {i} (Press, 1999), {i}.");
            }
            _ => {
                let _ = writeln!(s, "[{i}] Id. at {i}.");
            }
        }
    }
    s
}

/// One paragraph of `n` words with brackets that never close or hold no
/// number (`[`, `[a`, `[12`), on one line without a newline.
fn brackets(n: usize) -> String {
    let mut s = String::from("Brackets\n\n");
    for i in 0..n {
        s.push_str(match i % 4 {
            0 => "[ ",
            1 => "[a word ",
            2 => "[12 ",
            _ => "text ",
        });
    }
    s
}

/// Short capitalised lines between paragraphs (heading, furniture and
/// running-header tests on every line).
fn headings(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let _ = write!(
            s,
            "SECTION {}\n\nA paragraph under it, line {i}.\nIt runs on.\n\n",
            i % 50
        );
    }
    s
}

type Shape = (&'static str, fn(usize) -> String, usize);

const SHAPES: &[Shape] = &[
    ("markers", markers, 20_000),
    ("chains", chains, 10_000),
    ("brackets", brackets, 100_000),
    ("headings", headings, 10_000),
];

fn median_secs(text: &str) -> f64 {
    let mut t: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(parse_str(black_box(text), Format::Plain));
            start.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[2]
}

fn linear(c: &mut Criterion) {
    for &(name, make, base) in SHAPES {
        let texts: Vec<String> = [1, 2, 4, 8].iter().map(|k| make(base * k)).collect();
        let times: Vec<f64> = texts.iter().map(|t| median_secs(t)).collect();
        let ratios: Vec<String> = times
            .windows(2)
            .map(|w| format!("{:.2}x", w[1] / w[0]))
            .collect();
        eprintln!(
            "{name}: {} bytes → {:.1} ms … {} bytes → {:.1} ms; each doubling {}",
            texts[0].len(),
            times[0] * 1e3,
            texts[3].len(),
            times[3] * 1e3,
            ratios.join(", ")
        );
        let mut g = c.benchmark_group(format!("linear/{name}"));
        g.sample_size(10);
        for (k, t) in [1, 2, 4, 8].iter().zip(&texts) {
            g.throughput(Throughput::Bytes(t.len() as u64));
            g.bench_function(format!("{k}x"), |b| {
                b.iter(|| parse_str(black_box(t), Format::Plain));
            });
        }
        g.finish();
    }
}

criterion_group!(benches, linear);
criterion_main!(benches);
