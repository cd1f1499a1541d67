//! Grouping seed notes into distinct works: identical references, Ibid. and op. cit. chains.

mod seed_notes;

use ibid::sources::{NoteInput, Work, sort_by_author, sort_by_count, sort_by_first, works};
use seed_notes::{NOTES_000, NOTES_003};

/// Notes with 1-based labels and one marker each (`[n]` cites note n).
fn inputs(texts: &[&str]) -> Vec<NoteInput> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| NoteInput {
            label: (i + 1).to_string(),
            text: (*t).to_string(),
            markers: vec![(i + 1).to_string()],
            ..NoteInput::default()
        })
        .collect()
}

fn seed000() -> Vec<NoteInput> {
    let mut notes = inputs(&NOTES_000);
    notes[1].refers_to = Some(0); // note 2 is Ibid. -> note 1
    for (later, first) in [(5, 1), (16, 7), (24, 9), (20, 10), (27, 11)] {
        notes[later - 1].same_as = Some(first - 1);
    }
    notes
}

fn seed003() -> Vec<NoteInput> {
    let mut notes = inputs(&NOTES_003);
    let chains = [
        (5, 3),
        (7, 6),
        (9, 4),
        (10, 8),
        (13, 11),
        (14, 12),
        (15, 8),
        (16, 15),
        (25, 11),
        (28, 27),
        (32, 20),
        (34, 30),
    ];
    for (from, to) in chains {
        notes[from - 1].refers_to = Some(to - 1);
    }
    notes
}

fn work_with_note<'a>(ws: &'a [Work], label: &str) -> &'a Work {
    ws.iter()
        .find(|w| w.notes.first().map(String::as_str) == Some(label))
        .unwrap_or_else(|| panic!("no work first cited in note {label}"))
}

#[test]
fn seed000_collapses_to_30_works() {
    let ws = works(&seed000());
    // 36 notes - 1 Ibid. - 5 identical references
    assert_eq!(ws.len(), 30);
    let firsts: Vec<usize> = ws.iter().map(|w| w.first).collect();
    let mut sorted = firsts.clone();
    sorted.sort_unstable();
    assert_eq!(firsts, sorted, "works come in order of first citation");
    assert_eq!(work_with_note(&ws, "7").notes, ["7", "16"]);
    assert_eq!(work_with_note(&ws, "9").notes, ["9", "24"]);
    assert_eq!(work_with_note(&ws, "10").notes, ["10", "20"]);
    assert_eq!(work_with_note(&ws, "11").notes, ["11", "27"]);
    assert_eq!(work_with_note(&ws, "11").markers, ["11", "27"]);
}

#[test]
fn seed000_mochizuki_is_most_cited() {
    let mut ws = works(&seed000());
    sort_by_count(&mut ws);
    let top = &ws[0];
    assert_eq!(top.citation.authors, ["Takashi Mochizuki"]);
    assert_eq!(
        top.citation.container.as_deref(),
        Some("The Wall Street Journal")
    );
    assert_eq!(top.notes, ["1", "2", "5"]);
    assert_eq!(top.markers, ["1", "2", "5"]);
    assert_eq!(top.first, 0);
    assert!(
        ws[1].notes.len() == 2 && ws[1].notes[0] == "7",
        "ties keep first-citation order"
    );
}

#[test]
fn identical_citations_merge_without_same_as() {
    let mut notes = seed000();
    for n in &mut notes {
        n.same_as = None;
    }
    let ws = works(&notes);
    assert_eq!(ws.len(), 30, "same title + same URL is the same work");
}

#[test]
fn seed003_chains_merge_into_their_works() {
    let ws = works(&seed003());
    // 41 notes - comment 2 - 11 back references - note 9 (two earlier works)
    // + note 24's second work; note 6's unresolved op. cit. is its own work.
    assert_eq!(ws.len(), 29);
    assert_eq!(work_with_note(&ws, "3").notes, ["3", "5"]);
    assert_eq!(work_with_note(&ws, "4").notes, ["4", "9"]);
    assert_eq!(work_with_note(&ws, "8").notes, ["8", "9", "10", "15", "16"]);
    assert_eq!(work_with_note(&ws, "11").notes, ["11", "13", "25"]);
    assert_eq!(work_with_note(&ws, "12").notes, ["12", "14"]);
    assert_eq!(work_with_note(&ws, "20").notes, ["20", "32"]);
    assert_eq!(work_with_note(&ws, "27").notes, ["27", "28"]);
    assert_eq!(work_with_note(&ws, "30").notes, ["30", "34"]);
    let kimura = work_with_note(&ws, "6");
    assert_eq!(kimura.notes, ["6", "7"]);
    assert_eq!(kimura.citation.authors, ["Kimura"]);
    assert_eq!(
        kimura.citation.title.as_deref(),
        Some("Basic Determinants of Soviet-Japanese Relations")
    );
    let n24: Vec<&Work> = ws
        .iter()
        .filter(|w| w.notes.contains(&"24".to_string()))
        .collect();
    assert_eq!(n24.len(), 2, "note 24 cites two works");
    assert!(
        !ws.iter().any(|w| w.notes.contains(&"2".to_string())),
        "note 2 is a comment"
    );
    // the full citation is kept, not the short form
    let smith = work_with_note(&ws, "8");
    assert_eq!(smith.citation.authors, ["Mark A Smith"]);
    assert_eq!(smith.markers, ["8", "9", "10", "15", "16"]);
}

#[test]
fn sort_orders() {
    let mut ws = works(&seed003());
    sort_by_author(&mut ws);
    let first_authors: Vec<&str> = ws
        .iter()
        .take(3)
        .map(|w| w.citation.authors[0].as_str())
        .collect();
    assert_eq!(
        first_authors,
        ["Andrew Bowen", "Kamal Davar", "Joseph P. Ferguson"]
    );
    assert!(ws.last().is_some_and(|w| w.citation.authors.is_empty()));
    sort_by_count(&mut ws);
    assert_eq!(ws[0].citation.authors, ["Mark A Smith"]);
    sort_by_first(&mut ws);
    assert_eq!(ws[0].first, 0);
    assert_eq!(ws[1].first, 2);
}
