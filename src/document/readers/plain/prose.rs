//! Prose lines into paragraphs: hard-wrapped lines joined, one-line
//! paragraphs kept apart, list items, labelled notes and `#` headings
//! starting paragraphs of their own.

use super::Line;
use crate::document::raw::{Para, ParaKind};

/// Blocks whose longest line is shorter than this (chars) are not hard-wrapped
/// prose unless a line continues in lower case.
const WRAP_MIN: usize = 40;
/// Lines longer than this are never hard-wrapped: each is a paragraph.
const WRAP_MAX: usize = 110;
/// True when a line starts a list item or labelled note and so never
/// continues the previous line.
fn starts_item(line: &str) -> bool {
    if crate::document::readers::headers::field_line(line) {
        return true;
    }
    let t = line.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '^' | '↑') => chars.next() == Some(' ') || t.starts_with('^'),
        Some('[') => {
            t.starts_with("[Footnote")
                || t[1..].find(']').is_some_and(|e| {
                    e <= 24 && t[e + 2..].starts_with([' ', ':']) && !t[e + 2..].trim().is_empty()
                })
        }
        Some(c) if c.is_ascii_digit() => {
            let n = t.bytes().take_while(u8::is_ascii_digit).count();
            n <= 3
                && matches!(t.as_bytes().get(n), Some(b'.' | b')'))
                && t.as_bytes().get(n + 1) == Some(&b' ')
        }
        Some(c) => crate::document::conventions::superscript::value(c).is_some(),
        None => false,
    }
}

/// Joins hard-wrapped lines with spaces; a line ending in a hyphen after a
/// letter (`Diffie-` / `Hellman`) runs on without one, the hyphen kept.
fn join_lines<'b>(lines: impl Iterator<Item = &'b str>) -> String {
    let mut out = String::new();
    for l in lines {
        let hyphen = out.ends_with('-')
            && out[..out.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && !out.ends_with("--");
        // Chinese and Japanese are written without spaces: lines wrapped
        // between two such characters join directly.
        let cjk = out.chars().next_back().is_some_and(wide_script)
            && l.chars().next().is_some_and(wide_script);
        if !out.is_empty() && !hyphen && !cjk {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
}

/// True for a character of a script written without spaces between words
/// (CJK ideographs, kana, fullwidth forms and CJK punctuation).
fn wide_script(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// True when `line` starts a new item rather than continuing `prev`: a
/// bracketed label starts one only after a line that ends a sentence (a
/// wrapped line may begin with a citation: `[20]. As far as…`).
/// `chrome` says whether either line is web-page navigation, which stands on
/// its own lines.
fn item_break(prev: &str, line: &str, chrome: bool) -> bool {
    if chrome {
        return true;
    }
    if !starts_item(line) {
        return false;
    }
    let t = line.trim_start();
    !t.starts_with('[')
        || t.starts_with("[Footnote")
        || prev.trim_end().ends_with(['.', ')', '"', '”', ':', ']'])
}

/// Splits hard-wrapped or one-line-per-paragraph prose lines into paragraphs.
pub(super) fn prose<'a>(lines: &[Line<'a>], blank_before: bool, out: &mut Vec<Para<'a>>) {
    if lines.is_empty() {
        return;
    }
    // A line of more than WRAP_MAX bytes may still be WRAP_MAX chars or
    // fewer; only count chars when bytes alone cannot decide.
    let max_bytes = lines
        .iter()
        .map(|l| l.text.trim_end().len())
        .max()
        .unwrap_or(0);
    let max = if lines.len() < 2 || max_bytes > 4 * WRAP_MAX {
        max_bytes
    } else {
        lines
            .iter()
            .map(|l| l.text.trim_end().chars().count())
            .max()
            .unwrap_or(0)
    };
    let wrapped = lines.len() > 1 && max <= WRAP_MAX;
    if !wrapped {
        one_per_line(lines, blank_before, out);
        return;
    }
    let mut group: Vec<&Line<'a>> = Vec::new();
    let mut first = true;
    let flush = |group: &mut Vec<&Line<'a>>, out: &mut Vec<Para<'a>>, first: &mut bool| {
        if group.is_empty() {
            return;
        }
        out.push(para_of(group, blank_before && *first));
        group.clear();
        *first = false;
    };
    // Each line is tested for web chrome once (item_break needs it twice),
    // and only when lines may join: unwrapped lines are one paragraph each
    // whatever they are.
    let chrome: Vec<bool> = lines
        .iter()
        .map(|l| crate::document::furniture::is_web_chrome(l.text))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let len = line.text.trim_end().chars().count();
        // A `[Footnote N: …]` block runs to its closing bracket: a wrapped
        // line inside it opening with a number (`288. The preface …`, the
        // page of a citation) starts no item.
        let open_block = group
            .first()
            .is_some_and(|g| g.text.trim_start().starts_with("[Footnote"))
            && !group.iter().any(|g| g.text.trim_end().ends_with(']'));
        // A non-empty group ends with the line before this one.
        if let Some(prev) = group.last()
            && !open_block
            && item_break(prev.text, line.text, chrome[i - 1] || chrome[i])
        {
            flush(&mut group, out, &mut first);
        }
        group.push(line);
        let still_open = group[0].text.trim_start().starts_with("[Footnote")
            && !line.text.trim_end().ends_with(']');
        if !still_open && !continues(lines, i, &chrome, len, max, group.len()) {
            flush(&mut group, out, &mut first);
        }
    }
    flush(&mut group, out, &mut first);
}

/// Unwrapped lines are one paragraph each, independent of one another: a
/// long run of them (a big file without blank lines) is read on two cores.
fn one_per_line<'a>(lines: &[Line<'a>], blank_before: bool, out: &mut Vec<Para<'a>>) {
    let bytes = lines.iter().map(|l| l.text.len()).sum();
    crate::document::par::extend(out, lines.len(), bytes, |i| {
        para_of(&[&lines[i]], blank_before && i == 0)
    });
}

/// The paragraph of a group of lines (joined when more than one); `# Title`
/// makes it a heading.
fn para_of<'a>(group: &[&Line<'a>], blank: bool) -> Para<'a> {
    let raw: std::borrow::Cow<'a, str> = if group.len() == 1 {
        group[0].text.trim().into()
    } else {
        join_lines(group.iter().map(|l| l.text.trim())).into()
    };
    let start = group[0].start;
    let last = group[group.len() - 1];
    let end = last.start + last.text.len();
    match atx_heading(&raw) {
        Some((level, rest)) => {
            let mut p = Para::from_raw(rest.to_string(), start..end, blank);
            p.kind = ParaKind::Heading(level);
            p
        }
        None => Para::from_raw(raw, start..end, blank),
    }
}

/// True when hard-wrapped line `lines[i]` (`len` chars of a block whose
/// longest line has `max`, the `group_len`-th line of its paragraph) runs on
/// into the next line.
fn continues(
    lines: &[Line<'_>],
    i: usize,
    chrome: &[bool],
    len: usize,
    max: usize,
    group_len: usize,
) -> bool {
    let line = &lines[i];
    let Some(next) = lines.get(i + 1).filter(|n| {
        !item_break(line.text, n.text, chrome[i] || chrome[i + 1])
            && !numbered_after_sentence(line.text, n.text)
            && atx_heading(line.text).is_none()
    }) else {
        return false;
    };
    let next_lower = next.text.trim_start().starts_with(char::is_lowercase);
    // A line that does not end a sentence runs on into the next one.
    let open = || {
        !line
            .text
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', ')', ']'])
            && len * 10 >= max * 3
            // A title-cased line may be a heading, unless it already
            // continues the lines before it (`Provisions Relating to IETF
            // Documents` in the middle of a sentence).
            && (group_len > 1 || !crate::document::structure::heading_like(line.text))
    };
    (max >= WRAP_MIN && (len * 10 >= max * 6 || open())) || next_lower
}

/// A line `12 Capitalised…` right after a line that ends a sentence: a note
/// copied from a PDF without the period after its number, not a wrapped line.
fn numbered_after_sentence(prev: &str, line: &str) -> bool {
    prev.trim_end().ends_with(['.', ')'])
        && crate::document::conventions::numbered::bare_number_label(line.trim_start()).is_some()
}

/// `# Title` → (1, "Title").
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let t = line.trim_start();
    let n = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&n) && t.as_bytes().get(n) == Some(&b' ') {
        let rest = t[n..].trim().trim_end_matches('#').trim();
        (!rest.is_empty()).then_some((u8::try_from(n).unwrap_or(6), rest))
    } else {
        None
    }
}
