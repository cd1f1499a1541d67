//! End-to-end: the library folder is watched while the reader runs — a web
//! page written into it appears in the list, a change to the open article
//! reloads it in place, and a removed file leaves the list.

mod pty;

use pty::{Session, temp_data};

fn page(title: &str, note: &str) -> String {
    format!(
        r##"<html><head><title>{title}</title></head><body><article>
<p>A paragraph about footnotes that cites a source.<sup id="r1"><a href="#n1">1</a></sup>
It goes on long enough to look like an article to the extractor, as saved pages do:
the footnote lets the reader check the claim, follow the trail and come back.</p>
<ol><li id="n1">{note} <a href="#r1">↩</a></li></ol></article></body></html>"##
    )
}

#[test]
fn a_page_written_into_the_library_appears_changes_and_goes() {
    let data = temp_data();
    let lib = data.path().join("library");
    let mut s = Session::start(200, 50, data, &[], &[]);
    s.wait_text("Articles (5)");
    std::fs::create_dir_all(&lib).expect("library");
    let file = lib.join("watched.html");
    std::fs::write(&file, page("Watched Page", "Grafton, The Footnote.")).expect("write");
    s.wait_text("Articles (6)");
    s.wait_text("Watched Page");
    s.wait_text("1 note · html");
    // Open it (the last article), then change it on disk: it reloads in place.
    s.send("G");
    for _ in 0..5 {
        s.send("J");
    }
    s.wait_text("A paragraph about footnotes");
    std::fs::write(
        &file,
        page("Watched Page Revised", "Grafton, The Footnote, 1997."),
    )
    .expect("write");
    s.wait_text("Watched Page Revised");
    s.wait_text("Grafton, The Footnote, 1997.");
    std::fs::remove_file(&file).expect("remove");
    s.wait_text("Articles (5)");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
