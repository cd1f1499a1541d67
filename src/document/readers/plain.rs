//! Plain-text reader: splits decoded text into paragraphs, handling both
//! one-line-per-paragraph text and hard-wrapped, blank-line-separated text;
//! keeps preformatted blocks (code, grammars, tables of contents, tables,
//! verse) line by line, and reads `===`/`---` underlined headings.

use crate::document::raw::{Para, ParaKind};

/// Blocks whose longest line is shorter than this (chars) are not hard-wrapped
/// prose unless a line continues in lower case.
const WRAP_MIN: usize = 40;
/// Lines longer than this are never hard-wrapped: each is a paragraph.
const WRAP_MAX: usize = 110;

/// One source line with its byte range.
struct Line<'a> {
    text: &'a str,
    start: usize,
}

/// Splits plain text into paragraphs.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Para<'_>> {
    let mut blocks: Vec<(Vec<Line<'_>>, bool)> = Vec::new();
    // Blocks that are one line set off by two or more blank lines above.
    let mut spaced: Vec<bool> = Vec::new();
    let mut cur: Vec<Line<'_>> = Vec::new();
    let mut cur_blank = false;
    let mut saw_blank = false;
    let mut blanks = 0usize;
    let mut cur_blanks = 0usize;
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        if line.trim().is_empty() {
            if !cur.is_empty() {
                spaced.push(cur.len() == 1 && cur_blanks >= 2);
                blocks.push((std::mem::take(&mut cur), cur_blank));
            }
            saw_blank = true;
            blanks += 1;
            continue;
        }
        if cur.is_empty() {
            cur_blank = saw_blank;
            saw_blank = false;
            cur_blanks = blanks;
        }
        blanks = 0;
        cur.push(Line { text: line, start });
    }
    if !cur.is_empty() {
        spaced.push(false);
        blocks.push((cur, cur_blank));
    }
    let base =
        super::preformatted::base_indent(blocks.iter().flat_map(|(l, _)| l.iter().map(|l| l.text)));
    let mut out = Vec::with_capacity(text.len() / 64);
    for ((lines, blank), spaced) in blocks.into_iter().zip(spaced) {
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        if base >= 2
            && let Some((level, head)) = outdented_heading(&texts)
        {
            let l = &lines[0];
            let mut p = Para::from_raw(head, l.start..l.start + l.text.len(), blank);
            p.kind = ParaKind::Heading(level);
            out.push(p);
            continue;
        }
        if spaced && let Some(head) = spaced_heading(texts[0]) {
            let l = &lines[0];
            let mut p = Para::from_raw(head, l.start..l.start + l.text.len(), blank);
            p.kind = ParaKind::Heading(2);
            out.push(p);
            continue;
        }
        if let Some((level, head)) = underlined(&texts) {
            let l = &lines[0];
            let mut p = Para::from_raw(head.trim(), l.start..l.start + l.text.len(), blank);
            p.kind = ParaKind::Heading(level);
            out.push(p);
            if lines.len() > 2 {
                split_block(&lines[2..], false, base, &mut out);
            }
            continue;
        }
        split_block(&lines, blank, base, &mut out);
    }
    out
}

/// In a document whose body is indented (RFCs, old PEPs), a single line
/// at the left margin is a section heading: its level and text.
fn outdented_heading<'a>(lines: &[&'a str]) -> Option<(u8, &'a str)> {
    let [line] = lines else { return None };
    let t = line.trim_end();
    let ok = !t.starts_with(' ')
        && (2..=80).contains(&t.chars().count())
        && !t.contains("   ")
        && !t.ends_with([',', ';', '-'])
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    ok.then(|| {
        let level = crate::document::headings::numbered(t).unwrap_or(1);
        (level, t.trim())
    })
}

/// A line set off by blank lines that reads as a section title, with or
/// without a final period (`La Longue Veille.`, as books set them).
fn spaced_heading(line: &str) -> Option<&str> {
    let t = line.trim();
    let bare = t.strip_suffix('.').unwrap_or(t);
    (t.chars().count() <= 60
        && bare.split_whitespace().count() <= 8
        && !bare.ends_with(['.', ',', ';', ':', '-'])
        && crate::document::structure::heading_like(bare))
    .then_some(t)
}

/// A heading underlined with `===` (level 1) or `---` (level 2) as the first
/// two lines of a block: its level and text.
fn underlined<'a>(lines: &[&'a str]) -> Option<(u8, &'a str)> {
    let (head, rule) = (lines.first()?.trim(), lines.get(1)?.trim());
    let c = rule.chars().next()?;
    let level = match c {
        '=' => 1,
        '-' => 2,
        '~' | '^' => 3,
        _ => return None,
    };
    let n = rule.chars().count();
    let hn = head.chars().count();
    (n >= 3 && rule.chars().all(|x| x == c) && hn > 0 && n + 2 >= hn && n <= hn * 2 + 4)
        .then_some((level, head))
}

/// True when a line starts a list item or labelled note and so never
/// continues the previous line.
fn starts_item(line: &str) -> bool {
    if is_header_field(line) {
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
        if !out.is_empty() && !hyphen {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
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

/// `Key: value` at the start of a line (RFC 822 headers, `Title:` lines).
fn is_header_field(line: &str) -> bool {
    line.split_once(": ").is_some_and(|(k, v)| {
        !k.is_empty()
            && k.len() <= 20
            && !v.is_empty()
            && k.starts_with(|c: char| c.is_ascii_uppercase())
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// Turns a blank-line-separated block into one or more paragraphs.
fn split_block<'a>(lines: &[Line<'a>], blank_before: bool, base: usize, out: &mut Vec<Para<'a>>) {
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    // Notes are often indented (`    [Footnote 1: …]`): a labelled block is prose.
    let labelled = texts.first().is_some_and(|t| {
        use crate::document::conventions::{Style, label_of};
        label_of(t.trim_start()).is_some_and(|l| {
            matches!(
                l.style,
                Style::GutenbergBlock | Style::Bracket | Style::Superscript
            )
        })
    });
    let shape = if labelled {
        super::preformatted::Shape::Prose
    } else {
        super::preformatted::classify(&texts, base)
    };
    match shape {
        super::preformatted::Shape::Preformatted => {
            let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
                return;
            };
            out.push(Para::verbatim(
                super::preformatted::dedent(&texts),
                first.start..last.start + last.text.len(),
                blank_before,
            ));
            return;
        }
        super::preformatted::Shape::Quote => {
            let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
                return;
            };
            let joined: Vec<&str> = texts.iter().map(|t| t.trim()).collect();
            let mut p = Para::from_raw(
                joined.join(" "),
                first.start..last.start + last.text.len(),
                blank_before,
            );
            p.kind = ParaKind::Quote;
            out.push(p);
            return;
        }
        super::preformatted::Shape::Prose => {}
    }
    // Inside a prose block: starred headings of text-browser dumps and runs
    // of column-aligned lines (tables) stand apart; the rest is prose.
    let mut from = 0;
    let mut i = 0;
    while i < lines.len() {
        if let Some((level, head, used)) = starred_heading(&texts[i..]) {
            prose(&lines[from..i], blank_before && from == 0, out);
            let (l, last) = (&lines[i], &lines[i + used - 1]);
            let mut p = Para::from_raw(head, l.start..last.start + last.text.len(), true);
            p.kind = ParaKind::Heading(level);
            out.push(p);
            i += used;
            from = i;
            continue;
        }
        let run = texts[i..]
            .iter()
            .take_while(|t| {
                super::preformatted::column_gap(t) || super::preformatted::dot_leader(t)
            })
            .count();
        if run >= 2 && lines.len() > run {
            prose(&lines[from..i], blank_before && from == 0, out);
            let (l, last) = (&lines[i], &lines[i + run - 1]);
            out.push(Para::verbatim(
                super::preformatted::dedent(&texts[i..i + run]),
                l.start..last.start + last.text.len(),
                false,
            ));
            i += run;
            from = i;
            continue;
        }
        i += 1;
    }
    prose(&lines[from..], blank_before && from == 0, out);
}

/// A heading as text browsers dump one: `***** History[edit] *****` (the
/// closing stars may wrap onto the next line): level, text, lines used.
fn starred_heading(lines: &[&str]) -> Option<(u8, String, usize)> {
    let t = lines.first()?.trim();
    let stars = t.bytes().take_while(|&b| b == b'*').count();
    if !(2..=6).contains(&stars) || t.as_bytes().get(stars) != Some(&b' ') {
        return None;
    }
    let rest = t[stars..].trim();
    let (body, used) = match rest.strip_suffix(&"*".repeat(stars)) {
        Some(b) => (b.trim(), 1),
        None => {
            let next = lines.get(1)?.trim();
            if next.bytes().all(|b| b == b'*') && next.len() == stars {
                (rest, 2)
            } else {
                return None;
            }
        }
    };
    let body = body.strip_suffix("[edit]").unwrap_or(body).trim();
    // `*** START OF THE PROJECT GUTENBERG EBOOK … ***` is a licence line.
    if body.is_empty() || body.contains('*') || body.to_uppercase().contains("GUTENBERG") {
        return None;
    }
    let level = u8::try_from(7 - stars).unwrap_or(1).clamp(1, 6);
    Some((level, body.to_string(), used))
}

/// Splits hard-wrapped or one-line-per-paragraph prose lines into paragraphs.
fn prose<'a>(lines: &[Line<'a>], blank_before: bool, out: &mut Vec<Para<'a>>) {
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
    let mut group: Vec<&Line<'a>> = Vec::new();
    let mut first = true;
    let flush = |group: &mut Vec<&Line<'a>>, out: &mut Vec<Para<'a>>, first: &mut bool| {
        if group.is_empty() {
            return;
        }
        let raw: std::borrow::Cow<'a, str> = if group.len() == 1 {
            group[0].text.trim().into()
        } else {
            join_lines(group.iter().map(|l| l.text.trim())).into()
        };
        let start = group[0].start;
        let last = group[group.len() - 1];
        let end = last.start + last.text.len();
        let p = match atx_heading(&raw) {
            Some((level, rest)) => {
                let mut p = Para::from_raw(rest.to_string(), start..end, blank_before && *first);
                p.kind = ParaKind::Heading(level);
                p
            }
            None => Para::from_raw(raw, start..end, blank_before && *first),
        };
        out.push(p);
        group.clear();
        *first = false;
    };
    // Each line is tested for web chrome once (item_break needs it twice).
    let chrome: Vec<bool> = lines
        .iter()
        .map(|l| crate::document::furniture::is_web_chrome(l.text))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let len = if wrapped {
            line.text.trim_end().chars().count()
        } else {
            0
        };
        // A non-empty group ends with the line before this one.
        if let Some(prev) = group.last()
            && item_break(prev.text, line.text, chrome[i - 1] || chrome[i])
        {
            flush(&mut group, out, &mut first);
        }
        group.push(line);
        let next = lines.get(i + 1).filter(|n| {
            !item_break(line.text, n.text, chrome[i] || chrome[i + 1])
                && !numbered_after_sentence(line.text, n.text)
                && atx_heading(line.text).is_none()
        });
        let next_lower = next.is_some_and(|n| n.text.trim_start().starts_with(char::is_lowercase));
        // A line that does not end a sentence runs on into the next one.
        let open = !line
            .text
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', ')', ']'])
            && len * 10 >= max * 3
            && !crate::document::structure::heading_like(line.text);
        let next_continues = wrapped
            && next.is_some()
            && ((max >= WRAP_MIN && (len * 10 >= max * 6 || open)) || next_lower);
        if !next_continues {
            flush(&mut group, out, &mut first);
        }
    }
    flush(&mut group, out, &mut first);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        paragraphs(s)
            .into_iter()
            .map(|p| p.text.into_owned())
            .collect()
    }

    #[test]
    fn one_line_per_paragraph() {
        assert_eq!(
            texts("First line here.\nSecond line.\n"),
            vec!["First line here.", "Second line."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let s = "It was the best of times, it was the worst of times, it was\nthe age of wisdom.\n\nNext one.";
        assert_eq!(
            texts(s),
            vec![
                "It was the best of times, it was the worst of times, it was the age of wisdom.",
                "Next one."
            ]
        );
    }

    #[test]
    fn short_lines_stay_apart_and_items_split() {
        assert_eq!(
            texts("Editor: A\nCoordinator: B"),
            vec!["Editor: A", "Coordinator: B"]
        );
        let s = "1. A note that is long enough to look like wrapped text here.\n2. Another.";
        assert_eq!(texts(s).len(), 2);
    }

    #[test]
    fn a_hyphen_at_a_line_end_runs_on() {
        assert_eq!(
            texts(
                "   those in the Ephemeral Diffie-\n   Hellman and Elliptic Curve families, with a dash --\n   then more text that ends here."
            ),
            vec![
                "those in the Ephemeral Diffie-Hellman and Elliptic Curve families, with a dash -- then more text that ends here."
            ]
        );
    }

    #[test]
    fn atx_headings() {
        let p = paragraphs("# Hello\n\nText.");
        assert_eq!(p[0].kind, ParaKind::Heading(1));
        assert_eq!(p[0].text, "Hello");
    }
}
