//! End-to-end: open a PDF in the real binary, follow a footnote and come back.

mod pty;

use pty::{Session, temp_data};

#[test]
fn open_pdf_follow_footnote_and_back() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf/two-column.pdf");
    let mut s = Session::start(120, 40, temp_data(), &[path], &[]);
    s.wait_text("Salmon, Ice and Treaties");
    s.wait_text("p. 1");
    // Select the first marker and open its note.
    s.send("]\r");
    s.wait_text("Convention on the High Seas");
    s.send("\x0f");
    s.wait_text("back (A-i: forward)");
    // Go to page 2 and see the page in the status line.
    s.send(":p 2\r");
    s.wait_text("p. 2 │");
    s.send(":p 9\r");
    s.wait_text("no page 9: pages run 1–3");
    s.send("q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    s.assert_restored();
}
