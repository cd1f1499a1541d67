//! Reading order on each page: running headers, footers and page numbers
//! (lines in the top or bottom margin that repeat across pages, once their
//! digits are masked, or look like page numbers) are set aside; the rest is
//! split at a column gutter when the page has one, and read band by band:
//! full-width lines, then the left column, then the right. The trailing run
//! of smaller type at the foot of each column is marked as the foot region,
//! where footnotes live.

use super::Page;
use super::lines::Line;
use rustc_hash::FxHashMap as HashMap;

/// A line in reading order, with where it sits.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The line.
    pub line: Line,
    /// 1-based page number.
    pub page: u32,
    /// Column on its page (0 left or full width, 1 right).
    pub col: u8,
    /// Index of the band on the page (full-width runs and column runs).
    pub band: u16,
    /// A running header, footer or page number.
    pub furniture: bool,
    /// In the smaller type at the foot of its column (footnotes).
    pub foot: bool,
    /// Left edge of the text in its column (for indentation).
    pub margin: f32,
    /// Right edge of the text in its column.
    pub right: f32,
}

/// Fraction of the text's height at the top and bottom where running heads sit.
const BAND: f32 = 0.1;

/// Lays out every page; `lines[i]` are the lines of `pages[i]`.
#[must_use]
pub fn lay_out(pages: &[Page], lines: Vec<Vec<Line>>, body: f32) -> Vec<Placed> {
    // The margins are measured from the text itself: producers often set a
    // short page on a larger media box.
    let top = lines.iter().flatten().map(|l| l.y).fold(f32::MAX, f32::min);
    let bottom = lines.iter().flatten().map(|l| l.y).fold(f32::MIN, f32::max);
    let in_band = |l: &Line, p: &Page| {
        let reach = BAND * (bottom - top).max(p.height * 0.5);
        l.y <= top + reach || l.y >= bottom - reach
    };
    // Whole rows of margin text (a header's left and right parts together,
    // never a word split off a justified line), digit-masked, by page.
    let rows: Vec<Vec<Option<String>>> = pages
        .iter()
        .zip(&lines)
        .map(|(p, ls)| row_texts(ls, |l| in_band(l, p)))
        .collect();
    let mut seen: HashMap<String, Vec<u32>> = HashMap::default();
    for (p, keys) in pages.iter().zip(&rows) {
        for k in keys.iter().flatten() {
            let pages = seen.entry(mask(k)).or_default();
            if pages.last() != Some(&p.number) {
                pages.push(p.number);
            }
        }
    }
    let mut out = Vec::new();
    for ((p, ls), keys) in pages.iter().zip(lines).zip(rows) {
        let mut furniture = Vec::new();
        let mut rest = Vec::new();
        for (l, key) in ls.into_iter().zip(keys) {
            let is_furn = key.is_some_and(|k| {
                k.len() < 200
                    && (seen.get(&mask(&k)).is_some_and(|v| v.len() >= 2) || is_page_number(&k))
            });
            if is_furn {
                furniture.push(l);
            } else {
                rest.push(l);
            }
        }
        // Headers first, footers last, as they read.
        let (head, foot): (Vec<Line>, Vec<Line>) =
            furniture.into_iter().partition(|l| l.y < p.height / 2.0);
        let push_furn = |out: &mut Vec<Placed>, l: Line| {
            out.push(Placed {
                margin: l.x0,
                right: l.x1,
                line: l,
                page: p.number,
                col: 0,
                band: 0,
                furniture: true,
                foot: false,
            });
        };
        for l in head {
            push_furn(&mut out, l);
        }
        order_page(&mut out, rest, p.number, body);
        for l in foot {
            push_furn(&mut out, l);
        }
    }
    out
}

/// For each line in the margin band, the text of its whole row (its
/// segments joined left to right); `None` for lines outside the band.
fn row_texts(ls: &[Line], in_band: impl Fn(&Line) -> bool) -> Vec<Option<String>> {
    let mut out = vec![None; ls.len()];
    let mut idx: Vec<usize> = (0..ls.len()).filter(|&i| in_band(&ls[i])).collect();
    idx.sort_by(|&a, &b| {
        ls[a]
            .y
            .total_cmp(&ls[b].y)
            .then(ls[a].x0.total_cmp(&ls[b].x0))
    });
    let mut k = 0;
    while k < idx.len() {
        let y = ls[idx[k]].y;
        let tol = 0.3 * ls[idx[k]].size.max(1.0);
        let end = idx[k..]
            .iter()
            .position(|&i| (ls[i].y - y).abs() > tol)
            .map_or(idx.len(), |e| k + e);
        let mut row: Vec<usize> = idx[k..end].to_vec();
        row.sort_by(|&a, &b| ls[a].x0.total_cmp(&ls[b].x0));
        let text = row
            .iter()
            .map(|&i| ls[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for &i in &row {
            out[i] = Some(text.clone());
        }
        k = end;
    }
    out
}

/// Digits masked, case and spacing folded: `Page 7 of 12` → `page # of #`.
fn mask(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut digit = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !digit {
                out.push('#');
            }
            digit = true;
            continue;
        }
        digit = false;
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim().to_string()
}

/// `7`, `- 7 -`, `— 7 —`, `Page 7`, `7 of 12`, `vii`.
#[must_use]
pub fn is_page_number(s: &str) -> bool {
    let t = s
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' ' | '|'));
    let lower = t.to_lowercase();
    let lower = lower.strip_prefix("page").map_or(lower.as_str(), str::trim);
    let num = |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit());
    let roman = |x: &str| !x.is_empty() && x.len() <= 6 && x.chars().all(|c| "ivxlc".contains(c));
    match lower.split_once(" of ") {
        Some((a, b)) => num(a.trim()) && num(b.trim()),
        None => num(lower) || roman(lower),
    }
}

/// A vertical gutter: an x position that many body lines keep clear of, with
/// enough lines wholly on each side.
fn gutter(lines: &[Line], body: f32) -> Option<f32> {
    let text: Vec<&Line> = lines
        .iter()
        .filter(|l| l.text.len() > 8 && (l.size - body).abs() <= 0.2 * body)
        .collect();
    if text.len() < 10 {
        return None;
    }
    let left = text.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let right = text.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
    let width = right - left;
    if width <= 0.0 {
        return None;
    }
    let mut best: Option<(usize, f32)> = None;
    let steps = 60;
    for s in 15..=45 {
        #[allow(clippy::cast_precision_loss)]
        let x = left + width * s as f32 / steps as f32;
        let crossing = text.iter().filter(|l| l.x0 < x && l.x1 > x).count();
        let lhs = text.iter().filter(|l| l.x1 <= x).count();
        let rhs = text.iter().filter(|l| l.x0 >= x).count();
        if lhs >= 4
            && rhs >= 4
            && crossing * 10 <= text.len()
            && best.is_none_or(|(c, _)| crossing < c)
        {
            best = Some((crossing, x));
        }
    }
    best.map(|(_, x)| x)
}

/// Orders one page's non-furniture lines and appends them.
fn order_page(out: &mut Vec<Placed>, mut lines: Vec<Line>, page: u32, body: f32) {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let g = gutter(&lines, body);
    // Bands: runs of spanning lines and runs of column lines.
    let mut bands: Vec<(bool, Vec<Line>)> = Vec::new();
    for l in lines {
        let spans = g.is_none_or(|x| l.x0 < x && l.x1 > x);
        match bands.last_mut() {
            Some((s, v)) if *s == spans => v.push(l),
            _ => bands.push((spans, vec![l])),
        }
    }
    let n_bands = bands.len();
    for (b, (spanning, ls)) in bands.into_iter().enumerate() {
        let last_band = b + 1 == n_bands && b > 0;
        let band = u16::try_from(b).unwrap_or(u16::MAX);
        let cols: Vec<(u8, Vec<Line>)> = match (spanning, g) {
            (false, Some(x)) => {
                let (l, r): (Vec<Line>, Vec<Line>) = ls.into_iter().partition(|l| l.x1 <= x);
                vec![(0, l), (1, r)]
            }
            _ => vec![(0, ls)],
        };
        for (col, ls) in cols {
            let merged = merge_same_row(ls);
            let margin = column_margin(&merged, body);
            let right = merged.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
            let foot_from = foot_start(&merged, body, last_band);
            for (i, l) in merged.into_iter().enumerate() {
                out.push(Placed {
                    line: l,
                    page,
                    col,
                    band,
                    furniture: false,
                    foot: i >= foot_from,
                    margin,
                    right,
                });
            }
        }
    }
}

/// Segments of one row inside a column (table cells) become one line.
fn merge_same_row(ls: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(ls.len());
    for l in ls {
        match out.last_mut() {
            Some(p) if (p.y - l.y).abs() < 0.2 * p.size && l.x0 > p.x1 => {
                p.text.push(' ');
                let shift = p.text.len();
                p.cells.push((shift, l.x0));
                p.text.push_str(&l.text);
                p.sups
                    .extend(l.sups.iter().map(|r| r.start + shift..r.end + shift));
                p.cells.extend(l.cells.iter().map(|&(c, x)| (c + shift, x)));
                p.x1 = l.x1;
            }
            _ => out.push(l),
        }
    }
    out
}

/// The most common left edge of body-size lines.
fn column_margin(ls: &[Line], body: f32) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::default();
    for l in ls.iter().filter(|l| (l.size - body).abs() <= 0.2 * body) {
        #[allow(clippy::cast_possible_truncation)]
        let k = l.x0.round() as i32;
        *counts.entry(k).or_default() += 1;
    }
    #[allow(clippy::cast_precision_loss)]
    counts
        .into_iter()
        // The leftmost of equally common edges (`Reverse`: `-k` overflows
        // at `i32::MIN`, which a hostile file's coordinates reach).
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map_or_else(
            || ls.iter().map(|l| l.x0).fold(f32::MAX, f32::min),
            |(k, _)| k as f32,
        )
}

/// Index where the column's foot region starts: after the last line of body
/// size, when smaller type follows it. A band of small type alone is a foot
/// only when it closes the page below other bands (notes under two columns).
fn foot_start(ls: &[Line], body: f32, last_band: bool) -> usize {
    let last_body = ls.iter().rposition(|l| l.size > 0.92 * body);
    match last_body {
        Some(i) if i + 1 < ls.len() => i + 1,
        Some(_) => tight_notes_start(ls).unwrap_or(ls.len()),
        None if last_band => 0,
        None => ls.len(),
    }
}

/// Notes set in the body size but single-spaced under double-spaced text
/// (court opinions): from a line opening with a raised label, after a gap,
/// to the end of the column, lines closer together than the body's.
fn tight_notes_start(ls: &[Line]) -> Option<usize> {
    let med = |v: Vec<f32>| {
        let mut v = v;
        v.sort_by(f32::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let gaps = |a: usize, b: usize| {
        ls[a..b]
            .windows(2)
            .map(|w| w[1].y - w[0].y)
            .collect::<Vec<f32>>()
    };
    let body = med(gaps(0, ls.len()))?;
    (2..ls.len()).find(|&k| {
        let after = med(gaps(k, ls.len())).unwrap_or(body * 0.5);
        ls[k].sups.first().is_some_and(|r| r.start == 0)
            && after < 0.8 * body
            && ls[k].y - ls[k - 1].y > 1.3 * after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_masks() {
        assert!(is_page_number("- 3 -"));
        assert!(is_page_number("— 12 —"));
        assert!(is_page_number("Page 3 of 10"));
        assert!(is_page_number("xii"));
        assert!(!is_page_number("1955 and 1956"));
        assert_eq!(mask("Vol. 12 — page 3"), "vol. # — page #");
    }
}
