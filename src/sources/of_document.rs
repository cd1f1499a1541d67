//! Bridges a parsed [`Document`] to the sources module: note inputs, works,
//! and the citation-health report.

use super::{Health, HealthMarker, HealthNote, NoteInput, Work, check_health, works};
use crate::document::Document;

/// The document's notes as inputs for grouping into works.
#[must_use]
pub fn note_inputs(doc: &Document) -> Vec<NoteInput> {
    doc.notes
        .iter()
        .enumerate()
        .map(|(i, n)| NoteInput {
            label: n.label.clone(),
            text: doc.note_text(i).to_string(),
            refers_to: n.refers_to,
            same_as: n.same_as,
            markers: n
                .markers
                .iter()
                .map(|&m| doc.markers[m].label.clone())
                .collect(),
        })
        .collect()
}

/// The distinct works the document's notes cite, in order of first citation.
#[must_use]
pub fn works_of(doc: &Document) -> Vec<Work> {
    works(&note_inputs(doc))
}

/// Citation health of the document: markers without notes (from the
/// parser's diagnostics), notes without markers, order, unresolved op. cit.,
/// duplicates and suspicious URLs.
#[must_use]
pub fn health_of(doc: &Document) -> Health {
    let mut markers: Vec<HealthMarker> = doc
        .markers
        .iter()
        .map(|m| HealthMarker {
            label: m.label.clone(),
            note: m.note,
        })
        .collect();
    for d in &doc.diagnostics {
        if d.kind == crate::document::DiagnosticKind::OrphanMarker
            && let Some(label) = d
                .message
                .strip_prefix("marker ")
                .and_then(|r| r.strip_suffix(" has no note"))
        {
            markers.push(HealthMarker {
                label: label.to_string(),
                note: None,
            });
        }
    }
    let notes: Vec<HealthNote> = doc
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| HealthNote {
            label: n.label.clone(),
            text: doc.note_text(i).to_string(),
            refers_to: n.refers_to,
            unresolved: n.unresolved.is_some(),
        })
        .collect();
    check_health(&markers, &notes)
}
