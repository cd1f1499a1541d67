//! Pure text motions for the body cursor and selections: words, lines,
//! sentences and paragraphs, as byte ranges of `Document::text`. Only words
//! inside visible body blocks (not notes, not hidden furniture) are targets.

use super::view::BodyLayout;
use crate::document::{BlockKind, Document};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A motion that moves the cursor or extends a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// Next word (`w`, `e`).
    WordNext,
    /// Previous word (`b`).
    WordPrev,
    /// The word on the next display line.
    LineDown,
    /// The word on the previous display line.
    LineUp,
    /// End of this sentence, or of the next one (`)`).
    SentenceNext,
    /// Start of this sentence, or of the previous one (`(`).
    SentencePrev,
    /// End of this paragraph, or of the next one (`}`).
    ParaNext,
    /// Start of this paragraph, or of the previous one (`{`).
    ParaPrev,
}

/// Index of the visible body block containing byte `pos`; the title and
/// byline are not article text and cannot be selected.
#[must_use]
pub fn block_at(doc: &Document, pos: usize, furniture: bool) -> Option<usize> {
    let i = doc
        .blocks
        .partition_point(|b| b.span.start <= pos)
        .checked_sub(1)?;
    let b = &doc.blocks[i];
    let text = !matches!(b.kind, BlockKind::Title | BlockKind::Byline);
    (pos < b.span.end && text && (furniture || b.furniture.is_none())).then_some(i)
}

fn is_word(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// The first word starting at or after `pos` in a visible block.
#[must_use]
pub fn word_from(doc: &Document, pos: usize, furniture: bool) -> Option<Range<usize>> {
    let text = &doc.text;
    let mut at = pos.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Start of the word containing `at`, if any.
    let block = block_at(doc, at, furniture).map(|b| doc.blocks[b].span.start);
    let from = block.unwrap_or(at);
    let words = text.get(from..)?.split_word_bound_indices();
    words
        .map(|(i, w)| (from + i)..(from + i + w.len()))
        .filter(|r| r.end > at && is_word(&text[r.clone()]))
        .find(|r| block_at(doc, r.start, furniture).is_some())
}

/// The next word after `cur`.
#[must_use]
pub fn next_word(doc: &Document, cur: &Range<usize>, furniture: bool) -> Option<Range<usize>> {
    word_from(doc, cur.end, furniture)
}

/// The word before `cur`.
#[must_use]
pub fn prev_word(doc: &Document, cur: &Range<usize>, furniture: bool) -> Option<Range<usize>> {
    let before = doc.text.get(..cur.start)?;
    before
        .split_word_bound_indices()
        .rev()
        .map(|(i, w)| i..i + w.len())
        .filter(|r| is_word(&doc.text[r.clone()]))
        .find(|r| block_at(doc, r.start, furniture).is_some())
}

/// The first word on display line `line` or below.
#[must_use]
pub fn word_on_line(
    doc: &Document,
    lay: &BodyLayout,
    line: usize,
    furniture: bool,
) -> Option<Range<usize>> {
    let start = *lay.line_start.get(line)?;
    word_from(doc, start, furniture)
}

fn line_motion(
    doc: &Document,
    lay: &BodyLayout,
    cur: &Range<usize>,
    down: bool,
    furniture: bool,
) -> Option<Range<usize>> {
    let line = lay.line_of(cur.start);
    let col = cur.start - lay.line_start.get(line).copied().unwrap_or(0);
    let mut t = line;
    loop {
        t = if down { t + 1 } else { t.checked_sub(1)? };
        let l = lay.lines.get(t)?;
        if l.segs.is_empty() {
            continue;
        }
        let start = lay.line_start[t];
        let end = l.segs.last().map_or(start, |s| s.end);
        let w = word_from(doc, (start + col).min(end.saturating_sub(1)), furniture)?;
        if lay.line_of(w.start) == t || !down {
            return Some(w);
        }
        return word_from(doc, start, furniture);
    }
}

/// Sentences of the block containing `pos`, as trimmed byte ranges.
fn sentences(doc: &Document, pos: usize, furniture: bool) -> Vec<Range<usize>> {
    let Some(b) = block_at(doc, pos, furniture) else {
        return Vec::new();
    };
    let sp = doc.blocks[b].span;
    let t = doc.slice(sp);
    t.split_sentence_bound_indices()
        .map(|(i, s)| {
            let lead = s.len() - s.trim_start().len();
            (sp.start + i + lead)..(sp.start + i + s.trim_end().len())
        })
        .filter(|r| r.start < r.end)
        .collect()
}

fn block_range(doc: &Document, b: usize) -> Range<usize> {
    let sp = doc.blocks[b].span;
    sp.start..sp.end
}

/// Neighbouring visible block of `b` (forward or back).
fn neighbour(doc: &Document, b: usize, fwd: bool, furniture: bool) -> Option<usize> {
    let ok = |i: &usize| furniture || doc.blocks[*i].furniture.is_none();
    if fwd {
        (b + 1..doc.blocks.len()).find(ok)
    } else {
        (0..b).rev().find(ok)
    }
}

/// Applies `m` to the head range `cur`; `None` when there is nowhere to go.
#[must_use]
pub fn apply(
    doc: &Document,
    lay: &BodyLayout,
    cur: &Range<usize>,
    m: Motion,
    furniture: bool,
) -> Option<Range<usize>> {
    match m {
        Motion::WordNext => next_word(doc, cur, furniture),
        Motion::WordPrev => prev_word(doc, cur, furniture),
        Motion::LineDown => line_motion(doc, lay, cur, true, furniture),
        Motion::LineUp => line_motion(doc, lay, cur, false, furniture),
        Motion::SentenceNext => {
            let ss = sentences(doc, cur.start, furniture);
            match ss.iter().find(|r| r.end > cur.end) {
                Some(r) => Some(r.end..r.end),
                None => {
                    let b = block_at(doc, cur.start, furniture)?;
                    let n = neighbour(doc, b, true, furniture)?;
                    let first = sentences(doc, doc.blocks[n].span.start, furniture);
                    first.first().map(|r| r.end..r.end)
                }
            }
        }
        Motion::SentencePrev => {
            let ss = sentences(doc, cur.start, furniture);
            match ss.iter().rev().find(|r| r.start < cur.start) {
                Some(r) => Some(r.start..r.start),
                None => {
                    let b = block_at(doc, cur.start, furniture)?;
                    let p = neighbour(doc, b, false, furniture)?;
                    let last = sentences(doc, doc.blocks[p].span.start, furniture);
                    last.last().map(|r| r.start..r.start)
                }
            }
        }
        Motion::ParaNext => {
            let b = block_at(doc, cur.start, furniture)?;
            let r = block_range(doc, b);
            if cur.end < r.end {
                Some(r.end..r.end)
            } else {
                let n = neighbour(doc, b, true, furniture)?;
                let r = block_range(doc, n);
                Some(r.end..r.end)
            }
        }
        Motion::ParaPrev => {
            let b = block_at(doc, cur.start, furniture)?;
            let r = block_range(doc, b);
            if cur.start > r.start {
                Some(r.start..r.start)
            } else {
                let p = neighbour(doc, b, false, furniture)?;
                let r = block_range(doc, p);
                Some(r.start..r.start)
            }
        }
    }
}

/// The byte range of the visible block (paragraph) containing `pos`.
#[must_use]
pub fn paragraph_at(doc: &Document, pos: usize, furniture: bool) -> Option<Range<usize>> {
    block_at(doc, pos, furniture).map(|b| block_range(doc, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};

    #[test]
    fn words_sentences_paragraphs() {
        let doc = parse_str(
            "First one. Second two.\n\nNext para here.\n",
            Format::Markdown,
        );
        let lay = crate::app::view::layout(&doc, 80, false);
        let w = word_from(&doc, 0, false).expect("first word");
        assert_eq!(&doc.text[w.clone()], "First");
        let n = next_word(&doc, &w, false).expect("next");
        assert_eq!(&doc.text[n.clone()], "one");
        assert_eq!(prev_word(&doc, &n, false), Some(w.clone()));
        let s = apply(&doc, &lay, &w, Motion::SentenceNext, false).expect("sentence");
        assert_eq!(&doc.text[..s.end], "First one.");
        let p = apply(&doc, &lay, &w, Motion::ParaNext, false).expect("para");
        assert_eq!(&doc.text[..p.end], "First one. Second two.");
        let d = apply(&doc, &lay, &w, Motion::LineDown, false).expect("line");
        assert_eq!(&doc.text[d], "Next");
    }
}
