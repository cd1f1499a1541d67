//! End-to-end: annotate a paragraph of seed 002 in the real binary (pty +
//! vt100), save, quit; restart and find the passage highlighted; export it.

mod pty;

use pty::{Session, cell_bg};

/// Background of an annotated passage (`ui::annotations::ANNOTATED`).
const ANNOTATED: vt100::Color = vt100::Color::Rgb(70, 60, 0);

#[test]
fn annotate_save_restart_highlight_export() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/002_665c716cc0b4a646.txt"
    );
    let data = tempfile::tempdir().expect("temp data dir");
    let data_path = data.path().to_path_buf();
    let mut s = Session::start(100, 30, data, &[seed], &[]);
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
    let data = s.take_data();

    let mut t = Session::start(100, 30, data, &[seed], &[]);
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
