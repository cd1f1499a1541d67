//! Shared end-to-end harness: the real `ibid` binary in a pseudo-terminal
//! (portable-pty), its output fed to a vt100 screen; waits poll with a timeout.
#![allow(dead_code)] // each test binary uses a subset

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any wait polls before it fails the test.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// A running `ibid` in a pty, with its data dir (and the cache dir inside it).
pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    data: Option<tempfile::TempDir>,
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never leave a reader running when a test fails half-way.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Starts `ibid args…` on a `cols`×`rows` terminal with `IBID_DATA_DIR` set to
    /// `data`, `IBID_CACHE_DIR` to `data/cache` and `IBID_STATE_DIR` to
    /// `data/state`; `env` is applied last, so it may override any of them.
    pub fn start(
        cols: u16,
        rows: u16,
        data: tempfile::TempDir,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ibid"));
        cmd.args(args);
        cmd.env("IBID_DATA_DIR", data.path());
        cmd.env("IBID_CACHE_DIR", data.path().join("cache"));
        cmd.env("IBID_STATE_DIR", data.path().join("state"));
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn ibid");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let p = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let r = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                r.lock().expect("raw output").extend_from_slice(&buf[..n]);
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Self {
            parser,
            raw,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            data: Some(data),
        }
    }

    /// Every byte the program wrote to the terminal so far (for checking
    /// which escape sequences it sent, not for reading text).
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().expect("raw output").clone()
    }

    /// The data dir (still owned by the session).
    pub fn data_path(&self) -> &Path {
        self.data.as_ref().expect("data dir").path()
    }

    /// Takes the data dir, to hand it to a later session.
    pub fn take_data(&mut self) -> tempfile::TempDir {
        self.data.take().expect("data dir")
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Runs `f` on the current screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().expect("parser").screen())
    }

    pub fn contents(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// Text of screen row `y`.
    pub fn row(&self, y: u16) -> String {
        self.with_screen(|sc| {
            let (_, cols) = sc.size();
            sc.rows(0, cols.get())
                .nth(usize::from(y))
                .unwrap_or_default()
        })
    }

    /// Polls `pred` on the session until it holds, or panics with the screen.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&Self) -> bool) {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            if pred(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    /// Polls `pred` on the screen until it holds, or panics with the screen.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, |s| s.with_screen(&pred));
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits until the finder's streamed search has finished (the count no
    /// longer says searching).
    pub fn wait_results(&self) {
        self.wait_for("finished results", |s| {
            let c = s.contents();
            c.contains(" results") && !c.contains("searching") && !c.contains("indexing")
        });
    }

    /// Sends `keys` until `text` is on the screen (each try given a second),
    /// or panics with the screen: for a key whose effect depends on work
    /// still under way (a big article's whole parse).
    pub fn send_until(&mut self, keys: &str, text: &str) {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            self.send(keys);
            let tried = Instant::now() + Duration::from_secs(1);
            while Instant::now() < tried {
                if self.contents().contains(text) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!(
            "timed out sending {keys:?} for {text}; screen:\n{}",
            self.contents()
        );
    }

    pub fn send(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("terminal still open");
        w.write_all(bytes.as_bytes()).expect("write");
        w.flush().expect("flush");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .set_size(nz(rows), nz(cols));
        self.master
            .as_ref()
            .expect("terminal still open")
            .resize(size(cols, rows))
            .expect("resize");
    }

    /// Closes the terminal, as closing its window does: the program gets
    /// SIGHUP and its terminal reads and writes fail.
    pub fn hang_up(&mut self) {
        // portable-pty's writer types "\n" and ^D when dropped (to end a
        // line-mode reader); a closing terminal types nothing, so the writer
        // is leaked instead of dropped.
        std::mem::forget(self.writer.take());
        self.master = None;
    }

    /// Sends signal `name` (`TERM`, `HUP`, `TSTP`, …) with kill(1).
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .args([format!("-{name}"), self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(ok.success(), "kill -{name}");
    }

    /// The process state letter from /proc (`T` when stopped), if readable.
    pub fn proc_state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        stat.rsplit_once(')')?.1.trim_start().chars().next()
    }

    /// Waits for the child to exit (then for the reader to drain), or kills it
    /// and panics.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread drain the last bytes.
                self.wait_for("output drained", |_| true);
                return st;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("ibid did not exit; screen:\n{}", self.contents());
    }

    /// Waits until the alternate screen, hidden cursor and mouse reporting are
    /// all off again.
    pub fn assert_restored(&self) {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            let restored = self.with_screen(|s| {
                !s.alternate_screen()
                    && !s.hide_cursor()
                    && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            });
            if restored {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("terminal modes not restored");
    }
}

/// A fresh temp data dir.
/// Writes `big.txt` in `dir`: "A Very Long Article", numbered paragraphs
/// ("Paragraph N of the long article…") up to `bytes`, then "The closing
/// paragraph ends here."; returns its path as an argument.
pub fn long_article(dir: &Path, bytes: usize) -> String {
    use std::fmt::Write as _;
    let path = dir.join("big.txt");
    let mut text = String::from("A Very Long Article\n\n");
    let mut i = 0;
    while text.len() < bytes {
        let _ = write!(
            text,
            "Paragraph {i} of the long article goes on about one thing and another, at length.\n\n"
        );
        i += 1;
    }
    text.push_str("The closing paragraph ends here.\n");
    std::fs::write(&path, &text).expect("write");
    path.display().to_string()
}

pub fn temp_data() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp data dir")
}

/// Background colour of the first cell of `needle` on the screen.
pub fn cell_bg(screen: &vt100::Screen, needle: &str) -> Option<vt100::Color> {
    let cols = screen.size().1;
    for (y, row) in screen.rows(0, cols.into()).enumerate() {
        if let Some(x) = row.find(needle) {
            let x = u16::try_from(row[..x].chars().count()).ok()?;
            let y = u16::try_from(y).ok()?;
            return screen.cell(y, x).map(vt100::Cell::bgcolor);
        }
    }
    None
}

/// Row and column of `needle` within columns `cols` of the screen.
pub fn find_in(sc: &vt100::Screen, needle: &str, cols: std::ops::Range<u16>) -> Option<(u16, u16)> {
    let (rows, _) = sc.size();
    (0..rows.get()).find_map(|r| {
        let text: String = cols
            .clone()
            .map(|c| {
                sc.cell(r, c)
                    .map_or(" ".into(), |x| x.contents().to_string())
            })
            .map(|s| if s.is_empty() { " ".to_string() } else { s })
            .collect();
        text.find(needle).map(|i| {
            (
                r,
                cols.start + u16::try_from(text[..i].chars().count()).unwrap_or(0),
            )
        })
    })
}
