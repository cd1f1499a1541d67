//! End-to-end: resizing a big article keeps the reader's passage on screen at
//! once (the part around it is wrapped first) and after the whole layout
//! arrives from the worker; jumps to either end work in between.

mod pty;

use pty::Session;

#[test]
fn a_big_article_resized_keeps_its_place() {
    let data = pty::temp_data();
    let dir = tempfile::tempdir().expect("temp dir");
    let arg = pty::long_article(dir.path(), 3_000_000);
    let mut s = Session::start(200, 50, data, &[&arg], &[]);
    s.wait_for("the whole article", |sc| {
        let t = sc.contents();
        t.contains("Paragraph 0 of the long article") && !t.contains("loading the rest")
    });
    // Until the whole article is in, the search does not find it.
    s.send_until(
        "/Paragraph 20000 of\r",
        "Paragraph 20000 of the long article",
    );
    // The paragraph at the top of the body is the place a resize keeps.
    let top = first_paragraph(&s.contents()).expect("a paragraph on screen");
    let at_top = format!("Paragraph {top} of");
    s.resize(60, 15);
    s.wait_for("the same passage at 60 columns", |sc| {
        first_paragraph(&sc.contents()) == Some(top)
    });
    // Still there once the whole layout has come (a second is plenty).
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert_eq!(
        first_paragraph(&s.contents()),
        Some(top),
        "{}",
        s.contents()
    );
    assert!(s.contents().contains(&at_top));
    s.resize(120, 40);
    s.send("G");
    s.wait_text("The closing paragraph ends here.");
    s.send("g");
    s.wait_text("Paragraph 0 of the long article");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// The number of the first `Paragraph N` on the screen.
fn first_paragraph(screen: &str) -> Option<usize> {
    let at = screen.find("Paragraph ")? + "Paragraph ".len();
    let digits: String = screen[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
