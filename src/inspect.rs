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
    mut out: W,
    pretty: bool,
) -> serde_json::Result<()> {
    let health = crate::sources::health_of(doc);
    let view = |blocks| View {
        doc,
        health: &health,
        blocks,
    };
    let all = 0..doc.blocks.len();
    if pretty {
        return serde_json::to_writer_pretty(out, &view(all));
    }
    if doc.text.len() < crate::document::par::PARALLEL_MIN {
        return serde_json::to_writer(out, &view(all));
    }
    // A big document's blocks (nearly all of the output) in two halves, the
    // second on another core, set into the rest serialised without blocks.
    let frame = serde_json::to_vec(&view(0..0))?;
    let key = b"\"blocks\":[";
    let Some(open) = frame
        .windows(key.len())
        .position(|w| w == key)
        .map(|at| at + key.len())
    else {
        return serde_json::to_writer(out, &view(all));
    };
    let io = serde_json::Error::io;
    let (n, mid) = (doc.blocks.len(), doc.blocks.len() / 2);
    std::thread::scope(|s| {
        let tail = s.spawn(|| -> serde_json::Result<Vec<u8>> {
            let mut v = Vec::new();
            for b in &doc.blocks[mid..n] {
                v.push(b',');
                serde_json::to_writer(&mut v, &block_view(doc, b))?;
            }
            Ok(v)
        });
        out.write_all(&frame[..open]).map_err(io)?;
        for (k, b) in doc.blocks[..mid].iter().enumerate() {
            if k > 0 {
                out.write_all(b",").map_err(io)?;
            }
            serde_json::to_writer(&mut out, &block_view(doc, b))?;
        }
        let tail = match tail.join() {
            Ok(t) => t?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        out.write_all(tail.get(usize::from(mid == 0)..).unwrap_or_default())
            .map_err(io)?;
        out.write_all(&frame[open..]).map_err(io)
    })
}

/// What `inspect` shows of one block.
fn block_view<'a>(doc: &'a Document, b: &crate::document::Block) -> BlockView<'a> {
    BlockView {
        furniture: b.furniture,
        kind: b.kind,
        page: b.page,
        text: doc.slice(b.span),
    }
}

/// The whole document, keys sorted as `serde_json::Value` sorts them.
struct View<'a> {
    doc: &'a Document,
    health: &'a Health,
    /// Which blocks go in its `blocks` array.
    blocks: std::ops::Range<usize>,
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
                doc.blocks[self.blocks.clone()]
                    .iter()
                    .map(|b| block_view(doc, b))
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
#[path = "inspect_tests.rs"]
mod tests;
