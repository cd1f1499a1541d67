//! End-to-end: the real binary in a pseudo-terminal (portable-pty), its
//! output fed to a vt100 screen. Waits poll the screen with a timeout.

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
    master: Box<dyn MasterPty + Send>,
    _data: tempfile::TempDir,
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
    fn start(cols: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        let data = tempfile::tempdir().expect("temp data dir");
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
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
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
            master: pair.master,
            _data: data,
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

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
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

#[test]
fn read_follow_back_search_resize_quit() {
    let mut s = Session::start(200, 50, &[]);
    s.wait_text("Articles (5)");
    s.wait_text("36 notes");
    assert!(s.parser.lock().expect("parser").screen().alternate_screen());
    // Select marker [2] and open its note: the Ibid. resolves to note 1.
    s.send("]]\r");
    s.wait_text("Ibid. → 1  Takashi Mochizuki");
    // Follow the Ibid. to note 1, then come back.
    s.send("\r");
    s.wait_text("note 1 (C-o to go back)");
    s.send("\x0f");
    s.wait_text("back (C-i: forward)");
    // Search.
    s.send("/Putin\r");
    s.wait_text("/Putin: match 1 of");
    // Resize to 60x15: the panes collapse to the body.
    s.resize(60, 15);
    s.wait_for("narrow layout", |sc| {
        !sc.contents().contains("Articles (5)") && sc.contents().contains("%")
    });
    s.resize(200, 50);
    s.wait_text("Articles (5)");
    s.send("q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    s.assert_restored();
}

#[test]
fn panic_restores_terminal_and_prints_message() {
    let mut s = Session::start(100, 30, &[("IBID_TEST_PANIC", "1")]);
    let st = s.wait_exit();
    assert!(!st.success());
    s.assert_restored();
    s.wait_text("IBID_TEST_PANIC");
}

#[test]
fn sigterm_restores_terminal() {
    let mut s = Session::start(100, 30, &[]);
    s.wait_text("? help");
    let pid = s.child.process_id().expect("pid");
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(ok.success());
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn reading_position_is_remembered() {
    let mut s = Session::start(100, 30, &[]);
    s.wait_text("Notes (");
    s.send("GJ");
    s.wait_text("Russia and Japan: Can Two");
    s.send("q");
    s.wait_exit();
    // Same data dir: restart and go back to the first article.
    let data = s._data.path().to_path_buf();
    let saved = std::fs::read_to_string(data.join("positions.json")).expect("positions saved");
    assert!(saved.contains("000_"), "{saved}");
    let mut t = Session::start(
        100,
        30,
        &[("IBID_DATA_DIR", data.to_str().expect("utf-8 path"))],
    );
    t.wait_text("? help");
    t.wait_text("100% │");
    t.send("q");
    t.wait_exit();
}
