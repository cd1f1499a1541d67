//! The terminal shell: enter/leave raw mode and the alternate screen, a drop
//! guard and a panic hook that restore it, the input thread and signal thread,
//! and suspending (Ctrl-Z, SIGTSTP) until `fg`.
//!
//! Invariant: the terminal is restored exactly once per [`enter`] (or per
//! [`resume`]), whichever way the program leaves: normal quit, error return,
//! signal or panic. A second restore would move the cursor again and let the
//! shell prompt overwrite a panic message.

use crate::app::{Action, Msg};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// True while the terminal is in the reader's modes (raw, alternate screen…).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// True while the kitty keyboard protocol's flags are pushed.
static KITTY_KEYS: AtomicBool = AtomicBool::new(false);

/// True when the terminal named by the environment speaks the kitty keyboard
/// protocol, so `C-i` can be told from Tab (`TERM`, `TERM_PROGRAM`, whether
/// `KITTY_WINDOW_ID` is set, whether inside tmux or screen). Decided from the
/// environment rather than by asking the terminal, so start-up never waits
/// for an answer; inside a multiplexer the outer terminal is unknown.
#[must_use]
pub fn kitty_keys(term: &str, term_program: &str, kitty_window: bool, multiplexed: bool) -> bool {
    if multiplexed || term.starts_with("screen") || term.starts_with("tmux") {
        return false;
    }
    kitty_window
        || [
            "xterm-kitty",
            "foot",
            "foot-extra",
            "xterm-ghostty",
            "wezterm",
        ]
        .contains(&term)
        || ["WezTerm", "ghostty"].contains(&term_program)
}

/// The terminal type the reader draws on.
pub type Tui = Terminal<CrosstermBackend<FrameOut<Stdout>>>;

/// Bytes buffered per frame: a full 200x50 frame with colours is ~40 KB.
const FRAME_BUFFER: usize = 256 * 1024;

/// A writer that sends a frame in one write (std's stdout alone cuts it into
/// 1 KiB writes, which a terminal can show half-drawn). What a panic leaves
/// in it (half a frame) is dropped, not written over the restored screen.
pub struct FrameOut<W: io::Write>(Option<BufWriter<W>>);

impl<W: io::Write> FrameOut<W> {
    /// Buffers `out` a frame at a time.
    pub fn new(out: W) -> Self {
        Self(Some(BufWriter::with_capacity(FRAME_BUFFER, out)))
    }
}

impl<W: io::Write> io::Write for FrameOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.as_mut().map_or(Ok(buf.len()), |w| w.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.as_mut().map_or(Ok(()), BufWriter::flush)
    }
}

impl<W: io::Write> Drop for FrameOut<W> {
    fn drop(&mut self) {
        if std::thread::panicking()
            && let Some(w) = self.0.take()
        {
            let _unwritten = w.into_parts();
        }
    }
}

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
    take_modes()?;
    let term = Terminal::new(CrosstermBackend::new(FrameOut::new(io::stdout())))?;
    Ok((term, guard))
}

fn take_modes() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if kitty_keys(
        &var("TERM"),
        &var("TERM_PROGRAM"),
        std::env::var_os("KITTY_WINDOW_ID").is_some(),
        std::env::var_os("TMUX").is_some() || std::env::var_os("STY").is_some(),
    ) && execute!(
        io::stdout(),
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
    )
    .is_ok()
    {
        KITTY_KEYS.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Undoes everything [`enter`] turned on, once: later calls do nothing
/// until the terminal is taken again.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    if KITTY_KEYS.swap(false, Ordering::SeqCst) {
        let _ = execute!(io::stdout(), PopKeyboardEnhancementFlags);
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Ctrl-Z / SIGTSTP: gives the terminal back to the shell and stops the
/// process (like vim and less); returns after `fg` (SIGCONT) with the
/// terminal taken again and cleared, so the next draw repaints everything.
///
/// # Errors
/// The terminal refused a mode on the way back.
pub fn suspend(term: &mut Tui) -> io::Result<()> {
    restore();
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    }
    take_modes()?;
    // `resize` clears and forgets the previous frame without asking the
    // terminal for the cursor position (as `clear` does).
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
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
                    let _ = tx.send(Msg::Action(Action::Message(crate::app::Message::error(
                        text,
                    ))));
                    break;
                }
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1 and SIGUSR2 into
/// `Action::Terminate` (the loop finishes the saves under way and exits
/// through its normal path, restoring the terminal), and SIGTSTP into
/// `Action::Suspend`.
///
/// # Errors
/// The signal handlers could not be registered.
pub fn spawn_signals(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2};
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGTSTP,
    ])?;
    std::thread::Builder::new()
        .name("ibid-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let action = if sig == SIGTSTP {
                    Action::Suspend
                } else {
                    Action::Terminate
                };
                if tx.send(Msg::Action(action)).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{FrameOut, kitty_keys};
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    /// A writer into a shared buffer.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("lock").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_goes_out_whole_on_flush_and_half_a_frame_is_dropped_on_a_panic() {
        let out = Shared::default();
        let mut w = FrameOut::new(out.clone());
        w.write_all(b"frame one").expect("write");
        assert!(
            out.0.lock().expect("lock").is_empty(),
            "buffered until flushed"
        );
        w.flush().expect("flush");
        assert_eq!(&*out.0.lock().expect("lock"), b"frame one");
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            w.write_all(b" half").expect("write");
            panic!("in the middle of a frame");
        }));
        assert!(panicked.is_err());
        assert_eq!(&*out.0.lock().expect("lock"), b"frame one");
        let mut w = FrameOut::new(out.clone());
        w.write_all(b"; last").expect("write");
        drop(w);
        assert_eq!(&*out.0.lock().expect("lock"), b"frame one; last");
    }

    #[test]
    fn kitty_protocol_only_where_the_terminal_is_known_to_speak_it() {
        assert!(kitty_keys("xterm-kitty", "", false, false));
        assert!(kitty_keys("xterm-256color", "WezTerm", false, false));
        assert!(kitty_keys("xterm-256color", "", true, false));
        assert!(!kitty_keys("xterm-256color", "", false, false));
        assert!(!kitty_keys("linux", "", false, false));
        // Inside tmux or screen the outer terminal is unknown.
        assert!(!kitty_keys("xterm-kitty", "", true, true));
        assert!(!kitty_keys("tmux-256color", "", false, false));
    }
}
