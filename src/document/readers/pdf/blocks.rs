//! Lines in reading order → blocks (paragraph candidates) with a kind.
//! A block ends at a column, page or region change, a change of size, weight
//! or face, a wider line gap than the type's usual leading, or a first-line
//! indent. Kinds come from how a block is set: larger or bold short lines
//! are headings, fixed-pitch or cell-aligned lines are tables (code),
//! lines indented on both sides are quotations, `Figure 3.` starts a caption.

use super::layout::Placed;
use rustc_hash::FxHashMap as HashMap;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Running text.
    Body,
    /// A heading of this level (1 highest).
    Heading(u8),
    /// An indented quotation.
    Quote,
    /// A table or fixed-pitch text, kept line by line.
    Code,
    /// A figure or table caption.
    Caption,
    /// A list item.
    Item,
}

/// A run of lines set as one unit.
#[derive(Debug, Clone)]
pub struct Block {
    /// Its lines, in order.
    pub lines: Vec<Placed>,
    /// Its kind.
    pub kind: Kind,
}

impl Block {
    /// Page of the first line.
    #[must_use]
    pub fn page(&self) -> u32 {
        self.lines.first().map_or(0, |l| l.page)
    }
    /// Typical size of its lines.
    #[must_use]
    pub fn size(&self) -> f32 {
        self.lines.first().map_or(0.0, |l| l.line.size)
    }
    /// True for running heads and page numbers.
    #[must_use]
    pub fn furniture(&self) -> bool {
        self.lines.first().is_some_and(|l| l.furniture)
    }
    /// True for blocks in the small type at a column's foot.
    #[must_use]
    pub fn foot(&self) -> bool {
        self.lines.first().is_some_and(|l| l.foot)
    }
    /// Where the block sits: page, band, column.
    #[must_use]
    pub fn place(&self) -> (u32, u16, u8) {
        self.lines
            .first()
            .map_or((0, 0, 0), |l| (l.page, l.band, l.col))
    }
    /// The first line starts indented from its column's margin.
    #[must_use]
    pub fn indented(&self) -> bool {
        self.lines
            .first()
            .is_some_and(|l| l.line.x0 > l.margin + 0.8 * l.line.size)
    }
}

/// The usual baseline-to-baseline distance for each size (0.5 pt buckets).
struct Leading(HashMap<i32, f32>);

impl Leading {
    fn new(lines: &[Placed]) -> Self {
        let mut gaps: HashMap<i32, Vec<f32>> = HashMap::default();
        for w in lines.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let d = b.line.y - a.line.y;
            if a.page == b.page
                && a.col == b.col
                && (a.line.size - b.line.size).abs() < 0.3
                && d > 0.0
            {
                gaps.entry(key(a.line.size)).or_default().push(d);
            }
        }
        let mut m = HashMap::default();
        for (k, mut v) in gaps {
            v.sort_by(f32::total_cmp);
            m.insert(k, v[v.len() / 3]);
        }
        Self(m)
    }
    fn of(&self, size: f32) -> f32 {
        self.0
            .get(&key(size))
            .copied()
            .unwrap_or(size * 1.2)
            .clamp(size * 0.9, size * 3.0)
    }
}

#[allow(clippy::cast_possible_truncation)]
fn key(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

/// Set clear of both margins by about the same amount.
fn centred(p: &Placed) -> bool {
    let (l, r) = (p.line.x0 - p.margin, p.right - p.line.x1);
    l > 3.0 * p.line.size && (l - r).abs() < 2.0 * p.line.size
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')'])
}

/// Groups placed lines into blocks and gives each a kind.
#[must_use]
pub fn build(lines: Vec<Placed>, body: f32) -> Vec<Block> {
    let leading = Leading::new(&lines);
    let mut blocks: Vec<Block> = Vec::new();
    for l in lines {
        let split = match blocks.last().and_then(|b| b.lines.last()) {
            None => true,
            Some(a) => {
                let (al, bl) = (&a.line, &l.line);
                let gap = bl.y - al.y;
                (a.page, a.band, a.col) != (l.page, l.band, l.col)
                    || a.furniture
                    || l.furniture
                    || a.foot != l.foot
                    || (al.size - bl.size).abs() > 0.08 * al.size.max(bl.size)
                    || al.bold != bl.bold
                    || al.mono != bl.mono
                    || gap > 1.3 * leading.of(al.size)
                    || gap < 0.0
                    || bl.x0 > al.x0 + 0.8 * bl.size && bl.x0 > l.margin + 0.8 * bl.size
                    || (al.x1 < a.right - 4.0 * al.size && ends_sentence(&al.text) && !l.foot)
                    || (l.foot && starts_label(bl))
                    || (al.bold && centred(a) != centred(&l))
            }
        };
        if split {
            blocks.push(Block {
                lines: vec![l],
                kind: Kind::Body,
            });
        } else if let Some(b) = blocks.last_mut() {
            b.lines.push(l);
        }
    }
    classify(&mut blocks, body);
    blocks
}

/// A foot line that opens a note: a raised label, or `1.`/`*` then text.
#[must_use]
pub fn starts_label(l: &super::lines::Line) -> bool {
    l.sups.first().is_some_and(|r| r.start == 0) || super::notes::leading_label(&l.text).is_some()
}

/// Two or more lines whose cells start at the same places: a table.
fn aligned_cells(b: &Block) -> bool {
    // Justified prose with loose spaces reaches the right margin line after
    // line; table rows end where their last cell does.
    let full = b
        .lines
        .iter()
        .filter(|l| l.line.x1 > l.right - l.line.size)
        .count();
    if full * 2 >= b.lines.len() {
        return false;
    }
    let rows: Vec<&Vec<(usize, f32)>> = b
        .lines
        .iter()
        .map(|l| &l.line.cells)
        .filter(|c| !c.is_empty())
        .collect();
    rows.len() * 2 > b.lines.len()
        && rows
            .windows(2)
            .filter(|w| {
                w[0].iter()
                    .any(|a| w[1].iter().any(|b| (a.1 - b.1).abs() < 3.0))
            })
            .count()
            * 2
            >= rows.len().saturating_sub(1).max(1)
}

fn classify(blocks: &mut [Block], body: f32) {
    let (mono, all) = blocks
        .iter()
        .flat_map(|b| &b.lines)
        .fold((0, 0), |(m, a), l| {
            (
                m + usize::from(l.line.mono) * l.line.text.len(),
                a + l.line.text.len(),
            )
        });
    let mono_body = mono * 2 > all;
    let mut big: Vec<i32> = blocks
        .iter()
        .filter(|b| !b.furniture() && !b.foot() && b.size() >= 1.15 * body && b.lines.len() <= 4)
        .map(|b| key(b.size()))
        .collect();
    big.sort_unstable_by(|a, b| b.cmp(a));
    big.dedup();
    // A bold line that runs on into the next block (a name set in bold at
    // the start of a paragraph) is not a heading.
    let runs_on: Vec<bool> = (0..blocks.len())
        .map(|i| {
            let (Some(a), Some(next)) = (blocks[i].lines.last(), blocks.get(i + 1)) else {
                return false;
            };
            let full = a.line.x1 > a.right - 2.0 * a.line.size;
            let lower = next.lines[0]
                .line
                .text
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            full && lower && next.place() == blocks[i].place()
        })
        .collect();
    for (b, runs_on) in blocks.iter_mut().zip(runs_on) {
        if b.furniture() || b.foot() {
            continue;
        }
        let text: String = b
            .lines
            .iter()
            .map(|l| l.line.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let size = b.size();
        let first = &b.lines[0];
        let all_bold = b.lines.iter().all(|l| l.line.bold);
        b.kind = if size >= 1.15 * body && b.lines.len() <= 4 && text.len() < 300 {
            let rank = big.iter().position(|&k| k == key(size)).unwrap_or(0);
            Kind::Heading(u8::try_from(rank + 1).unwrap_or(6).min(6))
        } else if all_bold
            && !runs_on
            && b.lines.len() <= 2
            && text.len() < 150
            && !text.ends_with('.')
        {
            let depth = numbering_depth(&text);
            Kind::Heading(u8::try_from(big.len() + depth.max(1)).unwrap_or(6).min(6))
        } else if is_caption(&text) {
            Kind::Caption
        } else if b.lines.len() >= 2
            && (aligned_cells(b) || !mono_body && b.lines.iter().all(|l| l.line.mono))
        {
            Kind::Code
        } else if b.lines.len() >= 2
            && b.lines.iter().all(|l| {
                l.line.x0 > l.margin + 1.5 * l.line.size && l.line.x1 < l.right - 1.0 * l.line.size
            })
        {
            Kind::Quote
        } else if first.line.text.starts_with(['•', '◦', '▪', '‣']) {
            Kind::Item
        } else {
            Kind::Body
        };
    }
}

/// `2.1 Methods` → 2; `3. Results` → 1; no numbering → 0.
fn numbering_depth(t: &str) -> usize {
    let head = t.split_whitespace().next().unwrap_or("");
    let head = head.trim_end_matches(['.', ')']);
    let parts: Vec<&str> = head.split('.').collect();
    let numeric = |p: &&str| {
        !p.is_empty()
            && (p.bytes().all(|b| b.is_ascii_digit()) || p.chars().all(|c| "IVXLC".contains(c)))
    };
    if parts.iter().all(numeric) {
        parts.len()
    } else {
        0
    }
}

fn is_caption(t: &str) -> bool {
    let mut w = t.split_whitespace();
    let (Some(a), Some(b)) = (w.next(), w.next()) else {
        return false;
    };
    matches!(
        a,
        "Figure" | "Fig." | "Table" | "Chart" | "Exhibit" | "Plate"
    ) && b
        .trim_end_matches(['.', ':'])
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
        && b.ends_with(['.', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_and_captions() {
        assert_eq!(numbering_depth("2.1 Methods"), 2);
        assert_eq!(numbering_depth("3. Results"), 1);
        assert_eq!(numbering_depth("Results"), 0);
        assert!(is_caption("Figure 3. Salmon catch by year"));
        assert!(is_caption("Table 1: Quotas"));
        assert!(!is_caption("Figure 3 shows the catch"));
    }
}
