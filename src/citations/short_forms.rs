//! Short forms a note sets up for the notes after it: `… Deschler's
//! Precedents … (hereinafter Precedents (Wickham))`, `[hereinafter
//! Restatement]`, `(hereinafter “the Report”)`. A later plain note that cites
//! the work by that form (at its start, after `See`/`Cf.`, or opening one of
//! its sentences: `… by ballot. House Manual, §27.`) cites the same work.

use super::{NoteText, Resolution};
use crate::document::NoteRef;

/// Most short forms remembered (a note setting up one each would otherwise
/// make every later note compare against all of them).
const MAX_FORMS: usize = 64;

/// Sets `same_as` of plain notes citing a work by a short form an earlier
/// note set up.
pub(super) fn link(notes: &[NoteText<'_>], mut out: Vec<Resolution>) -> Vec<Resolution> {
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (i, n) in notes.iter().enumerate() {
        let r = &mut out[i];
        if r.reference == NoteRef::Plain
            && r.same_as.is_none()
            && r.refers_to.is_none()
            && let Some((_, j)) = forms.iter().find(|(f, _)| cites(n.text, f))
        {
            r.same_as = Some(*j);
        }
        if forms.len() < MAX_FORMS
            && let Some(f) = defined(n.text)
            && !forms.iter().any(|(x, _)| *x == f)
        {
            forms.push((f, i));
        }
    }
    out
}

/// The short form `text` sets up with `hereinafter`, inside the bracket
/// around it (nested brackets kept: `Precedents (Wickham)`), quotes removed.
#[must_use]
pub fn defined(text: &str) -> Option<String> {
    let at = text.to_ascii_lowercase().find("hereinafter")?;
    let before = text[..at].trim_end();
    let open = before.chars().next_back()?;
    let close = match open {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let rest = text[at + "hereinafter".len()..]
        .trim_start_matches([',', ':', ' '])
        .trim_start_matches("cited as ");
    let mut depth = 0usize;
    let end = rest.char_indices().find_map(|(k, c)| {
        if c == open {
            depth += 1;
        } else if c == close {
            if depth == 0 {
                return Some(k);
            }
            depth -= 1;
        }
        None
    })?;
    let form = rest[..end]
        .trim()
        .trim_matches(['“', '”', '"', '‘', '’', '\'', '_', '*'])
        .trim();
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && form.chars().count() <= 80).then(|| form.to_string())
}

/// True when `text` cites by `form`: at its start (after `See`, `See also`,
/// `Cf.`) or opening one of its sentences, followed by no more letters.
fn cites(text: &str, form: &str) -> bool {
    let mut from = 0;
    while let Some(k) = text[from..].find(form) {
        let at = from + k;
        let head = text[..at].trim_end();
        let opens = head.is_empty()
            || head.ends_with(['.', ';'])
            || [
                "See", "See also", "see", "see also", "Cf.", "cf.", "Compare",
            ]
            .iter()
            .any(|w| {
                head.ends_with(w) && head[..head.len() - w.len()].trim_end().is_empty()
                    || head.ends_with(&format!(". {w}"))
                    || head.ends_with(&format!("; {w}"))
            });
        let ends = text[at + form.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if opens && ends {
            return true;
        }
        from = at + form.len();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_set_up_and_cited() {
        let first = "Lewis Deschler, Deschler's Precedents of the United States House of Representatives, vol. 1 (hereinafter Precedents (Wickham)), ch. 1.";
        assert_eq!(defined(first).as_deref(), Some("Precedents (Wickham)"));
        assert_eq!(
            defined("Report of the Commission [hereinafter “the Report”].").as_deref(),
            Some("the Report")
        );
        assert_eq!(defined("As shown hereinafter, it holds."), None);
        let notes: Vec<NoteText<'_>> = [
            first,
            "Precedents (Wickham), ch. 1, §4, p. 38.",
            "See Precedents (Wickham), ch 1. § 4.6.",
            "Constitution, Jefferson's Manual, and Rules of the House (hereinafter House Manual), §27.",
            "Prior to 1839, Speakers were elected by ballot. House Manual, §27.",
            "The House Manualette says otherwise.",
        ]
        .iter()
        .map(|t| NoteText {
            text: t,
            ..NoteText::default()
        })
        .collect();
        let r = link(&notes, vec![Resolution::default(); notes.len()]);
        let same: Vec<Option<usize>> = r.iter().map(|r| r.same_as).collect();
        assert_eq!(same, [None, Some(0), Some(0), None, Some(3), None]);
    }
}
