//! Finder index and ranking: pure tests over the seed articles and a temp library folder.

use ibid::document::{Format, parse_str};
use ibid::finder::cache::{LibraryCache, rescan};
use ibid::finder::{
    Hit, Index, Kind, Progress, Query, STREAMED, SYNC, SearchRequest, Searcher, SkimMatcher,
    build_library_index, search, search_keystroke, search_small,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed(prefix: &str) -> PathBuf {
    std::fs::read_dir(seeds_dir())
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .expect("seed file")
}

fn copy_seeds(dir: &Path) {
    for e in std::fs::read_dir(seeds_dir()).expect("seeds").flatten() {
        std::fs::copy(e.path(), dir.join(e.file_name())).expect("copy");
    }
}

fn seeds_index() -> Index {
    build_library_index(&[seeds_dir()], None, None)
}

fn kinds(ix: &Index, hits: &[Hit]) -> Vec<Kind> {
    hits.iter()
        .map(|h| ix.entries().get(h.entry as usize).expect("hit entry").kind)
        .collect()
}

fn texts<'a>(ix: &'a Index, hits: &[Hit]) -> Vec<&'a str> {
    hits.iter()
        .map(|h| &*ix.entries().get(h.entry as usize).expect("hit entry").text)
        .collect()
}

/// Builds with a cache dir and returns how many files were parsed (not taken from cache).
fn parsed_count(roots: &[PathBuf], cache: &Path) -> (Index, usize) {
    let (tx, rx) = mpsc::channel::<Progress>();
    let ix = build_library_index(roots, Some(cache), Some(&tx));
    drop(tx);
    let last = rx.iter().last().unwrap_or_default();
    (ix, last.parsed)
}

#[test]
fn exact_title_match_beats_scattered_one() {
    let mut ix = Index::new();
    let docs = [
        (
            "scattered.txt",
            "Old Kings Hold Our Territory Since Kamchatka\n\nText.\n",
        ),
        ("exact.txt", "Patrols in the Okhotsk Sea Today\n\nText.\n"),
    ];
    for (p, t) in docs {
        ix.add_document(Path::new(p), &parse_str(t, Format::Plain), 1, 1);
    }
    let hits = search(&ix, &Query::parse("okhotsk"), None, &[], 10);
    assert_eq!(texts(&ix, &hits)[0], "Patrols in the Okhotsk Sea Today");
    assert_eq!(hits.len(), 2, "the scattered title matches too, below");
}

#[test]
fn prefixes_narrow_kinds() {
    let ix = seeds_index();
    for (q, kind) in [
        ("@russia", Kind::Article),
        ("#russia", Kind::Heading),
        ("^russia", Kind::Note),
    ] {
        let hits = search(&ix, &Query::parse(q), None, &[], 50);
        assert!(!hits.is_empty(), "{q}");
        assert!(kinds(&ix, &hits).iter().all(|&k| k == kind), "{q}");
    }
    let all = kinds(
        &ix,
        &search(&ix, &Query::parse("russia"), None, &[], 100_000),
    );
    for k in [Kind::Article, Kind::Heading, Kind::Note, Kind::Passage] {
        assert!(all.contains(&k), "{k:?} missing without a prefix");
    }
    // Annotations: none until set, then only they match `%`.
    assert!(search(&ix, &Query::parse("%russia"), None, &[], 10).is_empty());
    let mut ix = ix;
    let p = seed("002");
    assert!(ix.set_annotations(&p, vec![(0, "Russian embrace".into(), "why?".into())]));
    let hits = search(&ix, &Query::parse("%russia"), None, &[], 10);
    assert_eq!(kinds(&ix, &hits), vec![Kind::Annotation]);
}

#[test]
fn crimean_heading_in_seed_002() {
    let ix = seeds_index();
    let hits = search(&ix, &Query::parse("#crimean"), None, &[], 5);
    assert_eq!(texts(&ix, &hits).first(), Some(&"The Crimean Black Swan"));
    let e = &ix.entries()[hits[0].entry as usize];
    let info = &ix.articles()[e.doc as usize];
    assert!(info.path.ends_with("002_665c716cc0b4a646.txt"));
}

#[test]
fn okhotsk_passage_has_the_right_offset() {
    let path = seed("000");
    let doc = ibid::library::read_document(&path).expect("seed 000");
    let mut ix = Index::new();
    ix.add_document(&path, &doc, 0, 0);
    let hits = search(&ix, &Query::parse("okhotsk"), None, &[], 20);
    let passage = hits
        .iter()
        .map(|h| ix.entries().get(h.entry as usize).expect("hit entry"))
        .find(|e| e.kind == Kind::Passage)
        .expect("a passage about the Sea of Okhotsk");
    assert!(passage.text.contains("Sea of Okhotsk"), "{}", passage.text);
    let at = passage.offset as usize;
    assert!(doc.text[at..].starts_with(&*passage.text));
    let para = doc
        .body()
        .find(|(_, b)| b.span.contains(at))
        .map(|(i, _)| doc.block_text(i))
        .expect("offset inside a body block");
    assert!(para.contains("Sea of Okhotsk"));
}

#[test]
fn deleted_file_disappears_after_rescan() {
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    copy_seeds(lib.path());
    let roots = vec![lib.path().to_path_buf()];
    let mut ix = build_library_index(&roots, Some(cache.path()), None);
    let q = Query::parse("#crimean");
    let swan = |ix: &Index| {
        let hits = search(ix, &q, None, &[], 50);
        texts(ix, &hits)
            .iter()
            .filter(|t| **t == "The Crimean Black Swan")
            .count()
    };
    assert_eq!(swan(&ix), 1);
    let gone = lib.path().join("002_665c716cc0b4a646.txt");
    let gone_doc = ix.doc_of(&gone).expect("indexed");
    std::fs::remove_file(&gone).expect("remove");
    let changes = rescan(&mut ix, &roots, Some(cache.path()), None);
    assert_eq!(changes.removed, vec![gone.clone()]);
    assert_eq!(swan(&ix), 0);
    assert!(ix.doc_of(&gone).is_none());
    let any = search(&ix, &Query::parse("russia"), None, &[], 100_000);
    assert!(
        any.iter()
            .all(|h| ix.entries().get(h.entry as usize).expect("hit entry").doc != gone_doc)
    );
    // And a file added while running appears.
    std::fs::copy(seed("002"), lib.path().join("new.txt")).expect("copy");
    let changes = rescan(&mut ix, &roots, Some(cache.path()), None);
    assert_eq!(changes.added, vec![lib.path().join("new.txt")]);
    assert_eq!(swan(&ix), 1);
    // A fresh start sees the same library through the cache.
    let (again, parsed) = parsed_count(&roots, cache.path());
    assert_eq!(parsed, 0);
    assert_eq!(again.live_articles(), 5);
}

#[test]
fn cache_is_invalidated_by_size_or_mtime() {
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    copy_seeds(lib.path());
    let roots = vec![lib.path().to_path_buf()];
    assert_eq!(parsed_count(&roots, cache.path()).1, 5, "cold");
    assert_eq!(parsed_count(&roots, cache.path()).1, 0, "warm");

    let f = lib.path().join("001_882de9a0dbe1c534.txt");
    let mut text = std::fs::read_to_string(&f).expect("read");
    text.push_str("\nA new closing paragraph about Zanzibar.\n");
    std::fs::write(&f, &text).expect("write");
    let (ix, parsed) = parsed_count(&roots, cache.path());
    assert_eq!(parsed, 1, "size changed");
    assert_eq!(
        search(&ix, &Query::parse("zanzibar"), None, &[], 5).len(),
        1
    );

    let file = std::fs::File::options().write(true).open(&f).expect("open");
    let t = SystemTime::now() - Duration::from_secs(3600);
    file.set_modified(t).expect("set mtime");
    drop(file);
    assert_eq!(
        parsed_count(&roots, cache.path()).1,
        0,
        "touched, same bytes: the content hash keeps the entries"
    );
    assert_eq!(parsed_count(&roots, cache.path()).1, 0, "warm again");
    // Same size, other bytes, new mtime: parsed again.
    std::fs::write(&f, text.replace("Zanzibar", "Zanzibaz")).expect("write");
    let file = std::fs::File::options().write(true).open(&f).expect("open");
    file.set_modified(t - Duration::from_secs(60))
        .expect("set mtime");
    drop(file);
    let (ix, parsed) = parsed_count(&roots, cache.path());
    assert_eq!(parsed, 1, "content changed");
    assert_eq!(
        search(&ix, &Query::parse("zanzibaz"), None, &[], 5).len(),
        1
    );

    // A run on other roots (one file) keeps its own cache: the library's stays warm.
    let single = vec![f.clone()];
    assert_eq!(parsed_count(&single, cache.path()).1, 1);
    assert_eq!(
        parsed_count(&roots, cache.path()).1,
        0,
        "library cache intact"
    );

    // A corrupt cache is rebuilt, never an error.
    std::fs::write(LibraryCache::new(cache.path(), &roots).file(), b"garbage").expect("write");
    let (ix, parsed) = parsed_count(&roots, cache.path());
    assert_eq!(parsed, 5);
    assert_eq!(ix.live_articles(), 5);
}

#[test]
fn searcher_streams_passages_and_cancels_old_queries() {
    let ix = Arc::new(seeds_index());
    let m = SkimMatcher::new();
    let (searcher, rx) = Searcher::with_channel(Arc::new(SkimMatcher::new()));
    let q = Query::parse("okhotsk");
    let seed = search_small(&m, &ix, &q.restricted(SYNC), None, &[], 20);
    let first = searcher.submit(SearchRequest::new(Arc::clone(&ix), Query::parse("russia")));
    let g1 = searcher.submit(SearchRequest {
        seed,
        limit: 20,
        ..SearchRequest::new(Arc::clone(&ix), q.clone())
    });
    assert!(g1 > first);
    let done = loop {
        let p = rx.recv_timeout(Duration::from_secs(30)).expect("a partial");
        if p.generation == g1 && p.done {
            break p;
        }
    };
    let full = search(&ix, &q, None, &[], 20);
    assert_eq!(
        done.hits, full,
        "streamed result equals the synchronous one"
    );
    assert!(kinds(&ix, &done.hits).contains(&Kind::Passage));
    // Narrowing from the completed search gives the same as a fresh one.
    let q2 = Query::parse("okhotsk s");
    let g2 = searcher.submit(SearchRequest {
        limit: 20,
        ..SearchRequest::new(Arc::clone(&ix), q2.clone())
    });
    let done2 = loop {
        let p = rx.recv_timeout(Duration::from_secs(30)).expect("a partial");
        if p.generation == g2 && p.done {
            break p;
        }
    };
    let want: Vec<Hit> = search(&ix, &q2, None, &[], 1000)
        .into_iter()
        .filter(|h| STREAMED.contains(ix.entries().get(h.entry as usize).expect("hit entry").kind))
        .take(20)
        .collect();
    assert_eq!(done2.hits, want);
}

#[test]
fn scope_limits_to_one_article() {
    let ix = seeds_index();
    let doc = ix.doc_of(&seed("002")).expect("indexed");
    let hits = search(&ix, &Query::parse("russia"), Some(doc), &[], 1000);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| ix.entries().get(h.entry as usize).expect("hit entry").doc == doc)
    );
}

#[test]
fn generated_articles_keep_structure_and_vary_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = ibid::finder::generate::generate_library(dir.path(), 20, 7).expect("generate");
    assert_eq!(paths.len(), 20);
    let ix = build_library_index(&[dir.path().to_path_buf()], None, None);
    assert_eq!(ix.live_articles(), 20);
    let titles: std::collections::HashSet<&str> =
        ix.articles().iter().map(|a| a.title.as_str()).collect();
    assert!(titles.len() > 10, "titles vary: {titles:?}");
    let notes: u32 = ix.articles().iter().map(|a| a.note_count).sum();
    let headings = ix
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Heading)
        .count();
    assert!(notes > 20 * 10, "notes survive: {notes}");
    assert!(headings > 20 * 2, "headings survive: {headings}");
    let again = ibid::finder::generate::generate_library(dir.path(), 2, 7).expect("generate");
    assert_eq!(
        std::fs::read(&again[1]).expect("read"),
        std::fs::read(&paths[1]).expect("read"),
        "deterministic"
    );
}

/// The two-stage keystroke search ranks exactly as the one-stage search when fewer
/// candidates than stage two takes can match, and narrowing from the previous keystroke
/// changes nothing.
#[test]
fn keystroke_search_matches_the_full_search_and_narrowing_is_exact() {
    let ix = Arc::new(seeds_index());
    let m = SkimMatcher::new();
    let queries = [
        "cr", "cri", "crim", "crime", "crimea", "^ibi", "^ibid", "#rus", "@jap",
    ];
    let mut prev = None;
    let mut last_text = String::new();
    for text in queries {
        let q = Query::parse(text).restricted(SYNC);
        let (fresh, survivors) = search_keystroke(&m, &ix, &q, None, &[1], 20, None);
        let survivors = survivors.expect("a non-empty query gives survivors");
        assert!(
            !survivors.is_empty(),
            "{text} matches something in the seeds"
        );
        if survivors.len() <= ibid::finder::fast::STAGE_TWO {
            let full = search_small(&m, &ix, &q, None, &[1], 20);
            assert_eq!(fresh, full, "{text}");
        }
        if text.starts_with(&last_text) {
            let (typed, _) = search_keystroke(&m, &ix, &q, None, &[1], 20, prev.as_ref());
            assert_eq!(typed, fresh, "{text} narrowed from {last_text}");
        }
        prev = Some(survivors);
        last_text = text.to_string();
    }
    // Notes are answered in the keystroke now, passages are streamed.
    assert!(SYNC.contains(Kind::Note) && !STREAMED.contains(Kind::Note));
}

#[test]
fn pdfs_and_epubs_in_the_library_are_indexed() {
    // A library folder holding binary containers beside text: the index
    // must read them as the reader does (a PDF's bytes include NULs).
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for f in ["ca5-st-pierre-opinion.pdf", "se-the-prince.epub"] {
        std::fs::copy(corpus.join(f), dir.path().join(f)).expect("copy");
    }
    let (ix, parsed) = parsed_count(&[dir.path().to_path_buf()], &dir.path().join("cache"));
    assert_eq!(parsed, 2);
    let titles: Vec<&str> = ix.articles().iter().map(|a| &*a.title).collect();
    assert!(titles.contains(&"The Prince"), "{titles:?}");
    let hits = search(&ix, &Query::parse("^Circuit Rule 47.5"), None, &[], 5);
    assert!(!hits.is_empty(), "the PDF's footnote is a note entry");
}
