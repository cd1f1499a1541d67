//! End-to-end: a big article's first screen comes from its first part, and the whole
//! article follows (its last paragraph is reached with `G`).

mod pty;

use pty::Session;

#[test]
fn a_big_article_shows_its_start_then_the_whole() {
    let data = pty::temp_data();
    let dir = tempfile::tempdir().expect("temp dir");
    let arg = pty::long_article(dir.path(), 4_000_000);
    let mut s = Session::start(200, 50, data, &[&arg], &[]);
    s.wait_text("Paragraph 0 of the long article");
    // The status line says so while the rest is parsed (if the first screen
    // came before the whole article); `G` before then goes to the first
    // part's end.
    s.wait_for("the whole article", |sc| {
        let t = sc.contents();
        t.contains("Paragraph 0 of the long article") && !t.contains("loading the rest")
    });
    // The message can be gone from a frame not yet fully on the screen:
    // `G` is sent again until the whole article's end shows.
    s.send_until("G", "The closing paragraph ends here.");
    s.send("g");
    s.wait_text("Paragraph 0 of the long article");
    s.send("q");
    assert!(s.wait_exit().success());
}
