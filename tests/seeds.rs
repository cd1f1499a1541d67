//! Acceptance facts about the five bundled articles, read off them by hand.

use ibid::document::{BlockKind, Document, Furniture, NoteRef};
use ibid::library::read_document;
use std::path::Path;

fn seed(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name);
    read_document(&path).expect("seed parses")
}

fn headings(doc: &Document) -> Vec<&str> {
    doc.headings().map(|(_, t, _)| t).collect()
}

fn marker_labels(doc: &Document) -> Vec<String> {
    doc.markers.iter().map(|m| m.label.clone()).collect()
}

fn numbers(n: usize) -> Vec<String> {
    (1..=n).map(|i| i.to_string()).collect()
}

/// Label of the note note `label` refers to (Ibid./op. cit.).
fn refers(doc: &Document, label: &str) -> Option<String> {
    let n = doc.notes.iter().find(|n| n.label == label)?;
    n.refers_to.map(|i| doc.notes[i].label.clone())
}

fn same_as(doc: &Document, label: &str) -> Option<String> {
    let n = doc.notes.iter().find(|n| n.label == label)?;
    n.same_as.map(|i| doc.notes[i].label.clone())
}

fn body_texts(doc: &Document) -> Vec<&str> {
    doc.body().map(|(i, _)| doc.block_text(i)).collect()
}

fn all_markers_link_to_own_label(doc: &Document) {
    for m in &doc.markers {
        let n = m.note.expect("every marker has a note");
        assert_eq!(doc.notes[n].label, m.label);
    }
}

const S000: &str = "000_90ed57cec86e1d59.txt";
const S001: &str = "001_882de9a0dbe1c534.txt";
const S002: &str = "002_665c716cc0b4a646.txt";
const S003: &str = "003_04c237401e8a2960.txt";
const S004: &str = "004_3d705436b12a0f6f.txt";

#[test]
fn s000_byline_and_derived_title() {
    let d = seed(S000);
    assert_eq!(d.meta.author.as_deref(), Some("Su Wang"));
    assert_eq!(d.meta.date.as_deref(), Some("2013-11-11"));
    assert!(d.meta.title_derived);
    assert!(
        d.meta
            .title
            .starts_with("In November 2, Russia and Japan held their first 2+2 meeting"),
        "{}",
        d.meta.title
    );
    assert!(!d.meta.title.contains("By Su Wang"));
    assert!(d.meta.title.chars().count() <= 80);
}

#[test]
fn s000_headings_and_list() {
    let d = seed(S000);
    assert_eq!(
        headings(&d),
        vec![
            "Russia’s Asia Pacific Strategy",
            "Russia-Japan Relations: Tough Love",
            "Clear Limits to the Expansion of Russian-Japanese Security Relations",
            "New Cooperative Efforts",
            "Conclusion"
        ]
    );
    let items: Vec<&str> = d
        .body()
        .filter(|(_, b)| matches!(b.kind, BlockKind::ListItem { .. }))
        .map(|(i, _)| d.block_text(i))
        .collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].starts_with("To restore Russia’s status"));
    assert!(items[1].starts_with("To modernize"));
    assert!(items[2].starts_with("and to serve"));
}

#[test]
fn s000_embedded_videos_are_placeholders() {
    let d = seed(S000);
    let embeds: Vec<&str> = d
        .body()
        .filter(|(_, b)| b.kind == BlockKind::Embed)
        .map(|(i, _)| d.block_text(i))
        .collect();
    assert_eq!(embeds.len(), 2);
    assert!(embeds[0].starts_with("(For a EuroNews overview"));
    assert!(embeds[1].starts_with("(For some footage provided by CCTV"));
}

#[test]
fn s000_markers_and_notes() {
    let d = seed(S000);
    assert_eq!(marker_labels(&d), numbers(36));
    assert_eq!(
        d.notes.iter().map(|n| n.label.clone()).collect::<Vec<_>>(),
        numbers(36)
    );
    all_markers_link_to_own_label(&d);
    let first = &d.markers[0];
    assert!(
        d.block_text(first.block)
            .contains("the U.S. and Australia.[1]")
    );
    assert!(
        d.note_text(0)
            .starts_with("Takashi Mochizuki, “Russia, Japan Agree to Expand Security Cooperation")
    );
    assert_eq!(d.note_text(1), "Ibid.");
    assert_eq!(d.notes[1].reference, NoteRef::Ibid);
    assert_eq!(refers(&d, "2").as_deref(), Some("1"));
    for (a, b) in [
        ("1", "5"),
        ("7", "16"),
        ("9", "24"),
        ("10", "20"),
        ("11", "27"),
    ] {
        assert_eq!(
            same_as(&d, b).as_deref(),
            Some(a),
            "note {b} is the same source as {a}"
        );
    }
    let identical = d.notes.iter().filter(|n| n.same_as.is_some()).count();
    assert_eq!(identical, 5);
    let vor = d
        .notes
        .iter()
        .enumerate()
        .filter(|(i, _)| d.note_text(*i).contains("voiceofrussia.com"))
        .count();
    assert_eq!(vor, 23);
    // The Editor's Note is body text, not a note.
    assert!(
        body_texts(&d)
            .iter()
            .any(|t| t.starts_with("Editor’s Note:"))
    );
}

#[test]
fn s001_masthead_and_no_notes() {
    let d = seed(S001);
    assert_eq!(d.meta.publication.as_deref(), Some("Asia Pacific Bulletin"));
    assert_eq!(d.meta.date.as_deref(), Some("2014-03-06"));
    assert_eq!(
        d.meta.title,
        "Russia and Japan: Can Two-Plus-Two Equal More Than Four?"
    );
    assert!(!d.meta.title_derived);
    assert_eq!(d.meta.author.as_deref(), Some("Stephen Blank"));
    assert!(d.markers.is_empty());
    assert!(d.notes.is_empty());
}

#[test]
fn s001_page_furniture() {
    let d = seed(S001);
    let furniture = |kind: Furniture| -> Vec<&str> {
        d.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.furniture == Some(kind))
            .map(|(i, _)| d.block_text(i))
            .collect()
    };
    assert_eq!(
        furniture(Furniture::RunningHeader),
        vec!["Asia Pacific Bulletin | March 6, 2014"]
    );
    let pull = furniture(Furniture::PullQuote);
    assert_eq!(pull.len(), 1);
    assert!(pull[0].starts_with("“American policymakers have, wrongly"));
    assert!(
        furniture(Furniture::Boilerplate)
            .iter()
            .any(|t| t.starts_with("The East-West Center promotes"))
    );
    let body = body_texts(&d);
    assert!(
        !body
            .iter()
            .any(|t| t.contains("Asia Pacific Bulletin | March"))
    );
    assert!(
        !body
            .iter()
            .any(|t| t.starts_with("The East-West Center promotes"))
    );
    // The body sentence the pull quote repeats is still in the body.
    assert!(
        body.iter()
            .any(|t| t.starts_with("American policymakers have, wrongly"))
    );
}

#[test]
fn s001_split_paragraph_is_joined() {
    let d = seed(S001);
    let body = body_texts(&d);
    let joined: Vec<&&str> = body
        .iter()
        .filter(|t| t.contains("completely off the table. It is fully expected that discussions"))
        .collect();
    assert_eq!(joined.len(), 1);
    assert!(!body.iter().any(|t| t.starts_with("is fully expected")));
}

#[test]
fn s001_emphasis_without_asterisks() {
    let d = seed(S001);
    assert!(!d.text.contains("*Kommersant*"));
    let italic: Vec<&str> = d
        .inlines
        .iter()
        .filter(|x| matches!(x.kind, ibid::document::InlineKind::Emphasis))
        .map(|x| d.slice(x.span))
        .collect();
    assert!(italic.contains(&"Kommersant"));
    assert!(italic.contains(&"Asia Pacific Bulletin"));
    assert!(!d.text.contains('*'));
}

#[test]
fn s002_title_author_headings() {
    let d = seed(S002);
    assert_eq!(
        d.meta.title,
        "Japan’s “Russian Embrace” Faces Awkward Trajectory"
    );
    assert_eq!(d.meta.author.as_deref(), Some("J. Berkshire Miller"));
    assert_eq!(d.meta.date, None);
    assert_eq!(
        headings(&d),
        vec![
            "Territorial Spat Continues to Prevent Strategic Partnership",
            "The Crimean Black Swan",
            "Looking Beyond the Ukraine Rift: Common Strategic Interests",
            "Salvaging Diplomatic Ties",
            "Implications For Canada"
        ]
    );
}

#[test]
fn s002_one_note_and_web_chrome() {
    let d = seed(S002);
    assert_eq!(marker_labels(&d), vec!["1"]);
    assert!(
        d.block_text(d.markers[0].block)
            .contains("Kamchatka Peninsula in Russia.[1]")
    );
    assert_eq!(d.notes.len(), 1);
    assert_eq!(d.markers[0].note, Some(0));
    assert!(
        d.note_text(0)
            .starts_with("While the islands have been under Russian control")
    );
    assert!(!d.note_text(0).contains("Use 'AND'"));
    assert!(!d.note_text(0).contains("exact matches"));
    let body = body_texts(&d);
    assert!(
        !body
            .iter()
            .any(|t| t.contains("refine your search") || t.contains("exact matches"))
    );
    let chrome: Vec<&str> = d
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.furniture == Some(Furniture::WebChrome))
        .map(|(i, _)| d.block_text(i))
        .collect();
    assert_eq!(chrome.len(), 2);
    assert!(chrome[0].starts_with("Use 'AND' or 'OR'"));
}

#[test]
fn s003_title_author_headings() {
    let d = seed(S003);
    assert_eq!(d.meta.title, "A 'Reset' in Russia and Japan Relationship?");
    assert_eq!(d.meta.author.as_deref(), Some("Indrani Talukdar"));
    assert_eq!(
        headings(&d),
        vec![
            "Background of the Bellicose Relationship",
            "Change in Attitude",
            "Dynamics of Engagement",
            "Economy and Energy",
            "Security and Defence",
            "Conclusion"
        ]
    );
}

#[test]
fn s003_superscript_markers_and_endnotes() {
    let d = seed(S003);
    assert_eq!(marker_labels(&d), numbers(41));
    assert_eq!(
        d.notes.iter().map(|n| n.label.clone()).collect::<Vec<_>>(),
        numbers(41)
    );
    all_markers_link_to_own_label(&d);
    assert!(d.note_text(0).starts_with("Joseph P. Ferguson"));
    assert!(
        d.note_text(35).starts_with("Mari Yamaguchi"),
        "note 36 loses its '- ' prefix"
    );
    assert!(
        !d.text.contains('¹'),
        "superscripts are rendered as markers"
    );
}

#[test]
fn s003_continued_notes_and_escapes() {
    let d = seed(S003);
    let n17 = d.note_text(16);
    assert!(n17.starts_with("Fiona Hill and Bobo Lo"));
    assert!(n17.contains(
        "http://www.brookings.edu/research/opinions/2013/07/31-russia-china-pacific-pivot-hill"
    ));
    assert!(d.note_text(17).starts_with("Concept of the Foreign Policy"));
    assert!(d.note_text(23).contains("$24.1 billion"));
    assert!(!d.text.contains("\\$"));
    let link = d.inlines.iter().find_map(|x| match &x.kind {
        ibid::document::InlineKind::Link { url } if url.contains("brookings.edu") => {
            Some((url.clone(), d.slice(x.span)))
        }
        _ => None,
    });
    let (url, shown) = link.expect("the Brookings URL is a link");
    assert!(url.starts_with("http://www.brookings.edu/"));
    assert!(!shown.contains('<'));
}

#[test]
fn s003_citation_chains() {
    let d = seed(S003);
    for (from, to) in [
        ("5", "3"),
        ("7", "6"),
        ("9", "4"),
        ("10", "8"),
        ("13", "11"),
        ("14", "12"),
        ("15", "8"),
        ("16", "15"),
        ("25", "11"),
        ("28", "27"),
        ("32", "20"),
        ("34", "30"),
    ] {
        assert_eq!(refers(&d, from).as_deref(), Some(to), "note {from} → {to}");
    }
    // 16 → 15 → 8
    let n16 = d
        .notes
        .iter()
        .position(|n| n.label == "16")
        .expect("note 16");
    assert_eq!(d.notes[d.resolve_note(n16)].label, "8");
    let n6 = &d.notes[5];
    assert_eq!(n6.reference, NoteRef::OpCit);
    assert_eq!(n6.refers_to, None);
    let why = n6.unresolved.as_deref().expect("note 6 is unresolved");
    assert!(why.contains("Kimura"), "{why}");
    assert_eq!(d.notes.iter().filter(|n| n.unresolved.is_some()).count(), 1);
}

#[test]
fn s004_title_and_headings() {
    let d = seed(S004);
    assert_eq!(
        d.meta.title,
        "The Strange Rapprochement: Russian Military Pressure Tactics on the Northern Territories Issue"
    );
    assert_eq!(d.meta.author, None);
    assert_eq!(d.meta.date, None);
    assert_eq!(
        headings(&d),
        vec![
            "Warnings in Japan and Russia that the Other Will Run Off without Paying the Bill",
            "The “Securitization” of the Northern Territories Question",
            "The China Card",
            "Conclusion"
        ]
    );
}

#[test]
fn s004_glued_markers_and_running_numbers() {
    let d = seed(S004);
    assert_eq!(marker_labels(&d), numbers(13));
    all_markers_link_to_own_label(&d);
    let text_of = |i: usize| d.block_text(d.markers[i].block);
    assert!(text_of(0).contains("including on security.[1]"));
    assert!(text_of(1).contains("during his term in office.[2]"));
    assert!(
        text_of(7).contains("$1,283,200,000,[8]"),
        "the amount then marker 8"
    );
    assert!(text_of(12).contains("North Korean ballistic missiles.[13]"));
    let body = body_texts(&d).join("\n");
    for literal in [
        "18 summits",
        "July 2017",
        "1956",
        "G7",
        "G20",
        "A2/AD",
        "(2016-25)",
        "120 km",
    ] {
        assert!(body.contains(literal), "{literal} stays text");
    }
    assert_eq!(d.notes.len(), 13);
    assert!(d.note_text(0).starts_with("Even after the Ukraine crisis"));
    assert!(
        d.note_text(12)
            .starts_with("Petr Goncharov, “Protivoraketnaia oborona")
    );
}

#[test]
fn inspect_json_shape() {
    let d = seed(S003);
    let v = ibid::inspect::to_json(&d);
    assert_eq!(v["markers"].as_array().map(Vec::len), Some(41));
    assert_eq!(v["notes"].as_array().map(Vec::len), Some(41));
    assert_eq!(v["markers"][0]["label"], "1");
    assert_eq!(v["markers"][0]["note"], "1");
    let n16 = &v["notes"][15];
    assert_eq!(n16["refers_to"], "15");
    assert_eq!(n16["same_as"], serde_json::Value::Null);
    assert_eq!(v["notes"][5]["unresolved"], true);
    assert_eq!(v["notes"][27]["text"], "Ibid.");
    assert_eq!(v["author"], "Indrani Talukdar");
    assert!(v["paragraphs"].as_u64().is_some_and(|n| n > 10));
    assert_eq!(v["headings"][0], "Background of the Bellicose Relationship");
}
