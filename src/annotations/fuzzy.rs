//! Approximate quote search for `anchor::resolve`: candidate windows, then edit distance.
//!
//! A full edit-distance scan costs quote × text cells, too much for long texts.
//! Instead, candidate start positions come from exact hits of quote fragments
//! (with e edits, at least fragments − e fragments survive intact) and of the
//! stored prefix/suffix; hits vote for a start position, and only the best few
//! windows, each about the quote's size, get a semi-global edit distance
//! (Sellers' algorithm). Small texts are scanned in full. Pure and total.

use std::ops::Range;

use super::anchor::{Anchor, back_chars, forward_chars};

/// Quotes longer than this (in chars) are only found verbatim.
const MAX_FUZZY_CHARS: usize = 4000;
/// A fragment or context piece with more exact hits than this says little; skip it.
const HIT_CAP: usize = 256;
/// At most this many candidate windows are scored.
const MAX_WINDOWS: usize = 16;
/// Upper bound on edit-distance cells per resolve (keeps long quotes bounded).
const CELL_BUDGET: usize = 40_000_000;
/// Texts with at most this many cells (quote chars × text chars) are scanned whole.
const FULL_SCAN_CELLS: usize = 200_000;
/// How many chars of the stored prefix/suffix (nearest the quote) are searched.
const CONTEXT_PROBE_CHARS: usize = 16;
/// How many chars of context on each side take part in the alignment.
const CONTEXT_ALIGN_CHARS: usize = 12;

/// The best approximate occurrence of `anchor.quote` in `text` within an edit
/// distance of a quarter of the quote's length, as a byte range. Ties are broken
/// by context agreement, then by nearness to `old_byte`.
pub(super) fn find(text: &str, anchor: &Anchor, old_byte: usize) -> Option<Range<usize>> {
    let pattern: Vec<char> = anchor.quote.chars().collect();
    let m = pattern.len();
    let max_edits = m / 4;
    if max_edits == 0 || m > MAX_FUZZY_CHARS {
        return None;
    }
    let windows = if m.saturating_mul(text.len()) <= FULL_SCAN_CELLS {
        std::iter::once(0..text.len()).collect()
    } else {
        candidate_windows(text, anchor, &pattern, max_edits)
    };
    let matcher = Matcher::new(&pattern, &anchor.prefix, &anchor.suffix);
    let mut best: Option<(usize, usize, usize, Range<usize>)> = None;
    for window in windows {
        let Some((distance, total, range)) = matcher.best_in_window(text, window) else {
            continue;
        };
        if distance > max_edits {
            continue;
        }
        let key = (distance, total, range.start.abs_diff(old_byte));
        if best.as_ref().is_none_or(|b| key < (b.0, b.1, b.2)) {
            best = Some((key.0, key.1, key.2, range));
        }
    }
    best.map(|(_, _, _, range)| range)
}

/// Byte windows likely to contain the quote, best-supported first.
fn candidate_windows(
    text: &str,
    anchor: &Anchor,
    pattern: &[char],
    max_edits: usize,
) -> Vec<Range<usize>> {
    let m = pattern.len();
    // (estimated start byte, votes)
    let mut starts: Vec<(usize, usize)> = Vec::new();

    let pieces = (max_edits + 1).min(8).min(m / 5).max(2).min(m);
    let piece_len = m / pieces;
    for p in 0..pieces {
        let from = p * piece_len;
        let to = if p + 1 == pieces { m } else { from + piece_len };
        let needle: String = pattern[from..to].iter().collect();
        for hit in capped_hits(text, &needle) {
            starts.push((back_chars(text, hit, from), 1));
        }
    }
    let prefix_tail: String = {
        let n = anchor.prefix.chars().count();
        anchor
            .prefix
            .chars()
            .skip(n.saturating_sub(CONTEXT_PROBE_CHARS))
            .collect()
    };
    if prefix_tail.chars().count() >= 4 {
        for hit in capped_hits(text, &prefix_tail) {
            starts.push((hit + prefix_tail.len(), 2));
        }
    }
    let suffix_head: String = anchor.suffix.chars().take(CONTEXT_PROBE_CHARS).collect();
    if suffix_head.chars().count() >= 4 {
        for hit in capped_hits(text, &suffix_head) {
            starts.push((back_chars(text, hit, m), 2));
        }
    }

    // Cluster nearby estimates: an insertion or deletion shifts later fragments' estimates.
    starts.sort_unstable();
    let tolerance = max_edits + 1;
    let mut clusters: Vec<(usize, usize, usize)> = Vec::new(); // (first, last, votes)
    for (start, votes) in starts {
        match clusters.last_mut() {
            Some((_, last, v)) if start - *last <= tolerance => {
                *last = start;
                *v += votes;
            }
            _ => clusters.push((start, start, votes)),
        }
    }
    clusters.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));

    let window_chars = m + 2 * max_edits + 4;
    let budget = (CELL_BUDGET / (m * window_chars).max(1)).clamp(1, MAX_WINDOWS);
    // A cluster with far fewer votes than the best is a chance hit of a common fragment.
    let top_votes = clusters.first().map_or(0, |c| c.2);
    clusters
        .into_iter()
        .take_while(|c| c.2 * 3 >= top_votes)
        .take(budget)
        .map(|(first, last, _)| {
            let from = back_chars(text, first, max_edits + 2);
            let to = forward_chars(text, last, m + max_edits + 2);
            from..to
        })
        .collect()
}

/// Byte offsets of non-overlapping exact hits of `needle`; none if there are
/// more than [`HIT_CAP`] (too common to be informative).
fn capped_hits(text: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let hits: Vec<usize> = text
        .match_indices(needle)
        .map(|(i, _)| i)
        .take(HIT_CAP + 1)
        .collect();
    if hits.len() > HIT_CAP {
        Vec::new()
    } else {
        hits
    }
}

/// One dynamic-programming cell: the cheapest alignment of a pattern prefix
/// ending at some text column, and where the quote part of it began and ended.
#[derive(Clone, Copy)]
struct Cell {
    /// Edits so far (context and quote).
    cost: usize,
    /// Text column where the quote's alignment starts, and the cost there.
    quote_start: (usize, usize),
    /// Text column where the quote's alignment ends, and the cost there.
    quote_end: (usize, usize),
}

/// The part of a window matching the quote best, found with the quote's
/// surroundings attached so that an alignment cannot cheaply drop the quote's
/// ends (Sellers' semi-global edit distance over `context.0 + pattern + context.1`).
struct Matcher {
    full: Vec<char>,
    /// Rows of `full` where the quote starts (before its first char) and ends.
    quote_rows: (usize, usize),
}

impl Matcher {
    fn new(pattern: &[char], before: &str, after: &str) -> Matcher {
        let before: Vec<char> = before.chars().collect();
        let tail = &before[before.len().saturating_sub(CONTEXT_ALIGN_CHARS)..];
        let head = after.chars().take(CONTEXT_ALIGN_CHARS);
        let full: Vec<char> = tail
            .iter()
            .copied()
            .chain(pattern.iter().copied())
            .chain(head)
            .collect();
        Matcher {
            full,
            quote_rows: (tail.len(), tail.len() + pattern.len()),
        }
    }

    /// (quote edits, total edits, byte range of the quote) for the best alignment
    /// in `text[window]`; `None` for an empty or invalid window.
    fn best_in_window(
        &self,
        text: &str,
        window: Range<usize>,
    ) -> Option<(usize, usize, Range<usize>)> {
        let slice = text.get(window.clone())?;
        let columns: Vec<(usize, char)> = slice.char_indices().collect();
        if columns.is_empty() {
            return None;
        }
        let (qs, qe) = self.quote_rows;
        let rows = self.full.len();
        let init = |i: usize, j: usize| Cell {
            cost: i,
            quote_start: (j, i.min(qs)),
            quote_end: (j, i.min(qe)),
        };
        let mut prev: Vec<Cell> = (0..=rows).map(|i| init(i, 0)).collect();
        let mut cur = prev.clone();
        let mut best: Option<Cell> = None;
        for (j, &(_, ch)) in columns.iter().enumerate() {
            let col = j + 1;
            cur[0] = init(0, col);
            for i in 1..=rows {
                let diagonal = (prev[i - 1], usize::from(self.full[i - 1] != ch), true);
                let skip_text = (prev[i], 1, false);
                let skip_pattern = (cur[i - 1], 1, true);
                let mut pick = diagonal;
                for other in [skip_text, skip_pattern] {
                    if other.0.cost + other.1 < pick.0.cost + pick.1 {
                        pick = other;
                    }
                }
                let (from, step, down) = pick;
                let mut cell = from;
                cell.cost += step;
                if i == qs {
                    cell.quote_start = (col, cell.cost);
                }
                if i == qe && (down || qe == qs) {
                    cell.quote_end = (col, cell.cost);
                }
                cur[i] = cell;
            }
            if best.is_none_or(|b| cur[rows].cost < b.cost) {
                best = Some(cur[rows]);
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        let best = best?;
        let byte_at = |col: usize| columns.get(col).map_or(slice.len(), |&(b, _)| b);
        let quote_cost = best.quote_end.1.saturating_sub(best.quote_start.1);
        let range =
            window.start + byte_at(best.quote_start.0)..window.start + byte_at(best.quote_end.0);
        Some((quote_cost, best.cost, range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn best(text: &str, quote: &str, before: &str, after: &str) -> (usize, String) {
        let pattern = chars(quote);
        let m = Matcher::new(&pattern, before, after);
        let (d, _, r) = m
            .best_in_window(text, 0..text.len())
            .expect("non-empty window");
        (d, text[r].to_string())
    }

    #[test]
    fn alignment_finds_substring_with_distance() {
        let text = "xxxx hello world yyyy";
        assert_eq!(best(text, "hallo world", "", ""), (1, "hello world".into()));
        assert_eq!(best(text, "hello world", "", ""), (0, "hello world".into()));
        assert_eq!(
            best(text, "hello world", "xxxx ", " yyyy"),
            (0, "hello world".into())
        );
    }

    #[test]
    fn context_keeps_the_quote_ends_in_place() {
        // Without context, dropping "The quick" is cheaper than inserting 11 chars.
        let text = "Intro. The quick and clever brown fox jumps. Outro.";
        let quote = "The quick brown fox jumps.";
        assert_eq!(
            best(text, quote, "Intro. ", " Outro."),
            (11, "The quick and clever brown fox jumps.".into())
        );
    }

    #[test]
    fn alignment_handles_multibyte_windows() {
        let text = "ÿÿÿ naïve café ÿÿÿ";
        assert_eq!(
            best(text, "naive café", "ÿÿ ", " ÿ"),
            (1, "naïve café".into())
        );
    }

    #[test]
    fn windows_come_from_fragments_in_a_long_text() {
        let filler = (0..5000).fold(String::new(), |mut out, i| {
            out.push_str(&format!("w{i} "));
            out
        });
        let quote = "the distinctive sentence that we are looking for here";
        let text = format!("{filler}the distinctive sentense that we are looking for here{filler}");
        let anchor = Anchor {
            quote: quote.into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: quote.chars().count(),
        };
        let r = find(&text, &anchor, 0).expect("one substitution is within a quarter");
        assert_eq!(
            &text[r],
            "the distinctive sentense that we are looking for here"
        );
    }
}
