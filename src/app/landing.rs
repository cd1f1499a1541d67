//! The landing mark: after any jump (finder, outline, search, footnote,
//! mark, back/forward) the line the reader landed on is marked for a moment,
//! so the eye finds it. `mark` records it and asks the shell for a timer;
//! the timer's `Action::LandingOff` (or the next jump) clears it.

use super::action::Effect;
use super::state::AppState;

/// How long the mark stays, in milliseconds.
pub const SHOW_MS: u64 = 1500;

/// A marked landing place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Landing {
    /// Article index.
    pub article: usize,
    /// Byte offset in the article's text; its display line is marked.
    pub offset: usize,
    /// Which timer clears it.
    pub id: u64,
}

/// Marks the line showing byte `offset` of the open article (`update`
/// asks for the timer when the id changed: [`timer`]).
pub fn mark(s: &mut AppState, offset: usize) {
    let id = s.landing_ids + 1;
    s.landing_ids = id;
    s.landing = Some(Landing {
        article: s.current,
        offset,
        id,
    });
}

/// The timer to start after an update that began with timer id `before`.
#[must_use]
pub fn timer(s: &AppState, before: u64) -> Option<Effect> {
    (s.landing_ids != before && s.landing.is_some_and(|l| l.id == s.landing_ids))
        .then_some(Effect::LandingTimer(s.landing_ids))
}

/// The timer `id` ran out: clears the mark if it is still that one.
pub fn off(s: &mut AppState, id: u64) {
    if s.landing.is_some_and(|l| l.id == id) {
        s.landing = None;
    }
}

/// The display line to mark now, if the open article has one: the line
/// showing the landing offset, or the first line with text after it when
/// that one is blank (a scroll anchor often sits on the gap before a
/// paragraph).
#[must_use]
pub fn line(s: &AppState) -> Option<usize> {
    let l = s.landing?;
    if l.article != s.current {
        return None;
    }
    let lay = s.layout.as_ref()?;
    let at = lay.line_of(l.offset);
    let blank = |i: usize| {
        lay.lines
            .get(i)
            .is_some_and(|b| b.segs.is_empty() && b.prefix.is_none())
    };
    Some(
        (at..lay.lines.len().min(at + 3))
            .find(|&i| !blank(i))
            .unwrap_or(at),
    )
}
