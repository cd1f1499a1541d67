//! Plain-text reader: splits decoded text into paragraphs, handling both
//! one-line-per-paragraph text and hard-wrapped, blank-line-separated text;
//! keeps preformatted blocks (code, grammars, tables of contents, tables,
//! verse) line by line, and reads `===`/`---` underlined headings.
//!
//! Split in three: this module finds the blank-line-separated blocks and the
//! headings a block's shape gives; [`block`] sorts a block into preformatted
//! text, quotations, starred headings and prose; [`prose`] splits prose into
//! paragraphs.

mod block;
mod prose;

use crate::document::raw::{Para, ParaKind};
use block::split_block;

/// One source line with its byte range.
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
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
        // A footnote rule (`——————`, `______`) printed straight under the
        // page's last body line stands on its own: the notes follow it.
        let rule = is_note_rule(line);
        if rule && !cur.is_empty() {
            spaced.push(false);
            blocks.push((std::mem::take(&mut cur), cur_blank));
            saw_blank = false;
        }
        if cur.is_empty() {
            cur_blank = saw_blank;
            saw_blank = false;
            cur_blanks = blanks;
        }
        blanks = 0;
        cur.push(Line { text: line, start });
        if rule {
            spaced.push(false);
            blocks.push((std::mem::take(&mut cur), cur_blank));
        }
    }
    if !cur.is_empty() {
        spaced.push(false);
        blocks.push((cur, cur_blank));
    }
    let base = crate::document::readers::preformatted::base_indent(
        blocks.iter().flat_map(|(l, _)| l.iter().map(|l| l.text)),
    );
    // Each block reads on its own (given the base indentation): a large text
    // is read in two halves, one on another core, joined in order.
    let lines = lines_in(&blocks);
    let out = if text.len() >= PARALLEL_BYTES {
        let half = text.len() / 2;
        let cut = blocks
            .iter()
            .position(|(l, _)| l.first().is_some_and(|l| l.start >= half))
            .unwrap_or(blocks.len());
        let tail_blocks = blocks.split_off(cut);
        let tail_spaced = spaced.split_off(cut);
        std::thread::scope(|s| {
            // A line makes at most one paragraph: the head's list has room
            // for the tail's as well, so joining them copies only the tail.
            let tail_lines = lines_in(&tail_blocks);
            let tail = s.spawn(move || read_blocks(tail_blocks, tail_spaced, base, tail_lines));
            let mut head = read_blocks(blocks, spaced, base, lines);
            match tail.join() {
                Ok(tail) => head.extend(tail),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            head
        })
    } else {
        read_blocks(blocks, spaced, base, lines)
    };
    // Room left for lines that made no paragraph of their own is address
    // space only (never written, never resident): it is not shrunk away,
    // which would copy every paragraph once more.
    out
}

/// How many lines `blocks` hold (a line makes at most one paragraph).
fn lines_in(blocks: &[(Vec<Line<'_>>, bool)]) -> usize {
    blocks.iter().map(|(l, _)| l.len()).sum()
}

/// Texts at least this long are read on two cores.
const PARALLEL_BYTES: usize = 1 << 20;

/// The paragraphs of `blocks` (each with its blank-before flag and whether it
/// is a one-line block set off by two blank lines), with room for
/// `capacity` paragraphs.
fn read_blocks(
    blocks: Vec<(Vec<Line<'_>>, bool)>,
    spaced: Vec<bool>,
    base: usize,
    capacity: usize,
) -> Vec<Para<'_>> {
    let mut out = Vec::with_capacity(capacity);
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
        // A heading at the margin set straight over the indented text it
        // heads (`Table of Contents` over its dot leaders, older RFCs'
        // `Status of this Memo` over its paragraph).
        // A lone indented line under it continues a long heading instead.
        if base >= 2
            && texts.len() >= 3
            && texts[1..]
                .iter()
                .all(|t| crate::document::readers::preformatted::indent(t) >= base)
            && let Some((level, head)) = outdented_heading(&texts[..1])
        {
            let l = &lines[0];
            let mut p = Para::from_raw(head, l.start..l.start + l.text.len(), blank);
            p.kind = ParaKind::Heading(level);
            out.push(p);
            split_block(&lines[1..], false, base, &mut out);
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
        && !crate::document::readers::preformatted::dot_leader(t)
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

/// A footnote rule: a line of five or more em dashes, box-drawing rules or
/// underscores (not hyphens or `=`, which underline headings).
fn is_note_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 5
        && t.starts_with(['—', '_', '─'])
        && t.chars().count() >= 5
        && t.chars().all(|c| matches!(c, '—' | '_' | '─'))
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
    fn a_megabyte_of_unwrapped_lines_reads_in_order_on_two_cores() {
        // One block (no blank line) of lines too long to be hard-wrapped:
        // one paragraph each, read in two halves on two threads.
        let line = |i: usize| format!("Line {i} has *emphasis* and {} words.", "many ".repeat(24));
        let lines: Vec<String> = (0..9000).map(line).collect();
        let text = lines.join("\n");
        assert!(text.len() > 1 << 20);
        let paras = paragraphs(&text);
        assert_eq!(paras.len(), lines.len());
        let mut at = 0;
        for (i, (p, l)) in paras.iter().zip(&lines).enumerate() {
            assert_eq!(p.text, l.replace('*', ""), "paragraph {i}");
            assert_eq!(p.source, at..at + l.len(), "paragraph {i}");
            assert_eq!(p.inlines.len(), 1, "paragraph {i}");
            assert!(!p.blank_before || i == 0);
            at += l.len() + 1;
        }
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

    #[test]
    fn a_heading_over_its_indented_lines_stands_apart() {
        let text = concat!(
            "   A long indented line of body prose that sets the body indentation here,\n",
            "   and a second one, for the body of an RFC is indented by three spaces.\n\n",
            "Table of Contents\n",
            "   1. Introduction ....................3\n",
            "   2. Attacks on TLS ..................3\n\n",
            "19.6.1.1 Changes to Simplify Multi-homed Web Servers and Conserve IP\n",
            "   Addresses\n",
        );
        let p = paragraphs(text);
        let heads: Vec<&str> = p
            .iter()
            .filter(|p| matches!(p.kind, ParaKind::Heading(_)))
            .map(|p| p.text.as_ref())
            .collect();
        assert!(heads.contains(&"Table of Contents"), "{heads:?}");
        // A lone indented line under a heading continues it.
        assert!(
            !heads.iter().any(|h| h.ends_with("Conserve IP")),
            "{heads:?}"
        );
        assert!(
            p.iter()
                .any(|p| p.kind == ParaKind::Code && p.text.contains("2. Attacks on TLS"))
        );
    }

    #[test]
    fn japanese_lines_join_without_a_space() {
        assert_eq!(
            texts(
                "[FFDHE-TLS]で提案されているような定義済みのDHグループを使用することは、\nこの攻撃を軽減する。"
            ),
            vec![
                "[FFDHE-TLS]で提案されているような定義済みのDHグループを使用することは、この攻撃を軽減する。"
            ]
        );
    }

    #[test]
    fn a_title_cased_line_inside_a_sentence_runs_on() {
        let t = texts(concat!(
            "   This document is subject to BCP 78 and the IETF Trust's Legal\n",
            "   Provisions Relating to IETF Documents\n",
            "   (https://trustee.ietf.org/license-info) in effect on the date of\n",
            "   publication of this document.\n",
        ));
        assert_eq!(t.len(), 1, "{t:?}");
    }
}
