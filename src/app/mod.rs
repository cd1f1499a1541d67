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
pub mod count;
pub mod draft_io;
pub mod drafts;
pub mod finder;
mod finder_shell;
mod goto;
pub mod keymap;
pub mod landing;
pub mod library_sync;
pub mod line_edit;
pub mod links;
pub mod list_view;
mod loader;
pub mod marks;
pub mod measure;
pub mod mouse_select;
mod nav;
pub mod palette;
pub mod prefix_keys;
pub mod select;
mod shutdown;
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
    /// This machine's state folder (drafts file, store lock); `None`: no drafts.
    pub state_dir: Option<PathBuf>,
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

/// Runs the reader until it quits, then finishes the saves under way (at
/// most [`shutdown::SAVE_WAIT`]) and says what could not be saved.
/// `suspend` gives the terminal back and stops the process (Ctrl-Z).
///
/// # Errors
/// Drawing to the terminal failed, or every sender of `rx` is gone.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    mut state: AppState,
    tx: &Sender<Msg>,
    rx: &Receiver<Msg>,
    opts: &RunOptions,
    suspend: &mut dyn FnMut(&mut Terminal<B>) -> std::io::Result<()>,
) -> anyhow::Result<Exit>
where
    B::Error: Send + Sync + 'static,
{
    let loader = loader::Loader::spawn(tx)?;
    let known: Vec<PathBuf> = state.articles.iter().map(|a| a.path.clone()).collect();
    let _watcher = crate::watch::spawn(&opts.roots, known, tx.clone());
    let drafts = opts.state_dir.as_deref().and_then(|dir| {
        let (found, files) = draft_io::orphans(dir);
        drafts::offer(&mut state, found);
        match draft_io::DraftWriter::start(dir, files) {
            Ok(w) => Some(w),
            Err(e) => {
                state.message = Some((
                    crate::document::sanitize(&format!("drafts are not being kept: {e}")),
                    true,
                ));
                None
            }
        }
    });
    let mut ex = Exec {
        loader,
        annot_jobs: annot_io::spawn(tx.clone(), opts.data_dir.clone())?,
        tx: tx.clone(),
        finder: finder_shell::Shell::start(tx, opts.roots.clone(), opts.cache_dir.clone()),
        drafts,
        suspend: false,
    };
    // Whatever ends the loop (quit, a signal, a terminal that went away),
    // the saves under way are finished and unsaved work is kept.
    let outcome = event_loop(terminal, &mut state, rx, opts, &mut ex, suspend);
    let mut exit = shutdown::finish(&mut state, ex.annot_jobs, rx, ex.drafts.as_ref());
    if let Err(e) = outcome {
        if state.quit {
            // The terminal went away while leaving (SIGHUP): nothing to report.
        } else {
            exit.problems
                .insert(0, crate::document::sanitize(&format!("terminal: {e:#}")));
        }
    }
    Ok(exit)
}

fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    rx: &Receiver<Msg>,
    opts: &RunOptions,
    ex: &mut Exec,
    suspend: &mut dyn FnMut(&mut Terminal<B>) -> std::io::Result<()>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    let fx = init(state);
    ex.execute(fx, opts, state);
    let mut drawn = false;
    loop {
        if state.dirty && !state.quit {
            terminal.draw(|f| crate::ui::draw(f, state))?;
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
                Msg::Event(ev) => event_action(state, &ev),
                Msg::Action(a) => Some(a),
            };
            if let Some(a) = action {
                let fx = update(state, a);
                ex.execute(fx, opts, state);
            }
            if state.quit {
                break;
            }
        }
        if std::mem::take(&mut ex.suspend) && !state.quit {
            if let Some(d) = &ex.drafts {
                let _ = d.flush(std::time::Duration::from_secs(1));
            }
            suspend(terminal)?;
            state.dirty = true;
        } else if resized && !state.quit {
            // Some terminals reflow or keep stale cells on resize: repaint all.
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            state.dirty = true;
        }
    }
}

/// The effect executor: the only place the loop does I/O.
struct Exec {
    loader: loader::Loader,
    annot_jobs: Sender<Effect>,
    tx: Sender<Msg>,
    finder: finder_shell::Shell,
    drafts: Option<draft_io::DraftWriter>,
    suspend: bool,
}

impl Exec {
    fn execute(&mut self, fx: Vec<Effect>, opts: &RunOptions, s: &mut AppState) {
        for e in fx {
            match e {
                Effect::Load {
                    article,
                    path,
                    generation,
                } => self
                    .loader
                    .submit(article, path, generation, article == s.current),
                Effect::SavePositions(p) => {
                    if let Some(dir) = &opts.data_dir
                        && let Err(e) = crate::positions::save(dir, &p)
                    {
                        s.message = Some((
                            crate::document::sanitize(&format!(
                                "could not save reading positions: {e}"
                            )),
                            true,
                        ));
                    }
                }
                Effect::SaveLastRead { path, anchor } => {
                    if let Some(dir) = &opts.data_dir
                        && let Err(e) = crate::last_read::save(dir, &path, anchor)
                    {
                        s.message = Some((
                            crate::document::sanitize(&format!(
                                "could not save the last article read: {e}"
                            )),
                            true,
                        ));
                    }
                }
                Effect::LandingTimer(id) => {
                    let tx = self.tx.clone();
                    let _ = std::thread::Builder::new()
                        .name("ibid-landing".into())
                        .spawn(move || {
                            std::thread::sleep(std::time::Duration::from_millis(landing::SHOW_MS));
                            let _ = tx.send(Msg::Action(Action::LandingOff(id)));
                        });
                }
                Effect::OpenUrl(url) => links::run_open(url, &self.tx, s),
                Effect::CopyUrl(url) => links::run_copy(&url, &self.tx, s),
                Effect::Finder(f) => self.finder.execute(f, s),
                e @ (Effect::LoadAnnotations { .. }
                | Effect::SaveAnnotations { .. }
                | Effect::FindAnnotated(_)) => {
                    if self.annot_jobs.send(e).is_err() {
                        s.message = Some(("the annotation worker stopped".into(), true));
                    }
                }
                Effect::Drafts(d) => {
                    if let Some(w) = &self.drafts {
                        w.set(d);
                    }
                }
                Effect::Suspend => self.suspend = true,
                Effect::Quit => s.quit = true,
            }
        }
    }
}
