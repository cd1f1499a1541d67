//! Marks, as in vim: `m a` remembers the place (article and top line) under
//! the letter `a`, `' a` goes back to it, `' '` returns to where the last jump
//! started (and again, to toggle). Pure state changes; a mark jump is a jump
//! (`C-o` comes back) and marks its landing line.

use super::action::Effect;
use super::nav;
use super::state::{AppState, Location};
use crate::app::message::Message;
use std::collections::HashMap;

/// Which two-key sequence is half typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// `m` was pressed: the next letter names the mark to set.
    Set,
    /// `'` was pressed: the next letter names the mark to go to.
    Jump,
}

/// Marks and the half-typed sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// The sequence waiting for its letter.
    pub pending: Option<Pending>,
    /// Letter → place.
    pub set: HashMap<char, Location>,
}

/// What the mark keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkAction {
    /// `m`: wait for the mark's letter.
    BeginSet,
    /// `'`: wait for the letter to go to.
    BeginJump,
    /// The letter after `m`.
    Set(char),
    /// The letter after `'` (`'` itself: back to the last jump).
    Jump(char),
    /// Any other key after `m` or `'`: forget the sequence.
    Cancel,
}

/// True for the characters a mark can be named by.
#[must_use]
pub fn valid(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The action for the key after `m`/`'` (a character, or `None` for another key).
#[must_use]
pub fn second_key(p: Pending, c: Option<char>) -> MarkAction {
    match (p, c) {
        (Pending::Set, Some(c)) if valid(c) => MarkAction::Set(c),
        (Pending::Jump, Some(c)) if valid(c) || c == '\'' => MarkAction::Jump(c),
        _ => MarkAction::Cancel,
    }
}

/// Applies a mark action.
pub fn update(s: &mut AppState, a: MarkAction, fx: &mut Vec<Effect>) {
    match a {
        MarkAction::BeginSet => {
            s.marks.pending = Some(Pending::Set);
            s.message = Some(Message::info("m: type a letter to mark this place"));
        }
        MarkAction::BeginJump => {
            s.marks.pending = Some(Pending::Jump);
            s.message = Some(Message::info(
                "': type a mark's letter (' again: back to the last jump)",
            ));
        }
        MarkAction::Cancel => {
            s.marks.pending = None;
            s.message = None;
        }
        MarkAction::Set(c) => {
            s.marks.pending = None;
            if s.doc().is_none() {
                s.message = Some(Message::info("nothing to mark yet"));
                return;
            }
            s.marks.set.insert(c, s.location());
            s.message = Some(Message::info(format!("mark {c} set (' {c} returns here)")));
        }
        MarkAction::Jump('\'') => {
            s.marks.pending = None;
            back_to_last_jump(s, fx);
        }
        MarkAction::Jump(c) => {
            s.marks.pending = None;
            let Some(loc) = s.marks.set.get(&c).cloned() else {
                s.message = Some(Message::error(format!("no mark {c} (m {c} sets it)")));
                return;
            };
            nav::push_jump(s);
            nav::restore(s, &loc, fx);
            super::landing::mark(s, loc.anchor);
            s.message = Some(Message::info(format!("mark {c} (C-o: back)")));
        }
    }
}

/// `' '`: to where the latest jump started, remembering this place so a
/// second `' '` comes back.
fn back_to_last_jump(s: &mut AppState, fx: &mut Vec<Effect>) {
    let Some(loc) = s.jump_pos.checked_sub(1).map(|i| s.jumps[i].clone()) else {
        s.message = Some(Message::info("no jump to go back to"));
        return;
    };
    nav::push_jump(s);
    nav::restore(s, &loc, fx);
    super::landing::mark(s, loc.anchor);
    s.message = Some(Message::info("back to the last jump (' ' again: return)"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_keys() {
        assert_eq!(second_key(Pending::Set, Some('a')), MarkAction::Set('a'));
        assert_eq!(second_key(Pending::Set, Some('\'')), MarkAction::Cancel);
        assert_eq!(
            second_key(Pending::Jump, Some('\'')),
            MarkAction::Jump('\'')
        );
        assert_eq!(second_key(Pending::Jump, Some('Z')), MarkAction::Jump('Z'));
        assert_eq!(second_key(Pending::Jump, None), MarkAction::Cancel);
        assert_eq!(second_key(Pending::Set, Some(' ')), MarkAction::Cancel);
    }
}
