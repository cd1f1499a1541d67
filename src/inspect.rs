//! The `ibid inspect` view of a document: a stable JSON shape other tools read.
//! [`write_json`] streams it (what the command uses); [`to_json`] builds the same
//! thing as a `serde_json::Value` tree.

use crate::document::{BlockKind, Document, Furniture, NoteRef};
use crate::sources::Health;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
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
                "kind": n.reference.key(),
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
        "description": doc.meta.description,
        "tags": doc.meta.tags,
        "format": doc.meta.format,
        "encoding": doc.meta.encoding,
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

/// Writes the same JSON as [`to_json`] (keys in the same sorted order), streamed from
/// borrowed views of the document: nothing but the health report is built first, so memory
/// stays near the document's own size.
///
/// # Errors
/// Writing failed (a closed pipe, a full disk).
pub fn write_json<W: std::io::Write>(
    doc: &Document,
    out: W,
    pretty: bool,
) -> serde_json::Result<()> {
    let health = crate::sources::health_of(doc);
    let view = View {
        doc,
        health: &health,
    };
    if pretty {
        serde_json::to_writer_pretty(out, &view)
    } else {
        serde_json::to_writer(out, &view)
    }
}

/// The whole document, keys sorted as `serde_json::Value` sorts them.
struct View<'a> {
    doc: &'a Document,
    health: &'a Health,
}

/// Serialises an iterator as a JSON array without collecting it.
struct Seq<F>(F);

impl<I, F> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let label = move |i: Option<usize>| i.and_then(|i| doc.notes.get(i)).map(|n| &*n.label);
        let mut m = s.serialize_map(Some(13))?;
        m.serialize_entry("author", &doc.meta.author)?;
        m.serialize_entry(
            "blocks",
            &Seq(|| {
                doc.blocks.iter().map(|b| BlockView {
                    furniture: b.furniture,
                    kind: b.kind,
                    page: b.page,
                    text: doc.slice(b.span),
                })
            }),
        )?;
        m.serialize_entry("date", &doc.meta.date)?;
        m.serialize_entry("description", &doc.meta.description)?;
        m.serialize_entry("diagnostics", &doc.diagnostics)?;
        m.serialize_entry("encoding", &doc.meta.encoding)?;
        m.serialize_entry("format", &doc.meta.format)?;
        m.serialize_entry(
            "furniture",
            &Seq(|| {
                doc.blocks.iter().filter_map(|b| {
                    b.furniture.map(|kind| FurnitureView {
                        kind,
                        text: doc.slice(b.span),
                    })
                })
            }),
        )?;
        m.serialize_entry("headings", &Seq(|| doc.headings().map(|(_, t, _)| t)))?;
        m.serialize_entry("health", &HealthView(self.health))?;
        m.serialize_entry(
            "markers",
            &Seq(|| {
                doc.markers.iter().map(move |mk| MarkerView {
                    label: &mk.label,
                    note: label(mk.note),
                })
            }),
        )?;
        m.serialize_entry(
            "notes",
            &Seq(|| {
                doc.notes.iter().map(move |n| NoteView {
                    doc,
                    note: n,
                    refers_to: label(n.refers_to),
                    same_as: label(n.same_as),
                })
            }),
        )?;
        m.serialize_entry("paragraphs", &doc.paragraph_count())?;
        m.serialize_entry("publication", &doc.meta.publication)?;
        m.serialize_entry("tags", &doc.meta.tags)?;
        m.serialize_entry("title", &doc.meta.title)?;
        m.serialize_entry("title_derived", &doc.meta.title_derived)?;
        m.end()
    }
}

#[derive(Serialize)]
struct MarkerView<'a> {
    label: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct FurnitureView<'a> {
    kind: Furniture,
    text: &'a str,
}

#[derive(Serialize)]
struct BlockView<'a> {
    furniture: Option<Furniture>,
    #[serde(serialize_with = "block_kind")]
    kind: BlockKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
    text: &'a str,
}

/// `BlockKind` as `Value` orders it: its fields, then `type`.
fn block_kind<S: Serializer>(k: &BlockKind, s: S) -> Result<S::Ok, S::Error> {
    let name = match k {
        BlockKind::Heading { .. } => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem { .. } => "list_item",
        BlockKind::Quote => "quote",
        BlockKind::Code => "code",
        BlockKind::Embed => "embed",
        BlockKind::Title => "title",
        BlockKind::Byline => "byline",
    };
    let mut m = s.serialize_map(None)?;
    match k {
        BlockKind::Heading { level } => m.serialize_entry("level", level)?,
        BlockKind::ListItem { number } => m.serialize_entry("number", number)?,
        _ => {}
    }
    m.serialize_entry("type", name)?;
    m.end()
}

struct NoteView<'a> {
    doc: &'a Document,
    note: &'a crate::document::Note,
    refers_to: Option<&'a str>,
    same_as: Option<&'a str>,
}

impl Serialize for NoteView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (doc, n) = (self.doc, self.note);
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("kind", note_kind(n.reference))?;
        m.serialize_entry("label", &n.label)?;
        m.serialize_entry(
            "markers",
            &Seq(|| {
                n.markers
                    .iter()
                    .map(|&i| doc.markers.get(i).map_or("", |mk| &*mk.label))
            }),
        )?;
        m.serialize_entry("refers_to", &self.refers_to)?;
        m.serialize_entry("same_as", &self.same_as)?;
        m.serialize_entry("text", doc.slice(n.span))?;
        m.serialize_entry("unresolved", &n.unresolved.is_some())?;
        m.serialize_entry("unresolved_reason", &n.unresolved)?;
        m.end()
    }
}

/// The health report with every object's keys sorted.
struct HealthView<'a>(&'a Health);

impl Serialize for HealthView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.0;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("duplicate_notes", &FindingView(&h.duplicate_notes))?;
        m.serialize_entry(
            "markers_out_of_order",
            &FindingView(&h.markers_out_of_order),
        )?;
        m.serialize_entry(
            "markers_without_note",
            &FindingView(&h.markers_without_note),
        )?;
        m.serialize_entry(
            "notes_without_marker",
            &FindingView(&h.notes_without_marker),
        )?;
        m.serialize_entry("suspicious_urls", &FindingView(&h.suspicious_urls))?;
        m.serialize_entry("unresolved_op_cit", &FindingView(&h.unresolved_op_cit))?;
        m.end()
    }
}

struct FindingView<'a>(&'a crate::sources::Finding);

impl Serialize for FindingView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("count", &f.count)?;
        if !f.details.is_empty() {
            m.serialize_entry("details", &f.details)?;
        }
        m.serialize_entry("labels", &f.labels)?;
        m.end()
    }
}

fn note_kind(r: NoteRef) -> &'static str {
    r.key()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed JSON is byte for byte what the `Value` tree printed, compact and pretty.
    #[test]
    fn streamed_json_equals_the_value_tree() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<std::path::PathBuf> = ["seeds", "tests/corpus"]
            .iter()
            .flat_map(|d| {
                std::fs::read_dir(dir.join(d))
                    .into_iter()
                    .flatten()
                    .flatten()
            })
            .map(|e| e.path())
            .filter(|p| crate::document::Format::is_readable_path(p))
            .collect();
        files.sort();
        assert!(files.len() >= 5, "{files:?}");
        let extra = "Title\n\n## A heading\n\n- item[1]\n1. one\n\n> quote\n\n[1]: note.\n";
        let mut docs: Vec<Document> = files
            .iter()
            .map(|p| crate::library::read_document(p).expect("readable"))
            .collect();
        docs.push(crate::document::parse_str(
            extra,
            crate::document::Format::Markdown,
        ));
        for doc in &docs {
            let v = to_json(doc);
            for pretty in [false, true] {
                let want = if pretty {
                    serde_json::to_string_pretty(&v)
                } else {
                    serde_json::to_string(&v)
                }
                .expect("value prints");
                let mut got = Vec::new();
                write_json(doc, &mut got, pretty).expect("streams");
                assert_eq!(
                    String::from_utf8(got).expect("utf-8"),
                    want,
                    "{}",
                    doc.meta.title
                );
            }
        }
    }
}
