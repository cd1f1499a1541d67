//! The `ibid inspect` view of a document: a stable JSON shape other tools read.

use crate::document::{Document, NoteRef};
use serde_json::{Value, json};

/// The document as JSON. Field names are a public interface: `title`,
/// `author`, `date`, `publication`, `headings`, `paragraphs`, `markers`,
/// `notes` keep their names and meaning; more fields may be added.
#[must_use]
pub fn to_json(doc: &Document) -> Value {
    let label = |i: Option<usize>| i.and_then(|i| doc.notes.get(i)).map(|n| n.label.clone());
    let markers: Vec<Value> = doc
        .markers
        .iter()
        .map(|m| json!({ "label": m.label, "note": label(m.note) }))
        .collect();
    let notes: Vec<Value> = doc
        .notes
        .iter()
        .map(|n| {
            json!({
                "label": n.label,
                "text": doc.slice(n.span),
                "kind": match n.reference { NoteRef::Plain => "note", NoteRef::Ibid => "ibid", NoteRef::OpCit => "op_cit" },
                "refers_to": label(n.refers_to),
                "same_as": label(n.same_as),
                "unresolved": n.unresolved.is_some(),
                "unresolved_reason": n.unresolved,
                "markers": n.markers.iter().map(|&m| doc.markers[m].label.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let furniture: Vec<Value> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            b.furniture
                .map(|f| json!({ "kind": f, "text": doc.slice(b.span) }))
        })
        .collect();
    let blocks: Vec<Value> = doc
        .blocks
        .iter()
        .map(|b| {
            let mut v =
                json!({ "kind": b.kind, "furniture": b.furniture, "text": doc.slice(b.span) });
            if let (Some(p), Some(o)) = (b.page, v.as_object_mut()) {
                o.insert("page".into(), json!(p));
            }
            v
        })
        .collect();
    json!({
        "title": doc.meta.title,
        "title_derived": doc.meta.title_derived,
        "author": doc.meta.author,
        "date": doc.meta.date,
        "publication": doc.meta.publication,
        "headings": doc.headings().map(|(_, t, _)| t).collect::<Vec<_>>(),
        "paragraphs": doc.paragraph_count(),
        "markers": markers,
        "notes": notes,
        "furniture": furniture,
        "blocks": blocks,
        "diagnostics": doc.diagnostics,
        "health": crate::sources::health_of(doc),
    })
}
