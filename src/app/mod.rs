//! The reader's event loop: block on the channel, drain everything pending,
//! translate keys through the keymap, `update`, run effects, draw once.
//!
//! Structure for extensions (finder, annotations, sources view): add an
//! `Overlay` variant in `state.rs`, its `Action`s in `action.rs`, a
//! `keymap::Context` with bindings in `KEYMAP`, a branch in
//! `update::contexts`/`update::update`, and a `ui` module drawn from
//! `ui::draw`. I/O goes through a new `Effect` executed here.

pub mod action;
mod annot_io;
pub mod annot_list;
pub mod annotate;
mod bridge;
pub mod finder;
mod finder_shell;
mod goto;
pub mod keymap;
pub mod line_edit;
pub mod links;
pub mod mouse_select;
mod nav;
pub mod select;
pub mod sources;
pub mod state;
pub mod update;

pub use action::{Action, Effect, Pane};
pub use state::{AppState, Overlay};
pub use update::{init, key_action, update};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

/// A message for the loop: a terminal event or a ready-made action.
#[derive(Debug)]
pub enum Msg {
    /// From the input thread.
    Event(Event),
    /// From a worker or the signal thread.
    Action(Action),
}

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
}

/// Translates a terminal event into an action (key presses only).
#[must_use]
pub fn event_action(s: &AppState, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => key_action(s, k),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
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

/// Runs the reader until it quits.
///
/// # Errors
/// Drawing to the terminal failed, or every sender of `rx` is gone.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    mut state: AppState,
    tx: &Sender<Msg>,
    rx: &Receiver<Msg>,
    opts: &RunOptions,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let (job_tx, job_rx) = std::sync::mpsc::channel::<(usize, PathBuf, u64)>();
    let worker_tx = tx.clone();
    let worker = std::thread::Builder::new().name("ibid-loader".into());
    worker.spawn(move || {
        for (article, path, generation) in job_rx {
            let read = std::panic::catch_unwind(|| crate::library::read_document(&path));
            let result = match read {
                Ok(r) => r
                    .map(Arc::new)
                    .map_err(|e| crate::document::sanitize(&e.to_string())),
                Err(_) => Err("internal error while reading this file".to_string()),
            };
            let msg = Msg::Action(Action::Loaded {
                article,
                generation,
                result,
            });
            if worker_tx.send(msg).is_err() {
                break;
            }
        }
    })?;
    let mut finder = finder_shell::Shell::start(tx, opts.roots.clone(), opts.cache_dir.clone());
    let annot_jobs = annot_io::spawn(tx.clone(), opts.data_dir.clone())?;
    let size = terminal.size()?;
    update(&mut state, Action::Resize(size.width, size.height));
    let fx = init(&mut state);
    execute(fx, &job_tx, &annot_jobs, tx, opts, &mut state, &mut finder);
    let mut drawn = false;
    loop {
        if state.dirty {
            terminal.draw(|f| crate::ui::draw(f, &state))?;
            state.dirty = false;
            if opts.test_panic && !drawn {
                panic!("IBID_TEST_PANIC: forced panic after the first draw");
            }
            drawn = true;
        }
        if state.quit {
            return Ok(());
        }
        let first = rx.recv()?;
        let mut pending = vec![first];
        pending.extend(rx.try_iter());
        let mut resized = false;
        for m in pending {
            resized |= matches!(m, Msg::Event(Event::Resize(..)));
            let action = match m {
                Msg::Event(ev) => event_action(&state, &ev),
                Msg::Action(a) => Some(a),
            };
            if let Some(a) = action {
                let fx = update(&mut state, a);
                execute(fx, &job_tx, &annot_jobs, tx, opts, &mut state, &mut finder);
            }
            if state.quit {
                break;
            }
        }
        if resized {
            // Some terminals reflow or keep stale cells on resize: repaint all.
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            state.dirty = true;
        }
    }
}

/// The effect executor: the only place the loop does I/O.
fn execute(
    fx: Vec<Effect>,
    jobs: &Sender<(usize, PathBuf, u64)>,
    annot_jobs: &Sender<Effect>,
    tx: &Sender<Msg>,
    opts: &RunOptions,
    s: &mut AppState,
    finder: &mut finder_shell::Shell,
) {
    // Quitting: saves run here, before the process exits.
    let quitting = fx.contains(&Effect::Quit);
    for e in fx {
        match e {
            Effect::Load {
                article,
                path,
                generation,
            } => {
                if jobs.send((article, path, generation)).is_err() {
                    s.message = Some(("the loader stopped".into(), true));
                }
            }
            Effect::SavePositions(p) => {
                if let Some(dir) = &opts.data_dir
                    && let Err(e) = crate::library::save_positions(dir, &p)
                {
                    s.message = Some((format!("could not save reading positions: {e}"), true));
                }
            }
            Effect::OpenUrl(url) => links::run_open(url, tx, s),
            Effect::CopyUrl(url) => links::run_copy(&url, s),
            Effect::Finder(f) => finder.execute(f, s),
            e @ Effect::SaveAnnotations { .. } if quitting => {
                annot_io::run(&e, opts.data_dir.as_deref());
            }
            e @ (Effect::LoadAnnotations { .. } | Effect::SaveAnnotations { .. }) => {
                if annot_jobs.send(e).is_err() {
                    s.message = Some(("the annotation worker stopped".into(), true));
                }
            }
            Effect::Quit => s.quit = true,
        }
    }
}
