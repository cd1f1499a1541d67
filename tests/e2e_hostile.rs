//! End-to-end: paths that are not article files (FIFOs, devices, files over
//! the size limit) are refused with a one-line message, within a time limit,
//! and never hold up the other articles.

mod pty;

use pty::{Session, temp_data};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `ibid args…` without the user's configuration, stdin closed, stderr piped.
fn ibid(args: &[&str], stdout: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_ibid"))
        .args(args)
        .env(
            "IBID_CONFIG_DIR",
            std::env::temp_dir().join("ibid-no-config"),
        )
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ibid")
}

/// Waits for `child`, killing it (and failing) if it takes over 20 s: its
/// exit code and what it wrote on stderr.
fn wait_with_limit(mut child: std::process::Child, what: &str) -> (Option<i32>, String) {
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                std::io::Read::read_to_string(&mut e, &mut err).expect("stderr");
            }
            return (st.code(), err);
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("{what} did not finish within 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs `ibid args…` with a time limit (see [`wait_with_limit`]).
fn run_with_limit(args: &[&str]) -> (Option<i32>, String) {
    wait_with_limit(ibid(args, Stdio::null()), &format!("ibid {args:?}"))
}

fn fifo(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    let ok = Command::new("mkfifo").arg(&p).status().expect("mkfifo");
    assert!(ok.success());
    p
}

fn article(dir: &Path, name: &str, title: &str) -> PathBuf {
    let p = dir.join(name);
    let text = format!("{title}\n\nSome body text here.[1]\n\nNotes\n\n1. The only note.\n");
    std::fs::write(&p, text).expect("write");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn inspect_refuses_a_fifo_and_a_device_with_exit_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let pipe = fifo(dir.path(), "pipe.txt");
    let (code, err) = run_with_limit(&["inspect", s(&pipe)]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("FIFO") && err.contains("not a regular file"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    let (code, err) = run_with_limit(&["inspect", "/dev/zero"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("character device"), "{err}");
}

#[test]
fn inspect_refuses_a_file_over_the_configured_size() {
    let dir = tempfile::tempdir().expect("tmp");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(600 * 1024)).expect("write");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[library]\nmax_file_mb = 4\n").expect("write");
    let (code, err) = run_with_limit(&["--config", s(&config), "inspect", s(&big)]);
    assert_eq!(code, Some(0), "2.9 MB is under a 4 MB limit: {err}");
    std::fs::write(&config, "[library]\nmax_file_mb = 1\n").expect("write");
    let (code, err) = run_with_limit(&["--config", s(&config), "inspect", s(&big)]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("too large") && err.contains("2.9 MB"), "{err}");
    assert!(err.contains("1 MB"), "the limit is named: {err}");
}

#[test]
fn a_fifo_a_device_and_a_big_file_never_hold_up_the_other_articles() {
    let dir = tempfile::tempdir().expect("tmp");
    let pipe = fifo(dir.path(), "a-pipe.txt");
    let big = dir.path().join("b-big.txt");
    std::fs::write(&big, "word ".repeat(300 * 1024)).expect("write");
    let good = article(dir.path(), "c-good.txt", "The Good Article");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[library]\nmax_file_mb = 1\n").expect("write");
    let args = [
        "--config",
        s(&config),
        s(&pipe),
        "/dev/zero",
        s(&big),
        s(&good),
    ];
    let mut sess = Session::start(200, 50, temp_data(), &args, &[]);
    // The FIFO is on screen first: its message, while the others load.
    sess.wait_text("it is a FIFO (named pipe), not a regular file");
    sess.wait_text("1 note");
    sess.send("J");
    sess.wait_text("it is a character device, not a regular file");
    sess.send("J");
    sess.wait_text("too large to read (1.5 MB, the limit is 1 MB");
    sess.send("J");
    sess.wait_text("The only note.");
    sess.send("q");
    assert!(sess.wait_exit().success());
}

#[test]
fn inspect_into_a_reader_that_stops_early_exits_quietly() {
    // `ibid inspect F | head -1`: the pipe closes after the first line; the
    // rest of the JSON meets a broken pipe, which is no error.
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.txt");
    let para = "A paragraph that cites a note.[1] It goes on for a while.\n\n";
    let mut text = String::from("Title\n\n");
    while text.len() < 4 << 20 {
        text.push_str(para);
    }
    text.push_str("[1] The note.\n");
    std::fs::write(&big, text).expect("write");
    let mut child = ibid(&["inspect", s(&big)], Stdio::piped());
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    let n = std::io::Read::read(&mut out, &mut first).expect("first bytes");
    assert!(n > 0 && first[0] == b'{', "JSON starts");
    drop(out);
    let (code, err) = wait_with_limit(child, "inspect after the pipe closed");
    assert_eq!(code, Some(0), "stderr: {err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");
}
