//! End-to-end tests of the finder: the real binary in a pseudo-terminal on the seeds, with
//! temp data and cache dirs. Every wait polls the screen with a timeout.

mod pty;

use pty::{Session, temp_data};
use std::path::Path;

const CTRL_P: &str = "\x10";
const CTRL_O: &str = "\x0f";
/// The first line of seed 000 (its byline), at the top of the body when the
/// reader starts.
const START: &str = "2013-11-11 By Su Wang";

#[test]
fn find_jump_and_come_back() {
    let mut s = Session::start(200, 50, temp_data(), &[], &[]);
    s.wait_text("36 notes");
    // The status line can be drawn a frame before the body is (a loaded machine).
    s.wait_until("the body opens on seed 000's byline", |s| {
        s.row(0).contains(START)
    });

    s.send(CTRL_P);
    s.wait_text("Find in the library");
    s.send("okhotsk");
    s.wait_text("› okhotsk");
    s.wait_results();
    s.send("\r");
    s.wait_until("seed 000's Okhotsk paragraph at the top of the body", |s| {
        s.row(0).contains(
            "As long as Russia holds the territory, it is able to prevent any foreign navy",
        )
    });
    assert!(!s.contents().contains("Find in the library"));

    s.send(CTRL_P);
    s.wait_text("Find in the library");
    s.send("#crimean");
    s.wait_text("› #crimean");
    s.wait_results();
    s.send("\r");
    s.wait_until("the heading of seed 002 at the top of the body", |s| {
        s.row(0).contains("The Crimean Black Swan")
    });
    s.wait_text("§ The Crimean Black Swan");

    // Back to the Okhotsk paragraph, then back to where the session started.
    s.send(CTRL_O);
    s.wait_until("back to the Okhotsk paragraph", |s| {
        s.row(0).contains("As long as Russia holds the territory")
    });
    s.send(CTRL_O);
    s.wait_until("back to the start", |s| {
        s.row(0).contains(START) && s.contents().contains("  0% │")
    });
    s.send("q");
}

#[test]
fn files_added_to_the_library_are_found_after_reopening() {
    let mut s = Session::start(120, 30, temp_data(), &[], &[]);
    s.wait_text("Articles (5)");
    s.send(CTRL_P);
    s.send("zyzzyva");
    s.wait_text("› zyzzyva");
    s.wait_text("no matches");
    s.send("\x1b");
    let lib = s.data_path().join("library");
    write(
        &lib.join("bugs.txt"),
        "On Weevils\n\nThe zyzzyva is a weevil.\n",
    );
    s.wait_until("finder closed", |s| !s.contents().contains("› zyzzyva"));
    s.send(CTRL_P);
    s.send("zyzzyva");
    s.wait_text("The zyzzyva is a weevil.");
    s.send("\r");
    s.wait_text("Articles (6)");
    // A two-line article cannot scroll: its title stays on top, the passage under it.
    s.wait_until("the new article open", |s| {
        s.row(0).contains("On Weevils") && s.row(2).contains("The zyzzyva is a weevil.")
    });
}

fn write(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}
