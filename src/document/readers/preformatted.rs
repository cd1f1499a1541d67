//! Telling preformatted text from prose in plain text: code and listings,
//! grammars (ABNF), tables of contents with dot leaders, column-aligned
//! tables and headers, verse. Preformatted blocks are kept line by line,
//! never reflowed and never taken for headings.

use memchr::memmem::Finder;
use std::sync::LazyLock;

/// What a blank-line-separated block of lines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Running prose (possibly hard-wrapped): joined into paragraphs.
    Prose,
    /// Indented prose: a block quotation.
    Quote,
    /// Kept as it is.
    Preformatted,
}

#[must_use]
pub fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// The document's body indentation: the most common indentation of long
/// lines (prose fills its lines; code and tables rarely do).
pub fn base_indent<'a>(lines: impl Iterator<Item = &'a str>) -> usize {
    let mut counts = [0usize; 17];
    for l in lines {
        let t = l.trim_end();
        if t.len() >= 50 {
            counts[indent(t).min(16)] += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
        .filter(|(_, c)| **c > 0)
        .map_or(0, |(i, _)| i)
}

/// True for a table-of-contents line: dot leaders (`Introduction ....... 7`,
/// `Scope . . . . . 12`) running to a page number or the line's end. An
/// ellipsis inside a sentence (`the Clause . . . provides`) is not one.
#[must_use]
pub fn dot_leader(t: &str) -> bool {
    static DOTS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"...."));
    static SPACED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b". . . "));
    let b = t.as_bytes();
    // Most lines have no two dots in a row and no `. .`: one memchr pass
    // over the dots rules them out before the substring searches.
    let dots = memchr::memchr_iter(b'.', b).any(|i| match b.get(i + 1) {
        Some(b'.') => true,
        Some(b' ') => b.get(i + 2) == Some(&b'.'),
        _ => false,
    });
    if !dots {
        return false;
    }
    let Some(at) = DOTS.find(b).or_else(|| SPACED.find(b)) else {
        return false;
    };
    let rest = t[at..].trim_start_matches(['.', ' ', '\u{a0}']).trim_end();
    // `Pages 1-26`, `p. 9`, `pp. 10-12`: the page word before the number.
    let rest = ["Pages ", "PAGES ", "Page ", "PAGE ", "pp. ", "p. "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .filter(|r| r.bytes().any(|b| b.is_ascii_digit()))
        .unwrap_or(rest);
    rest.len() <= 8 && !rest.contains(' ')
}

/// True when a line has a gap of three or more spaces between words (column
/// alignment: tables, RFC headers, aligned grammar rules).
#[must_use]
pub fn column_gap(t: &str) -> bool {
    // The untrimmed line has the gap whenever the trimmed one does.
    static GAP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"   "));
    GAP.find(t.as_bytes()).is_some() && GAP.find(t.trim().as_bytes()).is_some()
}

/// True for a block set flush right on one column beside or below a left
/// column (an RFC's first page: `Network Working Group      R. Fielding`
/// over a column of names and affiliations): most lines end on the same
/// column while at least half start far in. Justified prose ends on one
/// column too, but starts on one.
fn flush_right(lines: &[&str]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let ends: Vec<usize> = lines.iter().map(|l| l.trim_end().chars().count()).collect();
    let Some(&end) = ends
        .iter()
        .max_by_key(|&&e| ends.iter().filter(|&&x| x == e).count())
    else {
        return false;
    };
    let same = ends.iter().filter(|&&e| e == end).count();
    let far_in = lines.iter().filter(|l| indent(l) >= 20).count();
    same * 10 >= lines.len() * 8 && far_in * 2 >= lines.len() && far_in < lines.len()
}

/// True for a token that is not a word of prose: hexadecimal and other
/// mixed letter-and-digit groups (`B10B8F96`), operators and brackets.
fn symbolic(w: &str) -> bool {
    let letters = w.chars().any(char::is_alphabetic);
    let digits = w.chars().any(|c| c.is_ascii_digit());
    (letters && digits && w.len() >= 4)
        || w.chars().all(|c| {
            matches!(
                c,
                '=' | '|' | '{' | '}' | '<' | '>' | ':' | ';' | '+' | '*' | '/' | '&'
            )
        })
}

/// True when most tokens of the block are symbolic (a block of hexadecimal
/// parameters, a grammar or code at the body's own indentation).
fn mostly_symbolic(lines: &[&str]) -> bool {
    if !may_be_symbolic(lines) {
        return false;
    }
    let mut tokens = 0;
    let mut sym = 0;
    for l in lines {
        words(l, |_, s| {
            tokens += 1;
            sym += usize::from(s);
        });
    }
    tokens >= 4 && sym * 10 >= tokens * 6
}

/// False when [`mostly_symbolic`] cannot hold, told by counting bytes: a
/// symbolic token holds an ASCII digit or one of the operator bytes, so
/// there are at most as many symbolic tokens as such bytes; and at least
/// as many tokens as ASCII non-space bytes after an ASCII space (or at a
/// line's start). Prose is told in one cheap pass.
fn may_be_symbolic(lines: &[&str]) -> bool {
    // Plain comparisons (no table), counted in u8 per chunk of at most 255
    // bytes, so that the counts vectorise.
    let space = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5;
    let word = |b: u8| b < 0x80 && !space(b);
    // Digits and `:;<=>` are 0x30..=0x3E, `{|}` 0x7B..=0x7D, `*+` 0x2A..=0x2B.
    let mark = |b: u8| {
        b.wrapping_sub(0x30) < 15
            || b.wrapping_sub(0x7B) < 3
            || b.wrapping_sub(0x2A) < 2
            || b == b'/'
            || b == b'&'
    };
    let (mut marks, mut starts) = (0usize, 0usize);
    for l in lines {
        let b = l.as_bytes();
        starts += usize::from(b.first().is_some_and(|&x| word(x)));
        for chunk in b.chunks(255) {
            marks += usize::from(chunk.iter().fold(0u8, |n, &x| n + u8::from(mark(x))));
        }
        let next = b.get(1..).unwrap_or_default();
        for (p, x) in b.chunks(255).zip(next.chunks(255)) {
            starts += usize::from(
                p.iter()
                    .zip(x)
                    .fold(0u8, |n, (&p, &x)| n + u8::from(space(p) && word(x))),
            );
        }
    }
    marks * 10 >= starts * 6
}

/// Byte classes for [`words`].
const WS: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const SYM: u8 = 8;
const HIGH: u8 = 16;
/// A lead byte of some Unicode whitespace (U+0085, U+00A0, U+1680,
/// U+2000–U+205F, U+3000): decode to know.
const LEAD_WS: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                HIGH | LEAD_WS
            } else {
                HIGH
            }
        } else if matches!(b, b'\t'..=b'\r' | b' ') {
            WS
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if b.is_ascii_digit() {
            DIGIT
        } else if matches!(
            b,
            b'=' | b'|' | b'{' | b'}' | b'<' | b'>' | b':' | b';' | b'+' | b'*' | b'/' | b'&'
        ) {
            SYM
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Calls `f` with each word of `l` as `str::split_whitespace` splits it and
/// whether [`symbolic`] holds for it, in one pass over the bytes: a character
/// is decoded only at the lead bytes of Unicode whitespace, and only words
/// with non-ASCII characters are tested char by char.
fn words<'a>(l: &'a str, mut f: impl FnMut(&'a str, bool)) {
    let b = l.as_bytes();
    let mut start = None;
    let (mut any, mut all) = (0u8, SYM);
    let mut word = |s: usize, e: usize, any: u8, all: u8| {
        let w = &l[s..e];
        let sym = if any & HIGH != 0 {
            symbolic(w)
        } else {
            (any & ALPHA != 0 && any & DIGIT != 0 && w.len() >= 4) || all & SYM != 0
        };
        f(w, sym);
    };
    let mut i = 0;
    while i < b.len() {
        let c = CLASS[usize::from(b[i])];
        let (space, n) = if c & LEAD_WS == 0 {
            (c & WS != 0, 1)
        } else {
            l[i..]
                .chars()
                .next()
                .map_or((false, 1), |ch| (ch.is_whitespace(), ch.len_utf8()))
        };
        if space {
            if let Some(s) = start.take() {
                word(s, i, any, all);
            }
        } else {
            if start.is_none() {
                start = Some(i);
                (any, all) = (0, SYM);
            }
            any |= c;
            all &= c;
        }
        i += n;
    }
    if let Some(s) = start {
        word(s, b.len(), any, all);
    }
}

/// True for a rule or assignment line: a name, spaces, then `=` or `:=`
/// (`extension-pragma  = token [ "=" … ]`, `p = B10B8F96 …`, `x := 1`).
fn assignment(l: &str) -> bool {
    let t = l.trim_start();
    let name_end = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(t.len());
    let rest = t[name_end..].trim_start();
    name_end > 0
        && t[name_end..].starts_with(' ')
        && (rest.starts_with("= ") || rest.starts_with("=/ ") || rest.starts_with(":= "))
}

/// True for verse set at the body's margin: four or more short lines that
/// nearly all begin with a capital (a new line of verse), where wrapped
/// prose begins most lines in lower case.
fn verse(lines: &[&str]) -> bool {
    if lines.len() < 4 || lines.iter().any(|l| more_chars_than(l.trim(), 60)) {
        return false;
    }
    let capital = lines
        .iter()
        .filter(|l| {
            l.trim_start()
                .trim_start_matches(['"', '“', '‘', '\'', '(', '['])
                .starts_with(char::is_uppercase)
        })
        .count();
    capital * 10 >= lines.len() * 9 && lines.iter().all(|l| wordiness(l) >= 80)
}

/// True for a block of three or more short lines set one under another in
/// an indented body (an RFC's author addresses, a list of names): none
/// continues the line before in lower case (an e-mail address or URL
/// aside), none starts a list item.
fn address(lines: &[&str]) -> bool {
    lines.len() >= 3
        && lines.iter().all(|l| {
            let t = l.trim();
            let contact = t.contains('@') || t.starts_with("http") || t.starts_with("www.");
            t.chars().count() <= 40
                && (contact || !t.starts_with(char::is_lowercase))
                && !t.starts_with(['-', '*', '•'])
        })
}

/// `t.chars().count() > n`, counting only when the byte length leaves it open.
fn more_chars_than(t: &str, n: usize) -> bool {
    t.len() > n && (t.len() > 4 * n || t.chars().count() > n)
}

/// True for a line that looks centred on a page of about 72 to 80 columns.
fn centred(l: &str) -> bool {
    let ind = indent(l);
    let len = l.trim().chars().count();
    ind >= 8 && (64..=88).contains(&(ind * 2 + len))
}

/// Share of letters and spaces in `t`, in percent.
fn wordiness(t: &str) -> usize {
    let (w, n) = word_chars(t);
    w * 100 / n.max(1)
}

/// How many of `t`'s characters count as wordy (letters, spaces and `,.'’"`)
/// and how many characters it has: one pass over the bytes, a character
/// decoded only at non-ASCII lead bytes.
fn word_chars(t: &str) -> (usize, usize) {
    let (mut w, mut n) = (0, 0);
    for (i, &b) in t.as_bytes().iter().enumerate() {
        if b < 0x80 {
            n += 1;
            w += usize::from(
                b.is_ascii_alphabetic() || matches!(b, b' ' | b',' | b'.' | b'\'' | b'"'),
            );
        } else if b >= 0xC0 {
            n += 1;
            let c = t[i..].chars().next().unwrap_or(' ');
            w += usize::from(c.is_alphabetic() || c == '’');
        }
    }
    (w, n)
}

/// True when the lines read as hard-wrapped prose: they fill their width,
/// are made of words and end a sentence somewhere.
fn prose_like(lines: &[&str]) -> bool {
    let lens: Vec<usize> = lines.iter().map(|l| l.trim().chars().count()).collect();
    let max = lens.iter().copied().max().unwrap_or(0);
    if max < 45 {
        return false;
    }
    let full = lens[..lens.len() - 1]
        .iter()
        .filter(|&&n| n * 100 >= max * 55)
        .count();
    // The trimmed lines joined by spaces, counted without joining them.
    let gaps = lines.len() - 1;
    let (w, n) = lines
        .iter()
        .map(|l| word_chars(l.trim()))
        .fold((gaps, gaps), |(w, n), (a, b)| (w + a, n + b));
    let spaced = gaps > 0 || lines.iter().any(|l| l.trim().contains(' '));
    full * 10 >= (lens.len() - 1) * 8 && w * 100 / n.max(1) >= 85 && spaced
}

/// Classifies one block of raw lines, given the document's body indentation.
#[must_use]
pub fn classify(lines: &[&str], base: usize) -> Shape {
    if lines.is_empty() {
        return Shape::Prose;
    }
    let leaders = lines.iter().filter(|l| dot_leader(l)).count();
    if leaders >= 2 || (leaders == 1 && lines.len() <= 2) {
        return Shape::Preformatted;
    }
    let gaps = lines.iter().filter(|l| column_gap(l)).count();
    if gaps * 2 > lines.len() && !lines.iter().all(|l| centred(l)) {
        return Shape::Preformatted;
    }
    // An RFC's first lines: two columns, then fields of the left one alone
    // (`Updates: 5705, 6066`, `ISSN: 2070-1721`).
    if gaps >= 1
        && lines
            .iter()
            .all(|l| column_gap(l) || (!l.starts_with(' ') && super::headers::field_line(l)))
    {
        return Shape::Preformatted;
    }
    let rules = lines.iter().filter(|l| assignment(l)).count();
    if (gaps >= 1 && flush_right(lines))
        || rules * 2 >= lines.len()
        || super::c_code::c_like(lines)
        || mostly_symbolic(lines)
    {
        return Shape::Preformatted;
    }
    if verse(lines) {
        return Shape::Preformatted;
    }
    let min = lines.iter().map(|l| indent(l)).min().unwrap_or(0);
    if base >= 2 && min >= base && address(lines) {
        return Shape::Preformatted;
    }
    if min < base + 2 {
        return Shape::Prose;
    }
    if lines.len() <= 3 && lines.iter().all(|l| centred(l)) {
        return Shape::Prose; // a centred title or heading
    }
    if prose_like(lines) {
        return Shape::Quote;
    }
    if lines.len() == 1 && wordiness(lines[0]) >= 90 && lines[0].trim().chars().count() >= 60 {
        return Shape::Quote;
    }
    Shape::Preformatted
}

/// The block's lines with their common indentation removed, one per line.
#[must_use]
pub fn dedent(lines: &[&str]) -> String {
    let min = lines.iter().map(|l| indent(l)).min().unwrap_or(0);
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(l.get(min..).unwrap_or("").trim_end());
    }
    out
}

#[cfg(test)]
#[path = "preformatted_tests.rs"]
mod tests;
