//! Text measuring and wrapping: display widths per grapheme cluster and greedy
//! wrapping of byte ranges (pure; used by the body, note and editor layouts).
//!
//! Widths are terminal cells, measured per grapheme cluster with
//! `unicode-width` (the version ratatui uses), so CJK, emoji and combining
//! marks wrap exactly where ratatui will draw them.

use crate::document::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Width in cells of `s`, summed per grapheme cluster as ratatui draws it.
#[must_use]
pub fn cells(s: &str) -> usize {
    // Fast path: printable ASCII is one cell per byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Wraps `doc.text[span]` greedily at spaces into lines of at most `width`
/// cells (the first line has `first` cells, later ones `rest`); words wider
/// than a line are broken between graphemes. `\n` forces a break. Returns
/// absolute byte ranges with trailing spaces trimmed.
#[must_use]
pub fn wrap(text: &str, span: Span, first: usize, rest: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let src = text.get(span.start..span.end).unwrap_or("");
    let mut base = span.start;
    for sub in src.split('\n') {
        wrap_line(sub, base, first.max(1), rest.max(1), &mut out);
        base += sub.len() + 1;
    }
    out
}

fn wrap_line(s: &str, base: usize, first: usize, rest: usize, out: &mut Vec<(usize, usize)>) {
    let first_out = out.len();
    let avail = |out: &Vec<(usize, usize)>| if out.len() == first_out { first } else { rest };
    let mut cur: Option<(usize, usize)> = None;
    let mut col = 0usize;
    let mut space = 0usize;
    for (ws, tok) in tokens(s) {
        let (s0, e0) = (base + ws, base + ws + tok.len());
        if tok.starts_with(breakable) {
            space = if cur.is_some() { cells(tok) } else { 0 };
            continue;
        }
        let w = cells(tok);
        if let Some(c) = cur
            && col + space + w > avail(out)
        {
            out.push(c);
            cur = None;
            col = 0;
        }
        if cur.is_some() {
            col += space;
        }
        space = 0;
        if col + w <= avail(out) {
            cur = Some((cur.map_or(s0, |c| c.0), e0));
            col += w;
            continue;
        }
        for (gi, g) in tok.grapheme_indices(true) {
            let gw = UnicodeWidthStr::width(g);
            let (g0, g1) = (s0 + gi, s0 + gi + g.len());
            if let Some(c) = cur
                && col + gw > avail(out)
                && col > 0
            {
                out.push(c);
                cur = None;
                col = 0;
            }
            cur = Some((cur.map_or(g0, |c| c.0), g1));
            col += gw;
        }
    }
    out.push(cur.unwrap_or((base, base)));
}

/// The lines of a preformatted block as they are, leading spaces included
/// (trailing ones trimmed): absolute byte ranges.
#[must_use]
pub fn preformatted_lines(text: &str, span: Span) -> Vec<(usize, usize)> {
    let src = text.get(span.start..span.end).unwrap_or("");
    let mut out = Vec::new();
    let mut base = span.start;
    for line in src.split('\n') {
        out.push((base, base + line.trim_end().len()));
        base += line.len() + 1;
    }
    out
}

/// A place a line may break: whitespace other than no-break spaces.
fn breakable(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Splits into alternating runs of breakable whitespace and everything else.
fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let rest = s.get(i..)?;
        let first = rest.chars().next()?;
        let sp = breakable(first);
        let len = rest
            .char_indices()
            .find(|(_, c)| breakable(*c) != sp)
            .map_or(rest.len(), |(j, _)| j);
        let start = i;
        i += len;
        Some((start, &rest[..len]))
    })
}

/// `s` cut to at most `w` cells, ending in `…` when cut.
#[must_use]
pub fn truncate(s: &str, w: usize) -> String {
    if cells(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut col = 0;
    for g in s.graphemes(true) {
        let gw = cells(g);
        if col + gw + 1 > w {
            break;
        }
        out.push_str(g);
        col += gw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, Span::new(0, text.len()), w, w)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("aaa bbb ccc", 7), vec!["aaa bbb", "ccc"]);
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(lines("", 4), vec![""]);
    }

    #[test]
    fn wide_and_combining() {
        // CJK takes two cells each.
        assert_eq!(
            lines("日本語のテキスト", 6),
            vec!["日本語", "のテキ", "スト"]
        );
        // e + combining acute is one cell.
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301} x", 3),
            vec!["e\u{301}e\u{301}e\u{301}", "x"]
        );
        assert_eq!(cells("👍🏽ab"), 4);
    }

    proptest::proptest! {
        #[test]
        fn wrapped_lines_fit_and_rejoin(
            text in "([a-z]{1,12}|日本語|👍🏽|e\u{301}|\u{a0}| {1,3}){0,40}",
            w in 2usize..30,
        ) {
            let ls = wrap(&text, Span::new(0, text.len()), w, w);
            let mut joined = String::new();
            let mut last = 0;
            for &(s, e) in &ls {
                proptest::prop_assert!(s >= last && e >= s);
                last = e;
                let line = &text[s..e];
                proptest::prop_assert!(cells(line) <= w, "{:?} wider than {}", line, w);
                joined.push_str(line);
            }
            let strip = |x: &str| x.chars().filter(|c| !breakable(*c)).collect::<String>();
            proptest::prop_assert_eq!(strip(&joined), strip(&text));
        }
    }
}
