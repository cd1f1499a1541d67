//! Tests of the notes pass on paragraphs in their real shapes.

use super::*;

use crate::document::raw::test_paras as paras;

#[test]
fn a_notes_section_ends_at_the_next_section() {
    let p = paras(&[
        "Body cites [1] and [2].",
        "References",
        "[1] Alvestrand, H., Tags, RFC 1766.",
        "[2] Berners-Lee, T., URIs, RFC 2396.",
        "Authors' Addresses",
        "Roy T. Fielding lives in Irvine and this is prose.",
    ]);
    let heads = [1, 4];
    let l = find(&p, &|_, _| true, &|i| heads.contains(&i), &|_| false);
    assert_eq!(l.notes.len(), 2);
    assert_eq!(l.taken, vec![false, false, true, true, false, false]);
    assert_eq!(l.headings, vec![1]);
    assert!(l.chrome.is_empty());
}

#[test]
fn chapter_headings_inside_endnotes_keep_the_section() {
    let p = paras(&[
        "Text.[1]",
        "Notes",
        "Chapter 1",
        "1. First note.",
        "Chapter 2",
        "1. Second chapter's note.",
    ]);
    let heads = [1, 2, 4];
    let l = find(&p, &|_, _| true, &|i| heads.contains(&i), &|_| false);
    assert_eq!(l.notes.len(), 2);
}

#[test]
fn symbol_notes_under_verse_and_quotations() {
    let mut p = paras(&[
        "For Corny's openly* confess'd.\nHe's but a Blockhead at the best.",
        "* Corny, in Printing a Latin Book, censur'd by the University.",
        "Teach† London how to think.",
        "† Bishop.",
        "*       *       *       *       *",
        "* A starred line of code, not a note",
    ]);
    p[0].kind = ParaKind::Code;
    p[1].kind = ParaKind::Quote;
    p[2].kind = ParaKind::Code;
    p[3].kind = ParaKind::Code;
    p[4].kind = ParaKind::Code;
    p[5].kind = ParaKind::Code;
    let l = find(&p, &|_, _| true, &|_| false, &|_| false);
    let labels: Vec<(&str, usize)> = l.notes.iter().map(|n| (n.label.as_str(), n.para)).collect();
    assert_eq!(labels, [("*", 1), ("†", 3)]);
}

#[test]
fn an_indented_table_inside_a_note_and_the_paragraph_after_it_stay_in_the_note() {
    let mut p = paras(&[
        "Body.[3] More.[4]",
        "Footnotes",
        "[3] The sounds here given are those of the French vowels.",
        "A has two sounds, heard in mat and far.",
        "Consult some work on French pronunciation.",
        "[4] From the Greek, the chin.",
    ]);
    p[3].kind = ParaKind::Quote;
    let l = find(&p, &|_, _| true, &|i| i == 1, &|_| false);
    assert_eq!(l.notes.len(), 2);
    assert_eq!(l.notes[0].continued, vec![3, 4]);
    assert_eq!(l.taken, vec![false, false, true, true, true, true]);
}

#[test]
fn a_dash_line_inside_a_labelled_reference_continues_it() {
    // RFC 5114: "[ISO-14888-3] … Part 3" / "- Discrete Logarithm Based Mechanisms."
    let p = paras(&[
        "Body cites [ISO-14888-3] and [DSS].",
        "References",
        "[ISO-14888-3] ISO/IEC 14888-3:2006, Digital Signatures with Appendix: Part 3",
        "- Discrete Logarithm Based Mechanisms.",
        "[DSS] National Institute for Standards and Technology.",
    ]);
    let l = find(&p, &|_, _| true, &|i| i == 1, &|_| false);
    assert_eq!(l.notes.len(), 2);
    assert_eq!(l.notes[0].continued, vec![3]);
}

#[test]
fn starred_items_under_references_are_a_bibliography_unless_cited() {
    let p = paras(&[
        "Body text with a number [1] and no star.",
        "Notes",
        "1. ^ Schey 1992, pp. 139-142.",
        "References",
        "* Bachman, David (2007), Advanced Calculus Demystified.",
        "* Downing, Douglas (2010), Barron's E-Z Calculus.",
    ]);
    let heads = [1, 3];
    let cited = |l: &str, _: usize| l == "1";
    let l = find(&p, &cited, &|i| heads.contains(&i), &|_| false);
    let labels: Vec<&str> = l.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, vec!["1"]);
}

#[test]
fn a_page_break_between_references_continues_no_note() {
    // An RFC's reference list across a page: the footer, then the running
    // header (a line repeated on every page), then the next reference.
    let p = paras(&[
        "Body cites [CVE] and [RC4].",
        "References",
        "[CVE]      MITRE, \"Common Vulnerabilities and Exposures\",",
        "Sheffer, et al.               Informational                     [Page 9]",
        "RFC 7457                       TLS Attacks                 February 2015",
        "[RC4]      AlFardan, N., \"On the Security of RC4 in TLS\", 2013.",
    ]);
    let l = find(&p, &|_, _| true, &|i| i == 1, &|i| i == 4);
    assert_eq!(l.notes.len(), 2);
    assert!(
        l.notes[0].continued.is_empty(),
        "{:?}",
        l.notes[0].continued
    );
    assert_eq!(l.taken, vec![false, false, true, false, false, true]);
    // A line after the footer that recurs nowhere else is the note's text.
    let l = find(&p, &|_, _| true, &|i| i == 1, &|_| false);
    assert_eq!(l.notes[0].continued, vec![4]);
}

#[test]
fn a_label_alone_on_its_line_takes_the_entry_under_it_even_last() {
    // RFC 7525's last reference, its label over its indented entry, then
    // the next section; a note after it is body text again.
    let p = paras(&[
        "Body cites [SESSION-HASH] and [triple-handshake].",
        "References",
        "[SESSION-HASH]",
        "Bhargavan, K., Ed., \"Session Hash\", April 2015.",
        "[triple-handshake]",
        "Delignat-Lavaud, A., \"Triple Handshakes Considered Harmful\", 2014.",
        "Acknowledgments",
        "Thanks to all who reviewed this document.",
    ]);
    let heads = [1, 6];
    let l = find(&p, &|_, _| true, &|i| heads.contains(&i), &|_| false);
    assert_eq!(l.notes.len(), 2);
    assert_eq!(l.notes[1].label, "triple-handshake");
    assert_eq!(l.notes[1].continued, vec![5]);
    assert_eq!(
        l.taken,
        vec![false, false, true, true, true, true, false, false]
    );
}
