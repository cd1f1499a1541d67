//! Finder benchmarks on a generated library (`IBID_BENCH_ARTICLES`, default 10,000 articles):
//! cold index build throughput, per-keystroke latency for articles/headings/notes, passage
//! streaming (first partial, completion), and index memory. Besides criterion's output, a
//! summary with p95 figures is printed at the end.

use criterion::{BenchmarkId, Criterion, Throughput};
use ibid::finder::generate::ensure_library;
use ibid::finder::{
    Partial, Query, SYNC, SearchRequest, Searcher, SkimMatcher, build_library_index,
    search_keystroke,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

const KEYSTROKES: &[&str] = &["o", "ok", "okh", "okho", "okhot", "okhots", "okhotsk"];
const LIMIT: usize = 50;

fn articles() -> usize {
    std::env::var("IBID_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000)
}

fn library(n: usize) -> (PathBuf, Vec<PathBuf>, u64) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("finder-lib-{n}"));
    let paths = ensure_library(&dir, n, 42).expect("generate the bench library");
    let bytes = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    (dir, paths, bytes)
}

fn mb_per_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn percentile(mut xs: Vec<Duration>, p: f64) -> Duration {
    xs.sort();
    let i = ((xs.len() as f64 - 1.0) * p).round() as usize;
    xs[i.min(xs.len() - 1)]
}

/// CPU time used by this process so far (all threads; /proc, 10 ms ticks), so figures can be
/// read on a loaded machine: wall time there depends on the neighbours, CPU time much less.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<u64> = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    Duration::from_millis(f.iter().sum::<u64>() * 10)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Waits for the partials of generation `g`: (time to first, time to done, last partial).
fn stream(rx: &Receiver<Partial>, g: u64, t0: Instant) -> (Duration, Duration, Partial) {
    let mut first = None;
    loop {
        let p = rx.recv().expect("searcher alive");
        if p.generation != g {
            continue;
        }
        let now = t0.elapsed();
        first.get_or_insert(now);
        if p.done {
            return (first.unwrap_or(now), now, p);
        }
    }
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let n = articles();
    let (dir, paths, bytes) = library(n);
    let mut summary = Vec::new();
    // IBID_BENCH_QUICK=1: only the index and the keystroke figures.
    let quick = std::env::var_os("IBID_BENCH_QUICK").is_some();

    // Cold build of a 1,000-article slice under criterion.
    let slice: Vec<PathBuf> = paths.iter().take(1000).cloned().collect();
    let slice_bytes: u64 = slice
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let mut g = c.benchmark_group("index_build");
    if quick {
        g.sample_size(10)
            .measurement_time(Duration::from_millis(100));
    }
    g.throughput(Throughput::Bytes(slice_bytes));
    g.bench_function("cold_1000_articles", |b| {
        b.iter(|| build_library_index(&slice, None, None));
    });
    g.finish();

    // The whole library once: cold (no cache), then cold with a cache write, then warm.
    let t = Instant::now();
    let index = build_library_index(std::slice::from_ref(&dir), None, None);
    let cold = t.elapsed();
    if !quick {
        let cache = tempfile::tempdir().expect("cache dir");
        let t = Instant::now();
        let _ = build_library_index(std::slice::from_ref(&dir), Some(cache.path()), None);
        let cold_cached = t.elapsed();
        let t = Instant::now();
        let warm_ix = build_library_index(std::slice::from_ref(&dir), Some(cache.path()), None);
        let warm = t.elapsed();
        assert_eq!(warm_ix.entries().len(), index.entries().len());
        drop(warm_ix);
        summary.push(format!(
            "library: {n} articles, {:.1} MB, {} entries ({} non-passage)",
            bytes as f64 / 1e6,
            index.entries().len(),
            index.small_len()
        ));
        summary.push(format!(
            "cold build, no cache: {:.2} s = {:.1} MB/s; with cache write: {:.2} s = {:.1} MB/s; \
         warm start from cache: {:.2} s",
            cold.as_secs_f64(),
            mb_per_s(bytes, cold),
            cold_cached.as_secs_f64(),
            mb_per_s(bytes, cold_cached),
            warm.as_secs_f64()
        ));
    }
    let mem = index.memory_bytes();
    summary.push(format!(
        "index memory: {:.1} MB = {:.2}x library bytes ({:.1} MB of entry text)",
        mem as f64 / 1e6,
        mem as f64 / bytes as f64,
        index.text_bytes() as f64 / 1e6
    ));

    // Per keystroke, synchronous path. "" = no prefix restricted to SYNC kinds (articles,
    // headings, notes, annotations): what the UI runs per key; then each prefix alone.
    // "fresh" = no earlier keystroke to narrow from; the typing figures pass each key's
    // first-stage survivors to the next, as the UI does.
    let m = SkimMatcher::new();
    let index = Arc::new(index);
    let sync_query = |prefix: &str, k: &str| {
        let q = Query::parse(&format!("{prefix}{k}"));
        if prefix.is_empty() {
            q.restricted(SYNC)
        } else {
            q
        }
    };
    let mut g = c.benchmark_group("keystroke_sync");
    for prefix in ["", "@", "#", "^"] {
        for k in ["o", "okh"] {
            let q = sync_query(prefix, k);
            g.bench_with_input(BenchmarkId::new(format!("p{prefix}"), k), &q, |b, q| {
                b.iter(|| search_keystroke(&m, &index, q, None, &[0, 1, 2], LIMIT, None));
            });
        }
    }
    g.finish();
    for prefix in ["", "@", "#", "^"] {
        let mut all = Vec::new();
        let mut fresh = Vec::new();
        let mut per = Vec::new();
        let mut per_fresh = Vec::new();
        let mut survivors: Vec<usize> = Vec::new();
        let mut typed_cpu = Duration::ZERO;
        for _ in 0..15 {
            let mut prev = None;
            for (i, k) in KEYSTROKES.iter().enumerate() {
                let q = sync_query(prefix, k);
                let c = cpu_time();
                let t = Instant::now();
                let (hits, surv) =
                    search_keystroke(&m, &index, &q, None, &[0, 1, 2], LIMIT, prev.as_ref());
                let typed = t.elapsed();
                typed_cpu += cpu_time().saturating_sub(c);
                std::hint::black_box(hits);
                if survivors.len() <= i {
                    survivors.push(surv.as_ref().map_or(0, |s| s.len()));
                }
                prev = surv;
                let t = Instant::now();
                std::hint::black_box(search_keystroke(
                    &m,
                    &index,
                    &q,
                    None,
                    &[0, 1, 2],
                    LIMIT,
                    None,
                ));
                let f = t.elapsed();
                all.push(typed);
                fresh.push(f);
                if per.len() <= i {
                    per.push(Vec::new());
                    per_fresh.push(Vec::new());
                }
                per[i].push(typed);
                per_fresh[i].push(f);
            }
        }
        let medians = |v: &Vec<Vec<Duration>>| {
            KEYSTROKES
                .iter()
                .zip(v)
                .map(|(k, t)| format!("{k}={:.1}", ms(percentile(t.clone(), 0.5))))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let name = if prefix.is_empty() { "(a+h+n)" } else { prefix };
        summary.push(format!(
            "keystroke sync {name:<7} typed: p95 {:.1} ms, max {:.1} ms; medians (ms): {}",
            ms(percentile(all.clone(), 0.95)),
            ms(percentile(all, 1.0)),
            medians(&per)
        ));
        summary.push(format!(
            "keystroke sync {name:<7} first-stage survivors: {survivors:?}; mean CPU per typed \
             keystroke {:.1} ms (both threads)",
            ms(typed_cpu) / (15 * KEYSTROKES.len()) as f64
        ));
        summary.push(format!(
            "keystroke sync {name:<7} fresh: p95 {:.1} ms, max {:.1} ms; medians (ms): {}",
            ms(percentile(fresh.clone(), 0.95)),
            ms(percentile(fresh, 1.0)),
            medians(&per_fresh)
        ));
    }

    if quick {
        println!("\n== finder summary ==");
        for line in summary {
            println!("{line}");
        }
        return;
    }
    // Passage streaming: time to first partial and to completion, typing the keystrokes.
    let shared = index;
    let (searcher, rx) = Searcher::with_channel(Arc::new(SkimMatcher::new()));
    let mut g = c.benchmark_group("passages");
    for k in ["okh", "okhotsk"] {
        g.bench_function(BenchmarkId::new("to_done_fresh", k), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let g0 = searcher.submit(SearchRequest {
                        limit: LIMIT,
                        ..SearchRequest::new(Arc::clone(&shared), Query::parse("zzqx"))
                    });
                    let _ = stream(&rx, g0, Instant::now());
                    let t0 = Instant::now();
                    let gn = searcher.submit(SearchRequest {
                        limit: LIMIT,
                        ..SearchRequest::new(Arc::clone(&shared), Query::parse(k))
                    });
                    total += stream(&rx, gn, t0).1;
                }
                total
            });
        });
    }
    g.finish();
    for k in KEYSTROKES
        .iter()
        .map(|k| format!("^{k}"))
        .chain(KEYSTROKES.iter().map(|k| (*k).to_owned()))
    {
        let k = k.as_str();
        // Fresh (no narrowing from an earlier keystroke): reset with an unrelated query.
        let g0 = searcher.submit(SearchRequest {
            limit: LIMIT,
            ..SearchRequest::new(Arc::clone(&shared), Query::parse("zzqx"))
        });
        let _ = stream(&rx, g0, Instant::now());
        let t0 = Instant::now();
        let gn = searcher.submit(SearchRequest {
            limit: LIMIT,
            ..SearchRequest::new(Arc::clone(&shared), Query::parse(k))
        });
        let (first, done, p) = stream(&rx, gn, t0);
        summary.push(format!(
            "streamed {k:<8} fresh: first partial {:.1} ms, done {:.0} ms ({} entries searched)",
            ms(first),
            ms(done),
            p.total
        ));
    }
    // Typing: each keystroke narrows the previous completed search.
    let g0 = searcher.submit(SearchRequest {
        limit: LIMIT,
        ..SearchRequest::new(Arc::clone(&shared), Query::parse("zzqx"))
    });
    let _ = stream(&rx, g0, Instant::now());
    for k in KEYSTROKES {
        let t0 = Instant::now();
        let gn = searcher.submit(SearchRequest {
            limit: LIMIT,
            ..SearchRequest::new(Arc::clone(&shared), Query::parse(k))
        });
        let (first, done, p) = stream(&rx, gn, t0);
        summary.push(format!(
            "streamed {k:<8} typed: first partial {:.1} ms, done {:.0} ms ({} candidates)",
            ms(first),
            ms(done),
            p.total
        ));
    }
    drop(searcher);
    c.final_summary();
    println!("\n== finder summary ==");
    for line in summary {
        println!("{line}");
    }
}
