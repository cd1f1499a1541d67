//! The terminal shell: enter/leave raw mode and the alternate screen, a drop
//! guard and a panic hook that restore it, the input thread and signal thread.

use crate::app::{Action, Msg};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::mpsc::Sender;

/// The terminal type the reader draws on.
pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped (error returns, normal exit).
#[derive(Debug)]
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Turns on raw mode, the alternate screen and mouse capture, hides the
/// cursor, and installs the panic hook. Keep the [`Guard`] alive while drawing.
///
/// # Errors
/// The terminal refused one of the modes (it is restored before returning).
pub fn enter() -> io::Result<(Tui, Guard)> {
    install_panic_hook();
    let guard = Guard;
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    let term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((term, guard))
}

/// Undoes everything [`enter`] turned on; safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal before the previous hook prints the panic message
/// (panics on `ibid-*` worker threads are caught and reported by the worker).
fn install_panic_hook() {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Workers catch their own panics and report them in the status
        // line; printing over the screen would garble it.
        let name = std::thread::current().name().map(str::to_owned);
        if name.as_deref().is_some_and(|n| n.starts_with("ibid-")) {
            return;
        }
        restore();
        prev(info);
    }));
}

/// Forwards terminal events to the loop until it goes away.
pub fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            match crossterm::event::read() {
                Ok(ev) => {
                    if tx.send(Msg::Event(ev)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let text = format!("input error: {e}");
                    let _ = tx.send(Msg::Action(Action::Message { text, error: true }));
                    break;
                }
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP and SIGINT into `Action::Terminate`, so the loop exits
/// through its normal path and the terminal is restored.
///
/// # Errors
/// The signal handlers could not be registered.
pub fn spawn_signals(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Msg::Action(Action::Terminate)).is_err() {
                break;
            }
        }
    });
    Ok(())
}
