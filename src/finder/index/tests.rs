//! Tests of the finder index: building, entries, cache round trips.

use super::*;
use crate::document::{Format, parse_str};

fn doc(s: &str) -> Document {
    parse_str(s, Format::Plain)
}

#[test]
fn remove_keeps_other_articles_consistent() {
    let mut ix = Index::new();
    let a = doc("First Title\n\nIntro.\n\nSection One\n\nBody one is here.\n");
    let b = doc("Second Title\n\nIntro two.\n\nSection Two\n\nBody two is here.\n");
    ix.add_document(Path::new("a.txt"), &a, 1, 1);
    let db = ix.add_document(Path::new("b.txt"), &b, 1, 1);
    let before: Vec<Option<String>> = ix
        .entries()
        .iter()
        .filter(|e| e.doc == db)
        .map(|e| ix.heading_of(e).map(str::to_owned))
        .collect();
    assert!(ix.remove(Path::new("a.txt")));
    assert!(ix.entries().iter().all(|e| e.doc == db));
    let after: Vec<Option<String>> = ix
        .entries()
        .iter()
        .map(|e| ix.heading_of(e).map(str::to_owned))
        .collect();
    assert_eq!(before, after);
    assert_eq!(ix.doc_range(db), 0..ix.entries().len());
    assert!(ix.articles()[0].removed);
    for i in ix.small_entries() {
        assert_ne!(ix.entries()[i].kind, Kind::Passage);
    }
}

#[test]
fn annotations_are_replaced() {
    let mut ix = Index::new();
    let a = doc("First Title\n\nIntro.\n\nSection One\n\nBody one is here.\n");
    let p = Path::new("a.txt");
    ix.add_document(p, &a, 1, 1);
    let off = to_u32(a.text.find("Body").unwrap_or(0));
    ix.set_annotations(p, vec![(off, "Body one".into(), "check".into())]);
    ix.set_annotations(p, vec![(off, "Body one".into(), "again".into())]);
    let anns: Vec<&Entry> = ix
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Annotation)
        .collect();
    assert_eq!(anns.len(), 1);
    assert_eq!(&*anns[0].text, "Body one — again");
    assert!(!ix.set_annotations(Path::new("nope"), Vec::new()));
}

#[test]
fn annotations_change_one_article_without_copying_the_parsed_entries() {
    let mut ix = Index::new();
    let a = doc("First Title\n\nIntro.\n\nSection One\n\nBody one is here.\n");
    let b = doc("Second Title\n\nIntro two.\n\nSection Two\n\nBody two is here.\n");
    let (pa, pb) = (Path::new("a.txt"), Path::new("b.txt"));
    ix.add_document(pa, &a, 1, 1);
    ix.add_document(pb, &b, 1, 1);
    let off_b = to_u32(b.text.find("Body").unwrap_or(0));
    ix.set_annotations(pb, vec![(off_b, "Body two".into(), "b note".into())]);
    let published = ix.clone();
    let off_a = to_u32(a.text.find("Body").unwrap_or(0));
    ix.set_annotations(pa, vec![(off_a, "Body one".into(), String::new())]);
    assert!(
        Arc::ptr_eq(&ix.base, &published.base),
        "parsed entries shared"
    );
    let anns: Vec<(&str, Option<&str>)> = ix
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Annotation)
        .map(|e| (&*e.text, ix.heading_of(e)))
        .collect();
    assert_eq!(
        anns,
        vec![
            ("Body one", Some("Section One")),
            ("Body two — b note", Some("Section Two"))
        ]
    );
    // Scoped ids include the article's annotations.
    let db = ix.doc_of(pb).expect("b");
    let kinds: Vec<Kind> = ix.doc_ids(db).map(|i| ix.entries()[i].kind).collect();
    assert_eq!(kinds.last(), Some(&Kind::Annotation));
    assert!(ix.doc_ids(db).all(|i| ix.entries()[i].doc == db));
    // Re-indexing `a` moves the parsed ids: `b`'s annotation still sits under its heading.
    ix.add_document(pa, &a, 2, 2);
    let under: Vec<Option<&str>> = ix
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Annotation)
        .map(|e| ix.heading_of(e))
        .collect();
    assert_eq!(under, vec![Some("Section One"), Some("Section Two")]);
    ix.remove(pa);
    let left: Vec<&str> = ix
        .entries()
        .iter()
        .filter(|e| e.kind == Kind::Annotation)
        .map(|e| &*e.text)
        .collect();
    assert_eq!(left, vec!["Body two — b note"]);
    ix.set_annotations(pb, Vec::new());
    assert_eq!(ix.small_len(), ix.small_entries().count());
    assert!(ix.entries().iter().all(|e| e.kind != Kind::Annotation));
}
