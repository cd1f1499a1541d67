//! The corpus's web pages and books (`tests/corpus/*.html`, `*.epub`),
//! scored against their facts files (format in `tests/corpus/README.md`):
//! fails below 98 % overall or 90 % for any one document.

use ibid::document::{Document, parse};
use std::path::Path;

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Facts {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    format: Option<String>,
    encoding: Option<String>,
    markers: Option<usize>,
    notes: Option<usize>,
    #[serde(default)]
    headings: Vec<String>,
    #[serde(default)]
    not_headings: Vec<String>,
    #[serde(default)]
    body: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    links: Vec<Link>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Link {
    label: String,
    occurrence: Option<usize>,
    note: String,
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// (passed, total, failures) for one document.
fn score(doc: &Document, f: &Facts) -> (usize, usize, Vec<String>) {
    let mut checks: Vec<(bool, String)> = Vec::new();
    let mut check = |ok: bool, what: String| checks.push((ok, what));
    if let Some(t) = &f.title {
        check(
            fold(&doc.meta.title) == fold(t),
            format!("title {:?} (got {:?})", t, doc.meta.title),
        );
    }
    if let Some(a) = &f.author {
        let got = doc.meta.author.clone().unwrap_or_default();
        check(
            fold(&got).contains(&fold(a)),
            format!("author {a:?} (got {got:?})"),
        );
    }
    if let Some(d) = &f.date {
        let got = doc.meta.date.clone().unwrap_or_default();
        check(
            got.starts_with(d.as_str()),
            format!("date {d:?} (got {got:?})"),
        );
    }
    if let Some(x) = &f.format {
        check(
            &doc.meta.format == x,
            format!("format {x} (got {})", doc.meta.format),
        );
    }
    if let Some(e) = &f.encoding {
        check(
            doc.meta.encoding.as_deref() == Some(e.as_str()),
            format!("encoding {e}"),
        );
    }
    if let Some(m) = f.markers {
        check(
            doc.markers.len() == m,
            format!("{m} markers (got {})", doc.markers.len()),
        );
    }
    if let Some(n) = f.notes {
        check(
            doc.notes.len() == n,
            format!("{n} notes (got {})", doc.notes.len()),
        );
    }
    let heads: Vec<String> = doc.headings().map(|(_, h, _)| fold(h)).collect();
    for h in &f.headings {
        check(
            heads.iter().any(|x| x.starts_with(&fold(h))),
            format!("heading {h:?}"),
        );
    }
    for h in &f.not_headings {
        check(
            !heads.iter().any(|x| x.starts_with(&fold(h))),
            format!("not a heading {h:?}"),
        );
    }
    let body: String = doc
        .body()
        .filter(|(_, b)| b.furniture.is_none())
        .map(|(_, b)| doc.slice(b.span))
        .collect::<Vec<_>>()
        .join(" ");
    let body = fold(&body);
    for b in &f.body {
        check(body.contains(&fold(b)), format!("body {b:?}"));
    }
    let all = fold(&doc.text);
    for a in &f.absent {
        check(!all.contains(&fold(a)), format!("absent {a:?}"));
    }
    for l in &f.links {
        let k = l.occurrence.unwrap_or(1);
        let note = doc
            .markers
            .iter()
            .filter(|m| m.label == l.label)
            .nth(k - 1)
            .and_then(|m| m.note)
            .map(|n| fold(doc.note_text(n)))
            .unwrap_or_default();
        check(
            note.contains(&fold(&l.note)),
            format!("marker {} #{k} → {:?} (got {note:?})", l.label, l.note),
        );
    }
    let passed = checks.iter().filter(|(ok, _)| *ok).count();
    let fails = checks
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, w)| w.clone())
        .collect();
    (passed, checks.len(), fails)
}

#[test]
fn web_pages_and_books_match_their_facts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut docs: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "epub"))
        .collect();
    docs.sort();
    assert!(
        docs.iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .count()
            >= 6
    );
    assert!(
        docs.iter()
            .filter(|p| p.extension().is_some_and(|e| e == "epub"))
            .count()
            >= 2
    );
    let (mut passed, mut total, mut worst) = (0, 0, 1.0f64);
    let mut report = String::new();
    for p in &docs {
        let facts_path = p.with_extension("facts.toml");
        let facts: Facts =
            toml::from_str(&std::fs::read_to_string(&facts_path).expect("facts file"))
                .unwrap_or_else(|e| panic!("{}: {e}", facts_path.display()));
        let bytes = std::fs::read(p).expect("document");
        let doc = parse(&bytes, Some(p));
        let (ok, n, fails) = score(&doc, &facts);
        let pct = ok as f64 / n.max(1) as f64;
        worst = worst.min(pct);
        passed += ok;
        total += n;
        report.push_str(&format!(
            "{:5.1} %  {}\n",
            pct * 100.0,
            p.file_name().unwrap_or_default().to_string_lossy()
        ));
        for f in fails {
            report.push_str(&format!("         ✗ {f}\n"));
        }
    }
    let overall = passed as f64 / total.max(1) as f64;
    println!(
        "{report}overall {:.1} % ({passed}/{total})",
        overall * 100.0
    );
    assert!(
        overall >= 0.98 && worst >= 0.90,
        "{report}overall {:.1} %",
        overall * 100.0
    );
}
