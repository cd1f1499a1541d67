//! Citation chains between notes: `Ibid.` and `Id.` point at the note before;
//! `op. cit.`, `loc. cit.` and `supra` at the earlier note citing the same work,
//! found by an explicit pointer (`supra note 3`), else by the author or short
//! title the note gives, else by the author named where the marker stands;
//! identical references and `hereinafter` short forms point at the first note
//! citing the work. Never guesses: what cannot be found is unresolved, why said.
pub mod forms;
mod short_forms;
mod works;

pub use forms::{is_ibid, reference_of};

use crate::document::NoteRef;
use std::ops::Range;
use works::{
    WorkKey, author_in, author_matches, norm, source_key, title_in, title_matches, work_key,
};

/// What one note resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolution {
    /// Plain or the back-reference form.
    pub reference: NoteRef,
    /// Index of the note a back reference points to.
    pub refers_to: Option<usize>,
    /// Index of the first earlier note with the identical source.
    pub same_as: Option<usize>,
    /// Why a back reference points nowhere.
    pub unresolved: Option<String>,
}

/// A note's text, the byte ranges of its italic parts, its label, and the
/// body text just before its first marker.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoteText<'a> {
    /// The note text without its label.
    pub text: &'a str,
    /// Emphasised ranges (italic titles).
    pub italics: &'a [Range<usize>],
    /// The note's label (`"12"`).
    pub label: &'a str,
    /// The body text around the note's first marker: up to a few hundred
    /// bytes before it, `|`, and the rest of its sentence after it.
    pub context: &'a str,
}

/// Resolves every note's back reference and identical-source link.
#[must_use]
pub fn resolve(notes: &[NoteText<'_>]) -> Vec<Resolution> {
    let mut out: Vec<Resolution> = Vec::with_capacity(notes.len());
    // Original notes, and their normalised author and title, computed only
    // when a back reference needs them.
    let mut originals: Vec<usize> = Vec::new();
    let mut keys: Vec<Option<WorkKey>> = vec![None; notes.len()];
    let mut seen: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    let mut stems: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    // What each note says on its own, read on two cores for many notes: its
    // form, and for a plain citation its source key and work stem.
    let bytes = notes.iter().map(|n| n.text.len()).sum();
    let own = crate::document::par::map(notes.len(), bytes, |i| {
        let text = notes[i].text;
        let (kind, at) = reference_of(text);
        let plain = matches!((kind, at), (NoteRef::Plain, _) | (_, None));
        let plain = plain && !matches!(kind, NoteRef::Ibid | NoteRef::Id);
        let (key, stem) = if plain {
            (source_key(text), works::work_stem(text))
        } else {
            ((0, 0), None)
        };
        (kind, at, key, stem)
    });
    for ((i, n), (kind, at, (key, letters), stem)) in notes.iter().enumerate().zip(own) {
        let mut r = Resolution {
            reference: kind,
            ..Resolution::default()
        };
        match (kind, at) {
            (NoteRef::Ibid | NoteRef::Id, _) => {
                if i == 0 {
                    r.unresolved = Some(format!("{} with no note before it", name(kind)));
                } else {
                    r.refers_to = Some(i - 1);
                }
            }
            (NoteRef::Plain, _) | (_, None) => {
                if letters >= 10 {
                    match seen.get(&key) {
                        // Equal keys are confirmed on the normalised texts.
                        Some(&j) if norm(notes[j].text) == norm(n.text) => r.same_as = Some(j),
                        Some(_) => {}
                        None => {
                            seen.insert(key, i);
                        }
                    }
                }
                // The same work cited again at another place (`Seemann: Voy.
                // Herald, Vol. I, p. 313.` after `…, p. 312.`).
                if r.same_as.is_none()
                    && let Some(stem) = stem
                {
                    match stems.get(&stem) {
                        Some(&j) => r.same_as = Some(j),
                        None => {
                            stems.insert(stem, i);
                        }
                    }
                }
                originals.push(i);
            }
            (_, Some(at)) => match back_reference(notes, i, at, &originals, &mut keys) {
                Ok(j) => r.refers_to = Some(j),
                Err(why) => r.unresolved = Some(why),
            },
        }
        out.push(r);
    }
    short_forms::link(notes, out)
}

/// The reader-facing name of a form.
fn name(kind: NoteRef) -> &'static str {
    match kind {
        NoteRef::Ibid => "Ibid.",
        NoteRef::Id => "Id.",
        NoteRef::OpCit => "op. cit.",
        NoteRef::LocCit => "loc. cit.",
        NoteRef::Supra => "supra",
        NoteRef::Plain => "a note",
    }
}

/// The earlier note an `op. cit.`/`loc. cit.`/`supra` at byte `at` of note
/// `i` points to, or why none can be named.
fn back_reference(
    notes: &[NoteText<'_>],
    i: usize,
    at: usize,
    originals: &[usize],
    keys: &mut [Option<WorkKey>],
) -> Result<usize, String> {
    let n = &notes[i];
    // 1. An explicit pointer wins.
    if let Some(label) = forms::pointer(n.text) {
        return (0..i)
            .rev()
            .find(|&j| notes[j].label == label)
            .ok_or_else(|| format!("it points to note {label}, which comes nowhere before it"));
    }
    // 2. The author or short title the note gives.
    let author = author_in(n.text, at).map(|a| norm(&a));
    let title = title_in(n.text, n.italics, at).map(|t| norm(&t));
    let given = author.as_deref().is_some_and(|a| !a.is_empty()) || title.is_some();
    if given {
        let found = originals.iter().rev().copied().find(|&j| {
            let (wa, wt) = keys[j].get_or_insert_with(|| work_key(&notes[j]));
            match (&title, wt) {
                (Some(t), Some(wt)) if !t.is_empty() => {
                    title_matches(t, wt) && author_matches(author.as_deref(), wa.as_deref(), true)
                }
                (Some(_), None) => false,
                _ => author
                    .as_deref()
                    .is_some_and(|a| author_matches(Some(a), wa.as_deref(), false)),
            }
        });
        return found.ok_or_else(|| {
            let key = author_in(n.text, at)
                .or_else(|| title_in(n.text, n.italics, at))
                .unwrap_or_else(|| "this work".into());
            format!("no earlier citation of “{key}” in this article")
        });
    }
    // 3. Nothing in the note: the author the text names at the marker
    // (`Schoolcraft affirms[7]`), cited at an earlier marker or note.
    let names = context_names(n.context);
    for name in &names {
        let hit = originals.iter().rev().copied().find(|&j| {
            let (before, after) = notes[j]
                .context
                .split_once('|')
                .unwrap_or((notes[j].context, ""));
            tail(before, 120).contains(name.as_str())
                || after.contains(name.as_str())
                || notes[j].text.contains(name.as_str())
        });
        if let Some(j) = hit {
            return Ok(j);
        }
    }
    Err("no earlier citation of “this work” in this article".into())
}

/// The last `n` bytes of `s` (on a char boundary).
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Words in `s` that may name an author, most likely first: names after a
/// title (`Mr. Warren`, `Dr. Neill`) or with a possessive (`Warren’s`), then
/// other capitalised words inside a sentence (`…, Schoolcraft affirms`);
/// within each group the one nearest the marker first. `s` is the text
/// before the marker, a `|` separator, then the text after it.
fn context_names(s: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "This",
        "That",
        "These",
        "There",
        "They",
        "Their",
        "When",
        "Where",
        "What",
        "Which",
        "While",
        "With",
        "From",
        "After",
        "Before",
        "Some",
        "Such",
        "Society",
        "Report",
        "History",
        "Indian",
        "Indians",
        "English",
        "French",
        "American",
        "Government",
    ];
    const TITLES: &[&str] = &[
        "Mr.", "Mrs.", "Dr.", "Prof.", "Rev.", "Sir", "Judge", "Justice",
    ];
    let (before, after) = s.split_once('|').unwrap_or((s, ""));
    let mut titled: Vec<(usize, String)> = Vec::new();
    let mut plain: Vec<(usize, String)> = Vec::new();
    let words: Vec<&str> = before
        .split_whitespace()
        .chain(std::iter::once("|"))
        .chain(after.split_whitespace())
        .collect();
    let marker_at = words.iter().position(|w| *w == "|").unwrap_or(words.len());
    let mut sentence_start = true;
    let mut prev_title = false;
    for (k, w) in words.iter().enumerate() {
        if *w == "|" {
            continue;
        }
        let possessive = w.contains("’s") || w.contains("'s");
        let word = w
            .split(['’', '\''])
            .next()
            .unwrap_or(w)
            .trim_matches(|c: char| !c.is_alphabetic());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let distance = k.abs_diff(marker_at);
        if capital && word.chars().count() >= 4 && !COMMON.contains(&word) {
            if prev_title || possessive {
                titled.push((distance, word.to_string()));
            } else if !sentence_start {
                plain.push((distance, word.to_string()));
            }
        }
        let is_title = TITLES.contains(w);
        // `Dr. E. D. Neill`: initials after a title keep it open.
        prev_title = is_title || (prev_title && w.len() <= 2 && w.ends_with('.'));
        sentence_start =
            !is_title && !prev_title && (w.ends_with(['.', '!', '?']) || w.ends_with(".”"));
    }
    titled.sort_by_key(|(d, _)| *d);
    plain.sort_by_key(|(d, _)| *d);
    titled.into_iter().chain(plain).map(|(_, w)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Vec<Resolution> {
        let labels: Vec<String> = (1..=texts.len()).map(|n| n.to_string()).collect();
        let notes: Vec<NoteText<'_>> = texts
            .iter()
            .zip(&labels)
            .map(|(t, l)| NoteText {
                text: t,
                label: l,
                ..NoteText::default()
            })
            .collect();
        resolve(&notes)
    }

    #[test]
    fn op_cit_by_author_and_title() {
        let r = run(&[
            "Mark A Smith, \"Russo-Japanese Relations\", Conflict Studies, 2003, p.2.",
            "Kimura, \"Basic Determinants\", op.cit., p.74.",
            "Smith, “Russo–Japanese Relations”, op.cit, p.5.",
            "\"Japanese PM visits Russia to build 'personal relations', RT, 2013.",
            "\"Japanese PM Visits Russia\", op.cit. Article 9 of the Declaration.",
        ]);
        assert_eq!(r[1].refers_to, None);
        assert_eq!(
            r[1].unresolved.as_deref(),
            Some("no earlier citation of “Kimura” in this article")
        );
        assert_eq!(r[2].refers_to, Some(0));
        assert_eq!(r[4].refers_to, Some(3));
    }

    #[test]
    fn explicit_pointers_legal_forms_and_loc_cit() {
        let r = run(&[
            "John Smith, The Law of Torts 45 (2d ed. 1990).",
            "Jane Doe, Contracts, 12 Yale L.J. 4 (1999).",
            "Id. at 5.",
            "See id.",
            "Smith, supra note 1, at 12.",
            "Doe, loc. cit.",
            "Op. cit. (footnote 2), p. 9.",
            "Roe, supra note 9.",
        ]);
        assert_eq!(r[2].reference, NoteRef::Id);
        assert_eq!(r[2].refers_to, Some(1));
        assert_eq!(r[3].refers_to, Some(2));
        assert_eq!((r[4].reference, r[4].refers_to), (NoteRef::Supra, Some(0)));
        assert_eq!((r[5].reference, r[5].refers_to), (NoteRef::LocCit, Some(1)));
        assert_eq!(r[6].refers_to, Some(1), "the pointer wins over guessing");
        assert_eq!(r[7].refers_to, None);
        assert!(
            r[7].unresolved
                .as_deref()
                .is_some_and(|w| w.contains("note 9"))
        );
    }

    #[test]
    fn op_cit_named_in_the_text() {
        let notes = [
            NoteText {
                text: "Coll. Minn. Hist. Soc., 1885, vol. 5, p. 130.",
                label: "1",
                context: "Mr. Warren, in his History of the Ojibwa Indians,",
                ..NoteText::default()
            },
            NoteText {
                text: "Information respecting the history, 1851.",
                label: "2",
                context: "but little can be obtained. Schoolcraft,",
                ..NoteText::default()
            },
            NoteText {
                text: "Op. cit., vol. 5, p. 423.",
                label: "3",
                context: "In his notice of the Jessakkid, Schoolcraft affirms|that it is so.",
                ..NoteText::default()
            },
            NoteText {
                text: "Op. cit., p. 9.",
                label: "4",
                context: "Nobody is named here at all.|",
                ..NoteText::default()
            },
            NoteText {
                text: "Op. cit., pp. 65, 66.",
                label: "5",
                context: "Mr. Warren’s work is the result of a lifetime. In speaking of the Society,|he says:",
                ..NoteText::default()
            },
            NoteText {
                text: "Op. cit., vol. 5, p. 71.",
                label: "6",
                context: "This statement is followed by another,|in which Mr. Schoolcraft, in a",
                ..NoteText::default()
            },
        ];
        let r = resolve(&notes);
        assert_eq!(r[2].refers_to, Some(1));
        assert_eq!(r[3].refers_to, None, "never a guess");
        assert_eq!(r[4].refers_to, Some(0));
        assert_eq!(r[5].refers_to, Some(1));
    }

    #[test]
    fn identical_sources() {
        let r = run(&[
            "A. Author, “Title”, Paper, 2 Nov, 2013.",
            "Ibid.",
            "A. Author, \"Title\", Paper, 2 Nov, 2013",
        ]);
        assert_eq!(r[1].refers_to, Some(0));
        assert_eq!(r[2].same_as, Some(0));
    }
}
