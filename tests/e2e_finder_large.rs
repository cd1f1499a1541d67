//! End-to-end: the finder on a generated 10,000-article library (small articles, written
//! into a temp dir by the test) answers every keystroke: after each key the query line
//! shows the typed text and the rows list matching articles, headings or notes.

mod pty;

use pty::{Session, temp_data};

const CTRL_P: &str = "\x10";
const ARTICLES: usize = 10_000;

/// Writes `ARTICLES` short articles: a title, a heading, a paragraph with a marker, a note.
fn library(dir: &std::path::Path) {
    for i in 0..ARTICLES {
        let text = format!(
            "Report {i} on the Kuril Dispute\n\nFisheries Near Okhotsk {i}\n\n\
             Boats from port {i} crossed the line.[1]\n\nNotes\n\n\
             1. Harbour log {i}, Sakhalin archive.\n"
        );
        std::fs::write(dir.join(format!("a{i:05}.txt")), text).expect("write article");
    }
}

#[test]
fn every_keystroke_shows_results_on_ten_thousand_articles() {
    let lib = tempfile::tempdir().expect("library dir");
    library(lib.path());
    let path = lib.path().display().to_string();
    let mut s = Session::start(120, 40, temp_data(), &[&path], &[]);
    s.wait_text(&format!("Articles ({ARTICLES})"));
    s.send(CTRL_P);
    s.wait_text("Find in the library");
    s.wait_for("the index", |sc| {
        let c = sc.contents();
        !c.contains("indexing")
    });
    // Words from titles, headings and notes; each prefix must show rows.
    for (word, row) in [
        ("okhotsk", "Fisheries Near Okhotsk"),
        ("sakhal", "Sakhalin archive"),
    ] {
        let mut typed = String::new();
        for ch in word.chars() {
            typed.push(ch);
            s.send(&ch.to_string());
            let line = format!("› {typed}");
            s.wait_for(&format!("results for {typed:?}"), |sc| {
                let c = sc.contents();
                c.contains(&line) && c.contains(" results") && !c.contains(" 0 results")
            });
        }
        s.wait_text(row);
        // Clear the query for the next word.
        for _ in 0..typed.len() {
            s.send("\x7f");
        }
        s.wait_for("an empty query", |sc| {
            !sc.contents().contains(&format!("› {}", &typed[..1]))
        });
    }
    s.send("\x1b");
    s.wait_for("finder closed", |sc| {
        !sc.contents().contains("Find in the library")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}
