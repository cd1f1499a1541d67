//! Footnotes at the foot of a copied page: text copied out of a PDF keeps
//! each page's notes just before the page break (a page number, a running
//! header, `[Page N]`), often under a rule (`——————`), labelled by a bare
//! number (`1 The Board heard…`) or a symbol. A labelled paragraph is such a
//! note only when the page ends after it with nothing but notes between, and
//! the body before it cites its label.

use super::conventions::{Label, Style, numbered::bare_number_label};
use super::notes::{NoteDraft, NotesLayout};
use super::raw::{Para, ParaKind};

/// Prefix of a label asked of `has_marker` when only a bare marker counts:
/// digits glued to the text or superscripts, as a page-foot note printed
/// with a bare number (`1 Microsoft Way`) needs; a bracketed `[1]` cites a
/// reference list, not such a note.
pub const BARE: char = '^';

/// True for a rule line that opens a page's notes (`——————`, `______`).
#[must_use]
pub fn is_rule(t: &str) -> bool {
    // Every rule char is `-`, `_` or starts with 0xE2 (`—`, `–`, `─`): the
    // first byte decides for almost every paragraph, before its end is read.
    let t = t.trim_start();
    if !matches!(t.as_bytes().first(), Some(b'-' | b'_' | 0xE2)) {
        return false;
    }
    let t = t.trim_end();
    t.chars().all(|c| matches!(c, '—' | '–' | '-' | '_' | '─')) && t.chars().count() >= 5
}

/// True for a paragraph that ends a page: a page number, `[Page N]`, or a
/// header or footer line that ends in a page number after a wide gap.
fn ends_page(p: &Para, repeated: &dyn Fn(usize) -> bool, i: usize) -> bool {
    let t = p.text.trim();
    let digits = !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
    let tail_number = t.rsplit_once("   ").is_some_and(|(_, n)| {
        !n.trim().is_empty() && n.trim().len() <= 4 && n.trim().bytes().all(|b| b.is_ascii_digit())
    });
    digits || tail_number || t.ends_with(']') && t.contains("[Page ") || repeated(i)
}

/// The label a foot note starts with: a bare number or a symbol.
fn foot_label(p: &Para, known: Option<&Label>) -> Option<Label> {
    // Notes are often set indented (`  1 The standard …`): a quotation
    // to the plain reader.
    // (A note's first line alone, indented, may even look preformatted.)
    let first_line = p.kind == ParaKind::Code && !p.text.contains('\n');
    if !matches!(p.kind, ParaKind::Unknown | ParaKind::Quote) && !first_line {
        return None;
    }
    // `1. text` is a list as often as a note: only the bare number PDF
    // copies leave (`1 The Board…`) and symbols count here.
    // A number alone on its line is a superscript set apart from its word
    // (`today.` / `1`), not a note: a note's text follows its number.
    known
        .filter(|l| l.style == Style::Symbol && l.label.is_some())
        .cloned()
        .or_else(|| bare_number_label(&p.text))
        .filter(|l| !p.text.get(l.len..).unwrap_or("").trim().is_empty())
}

/// Finds page-foot notes among the paragraphs not yet taken. `repeated(i)`
/// says whether paragraph `i` is a line repeated across pages.
pub fn find(
    paras: &[Para],
    labels: &[Option<Label>],
    has_marker: &dyn Fn(&str, usize) -> bool,
    repeated: &dyn Fn(usize) -> bool,
    layout: &mut NotesLayout,
) {
    let mut found = Vec::new();
    // Each page's last note and where its page ends.
    let mut zone_ends = Vec::new();
    // A document that sets its notes under a rule does so on every page.
    let ruled = paras.iter().any(|p| is_rule(&p.text));
    let mut i = 0;
    while i < paras.len() {
        if layout.taken[i] {
            i += 1;
            continue;
        }
        let after_rule = i > 0 && is_rule(&paras[i - 1].text);
        let Some(first) = foot_label(&paras[i], labels[i].as_ref()) else {
            i += 1;
            continue;
        };
        let Some(label) = first.label.clone() else {
            i += 1;
            continue;
        };
        let bare = first.style != Style::Symbol;
        let asked = if bare {
            format!("{BARE}{label}")
        } else {
            label.clone()
        };
        if !has_marker(&asked, i) {
            i += 1;
            continue;
        }
        // The zone runs to the end of the page; give up at anything that is
        // clearly body text again (a heading).
        let mut end = i + 1;
        while end < paras.len()
            && !layout.taken[end]
            && !ends_page(&paras[end], repeated, end)
            && !matches!(paras[end].kind, ParaKind::Heading(_))
            && end - i < 40
        {
            end += 1;
        }
        let closes = end < paras.len() && ends_page(&paras[end], repeated, end);
        if !(after_rule || (closes && !ruled)) {
            i += 1;
            continue;
        }
        let mut current: Option<NoteDraft> = None;
        for k in i..end {
            let l = foot_label(&paras[k], labels[k].as_ref()).filter(|l| {
                l.label
                    .as_deref()
                    .is_some_and(|x| k == i || has_marker(x, k))
            });
            match (l, current.as_mut()) {
                (Some(l), _) => {
                    if let Some(c) = current.take() {
                        found.push(c);
                    }
                    current = Some(NoteDraft {
                        label: l.label.clone().unwrap_or_default(),
                        para: k,
                        continued: Vec::new(),
                        strip: l.len,
                        strip_close: false,
                    });
                }
                (None, Some(c)) => c.continued.push(k),
                (None, None) => {}
            }
            layout.taken[k] = true;
        }
        if let Some(c) = current {
            found.push(c);
            zone_ends.push((found.len() - 1, end));
        }
        if after_rule {
            layout.rules.push(i - 1);
        }
        i = end;
    }
    for (note, end) in zone_ends {
        if let Some(k) = carried_over(paras, &found[note], end, repeated, layout) {
            found[note].continued.push(k);
            layout.taken[k] = true;
        }
    }
    if !found.is_empty() {
        layout.notes.append(&mut found);
        layout.notes.sort_by_key(|n| n.para);
    }
}

/// The paragraph that carries `note` (its page's last, ending at `end`) on
/// at the foot of the next page, when the note stops mid-sentence: the next
/// page's last paragraph before its own notes or its end, if it reads as the
/// rest of the note (it opens in lower case, a digit or punctuation, or it
/// closes a bracket the note left open: `… 985 (9th` / `Cir. 2014) …`).
fn carried_over(
    paras: &[Para],
    note: &NoteDraft,
    end: usize,
    repeated: &dyn Fn(usize) -> bool,
    layout: &NotesLayout,
) -> Option<usize> {
    let last = note.continued.last().copied().unwrap_or(note.para);
    let tail = paras[last].text.trim_end();
    if tail.ends_with(|c: char| ".!?:;)]}\"”’'*".contains(c)) {
        return None;
    }
    // Past the page break and the next page's running header.
    let mut k = end;
    while k < paras.len() && (ends_page(&paras[k], repeated, k) || repeated(k)) {
        k += 1;
    }
    let start = k;
    while k < paras.len() && !layout.taken[k] && !ends_page(&paras[k], repeated, k) {
        k += 1;
    }
    // The next page has body text, then this paragraph at its foot.
    if k == paras.len() || k < start + 2 {
        return None;
    }
    let c = k - 1;
    let p = &paras[c];
    if !matches!(p.kind, ParaKind::Unknown | ParaKind::Quote) || p.text.contains('\n') {
        return None;
    }
    let t = p.text.trim_start();
    let opens_low = t
        .chars()
        .next()
        .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit() || ",;:)]".contains(ch));
    let open = |s: &str| s.matches('(').count() > s.matches(')').count();
    let closes = t.find(')').is_some_and(|at| !t[..at].contains('('));
    let note_text: String = std::iter::once(note.para)
        .chain(note.continued.iter().copied())
        .map(|i| paras[i].text.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    (opens_low || (open(&note_text) && closes)).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::document::raw::test_paras as paras;

    fn empty(n: usize) -> (Vec<Option<Label>>, NotesLayout) {
        let layout = NotesLayout {
            taken: vec![false; n],
            ..NotesLayout::default()
        };
        (vec![None; n], layout)
    }

    #[test]
    fn notes_before_a_page_number() {
        let p = paras(&[
            "The DHS has appealed from this decision.1 The appeal will be sustained.",
            "1 The Board heard oral argument in this case.",
            " 437",
            "Cite as 28 I&N Dec. 437 (BIA 2022)",
            "law relating to a controlled substance.",
        ]);
        let (labels, mut layout) = empty(p.len());
        find(
            &p,
            &labels,
            &|l, at| l == "^1" && at > 0,
            &|i| i == 3,
            &mut layout,
        );
        assert_eq!(layout.notes.len(), 1);
        assert_eq!(layout.taken, vec![false, true, false, false, false]);
        // Cited only as `[1]` (a reference list): a bare `1 …` is no note.
        let (labels, mut layout) = empty(p.len());
        find(&p, &labels, &|l, _| l == "1", &|i| i == 3, &mut layout);
        assert!(layout.notes.is_empty());
    }

    #[test]
    fn notes_under_a_rule_continue_in_lower_case() {
        let p = paras(&[
            "racial antagonism never can. Id., at 216.1 Aside from Grutter, the Court",
            "——————",
            "1 The standard of pressing public necessity is more frequently called",
            "a compelling governmental interest. I use the terms interchangeably.",
            "Cite as: 570 U. S. ____ (2013)            3",
        ]);
        let (labels, mut layout) = empty(p.len());
        find(
            &p,
            &labels,
            &|l, at| l == "^1" && at > 0,
            &|_| false,
            &mut layout,
        );
        assert_eq!(layout.notes.len(), 1);
        assert_eq!(layout.notes[0].continued, vec![3]);
        assert_eq!(layout.rules, vec![1]);
    }

    #[test]
    fn a_note_stopped_mid_sentence_goes_on_at_the_next_pages_foot() {
        let p = paras(&[
            "The statute is divisible.1 We agree.",
            "1 Other circuits agree. 759 F.3d 977, 985 (9th",
            " 445",
            "Cite as 28 I&N Dec. 437 (BIA 2022)",
            "Body text of the next page goes on.",
            "Cir. 2014) (citations omitted). But see Johnson v. Barr.",
            " 446",
            "Cite as 28 I&N Dec. 437 (BIA 2022)",
            "More body text.",
        ]);
        let (labels, mut layout) = empty(p.len());
        let marker = |l: &str, at: usize| l == "^1" && at == 1;
        let header = |i: usize| i == 3 || i == 7;
        find(&p, &labels, &marker, &header, &mut layout);
        assert_eq!(layout.notes.len(), 1);
        assert_eq!(layout.notes[0].continued, vec![5]);
        assert!(!layout.taken[4], "the next page's body stays body");
        // A note that ends its sentence is not carried over; nor is a body
        // paragraph in capitals that opens no bracket.
        for (i, t) in [
            (
                1,
                "1 Other circuits agree. 759 F.3d 977, 985 (9th Cir. 2014).",
            ),
            (5, "But see Johnson v. Barr, a body paragraph."),
        ] {
            let mut q = p.clone();
            q[i].text = t.into();
            let (labels, mut layout) = empty(q.len());
            find(&q, &labels, &marker, &header, &mut layout);
            assert!(layout.notes[0].continued.is_empty(), "{t}");
            assert!(!layout.taken[5]);
        }
    }

    #[test]
    fn a_numbered_paragraph_in_the_body_is_not_a_note() {
        let p = paras(&[
            "Text cites 3 things.",
            "3 Men walked in.",
            "More body text follows here.",
        ]);
        let (labels, mut layout) = empty(p.len());
        find(&p, &labels, &|_, _| true, &|_| false, &mut layout);
        assert!(layout.notes.is_empty());
    }
}
