//! Turns one parsed [`Document`] into finder entries: title, headings, passages, notes.
//!
//! Entries come out in a fixed order (title first, then body items in reading order, then
//! notes) with `heading` indices *local* to the document's entry list and `doc` set to 0;
//! [`super::Index`] rebases both when it stores them. Texts are single lines: a `\n` becomes a
//! space (same byte length, so offsets inside a text still line up with the document).

use super::{Entry, Kind};
use crate::document::{BlockKind, Document};

/// Paragraphs longer than this (bytes) are split into sentences.
pub const SPLIT_OVER: usize = 300;
/// Sentences shorter than this (bytes) are joined to the next one.
const MIN_SENTENCE: usize = 60;

/// The entries of one document, with local heading indices (see the module docs).
#[must_use]
pub fn entries_for(doc: &Document, fallback_title: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let title = if doc.meta.title.trim().is_empty() {
        fallback_title
    } else {
        doc.meta.title.as_str()
    };
    out.push(entry(Kind::Article, title, 0, None));
    let mut block_heading: Vec<Option<u32>> = vec![None; doc.blocks.len()];
    let mut current: Option<u32> = None;
    for (i, block) in doc.body() {
        let text = doc.slice(block.span);
        match block.kind {
            BlockKind::Heading { .. } => {
                current = Some(to_u32(out.len()));
                out.push(entry(Kind::Heading, text, block.span.start, None));
            }
            BlockKind::Embed | BlockKind::Title | BlockKind::Byline => {}
            BlockKind::Paragraph
            | BlockKind::ListItem { .. }
            | BlockKind::Quote
            | BlockKind::Code => {
                push_passages(&mut out, text, block.span.start, current);
            }
        }
        if let Some(slot) = block_heading.get_mut(i) {
            *slot = current;
        }
    }
    for note in &doc.notes {
        let body = doc.slice(note.span);
        let heading = note
            .markers
            .first()
            .and_then(|&m| doc.markers.get(m))
            .and_then(|m| block_heading.get(m.block).copied().flatten());
        let text = format!("{} {}", note.label, body);
        out.push(entry(Kind::Note, &text, note.span.start, heading));
    }
    out
}

fn push_passages(out: &mut Vec<Entry>, text: &str, start: usize, heading: Option<u32>) {
    if text.trim().is_empty() {
        return;
    }
    if text.len() <= SPLIT_OVER {
        let lead = text.len() - text.trim_start().len();
        out.push(entry(Kind::Passage, text.trim(), start + lead, heading));
        return;
    }
    for (a, b) in sentences(text) {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let piece = piece.trim();
        if !piece.is_empty() {
            out.push(entry(Kind::Passage, piece, start + a + lead, heading));
        }
    }
}

/// Byte ranges of the sentences of `text` (covering all of it), short ones joined to the next.
#[must_use]
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' && ends_sentence(&text[..i]) && starts_sentence(&text[i + 1..]) {
            cuts.push(i + 1);
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if cut - start >= MIN_SENTENCE {
            out.push((start, cut));
            start = cut;
        }
    }
    if start < text.len() {
        match out.last_mut() {
            Some(last) if text.len() - start < MIN_SENTENCE => last.1 = text.len(),
            _ => out.push((start, text.len())),
        }
    }
    out
}

fn ends_sentence(before: &str) -> bool {
    let mut s = before;
    // A footnote marker `[12]` may follow the full stop.
    if s.ends_with(']')
        && let Some(open) = s.rfind('[')
    {
        s = &s[..open];
    }
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')']);
    s.ends_with(['.', '!', '?'])
}

fn starts_sentence(after: &str) -> bool {
    after
        .chars()
        .find(|c| !matches!(c, ' ' | '"' | '“' | '‘' | '\'' | '('))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn entry(kind: Kind, text: &str, offset: usize, heading: Option<u32>) -> Entry {
    let text: Box<str> = if text.contains('\n') {
        text.replace('\n', " ").into()
    } else {
        text.into()
    };
    Entry {
        kind,
        doc: 0,
        text,
        offset: to_u32(offset),
        heading,
    }
}

/// Offsets and counts are stored as `u32`; documents over 4 GiB saturate.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};

    #[test]
    fn sentences_split_at_full_stops_not_abbreviations() {
        let s = "The U.S. and Japan met in Tokyo for the first time in a decade. \
                 Russia said so.[3] Then they left for the Sea of Okhotsk, where the fleet waited for them.";
        let parts: Vec<&str> = sentences(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts[0].starts_with("The U.S. and Japan"));
        assert!(parts[1].starts_with("Russia said so.[3] Then"));
        assert_eq!(parts.concat(), s);
    }

    #[test]
    fn entries_have_offsets_into_the_text() {
        let doc = parse_str(
            "A Title\n\nIntro paragraph here.\n\nA Heading\n\nBody under the heading.\n",
            Format::Plain,
        );
        let entries = entries_for(&doc, "x");
        assert_eq!(entries[0].kind, Kind::Article);
        for e in &entries[1..] {
            if e.kind != Kind::Note {
                assert!(doc.text[e.offset as usize..].starts_with(&*e.text), "{e:?}");
            }
        }
    }
}
