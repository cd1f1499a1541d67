//! Citation chains between notes: `Ibid.` points at the note before, `op. cit.`
//! at the earlier note citing the same author or short title, and identical
//! references at the first note that cites the same source. Never guesses.

use crate::document::NoteRef;
use std::ops::Range;

/// What one note resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolution {
    /// Plain, Ibid. or op. cit.
    pub reference: NoteRef,
    /// Index of the note an Ibid./op. cit. points to.
    pub refers_to: Option<usize>,
    /// Index of the first earlier note with the identical source.
    pub same_as: Option<usize>,
    /// Why an Ibid./op. cit. points nowhere.
    pub unresolved: Option<String>,
}

/// A note's text and the byte ranges of its italic parts.
#[derive(Debug, Clone, Copy)]
pub struct NoteText<'a> {
    /// The note text without its label.
    pub text: &'a str,
    /// Emphasised ranges (italic titles).
    pub italics: &'a [Range<usize>],
}

/// Lower-cases and keeps letters/digits, folding quotes, dashes and
/// punctuation to single spaces.
fn norm(s: &str) -> String {
    crate::document::normalise_words(s)
}

/// True when the note opens with `Ibid.` (or `ibid`, `*Ibid.*`, `Id.`).
#[must_use]
pub fn is_ibid(text: &str) -> bool {
    let t = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .as_bytes();
    let word_len = t.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &t[..word_len];
    word.eq_ignore_ascii_case(b"ibid")
        || word.eq_ignore_ascii_case(b"ibidem")
        || (word.eq_ignore_ascii_case(b"id") && t.get(2) == Some(&b'.'))
}

/// Byte offset of `op. cit.` / `op.cit` / `loc. cit.` in `text`.
#[must_use]
pub fn op_cit_at(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    // Find each `cit` (any case), then look back for `op`/`loc` and an
    // optional `.` and spaces.
    let mut from = 0;
    while let Some(k) = b[from..]
        .windows(3)
        .position(|w| w.eq_ignore_ascii_case(b"cit"))
    {
        let c = from + k;
        from = c + 1;
        if b.get(c + 3).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut p = c;
        while p > 0 && b[p - 1] == b' ' {
            p -= 1;
        }
        if p > 0 && b[p - 1] == b'.' {
            p -= 1;
        }
        for start in [&b"op"[..], &b"loc"[..]] {
            if p >= start.len() && b[p - start.len()..p].eq_ignore_ascii_case(start) {
                let at = p - start.len();
                if at == 0
                    || !text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                {
                    return Some(at);
                }
            }
        }
    }
    None
}

/// The quoted or italic title in `text[range]`: the first `“…”`/`"…"`
/// segment (an unclosed quote runs to the next comma), else the first italic.
fn title_in(text: &str, italics: &[Range<usize>], limit: usize) -> Option<String> {
    let part = &text[..limit.min(text.len())];
    if let Some(open) = part.find(['“', '"', '‘']) {
        let q = part[open..].chars().next().unwrap_or('"');
        let body = &part[open + q.len_utf8()..];
        let close = match q {
            '“' => body.find(['”', '"']),
            '‘' => body.find('’'),
            _ => body.find(['"', '”']),
        };
        let end = close.or_else(|| body.find(", ")).unwrap_or(body.len());
        let t = body[..end].trim();
        if t.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
            return Some(t.to_string());
        }
    }
    italics
        .iter()
        .find(|r| r.end <= part.len())
        .map(|r| text[r.clone()].to_string())
}

/// The author part: text before the first comma or quote, if it looks like
/// a name (1–8 words, no digits).
fn author_in(text: &str, limit: usize) -> Option<String> {
    let part = &text[..limit.min(text.len())];
    let end = part.find([',', '“', '"', '‘', '*']).unwrap_or(part.len());
    let a = part[..end].trim();
    let words = a.split_whitespace().count();
    ((1..=8).contains(&words) && !a.chars().any(|c| c.is_ascii_digit())).then(|| a.to_string())
}

/// Resolves Ibid., op. cit. and identical references for a list of notes.
#[must_use]
pub fn resolve(notes: &[NoteText<'_>]) -> Vec<Resolution> {
    let mut out: Vec<Resolution> = Vec::with_capacity(notes.len());
    // Original (non-Ibid., non-op. cit.) notes, and their normalised author
    // and title, computed only when an op. cit. needs them.
    let mut originals: Vec<usize> = Vec::new();
    let mut keys: Vec<Option<WorkKey>> = vec![None; notes.len()];
    let mut seen: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    for (i, n) in notes.iter().enumerate() {
        let mut r = Resolution::default();
        if is_ibid(n.text) {
            r.reference = NoteRef::Ibid;
            if i == 0 {
                r.unresolved = Some("Ibid. with no note before it".to_string());
            } else {
                r.refers_to = Some(i - 1);
            }
        } else if let Some(at) = op_cit_at(n.text) {
            r.reference = NoteRef::OpCit;
            let author = author_in(n.text, at).map(|a| norm(&a));
            let title = title_in(n.text, n.italics, at).map(|t| norm(&t));
            let found = originals.iter().rev().copied().find(|&j| {
                let (wa, wt) = keys[j].get_or_insert_with(|| work_key(&notes[j]));
                match (&title, wt) {
                    (Some(t), Some(wt)) if !t.is_empty() => {
                        title_matches(t, wt)
                            && author_matches(author.as_deref(), wa.as_deref(), true)
                    }
                    (Some(_), None) => false,
                    _ => author
                        .as_deref()
                        .is_some_and(|a| author_matches(Some(a), wa.as_deref(), false)),
                }
            });
            match found {
                Some(j) => r.refers_to = Some(j),
                None => {
                    let key = author_in(n.text, at)
                        .or_else(|| title_in(n.text, n.italics, at))
                        .unwrap_or_else(|| "this work".into());
                    r.unresolved = Some(format!("no earlier citation of “{key}” in this article"));
                }
            }
        } else {
            let (key, letters) = source_key(n.text);
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
            originals.push(i);
        }
        out.push(r);
    }
    out
}

/// A hash of a note's letters and digits (ASCII case folded; quotes, dashes
/// and other punctuation ignored) and how many there were: a cheap key for
/// finding identical references, confirmed with [`norm`] on a hit.
fn source_key(text: &str) -> (u64, usize) {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let b = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        let x = b[i];
        if x.is_ascii_alphanumeric() {
            h.write_u8(x.to_ascii_lowercase());
            n += 1;
            i += 1;
        } else if x < 0x80 {
            i += 1;
        } else if x == 0xE2 && b.get(i + 1) == Some(&0x80) {
            i += 3; // U+2000..U+203F: dashes, quotes, spaces
        } else {
            h.write_u8(x);
            n += 1;
            i += 1;
        }
    }
    (h.finish(), n)
}

/// A work's normalised author and title.
type WorkKey = (Option<String>, Option<String>);

/// The normalised author and title an original note cites.
fn work_key(n: &NoteText<'_>) -> WorkKey {
    let title = title_in(n.text, n.italics, n.text.len()).map(|t| norm(&t));
    let limit = n.text.find(['“', '"', '‘', '*']).unwrap_or(n.text.len());
    let author = author_in(n.text, limit).map(|a| norm(&a));
    (author, title)
}

/// `short` is the same title as `full` or a word-prefix of it.
fn title_matches(short: &str, full: &str) -> bool {
    full == short || full.starts_with(&format!("{short} "))
}

/// Every word of the op. cit. author appears among the original's author
/// words. With `lenient`, a missing author on either side matches.
fn author_matches(opcit: Option<&str>, original: Option<&str>, lenient: bool) -> bool {
    match (opcit, original) {
        (Some(a), Some(o)) => {
            let ow: Vec<&str> = o.split(' ').collect();
            a.split(' ').all(|w| ow.contains(&w))
        }
        _ => lenient,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Vec<Resolution> {
        let notes: Vec<NoteText<'_>> = texts
            .iter()
            .map(|t| NoteText {
                text: t,
                italics: &[],
            })
            .collect();
        resolve(&notes)
    }

    #[test]
    fn ibid_forms() {
        for t in ["Ibid.", "ibid", "Ibid, p.5-6.", "*Ibid.*", "Id. at 4"] {
            assert!(is_ibid(t), "{t}");
        }
        assert!(!is_ibid("Ibis and cranes, 2001"));
        assert!(!is_ibid("Idaho Press, 2001"));
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
