//! The imperative shell of the reader: the event loop (block, drain,
//! `update`, execute, draw once) and the one effect executor. `update` is
//! handed the clock here; the executor never writes into the state: what it
//! learns (a failed save, a copied link) comes back as actions.

use super::{
    Action, AppState, DrawFn, Effect, Exit, Message, Msg, RunOptions, annot_io, draft_io, drafts,
    event_action, finder_shell, init, links, loader, rewrap, shutdown, update,
};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// What starts before the terminal is taken: the loader, already reading
/// the open article and its neighbours, and the start's other effects.
pub struct Started {
    loader: loader::Loader,
    rest: Vec<Effect>,
}

/// Starts the loader on the start's loads (`init`), so the open article is
/// read and parsed while the terminal is taken and the other workers start.
///
/// # Errors
/// No loader thread could be started.
pub fn start(state: &mut AppState, tx: &Sender<Msg>) -> anyhow::Result<Started> {
    let loader = loader::Loader::spawn(tx)?;
    let mut rest = Vec::new();
    for e in init(state) {
        match e {
            Effect::Load {
                article,
                path,
                generation,
            } => loader.submit(article, path, generation, article == state.current),
            other => rest.push(other),
        }
    }
    crate::trace::mark("loader started");
    Ok(Started { loader, rest })
}

/// Runs the reader until it quits, then finishes the saves under way (at
/// most [`shutdown::SAVE_WAIT`]) and says what could not be saved.
/// `suspend` gives the terminal back and stops the process (Ctrl-Z);
/// `draw` paints a frame.
///
/// # Errors
/// Drawing to the terminal failed, or every sender of `rx` is gone.
#[allow(clippy::too_many_arguments)] // the shell's whole wiring, from `main`
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    mut state: AppState,
    started: Started,
    tx: &Sender<Msg>,
    rx: &Receiver<Msg>,
    opts: &RunOptions,
    suspend: &mut dyn FnMut(&mut Terminal<B>) -> std::io::Result<()>,
    draw: DrawFn,
) -> anyhow::Result<Exit>
where
    B::Error: Send + Sync + 'static,
{
    // The one source of randomness for new annotation ids; `update` makes
    // them from it purely.
    state.annot.id_seed = crate::annotations::id_seed();
    let Started { loader, rest } = started;
    // Drafts left by a process that died are offered now (they choose the
    // open article); the writer and the watcher start after the first frame.
    let drafts_later = opts.state_dir.clone().map(|dir| {
        let (found, adopt) = draft_io::orphans(&dir);
        drafts::offer(&mut state, found);
        DraftsLater {
            dir,
            adopt,
            pending: None,
        }
    });
    crate::trace::mark("drafts checked");
    let mut ex = Exec {
        loader,
        annot_jobs: annot_io::spawn(tx.clone(), opts.data_dir.clone())?,
        tx: tx.clone(),
        finder: finder_shell::Shell::start(tx, opts.roots.clone(), opts.cache_dir.clone()),
        rewrap: None,
        drafts: None,
        drafts_later,
        suspend: false,
    };
    crate::trace::mark("jobs and finder spawned");
    // Whatever ends the loop (quit, a signal, a terminal that went away),
    // the saves under way are finished and unsaved work is kept.
    let outcome = event_loop(terminal, &mut state, rest, rx, opts, &mut ex, suspend, draw);
    // Quit before the first frame: what was typed is still kept.
    if let Some(m) = ex.start_drafts() {
        state.message = Some(m);
    }
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

#[allow(clippy::too_many_arguments)]
fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    start_fx: Vec<Effect>,
    rx: &Receiver<Msg>,
    opts: &RunOptions,
    ex: &mut Exec,
    suspend: &mut dyn FnMut(&mut Terminal<B>) -> std::io::Result<()>,
    draw: DrawFn,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    step(state, ex, opts, Action::Resize(size.width, size.height));
    let back = ex.execute(start_fx, opts, state);
    for a in back {
        step(state, ex, opts, a);
    }
    let mut resized = wait_for_first_article(state, rx, opts, ex)?;
    let mut drawn = false;
    loop {
        if state.dirty && !state.quit {
            terminal.draw(|f| draw(f, state))?;
            state.dirty = false;
            if !drawn {
                after_first_frame(state, ex, opts);
            }
            // The first article is on screen (or there is none to wait for):
            // the library's index may have the cores now.
            if !matches!(
                state.articles.get(state.current).map(|a| &a.status),
                Some(super::state::ArticleStatus::Pending)
            ) {
                ex.finder.begin();
            }
            assert!(
                drawn || !opts.test_panic,
                "IBID_TEST_PANIC: forced panic after the first draw"
            );
            drawn = true;
        }
        if state.quit {
            return Ok(());
        }
        let first = rx.recv()?;
        for m in std::iter::once(first).chain(rx.try_iter()) {
            resized |= handle(state, ex, opts, m);
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
        resized = false;
    }
}

/// What waits for the first frame: the loader's big parses, the caller's
/// hook, the watcher, the drafts writer and the start's background work.
fn after_first_frame(state: &mut AppState, ex: &mut Exec, opts: &RunOptions) {
    crate::trace::mark("first frame drawn");
    loader::first_frame_drawn();
    if let Some(f) = opts.after_first_frame {
        f();
    }
    let known = state.articles.iter().map(|a| a.path.clone()).collect();
    crate::watch::spawn(opts.roots.clone(), known, ex.tx.clone());
    if let Some(m) = ex.start_drafts() {
        step(state, ex, opts, Action::Message(m));
    }
    step(state, ex, opts, Action::FirstFrame);
}

/// How long the first frame waits for the open article, rather than
/// drawing "loading…" and then the article a moment later.
const FIRST_ARTICLE_WAIT: Duration = Duration::from_millis(150);

/// Handles what arrives until the open article (or its first part) is
/// loaded, at most [`FIRST_ARTICLE_WAIT`]; true if the terminal resized.
fn wait_for_first_article(
    state: &mut AppState,
    rx: &Receiver<Msg>,
    opts: &RunOptions,
    ex: &mut Exec,
) -> anyhow::Result<bool> {
    let deadline = Instant::now() + FIRST_ARTICLE_WAIT;
    let mut resized = false;
    while !state.quit
        && matches!(
            state.articles.get(state.current).map(|a| &a.status),
            Some(super::state::ArticleStatus::Pending)
        )
    {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(m) => resized |= handle(state, ex, opts, m),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("every event source stopped"),
        }
    }
    Ok(resized)
}

/// Turns one message into an action and applies it; true for a resize.
fn handle(state: &mut AppState, ex: &mut Exec, opts: &RunOptions, m: Msg) -> bool {
    let resized = matches!(m, Msg::Event(Event::Resize(..)));
    let action = match m {
        Msg::Event(ev) => event_action(state, &ev),
        Msg::Action(a) => Some(a),
    };
    if let Some(a) = action {
        step(state, ex, opts, a);
    }
    resized
}

/// Applies `a` at the current time, executes its effects and applies what
/// the executor reports back, until nothing more comes back.
fn step(state: &mut AppState, ex: &mut Exec, opts: &RunOptions, a: Action) {
    let mut queue = vec![a];
    // Follow-ups are status messages, which cause no further effects; the
    // bound only guards against a future loop.
    for _ in 0..16 {
        let Some(a) = queue.pop() else { return };
        let fx = update(state, a, SystemTime::now());
        queue.extend(ex.execute(fx, opts, state));
    }
}

/// The effect executor: the only place the loop does I/O. It reads the
/// state (which article is open, the keymap for messages) but never writes
/// it; what it learns comes back as actions.
struct Exec {
    loader: loader::Loader,
    annot_jobs: Sender<Effect>,
    tx: Sender<Msg>,
    finder: finder_shell::Shell,
    /// Started at the first rewrap asked for.
    rewrap: Option<rewrap::Rewrapper>,
    drafts: Option<draft_io::DraftWriter>,
    /// Until the drafts writer starts (after the first frame).
    drafts_later: Option<DraftsLater>,
    suspend: bool,
}

/// What the drafts writer starts with.
struct DraftsLater {
    /// The state folder.
    dir: PathBuf,
    /// The orphans' files it removes once it holds their content.
    adopt: Vec<PathBuf>,
    /// The newest content asked for before it started.
    pending: Option<drafts::Drafts>,
}

impl Exec {
    /// Starts the drafts writer if it is still to start, with what was asked
    /// for meanwhile; a failure is the message returned.
    fn start_drafts(&mut self) -> Option<Message> {
        let later = self.drafts_later.take()?;
        match draft_io::DraftWriter::start(&later.dir, later.adopt) {
            Ok(w) => {
                if let Some(d) = later.pending {
                    w.set(d);
                }
                self.drafts = Some(w);
                None
            }
            Err(e) => Some(Message::warning(crate::document::sanitize(&format!(
                "drafts are not being kept: {e}"
            )))),
        }
    }

    fn execute(&mut self, fx: Vec<Effect>, opts: &RunOptions, s: &AppState) -> Vec<Action> {
        let mut back = Vec::new();
        let mut say = |m: Message| back.push(Action::Message(m));
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
                        say(Message::error(crate::document::sanitize(&format!(
                            "could not save reading positions: {e}"
                        ))));
                    }
                }
                Effect::OpenUrl(url) => {
                    if let Some(m) = links::run_open(url, &self.tx, &s.keymap) {
                        say(m);
                    }
                }
                Effect::CopyUrl(url) => {
                    if let Some(m) = links::run_copy(&url, &self.tx) {
                        say(m);
                    }
                }
                Effect::SaveLastRead { path, anchor } => {
                    if let Some(dir) = &opts.data_dir
                        && let Err(e) = crate::last_read::save(dir, &path, anchor)
                    {
                        say(Message::error(crate::document::sanitize(&format!(
                            "could not save the last article read: {e}"
                        ))));
                    }
                }
                Effect::LandingTimer(id) => {
                    let tx = self.tx.clone();
                    let _ = std::thread::Builder::new()
                        .name("ibid-landing".into())
                        .spawn(move || {
                            std::thread::sleep(std::time::Duration::from_millis(
                                super::landing::SHOW_MS,
                            ));
                            let _ = tx.send(Msg::Action(Action::LandingOff(id)));
                        });
                }
                Effect::Finder(f) => self.finder.execute(f),
                Effect::Rewrap { key, doc } => {
                    if self.rewrap.is_none() {
                        match rewrap::Rewrapper::spawn(self.tx.clone()) {
                            Ok(r) => self.rewrap = Some(r),
                            Err(e) => say(Message::error(format!(
                                "could not start re-wrapping in the background: {e}"
                            ))),
                        }
                    }
                    if let Some(r) = &self.rewrap {
                        r.submit(key, doc);
                    }
                }
                e @ (Effect::LoadAnnotations { .. }
                | Effect::SaveAnnotations { .. }
                | Effect::FindAnnotated(_)) => {
                    if self.annot_jobs.send(e).is_err() {
                        say(Message::error("the annotation worker stopped"));
                    }
                }
                Effect::Drafts(d) => {
                    if let Some(w) = &self.drafts {
                        w.set(d);
                    } else if let Some(later) = &mut self.drafts_later {
                        later.pending = Some(d);
                    }
                }
                Effect::Suspend => self.suspend = true,
                // `update` has set `quit`; the loop ends after this batch.
                Effect::Quit => {}
            }
        }
        back
    }
}
