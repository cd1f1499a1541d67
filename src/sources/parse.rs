//! Note text -> [`NoteKind`]: splits a note into sentences, finds quoted or italic titles, reads authors before a title and container, date, pages, URL and access date after it; never invents a field.

use super::tail::{infer_kind, publisher_paren, read_tail};
use super::text::{clean, find_italics, find_quotes, find_urls, sentence_ends};
use super::{Citation, NoteKind, SourceKind};
use crate::document::NoteRef;
use std::ops::Range;

/// Classifies a note and parses the works it cites.
///
/// `Ibid.` and single `op. cit.` references are only detected (the caller
/// resolves them); a note citing several works, short forms included,
/// yields all of them; a note with no title, URL or publisher is a
/// `Comment`.
#[must_use]
pub fn parse_note(text: &str) -> NoteKind {
    let s = clean(text);
    if is_ibid(&s) {
        return NoteKind::Ibid;
    }
    let cites = citations_in(&s);
    if has_op_cit(&s) && cites.len() <= 1 {
        return NoteKind::OpCit;
    }
    if cites.is_empty() {
        NoteKind::Comment
    } else {
        NoteKind::Citation(cites)
    }
}

/// All works a note names, short forms (`Smith, "Title", op. cit.`)
/// included; used by grouping for unresolved `op. cit.` notes.
pub(crate) fn note_citations(text: &str) -> Vec<Citation> {
    citations_in(&clean(text))
}

/// True for a note pointing at the one before (`Ibid.`, `Id.`, `See id.`),
/// as the document model recognises it (`citations::forms`).
pub(crate) fn is_ibid(cleaned: &str) -> bool {
    matches!(
        crate::citations::reference_of(cleaned).0,
        NoteRef::Ibid | NoteRef::Id
    )
}

/// True for a note pointing at an earlier work (`op. cit.`, `loc. cit.`,
/// `supra`), as the document model recognises it.
pub(crate) fn has_op_cit(s: &str) -> bool {
    matches!(
        crate::citations::reference_of(s).0,
        NoteRef::OpCit | NoteRef::LocCit | NoteRef::Supra
    )
}

/// A title found in a segment: byte range of the title text and where the
/// title's markup (closing quote or asterisk) ends.
struct TitleAt {
    open: usize,
    text: Range<usize>,
    end: usize,
    italic: bool,
}

fn citations_in(s: &str) -> Vec<Citation> {
    let quotes = find_quotes(s);
    let mut bounds = vec![0];
    bounds.extend(sentence_ends(s, &quotes));
    bounds.push(s.len());
    let mut out: Vec<Citation> = Vec::new();
    for w in bounds.windows(2) {
        let seg = w[0]..w[1];
        let titles: Vec<TitleAt> = quotes
            .iter()
            .filter(|q| q.open >= seg.start && q.end <= seg.end && is_title_quote(s, q))
            .map(|q| TitleAt {
                open: q.open,
                text: q.inner.clone(),
                end: q.end,
                italic: false,
            })
            .collect();
        let titles = if titles.is_empty() {
            unquoted_title(s, seg.clone()).into_iter().collect()
        } else {
            titles
        };
        let before = out.len();
        for (k, t) in titles.iter().enumerate() {
            let head_start = if k == 0 {
                seg.start
            } else {
                split_point(s, titles[k - 1].end..t.open)
            };
            let tail_end = titles
                .get(k + 1)
                .map_or(seg.end, |n| split_point(s, t.end..n.open));
            let head = &s[head_start..t.open];
            if let Some(c) = build(head, &s[t.text.clone()], t.italic, &s[t.end..tail_end]) {
                out.push(c);
            }
        }
        if out.len() == before {
            attach_bare_url(&s[seg], &mut out);
        }
    }
    out
}

/// A segment without a title that holds a URL: the URL completes the
/// previous citation if it has none, else it is a bare-URL citation.
fn attach_bare_url(seg: &str, out: &mut Vec<Citation>) {
    let Some(hit) = find_urls(seg).into_iter().next() else {
        return;
    };
    let tail = read_tail(seg);
    match out.last_mut() {
        Some(prev) if prev.url.is_none() => {
            prev.url = Some(hit.url);
            prev.accessed = prev.accessed.take().or(tail.accessed);
        }
        _ => out.push(Citation {
            url: Some(hit.url),
            accessed: tail.accessed,
            kind: SourceKind::Web,
            ..Citation::default()
        }),
    }
}

/// Where the head of the next title starts between two titles of one
/// sentence: after the last `;`, `)` or `>` (or the next title itself).
fn split_point(s: &str, between: Range<usize>) -> usize {
    let region = &s[between.clone()];
    region
        .rfind([';', ')', '>'])
        .map_or(between.end, |i| between.start + i + 1)
}

/// A quote is a title when it starts with a capital and is followed by the
/// citation's punctuation (American `,”`, then `,` / `*` / `op. cit.` / end)
/// or ends with `?`/`!` before a capitalised container.
fn is_title_quote(s: &str, q: &super::text::Quote) -> bool {
    let inner = s[q.inner.clone()].trim();
    let capital = inner
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    if !capital {
        return false;
    }
    let after = s[q.end..].trim_start();
    let punct_after = after.is_empty()
        || after.starts_with([',', '*', '.', ';'])
        || after.to_lowercase().starts_with("op");
    if inner.ends_with(',') {
        return true;
    }
    if inner.ends_with('.') {
        return after.starts_with(',');
    }
    punct_after
        || (inner.ends_with(['?', '!']) && after.chars().next().is_some_and(char::is_uppercase))
}

/// Title of a segment with no quoted title: an italic span after an
/// author-like head, else the comma part before `(Place: Publisher, Year)`
/// or before `op. cit.`.
fn unquoted_title(s: &str, seg: Range<usize>) -> Option<TitleAt> {
    let seg_text = &s[seg.clone()];
    for (inner, end) in find_italics(seg_text) {
        let head = &seg_text[..inner.start - 1];
        if head.trim().is_empty() || !authors(head).is_empty() {
            return Some(TitleAt {
                open: seg.start + inner.start - 1,
                text: seg.start + inner.start..seg.start + inner.end,
                end: seg.start + end,
                italic: true,
            });
        }
    }
    let lower = seg_text.to_lowercase();
    let stop = publisher_paren(seg_text)
        .map(|(r, _, _)| r.start)
        .or_else(|| lower.find("op. cit").or_else(|| lower.find("op.cit")))?;
    let before = seg_text[..stop].trim_end().trim_end_matches(',');
    let start = before.rfind(", ").map_or(0, |i| i + 2);
    let title = before[start..].trim();
    if title.is_empty() || !title.starts_with(char::is_uppercase) {
        return None;
    }
    let head_ok = start == 0 || !authors(&before[..start]).is_empty();
    head_ok.then(|| TitleAt {
        open: seg.start + start,
        text: seg.start + start..seg.start + before.len(),
        end: seg.start + before.len(),
        italic: true,
    })
}

/// Author names from the text before a title, when it looks like names
/// followed by a comma: split on ` and `, `&`, `,`; `Dr.` stripped.
/// Empty when the head is commentary.
pub(crate) fn authors(head: &str) -> Vec<String> {
    let mut h = head.trim().trim_start_matches(['*', '-', ' ']);
    for lead in ["See also ", "See ", "Cf. ", "cf. ", "and "] {
        h = h.strip_prefix(lead).unwrap_or(h);
    }
    let Some(h) = h.trim().strip_suffix(',') else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for part in h.split(" and ").flat_map(|p| p.split(['&', ','])) {
        let mut name = part.trim();
        for title in ["Dr. ", "Dr ", "Prof. ", "Professor "] {
            name = name.strip_prefix(title).unwrap_or(name);
        }
        if name.is_empty() {
            continue;
        }
        if !is_name(name) {
            return Vec::new();
        }
        names.push(name.to_string());
    }
    names
}

const PARTICLES: [&str; 15] = [
    "of", "the", "for", "and", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al",
];

fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && words[0].starts_with(char::is_uppercase)
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || "“”\"()".contains(c))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(w))
}

fn build(head: &str, title: &str, italic: bool, tail: &str) -> Option<Citation> {
    let title = title.trim().trim_end_matches(',').trim().replace('*', "");
    if title.is_empty() {
        return None;
    }
    let authors = authors(head);
    let t = read_tail(tail);
    let has_source = t.container.is_some()
        || t.date.is_some()
        || t.url.is_some()
        || t.pages.is_some()
        || t.op_cit
        || t.publisher;
    if !has_source && authors.is_empty() && !head.trim().is_empty() {
        return None;
    }
    let kind = infer_kind(&t, italic);
    Some(Citation {
        authors,
        title: Some(title),
        container: t.container,
        date: t.date,
        pages: t.pages,
        url: t.url,
        accessed: t.accessed,
        kind,
    })
}
