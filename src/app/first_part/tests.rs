//! Tests of the first part: where big files are cut, and the whole
//! document taking the first part's place.

use super::*;
use crate::app::action::Action;
use crate::app::{init, update};
use crate::document::{Format, parse_str};
use std::collections::HashMap;
use std::path::PathBuf;

/// `n` paragraphs, each citing its own note, then the notes.
fn article(n: usize) -> String {
    let mut s = String::from("# A long article\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "Paragraph {i} says something worth a footnote.[^{i}] It goes on a little.\n\n"
        ));
    }
    for i in 0..n {
        s.push_str(&format!("[^{i}]: Source number {i}, p. {i}.\n"));
    }
    s
}

#[test]
fn small_files_are_not_cut() {
    let text = article(100);
    assert!(text.len() < 64 * 1024);
    assert_eq!(cut(text.as_bytes(), text.len() as u64), None);
    // A short head of a file just at the limit is not cut either.
    let big = vec![b'a'; 600_000];
    assert_eq!(cut(&big, WHOLE_UP_TO), None);
}

#[test]
fn big_files_are_cut_after_a_blank_line() {
    let text = article(20_000);
    let total = text.len() as u64;
    assert!(total > WHOLE_UP_TO);
    let head = &text.as_bytes()[..HEAD];
    let at = cut(head, total).expect("cut");
    assert!((FIRST_PART..HEAD).contains(&at));
    assert_eq!(
        &text.as_bytes()[at - 2..at],
        b"\n\n",
        "a paragraph boundary"
    );
    // The first blank line after the minimum, not a later one.
    assert!(!text[FIRST_PART..at - 2].contains("\n\n"));
}

#[test]
fn without_blank_lines_a_line_break_then_a_char_boundary() {
    let lines = "line of text\n".repeat(60_000);
    let at = cut(&lines.as_bytes()[..HEAD], lines.len() as u64).expect("cut");
    assert_eq!(lines.as_bytes()[at - 1], b'\n');
    assert!(at > FIRST_PART);
    // One long line of three-byte characters: the cut is on a char boundary.
    let wide = "é€".repeat(200_000);
    let at = cut(&wide.as_bytes()[..HEAD], wide.len() as u64).expect("cut");
    assert!(wide.is_char_boundary(at), "{at}");
    assert!(at <= FIRST_PART && at + 3 > FIRST_PART);
}

/// A state at `w`x`h` whose article is `text`'s first `prefix` paragraphs
/// (shown as the first part), with `saved` as its remembered position.
fn first_part_shown(text: &str, prefix: usize, saved: usize, w: u16, h: u16) -> AppState {
    let path = PathBuf::from("a.md");
    let positions = HashMap::from([(path.clone(), saved)]);
    let mut s = AppState::new(vec![path], &positions);
    update(&mut s, Action::Resize(w, h), std::time::UNIX_EPOCH);
    let _ = init(&mut s);
    let generation = s.articles[0].generation;
    let doc = Arc::new(parse_str(&text[..prefix], Format::Markdown));
    update(
        &mut s,
        Action::FirstPart {
            article: 0,
            generation,
            doc,
        },
        std::time::UNIX_EPOCH,
    );
    s.ensure_layout();
    s
}

fn whole_arrives(s: &mut AppState, text: &str) {
    let generation = s.articles[0].generation;
    let doc = Arc::new(parse_str(text, Format::Markdown));
    update(
        s,
        Action::Loaded {
            article: 0,
            generation,
            result: Ok(doc),
        },
        std::time::UNIX_EPOCH,
    );
    s.ensure_layout();
}

fn prefix_end(text: &str, paras: usize) -> usize {
    text.match_indices("\n\n")
        .nth(paras)
        .map_or(text.len(), |(i, _)| i + 2)
}

fn assert_top(s: &AppState, start: &str) {
    let top = top_text(s);
    assert!(top.starts_with(start), "{top}");
}

fn top_text(s: &AppState) -> String {
    let doc = s.doc().expect("doc");
    doc.text[s.anchor..].chars().take(20).collect()
}

#[test]
fn the_whole_document_keeps_the_readers_place() {
    let text = article(400);
    let mut s = first_part_shown(&text, prefix_end(&text, 120), 0, 100, 30);
    assert!(s.articles[0].first_part.is_some());
    assert_eq!(
        s.message.as_ref().map(|m| m.text.as_str()),
        Some(LOADING_REST)
    );
    let part_lines = s.layout.as_ref().expect("layout").line_start.len();
    crate::app::update::scroll(&mut s, 37);
    assert!(s.top > 0);
    let source_at = |s: &AppState| {
        let doc = s.doc().expect("doc");
        let k = doc.blocks.partition_point(|b| b.span.start <= s.anchor) - 1;
        doc.blocks[k].source
    };
    let before = source_at(&s);
    whole_arrives(&mut s, &text);
    assert!(s.articles[0].first_part.is_none());
    assert!(s.layout.as_ref().expect("layout").line_start.len() > part_lines);
    assert_eq!(source_at(&s), before, "the same paragraph is at the top");
    assert!(top_text(&s).starts_with("Paragraph "), "{}", top_text(&s));
    assert_eq!(s.message, None, "the loading message goes");
}

#[test]
fn a_remembered_position_beyond_the_first_part_is_restored() {
    let text = article(400);
    let whole = parse_str(&text, Format::Markdown);
    let saved = whole.text.find("Paragraph 300 ").expect("para");
    let mut s = first_part_shown(&text, prefix_end(&text, 100), saved, 100, 30);
    assert!(s.anchor < saved, "the part cannot reach it yet");
    whole_arrives(&mut s, &text);
    assert_top(&s, "Paragraph 300 ");
}

#[test]
fn the_notes_panel_fills_in_when_the_notes_arrive() {
    let text = article(400);
    // Wide enough for the notes panel beside the body.
    let mut s = first_part_shown(&text, prefix_end(&text, 100), 0, 200, 50);
    assert!(s.panes().notes_text_width().is_some());
    assert!(
        s.visible_notes().is_empty(),
        "the definitions are not parsed yet"
    );
    whole_arrives(&mut s, &text);
    let vis = s.visible_notes();
    assert!(!vis.is_empty());
    s.ensure_note_cache();
    let doc = s.doc().expect("doc");
    assert!(doc.slice(doc.notes[vis[0]].span).contains("Source number"));
}

#[test]
fn a_first_part_after_the_whole_document_is_ignored() {
    let text = article(50);
    let mut s = first_part_shown(&text, prefix_end(&text, 10), 0, 100, 30);
    whole_arrives(&mut s, &text);
    let whole = Arc::clone(s.doc().expect("doc"));
    let generation = s.articles[0].generation;
    let part = Arc::new(parse_str(&text[..prefix_end(&text, 5)], Format::Markdown));
    super::shown(&mut s, 0, generation, part);
    assert!(Arc::ptr_eq(s.doc().expect("doc"), &whole));
}

#[test]
fn a_search_is_run_again_on_the_whole_document() {
    let text = article(400);
    let mut s = first_part_shown(&text, prefix_end(&text, 100), 0, 100, 30);
    s.search.query = "Paragraph 250 says".into();
    crate::app::nav::find_matches(&mut s);
    assert!(s.search.matches.is_empty(), "not in the first part");
    whole_arrives(&mut s, &text);
    let doc = s.doc().expect("doc");
    let found: Vec<&str> = s.search.matches.iter().map(|m| doc.slice(*m)).collect();
    assert_eq!(found, ["Paragraph 250 says"]);
}

#[test]
fn a_finder_jump_waits_for_the_whole_document() {
    let text = article(400);
    let whole = parse_str(&text, Format::Markdown);
    let offset = whole.text.find("Paragraph 300 ").expect("para");
    let mut s = first_part_shown(&text, prefix_end(&text, 100), 0, 100, 30);
    s.finder.pending = Some((0, offset, crate::finder::Kind::Passage, 10));
    crate::app::finder::after_update(&mut s, &mut Vec::new());
    assert!(s.finder.pending.is_some(), "not landed in the first part");
    whole_arrives(&mut s, &text);
    assert!(s.finder.pending.is_none());
    assert_top(&s, "Paragraph 300 ");
}

#[test]
fn no_annotation_is_anchored_on_the_first_part() {
    use crate::app::annotate::AnnotAction;
    let text = article(400);
    let mut s = first_part_shown(&text, prefix_end(&text, 100), 0, 100, 30);
    update(
        &mut s,
        Action::Annot(AnnotAction::AnnotateParagraph),
        std::time::UNIX_EPOCH,
    );
    assert!(s.annot.editor.is_none(), "no editor on the first part");
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.contains("still reading")),
        "{:?}",
        s.message.as_ref().map(|m| &m.text)
    );
    whole_arrives(&mut s, &text);
    update(
        &mut s,
        Action::Annot(AnnotAction::AnnotateParagraph),
        std::time::UNIX_EPOCH,
    );
    assert!(s.annot.editor.is_some(), "the editor opens on the whole");
}
