//! End-to-end tests of the finder: the real binary in a pseudo-terminal on the seeds, with
//! temp data and cache dirs. Every wait polls the screen with a timeout.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    data: tempfile::TempDir,
    _cache: tempfile::TempDir,
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

impl Session {
    fn start(cols: u16, rows: u16) -> Self {
        let data = tempfile::tempdir().expect("temp data dir");
        let cache = tempfile::tempdir().expect("temp cache dir");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ibid"));
        cmd.env("IBID_DATA_DIR", data.path());
        cmd.env("IBID_CACHE_DIR", cache.path());
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn ibid");
        drop(pair.slave);
        let nz = |n: u16| NonZeroU16::new(n).expect("non-zero size");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Self {
            parser,
            writer,
            child,
            data,
            _cache: cache,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Text of screen row `y`.
    fn row(&self, y: u16) -> String {
        let p = self.parser.lock().expect("parser");
        let (_, cols) = p.screen().size();
        p.screen()
            .rows(0, cols.get())
            .nth(usize::from(y))
            .unwrap_or_default()
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&Self) -> bool) {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            if pred(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits until the streamed search has finished (the count no longer says searching).
    fn wait_results(&self) {
        self.wait_for("finished results", |s| {
            let c = s.contents();
            c.contains(" results") && !c.contains("searching") && !c.contains("indexing")
        });
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }
}

const CTRL_P: &str = "\x10";
const CTRL_O: &str = "\x0f";
/// The first line of seed 000 (its byline), at the top of the body when the
/// reader starts.
const START: &str = "2013-11-11 By Su Wang";

#[test]
fn find_jump_and_come_back() {
    let mut s = Session::start(200, 50);
    s.wait_text("36 notes");
    assert!(s.row(0).contains(START));

    s.send(CTRL_P);
    s.wait_text("Find in the library");
    s.send("okhotsk");
    s.wait_text("› okhotsk");
    s.wait_results();
    s.send("\r");
    s.wait_for("seed 000's Okhotsk paragraph at the top of the body", |s| {
        s.row(0).contains(
            "As long as Russia holds the territory, it is able to prevent any foreign navy",
        )
    });
    assert!(!s.contents().contains("Find in the library"));

    s.send(CTRL_P);
    s.wait_text("Find in the library");
    s.send("#crimean");
    s.wait_text("› #crimean");
    s.wait_results();
    s.send("\r");
    s.wait_for("the heading of seed 002 at the top of the body", |s| {
        s.row(0).contains("The Crimean Black Swan")
    });
    s.wait_text("§ The Crimean Black Swan");

    // Back to the Okhotsk paragraph, then back to where the session started.
    s.send(CTRL_O);
    s.wait_for("back to the Okhotsk paragraph", |s| {
        s.row(0).contains("As long as Russia holds the territory")
    });
    s.send(CTRL_O);
    s.wait_for("back to the start", |s| {
        s.row(0).contains(START) && s.contents().contains("  0% │")
    });
    s.send("q");
}

#[test]
fn files_added_to_the_library_are_found_after_reopening() {
    let mut s = Session::start(120, 30);
    s.wait_text("Articles (5)");
    s.send(CTRL_P);
    s.send("zyzzyva");
    s.wait_text("› zyzzyva");
    s.wait_text("no matches");
    s.send("\x1b");
    let lib = s.data.path().join("library");
    write(
        &lib.join("bugs.txt"),
        "On Weevils\n\nThe zyzzyva is a weevil.\n",
    );
    s.wait_for("finder closed", |s| !s.contents().contains("› zyzzyva"));
    s.send(CTRL_P);
    s.send("zyzzyva");
    s.wait_text("The zyzzyva is a weevil.");
    s.send("\r");
    s.wait_text("Articles (6)");
    // A two-line article cannot scroll: its title stays on top, the passage under it.
    s.wait_for("the new article open", |s| {
        s.row(0).contains("On Weevils") && s.row(2).contains("The zyzzyva is a weevil.")
    });
}

fn write(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}
