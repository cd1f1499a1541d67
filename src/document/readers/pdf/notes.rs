//! Footnotes from how they are set. Markers are superscripts in the body
//! (raised, smaller) that are digits, symbols or a letter; notes are the
//! blocks of smaller type at the foot of a page that open with the same
//! label (raised, or `1.`/`*` at the start); a foot block with no label at
//! the top of a page's notes continues the previous page's last note.
//! Endnotes are the labelled blocks under a `Notes` heading.
//!
//! Links are made by label and page: the k-th marker labelled `L` on a page
//! takes the first unused note `L` of that page (else of the next page, where
//! a note pushed over the break sits; else the endnote `L`). Labels that
//! restart (per page, per column) get a page suffix so each is unique:
//! `*`, then `*/p2`. Superscripts after a digit or a unit (`10³`, `km²`) and
//! ordinals (`2nd`) are not markers.

use super::blocks::Block;

/// A label at the start of a plain line: `12 `, `12. `, `* `, `† `.
#[must_use]
pub fn leading_label(t: &str) -> Option<&str> {
    let end = t.find(' ')?;
    let tok = &t[..end];
    let bare = tok.trim_end_matches(['.', ')']);
    let ok = (bare.len() <= 3 && !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit()))
        || (!bare.is_empty() && bare.chars().count() <= 3 && bare.chars().all(is_symbol));
    (ok && t[end..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit()))
    .then_some(bare)
}

/// Footnote symbols.
#[must_use]
pub fn is_symbol(c: char) -> bool {
    matches!(c, '*' | '†' | '‡' | '§' | '¶' | '‖' | '#' | '∗' | '⁎')
}

/// Units whose powers are written as superscripts.
const UNITS: &[&str] = &[
    "m", "cm", "mm", "km", "ft", "in", "mi", "s", "kg", "g", "yd", "nm", "μm", "µm", "sq",
];

/// One superscript label at a place in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Block index.
    pub block: usize,
    /// Line index in the block.
    pub line: usize,
    /// Byte range of the label in the line's text.
    pub range: std::ops::Range<usize>,
    /// The label as set.
    pub label: String,
}

/// Superscripts of body lines that may be markers, by shape alone.
#[must_use]
pub fn candidates(blocks: &[Block]) -> Vec<Mark> {
    let mut out = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        if b.furniture() || b.foot() {
            continue;
        }
        for (li, pl) in b.lines.iter().enumerate() {
            let t = &pl.line.text;
            for r in &pl.line.sups {
                if r.start == 0 && li == 0 {
                    continue; // a raised label opening a block: a note, handled apart
                }
                let before = t[..r.start].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_digit()) {
                    continue; // 10³
                }
                let word: String = t[..r.start]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if UNITS.contains(&word.as_str()) && t[..r.start].len() == word.len()
                    || UNITS.contains(&word.as_str())
                        && t[..r.start - word.len()].ends_with([' ', '(', '/'])
                {
                    continue; // km², m/s²
                }
                let mut at = r.start;
                for part in t[r.clone()].split(',') {
                    let s = at;
                    at += part.len() + 1;
                    let label = part.trim();
                    let off = part.len() - part.trim_start().len();
                    let is_label = (!label.is_empty()
                        && label.len() <= 3
                        && label.bytes().all(|c| c.is_ascii_digit()))
                        || (!label.is_empty()
                            && label.chars().count() <= 3
                            && label.chars().all(is_symbol))
                        || (label.len() == 1 && label.bytes().all(|c| c.is_ascii_lowercase()));
                    if is_label {
                        out.push(Mark {
                            block: bi,
                            line: li,
                            range: s + off..s + off + label.len(),
                            label: label.to_string(),
                        });
                    }
                }
            }
        }
    }
    out
}

/// A note found in the file.
#[derive(Debug, Clone)]
pub struct Found {
    /// Label as set.
    pub label: String,
    /// Page it starts on.
    pub page: u32,
    /// Its first block, and blocks continuing it (on the next page).
    pub blocks: Vec<usize>,
    /// Bytes of the label to strip from the first line.
    pub strip: usize,
    /// An endnote (under a Notes heading) rather than a footnote.
    pub endnote: bool,
}

fn is_notes_heading(t: &str) -> bool {
    let t = t.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "notes"
            | "endnotes"
            | "footnotes"
            | "end notes"
            | "notes and references"
            | "references and notes"
    )
}

/// The label opening a block's first line and the bytes it takes.
fn opening_label(b: &Block) -> Option<(String, usize)> {
    let l = &b.lines.first()?.line;
    if let Some(r) = l.sups.first().filter(|r| r.start == 0) {
        let label = l.text[r.clone()].trim().to_string();
        let rest = l.text[r.end..].len() - l.text[r.end..].trim_start().len();
        return (!label.is_empty()).then_some((label, r.end + rest));
    }
    let label = leading_label(&l.text)?;
    let tok = l.text.find(' ').unwrap_or(l.text.len());
    let rest = l.text[tok..].len() - l.text[tok..].trim_start().len();
    Some((label.to_string(), tok + rest))
}

/// Finds footnotes and endnotes. `cited` tells whether a body superscript
/// with this label sits on this page or the one before (plain `1.` labels
/// at the foot are only trusted then).
#[must_use]
pub fn find(blocks: &[Block], cited: &dyn Fn(&str, u32) -> bool) -> (Vec<Found>, Vec<bool>) {
    let mut notes: Vec<Found> = Vec::new();
    let mut taken = vec![false; blocks.len()];
    let heading = blocks.iter().rposition(|b| {
        !b.foot() && !b.furniture() && b.lines.len() == 1 && is_notes_heading(&b.lines[0].line.text)
    });
    let stop = heading.and_then(|h| {
        blocks[h + 1..]
            .iter()
            .position(|b| matches!(b.kind, super::blocks::Kind::Heading(_)))
            .map(|k| h + 1 + k)
    });
    let mut last_foot_page = 0;
    for (i, b) in blocks.iter().enumerate() {
        if b.furniture() {
            continue;
        }
        let endnote = heading.is_some_and(|h| i > h) && stop.is_none_or(|s| i < s) && !b.foot();
        if !(b.foot() || endnote) {
            continue;
        }
        let label = opening_label(b).filter(|(l, _)| {
            endnote
                || b.lines[0].line.sups.first().is_some_and(|r| r.start == 0)
                || cited(l, b.page())
        });
        match label {
            Some((label, strip)) => {
                notes.push(Found {
                    label,
                    page: b.page(),
                    blocks: vec![i],
                    strip,
                    endnote,
                });
                taken[i] = true;
            }
            None => {
                // Unlabelled: the rest of the note before it (same page),
                // or a note continued from the previous page.
                if let Some(n) = notes.last_mut().filter(|n| n.endnote == endnote) {
                    let first_on_page = b.foot() && last_foot_page != b.page();
                    if endnote || first_on_page || n.page == b.page() {
                        n.blocks.push(i);
                        taken[i] = true;
                    }
                }
            }
        }
        if b.foot() {
            last_foot_page = b.page();
        }
    }
    (notes, taken)
}

/// Links marks to notes; returns for each mark the note index, if any.
#[must_use]
pub fn link(marks: &[Mark], blocks: &[Block], notes: &[Found]) -> Vec<Option<usize>> {
    let mut used = vec![false; notes.len()];
    marks
        .iter()
        .map(|m| {
            let page = blocks[m.block].lines[m.line].page;
            let pick = |p: u32, used: &[bool]| {
                notes
                    .iter()
                    .enumerate()
                    .position(|(i, n)| !n.endnote && !used[i] && n.page == p && n.label == m.label)
            };
            let found = pick(page, &used).or_else(|| pick(page + 1, &used));
            if let Some(i) = found {
                used[i] = true;
                return Some(i);
            }
            notes.iter().position(|n| n.endnote && n.label == m.label)
        })
        .collect()
}

/// Labels unique among the notes: notes numbered afresh on each page (`1`
/// on pages 7 and 8, `*` on every page) keep their printed label with a
/// [`crate::document::LABEL_SUFFIX`] after it, so that each marker stays
/// linked to the note on its own page; the suffix is dropped once linked.
#[must_use]
pub fn unique_labels(notes: &[Found]) -> Vec<String> {
    let mut used = rustc_hash::FxHashSet::default();
    notes
        .iter()
        .map(|n| crate::document::distinct_label(&n.label, &mut used))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_labels() {
        assert_eq!(leading_label("12. Smith, p. 4"), Some("12"));
        assert_eq!(leading_label("* Convention of 1952"), Some("*"));
        assert_eq!(leading_label("† Observer"), Some("†"));
        assert_eq!(leading_label("1955 and 1956"), None);
        assert_eq!(leading_label("3 4 5"), None);
        assert!(is_notes_heading("Notes"));
        assert!(is_notes_heading("ENDNOTES"));
    }
}
