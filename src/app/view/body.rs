//! Body layout: wraps an article to a width once (pure, cached by the caller
//! per (article, width, furniture)); scrolling and drawing only read the result.

use super::text::{cells, preformatted_lines, wrap};
use crate::document::{BlockKind, Document, InlineKind, Span};

/// Segment flag: italic.
pub const EMPH: u8 = 1;
/// Segment flag: bold.
pub const STRONG: u8 = 2;
/// Segment flag: inline code.
pub const CODE: u8 = 4;
/// Segment flag: link or URL.
pub const LINK: u8 = 8;
/// Segment flag: footnote marker.
pub const MARKER: u8 = 16;

/// A styled run of text on one line: bytes `start..end` of `Document::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// OR of the flag constants above.
    pub flags: u8,
}

/// What block a line belongs to (decides its base style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Prose, list items.
    Text,
    /// A heading of the given level.
    Heading(u8),
    /// A block quote or embed stand-in.
    Quote,
    /// Preformatted text.
    Code,
    /// Page furniture (shown dimmed on request).
    Furniture,
    /// The article's title.
    Title,
    /// The byline under the title.
    Byline,
    /// Spacing between blocks.
    Blank,
}

/// One display line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLine {
    /// Base style.
    pub kind: LineKind,
    /// Leading cells before the prefix/text.
    pub indent: u16,
    /// Bullet, number or quote bar shown before the text (first line only for bullets).
    pub prefix: Option<String>,
    /// The text runs, left to right.
    pub segs: Vec<Seg>,
}

impl BodyLine {
    /// Cells taken by indent and prefix.
    #[must_use]
    pub fn lead(&self) -> u16 {
        self.indent + self.prefix.as_deref().map_or(0, |p| cells(p) as u16)
    }
}

/// Where a footnote marker was laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerPos {
    /// Index into `Document::markers`.
    pub marker: usize,
    /// Display line.
    pub line: usize,
    /// First cell (from the text area's left edge).
    pub col: u16,
    /// Width in cells.
    pub width: u16,
}

/// An article wrapped to one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyLayout {
    /// Text width in cells the layout was made for.
    pub width: u16,
    /// Display lines.
    pub lines: Vec<BodyLine>,
    /// Byte offset each line starts at; non-decreasing (the scroll anchor index).
    pub line_start: Vec<usize>,
    /// Footnote markers in reading order.
    pub markers: Vec<MarkerPos>,
    /// Headings: (line, block index) in reading order.
    pub headings: Vec<(usize, usize)>,
    /// Only the part around the reading position (`view::partial`).
    pub partial: bool,
}

impl BodyLayout {
    /// The line showing byte `offset` (the last line starting at or before it).
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_start
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
    /// Largest useful top line for a view `height` lines tall.
    #[must_use]
    pub fn max_top(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }
    /// Index in `markers` of document marker `m`, if laid out.
    #[must_use]
    pub fn marker_slot(&self, m: usize) -> Option<usize> {
        self.markers.binary_search_by_key(&m, |p| p.marker).ok()
    }
    /// Markers laid out on lines `from..to`, as slots into `markers`.
    #[must_use]
    pub fn markers_in(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let a = self.markers.partition_point(|p| p.line < from);
        let b = self.markers.partition_point(|p| p.line < to);
        a..b
    }
    /// Block index of the heading above (or on) `line`.
    #[must_use]
    pub fn heading_at(&self, line: usize) -> Option<usize> {
        let i = self.headings.partition_point(|&(l, _)| l <= line);
        i.checked_sub(1).map(|i| self.headings[i].1)
    }
}

/// Inline styles as (span, flags, marker index) for styling a block's lines.
#[must_use]
pub fn styles_in(doc: &Document, span: Span) -> Vec<(Span, u8, Option<usize>)> {
    doc.inlines_in(span)
        .map(|i| match &i.kind {
            InlineKind::Emphasis => (i.span, EMPH, None),
            InlineKind::Strong => (i.span, STRONG, None),
            InlineKind::Code => (i.span, CODE, None),
            InlineKind::Link { .. } => (i.span, LINK, None),
            InlineKind::Marker { index } => (i.span, MARKER, Some(*index)),
        })
        .collect()
}

/// Cuts `start..end` at style boundaries into segments.
#[must_use]
pub fn segments(start: usize, end: usize, styles: &[(Span, u8, Option<usize>)]) -> Vec<Seg> {
    let mut cuts = vec![start, end];
    for (s, _, _) in styles {
        for p in [s.start, s.end] {
            if p > start && p < end {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let flags = styles
                .iter()
                .filter(|(s, _, _)| s.start <= w[0] && w[1] <= s.end)
                .fold(0, |f, (_, x, _)| f | x);
            Seg {
                start: w[0],
                end: w[1],
                flags,
            }
        })
        .collect()
}

/// Wraps the article to `width` cells. Furniture blocks are skipped unless
/// `show_furniture`. Blocks are separated by a blank line.
/// A long article is wrapped in two halves, one on another core, and the
/// halves joined: the same layout as in one go.
#[must_use]
pub fn layout(doc: &Document, width: u16, show_furniture: bool) -> BodyLayout {
    let n = doc.blocks.len();
    if doc.text.len() < PARALLEL_BYTES {
        return layout_part(doc, 0..n, width, show_furniture);
    }
    let half = doc.text.len() / 2;
    let cut = doc.blocks.partition_point(|b| b.span.start < half);
    std::thread::scope(|s| {
        let tail = s.spawn(|| layout_part(doc, cut..n, width, show_furniture));
        let head = layout_part(doc, 0..cut, width, show_furniture);
        match tail.join() {
            Ok(tail) => join(head, tail),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Articles at least this long are wrapped on two cores.
const PARALLEL_BYTES: usize = 1 << 20;

/// `tail` (laid out from a later block on) after `head`: its lines, markers and
/// headings move down by `head`'s lines, and its line starts are raised to
/// `head`'s last (each half keeps them non-decreasing from its own start).
fn join(mut head: BodyLayout, tail: BodyLayout) -> BodyLayout {
    let off = head.lines.len();
    let floor = head.line_start.last().copied().unwrap_or(0);
    head.lines.extend(tail.lines);
    head.line_start
        .extend(tail.line_start.into_iter().map(|s| s.max(floor)));
    head.markers
        .extend(tail.markers.into_iter().map(|m| MarkerPos {
            line: m.line + off,
            ..m
        }));
    head.headings
        .extend(tail.headings.into_iter().map(|(l, b)| (l + off, b)));
    head
}

/// The layout of `doc.blocks[blocks]`, as [`layout`] lays them out after the
/// blocks before them (whose last shown block decides the first separator).
pub(super) fn layout_part(
    doc: &Document,
    blocks: std::ops::Range<usize>,
    width: u16,
    show_furniture: bool,
) -> BodyLayout {
    let w = usize::from(width.max(1));
    let mut lay = BodyLayout {
        width,
        ..BodyLayout::default()
    };
    let from = blocks.start;
    let before = doc.blocks[..from]
        .iter()
        .rev()
        .find(|b| b.furniture.is_none() || show_furniture);
    let mut first_block = before.is_none();
    let mut prev_kind = before.map(|b| b.kind);
    let part = doc.blocks.get(blocks).unwrap_or_default();
    for (bi, b) in part.iter().enumerate().map(|(i, b)| (from + i, b)) {
        if b.furniture.is_some() && !show_furniture {
            continue;
        }
        let tight = matches!(b.kind, BlockKind::ListItem { .. })
            && matches!(prev_kind, Some(BlockKind::ListItem { .. }));
        prev_kind = Some(b.kind);
        if !first_block && !tight {
            lay.lines.push(BodyLine {
                kind: LineKind::Blank,
                indent: 0,
                prefix: None,
                segs: Vec::new(),
            });
            let prev = lay.line_start.last().copied().unwrap_or(0);
            lay.line_start
                .push(prev.max(b.span.start.saturating_sub(1)));
        }
        first_block = false;
        let (kind, indent, prefix, bar) = match (b.furniture, b.kind) {
            (Some(_), _) => (LineKind::Furniture, 0, None, false),
            (_, BlockKind::Heading { level }) => (LineKind::Heading(level), 0, None, false),
            (_, BlockKind::Title) => (LineKind::Title, 0, None, false),
            (_, BlockKind::Byline) => (LineKind::Byline, 0, None, false),
            (_, BlockKind::ListItem { number: Some(n) }) => {
                (LineKind::Text, 2, Some(format!("{n}. ")), false)
            }
            (_, BlockKind::ListItem { number: None }) => {
                (LineKind::Text, 2, Some("• ".to_string()), false)
            }
            (_, BlockKind::Quote | BlockKind::Embed) => {
                (LineKind::Quote, 1, Some("│ ".to_string()), true)
            }
            (_, BlockKind::Code) => (LineKind::Code, 4, None, false),
            (_, BlockKind::Paragraph) => (LineKind::Text, 0, None, false),
        };
        if matches!(kind, LineKind::Heading(_)) {
            lay.headings.push((lay.lines.len(), bi));
        }
        let lead = usize::from(indent) + prefix.as_deref().map_or(0, cells);
        let styles = styles_in(doc, b.span);
        // Preformatted text is never reflowed: its lines keep their leading
        // spaces and long ones are clipped.
        let ranges = if b.kind == BlockKind::Code {
            preformatted_lines(&doc.text, b.span)
        } else {
            let avail = w.saturating_sub(lead).max(1);
            wrap(&doc.text, b.span, avail, avail)
        };
        for (li, (s, e)) in ranges.into_iter().enumerate() {
            let segs = segments(s, e, &styles);
            let line = lay.lines.len();
            let this_lead = u16::try_from(lead).unwrap_or(u16::MAX);
            let mut col = this_lead;
            for sg in &segs {
                let sw = u16::try_from(cells(&doc.text[sg.start..sg.end])).unwrap_or(u16::MAX);
                if sg.flags & MARKER != 0
                    && let Some((_, _, Some(m))) = styles.iter().find(|(sp, _, mk)| {
                        mk.is_some() && sp.start <= sg.start && sg.end <= sp.end
                    })
                    && lay.markers.last().is_none_or(|p| p.marker != *m)
                {
                    lay.markers.push(MarkerPos {
                        marker: *m,
                        line,
                        col,
                        width: sw,
                    });
                }
                col = col.saturating_add(sw);
            }
            let (indent, prefix) = match (&prefix, li, bar) {
                (Some(p), 0, _) | (Some(p), _, true) => (indent, Some(p.clone())),
                _ => (u16::try_from(lead).unwrap_or(0), None),
            };
            lay.lines.push(BodyLine {
                kind,
                indent,
                prefix,
                segs,
            });
            lay.line_start
                .push(s.max(lay.line_start.last().copied().unwrap_or(0)));
        }
    }
    lay
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::text::cells;

    #[test]
    fn halves_joined_at_any_block_are_the_whole_layout() {
        let seeds = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
        let mut files: Vec<_> = std::fs::read_dir(seeds)
            .expect("seeds")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files.iter().take(3) {
            let doc = crate::library::read_document(f).expect("seed");
            let n = doc.blocks.len();
            for (width, show) in [(60, false), (37, true)] {
                let whole = layout_part(&doc, 0..n, width, show);
                for cut in (0..=n).step_by(3) {
                    let joined = join(
                        layout_part(&doc, 0..cut, width, show),
                        layout_part(&doc, cut..n, width, show),
                    );
                    assert_eq!(joined, whole, "{} cut at {cut}", f.display());
                }
            }
        }
    }

    #[test]
    fn layout_seed_fits_and_is_monotonic() {
        let doc = crate::library::read_document(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_90ed57cec86e1d59.txt"
        )))
        .expect("seed");
        for w in [10u16, 37, 80] {
            let lay = layout(&doc, w, false);
            assert!(lay.line_start.windows(2).all(|p| p[0] <= p[1]));
            for l in &lay.lines {
                let t: usize = l
                    .segs
                    .iter()
                    .map(|s| cells(&doc.text[s.start..s.end]))
                    .sum();
                assert!(
                    t + usize::from(l.lead()) <= usize::from(w).max(4),
                    "{t} > {w}"
                );
            }
            assert_eq!(lay.markers.len(), doc.markers.len());
        }
    }
}
