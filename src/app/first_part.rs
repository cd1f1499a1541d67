//! The first part of a big article: where to cut its bytes so the first
//! screen can be parsed and shown before the whole article is, and how the
//! state takes that part and then the whole document in its place.

use super::message::{Level, Message};
use super::state::{AppState, ArticleStatus, FirstPartShown};
use crate::document::Document;
use std::sync::Arc;

/// Articles up to this size are parsed whole at once (a few milliseconds).
pub const WHOLE_UP_TO: u64 = 512 * 1024;
/// The first part is at least this long: several 200x50 screens of text.
pub const FIRST_PART: usize = 64 * 1024;
/// How much of a big file is read for its first part.
pub const HEAD: usize = 3 * FIRST_PART;
/// What the status line says while the rest is parsed.
pub const LOADING_REST: &str = "loading the rest of the article…";

/// Where to cut `head`, the start of a file of `total` bytes, for a first
/// part: after the first blank line at or beyond [`FIRST_PART`] (a
/// paragraph boundary), else after the first line break there, else at a
/// UTF-8 character boundary. `None` for files of at most [`WHOLE_UP_TO`]
/// bytes or a head too short to cut.
#[must_use]
pub fn cut(head: &[u8], total: u64) -> Option<usize> {
    if total <= WHOLE_UP_TO || head.len() <= FIRST_PART {
        return None;
    }
    let tail = &head[FIRST_PART..];
    let at = memchr::memmem::find(tail, b"\n\n")
        .map(|i| i + 2)
        .or_else(|| memchr::memmem::find(tail, b"\n\r\n").map(|i| i + 3))
        .or_else(|| memchr::memchr(b'\n', tail).map(|i| i + 1))
        .map_or_else(
            || {
                // No line break: step back to a character's first byte.
                let mut i = FIRST_PART;
                while i > 0 && head[i] & 0xC0 == 0x80 {
                    i -= 1;
                }
                i
            },
            |i| FIRST_PART + i,
        );
    (at > 0).then_some(at)
}

/// `Action::FirstPart`: shows article `i`'s first part if nothing newer is
/// there (the remembered position is kept for the whole document).
pub fn shown(s: &mut AppState, i: usize, generation: u64, doc: Arc<Document>) {
    let Some(a) = s.articles.get_mut(i) else {
        return;
    };
    if a.generation != generation || !matches!(a.status, ArticleStatus::Pending) {
        return;
    }
    let saved = a.anchor;
    a.status = ArticleStatus::Loaded(Arc::clone(&doc));
    let mut shown_at = None;
    if i == s.current {
        s.anchor = saved;
        s.message = Some(Message::progress(LOADING_REST));
        s.ensure_layout();
        shown_at = Some(s.anchor);
    }
    s.articles[i].first_part = Some(FirstPartShown {
        doc,
        saved,
        shown_at,
    });
}

/// When article `i`'s whole document replaces its first part: a reader who
/// has not moved goes to the remembered position (which the part may not
/// reach); one who has keeps the place, mapped through the blocks' source
/// ranges. The part's layouts are dropped.
pub fn replaced(s: &mut AppState, i: usize, part: &FirstPartShown) {
    s.forget_layouts(i);
    if i != s.current {
        return;
    }
    let Some(whole) = s.doc().cloned() else {
        return;
    };
    s.anchor = if part.shown_at == Some(s.anchor) {
        part.saved
    } else {
        map_anchor(&part.doc, &whole, s.anchor)
    };
    if s.message
        .as_ref()
        .is_some_and(|m| m.level == Level::Progress && m.text == LOADING_REST)
    {
        s.message = None;
    }
    s.ensure_layout();
    if !s.search.query.is_empty() {
        super::nav::find_matches(s);
    }
}

/// The byte in `whole`'s text at the place of `anchor` in `part`'s: the
/// same block (found by its source range), the same offset in it when the
/// block's text is as long, else its start.
#[must_use]
pub fn map_anchor(part: &Document, whole: &Document, anchor: usize) -> usize {
    let k = part.blocks.partition_point(|b| b.span.start <= anchor);
    let Some(b) = k.checked_sub(1).and_then(|k| part.blocks.get(k)) else {
        return anchor;
    };
    let j = whole
        .blocks
        .partition_point(|w| w.source.start < b.source.start);
    let Some(w) = whole.blocks.get(j) else {
        return anchor;
    };
    let within = anchor.saturating_sub(b.span.start);
    let same = w.source == b.source && w.span.end - w.span.start == b.span.end - b.span.start;
    if same {
        w.span.start + within
    } else {
        w.span.start
    }
}

#[cfg(test)]
mod tests;
