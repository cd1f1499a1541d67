//! End-to-end: the real binary opens an Org file given on the command line,
//! follows its first footnote marker to the note (selected in the notes
//! panel) and comes back, then quits cleanly.

mod pty;

use pty::{Session, cell_bg, temp_data};

#[test]
fn open_org_follow_footnote_and_back() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/markup.org");
    let mut s = Session::start(200, 50, temp_data(), &[path], &[]);
    s.wait_text("An Org Essay");
    s.wait_text("Some text with a footnote[1]");
    let unselected = s.with_screen(|sc| cell_bg(sc, "1 The first footnote."));
    s.send("]\r");
    // Following the marker selects its note in the panel.
    s.wait_for("note 1 selected", |sc| {
        cell_bg(sc, "1 The first footnote.") != unselected
    });
    // Back (C-o) returns to where the follow started.
    s.send("\x0f");
    s.wait_text("back (A-i: forward)");
    s.send("q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    s.assert_restored();
}

#[test]
fn narrow_org_note_opens_over_the_text_and_back() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/markup.org");
    let mut s = Session::start(60, 15, temp_data(), &[path], &[]);
    s.wait_text("Introduction");
    assert!(
        !s.contents().contains("The first footnote."),
        "no notes panel at 60x15"
    );
    s.send("]\r");
    s.wait_text("The first footnote.");
    s.send("\x0f");
    s.wait_text("back (A-i: forward)");
    s.send("q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
}
