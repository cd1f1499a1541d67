//! The back-reference forms a note can take, recognised once for the whole
//! program (the document model, `inspect`, sources and health all read the
//! result): `Ibid.`/`ibidem`, `Id.`/`id.` (also `Id. at 5`, `See id.`),
//! `op. cit.`, `loc. cit.`, `supra` (`Smith, supra note 3, at 12`), and an
//! explicit pointer to an earlier note (`op. cit. (footnote 12)`, `note 12`).

use crate::document::NoteRef;

/// Signal words that may stand before `id.` in legal citations.
const SIGNALS: &[&str] = &[
    "see also",
    "see, e.g.,",
    "see e.g.",
    "see",
    "cf.",
    "accord",
    "but see",
    "compare",
    "contra",
    "e.g.,",
    "e.g.",
];

/// True when the note opens with `Ibid.` (or `ibid`, `*Ibid.*`, `Ibidem`).
#[must_use]
pub fn is_ibid(text: &str) -> bool {
    let (w, _) = first_word_raw(text);
    w.eq_ignore_ascii_case("ibid") || w.eq_ignore_ascii_case("ibidem")
}

/// The first word of `t` (ASCII letters, case kept) and the rest.
fn first_word_raw(t: &str) -> (&str, &str) {
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let n = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    t.split_at(n)
}

/// `t` starts with the ASCII text `w`, ignoring ASCII case.
fn starts_with_ignore_case(t: &str, w: &str) -> bool {
    t.as_bytes()
        .get(..w.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
}

/// True for `Id.`, `id. at 5`, `See id.`, `See also id. at 3`.
#[must_use]
pub fn is_id(text: &str) -> bool {
    let mut t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // ASCII lower-casing keeps every byte's place and whitespace: the
    // signals compare on the text itself.
    for s in SIGNALS {
        if starts_with_ignore_case(t, s)
            && starts_with_ignore_case(t[s.len()..].trim_start(), "id.")
        {
            t = t[s.len()..].trim_start();
            break;
        }
    }
    let (w, rest) = first_word_raw(t);
    w.eq_ignore_ascii_case("id") && rest.starts_with('.')
}

/// Byte offset of `word. cit.` (`op. cit.`, `op.cit`, `loc. cit.`) in `text`.
fn cit_at(text: &str, word: &[u8]) -> Option<usize> {
    let b = text.as_bytes();
    let mut from = 0;
    // Each `c`/`C` (memchr) followed by `it` in any case, in order.
    let next = |from: usize| {
        memchr::memchr2_iter(b'c', b'C', b.get(from..)?)
            .map(|k| from + k)
            .find(|&c| {
                b.get(c + 1..c + 3)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"it"))
            })
    };
    while let Some(c) = next(from) {
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
        if p >= word.len() && b[p - word.len()..p].eq_ignore_ascii_case(word) {
            let at = p - word.len();
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
    None
}

/// Byte offset of `op. cit.` / `op.cit` in `text`.
#[must_use]
pub fn op_cit_at(text: &str) -> Option<usize> {
    cit_at(text, b"op")
}

/// Byte offset of `loc. cit.` in `text`.
#[must_use]
pub fn loc_cit_at(text: &str) -> Option<usize> {
    cit_at(text, b"loc")
}

/// Byte offset of the word `supra` in `text`.
#[must_use]
pub fn supra_at(text: &str) -> Option<usize> {
    // Most notes have no `supra` in any case: tell without a lower-cased copy.
    let b = text.as_bytes();
    if !memchr::memchr2_iter(b's', b'S', b).any(|k| {
        b.get(k..k + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"supra"))
    }) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find("supra") {
        let at = from + k;
        from = at + 5;
        let before_ok = at == 0
            || !lower[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let after_ok = !lower[at + 5..].starts_with(|c: char| c.is_ascii_alphabetic());
        if before_ok && after_ok {
            return Some(at);
        }
    }
    None
}

/// The label an explicit pointer names: `(footnote 12)`, `note 12`, `n. 12`,
/// `nn. 3`, `supra note 3`, `fn. 4`.
#[must_use]
pub fn pointer(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for key in [
        "footnote ",
        "endnote ",
        "note ",
        "n. ",
        "nn. ",
        "fn. ",
        "n.",
    ] {
        let mut from = 0;
        while let Some(k) = lower[from..].find(key) {
            let at = from + k;
            from = at + key.len();
            if at > 0
                && lower[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let rest = &text[at + key.len()..];
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=4).contains(&n) && !rest[n..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return Some(rest[..n].to_string());
            }
        }
    }
    None
}

/// The back-reference form a note takes, and where its key words start
/// (the author or title before them identifies the work).
#[must_use]
pub fn reference_of(text: &str) -> (NoteRef, Option<usize>) {
    if is_ibid(text) {
        return (NoteRef::Ibid, None);
    }
    if is_id(text) {
        return (NoteRef::Id, None);
    }
    if let Some(at) = op_cit_at(text) {
        return (NoteRef::OpCit, Some(at));
    }
    if let Some(at) = loc_cit_at(text) {
        return (NoteRef::LocCit, Some(at));
    }
    if let Some(at) = supra_at(text) {
        return (NoteRef::Supra, Some(at));
    }
    (NoteRef::Plain, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for t in ["Ibid.", "ibid", "Ibid, p.5-6.", "*Ibid.*", "Ibidem, 4."] {
            assert_eq!(reference_of(t).0, NoteRef::Ibid, "{t}");
        }
        for t in [
            "Id.",
            "Id. at 5.",
            "See id.",
            "See also id. at 3.",
            "id. at 212",
        ] {
            assert_eq!(reference_of(t).0, NoteRef::Id, "{t}");
        }
        assert_eq!(reference_of("Smith, op. cit., p. 3.").0, NoteRef::OpCit);
        assert_eq!(reference_of("Smith, loc. cit.").0, NoteRef::LocCit);
        assert_eq!(
            reference_of("Smith, supra note 3, at 12.").0,
            NoteRef::Supra
        );
        for t in [
            "Ibis and cranes, 2001",
            "Idaho Press, 2001",
            "Identity, 1999.",
            "Superb, 2003",
        ] {
            assert_eq!(reference_of(t).0, NoteRef::Plain, "{t}");
        }
    }

    #[test]
    fn pointers() {
        assert_eq!(
            pointer("Op. cit. (footnote 12), p. 4").as_deref(),
            Some("12")
        );
        assert_eq!(pointer("Smith, supra note 3, at 12").as_deref(), Some("3"));
        assert_eq!(pointer("Jones, op. cit., n. 7.").as_deref(), Some("7"));
        assert_eq!(pointer("Notes on the State of Virginia, 1785"), None);
        assert_eq!(pointer("Jones, annotated, 1999"), None);
    }
}
