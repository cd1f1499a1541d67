//! End-to-end: the real binary opens an Org file given on the command line,
//! follows its first footnote marker to the note (its note is selected in
//! the panel), then quits cleanly.

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
    s.send("q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    s.assert_restored();
}
