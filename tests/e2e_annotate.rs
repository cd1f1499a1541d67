//! End-to-end: annotate a paragraph of seed 002 in the real binary (pty +
//! vt100), save, quit; restart and find the passage highlighted; export it.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(15);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
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

impl Session {
    fn start(cols: u16, rows: u16, data: tempfile::TempDir, args: &[&str]) -> Self {
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
        cmd.env("IBID_CACHE_DIR", data.path().join("cache"));
        cmd.env("TERM", "xterm-256color");
        for a in args {
            cmd.arg(a);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn ibid");
        drop(pair.slave);
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
            _master: pair.master,
            data: Some(data),
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            if pred(self.parser.lock().expect("parser").screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

    fn assert_restored(&self) {
        let end = Instant::now() + TIMEOUT;
        while Instant::now() < end {
            {
                let p = self.parser.lock().expect("parser");
                let s = p.screen();
                if !s.alternate_screen()
                    && !s.hide_cursor()
                    && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
                {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("terminal modes not restored");
    }
}

/// Background of an annotated passage (`ui::annotations::ANNOTATED`).
const ANNOTATED: vt100::Color = vt100::Color::Rgb(70, 60, 0);

fn cell_bg(screen: &vt100::Screen, needle: &str) -> Option<vt100::Color> {
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

#[test]
fn annotate_save_restart_highlight_export() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/002_665c716cc0b4a646.txt"
    );
    let data = tempfile::tempdir().expect("temp data dir");
    let data_path = data.path().to_path_buf();
    let mut s = Session::start(100, 30, data, &[seed]);
    s.wait_text("? help");
    s.wait_text("This past February");
    s.send("A");
    s.wait_text("Note · C-s save");
    s.send("Abe went to Sochi #olympics");
    s.wait_text("Abe went to Sochi #olympics");
    s.send("\x13");
    s.wait_text("annotation saved");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let data = s.data.take().expect("data dir");

    let mut t = Session::start(100, 30, data, &[seed]);
    t.wait_text("This past February");
    t.wait_for("the annotated passage highlighted", |sc| {
        cell_bg(sc, "This past February") == Some(ANNOTATED)
    });
    // Only the passage: the status line is not highlighted.
    t.wait_for("unannotated text plain", |sc| {
        cell_bg(sc, "? help") != Some(ANNOTATED)
    });
    // The finder lists the note under `%`.
    t.send("\x10");
    t.send("%sochi");
    t.wait_for("the annotation found by the finder", |sc| {
        let text = sc.contents();
        text.contains("%sochi") && text.contains("Abe went to Sochi")
    });
    t.send("\x1b");
    t.wait_for("finder closed", |sc| !sc.contents().contains("%sochi"));
    t.send("q");
    assert!(t.wait_exit().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ibid"))
        .args(["export", "--format", "json"])
        .env("IBID_DATA_DIR", &data_path)
        .output()
        .expect("run ibid export");
    assert!(out.status.success(), "{out:?}");
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("Abe went to Sochi #olympics"), "{json}");
    assert!(
        json.contains("This past February, Japan’s Prime Minister Shinzo Abe"),
        "{json}"
    );
}
