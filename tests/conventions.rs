//! Footnote conventions the seeds do not use: Markdown `[^n]`, Project
//! Gutenberg books (`[1]` notes after paragraphs, `[Footnote 1: …]` blocks),
//! and text copied from a Wikipedia article (`References` with `^` back-links).

use ibid::document::{BlockKind, Document, Format, NoteRef, parse, parse_str};
use std::path::Path;

fn labels(doc: &Document) -> Vec<(String, Option<String>)> {
    doc.markers
        .iter()
        .map(|m| (m.label.clone(), m.note.map(|n| doc.notes[n].label.clone())))
        .collect()
}

const MARKDOWN: &str = r#"---
title: "On Footnotes"
author: Ada Writer
date: 2021-05-04
---

Footnotes let an author qualify a claim without breaking the line of
argument.[^1] Some writers use *named* labels instead.[^long-note]

## History

The practice is old: medieval glossators wrote around the text.[^1]
See [the manual](https://example.org/manual) for more, and `code` stays code.

- a list item with a note[^3]
- another item

[^1]: Anthony Grafton, *The Footnote: A Curious History* (Harvard University Press, 1997), p. 4.
[^long-note]: A note with a name.

    It has a second paragraph.
[^3]: Ibid., p. 9.
"#;

#[test]
fn markdown_footnotes() {
    let d = parse(MARKDOWN.as_bytes(), Some(Path::new("essay.md")));
    assert_eq!(d.meta.title, "On Footnotes");
    assert_eq!(d.meta.author.as_deref(), Some("Ada Writer"));
    assert_eq!(d.meta.date.as_deref(), Some("2021-05-04"));
    assert_eq!(
        d.headings().map(|(_, t, _)| t).collect::<Vec<_>>(),
        vec!["History"]
    );
    assert_eq!(
        labels(&d),
        vec![
            ("1".into(), Some("1".into())),
            ("long-note".into(), Some("long-note".into())),
            ("1".into(), Some("1".into())),
            ("3".into(), Some("3".into())),
        ]
    );
    assert_eq!(d.notes.len(), 3);
    assert!(d.note_text(0).starts_with("Anthony Grafton, The Footnote"));
    assert!(d.note_text(1).contains("second paragraph"));
    assert_eq!(d.notes[2].reference, NoteRef::Ibid);
    assert_eq!(d.notes[2].refers_to, Some(1));
    assert!(
        d.body()
            .any(|(_, b)| matches!(b.kind, BlockKind::ListItem { .. }))
    );
    assert!(!d.text.contains("[^"));
    let link = d.inlines.iter().any(|x| matches!(&x.kind, ibid::document::InlineKind::Link { url } if url == "https://example.org/manual"));
    assert!(link);
}

const GUTENBERG_AFTER_PARAGRAPHS: &str = "The Project Gutenberg eBook of Essays

CHAPTER I.

OF STUDIES

Studies serve for delight, for ornament, and for ability. Their chief use
for delight is in privateness and retiring; for ornament, is in
discourse;[1] and for ability, is in the judgment and disposition of
business.

[1] That is, in conversation. The word had a wider sense in the
seventeenth century.

To spend too much time in studies is sloth; to use them too much for
ornament is affectation; to make judgment wholly by their rules is the
humour of a scholar.[2] They perfect nature, and are perfected by
experience.

[2] Compare the Advancement of Learning, Book I.

CHAPTER II.

OF TRUTH

What is truth? said jesting Pilate, and would not stay for an answer.
Certainly there be that delight in giddiness, and count it a bondage to
fix a belief.[1]

[1] The sects of philosophers of that kind be gone.
";

#[test]
fn gutenberg_notes_after_their_paragraphs() {
    let d = parse_str(GUTENBERG_AFTER_PARAGRAPHS, Format::Plain);
    assert_eq!(d.notes.len(), 3);
    assert_eq!(labels(&d).len(), 3);
    // Each marker opens the note that follows its own paragraph, even though
    // the label 1 is used twice.
    assert_eq!(d.markers[0].note, Some(0));
    assert_eq!(d.markers[1].note, Some(1));
    assert_eq!(d.markers[2].note, Some(2));
    assert!(d.note_text(0).starts_with(
        "That is, in conversation. The word had a wider sense in the seventeenth century."
    ));
    assert!(d.note_text(2).starts_with("The sects of philosophers"));
    // Hard-wrapped paragraphs are joined; the notes are not body text.
    let body: Vec<&str> = d.body().map(|(i, _)| d.block_text(i)).collect();
    assert!(
        body.iter()
            .any(|t| t.starts_with("Studies serve for delight")
                && t.ends_with("disposition of business."))
    );
    assert!(
        !body
            .iter()
            .any(|t| t.starts_with("That is, in conversation"))
    );
    let duplicate = d
        .diagnostics
        .iter()
        .any(|x| x.kind == ibid::document::DiagnosticKind::DuplicateLabel);
    assert!(duplicate, "a reused label is reported, not fatal");
}

const GUTENBERG_BLOCKS: &str = "A DISSERTATION ON ROAST PIG

Mankind, says a Chinese manuscript, which my friend M. was obliging enough
to read and explain to me, for the first seventy thousand ages ate their
meat raw, clawing or biting it from the living animal.[A] The manuscript
goes on to say that the art of roasting was discovered in the following
manner.[B]

[Footnote A: Confucius is said to allude to this golden age in the second
chapter of his Mundane Mutations.]

[Footnote B: The swineherd, Ho-ti, having gone out into the woods one
morning, left his cottage in the care of his eldest son Bo-bo.]

The swineherd's son was a great lubberly boy, who being fond of playing with
fire, as younkers of his age commonly are, let some sparks escape.
";

#[test]
fn gutenberg_footnote_blocks() {
    let d = parse_str(GUTENBERG_BLOCKS, Format::Plain);
    assert_eq!(
        labels(&d),
        vec![
            ("A".into(), Some("A".into())),
            ("B".into(), Some("B".into()))
        ]
    );
    assert_eq!(d.notes.len(), 2);
    assert_eq!(
        d.note_text(0),
        "Confucius is said to allude to this golden age in the second chapter of his Mundane Mutations."
    );
    assert!(d.note_text(1).ends_with("his eldest son Bo-bo."));
    let body: Vec<&str> = d.body().map(|(i, _)| d.block_text(i)).collect();
    assert!(body.iter().any(|t| t.starts_with("The swineherd's son")));
    assert!(!body.iter().any(|t| t.contains("[Footnote")));
    assert_eq!(d.meta.title, "A DISSERTATION ON ROAST PIG");
}

const WIKIPEDIA: &str = "Footnote
From Wikipedia, the free encyclopedia

A footnote is a note placed at the bottom of a page.[1] Footnotes are most often used as an alternative to long explanatory notes that can be distracting to readers.[2][3] In the 1600s, the use of notes in the margin gave way to the footnote.[1] The Chicago Manual of Style covers them in detail.[citation needed]

History
The first footnotes appeared in the Bishops' Bible of 1568, printed by Richard Jugge.[4]

References
^ a b Grafton, Anthony (1997). The Footnote: A Curious History. Harvard University Press. ISBN 978-0-674-90215-5.
^ \"Footnotes and endnotes\". Purdue Online Writing Lab. Retrieved 2 March 2020.
^ Ibid.
^ Tribble, Evelyn B. (1993). Margins and Marginality. University Press of Virginia. p. 231.
";

#[test]
fn wikipedia_copy() {
    let d = parse_str(WIKIPEDIA, Format::Plain);
    assert_eq!(d.notes.len(), 4);
    assert_eq!(
        labels(&d),
        vec![
            ("1".into(), Some("1".into())),
            ("2".into(), Some("2".into())),
            ("3".into(), Some("3".into())),
            ("1".into(), Some("1".into())),
            ("4".into(), Some("4".into())),
        ]
    );
    assert!(
        d.note_text(0).starts_with("Grafton, Anthony (1997)."),
        "back-link letters stripped: {}",
        d.note_text(0)
    );
    assert!(d.note_text(1).starts_with("\"Footnotes and endnotes\""));
    assert_eq!(d.notes[2].refers_to, Some(1));
    assert!(
        d.text.contains("[citation needed]"),
        "not a marker, stays text"
    );
    assert_eq!(
        d.headings().map(|(_, t, _)| t).collect::<Vec<_>>(),
        vec!["History"],
        "an unnumbered notes heading is furniture; its notes are in the panel"
    );
    assert_eq!(d.notes[0].markers.len(), 2, "note 1 is cited twice");
}

const JOURNAL_ENDNOTES: &str = "Deterrence After the Cold War

Alliances rest on credible commitments.1 Credibility, in turn, depends on capabilities that can be seen, counted and tested,2 and on a record of keeping promises. The literature since 1991 has moved between these poles.3

A second paragraph mentions 2+2 talks, the G20 and 120 km ranges, none of them notes.

Notes

1. Thomas Schelling, Arms and Influence (New Haven: Yale University Press, 1966), 35.
2. Ibid., 55.
3. Schelling, Arms and Influence, op. cit., 92.
";

#[test]
fn journal_endnotes_with_glued_markers() {
    let d = parse_str(JOURNAL_ENDNOTES, Format::Plain);
    assert_eq!(labels(&d).len(), 3);
    assert_eq!(d.notes.len(), 3);
    assert_eq!(d.notes[1].refers_to, Some(0));
    assert_eq!(d.notes[2].reference, NoteRef::OpCit);
    assert_eq!(d.notes[2].refers_to, Some(0));
    assert!(d.headings().next().is_none(), "`Notes` is furniture");
    assert!(
        d.body()
            .all(|(i, _)| !d.block_text(i).contains("Schelling"))
    );
}

#[test]
fn trailing_numbered_list_without_markers_is_a_list() {
    let text = "Ten Rules for Reading\n\nSome advice follows for anyone who reads a great deal, as scholars do.\n\n1. Read slowly.\n2. Take notes.\n";
    let d = parse_str(text, Format::Plain);
    assert!(d.notes.is_empty());
    assert!(d.markers.is_empty());
}

const WEB_COPY_MARKDOWN: &str = "# Ports and Power

Sea lanes decide more than battles do.<sup>1</sup> Harbours, not fleets, are the
prize,<sup>2</sup> and an <em>old</em> argument says so.

## Notes

1. Alfred T. Mahan, *The Influence of Sea Power upon History* (Boston: Little, Brown, 1890), 25.
2. Ibid., 71.
";

#[test]
fn markdown_copied_from_the_web_with_sup_markers() {
    let d = parse(WEB_COPY_MARKDOWN.as_bytes(), Some(Path::new("ports.md")));
    assert_eq!(d.meta.title, "Ports and Power");
    assert_eq!(
        labels(&d),
        vec![
            ("1".into(), Some("1".into())),
            ("2".into(), Some("2".into()))
        ]
    );
    assert!(
        d.note_text(0)
            .starts_with("Alfred T. Mahan, The Influence of Sea Power")
    );
    assert_eq!(d.notes[1].refers_to, Some(0));
    assert!(
        !d.text.contains("<sup>") && !d.text.contains("<em>"),
        "tags are markup, not text"
    );
}

const PDF_ENDNOTES: &str = "The Long Peace Revisited

Nuclear weapons froze the map of Europe for forty years.1 Whether they also kept the peace is disputed,2 and the archives opened after 1991 did not settle it.

Notes

1 John Lewis Gaddis, The Long Peace (New York: Oxford University Press, 1987), 230.
2 Ibid., 232.
";

#[test]
fn pdf_endnotes_without_periods_after_their_numbers() {
    let d = parse_str(PDF_ENDNOTES, Format::Plain);
    assert_eq!(d.notes.len(), 2);
    assert_eq!(
        labels(&d),
        vec![
            ("1".into(), Some("1".into())),
            ("2".into(), Some("2".into()))
        ]
    );
    assert!(d.note_text(0).starts_with("John Lewis Gaddis"));
    assert_eq!(d.notes[1].refers_to, Some(0));
    assert!(
        d.body()
            .all(|(i, _)| !d.block_text(i).starts_with("1 John"))
    );
}

#[test]
fn a_paragraph_opening_with_a_listed_citation_cites_it() {
    // RFC 5246 F.3: "[CBCATT] describes a chosen plaintext attack …" in the
    // body, with [CBCATT] in the reference list at the end.
    let src = "   The attacks described in [CBCATT] are prevented here, as the\n   \
               text of this long indented body line goes on to explain.\n\n   \
               [CBCATT] describes a chosen plaintext attack on TLS that depends on\n   \
               knowing the IV for a record.  Previous versions [TLS1.0] did not.\n\n\
               References\n\n   \
               [CBCATT]   Moeller, B., \"Security of CBC Ciphersuites in SSL/TLS\".\n\n   \
               [TLS1.0]   Dierks, T. and C. Allen, \"The TLS Protocol Version 1.0\".\n";
    let d = parse_str(src, Format::Plain);
    let labels: Vec<&str> = d.markers.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, vec!["CBCATT", "CBCATT", "TLS1.0"]);
    assert_eq!(d.notes.len(), 2);
}

#[test]
fn a_gutenberg_footnote_block_runs_to_its_bracket_over_numbered_lines() {
    // Darwin's Expression: a wrapped line inside the block opens with the
    // page of a citation.
    let text = "Text.[8] More.\n\nFOOTNOTES:\n\n[Footnote 8: 'The Senses and the Intellect,' 2nd edit. 1864, pp. 96 and\n288. The preface to the first edition of this work is dated June, 1855.\nSee also the 2nd edition of Mr. Bain's work on the 'Emotions and Will.']\n";
    let d = ibid::document::parse_str(text, ibid::document::Format::Plain);
    assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
    let note = d.slice(d.notes[0].span);
    assert!(note.contains("pp. 96 and 288. The preface"), "{note}");
    assert!(note.ends_with("'Emotions and Will.'"), "{note}");
}
