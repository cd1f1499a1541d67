//! End-to-end: the sources view in the real binary, in a pseudo-terminal
//! (portable-pty + vt100). Waits poll the screen with a timeout, never sleep.

mod pty;

use pty::{Session, find_in, temp_data};

#[test]
fn sources_most_cited_then_jump_to_marker_5() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_90ed57cec86e1d59.txt"
    );
    let mut s = Session::start(200, 50, temp_data(), &[seed], &[]);
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
    assert!(sc.contains("to it.[5]"), "{sc}");
    s.send("\x0f");
    s.wait_text("back (A-i: forward)");
    s.send("q");
}
