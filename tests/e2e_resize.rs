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

/// A key typed just as the window is resized is not held back until the
/// next key. (crossterm's default event source waits on an edge-triggered
/// epoll: when the resize and the key were ready together it returned the
/// resize and lost the key's readiness; the `use-dev-tty` source polls.)
#[test]
fn a_key_typed_with_a_resize_is_acted_on() {
    let data = pty::temp_data();
    let dir = tempfile::tempdir().expect("temp dir");
    let arg = pty::long_article(dir.path(), 60_000);
    let mut s = Session::start(100, 30, data, &[&arg], &[]);
    s.wait_text("Paragraph 0 of the long article");
    for round in 0..40_u16 {
        s.resize(80 + round % 7, 24 + round % 5);
        // Which of the key and the resize comes first is up to the
        // terminal; either way the key lands near its end of the article.
        let end = round % 2 == 0;
        s.send(if end { "G" } else { "g" });
        s.wait_for(if end { "the end" } else { "the top" }, |sc| {
            let top = first_paragraph(&sc.contents());
            if end {
                top.is_some_and(|n| n > 600)
            } else {
                top == Some(0)
            }
        });
    }
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
