//! End-to-end comfort journeys in a pty: counts, marks, and reopening the
//! last article read at its place after a restart.

mod pty;

use pty::{Session, temp_data};

/// The body part of screen row `y` (the notes panel cut off) at 100 columns.
fn body_row(s: &Session, y: u16) -> String {
    s.row(y)
        .chars()
        .skip(1)
        .take(67)
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[test]
fn a_count_scrolls_exactly_that_many_lines() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[]);
    s.wait_text("Notes (");
    s.wait_until("a full page", |s| {
        !body_row(s, 25).is_empty() && s.row(29).contains('%')
    });
    let before: Vec<String> = (0..29).map(|y| body_row(&s, y)).collect();
    let tenth = before[10].clone();
    assert!(!tenth.is_empty(), "{before:?}");
    s.send("10j");
    // Every line moves up by ten, not only the first (and no more).
    s.wait_until("ten lines down", |s| {
        (0..19).all(|y| body_row(s, y) == before[usize::from(y) + 10])
    });
    assert_eq!(body_row(&s, 0), tenth);
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_mark_returns_to_its_place() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[]);
    s.wait_text("Notes (");
    s.send("5j");
    s.wait_until("scrolled", |s| !s.row(0).starts_with(" 2013"));
    let here = body_row(&s, 0);
    s.send("ma");
    s.wait_text("mark a set");
    s.send("G");
    s.wait_text("100% │");
    s.send("'a");
    s.wait_text("mark a (C-o: back)");
    assert_eq!(body_row(&s, 0), here);
    // '' goes back to where the jump started (the bottom), and again here.
    s.send("''");
    s.wait_text("100% │");
    s.send("''");
    s.wait_until("back at the mark", |s| body_row(s, 0) == here);
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn restart_reopens_the_last_article_at_its_place() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[]);
    s.wait_text("Notes (");
    s.send("J");
    s.wait_text("Russia and Japan: Can Two");
    s.send("7j");
    s.wait_until("scrolled", |s| !s.contents().contains("  0% │"));
    let top = body_row(&s, 0);
    let status = s.row(29);
    s.send("q");
    assert!(s.wait_exit().success());
    let data = s.take_data();
    let saved = std::fs::read_to_string(data.path().join("last-read.json")).expect("saved");
    assert!(saved.contains("001_"), "{saved}");
    let mut t = Session::start(100, 30, data, &[], &[]);
    let pos = status.split('│').next().expect("position").to_string();
    t.wait_until("the same top line", |t| {
        body_row(t, 0) == top && t.row(29).starts_with(&pos)
    });
    t.send("l");
    t.wait_text("▶ Russia and Japan: Can Two");
    t.send("l");
    t.wait_until("list closed", |t| {
        !t.contents().contains("▶ Russia and Japan")
    });
    t.send("q");
    let data = {
        assert!(t.wait_exit().success());
        t.take_data()
    };
    // A damaged file is ignored with a message; the reader still starts.
    std::fs::write(data.path().join("last-read.json"), "{not json").expect("write");
    let mut u = Session::start(100, 30, data, &[], &[]);
    u.wait_text("damaged");
    u.wait_text("Notes (");
    u.send("q");
    assert!(u.wait_exit().success());
}
