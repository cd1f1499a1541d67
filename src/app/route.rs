//! Key routing: which keymap contexts a key is looked up in, given the
//! state, and the translation of a key press into an action.

use super::action::{Action, Pane};
use super::keymap::{self, Context};
use super::state::{AppState, Overlay};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The contexts a key is looked up in, most specific first.
#[must_use]
pub fn contexts(s: &AppState) -> Vec<Context> {
    if let Some(c) = super::annotate::contexts(s) {
        return c;
    }
    if let Some(c) = super::sources::contexts(s) {
        return c;
    }
    match s.overlay {
        Some(Overlay::Help(_)) => vec![Context::Help],
        Some(Overlay::Outline(_)) => vec![Context::Outline],
        Some(Overlay::List) => vec![Context::List],
        Some(Overlay::Search) => vec![Context::Search],
        Some(Overlay::Finder) => vec![Context::Finder],
        Some(Overlay::Note(_)) => vec![Context::Note, Context::Global],
        None => {
            let pane = match s.focus {
                Pane::List => Context::List,
                Pane::Body => Context::Body,
                Pane::Notes => Context::Notes,
            };
            vec![pane, Context::Global]
        }
    }
}

/// Translates a key press into an action via the keymap (the search prompt
/// takes printable characters first).
#[must_use]
pub fn key_action(s: &AppState, ev: &KeyEvent) -> Option<Action> {
    if super::annotate::contexts(s).is_some() {
        return super::annotate::key_action(s, ev);
    }
    if s.overlay == Some(Overlay::Search)
        && let KeyCode::Char(c) = ev.code
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::Input(c));
    }
    if let Some(a) = super::finder::key_action(s, ev) {
        return Some(a);
    }
    keymap::resolve(&contexts(s), ev)
}
