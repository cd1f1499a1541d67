//! End-to-end: the ways a session ends or pauses. A signal right after C-s
//! loses nothing; a save that failed is reported and kept; closing the
//! terminal mid-draft offers the draft back; Ctrl-Z and SIGTSTP suspend and
//! `fg` (SIGCONT) redraws; SIGQUIT and SIGUSR1 restore the terminal; a panic
//! restores it exactly once, so its message stays readable.

mod pty;

use pty::{Session, temp_data};
use std::path::Path;
use std::time::Duration;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/002_665c716cc0b4a646.txt"
);

/// The annotations in `data` as `ibid export --format json` prints them.
fn exported(data: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ibid"))
        .args(["export", "--format", "json"])
        .env("IBID_DATA_DIR", data)
        .env("IBID_STATE_DIR", data.join("state"))
        .output()
        .expect("run ibid export");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn open_editor(s: &mut Session) {
    s.wait_text("This past February");
    s.send("A");
    s.wait_text("Note · C-s save");
}

/// `trials` sessions, each killed with `signal` right after C-s (while the
/// save is queued or on the worker): every note must be in the store.
fn signal_right_after_save(signal: &str, trials: usize) {
    let mut data = temp_data();
    for i in 0..trials {
        let mut s = Session::start(100, 30, data, &[SEED], &[]);
        open_editor(&mut s);
        let note = format!("{signal} trial {i}");
        s.send(&note);
        s.wait_text(&note);
        s.send("\x13");
        s.wait_for("the save to start", |sc| {
            let c = sc.contents();
            c.contains("saving") || c.contains("annotation saved")
        });
        // Vary the moment: queued, on the worker, or done.
        std::thread::sleep(Duration::from_micros(
            u64::try_from(i % 5).unwrap_or(0) * 700,
        ));
        s.signal(signal);
        s.wait_exit();
        s.assert_restored();
        data = s.take_data();
        let json = exported(data.path());
        for j in 0..=i {
            let want = format!("{signal} trial {j}");
            assert!(json.contains(&want), "trial {i}: {want} lost:\n{json}");
        }
    }
}

#[test]
fn sigterm_right_after_save_loses_nothing() {
    signal_right_after_save("TERM", 4);
}

#[test]
fn sighup_right_after_save_loses_nothing() {
    signal_right_after_save("HUP", 4);
}

#[test]
#[ignore = "many trials: run by .ci/run (cargo test --test e2e_signals -- --ignored)"]
fn sigterm_and_sighup_many_times() {
    signal_right_after_save("TERM", 40);
    signal_right_after_save("HUP", 40);
}

#[test]
fn a_failed_save_is_reported_on_sigterm_and_saved_next_time() {
    let data = temp_data();
    // A file where the annotations folder should be: every save fails
    // (as root too, unlike a read-only folder).
    let folder = data.path().join("annotations");
    std::fs::write(&folder, "not a folder").expect("block the store");
    let mut s = Session::start(120, 30, data, &[SEED], &[]);
    open_editor(&mut s);
    s.send("kept despite the failure");
    s.send("\x13");
    s.wait_text("could not save annotations");
    s.signal("TERM");
    let st = s.wait_exit();
    assert!(!st.success(), "a lost save is not a clean exit");
    s.assert_restored();
    s.wait_text("1 annotation change(s) could not be saved");
    s.wait_text("offered again on the next start");
    let data = s.take_data();

    std::fs::remove_file(&folder).expect("unblock the store");
    let mut t = Session::start(120, 30, data, &[SEED], &[]);
    t.wait_text("annotation saved");
    t.send("q");
    assert!(t.wait_exit().success());
    let data = t.take_data();
    assert!(exported(data.path()).contains("kept despite the failure"));
}

#[test]
fn closing_the_terminal_mid_draft_offers_the_draft_back() {
    let mut s = Session::start(100, 30, temp_data(), &[SEED], &[]);
    open_editor(&mut s);
    s.send("half-typed thought #later");
    s.wait_text("half-typed thought #later");
    // Closing a terminal window: the kernel sends SIGHUP and the terminal's
    // file descriptors stop working. (The harness's reader thread keeps a
    // copy of the pty open, so the SIGHUP is sent explicitly.)
    s.signal("HUP");
    s.hang_up();
    s.wait_exit();
    let data = s.take_data();

    let mut t = Session::start(100, 30, data, &[SEED], &[]);
    t.wait_text("restored an unsaved note on");
    t.wait_text("half-typed thought #later");
    t.send(" finished");
    t.send("\x13");
    t.wait_text("annotation saved");
    t.send("q");
    assert!(t.wait_exit().success());
    let data = t.take_data();
    assert!(exported(data.path()).contains("half-typed thought #later finished"));
    // Offered once: the next start has nothing to restore.
    let mut u = Session::start(100, 30, data, &[SEED], &[]);
    u.wait_text("This past February");
    assert!(!u.contents().contains("restored an unsaved note"));
    u.send("q");
    assert!(u.wait_exit().success());
}

fn suspended_then_resumed(s: &mut Session) {
    s.assert_restored();
    s.wait_until("the process to stop", |s| s.proc_state() == Some('T'));
    s.signal("CONT"); // what `fg` does
    s.wait_for("the reader redrawn", |sc| {
        sc.alternate_screen() && sc.contents().contains("This past February")
    });
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_redraws() {
    let mut s = Session::start(100, 30, temp_data(), &[SEED], &[]);
    s.wait_text("This past February");
    s.send("\x1a");
    suspended_then_resumed(&mut s);
    // In the note editor too, and the note survives.
    open_editor(&mut s);
    s.send("typed before ^Z");
    s.wait_text("typed before ^Z");
    s.signal("TSTP");
    suspended_then_resumed(&mut s);
    s.wait_text("typed before ^Z");
    s.send("\x13");
    s.wait_text("annotation saved");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn sigquit_and_sigusr1_restore_the_terminal() {
    for signal in ["QUIT", "USR1"] {
        let mut s = Session::start(100, 30, temp_data(), &[SEED], &[]);
        s.wait_text("This past February");
        s.signal(signal);
        s.wait_exit();
        s.assert_restored();
    }
}

#[test]
fn a_panic_restores_once_and_its_message_stays_readable() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[("IBID_TEST_PANIC", "1")]);
    assert!(!s.wait_exit().success());
    s.assert_restored();
    s.wait_text("IBID_TEST_PANIC: forced panic after the first draw");
    let out = s.raw_output();
    let find = |needle: &[u8]| {
        out.windows(needle.len())
            .enumerate()
            .filter(|(_, w)| *w == needle)
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let leaves = find(b"\x1b[?1049l");
    assert_eq!(leaves.len(), 1, "the alternate screen is left exactly once");
    let message = find(b"IBID_TEST_PANIC");
    assert!(
        message.iter().any(|&m| m > leaves[0]),
        "the message is printed after the restore, on the main screen"
    );
    let last = message.iter().max().copied().unwrap_or(0);
    let after = String::from_utf8_lossy(&out[last..]).into_owned();
    // Showing the cursor again is harmless; moving it, clearing or switching
    // screens would put the prompt over the message.
    let moves = after.split("\x1b[").skip(1).any(|seq| {
        let end = seq.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
        let (params, fin) = seq.split_at(end);
        matches!(
            fin.chars().next(),
            Some('A'..='H' | 'J' | 'K' | 'f' | 's' | 'u')
        ) || params.contains("1049")
    });
    assert!(
        !moves,
        "nothing moves the cursor back over the message: {after:?}"
    );
}
