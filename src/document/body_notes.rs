//! Notes set inside the body: Gutenberg blocks, `[n]` and symbol paragraphs
//! right after the paragraph that cites them, markup definitions.

use super::conventions::{Label, Style, label_of};
use super::notes::{NoteDraft, NotesLayout};
use super::raw::{Para, ParaKind};

/// A symbol label (`*`, `†`) opening a short indented paragraph: a note set
/// under verse or a quotation. Code rarely looks like this: it must be a line
/// or two of words.
pub(super) fn symbol_note_label(p: &Para) -> Option<Label> {
    // The ` * ` lines of a C comment (`* key XORd with ipad` … `*/`).
    if p.text.contains("*/") || p.text.contains("/*") {
        return None;
    }
    let l = label_of(&p.text).filter(|l| l.style == Style::Symbol)?;
    let rest = p.text.get(l.len..)?;
    let words = rest.split_whitespace().count();
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    (p.text.lines().count() <= 4 && words >= 1 && letters * 2 >= rest.trim().len()).then_some(l)
}

/// True when one of the few paragraphs before `i` carries symbol `label`
/// in its text (`openly*`, `Teach†`, a verse line opening `* `), not counting
/// separator lines of stars.
fn symbol_cited_before(paras: &[Para], i: usize, label: &str) -> bool {
    (i.saturating_sub(4)..i).any(|j| {
        let t = &paras[j].text;
        t.contains(label)
            && !t.chars().all(|c| c == '*' || c.is_whitespace())
            && !t.trim_start().starts_with(&format!("{label} "))
    })
}

/// Notes inside the body: Gutenberg blocks anywhere, `[n]` and symbol
/// paragraphs after a paragraph that cites them, Markdown definitions.
pub(super) fn in_body_notes(
    paras: &[Para],
    labels: &[Option<Label>],
    has_marker: &dyn Fn(&str, usize) -> bool,
    layout: &mut NotesLayout,
) {
    let mut inner = Vec::new();
    for i in 0..paras.len() {
        if layout.taken[i] {
            continue;
        }
        let Some(l) = &labels[i] else { continue };
        let Some(label) = &l.label else { continue };
        let is_def = matches!(paras[i].kind, ParaKind::FootnoteDef(_));
        if matches!(paras[i].kind, ParaKind::Code | ParaKind::Quote)
            && !symbol_cited_before(paras, i, label)
        {
            continue;
        }
        // A paragraph opening with a citation of a work the reference
        // list holds (`[CBCATT] describes a chosen plaintext attack …`)
        // is text that cites it, not a second note. (Numbers are reused:
        // books number their notes afresh in each chapter.)
        let listed = l.style == Style::Bracket
            && label.parse::<u64>().is_err()
            && layout.notes.iter().any(|n| n.label == *label);
        let keep = is_def
            || l.style == Style::GutenbergBlock
            || (matches!(l.style, Style::Bracket | Style::Symbol)
                && i > 0
                && !listed
                && (has_marker(label, i) || in_run(paras, labels, i, has_marker, layout)));
        if keep {
            layout.taken[i] = true;
            // A label alone on its line (`[14]`) heads the block below it
            // (often verse or a quotation).
            let mut continued = Vec::new();
            if paras[i].text.len() <= l.len
                && i + 1 < paras.len()
                && labels[i + 1].is_none()
                && !layout.taken[i + 1]
            {
                layout.taken[i + 1] = true;
                continued.push(i + 1);
            }
            inner.push(NoteDraft {
                label: label.clone(),
                para: i,
                continued,
                strip: l.len,
                strip_close: l.style == Style::GutenbergBlock,
            });
        }
    }
    if !inner.is_empty() {
        inner.append(&mut layout.notes);
        inner.sort_by_key(|n| n.para);
        layout.notes = inner;
    }
}

/// A bracketed number between its two neighbours in a run of notes (`[1337]
/// … [1338] … [1339] …`): the one before taken as a note, the one after
/// cited; the transcriber missed only this note's marker.
fn in_run(
    paras: &[Para],
    labels: &[Option<Label>],
    i: usize,
    has_marker: &dyn Fn(&str, usize) -> bool,
    layout: &NotesLayout,
) -> bool {
    let num = |k: usize| {
        labels[k]
            .as_ref()
            .filter(|l| l.style == Style::Bracket)
            .and_then(|l| l.label.as_ref())
            .and_then(|l| l.parse::<u64>().ok())
    };
    let Some(n) = num(i) else { return false };
    i + 1 < paras.len()
        && n > 0
        && layout.taken[i - 1]
        && num(i - 1) == Some(n - 1)
        && num(i + 1) == Some(n + 1)
        && has_marker(&(n + 1).to_string(), i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::raw::test_paras;

    #[test]
    fn c_comment_lines_are_no_symbol_notes() {
        let mut p = test_paras(&[
            "* opad is the byte 0x5c repeated 64 times\n* and text is the data\n*/",
            "* Bishop of London.",
        ]);
        for q in &mut p {
            q.kind = ParaKind::Code;
        }
        assert!(symbol_note_label(&p[0]).is_none());
        assert!(symbol_note_label(&p[1]).is_some(), "a note under verse");
    }
}
