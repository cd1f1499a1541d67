//! Blocks → paragraphs: lines joined (hyphenation undone), markers given as
//! explicit references, notes as `FootnoteDef` paragraphs with unique labels (shown as printed),
//! and body paragraphs that run on over a column or page break joined.

use super::blocks::{Block, Kind};
use super::notes::{self, Found};
use super::text::{self, Words};
use crate::document::Furniture;
use crate::document::InlineKind;
use crate::document::inline::LocalInline;
use crate::document::raw::{Para, ParaKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;

type Refs = Vec<(Range<usize>, String)>;

/// Linked marks by (block, line): byte range in the line, final label.
type MarksByLine = HashMap<(usize, usize), Refs>;

/// Paragraphs for `blocks` in reading order.
#[must_use]
pub fn paras(blocks: &[Block]) -> Vec<Para<'static>> {
    let mut words = Words::default();
    for b in blocks {
        for l in &b.lines {
            words.add_line(&l.line.text);
        }
    }
    let marks = notes::candidates(blocks);
    let cited: HashSet<(&str, u32)> = marks
        .iter()
        .map(|m| (m.label.as_str(), blocks[m.block].lines[m.line].page))
        .collect();
    let is_cited =
        |l: &str, p: u32| cited.contains(&(l, p)) || cited.contains(&(l, p.saturating_sub(1)));
    let (found, taken) = notes::find(blocks, &is_cited);
    let links = notes::link(&marks, blocks, &found);
    let labels = notes::unique_labels(&found);
    // Linked marks per (block, line): range in the line and final label.
    let mut by_line: MarksByLine = HashMap::default();
    for (m, note) in marks.iter().zip(&links) {
        if let Some(n) = note {
            by_line
                .entry((m.block, m.line))
                .or_default()
                .push((m.range.clone(), labels[*n].clone()));
        }
    }
    let note_at: HashMap<usize, usize> = found
        .iter()
        .enumerate()
        .map(|(i, n)| (n.blocks[0], i))
        .collect();
    let indents = uses_indents(blocks);

    let mut out: Vec<Para<'static>> = Vec::new();
    let mut offset = 0usize;
    let mut last_body: Option<(usize, usize)> = None; // (para, block)
    for (bi, b) in blocks.iter().enumerate() {
        if let Some(&n) = note_at.get(&bi) {
            let p = note_para(blocks, &found[n], &labels[n], &by_line, &words);
            offset = push(&mut out, p, offset);
            continue;
        }
        if taken[bi] {
            continue;
        }
        let (text, refs) = block_text(blocks, bi, &by_line, &words, 0);
        if text.trim().is_empty() {
            continue;
        }
        if b.furniture() {
            let mut p = para(text, ParaKind::Unknown, b.page(), refs);
            p.hidden = Some(Furniture::RunningHeader);
            offset = push(&mut out, p, offset);
            continue;
        }
        let kind = match b.kind {
            Kind::Heading(l) => ParaKind::Heading(l),
            Kind::Quote => ParaKind::Quote,
            Kind::Code => ParaKind::Code,
            Kind::Item => ParaKind::ListItem(None),
            Kind::Body | Kind::Caption => ParaKind::Unknown,
        };
        if b.kind == Kind::Body
            && let Some((pi, prev)) = last_body
            && continues(&blocks[prev], b, indents)
        {
            let p = &mut out[pi];
            let acc = p.text.to_mut();
            text::join_line(acc, &text, &words);
            let shift = acc.len() - text.len();
            p.refs.extend(
                refs.into_iter()
                    .map(|(r, l)| (r.start + shift..r.end + shift, l)),
            );
            p.source.end = offset;
            last_body = Some((pi, bi));
            continue;
        }
        let mut p = para(text, kind, b.page(), refs);
        if b.kind == Kind::Caption {
            p.inlines.push((0..p.text.len(), InlineKind::Emphasis));
        }
        offset = push(&mut out, p, offset);
        last_body = (b.kind == Kind::Body && !b.foot()).then_some((out.len() - 1, bi));
    }
    out
}

fn push(out: &mut Vec<Para<'static>>, mut p: Para<'static>, offset: usize) -> usize {
    p.source = offset..offset + p.text.len();
    let next = p.source.end + 1;
    out.push(p);
    next
}

/// A paragraph with the reader's defaults.
#[must_use]
pub fn para(text: String, kind: ParaKind, page: u32, refs: Refs) -> Para<'static> {
    Para {
        text: Cow::Owned(text),
        inlines: Vec::<LocalInline>::new(),
        kind,
        source: 0..0,
        blank_before: true,
        refs,
        page: Some(page),
        hidden: None,
    }
}

fn note_para(
    blocks: &[Block],
    n: &Found,
    label: &str,
    by_line: &MarksByLine,
    words: &Words,
) -> Para<'static> {
    let (mut acc, mut refs) = block_text(blocks, n.blocks[0], by_line, words, n.strip);
    for &c in &n.blocks[1..] {
        let (t, r) = block_text(blocks, c, by_line, words, 0);
        text::join_line(&mut acc, &t, words);
        let shift = acc.len() - t.len();
        refs.extend(
            r.into_iter()
                .map(|(x, l)| (x.start + shift..x.end + shift, l)),
        );
    }
    para(acc, ParaKind::FootnoteDef(label.to_string()), n.page, refs)
}

/// The text of one block (lines joined; `\n` between lines of tables),
/// its first `strip` bytes dropped, with its linked markers.
fn block_text(
    blocks: &[Block],
    bi: usize,
    by_line: &MarksByLine,
    words: &Words,
    strip: usize,
) -> (String, Refs) {
    let b = &blocks[bi];
    let mut acc = String::new();
    let mut refs = Refs::new();
    for (li, pl) in b.lines.iter().enumerate() {
        let skip = if li == 0 {
            strip.min(pl.line.text.len())
        } else {
            0
        };
        let (mut t, r) = line_text(&pl.line, by_line.get(&(bi, li)).map(Vec::as_slice), skip);
        if b.kind == Kind::Code {
            t = pad_cells(&t, &pl.line, skip);
            if !acc.is_empty() {
                acc.push('\n');
            }
            acc.push_str(&t);
        } else {
            text::join_line(&mut acc, &t, words);
        }
        let shift = acc.len() - t.len();
        refs.extend(
            r.into_iter()
                .map(|(x, l)| (x.start + shift..x.end + shift, l)),
        );
    }
    if acc.ends_with('\u{AD}') {
        acc.pop();
    }
    (acc, refs)
}

/// One line's text from byte `skip`: linked marks become references; other
/// superscripts after a digit or a unit are written `^n`.
fn line_text(
    l: &super::lines::Line,
    marks: Option<&[(Range<usize>, String)]>,
    skip: usize,
) -> (String, Refs) {
    let t = &l.text;
    let mut out = String::with_capacity(t.len() + 4);
    let mut refs = Refs::new();
    let mut at = skip;
    for r in l.sups.iter().filter(|r| r.start >= skip) {
        out.push_str(&t[at..r.start]);
        let mine: Vec<&(Range<usize>, String)> = marks
            .unwrap_or_default()
            .iter()
            .filter(|(m, _)| m.start >= r.start && m.end <= r.end)
            .collect();
        if mine.is_empty() {
            let before = t[..r.start].chars().next_back();
            if before.is_some_and(char::is_alphanumeric)
                && t[r.clone()].chars().all(|c| c.is_ascii_digit() || c == '-')
            {
                out.push('^');
            }
            out.push_str(&t[r.clone()]);
        } else {
            let base = out.len();
            out.push_str(&t[r.clone()]);
            for (m, label) in mine {
                refs.push((
                    base + m.start - r.start..base + m.end - r.start,
                    label.clone(),
                ));
            }
        }
        at = r.end;
    }
    out.push_str(&t[at.min(t.len())..]);
    (out.trim_start().to_string(), shift_left(refs, &out))
}

/// A table row with two more spaces before each cell (after the single
/// space the line has), so columns read apart; only where no reference is.
fn pad_cells(t: &str, l: &super::lines::Line, skip: usize) -> String {
    if !l.sups.is_empty() || skip > 0 {
        return t.to_string();
    }
    let mut out = t.to_string();
    for &(at, _) in l.cells.iter().rev() {
        if at <= out.len() && out.is_char_boundary(at) {
            out.insert_str(at, "  ");
        }
    }
    out
}

fn shift_left(refs: Refs, s: &str) -> Refs {
    let cut = s.len() - s.trim_start().len();
    refs.into_iter()
        .map(|(r, l)| (r.start - cut..r.end - cut, l))
        .collect()
}

/// Most multi-line body paragraphs open with an indented first line.
fn uses_indents(blocks: &[Block]) -> bool {
    let multi: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind == Kind::Body && !b.foot() && !b.furniture() && b.lines.len() >= 3)
        .collect();
    !multi.is_empty() && multi.iter().filter(|b| b.indented()).count() * 2 >= multi.len()
}

/// `next` continues `prev` over a column or page break.
fn continues(prev: &Block, next: &Block, indents: bool) -> bool {
    if prev.place() == next.place() || prev.foot() || next.foot() {
        return false;
    }
    if (prev.size() - next.size()).abs() > 0.1 * prev.size() {
        return false;
    }
    let (Some(last), Some(first)) = (prev.lines.last(), next.lines.first()) else {
        return false;
    };
    let ended = last
        .line
        .text
        .trim_end()
        .ends_with(['.', '!', '?', ':', '”', '"']);
    let lower = first
        .line
        .text
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let full = last.line.x1 > last.right - 2.0 * last.line.size;
    if indents {
        !next.indented() && (!ended || lower) || !next.indented() && full
    } else {
        // A sentence never ends on `the`, `of`, `and`: the page broke it
        // (`… For instance, the` / `United States is the top supplier …`).
        let open_word = last
            .line
            .text
            .split_whitespace()
            .next_back()
            .is_some_and(|w| OPEN_WORDS.contains(&w));
        !ended && (lower || last.line.text.ends_with([',', '-', ';']) || open_word || full)
    }
}

/// Words a sentence does not end on.
const OPEN_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "or", "for", "with", "that", "by", "on", "at",
    "from", "as", "is", "are", "was", "were", "be", "its", "their", "his", "her", "this", "these",
    "which", "who", "whose", "than", "into", "between", "under", "over", "about", "not", "but",
];
