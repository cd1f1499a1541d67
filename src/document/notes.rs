//! The note-sections pass: finds the notes among the paragraphs. A section
//! under a notes heading (`Endnotes:`, `Notes`, `References`…) runs until the
//! document's next section begins; several such sections may exist (notes per
//! chapter). Without a heading, a trailing run of labelled paragraphs is the
//! notes. Notes set inside the body (Gutenberg `[Footnote n: …]` blocks,
//! `[n]`/`*`/`†` notes after the paragraph that cites them, Markdown
//! definitions) are found where they stand.

use super::body_notes::{in_body_notes, symbol_note_label};
use super::conventions::{Label, Style, label_of, numbered::bare_number_label};
use super::raw::{Para, ParaKind};

/// A note found in the input, before linking.
#[derive(Debug, Clone)]
pub struct NoteDraft {
    /// Final label.
    pub label: String,
    /// Index of the paragraph it starts at.
    pub para: usize,
    /// Paragraph indices of continuation paragraphs.
    pub continued: Vec<usize>,
    /// Bytes to strip from the start of the first paragraph.
    pub strip: usize,
    /// For `[Footnote n: …]`: strip a closing `]` at the end.
    pub strip_close: bool,
}

/// What the notes finder decided about every paragraph.
#[derive(Debug, Default)]
pub struct NotesLayout {
    /// Notes in order.
    pub notes: Vec<NoteDraft>,
    /// Paragraphs that belong to notes (first and continuation): not body.
    pub taken: Vec<bool>,
    /// Notes headings (`Notes`, `References`): shown as hidden headings.
    pub headings: Vec<usize>,
    /// Short paragraphs after the last notes that are neither notes nor
    /// article text (a web page's footer copied with it).
    pub chrome: Vec<usize>,
    /// Rule lines (`——————`) that open a page's footnotes.
    pub rules: Vec<usize>,
}

/// True for a notes section heading.
#[must_use]
pub fn is_notes_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.']).trim();
    // `17 References`, `8. Notes`, `Appendix B. References`.
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start();
    let t = t.to_lowercase();
    matches!(
        t.as_str(),
        "notes"
            | "endnotes"
            | "end notes"
            | "footnotes"
            | "foot notes"
            | "references"
            | "normative references"
            | "informative references"
            | "sources"
            | "citations"
            | "notes and references"
            | "references and notes"
            | "works cited"
            | "bibliography"
            | "notes and sources"
    )
}

/// True when a paragraph continues the note before it (a URL alone, or text
/// starting in lower case, or an access date in parentheses).
fn is_continuation(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with("(Accessed")
        || t.starts_with("(accessed")
        || t.chars().next().is_some_and(char::is_lowercase)
}

/// True for a page break met inside notes: the footer (`…   [Page 9]`) or,
/// right after it, the running header (a line `repeated` through the
/// document). It continues no note; the furniture pass hides it.
fn is_page_line(paras: &[Para], i: usize, repeated: &dyn Fn(usize) -> bool) -> bool {
    let page_break = |k: usize| super::furniture::is_page_break(&paras[k].text);
    page_break(i) || (i > 0 && repeated(i) && page_break(i - 1))
}

/// Short trailing paragraphs after the notes that may be page chrome.
const MAX_TRAILING_CHROME: usize = 6;

/// The labels of every paragraph, as far as the reader and the conventions tell.
fn labels_of(paras: &[Para]) -> Vec<Option<Label>> {
    // Each paragraph on its own: on two cores for a big text.
    let bytes = paras.iter().map(|p| p.text.len()).sum();
    super::par::map(paras.len(), bytes, |i| {
        let p = &paras[i];
        match &p.kind {
            ParaKind::FootnoteDef(l) => Some(Label {
                label: Some(l.clone()),
                len: 0,
                style: Style::Bracket,
            }),
            ParaKind::Heading(_) => None,
            // Verse and quotations carry symbol notes under them (`* Bishop.`).
            ParaKind::Code | ParaKind::Quote => symbol_note_label(p),
            ParaKind::ListItem(Some(n)) => Some(Label {
                label: Some(n.to_string()),
                len: 0,
                style: Style::Numbered,
            }),
            ParaKind::ListItem(None) => Some(Label {
                label: None,
                len: 0,
                style: Style::Bullet,
            }),
            ParaKind::Unknown | ParaKind::Paragraph | ParaKind::Text => label_of(&p.text),
        }
    })
}

/// Finds all notes in `paras`. `has_marker(label, at)` tells whether the
/// body before paragraph `at` contains a candidate marker with that label,
/// which is what confirms that a labelled paragraph is a note and not a list
/// item. `is_heading(i)` says whether paragraph `i` begins a section.
pub fn find(
    paras: &[Para],
    has_marker: &dyn Fn(&str, usize) -> bool,
    is_heading: &dyn Fn(usize) -> bool,
    repeated: &dyn Fn(usize) -> bool,
) -> NotesLayout {
    let mut layout = NotesLayout {
        taken: vec![false; paras.len()],
        ..NotesLayout::default()
    };
    let mut labels = labels_of(paras);
    // When the markup states its notes (definitions a reader gave), nothing
    // is guessed: no notes section by heading or shape, no list items.
    let explicit = paras
        .iter()
        .any(|p| matches!(p.kind, ParaKind::FootnoteDef(_)));
    if explicit {
        for (l, p) in labels.iter_mut().zip(paras) {
            if !matches!(p.kind, ParaKind::FootnoteDef(_)) {
                *l = None;
            }
        }
    }
    let mut regions = if explicit {
        Vec::new()
    } else {
        sections(paras, &mut labels, is_heading)
    };
    if regions.is_empty()
        && !explicit
        && let Some(start) = trailing_run_start(paras, &labels, has_marker)
    {
        regions.push((start, paras.len()));
    }
    let last_end = regions.last().map(|r| r.1);
    for &(start, end) in &regions {
        take_region(
            paras,
            &labels,
            (start, end),
            end == paras.len() && last_end == Some(end),
            has_marker,
            repeated,
            &mut layout,
        );
    }
    if !explicit {
        super::section_notes::find(paras, &labels, is_heading, &mut layout);
    }
    in_body_notes(paras, &labels, has_marker, &mut layout);
    super::page_notes::find(paras, &labels, has_marker, repeated, &mut layout);
    layout
}

/// Notes sections under notes headings: `(first paragraph, end)`. A section
/// ends at the next heading that is not itself followed by a note (a
/// chapter heading inside the endnotes keeps the section going).
fn sections(
    paras: &[Para],
    labels: &mut [Option<Label>],
    is_heading: &dyn Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        let candidate = matches!(p.kind, ParaKind::Unknown | ParaKind::Heading(_))
            && p.text.len() < 60
            && is_notes_heading(&p.text);
        if !candidate {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < paras.len() {
            // (Not in a list of `[n]` references: `1 Microsoft Way` is an
            // address in the authors' section after it.)
            let numbered = labels[i + 1..end]
                .iter()
                .flatten()
                .next()
                .is_none_or(|l| l.style == Style::Numbered);
            if numbered
                && labels[end].is_none()
                && paras[end].kind == ParaKind::Unknown
                && bare_number_label(&paras[end].text).is_some()
            {
                // Notes copied from a PDF often lose the period after their
                // number (`1 Thomas Schelling, …`): a bare number counts here.
                labels[end] = bare_number_label(&paras[end].text);
            }
            if labels[end].is_none() && is_heading(end) {
                // Only a note labelled like the section's first (not a
                // bullet list) keeps the section going past a heading.
                let style = labels[i + 1..end].iter().flatten().next().map(|l| l.style);
                let next_is_note = (end + 1..paras.len())
                    .take(2)
                    .find(|&k| !is_heading(k))
                    .is_some_and(|k| {
                        labels[k].as_ref().is_some_and(|l| {
                            l.label.is_some()
                                && l.style != Style::Symbol
                                && style.is_none_or(|s| s.same_family(l.style))
                        })
                    });
                if !next_is_note || is_notes_heading(&paras[end].text) {
                    break;
                }
            }
            end += 1;
        }
        if labels[i + 1..end].iter().any(Option::is_some) {
            out.push((i + 1, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Takes the notes of one region `start..end`; `at_end` allows trailing chrome.
fn take_region(
    paras: &[Para],
    labels: &[Option<Label>],
    (start, end): (usize, usize),
    at_end: bool,
    has_marker: &dyn Fn(&str, usize) -> bool,
    repeated: &dyn Fn(usize) -> bool,
    layout: &mut NotesLayout,
) {
    if start > 0 && is_notes_heading(&paras[start - 1].text) {
        layout.headings.push(start - 1);
    }
    let mut current: Option<usize> = None;
    let mut bullet_no = 0;
    let last_note = (start..end)
        .rev()
        .find(|&k| labels[k].is_some())
        .unwrap_or(start);
    // In a list of labelled references (`[ISO-14888-3] …`) a line opening
    // with a dash continues the entry (`- Discrete Logarithm Based
    // Mechanisms.`); it is no bullet note of its own.
    let first_style = labels[start..end].iter().flatten().next().map(|l| l.style);
    for i in start..end {
        let here = labels[i].as_ref().filter(|l| {
            let dash_line = l.style == Style::Bullet
                && first_style == Some(Style::Bracket)
                && current.is_some();
            // A list under `References` whose items open with `*` is a
            // bibliography unless the text cites `*`.
            let uncited_star =
                l.style == Style::Symbol && l.label.as_deref().is_some_and(|s| !has_marker(s, i));
            !dash_line && !uncited_star
        });
        match here {
            Some(l) => {
                bullet_no += 1;
                let label = l.label.clone().unwrap_or_else(|| bullet_no.to_string());
                if let Ok(n) = label.parse::<usize>() {
                    bullet_no = n;
                }
                layout.notes.push(NoteDraft {
                    label,
                    para: i,
                    continued: Vec::new(),
                    strip: l.len,
                    strip_close: l.style == Style::GutenbergBlock,
                });
                layout.taken[i] = true;
                current = Some(layout.notes.len() - 1);
            }
            None if current.is_some() && is_page_line(paras, i, repeated) => {
                // A page break inside the notes: skipped, the note goes on.
            }
            None => {
                let p = &paras[i];
                // A label alone on its line (`[triple-handshake]` over its
                // indented entry) is no note yet: what follows is its text,
                // even after the last label.
                let bare = current.is_some_and(|c| {
                    let n = &layout.notes[c];
                    n.continued.is_empty() && paras[n.para].text.trim_end().len() <= n.strip
                });
                let inside = i < last_note || bare;
                // Between two notes, an indented passage (a table, a quoted
                // line) and the paragraphs after it still belong to the note.
                let continues = current.is_some()
                    && (p.kind == ParaKind::Unknown
                        || (inside && matches!(p.kind, ParaKind::Quote | ParaKind::Code)))
                    && (is_continuation(&p.text) || inside);
                if continues {
                    if let Some(c) = current {
                        layout.notes[c].continued.push(i);
                    }
                    layout.taken[i] = true;
                } else if at_end
                    && i > last_note
                    && layout.chrome.len() < MAX_TRAILING_CHROME
                    && p.text.chars().count() < 120
                    && p.kind == ParaKind::Unknown
                {
                    layout.chrome.push(i);
                    layout.taken[i] = true;
                    current = None;
                } else {
                    current = None;
                }
            }
        }
    }
}

/// Start of a trailing run of labelled paragraphs forming the notes, found by
/// shape: from the end, skip a few short unlabelled paragraphs (chrome), then
/// take the run of labelled paragraphs (and their continuations) of one style.
fn trailing_run_start(
    paras: &[Para],
    labels: &[Option<Label>],
    has_marker: &dyn Fn(&str, usize) -> bool,
) -> Option<usize> {
    let mut i = paras.len();
    let mut skipped = 0;
    while i > 0
        && labels[i - 1].is_none()
        && skipped < MAX_TRAILING_CHROME
        && paras[i - 1].text.chars().count() < 120
    {
        i -= 1;
        skipped += 1;
    }
    let end = i;
    let style = labels.get(end.checked_sub(1)?)?.as_ref()?.style;
    if matches!(style, Style::GutenbergBlock | Style::Symbol) {
        return None; // placed where they belong; found by the in-body pass
    }
    let mut start = end;
    while start > 0 {
        let p = start - 1;
        match &labels[p] {
            Some(l) if l.style.same_family(style) => start = p,
            None if is_continuation(&paras[p].text) && p > 0 && labels[p - 1].is_some() => {
                start = p;
            }
            _ => break,
        }
    }
    if start == end || labels[start].is_none() {
        return None;
    }
    // Confirm: numbered runs start at 1; some label must be cited in the body.
    let first = labels[start].as_ref()?;
    if matches!(style, Style::Numbered | Style::Superscript | Style::Bracket)
        && first.label.as_deref() != Some("1")
    {
        return None;
    }
    // Bare numbers (`1 Microsoft Way`) are cited by bare markers only.
    let bare = paras[start]
        .text
        .trim_start()
        .split_once(' ')
        .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()));
    let mut n = 0;
    let cited = (start..end).any(|k| match &labels[k] {
        Some(l) => {
            n += 1;
            let label = l.label.clone().unwrap_or_else(|| n.to_string());
            if bare {
                has_marker(&format!("{}{label}", super::page_notes::BARE), start)
            } else {
                has_marker(&label, start)
            }
        }
        None => false,
    });
    cited.then_some(start)
}

#[cfg(test)]
#[path = "notes_tests.rs"]
mod tests;
