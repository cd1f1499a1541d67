//! End-to-end: the sources view in the real binary, in a pseudo-terminal
//! (portable-pty + vt100). Waits poll the screen with a timeout, never sleep.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(15);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _data: tempfile::TempDir,
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

impl Session {
    fn start(cols: u16, rows: u16, args: &[&str]) -> Self {
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
        cmd.args(args);
        cmd.env("IBID_DATA_DIR", data.path());
        cmd.env("TERM", "xterm-256color");
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
}

/// Row and column of `needle` within columns `cols` of the screen.
fn find_in(sc: &vt100::Screen, needle: &str, cols: std::ops::Range<u16>) -> Option<(u16, u16)> {
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

#[test]
fn sources_most_cited_then_jump_to_marker_5() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_90ed57cec86e1d59.txt"
    );
    let mut s = Session::start(200, 50, &[seed]);
    s.wait_text("36 notes");
    s.send("s");
    s.wait_text("Sources (30) · by first cited");
    s.send("S");
    s.wait_text("Sources (30) · by count");
    // The first work listed (after the health report) is the most cited.
    s.wait_for("Mochizuki first", |sc| {
        let text = sc.contents();
        let first = text.lines().find(|l| l.contains("× "));
        first.is_some_and(|l| l.contains("3× Takashi Mochizuki"))
            && text.contains("The Wall Street Journal · 2013-11-02")
    });
    s.send("\r");
    s.wait_text("Sources › cited by 3 markers");
    s.send("jj\r");
    s.wait_text("marker [5] (C-o to go back)");
    // Body pane: columns 33..140 at 200 columns (list 33, notes 60).
    s.wait_for("[5] selected in the body", |sc| {
        find_in(sc, "[5]", 33..140).is_some_and(|(r, c)| {
            sc.cell(r, c + 1)
                .is_some_and(|x| x.bgcolor() == vt100::Color::Idx(3))
        })
    });
    let sc = s.contents();
    assert!(sc.contains("sending a signal to it.[5]"), "{sc}");
    s.send("\x0f");
    s.wait_text("back (C-i: forward)");
    s.send("q");
}
