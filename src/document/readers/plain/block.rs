//! One blank-line-separated block of plain text: preformatted (kept line by
//! line), an indented quotation, or prose with starred headings and
//! column-aligned runs standing apart.

use super::Line;
use super::prose::prose;
use crate::document::raw::{Para, ParaKind};

/// Turns a blank-line-separated block into one or more paragraphs.
pub(super) fn split_block<'a>(
    lines: &[Line<'a>],
    blank_before: bool,
    base: usize,
    out: &mut Vec<Para<'a>>,
) {
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
        crate::document::readers::preformatted::Shape::Prose
    } else {
        crate::document::readers::preformatted::classify(&texts, base)
    };
    match shape {
        crate::document::readers::preformatted::Shape::Preformatted => {
            let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
                return;
            };
            out.push(Para::verbatim(
                crate::document::readers::preformatted::dedent(&texts),
                first.start..last.start + last.text.len(),
                blank_before,
            ));
            return;
        }
        crate::document::readers::preformatted::Shape::Quote => {
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
        crate::document::readers::preformatted::Shape::Prose => {}
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
                crate::document::readers::preformatted::column_gap(t)
                    || crate::document::readers::preformatted::dot_leader(t)
            })
            .count();
        if run >= 2 && lines.len() > run {
            prose(&lines[from..i], blank_before && from == 0, out);
            let (l, last) = (&lines[i], &lines[i + run - 1]);
            out.push(Para::verbatim(
                crate::document::readers::preformatted::dedent(&texts[i..i + run]),
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
