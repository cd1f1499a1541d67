//! The part of a big article around the reading position, laid out first so
//! that a resize or a new load is on screen within a frame; the whole layout
//! follows from a worker (`app::rewrap`).

use super::body::{BodyLayout, layout_part};
use crate::document::Document;

/// Articles with at least this much text are laid out around the position
/// first (the whole of a 10 MB article takes ~140 ms).
pub const PARTIAL_MIN: usize = 1 << 20;

/// How many blocks before the position's block the part starts (room to
/// scroll back a little while the rest is laid out).
const BACK_BLOCKS: usize = 40;

/// How many bytes of text from the position's block on the part covers at
/// least: many screens at any width, laid out in a few milliseconds.
const AHEAD_BYTES: usize = 64 * 1024;

/// The layout of the blocks around byte `anchor`: what
/// [`super::body::layout`] gives for them, marked `partial` unless it is the
/// whole article.
#[must_use]
pub fn layout_around(
    doc: &Document,
    anchor: usize,
    width: u16,
    show_furniture: bool,
) -> BodyLayout {
    let n = doc.blocks.len();
    let at = doc
        .blocks
        .partition_point(|b| b.span.end <= anchor)
        .min(n.saturating_sub(1));
    let from = at.saturating_sub(BACK_BLOCKS);
    let mut to = at;
    let mut bytes = 0;
    while to < n && bytes < AHEAD_BYTES {
        bytes += doc.blocks[to]
            .span
            .end
            .saturating_sub(doc.blocks[to].span.start)
            + 1;
        to += 1;
    }
    let mut lay = layout_part(doc, from..to, width, show_furniture);
    lay.partial = to - from < n;
    lay
}

/// True when byte `at` is inside what `lay` lays out (short of its last
/// line, or it is the whole article).
#[must_use]
pub fn covers(lay: &BodyLayout, at: usize) -> bool {
    !lay.partial
        || lay
            .line_start
            .first()
            .zip(lay.line_start.last())
            .is_some_and(|(&first, &last)| first <= at && at < last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::body::layout;
    use crate::document::{Format, parse_str};

    /// An article of `paras` numbered paragraphs of ~300 bytes.
    fn article(paras: usize) -> Document {
        let mut text = String::new();
        for i in 0..paras {
            text.push_str(&format!("Paragraph {i} {}\n\n", "word ".repeat(60)));
        }
        parse_str(&text, Format::Plain)
    }

    #[test]
    fn the_part_around_the_position_is_the_whole_layout_there() {
        let doc = article(2000);
        let whole = layout(&doc, 50, false);
        let anchor = doc.text.find("Paragraph 1000 ").unwrap();
        let part = layout_around(&doc, anchor, 50, false);
        assert!(part.partial && !whole.partial);
        assert!(part.lines.len() < whole.lines.len() / 2);
        // The part's lines are the whole layout's lines from where it starts.
        let first = part.line_start[0];
        let off = whole.line_of(first);
        assert_eq!(whole.line_start[off], first);
        assert_eq!(part.lines[..], whole.lines[off..off + part.lines.len()]);
        // The position is in it, with room to scroll back and many screens ahead.
        let line = part.line_of(anchor);
        assert!(part.line_start[line] <= anchor && line > 40);
        assert!(part.lines.len() - line > 200);
    }

    #[test]
    fn a_part_covers_its_own_text_only() {
        let doc = article(2000);
        let at = doc.text.find("Paragraph 1000 ").unwrap();
        let part = layout_around(&doc, at, 50, false);
        assert!(covers(&part, at));
        assert!(!covers(&part, 0));
        assert!(!covers(&part, doc.text.len() - 1));
        assert!(covers(&layout(&doc, 50, false), 0));
    }

    #[test]
    fn a_short_article_is_laid_out_whole() {
        let doc = article(20);
        let part = layout_around(&doc, 0, 50, false);
        assert!(!part.partial);
        assert_eq!(part, layout(&doc, 50, false));
    }

    #[test]
    fn a_position_past_the_end_shows_the_last_blocks() {
        let doc = article(2000);
        let part = layout_around(&doc, doc.text.len() + 10, 50, false);
        let whole = layout(&doc, 50, false);
        assert_eq!(part.lines.last(), whole.lines.last());
    }
}
