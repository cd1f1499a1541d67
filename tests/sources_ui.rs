//! `update` transitions of the sources view and the link keys on the seeds:
//! sorting, the marker sub-list, jumping to a marker and back, `x` and `y`.

mod common;

use common::{keys, seed, state};
use ibid::app::sources::{self, SourcesSort, marker_labels};
use ibid::app::{Action, Effect, Pane, update};
use std::sync::Arc;

#[test]
fn most_cited_work_lists_its_markers_and_jumps_to_one() {
    let mut s = state(vec![seed("000")], 200, 50);
    keys(&mut s, &["s"]);
    assert!(s.sources.open);
    assert_eq!(s.focus, Pane::Notes);
    let before = Arc::clone(sources::current(&s).expect("computed on open"));
    keys(&mut s, &["S"]);
    assert_eq!(s.sources.sort, SourcesSort::Count);
    let data = sources::current(&s).expect("data");
    assert!(Arc::ptr_eq(&before, data), "computed once per document");
    let doc = Arc::clone(s.doc().expect("doc"));
    let first = data.row(SourcesSort::Count, 0).expect("a work");
    assert_eq!(
        first.citation.authors,
        vec!["Takashi Mochizuki".to_string()]
    );
    assert_eq!(
        first.citation.container.as_deref(),
        Some("The Wall Street Journal")
    );
    assert_eq!(marker_labels(&doc, first), vec!["1", "2", "5"]);

    keys(&mut s, &["Enter"]);
    assert_eq!(s.sources.sub, Some(0));
    keys(&mut s, &["j", "j", "j"]);
    assert_eq!(s.sources.sub, Some(2), "clamped to the last marker");
    let (top, marker) = (s.top, s.marker);
    keys(&mut s, &["Enter"]);
    let m = s.marker.expect("a marker is selected");
    assert_eq!(doc.markers[m].label, "5");
    assert_eq!(s.note, doc.markers[m].note);
    assert_eq!(s.focus, Pane::Body);
    let lay = s.layout.clone().expect("layout");
    let line = lay.markers[lay.marker_slot(m).expect("laid out")].line;
    assert!(
        line >= s.top && line < s.top + s.body_height(),
        "marker on screen"
    );
    keys(&mut s, &["C-o"]);
    assert_eq!((s.top, s.marker), (top, marker), "C-o returns");
    assert_eq!(s.focus, Pane::Notes);
    assert_eq!(s.sources.sub, Some(2), "the sub-list is still open");
    keys(&mut s, &["Esc"]);
    assert_eq!(s.sources.sub, None);
    keys(&mut s, &["Esc"]);
    assert!(!s.sources.open);
}

#[test]
fn sort_cycles_and_toggle_returns_to_notes() {
    let mut s = state(vec![seed("000")], 200, 50);
    keys(&mut s, &["s", "S", "S"]);
    assert_eq!(s.sources.sort, SourcesSort::Author);
    let data = Arc::clone(sources::current(&s).expect("data"));
    let surnames: Vec<String> = data
        .ordered(SourcesSort::Author)
        .filter_map(|w| w.citation.authors.first().cloned())
        .collect();
    assert_eq!(
        surnames.first().map(String::as_str),
        Some("F. Joseph Dresen")
    );
    keys(&mut s, &["S"]);
    assert_eq!(s.sources.sort, SourcesSort::First);
    // The mouse wheel over the panel moves the sources selection.
    let notes = s.panes().notes.expect("notes panel");
    let (col, row) = (notes.x + 5, notes.y + 5);
    update(
        &mut s,
        Action::Wheel { col, row, delta: 3 },
        std::time::UNIX_EPOCH,
    );
    assert_eq!(s.sources.sel, 1);
    update(
        &mut s,
        Action::Wheel {
            col,
            row,
            delta: -3,
        },
        std::time::UNIX_EPOCH,
    );
    assert_eq!(s.sources.sel, 0);
    keys(&mut s, &["s"]);
    assert!(!s.sources.open);
    assert_eq!(s.focus, Pane::Notes, "the notes panel is back");
}

#[test]
fn narrow_terminal_shows_sources_as_overlay_and_closes_on_jump() {
    let mut s = state(vec![seed("000")], 60, 15);
    keys(&mut s, &["s"]);
    assert!(s.sources.open && sources::active(&s));
    keys(&mut s, &["Enter", "Enter"]);
    assert!(!s.sources.open, "the overlay gives way to the body");
    assert_eq!(
        s.marker
            .map(|m| s.doc().expect("doc").markers[m].label.clone())
            .as_deref(),
        Some("1")
    );
}

#[test]
fn x_without_url_says_no_link() {
    let mut s = state(vec![seed("002")], 200, 50);
    keys(&mut s, &["]"]);
    let n = s.note.expect("marker 1's note");
    assert!(!s.doc().expect("doc").note_text(n).contains("http"));
    let fx = update(&mut s, Action::OpenLink, std::time::UNIX_EPOCH);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(s.message, Some(ibid::app::Message::info("no link")));
    let fx = update(&mut s, Action::CopyLink, std::time::UNIX_EPOCH);
    assert!(fx.is_empty(), "{fx:?}");
}

#[test]
fn y_copies_the_notes_and_the_sources_url() {
    let mut s = state(vec![seed("000")], 200, 50);
    keys(&mut s, &["]"]);
    let wsj = "http://online.wsj.com/news/articles/SB10001424052702304073204579173242854677888";
    assert_eq!(
        update(&mut s, Action::CopyLink, std::time::UNIX_EPOCH),
        vec![Effect::CopyUrl(wsj.into())]
    );
    // Marker 2's note is "Ibid.": the link is the one it refers to.
    keys(&mut s, &["]"]);
    assert_eq!(
        update(&mut s, Action::CopyLink, std::time::UNIX_EPOCH),
        vec![Effect::CopyUrl(wsj.into())]
    );
    // In the sources view, the selected work's URL.
    keys(&mut s, &["s", "j"]);
    let fx = update(&mut s, Action::OpenLink, std::time::UNIX_EPOCH);
    assert_eq!(
        fx,
        vec![Effect::OpenUrl(
            "http://csis.org/files/attachments/121114_rep_kozyrev_summary.pdf".into()
        )]
    );
}
