//! End-to-end: articles load when opened, yet the list shows every article's title and
//! note count (from the finder's index), and annotations of an article not opened this
//! session are still found by the finder (articles with stored annotations load at start).

mod pty;

use pty::Session;

#[test]
fn unopened_articles_are_listed_and_their_annotations_found() {
    let data = tempfile::tempdir().expect("temp data dir");
    let mut s = Session::start(200, 50, data, &[], &[]);
    s.wait_text("Articles (5)");
    // Seed 003 is never opened: its row comes from the index.
    s.wait_text("41 notes · Indrani Talukdar");
    s.send("JJ");
    s.wait_text("This past February");
    s.send("A");
    s.wait_text("Note · C-s save");
    s.send("Abe went to Sochi #olympics");
    s.send("\x13");
    s.wait_text("annotation saved");
    s.send("q");
    assert!(s.wait_exit().success());
    let data = s.take_data();

    // Restart on seed 000: seed 002 is not opened, but its annotation is found.
    let mut t = Session::start(200, 50, data, &[], &[]);
    t.wait_text("Articles (5)");
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
}
