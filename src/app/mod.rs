//! The reader's event loop: block on the channel, drain everything pending,
//! translate keys through the keymap, `update`, run effects, draw once.
//!
//! Structure for extensions (finder, annotations, sources view): add an
//! `Overlay` variant in `state.rs`, its `Action`s in `action.rs`, a
//! `keymap::Context` with bindings in `assets/keymap.toml` (commands in
//! `keymap::commands`), a `mode::Mode` (computed by
//! `mode::mode`, which key routing and drawing both read), a branch in
//! `update::update`, and a `ui` module drawn from
//! `ui::draw` (which `main` hands to [`run`]; `app` never imports `ui`). I/O goes through a new `Effect` executed here.

pub mod action;
mod annot_io;
pub mod annot_list;
pub mod annot_state;
pub mod annotate;
mod bridge;
pub mod count;
pub mod draft_io;
pub mod drafts;
pub mod finder;
mod finder_shell;
pub mod first_part;
mod goto;
pub mod hints;
pub mod keymap;
pub mod landing;
pub mod library_sync;
pub mod line_edit;
pub mod links;
pub mod list_view;
mod loader;
pub mod marks;
pub mod measure;
pub mod message;
pub mod mode;
pub mod mouse_select;
mod nav;
pub mod palette;
pub mod prefix_keys;
mod rewrap;
pub mod route;
mod saves;
pub mod select;
mod shell;
mod shutdown;
pub mod sources;
pub mod state;
#[cfg(test)]
mod test_state;
pub mod update;
pub mod view;

pub use action::{Action, Effect, Pane};
pub use message::{Level, Message};
pub use mode::{Mode, mode};
pub use shell::{Started, run, start};
pub use state::{AppState, Overlay};
pub use update::{init, key_action, update};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use std::path::PathBuf;

/// A message for the loop: a terminal event or a ready-made action.
#[derive(Debug)]
pub enum Msg {
    /// From the input thread.
    Event(Event),
    /// From a worker or the signal thread.
    Action(Action),
}

/// Paints the whole screen for a state (`ui::draw`; passed in by `main`, so
/// `app` does not depend on the drawing code).
pub type DrawFn = fn(&mut ratatui::Frame<'_>, &AppState);

/// Shell options for [`run`].
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Where reading positions are saved (`None`: not saved).
    pub data_dir: Option<PathBuf>,
    /// Panic after the first draw (for end-to-end tests of terminal restore).
    pub test_panic: bool,
    /// Library folders and files the finder indexes (in the background).
    pub roots: Vec<PathBuf>,
    /// The finder's cache dir (`finder::default_cache_dir()`); `None`: no cache.
    pub cache_dir: Option<PathBuf>,
    /// This machine's state folder (drafts file, store lock); `None`: no drafts.
    pub state_dir: Option<PathBuf>,
    /// Called once, when the first frame is on the screen.
    pub after_first_frame: Option<fn()>,
}

/// What the shell reports after the terminal is restored (stderr).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exit {
    /// One line each: saves that failed or did not finish, and where the
    /// unsaved work was kept.
    pub problems: Vec<String>,
}

/// Translates a terminal event into an action (key presses only).
#[must_use]
pub fn event_action(s: &AppState, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => key_action(s, k),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) if s.annot.editor.is_some() => Some(Action::Annot(
            annotate::AnnotAction::EditorPaste(text.clone()),
        )),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                delta: 3,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                delta: -3,
            }),
            MouseEventKind::Drag(MouseButton::Left) => {
                Some(Action::Annot(annotate::AnnotAction::Drag {
                    col: m.column,
                    row: m.row,
                }))
            }
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}
