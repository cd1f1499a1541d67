//! Annotation store benchmarks on a 10,000-article store (`IBID_BENCH_ARTICLES`
//! changes it), written once under `target/tmp`: opening an annotated
//! article, opening one that has no annotations (the case that used to scan
//! the whole folder), one save, start-of-session housekeeping, and listing
//! everything (export).

use criterion::Criterion;
use ibid::annotations::{Anchor, Annotation, ArticleKey, Local, Op, Store};
use std::path::Path;
use std::time::SystemTime;

fn articles() -> usize {
    std::env::var("IBID_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000)
}

fn text(i: usize) -> String {
    format!("Article number {i}. It has a passage worth a note, and some more text.")
}

fn store(n: usize) -> Store {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("store-{n}"));
    let done = dir.join("complete");
    let local = Local::with_device(dir.join("state"), "bench");
    let store = Store::open_as(dir.join("annotations"), local).expect("open");
    if !done.exists() {
        for i in 0..n {
            let t = text(i);
            let key = ArticleKey::new(format!("/library/article-{i}.md"), &t);
            let note = Annotation::new(
                Anchor::new(&t, 0..7),
                format!("note {i}"),
                SystemTime::now(),
            );
            store.apply(&key, &[Op::Upsert(note)]).expect("apply");
        }
        std::fs::write(&done, "").expect("mark complete");
    }
    store
}

fn main() {
    let n = articles();
    let store = store(n);
    let mut c = Criterion::default().configure_from_args();
    let hit = ArticleKey::new(format!("/library/article-{}.md", n / 2), &text(n / 2));
    let miss = ArticleKey::new("/library/unannotated.md", "A text nobody annotated.");
    c.bench_function("store: open an annotated article", |b| {
        b.iter(|| store.load(&hit).expect("load"));
    });
    c.bench_function("store: open an article without annotations", |b| {
        b.iter(|| store.load(&miss).expect("load"));
    });
    let mut slow = c.benchmark_group("whole store");
    slow.sample_size(10);
    // Saves go to an article of their own (it grows by one note per save).
    let t = "The article the save benchmark writes to.";
    let saves = ArticleKey::new("/library/saves.md", t);
    slow.bench_function("store: save one note (two fsyncs)", |b| {
        b.iter(|| {
            let note = Annotation::new(Anchor::new(t, 0..7), "bench", SystemTime::now());
            store.apply(&saves, &[Op::Upsert(note)]).expect("apply")
        });
    });
    slow.bench_function("store: housekeeping at start", |b| {
        b.iter(|| store.housekeep().expect("housekeep"));
    });
    slow.bench_function("store: list everything (export)", |b| {
        b.iter(|| store.all().expect("all"));
    });
    slow.finish();
    c.final_summary();
}
