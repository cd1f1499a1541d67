//! Glyphs → lines. Glyphs sharing a baseline form a row; small glyphs raised
//! above a row (or set just above it) are its superscripts; a row splits into
//! segments at gaps wider than a column gutter, and each segment is a
//! [`Line`]. Spaces come from the gaps between glyphs, not from the file's
//! space characters, which many producers omit or misplace.

use super::{Glyph, Page};
use std::ops::Range;

/// One line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Text, with single spaces between words.
    pub text: String,
    /// Byte ranges of superscript runs in `text`.
    pub sups: Vec<Range<usize>>,
    /// Left edge (points from the page's left).
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline (points from the top).
    pub y: f32,
    /// Typical font size of its normal (not raised) glyphs.
    pub size: f32,
    /// (Nearly) all of its glyphs are bold.
    pub bold: bool,
    /// Most of its glyphs are italic.
    pub italic: bool,
    /// Most of its glyphs are fixed-pitch.
    pub mono: bool,
    /// Gaps inside the line much wider than a word space (table cells, or
    /// the loose spaces of justified fixed-pitch text): byte offset in `text`
    /// where the cell starts, and its left edge.
    pub cells: Vec<(usize, f32)>,
}

/// A glyph is raised when its baseline is this many ems above the row's.
const RAISE: f32 = 0.15;
/// A glyph is small when at most this fraction of the row's size.
const SMALL: f32 = 0.85;
/// A gap of this many ems or more splits a row into segments.
const SEGMENT_GAP: f32 = 0.9;
/// A gap of this many ems or more is a table cell boundary.
const CELL_GAP: f32 = 1.6;
/// A gap of this many ems or more is a word space.
const WORD_GAP: f32 = 0.16;

struct Row {
    y: f32,
    glyphs: Vec<(Glyph, bool)>,
}

impl Row {
    fn size(&self) -> f32 {
        median(self.glyphs.iter().filter(|(_, s)| !s).map(|(g, _)| g.size))
            .unwrap_or_else(|| median(self.glyphs.iter().map(|(g, _)| g.size)).unwrap_or(10.0))
    }
}

fn median(it: impl Iterator<Item = f32>) -> Option<f32> {
    let mut v: Vec<f32> = it.collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}

/// The page's lines, top to bottom, left to right.
#[must_use]
pub fn lines(page: &Page) -> Vec<Line> {
    let mut gs: Vec<Glyph> = page
        .glyphs
        .iter()
        .filter(|g| !g.ch.is_whitespace() && !g.ch.is_control())
        .copied()
        .collect();
    gs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Row> = Vec::new();
    for g in gs {
        match rows.last_mut() {
            Some(r) if g.y - r.y <= 0.2 * g.size.max(1.0) => r.glyphs.push((g, false)),
            _ => rows.push(Row {
                y: g.y,
                glyphs: vec![(g, false)],
            }),
        }
    }
    for r in &mut rows {
        // The row's baseline is that of its normal-size glyphs.
        let size = r.size();
        if let Some(y) = median(
            r.glyphs
                .iter()
                .filter(|(g, _)| g.size > SMALL * size)
                .map(|(g, _)| g.y),
        ) {
            r.y = y;
        }
        for (g, sup) in &mut r.glyphs {
            let small = g.size <= SMALL * size || super::notes::is_symbol(g.ch);
            *sup = small && g.y < r.y - RAISE * size;
        }
    }
    let mut segs: Vec<Vec<(Glyph, bool)>> = Vec::new();
    for mut r in rows {
        r.glyphs.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        let size = r.size();
        let mut start = 0;
        for i in 1..=r.glyphs.len() {
            let split = i == r.glyphs.len() || {
                let (p, _) = r.glyphs[i - 1];
                let (g, _) = r.glyphs[i];
                g.x - (p.x + p.w) > SEGMENT_GAP * size.max(p.size)
            };
            if split {
                segs.push(r.glyphs[start..i].to_vec());
                start = i;
            }
        }
    }
    attach_raised(&mut segs);
    segs.iter()
        .filter(|s| !s.is_empty())
        .filter_map(|s| make_line(s, s[0].0.y))
        .collect()
}

/// Bounds of a segment: (x0, x1, baseline of its normal glyphs, their size).
fn bounds(seg: &[(Glyph, bool)]) -> (f32, f32, f32, f32) {
    let Some(&(first, _)) = seg.first() else {
        return (0.0, 0.0, 0.0, 0.0);
    };
    let x0 = seg.iter().map(|(g, _)| g.x).fold(f32::MAX, f32::min);
    let x1 = seg.iter().map(|(g, _)| g.x + g.w).fold(f32::MIN, f32::max);
    let normal = || seg.iter().filter(|(_, s)| !s).map(|(g, _)| g);
    let y = median(normal().map(|g| g.y)).unwrap_or(first.y);
    let size = median(normal().map(|g| g.size)).unwrap_or(first.size);
    (x0, x1, y, size)
}

/// Short segments of small or symbol glyphs set just above a longer one
/// (superscripts raised beyond the row tolerance, footnote labels set on
/// their own baseline) join it as superscripts.
fn attach_raised(segs: &mut [Vec<(Glyph, bool)>]) {
    let info: Vec<(f32, f32, f32, f32)> = segs.iter().map(|s| bounds(s)).collect();
    for t in 0..segs.len() {
        let n = segs[t].len();
        if n == 0 || n > 4 {
            continue;
        }
        let (tx0, tx1, ty, tsize) = info[t];
        let tiny = &segs[t];
        let symbols = tiny
            .iter()
            .all(|(g, _)| super::notes::is_symbol(g.ch) || g.ch.is_ascii_digit());
        // Nearby segments only: rows are sorted by baseline.
        let lo = t.saturating_sub(200);
        let hi = (t + 200).min(segs.len());
        let host = (lo..hi)
            .filter(|&h| h != t && segs[h].len() > n)
            .find(|&h| {
                let (hx0, hx1, hy, hsize) = info[h];
                let rise = hy - ty;
                let small = tsize <= SMALL * hsize || symbols && tsize <= 1.05 * hsize;
                small
                    && rise > 0.1 * hsize
                    && rise <= 0.75 * hsize
                    && tx0 >= hx0 - 2.5 * hsize
                    && tx1 <= hx1 + hsize
            });
        if let Some(h) = host {
            let moved: Vec<(Glyph, bool)> = std::mem::take(&mut segs[t])
                .into_iter()
                .map(|(g, _)| (g, true))
                .collect();
            segs[h].extend(moved);
            segs[h].sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        }
    }
}

fn make_line(glyphs: &[(Glyph, bool)], row_y: f32) -> Option<Line> {
    let first = glyphs.first()?;
    // Size and baseline of this segment's own normal glyphs: a row can join
    // a note line in one column to a body line in the other.
    let normal = || glyphs.iter().filter(|(_, s)| !s).map(|(g, _)| g);
    let size = median(normal().map(|g| g.size)).unwrap_or(first.0.size);
    let y = median(normal().map(|g| g.y)).unwrap_or(row_y);
    let mut text = String::new();
    let mut sups: Vec<Range<usize>> = Vec::new();
    let mut cells = Vec::new();
    let mut prev: Option<(Glyph, bool)> = None;
    let (mut bold, mut italic, mut mono, mut normal) = (0, 0, 0, 0);
    for (i, &(g, sup)) in glyphs.iter().enumerate() {
        if g.ch == '\u{AD}' && i + 1 < glyphs.len() {
            continue; // a soft hyphen inside a line is invisible
        }
        // A note symbol set on the baseline but glued to the word before it
        // (`Curiam:*`, `law.†`) is raised by its own design.
        let sup = sup
            || matches!(g.ch, '*' | '†' | '‡' | '∗')
                && prev.is_some_and(|(p, _): (Glyph, bool)| {
                    !p.ch.is_whitespace() && g.x - (p.x + p.w) < WORD_GAP * size
                })
                && glyphs
                    .get(i + 1)
                    .is_none_or(|(n, _)| n.x - (g.x + g.w) > WORD_GAP * size || notes_symbol(n.ch));
        if let Some((p, psup)) = prev {
            let gap = g.x - (p.x + p.w);
            let em = if sup || psup {
                size
            } else {
                g.size.min(p.size)
            };
            if gap > CELL_GAP * em && !sup {
                text.push(' ');
                cells.push((text.len(), g.x));
            } else if gap > WORD_GAP * em && !(sup && !psup && gap < 0.35 * em) {
                text.push(' ');
            }
        }
        let at = text.len();
        match super::text::expand(g.ch) {
            Some(e) => text.push_str(e),
            None => text.push(g.ch),
        }
        if sup {
            match sups.last_mut() {
                Some(r) if r.end == at => r.end = text.len(),
                _ => sups.push(at..text.len()),
            }
        } else {
            normal += 1;
            bold += usize::from(g.bold);
            italic += usize::from(g.italic);
            mono += usize::from(g.mono);
        }
        prev = Some((g, sup));
    }
    let last = glyphs.last().map_or(first.0, |l| l.0);
    let most = |n: usize| normal > 0 && n * 5 >= normal * 3;
    let nearly_all = |n: usize| normal > 0 && n * 10 >= normal * 9;
    Some(Line {
        text,
        sups,
        x0: first.0.x,
        x1: last.x + last.w,
        y,
        size,
        bold: nearly_all(bold),
        italic: most(italic),
        mono: most(mono),
        cells,
    })
}

fn notes_symbol(c: char) -> bool {
    super::notes::is_symbol(c)
}

/// The body text size: the most common size over all normal glyphs,
/// counted by characters (0.5 pt buckets).
#[must_use]
pub fn body_size(pages: &[Vec<Line>]) -> f32 {
    let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for l in pages.iter().flatten() {
        #[allow(clippy::cast_possible_truncation)]
        let k = (l.size * 2.0).round() as i32;
        *counts.entry(k).or_default() += l.text.len();
    }
    #[allow(clippy::cast_precision_loss)]
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map_or(10.0, |(k, _)| k as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(s: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                #[allow(clippy::cast_precision_loss)]
                x: x + i as f32 * size * 0.5,
                y,
                w: size * 0.5,
                size,
                bold: false,
                italic: false,
                mono: false,
            })
            .collect()
    }

    #[test]
    fn superscript_marker_raised_and_small() {
        let mut g = glyphs("word", 10.0, 100.0, 10.0);
        g.extend(glyphs("1", 30.0, 96.0, 7.0));
        g.extend(glyphs("next", 36.0, 100.0, 10.0));
        let page = Page {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs: g,
        };
        let ls = lines(&page);
        assert_eq!(ls.len(), 1);
        assert_eq!(ls[0].text, "word1 next");
        assert_eq!(ls[0].sups, vec![4..5]);
    }

    #[test]
    fn column_gap_splits_rows() {
        let mut g = glyphs("left column", 10.0, 100.0, 10.0);
        g.extend(glyphs("right column", 300.0, 100.0, 10.0));
        let page = Page {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs: g,
        };
        let ls = lines(&page);
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[1].text, "right column");
    }
}
