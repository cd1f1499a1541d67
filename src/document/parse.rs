//! The parsing pipeline: bytes → paragraphs (one reader per format) →
//! front matter, notes, furniture, structure, markers, citation chains →
//! [`Document`]. Total: any input yields a document, oddities become diagnostics.

use super::furniture;
use super::inline::{LocalInline, Rewrite};
use super::markers::{self, Candidate, Strength};
use super::notes::{self, NotesLayout};
use super::raw::Para;
use super::readers::{self, Format, Reading, Stated};
use super::{
    Block, BlockKind, Diagnostic, DiagnosticKind, Document, Furniture, Inline, InlineKind, Marker,
    Metadata, Note, Span, clean, front, metadata, structure,
};
use crate::citations::{self, NoteText};
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// Parses raw bytes, choosing the format from `path` and the content.
#[must_use]
pub fn parse(bytes: &[u8], path: Option<&Path>) -> Document {
    let ext_format = path
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    if let Some(f) = ext_format.filter(|f| !f.is_text()) {
        return parse_bytes(bytes, f);
    }
    let decoded = clean::decode(bytes);
    let format = Format::detect(path, &decoded.text);
    build(decoded, format)
}

/// Parses raw bytes in a given format.
#[must_use]
pub fn parse_bytes(bytes: &[u8], format: Format) -> Document {
    if format.is_text() {
        return build(clean::decode(bytes), format);
    }
    match readers::read_binary(bytes, format) {
        Ok(reading) => assemble(reading, format, Vec::new()),
        Err(message) => unreadable(format, &message),
    }
}

/// A document for a file its reader refused: the message is its only text.
fn unreadable(format: Format, message: &str) -> Document {
    let message = clean::sanitize(message);
    let mut doc = Document {
        text: format!("{message}\n"),
        ..Document::default()
    };
    doc.blocks.push(Block {
        kind: BlockKind::Paragraph,
        span: Span::new(0, message.len()),
        furniture: None,
        source: Span::new(0, 0),
        page: None,
    });
    doc.diagnostics
        .push(diag(DiagnosticKind::Unreadable, message.clone()));
    doc.meta = Metadata {
        title: "Unreadable file".into(),
        title_derived: true,
        format: format.name().into(),
        ..Metadata::default()
    };
    doc
}

/// Parses a string in a given format.
#[must_use]
pub fn parse_str(s: &str, format: Format) -> Document {
    build(clean::decode(s.as_bytes()), format)
}

fn build(decoded: clean::Decoded, format: Format) -> Document {
    let mut diagnostics = Vec::new();
    if decoded.lossy {
        diagnostics.push(diag(
            DiagnosticKind::InvalidUtf8,
            "the file is not valid UTF-8; unreadable bytes were replaced with �".into(),
        ));
    }
    if decoded.controls > 0 {
        diagnostics.push(diag(
            DiagnosticKind::ControlCharacters,
            format!(
                "{} control characters or escape sequences were made visible or removed",
                decoded.controls
            ),
        ));
    }
    let reading = readers::read_text(&decoded.text, format);
    let mut doc = assemble(reading, format, diagnostics);
    doc.meta.encoding = decoded.encoding.clone();
    doc
}

/// Runs the passes over a reader's paragraphs.
fn assemble(reading: Reading<'_>, format: Format, mut diagnostics: Vec<Diagnostic>) -> Document {
    let Reading { mut paras, stated } = reading;
    let front = front::read(&paras);

    // Where each label is first cited (as any kind of candidate).
    let (first_cited, mut cached) = first_citations(&paras);
    let has_marker = |label: &str, at: usize| first_cited.get(label).is_some_and(|&p| p < at);
    let mut layout = notes::find(&paras, &has_marker);
    // Furniture the reader knows from the format is never a note.
    layout.notes.retain(|n| paras[n.para].furniture.is_none());
    for (t, p) in layout.taken.iter_mut().zip(&paras) {
        *t &= p.furniture.is_none();
    }

    let mut is_masthead = vec![false; paras.len()];
    for &i in &front.masthead {
        is_masthead[i] = true;
    }
    let mut is_chrome = vec![false; paras.len()];
    for &i in &layout.chrome {
        is_chrome[i] = true;
    }
    let mut body: Vec<bool> = (0..paras.len())
        .map(|i| !layout.taken[i] && !is_masthead[i])
        .collect();
    let publication = front.publication.clone();
    let mut furn = furniture::find(&paras, &body, publication.as_deref());
    for &i in &front.masthead {
        furn[i] = Some(Furniture::Masthead);
    }
    // The title and byline are shown at the top of the body, not hidden.
    for i in [front.title_para, front.byline_para].into_iter().flatten() {
        furn[i] = None;
    }
    for &i in &layout.chrome {
        furn[i] = Some(Furniture::WebChrome);
    }
    // Furniture the reader knows from the format (a PDF's running heads).
    for (f, p) in furn.iter_mut().zip(&paras) {
        if p.furniture.is_some() {
            *f = p.furniture;
        }
    }
    for (b, f) in body.iter_mut().zip(&furn) {
        *b &= f.is_none();
    }
    let mut kinds = structure::classify(&mut paras, &body);

    let mut merged = vec![false; paras.len()];
    for m in join_split_paragraphs(&mut paras, &kinds, &body) {
        merged[m] = true;
        body[m] = false;
        kinds[m] = BlockKind::Paragraph;
    }

    if let Some(t) = front.title_para {
        kinds[t] = BlockKind::Title;
        body[t] = true;
    }
    if let Some(b) = front.byline_para {
        kinds[b] = BlockKind::Byline;
        body[b] = true;
    }

    // Markers: candidates in body paragraphs, confirmed against the notes.
    let note_index: HashMap<String, usize> = layout
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.label.clone(), i))
        .collect();
    let mut cands: Vec<(usize, Candidate)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if body[i] {
            let found = match cached.get_mut(i) {
                Some((len, c)) if *len == p.text.len() => std::mem::take(c),
                _ => para_candidates(p),
            };
            cands.extend(found.into_iter().map(|c| (i, c)));
        }
    }

    let accepted = markers::confirm(&cands, &note_index);
    let mut per_para: HashMap<usize, Vec<&Candidate>> = HashMap::default();
    for &k in &accepted {
        per_para.entry(cands[k].0).or_default().push(&cands[k].1);
    }
    report_orphans(&cands, &accepted, &note_index, &mut diagnostics);

    let text_len: usize = paras.iter().map(|p| p.text.len() + 1).sum();
    let mut doc = Document {
        diagnostics,
        text: String::with_capacity(text_len + cands.len() * 2),
        blocks: Vec::with_capacity(paras.len()),
        ..Document::default()
    };
    let mut marker_paras: Vec<usize> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let is_block = (body[i] || furn[i].is_some()) && !layout.taken[i] || is_chrome[i];
        if !is_block || merged[i] {
            continue;
        }
        let found = per_para.get(&i).map(Vec::as_slice).unwrap_or_default();
        let start = doc.text.len();
        let (inlines, marks) = if found.is_empty() {
            // No markers: the paragraph's text and styles go in unchanged.
            doc.text.push_str(&p.text);
            (p.inlines.clone(), Vec::new())
        } else {
            let (text, inlines, marks) = with_markers(&p.text, &p.inlines, found);
            doc.text.push_str(&text);
            (inlines, marks)
        };
        let block = doc.blocks.len();
        for (r, label) in marks {
            let index = doc.markers.len();
            let span = Span::new(start + r.start, start + r.end);
            doc.markers.push(Marker {
                label,
                span,
                block,
                note: None,
            });
            doc.inlines.push(Inline {
                span,
                kind: InlineKind::Marker { index },
            });
            marker_paras.push(p.source.start);
        }
        push_inlines(&mut doc.inlines, start, inlines);
        doc.blocks.push(Block {
            kind: kinds[i],
            span: Span::new(start, doc.text.len()),
            furniture: furn[i],
            source: Span::new(p.source.start, p.source.end),
            page: p.page,
        });
        doc.text.push('\n');
    }
    add_notes(&mut doc, &paras, &layout);
    link_markers(&mut doc, &layout, &paras, &marker_paras);
    resolve_chains(&mut doc);
    doc.inlines
        .sort_by_key(|x| (x.span.start, std::cmp::Reverse(x.span.end)));
    doc.meta = meta(&doc, front, publication_from_headers(&doc), stated);
    doc.meta.format = format.name().into();
    doc.text.shrink_to_fit();
    doc.blocks.shrink_to_fit();
    doc.inlines.shrink_to_fit();
    doc.markers.shrink_to_fit();
    doc.notes.shrink_to_fit();
    doc
}

fn diag(kind: DiagnosticKind, message: String) -> Diagnostic {
    Diagnostic { kind, message }
}

/// Candidates in one paragraph, outside links, plus markup references.
fn para_candidates(p: &Para) -> Vec<Candidate> {
    let links: Vec<std::ops::Range<usize>> = p
        .inlines
        .iter()
        .filter(|(_, k)| matches!(k, InlineKind::Link { .. } | InlineKind::Code))
        .map(|(r, _)| r.clone())
        .chain(p.refs.iter().map(|(r, _)| r.clone()))
        .collect();
    let mut c = markers::candidates(&p.text, &links);
    c.extend(p.refs.iter().map(|(r, l)| Candidate {
        range: r.clone(),
        label: l.clone(),
        strength: Strength::Markup,
    }));
    c.sort_by_key(|c| c.range.start);
    c
}

/// Candidates of one paragraph, remembered with the text length they were
/// computed for (a paragraph whose text changes later is scanned again).
type CachedCandidates = (usize, Vec<Candidate>);

/// For each label, the first paragraph citing it; plus every paragraph's
/// candidates.
fn first_citations(paras: &[Para]) -> (HashMap<String, usize>, Vec<CachedCandidates>) {
    let mut map = HashMap::default();
    let mut all = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        if notes::label_of(&p.text).is_some() {
            // A labelled paragraph (a note, a list item) cites nothing here;
            // scanned later only if it turns out to be body text.
            all.push((usize::MAX, Vec::new()));
            continue;
        }
        let cands = para_candidates(p);
        for c in &cands {
            if !map.contains_key(&c.label) {
                map.insert(c.label.clone(), i);
            }
        }
        all.push((p.text.len(), cands));
    }
    (map, all)
}

/// Joins paragraphs split by page breaks; returns the indices merged away.
fn join_split_paragraphs(paras: &mut [Para], kinds: &[BlockKind], body: &[bool]) -> Vec<usize> {
    let pairs = structure::split_pairs(paras, kinds, body);
    let mut merged = Vec::new();
    let mut root: HashMap<usize, usize> = HashMap::default();
    for (a, b) in pairs {
        let a = root.get(&a).copied().unwrap_or(a);
        let tail = paras[b].clone();
        paras[a].append(tail);
        root.insert(b, a);
        merged.push(b);
    }
    merged
}

/// A marker's byte range in its paragraph, with its label.
type LabelledRange = (std::ops::Range<usize>, String);

/// Rewrites accepted marker candidates as `[label]`; returns the text, the
/// shifted inlines and the markers' ranges with labels.
fn with_markers(
    text: &str,
    inlines: &[LocalInline],
    found: &[&Candidate],
) -> (String, Vec<LocalInline>, Vec<LabelledRange>) {
    let mut found: Vec<&Candidate> = found.to_vec();
    found.sort_by_key(|c| c.range.start);
    let edits: Vec<(std::ops::Range<usize>, String)> = found
        .iter()
        .map(|c| (c.range.clone(), format!("[{}]", c.label)))
        .collect();
    let rw = Rewrite::apply(text, &edits);
    let inl = inlines
        .iter()
        .map(|(r, k)| (rw.map(r.start)..rw.map(r.end), k.clone()))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    let marks = found
        .iter()
        .map(|c| {
            let s = rw.map(c.range.start);
            (s..s + c.label.len() + 2, c.label.clone())
        })
        .collect();
    (rw.text, inl, marks)
}

fn push_inlines(out: &mut Vec<Inline>, start: usize, inlines: Vec<LocalInline>) {
    for (r, kind) in inlines {
        out.push(Inline {
            span: Span::new(start + r.start, start + r.end),
            kind,
        });
    }
}

/// Appends note texts after the body.
fn add_notes(doc: &mut Document, paras: &[Para], layout: &NotesLayout) {
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
        }
        if d.strip_close && text.trim_end().ends_with(']') {
            let cut = text.trim_end().len() - 1;
            text.truncate(cut);
            inlines.retain(|(r, _)| r.end <= cut);
        }
        let trimmed_start = text.len() - text.trim_start().len();
        let start = doc.text.len() + trimmed_start;
        doc.text.push_str(&text);
        let end = doc.text.len() - (text.len() - text.trim_end().len());
        push_inlines(&mut doc.inlines, doc.text.len() - text.len(), inlines);
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
fn link_markers(doc: &mut Document, layout: &NotesLayout, paras: &[Para], marker_src: &[usize]) {
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

fn report_orphans(
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

/// Fills Ibid./op. cit./identical-source links.
fn resolve_chains(doc: &mut Document) {
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
    let texts: Vec<NoteText<'_>> = doc
        .notes
        .iter()
        .zip(&italics)
        .map(|(n, it)| NoteText {
            text: doc.slice(n.span),
            italics: it,
        })
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
fn publication_from_headers(doc: &Document) -> Option<String> {
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

fn meta(
    doc: &Document,
    front: front::Front,
    header_pub: Option<String>,
    stated: Stated,
) -> Metadata {
    let (title, derived) = match stated.title.or(front.title) {
        Some(t) => (t, false),
        None => {
            let first = doc
                .body()
                .find(|(_, b)| b.kind == BlockKind::Paragraph)
                .map(|(_, b)| doc.slice(b.span));
            let t = first
                .map(|t| metadata::derive_title(t, 72))
                .filter(|t| !t.is_empty());
            (t.unwrap_or_else(|| "Untitled".to_string()), true)
        }
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
        ..Metadata::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_markdown_by_extension_and_content() {
        assert_eq!(
            Format::detect(Some(Path::new("a.md")), ""),
            Format::Markdown
        );
        assert_eq!(
            Format::detect(Some(Path::new("a.txt")), "[^1]: x\n[^2]: y"),
            Format::Plain
        );
        assert_eq!(
            Format::detect(None, "## A\ntext[^1]\n\n[^1]: x"),
            Format::Markdown
        );
    }
}
