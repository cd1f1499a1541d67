//! Render tests of the finder overlay (TestBackend + insta), with a style check on a
//! highlighted matched cell. The background parts (index, streamed search) are run
//! synchronously here.

mod common;

use common::{keys, render, row, screen, seeds, state};
use ibid::app::finder::{FinderMsg, IndexHandle};
use ibid::app::{Action, AppState, update};
use ibid::finder::build_library_index;
use ratatui::style::Color;
use std::path::PathBuf;
use std::sync::Arc;

fn seeds_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
}

/// A state on the seeds at `w` x `h` with the library index delivered.
fn finder_state(w: u16, h: u16) -> AppState {
    let mut s = state(seeds(), w, h);
    let ix = Arc::new(build_library_index(&[seeds_dir()], None, None));
    update(
        &mut s,
        Action::Finder(FinderMsg::IndexReady(IndexHandle(ix))),
        std::time::UNIX_EPOCH,
    );
    s
}

/// Types `text` into the open finder and completes the streamed search.
fn type_query(s: &mut AppState, text: &str) {
    let mut last = Vec::new();
    for c in text.chars() {
        let a = Action::Finder(FinderMsg::Edit(ibid::app::line_edit::Edit::Insert(c)));
        last = update(s, a, std::time::UNIX_EPOCH);
    }
    assert!(
        ibid::app::finder::complete_search(s, &last),
        "no search submitted"
    );
}

/// (x, y) of the first cell of `needle` on row `y`, searching rows from `from`.
fn find_from(buf: &ratatui::buffer::Buffer, needle: &str, from: u16) -> Option<(u16, u16)> {
    (from..buf.area.height).find_map(|y| {
        let r = row(buf, y);
        r.find(needle)
            .map(|b| (u16::try_from(r[..b].chars().count()).unwrap_or(0), y))
    })
}

#[test]
fn finder_200x50() {
    let mut s = finder_state(200, 50);
    keys(&mut s, &["C-p"]);
    type_query(&mut s, "okhotsk");
    let t = render(&s);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("finder_200x50", screen(buf));
    // The first result is seed 000's paragraph; its matched "Okhotsk" is highlighted and
    // the row is selected.
    let (x, y) = find_from(buf, "Okhotsk", 3).expect("match on screen");
    assert!(row(buf, y).contains("passage"));
    assert_eq!(
        buf[(x, y)].bg,
        Color::LightMagenta,
        "matched char highlighted"
    );
    assert_eq!(buf[(x - 2, y)].bg, Color::Cyan, "selected row");
    // Preview: the passage in context, match highlighted there too.
    assert!(screen(buf).contains("from entering the Sea of Okhotsk.[11]"));
}

#[test]
fn finder_60x15() {
    let mut s = finder_state(60, 15);
    keys(&mut s, &["C-p"]);
    type_query(&mut s, "#crimean");
    let t = render(&s);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("finder_60x15", screen(buf));
    let (x, y) = find_from(buf, "Crimean", 2).expect("heading on screen");
    assert!(row(buf, y).contains("heading"));
    assert_eq!(buf[(x, y)].bg, Color::LightMagenta);
    assert_eq!(
        buf[(x + 7, y)].bg,
        Color::Cyan,
        "unmatched char: row style only"
    );
}

#[test]
fn finder_says_indexing_until_ready() {
    let mut s = state(seeds(), 60, 15);
    keys(&mut s, &["C-p"]);
    assert!(screen(render(&s).backend().buffer()).contains("indexing…"));
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(20, 5), (12, 3), (30, 6), (99, 8), (100, 8)] {
        let mut s = finder_state(w, h);
        keys(&mut s, &["C-p"]);
        type_query(&mut s, "ibid");
        let _ = render(&s);
    }
}

#[test]
fn jump_flashes_the_passage() {
    let mut s = finder_state(100, 30);
    keys(&mut s, &["C-p"]);
    type_query(&mut s, "okhotsk");
    keys(&mut s, &["Enter"]);
    let t = render(&s);
    let buf = t.backend().buffer();
    let (x, y) = find_from(buf, "As long as Russia", 0).expect("landed");
    assert_eq!(y, 0, "passage at the top of the body");
    assert_eq!(buf[(x, y)].bg, Color::Yellow, "landing highlight");
}
