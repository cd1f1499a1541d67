//! The passes over a reader's paragraphs, in order: masthead, note
//! sections, furniture, structure, split paragraphs, markers; one role per
//! paragraph, decided pass by pass.

use super::cited::{Cached, first_citations, merge_by_para, para_candidates};
use super::conventions::{Candidate, Strength, scan};
use super::furniture;
use super::normalise_words;
use super::note_runs;
use super::notes::{self};
use super::raw::{Para, ParaKind};
use super::readers::{Format, Reading};
use super::{
    Block, BlockKind, Diagnostic, Document, Furniture, Inline, InlineKind, Marker, Span, front,
    structure,
};
use rustc_hash::FxHashMap as HashMap;

use super::chains::{meta, publication_from_headers, resolve_chains};
use super::linking::{add_notes, link_markers, push_inlines, report_orphans, with_markers};

/// What one paragraph turned out to be, decided pass by pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Article text (its kind is in the kinds list).
    Text,
    /// The title or byline, shown at the top of the body.
    Shown,
    /// Page furniture, hidden unless asked for.
    Furniture(Furniture),
    /// Part of a note (first paragraph or continuation).
    Note,
    /// Joined into an earlier paragraph (split by a page break).
    Merged,
}

/// Runs the passes over a reader's paragraphs.
pub(super) fn assemble(
    reading: Reading<'_>,
    format: Format,
    mut diagnostics: Vec<Diagnostic>,
) -> Document {
    let Reading {
        mut paras,
        stated,
        title_para,
    } = reading;
    // Pass: runs of notes printed in one paragraph become one note each.
    // (After the reader's title, whose index must hold.)
    note_runs::split(&mut paras, title_para.map_or(0, |t| t + 1));
    // Pass: masthead (title, byline, header blocks).
    let front = match title_para {
        // The reader found the header and the title: nothing to guess.
        Some(t) => front::Front {
            title_para: Some(t),
            ..front::Front::default()
        },
        None => {
            let mut f = front::read(&paras);
            // A stated title (a Gutenberg header) wins: a first line that is
            // not that title is no title (`TRANSCRIBER'S NOTES`).
            if let (Some(stated_title), Some(t)) = (&stated.title, f.title_para)
                && normalise_words(&paras[t].text) != normalise_words(stated_title)
            {
                f.title_para = None;
                f.title = None;
                f.masthead.retain(|&i| i != t);
            }
            f
        }
    };
    let mut roles: Vec<Role> = paras
        .iter()
        .map(|p| p.hidden.map_or(Role::Text, Role::Furniture))
        .collect();
    for &i in &front.masthead {
        roles[i] = Role::Furniture(Furniture::Masthead);
    }
    for i in [front.title_para, front.byline_para].into_iter().flatten() {
        roles[i] = Role::Shown;
    }

    // Pass: note sections. Where each label is first cited confirms notes.
    // Code the markup sets apart (`<pre>`, a fenced block) cites nothing:
    // `[1, 2, 3]` there is an array. (Plain text's code is a guess from its
    // shape, and RFCs indent their prose.)
    let markup_code = !matches!(format, Format::Plain | Format::Pdf);
    let (first_cited, cached) = first_citations(&paras, markup_code);
    let has_marker = |label: &str, at: usize| first_cited.get(label).is_some_and(|&p| p < at);
    let is_heading = |i: usize| structure::is_section_start(&paras[i]);
    let same = furniture::SameText::of(&paras);
    let repeats = furniture::repeated_lines(&same);
    let repeated = |i: usize| repeats[i];
    let mut layout = notes::find(&paras, &has_marker, &is_heading, &repeated);
    // Furniture the reader knows from the format is never a note.
    layout.notes.retain(|n| paras[n.para].hidden.is_none());
    for (t, p) in layout.taken.iter_mut().zip(&paras) {
        *t &= p.hidden.is_none();
    }
    for (i, taken) in layout.taken.iter().enumerate() {
        if *taken {
            roles[i] = Role::Note;
        }
    }
    for &i in &layout.chrome {
        roles[i] = Role::Furniture(Furniture::WebChrome);
    }
    for &i in &layout.rules {
        roles[i] = Role::Furniture(Furniture::PageBreak);
    }
    // A numbered notes heading (`7.1. Normative References`) or one the
    // markup sets as a heading is part of the document's structure and stays
    // in the outline; a bare `Notes` or `Endnotes:` line is furniture: its
    // notes are in the notes panel.
    for &i in &layout.headings {
        roles[i] = if super::headings::numbered(&paras[i].text).is_some()
            || matches!(paras[i].kind, ParaKind::Heading(_))
        {
            Role::Text
        } else {
            Role::Furniture(Furniture::NotesHeading)
        };
    }

    // Pass: furniture among what is still article text.
    let text_mask: Vec<bool> = roles.iter().map(|r| *r == Role::Text).collect();
    let publication = front.publication.clone();
    let furn = furniture::find(&paras, &text_mask, publication.as_deref(), &same);
    for (r, f) in roles.iter_mut().zip(&furn) {
        if let (Role::Text, Some(f)) = (*r, f) {
            *r = Role::Furniture(*f);
        }
    }

    // Pass: structure (headings, lists, preformatted) of the article text.
    let text_mask: Vec<bool> = roles.iter().map(|r| *r == Role::Text).collect();
    let mut kinds = structure::classify(&mut paras, &text_mask);
    for &i in &layout.headings {
        if !matches!(kinds[i], BlockKind::Heading { .. }) {
            kinds[i] = BlockKind::Heading { level: 2 };
        }
    }
    for m in join_split_paragraphs(&mut paras, &kinds, &text_mask) {
        roles[m] = Role::Merged;
    }
    if let Some(t) = front.title_para {
        kinds[t] = BlockKind::Title;
    }
    if let Some(b) = front.byline_para {
        kinds[b] = BlockKind::Byline;
    }

    // Pass: markers, candidates in article text confirmed against the notes.
    let note_index: HashMap<String, usize> = layout
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.label.clone(), i))
        .collect();
    // The candidates of article text: the cached ones where the paragraph is
    // unchanged (kept in place), the rest scanned again and merged in.
    let Cached {
        scanned,
        all: mut cands,
    } = cached;
    let wanted = |i: usize| matches!(roles[i], Role::Text | Role::Shown);
    cands.retain(|(i, _)| wanted(*i) && scanned[*i] == paras[*i].text.len());
    let rescanned: Vec<(usize, Candidate)> = paras
        .iter()
        .enumerate()
        .filter(|(i, p)| wanted(*i) && scanned[*i] != p.text.len())
        .flat_map(|(i, p)| {
            para_candidates(p, markup_code)
                .into_iter()
                .map(move |c| (i, c))
        })
        .collect();
    if !rescanned.is_empty() {
        cands = merge_by_para(cands, rescanned);
    }
    drop(scanned);
    // A document whose markup states its footnotes (`[1]_`, `[^1]`, an
    // anchor) has no bare numbers for markers: `Python 2.7` is a version,
    // an unlinked `x<sup>2</sup>` a square.
    if cands.iter().any(|(_, c)| c.strength == Strength::Markup) {
        cands.retain(|(_, c)| {
            !matches!(
                c.strength,
                Strength::Glued | Strength::Interior | Strength::Superscript
            )
        });
    }
    cands.shrink_to_fit();
    let ones: Vec<usize> = layout
        .notes
        .iter()
        .filter(|n| n.label == "1")
        .map(|n| n.para)
        .collect();
    // Accepted candidates come in paragraph order (`confirm` keeps the order
    // of `cands`): each paragraph's are the next run of them.
    let accepted = scan::confirm(&cands, &note_index, &ones);
    let mut next_accepted = 0;
    let mut found: Vec<&Candidate> = Vec::new();
    report_orphans(&cands, &accepted, &note_index, &mut diagnostics);

    let text_len: usize = paras.iter().map(|p| p.text.len() + 1).sum();
    let mut doc = Document {
        diagnostics,
        text: String::with_capacity(text_len + cands.len() * 2),
        blocks: Vec::with_capacity(paras.len()),
        markers: Vec::with_capacity(accepted.len()),
        inlines: Vec::with_capacity(
            accepted.len() + paras.iter().map(|p| p.inlines.len()).sum::<usize>(),
        ),
        ..Document::default()
    };
    let mut marker_paras: Vec<usize> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let furniture = match roles[i] {
            Role::Text | Role::Shown => None,
            Role::Furniture(f) => Some(f),
            Role::Note | Role::Merged => continue,
        };
        found.clear();
        while let Some(&k) = accepted.get(next_accepted)
            && cands[k].0 <= i
        {
            if cands[k].0 == i {
                found.push(&cands[k].1);
            }
            next_accepted += 1;
        }
        let found = found.as_slice();
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
            furniture,
            source: Span::new(p.source.start, p.source.end),
            page: p.page,
        });
        doc.text.push('\n');
    }
    // The candidates and then the reader's paragraphs are done with: free
    // them before the chains and the inline sort (the peak of memory).
    drop(found);
    drop(cands);
    add_notes(&mut doc, &paras, &layout, &mut marker_paras);
    link_markers(&mut doc, &layout, &paras, &marker_paras);
    drop(paras);
    resolve_chains(&mut doc);
    // Linked: labels as printed.
    for l in doc
        .markers
        .iter_mut()
        .map(|m| &mut m.label)
        .chain(doc.notes.iter_mut().map(|n| &mut n.label))
    {
        if let Some(at) = l.find(super::LABEL_SUFFIX) {
            l.truncate(at);
        }
    }
    doc.inlines
        .sort_by_key(|x| (x.span.start, std::cmp::Reverse(x.span.end)));
    doc.meta = meta(&doc, front, publication_from_headers(&doc), stated);
    doc.meta.format = format.name().into();
    doc.hidden_line_count = doc.count_hidden_lines();
    doc.text.shrink_to_fit();
    doc.blocks.shrink_to_fit();
    doc.inlines.shrink_to_fit();
    doc.markers.shrink_to_fit();
    doc.notes.shrink_to_fit();
    doc
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
