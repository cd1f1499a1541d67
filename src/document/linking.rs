//! Building the model's markers and notes: marker text rewritten as
//! `[label]`, note texts appended after the body, each marker linked to
//! the note with its label nearest after it.

use super::conventions::{Candidate, Strength};
use super::inline::{LocalInline, Rewrite};
use super::notes::NotesLayout;
use super::raw::Para;
use super::{Diagnostic, DiagnosticKind, Document, Inline, InlineKind, Marker, Note, Span};
use rustc_hash::FxHashMap as HashMap;

/// A marker's byte range in its paragraph, with its label.
type LabelledRange = (std::ops::Range<usize>, String);

/// Rewrites accepted marker candidates as `[label]`; returns the text, the
/// shifted inlines and the markers' ranges with labels.
pub(super) fn with_markers(
    text: &str,
    inlines: &[LocalInline],
    found: &[&Candidate],
) -> (String, Vec<LocalInline>, Vec<LabelledRange>) {
    let mut found: Vec<&Candidate> = found.to_vec();
    found.sort_by_key(|c| c.range.start);
    let edits: Vec<(std::ops::Range<usize>, String)> = found
        .iter()
        .map(|c| {
            let shown = c.labels().fold(String::new(), |mut out, l| {
                out.push('[');
                out.push_str(super::printed_label(l));
                out.push(']');
                out
            });
            (c.range.clone(), shown)
        })
        .collect();
    let rw = Rewrite::apply(text, &edits);
    let inl = inlines
        .iter()
        .map(|(r, k)| (rw.map(r.start)..rw.map(r.end), k.clone()))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    let mut marks = Vec::with_capacity(found.len());
    for c in &found {
        let mut s = rw.map(c.range.start);
        for l in c.labels() {
            let shown = super::printed_label(l).len() + 2;
            marks.push((s..s + shown, l.to_string()));
            s += shown;
        }
    }
    (rw.text, inl, marks)
}

pub(super) fn push_inlines(out: &mut Vec<Inline>, start: usize, inlines: Vec<LocalInline>) {
    for (r, kind) in inlines {
        out.push(Inline {
            span: Span::new(start + r.start, start + r.end),
            kind,
        });
    }
}

/// Appends note texts after the body.
/// The markers the markup set inside notes (a Wikipedia note citing its
/// references) become markers too, after the body's, with their sources
/// added to `marker_src`.
pub(super) fn add_notes(
    doc: &mut Document,
    paras: &[Para],
    layout: &NotesLayout,
    marker_src: &mut Vec<usize>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for d in &layout.notes {
        let p = &paras[d.para];
        let strip = d.strip.min(p.text.len());
        let mut text = p.text[strip..].to_string();
        let mut inlines: Vec<LocalInline> = p
            .inlines
            .iter()
            .filter(|(r, _)| r.start >= strip)
            .map(|(r, k)| (r.start - strip..r.end - strip, k.clone()))
            .collect();
        let mut refs: Vec<(LabelledRange, usize)> = p
            .refs
            .iter()
            .filter(|(r, _)| r.start >= strip)
            .map(|(r, l)| {
                (
                    (r.start - strip..r.end - strip, l.clone()),
                    p.source.start + r.start,
                )
            })
            .collect();
        for &c in &d.continued {
            text.push(' ');
            let shift = text.len();
            text.push_str(&paras[c].text);
            inlines.extend(
                paras[c]
                    .inlines
                    .iter()
                    .map(|(r, k)| (r.start + shift..r.end + shift, k.clone())),
            );
            let src = paras[c].source.start;
            refs.extend(
                paras[c]
                    .refs
                    .iter()
                    .map(|(r, l)| ((r.start + shift..r.end + shift, l.clone()), src + r.start)),
            );
        }
        if d.strip_close && text.trim_end().ends_with(']') {
            let cut = text.trim_end().len() - 1;
            text.truncate(cut);
            inlines.retain(|(r, _)| r.end <= cut);
            refs.retain(|((r, _), _)| r.end <= cut);
        }
        let trimmed_start = text.len() - text.trim_start().len();
        let start = doc.text.len() + trimmed_start;
        doc.text.push_str(&text);
        let end = doc.text.len() - (text.len() - text.trim_end().len());
        let base = doc.text.len() - text.len();
        push_inlines(&mut doc.inlines, base, inlines);
        for ((r, label), src) in refs {
            let index = doc.markers.len();
            let span = Span::new(base + r.start, base + r.end);
            doc.markers.push(Marker {
                label,
                span,
                block: super::IN_A_NOTE,
                note: None,
            });
            doc.inlines.push(Inline {
                span,
                kind: InlineKind::Marker { index },
            });
            marker_src.push(src);
        }
        doc.text.push('\n');
        if let Some(&first) = seen.get(d.label.as_str()) {
            doc.diagnostics.push(diag(
                DiagnosticKind::DuplicateLabel,
                format!(
                    "two notes are labelled {} (notes {} and {})",
                    d.label,
                    first + 1,
                    doc.notes.len() + 1
                ),
            ));
        } else {
            seen.insert(&d.label, doc.notes.len());
        }
        doc.notes.push(Note {
            label: d.label.clone(),
            span: Span::new(start, end.max(start)),
            reference: super::NoteRef::Plain,
            refers_to: None,
            same_as: None,
            unresolved: None,
            markers: Vec::new(),
        });
    }
}

/// Links each marker to a note with its label: the first unused one after
/// it in the source, else the nearest before it.
pub(super) fn link_markers(
    doc: &mut Document,
    layout: &NotesLayout,
    paras: &[Para],
    marker_src: &[usize],
) {
    let mut by_label: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, n) in layout.notes.iter().enumerate() {
        by_label.entry(n.label.as_str()).or_default().push(i);
    }
    let mut used = vec![false; doc.notes.len()];
    let mut last_n: Option<u64> = None;
    for (m, &src) in marker_src.iter().enumerate() {
        let label = doc.markers[m].label.clone();
        let Some(cands) = by_label.get(label.as_str()) else {
            continue;
        };
        let pos = |i: usize| paras[layout.notes[i].para].source.start;
        let note = cands
            .iter()
            .copied()
            .find(|&i| !used[i] && pos(i) >= src)
            .or_else(|| {
                cands
                    .iter()
                    .copied()
                    .filter(|&i| pos(i) >= src)
                    .min_by_key(|&i| pos(i))
            })
            .or_else(|| {
                cands
                    .iter()
                    .copied()
                    .filter(|&i| pos(i) < src)
                    .max_by_key(|&i| pos(i))
            });
        if let Some(n) = note {
            used[n] = true;
            doc.markers[m].note = Some(n);
            doc.notes[n].markers.push(m);
        }
        if let Ok(v) = label.parse::<u64>() {
            if last_n.is_some_and(|l| v < l) {
                doc.diagnostics.push(diag(
                    DiagnosticKind::MarkerOutOfOrder,
                    format!("marker {v} comes after marker {}", last_n.unwrap_or(0)),
                ));
            }
            last_n = Some(v);
        }
    }
    for (i, n) in doc.notes.iter().enumerate() {
        if n.markers.is_empty() {
            doc.diagnostics.push(diag(
                DiagnosticKind::UnreferencedNote,
                format!("note {} (#{}) has no marker in the text", n.label, i + 1),
            ));
        }
    }
}

pub(super) fn report_orphans(
    cands: &[(usize, Candidate)],
    accepted: &[usize],
    notes: &HashMap<String, usize>,
    out: &mut Vec<Diagnostic>,
) {
    if notes.is_empty() {
        return;
    }
    let mut is_accepted = vec![false; cands.len()];
    for &k in accepted {
        is_accepted[k] = true;
    }
    for (k, (_, c)) in cands.iter().enumerate() {
        let strong = matches!(
            c.strength,
            Strength::Bracket | Strength::Superscript | Strength::Markup
        );
        if strong && !is_accepted[k] && !notes.contains_key(&c.label) {
            out.push(diag(
                DiagnosticKind::OrphanMarker,
                format!("marker {} has no note", c.label),
            ));
        }
    }
}

fn diag(kind: DiagnosticKind, message: String) -> Diagnostic {
    Diagnostic { kind, message }
}
