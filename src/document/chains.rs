//! The citation-chain pass (Ibid., op. cit. and the rest, resolved by
//! `citations`) and the document's metadata from what was stated and read.

use super::readers::Stated;
use super::{BlockKind, Document, Furniture, InlineKind, Metadata, front, metadata};
use crate::citations::{self, NoteText};

/// Fills Ibid./op. cit./identical-source links.
pub(super) fn resolve_chains(doc: &mut Document) {
    let italics: Vec<Vec<std::ops::Range<usize>>> = doc
        .notes
        .iter()
        .map(|n| {
            doc.inlines_in(n.span)
                .filter(|x| matches!(x.kind, InlineKind::Emphasis))
                .map(|x| x.span.start - n.span.start..x.span.end.min(n.span.end) - n.span.start)
                .collect()
        })
        .collect();
    // The body text around each note's first marker: before it, `|`, and
    // the rest of the sentence after it. Only a back reference (op. cit.,
    // loc. cit., supra) ever reads it: without one, none is built.
    let back_refs = doc
        .notes
        .iter()
        .any(|n| citations::reference_of(doc.slice(n.span)).1.is_some());
    let contexts: Vec<String> = doc
        .notes
        .iter()
        .map(|n| {
            if !back_refs {
                return String::new();
            }
            let Some(m) = n.markers.first().and_then(|&m| doc.markers.get(m)) else {
                return String::new();
            };
            let block = doc.blocks.get(m.block).map_or(m.span, |b| b.span);
            let mut start = m.span.start.saturating_sub(600).max(block.start);
            while !doc.text.is_char_boundary(start) {
                start += 1;
            }
            let mut end = (m.span.end + 80).min(block.end);
            while !doc.text.is_char_boundary(end) {
                end -= 1;
            }
            let after = doc.text.get(m.span.end..end).unwrap_or("");
            let after = after.split(';').next().unwrap_or(after);
            format!(
                "{}|{after}",
                doc.text.get(start..m.span.start).unwrap_or("")
            )
        })
        .collect();
    let texts: Vec<NoteText<'_>> = doc
        .notes
        .iter()
        .zip(&italics)
        .map(|(n, it)| NoteText {
            text: doc.slice(n.span),
            italics: it,
            label: &n.label,
            context: "",
        })
        .collect();
    let texts: Vec<NoteText<'_>> = texts
        .into_iter()
        .zip(&contexts)
        .map(|(t, c)| NoteText { context: c, ..t })
        .collect();
    let res = citations::resolve(&texts);
    for (n, r) in doc.notes.iter_mut().zip(res) {
        n.reference = r.reference;
        n.refers_to = r.refers_to;
        n.same_as = r.same_as;
        n.unresolved = r.unresolved;
    }
}

/// The publication named in a running header (`Asia Pacific Bulletin | date`).
pub(super) fn publication_from_headers(doc: &Document) -> Option<String> {
    doc.blocks
        .iter()
        .filter(|b| b.furniture == Some(Furniture::RunningHeader))
        .find_map(|b| {
            let t = doc.slice(b.span);
            let first = t.split(" | ").next()?.trim();
            (metadata::find_date(first).is_none() && first.chars().any(char::is_alphabetic))
                .then(|| first.to_string())
        })
}

pub(super) fn meta(
    doc: &Document,
    front: front::Front,
    header_pub: Option<String>,
    stated: Stated,
) -> Metadata {
    let (title, derived) = if let Some(t) = stated.title.or(front.title) {
        (t, false)
    } else {
        let first = doc
            .body()
            .find(|(_, b)| b.kind == BlockKind::Paragraph)
            .map(|(_, b)| doc.slice(b.span));
        let t = first
            .map(|t| metadata::derive_title(t, 72))
            .filter(|t| !t.is_empty());
        (t.unwrap_or_else(|| "Untitled".to_string()), true)
    };
    Metadata {
        title,
        title_derived: derived,
        author: stated.author.or(front.author),
        date: stated.date.or(front.date),
        publication: front.publication.or(header_pub),
        description: stated.description,
        source_url: stated.source_url,
        language: stated.language,
        tags: stated.tags,
        ..Metadata::default()
    }
}
