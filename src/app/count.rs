//! Count prefixes, as in vim and less: digits typed before a motion repeat
//! it (`10j` scrolls ten lines, `3]` selects the third marker on). Pure: the
//! digits accumulate in `AppState::count`; `update` asks [`scaled`] and
//! [`repeats`] what the next action becomes.

use super::action::Action;
use super::annotate::AnnotAction;

/// Largest count kept (more digits are ignored), so a stuck key cannot ask
/// for billions of repeats.
pub const MAX: u32 = 9999;

/// The count after typing digit `d` (`0` only extends a count already begun).
#[must_use]
pub fn push(count: Option<u32>, d: u8) -> Option<u32> {
    match (count, d) {
        (None, 0) => None,
        (c, d) => Some(
            c.unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(u32::from(d))
                .min(MAX),
        ),
    }
}

/// The digit a key press adds to a count, if it is a plain `0`–`9`.
#[must_use]
pub fn digit(ev: &crossterm::event::KeyEvent, count: Option<u32>) -> Option<u8> {
    use crossterm::event::{KeyCode, KeyModifiers};
    let KeyCode::Char(c) = ev.code else {
        return None;
    };
    if ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let d = u8::try_from(c.to_digit(10)?).ok()?;
    (d != 0 || count.is_some()).then_some(d)
}

/// The action a count turns `a` into when it is a distance (lines, pages,
/// rows): `ScrollLines(1)` with count 10 is `ScrollLines(10)`.
#[must_use]
pub fn scaled(a: &Action, n: u32) -> Option<Action> {
    let k = i32::try_from(n).unwrap_or(1);
    match a {
        Action::ScrollLines(d) => Some(Action::ScrollLines(d.saturating_mul(k))),
        Action::ScrollPages(d) => Some(Action::ScrollPages(d.saturating_mul(k))),
        Action::ScrollHalf(d) => Some(Action::ScrollHalf(d.saturating_mul(k))),
        Action::MoveSel(d) => Some(Action::MoveSel(d.saturating_mul(k))),
        Action::Percent(_) => Some(Action::Percent(Some(n))),
        _ => None,
    }
}

/// True when a count repeats `a` (markers, matches, articles, jumps, cursor moves).
#[must_use]
pub fn repeats(a: &Action) -> bool {
    matches!(
        a,
        Action::NextMarker
            | Action::PrevMarker
            | Action::SearchNext
            | Action::SearchPrev
            | Action::NextArticle
            | Action::PrevArticle
            | Action::Back
            | Action::Forward
            | Action::Annot(AnnotAction::Move(_))
    )
}

/// True for actions that come from the shell rather than a key: they leave
/// a count being typed alone.
#[must_use]
pub fn is_background(a: &Action) -> bool {
    matches!(
        a,
        Action::Loaded { .. }
            | Action::FirstPart { .. }
            | Action::Annotated(_)
            | Action::Resize(..)
            | Action::Message { .. }
            | Action::Finder(
                super::finder::FinderMsg::Results(_)
                    | super::finder::FinderMsg::Progress(_)
                    | super::finder::FinderMsg::IndexReady(_)
                    | super::finder::FinderMsg::FlashOff(_)
            )
            | Action::AnnotationsChanged { .. }
            | Action::AnnotationsLoaded { .. }
            | Action::AnnotationsSaved { .. }
            | Action::LibraryChanged { .. }
            | Action::Count(_)
            | Action::LandingOff(_)
            | Action::FirstFrame
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn digits_accumulate_and_zero_needs_a_start() {
        assert_eq!(push(None, 0), None, "0 alone is no count");
        let c = push(push(None, 1), 0);
        assert_eq!(c, Some(10));
        assert_eq!(push(c, 5), Some(105));
        let mut big = None;
        for _ in 0..8 {
            big = push(big, 9);
        }
        assert_eq!(big, Some(MAX));
    }

    #[test]
    fn digit_keys() {
        let k = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(digit(&k('3'), None), Some(3));
        assert_eq!(digit(&k('0'), None), None);
        assert_eq!(digit(&k('0'), Some(1)), Some(0));
        assert_eq!(digit(&k('j'), Some(1)), None);
        let alt = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT);
        assert_eq!(digit(&alt, None), None);
    }

    #[test]
    fn distances_scale_and_steps_repeat() {
        assert_eq!(
            scaled(&Action::ScrollLines(1), 10),
            Some(Action::ScrollLines(10))
        );
        assert_eq!(
            scaled(&Action::ScrollLines(-1), 3),
            Some(Action::ScrollLines(-3))
        );
        assert_eq!(scaled(&Action::MoveSel(1), 4), Some(Action::MoveSel(4)));
        assert_eq!(scaled(&Action::NextMarker, 3), None);
        assert!(repeats(&Action::NextMarker));
        assert!(!repeats(&Action::Quit));
        assert!(is_background(&Action::Resize(1, 1)));
        assert!(!is_background(&Action::ScrollLines(1)));
    }
}
