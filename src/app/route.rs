//! Key routing: a key press becomes an action by looking it up in the
//! contexts of the current [`Mode`]; prompts and editors type what is unbound.

use super::action::Action;
use super::annotate::AnnotAction;
use super::finder::FinderMsg;
use super::keymap::Context;
use super::line_edit::Edit;
use super::mode::{Mode, mode};
use super::state::AppState;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The contexts a key is looked up in, most specific first.
#[must_use]
pub fn contexts(s: &AppState) -> Vec<Context> {
    mode(s).contexts().to_vec()
}

/// Translates a key press into an action via the keymap. The search prompt
/// and the finder take printable characters first; the editor takes every
/// key its context does not bind; a prompt swallows other keys.
#[must_use]
pub fn key_action(s: &AppState, ev: &KeyEvent) -> Option<Action> {
    let m = mode(s);
    let printable = match ev.code {
        KeyCode::Char(c)
            if !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    match (m, printable) {
        (Mode::Search, Some(c)) => return Some(Action::Input(c)),
        (Mode::Finder, Some(c)) => return Some(Action::Finder(FinderMsg::Edit(Edit::Insert(c)))),
        _ => {}
    }
    // Counts, a mark's letter and the list filter come before the keymap,
    // never while a note is typed or a question is asked.
    if !matches!(m, Mode::Editor | Mode::DiscardPrompt | Mode::QuitPrompt)
        && let Some(a) = super::prefix_keys::key_action(s, ev)
    {
        return Some(a);
    }
    if let Some(a) = s.keymap.resolve(m.contexts(), ev) {
        return Some(a);
    }
    match m {
        Mode::Editor => Some(Action::Annot(AnnotAction::EditorInput(*ev))),
        Mode::DiscardPrompt | Mode::QuitPrompt => {
            Some(Action::Annot(AnnotAction::Answer(None))).filter(|_| ev.code == KeyCode::Esc)
        }
        _ => None,
    }
}
