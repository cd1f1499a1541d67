//! Classifying plain-text paragraphs by shape: headings, list items,
//! embedded-media placeholders; and rejoining paragraphs split by page breaks.

use super::BlockKind;
use super::raw::{Para, ParaKind};

/// Small words that stay lower case in title case.
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "to", "for", "with", "without",
    "that", "at", "by", "from", "as", "vs", "vs.", "into", "over", "via", "per", "its", "is",
    "are", "than", "off", "up", "out", "de", "la", "du", "von", "van", "der",
];

/// True when `text` reads as a heading: short, no final sentence punctuation,
/// mostly capitalised words.
#[must_use]
pub fn heading_like(text: &str) -> bool {
    let t = text.trim();
    // A short parenthetical closing a heading (`A. First Amendment Claim
    // (Count One)`, `Renegotiation (CVE-2009-3555)`) is part of it.
    // Only the last ` (` can open it, within the last 42 bytes.
    let t = match t
        .ends_with(')')
        .then(|| {
            let from = t.len().saturating_sub(42);
            memchr::memmem::rfind(&t.as_bytes()[from..], b" (").map(|at| from + at)
        })
        .flatten()
    {
        Some(at) if !t[at + 2..t.len() - 1].contains(['(', ')']) => t[..at].trim_end(),
        _ => t,
    };
    if t.len() > 400
        || t.ends_with(['.', ',', ';', ':', '!', ')', ']', '-', '—'])
        || t.contains('_')
        // A contents line (`1.  INTRODUCTION ........ 1`).
        || super::readers::preformatted::dot_leader(t)
    {
        return false;
    }
    let n = t.chars().count();
    if !(2..=100).contains(&n) {
        return false;
    }
    // A list of names (`FOR RESPONDENT: Timothy R. Block, Esquire, Edison,
    // New Jersey`) or a dateline (`Signed March 10, 2022`) is not a heading.
    let year_after_comma = t
        .rsplit_once(", ")
        .is_some_and(|(_, y)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    // `FOR RESPONDENT: Michael E. Ward, Esquire` is a labelled line.
    let labelled = t.split_once(": ").is_some_and(|(k, v)| {
        k.chars().any(char::is_alphabetic)
            && !k.chars().any(char::is_lowercase)
            && v.chars().any(char::is_lowercase)
    });
    if t.matches(", ").count() >= 3
        || year_after_comma
        || t.starts_with("BY ")
        || labelled
        || super::headings::imprint(t)
    {
        return false;
    }
    if !t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"'‘".contains(c))
    {
        return false;
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    let significant: Vec<&&str> = words
        .iter()
        .filter(|w| !MINOR.iter().any(|m| m.eq_ignore_ascii_case(w)))
        .collect();
    if significant.is_empty() {
        return false;
    }
    let caps = significant
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps * 10 >= significant.len() * 7 && (!t.ends_with('?') || caps == significant.len())
}

/// True when a paragraph begins a section by its shape alone: a heading the
/// markup gave, a numbered or capitalised heading, a book division.
#[must_use]
pub fn is_section_start(p: &Para) -> bool {
    match p.kind {
        ParaKind::Heading(_) => true,
        ParaKind::Unknown => super::headings::strong(&p.text).is_some(),
        _ => false,
    }
}

/// True for an embedded-media stand-in: `(For a … see the following video:)`.
fn is_embed(text: &str) -> bool {
    let t = text.trim();
    if is_illustration(t) {
        return true;
    }
    if !(t.starts_with('(') && t.ends_with(')') && t.len() < 1000) {
        return false;
    }
    let lower = t.to_lowercase();
    t.chars().count() < 250
        && (t.ends_with(":)")
            || [
                "video", "footage", "image", "photo", "audio", "podcast", "watch", "listen",
            ]
            .iter()
            .any(|w| lower.contains(w)))
}

/// True for a transcriber's stand-in for a picture: `[Illustration]`,
/// `[Illustration: Criterion of the Eyes.]` (Project Gutenberg).
#[must_use]
pub fn is_illustration(t: &str) -> bool {
    let t = t.trim();
    t.len() < 2000
        && t.ends_with(']')
        && t.get(..13)
            .is_some_and(|h| h.eq_ignore_ascii_case("[illustration"))
        && t[13..].starts_with([']', ':', ' ', '.'])
}

/// Assigns block kinds to paragraphs. `body[i]` says which paragraphs are
/// article text (not notes, masthead or furniture).
#[must_use]
pub fn classify(paras: &mut [Para], body: &[bool]) -> Vec<BlockKind> {
    let idx: Vec<usize> = (0..paras.len()).filter(|&i| body[i]).collect();
    let mut kinds: Vec<BlockKind> = paras.iter().map(|p| markup_kind(&p.kind)).collect();
    // Lists: a run of two or more lines ending in `;` (and the line closing it).
    let mut k = 0;
    while k < idx.len() {
        let mut end = k;
        while end < idx.len()
            && is_unknown(&paras[idx[end]])
            && ends_semicolon(&paras[idx[end]].text)
        {
            end += 1;
        }
        if end - k >= 2 {
            if end < idx.len()
                && is_unknown(&paras[idx[end]])
                && paras[idx[end]].text.chars().count() < 200
            {
                end += 1;
            }
            for &i in &idx[k..end] {
                kinds[i] = BlockKind::ListItem { number: None };
                paras[i].kind = ParaKind::ListItem(None);
            }
            k = end;
        } else {
            k += 1;
        }
    }
    let names = names_of(paras, &idx);
    for (pos, &i) in idx.iter().enumerate() {
        if !is_unknown(&paras[i]) {
            continue;
        }
        let text = paras[i].text.trim();
        let has_next = pos + 1 < idx.len();
        kinds[i] = if is_embed(text) {
            BlockKind::Embed
        } else if in_fields(paras, &idx, pos) {
            BlockKind::Paragraph
        } else if let Some(level) = super::headings::strong(text).filter(|_| {
            has_next
                && alone(paras, &idx, pos)
                && leads_text(paras, &idx, pos, &names)
                && !super::readers::preformatted::dot_leader(text)
        }) {
            BlockKind::Heading { level }
        } else if has_next
            && heading_like(text)
            && leads_text(paras, &idx, pos, &names)
            && !text.contains(" | ")
            && (!text.starts_with(|c: char| c.is_ascii_digit()) || alone(paras, &idx, pos))
            && !short_lines_on(paras, &idx, pos)
        {
            BlockKind::Heading { level: 2 }
        } else if let Some(level) = subtitle(paras, &idx, pos, &kinds).filter(|_| has_next) {
            BlockKind::Heading { level }
        } else if let Some(n) = bullet(text) {
            strip_prefix(&mut paras[i], n);
            BlockKind::ListItem { number: None }
        } else {
            BlockKind::Paragraph
        };
    }
    kinds
}

/// How often each body paragraph of one or two words occurs (at most 255).
type Names = rustc_hash::FxHashMap<String, u8>;

fn names_of(paras: &[Para], idx: &[usize]) -> Names {
    let mut out = Names::default();
    for &i in idx {
        let t = paras[i].text.trim();
        if t.len() <= 40 && t.split_whitespace().count() <= 2 {
            let n = out.entry(t.to_string()).or_insert(0);
            *n = n.saturating_add(1);
        }
    }
    out
}

/// True when body paragraph `idx[pos]` is one of two or more `Field: value`
/// lines in a row (`Court: U.S. District Court — …` / `Docket Number(s): …`
/// / `Date: …`): a record's fields, not headings.
fn in_fields(paras: &[Para], idx: &[usize], pos: usize) -> bool {
    // The neighbours in the source, whatever they became (the title, the
    // masthead).
    let field = |i: usize| {
        paras
            .get(i)
            .is_some_and(|p| super::readers::headers::field_line(p.text.trim()))
    };
    let i = idx[pos];
    field(i) && (field(i + 1) || i.checked_sub(1).is_some_and(field))
}

/// True when body paragraph `idx[pos]` stands alone in its block (blank
/// lines before and after it): entries of a table of contents do not.
fn alone(paras: &[Para], idx: &[usize], pos: usize) -> bool {
    let me = &paras[idx[pos]];
    let next_apart = idx.get(pos + 1).is_none_or(|&n| paras[n].blank_before);
    (me.blank_before || pos == 0) && next_apart
}

/// The level of body paragraph `idx[pos]` as the subtitle of the division
/// heading right above it (`Chapter I.` / `Preliminary Ideas--criterion of
/// the Oratorical Art.`): a short line standing alone, starting with a
/// capital and not breaking off mid-sentence.
fn subtitle(paras: &[Para], idx: &[usize], pos: usize, kinds: &[BlockKind]) -> Option<u8> {
    let prev = idx[pos.checked_sub(1)?];
    let BlockKind::Heading { level } = kinds[prev] else {
        return None;
    };
    let t = paras[idx[pos]].text.trim();
    let ok = super::headings::division(&paras[prev].text)
        && alone(paras, idx, pos)
        && (3..=100).contains(&t.chars().count())
        && t.starts_with(char::is_uppercase)
        && !t.ends_with([',', ';', ':', '-']);
    ok.then(|| (level + 1).min(6))
}

/// True when body paragraph `idx[pos]` is one of a block of short lines set
/// one under another (an address, a list of names): the next line follows
/// without a blank and is short too.
fn short_lines_on(paras: &[Para], idx: &[usize], pos: usize) -> bool {
    idx.get(pos + 1)
        .is_some_and(|&n| !paras[n].blank_before && paras[n].text.trim().chars().count() <= 40)
}

/// True when what follows a capitalised line is running text or another
/// heading (a signature, `EDGAR MACCULLOCH.`, is followed by a date line).
fn leads_text(paras: &[Para], idx: &[usize], pos: usize, names: &Names) -> bool {
    let t = paras[idx[pos]].text.trim();
    if !super::headings::all_caps(t)
        || super::headings::division(t)
        || super::headings::numbered(t).is_some()
    {
        return true;
    }
    if t.ends_with([',', '-', ';']) {
        return false;
    }
    // A signature: a short name in capitals closing a stretch of prose,
    // followed by a short line (a place or date), not by text.
    let after_prose = pos > 0 && {
        let prev = paras[idx[pos - 1]].text.trim();
        // (A note's marker may close it: `fears us.(2)`.)
        let end = prev.trim_end_matches(|c: char| c.is_ascii_digit() || "()[]*†‡".contains(c));
        prev.chars().count() >= 80 && end.ends_with(['.', '!', '?', '"', '”'])
    };
    let short_name = t.split_whitespace().count() <= 3 && t.ends_with('.');
    let next_short = idx
        .get(pos + 1)
        .is_none_or(|&n| paras[n].text.trim().chars().count() < 60);
    // A pen name closing each paper (`PUBLIUS`) is followed by the next
    // paper's heading, paper after paper: a heading over nothing, again and
    // again, is a signature.
    let bare_name = t.split_whitespace().count() <= 2 && !t.ends_with(['.', ':']);
    let next_heads = idx.get(pos + 1).is_some_and(|&n| {
        let nt = paras[n].text.trim();
        heading_like(nt) || super::headings::strong(nt).is_some()
    });
    let again = || names.get(t).is_some_and(|&n| n >= 3);
    !(after_prose && short_name && next_short)
        && !(after_prose && bare_name && next_heads && again())
}

fn is_unknown(p: &Para) -> bool {
    p.kind == ParaKind::Unknown
}

fn ends_semicolon(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(';') && t.chars().count() < 200
}

/// Bytes of a leading bullet (`- `, `* `, `• `).
fn bullet(t: &str) -> Option<usize> {
    ["- ", "* ", "• "]
        .iter()
        .find(|b| t.starts_with(**b))
        .map(|b| b.len())
}

/// Removes the first `n` bytes of a paragraph's text, shifting its inlines.
pub fn strip_prefix(p: &mut Para<'_>, n: usize) {
    p.text = match std::mem::take(&mut p.text) {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.get(n..).unwrap_or("")),
        std::borrow::Cow::Owned(mut s) => {
            s.drain(..n.min(s.len()));
            std::borrow::Cow::Owned(s)
        }
    };
    for (r, _) in &mut p.inlines {
        *r = r.start.saturating_sub(n)..r.end.saturating_sub(n);
    }
    p.inlines.retain(|(r, _)| !r.is_empty());
    for (r, _) in &mut p.refs {
        *r = r.start.saturating_sub(n)..r.end.saturating_sub(n);
    }
}

fn markup_kind(k: &ParaKind) -> BlockKind {
    match k {
        ParaKind::Heading(l) => BlockKind::Heading { level: *l },
        ParaKind::ListItem(n) => BlockKind::ListItem { number: *n },
        ParaKind::Quote => BlockKind::Quote,
        ParaKind::Code => BlockKind::Code,
        ParaKind::Unknown | ParaKind::Paragraph | ParaKind::Text | ParaKind::FootnoteDef(_) => {
            BlockKind::Paragraph
        }
    }
}

/// True when a paragraph ends mid-sentence (a page break cut it).
fn ends_open(t: &str) -> bool {
    let t = t.trim_end();
    t.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | '—'))
        && !t
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() && t.ends_with(']'))
}

/// Pairs `(a, b)` of body paragraph indices where `b` continues `a` across a
/// page break: `a` is a paragraph and `b` starts in lower case, or `a` ends
/// mid-sentence and `b` is a paragraph, with only furniture between them.
#[must_use]
pub fn split_pairs(paras: &[Para], kinds: &[BlockKind], body: &[bool]) -> Vec<(usize, usize)> {
    let idx: Vec<usize> = (0..paras.len()).filter(|&i| body[i]).collect();
    let mut out = Vec::new();
    for w in idx.windows(2) {
        let (a, b) = (w[0], w[1]);
        if kinds[a] != BlockKind::Paragraph || kinds[b] != BlockKind::Paragraph {
            continue;
        }
        let starts_lower = paras[b].text.chars().next().is_some_and(char::is_lowercase);
        let gap = b - a > 1 || paras[b].blank_before;
        if gap && starts_lower && (ends_open(&paras[a].text) || paras[a].text.chars().count() > 80)
        {
            out.push((a, b));
        }
    }
    out
}

#[cfg(test)]
#[path = "structure_tests.rs"]
mod tests;
