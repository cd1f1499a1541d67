//! Notes numbered afresh at the end of each section, with no heading of
//! their own: The Federalist ends each paper `… address.(1)` / `PUBLIUS` /
//! `1. The same idea …` before the next paper's heading. A run of `1. `,
//! `2. `… paragraphs just before a heading (or the end) is such a run of
//! notes when every one of its numbers is cited, glued in parentheses
//! (`whole.(1)`), in the text since the previous run.

use super::conventions::{Label, Style, enclosed};
use super::notes::{NoteDraft, NotesLayout};
use super::raw::{Para, ParaKind};

/// Finds such runs among the paragraphs not yet taken.
pub(super) fn find(
    paras: &[Para],
    labels: &[Option<Label>],
    is_heading: &dyn Fn(usize) -> bool,
    layout: &mut NotesLayout,
) {
    let number = |i: usize| -> Option<u32> {
        let l = labels[i].as_ref().filter(|l| l.style == Style::Numbered)?;
        let ok = !layout.taken[i]
            && matches!(
                paras[i].kind,
                ParaKind::Unknown | ParaKind::Paragraph | ParaKind::Text | ParaKind::ListItem(_)
            );
        ok.then(|| l.label.as_deref()?.parse().ok()).flatten()
    };
    let mut found = Vec::new();
    let mut since = 0;
    let mut i = 0;
    while i < paras.len() {
        if number(i) != Some(1) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < paras.len() && number(end) == u32::try_from(end - i + 1).ok() {
            end += 1;
        }
        let closes = end == paras.len() || is_heading(end);
        // Every number cited since the previous run, read in one pass.
        let cited = || {
            let numbers = glued_numbers(&paras[since..i]);
            (1..=end - i).all(|n| numbers.contains(&n))
        };
        if closes && cited() {
            for (k, l) in labels.iter().enumerate().take(end).skip(i) {
                let strip = l.as_ref().map_or(0, |l| l.len);
                found.push(NoteDraft {
                    label: (k - i + 1).to_string(),
                    para: k,
                    continued: Vec::new(),
                    strip,
                    strip_close: false,
                });
            }
            since = end;
        }
        i = end;
    }
    if !found.is_empty() {
        for n in &found {
            layout.taken[n.para] = true;
        }
        layout.notes.append(&mut found);
        layout.notes.sort_by_key(|n| n.para);
    }
}

/// The numbers `paras` cite as glued `(n)` markers.
fn glued_numbers(paras: &[Para]) -> rustc_hash::FxHashSet<usize> {
    let mut out = rustc_hash::FxHashSet::default();
    for p in paras {
        let t = p.text.as_ref();
        for (at, _) in t.match_indices('(') {
            let digits = &t[at + 1..];
            let len = digits.bytes().take_while(u8::is_ascii_digit).count();
            if len > 0
                && enclosed::is_glued_marker(t, at + 1)
                && let Ok(n) = digits[..len].parse()
            {
                out.insert(n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::raw::test_paras as paras;

    fn run(texts: &[&str], headings: &[usize]) -> Vec<(String, usize)> {
        let p = paras(texts);
        let labels: Vec<_> = p
            .iter()
            .map(|p| crate::document::conventions::label_of(&p.text))
            .collect();
        let mut layout = NotesLayout {
            taken: vec![false; p.len()],
            ..NotesLayout::default()
        };
        find(&p, &labels, &|i| headings.contains(&i), &mut layout);
        layout
            .notes
            .iter()
            .map(|n| (n.label.clone(), n.para))
            .collect()
    }

    #[test]
    fn each_papers_notes_after_its_signature() {
        let notes = run(
            &[
                "FEDERALIST No. 1",
                "The subject of the whole.(1) This doctrine.",
                "PUBLIUS",
                "1. The same idea is held out.",
                "FEDERALIST No. 6",
                "A prostitute,(1) the MEGARENSIANS,(2) and more.",
                "PUBLIUS",
                "1. Aspasia, vide Plutarch.",
                "2. Ibid.",
                "FEDERALIST No. 7",
            ],
            &[0, 4, 9],
        );
        assert_eq!(
            notes,
            vec![("1".into(), 3), ("1".into(), 7), ("2".into(), 8)]
        );
    }

    #[test]
    fn a_list_before_a_heading_is_no_notes() {
        // Not cited in parentheses.
        let t = ["Steps follow.", "1. Open it.", "2. Read it.", "Next"];
        assert!(run(&t, &[3]).is_empty());
        // Cited, but not at a section's end.
        let t = [
            "Cited.(1) Here.(2)",
            "1. Open it.",
            "2. Read it.",
            "More text.",
        ];
        assert!(run(&t, &[]).is_empty());
        // Only one of its numbers cited.
        let t = ["Cited.(1) Here.", "1. Open it.", "2. Read it.", "Next"];
        assert!(run(&t, &[3]).is_empty());
    }
}
