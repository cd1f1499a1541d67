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

fn indent(l: &str) -> usize {
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
/// `Scope . . . . . 12`).
pub fn dot_leader(t: &str) -> bool {
    static DOTS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"...."));
    static SPACED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b". . . "));
    let b = t.as_bytes();
    DOTS.find(b).is_some() || SPACED.find(b).is_some()
}

/// True when a line has a gap of three or more spaces between words (column
/// alignment: tables, RFC headers, aligned grammar rules).
pub fn column_gap(t: &str) -> bool {
    // The untrimmed line has the gap whenever the trimmed one does.
    static GAP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"   "));
    GAP.find(t.as_bytes()).is_some() && GAP.find(t.trim().as_bytes()).is_some()
}

/// True for a line that looks centred on a page of about 72 to 80 columns.
fn centred(l: &str) -> bool {
    let ind = indent(l);
    let len = l.trim().chars().count();
    ind >= 8 && (64..=88).contains(&(ind * 2 + len))
}

/// Share of letters and spaces in `t`, in percent.
fn wordiness(t: &str) -> usize {
    let n = t.chars().count().max(1);
    let w = t
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ' || matches!(c, ',' | '.' | '\'' | '’' | '"'))
        .count();
    w * 100 / n
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
    let joined: String = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    full * 10 >= (lens.len() - 1) * 8 && wordiness(&joined) >= 85 && joined.contains(' ')
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
    let min = lines.iter().map(|l| indent(l)).min().unwrap_or(0);
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
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let toc = [
            "   1 Introduction ...................................................7",
            "   1.1 Purpose......................................................7",
        ];
        assert_eq!(classify(&toc, 3), Shape::Preformatted);
        let header = [
            "Network Working Group                                      R. Fielding",
            "Request for Comments: 2616                                   UC Irvine",
        ];
        assert_eq!(classify(&header, 3), Shape::Preformatted);
        let abnf = ["       Request-Line   = Method SP Request-URI SP HTTP-Version CRLF"];
        assert_eq!(classify(&abnf, 3), Shape::Preformatted);
        let code = [
            "    # Correct:",
            "    foo = long_function_name(var_one, var_two,",
        ];
        assert_eq!(classify(&code, 0), Shape::Preformatted);
        let prose = [
            "   The Hypertext Transfer Protocol (HTTP) is an application-level",
            "   protocol for distributed, collaborative, hypermedia information",
            "   systems.",
        ];
        assert_eq!(classify(&prose, 3), Shape::Prose);
        let quote = [
            "    It is a truth universally acknowledged, that a single man in",
            "    possession of a good fortune, must be in want of a wife.",
        ];
        assert_eq!(classify(&quote, 0), Shape::Quote);
        let verse = [
            "    The woods are lovely, dark and deep,",
            "    But I have promises to keep,",
        ];
        assert_eq!(classify(&verse, 0), Shape::Preformatted);
        assert_eq!(
            classify(&["                              CHAPTER I."], 0),
            Shape::Prose
        );
    }

    #[test]
    fn base_and_dedent() {
        let lines = [
            "   The Hypertext Transfer Protocol (HTTP) is an application-level",
            "   protocol for distributed, collaborative, hypermedia information",
            "      code",
        ];
        assert_eq!(base_indent(lines.iter().copied()), 3);
        assert_eq!(dedent(&["      a", "        b"]), "a\n  b");
    }
}
