//! Bracketed markers and labels: `[1]`, `[^1]`, letters `[a]`/`[A]`, reference
//! labels `[RFC3629]`/`[KNUTH84]`, combined `[2, 4, 6]` and ranged `[3-5]`
//! markers (one marker per label). Notes: `[1] text`, `[^1]: text`,
//! `[RFC2119]  Bradner, S., …`. A bracket is a marker only when a note with
//! its label exists (confirmed later), so `[sic]` stays text.

use super::{Candidate, Convention, Label, Strength, Style, with_space};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "bracket",
    starts: b"[",
    marker: Some(marker),
    note: Some(note),
};

/// Longest label inside brackets, in bytes.
const MAX_LABEL: usize = 24;
/// Most labels one ranged marker may expand to.
const MAX_RANGE: u64 = 20;

/// Words that transcribers put in brackets where the printed page had
/// something the text cannot hold (`[Illustration]`, `[Sidenote]`,
/// `[Greek]`): never note labels.
const PLACEHOLDERS: &[&str] = &[
    "Illustration",
    "Illustrations",
    "Sidenote",
    "Greek",
    "Hebrew",
    "Arabic",
    "Music",
    "Decoration",
    "Frontispiece",
    "Portrait",
    "Image",
    "Picture",
    "Blank",
    "Transcriber",
    "Errata",
    "Symbol",
    "Formula",
    "Equation",
];

/// True for a plausible single label: 1–5 digits, one letter, or a
/// reference tag of letters and digits with at least one upper-case letter
/// (`RFC3629`, `KNUTH84`, `Fielding99`, `ISO-8859`).
#[must_use]
pub fn is_label(label: &str) -> bool {
    let b = label.as_bytes();
    if b.is_empty() || b.len() > MAX_LABEL {
        return false;
    }
    if b.len() <= 5 && b.iter().all(u8::is_ascii_digit) {
        return true;
    }
    if label.chars().count() == 1 {
        return label.chars().all(char::is_alphabetic);
    }
    if PLACEHOLDERS.iter().any(|w| label.eq_ignore_ascii_case(w)) {
        return false;
    }
    // Two capitals are a tag (`[AH]`, `[ESP]` is three).
    if b.len() == 2 {
        return b.iter().all(u8::is_ascii_uppercase);
    }
    // Lower-case tags need a hyphen, dot or digit (`[triple-handshake]`,
    // `[xmpp-tls]`), so words in brackets (`[sic]`) are not labels; a tag
    // may open with digits when capitals follow (`[3DES]`, `[3GPP]`).
    let lead = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (b[0].is_ascii_alphabetic() || (lead > 0 && b.get(lead).is_some_and(u8::is_ascii_uppercase)))
        && b.len() >= 3
        && b.iter()
            .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'-' | b'.'))
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'+'))
        && !b.ends_with(b".")
}

/// Labels of a bracket's inside: one label, a comma list of numbers
/// (`2, 4, 6`) or a range (`3-5`, `3–5`).
fn labels(inner: &str) -> Option<Vec<String>> {
    let inner = inner.strip_prefix('^').unwrap_or(inner);
    if is_label(inner) {
        return Some(vec![inner.to_string()]);
    }
    let num = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    let mut out = Vec::new();
    // Reference tags cited together (`[MM, ANSI]`, `[PV,BCK2]`).
    let tags: Vec<&str> = inner.split(',').map(str::trim).collect();
    if tags.len() >= 2
        && tags
            .iter()
            .all(|t| is_label(t) && t.bytes().any(|b| b.is_ascii_uppercase()))
    {
        return Some(tags.into_iter().map(str::to_string).collect());
    }
    for part in inner.split(',') {
        if let Some((a, b)) = part.split_once(['-', '–']) {
            let (a, b) = (num(a)?, num(b)?);
            if b <= a || b - a > MAX_RANGE {
                return None;
            }
            out.extend((a..=b).map(|n| n.to_string()));
        } else {
            out.push(num(part)?.to_string());
        }
    }
    (out.len() >= 2).then_some(out)
}

fn marker(text: &str, i: usize) -> Option<Candidate> {
    if i == 0 {
        return None;
    }
    bracketed(text, i)
}

/// A citation opening a paragraph that was not taken as a note (a wrapped
/// line that begins `[19] An assessment …` after a sentence): the marker
/// that [`marker`] leaves to the notes pass at the start of a paragraph.
#[must_use]
pub fn leading(text: &str) -> Option<Candidate> {
    text.starts_with('[').then(|| bracketed(text, 0)).flatten()
}

fn bracketed(text: &str, i: usize) -> Option<Candidate> {
    let rest = &text[i..];
    let end = rest.as_bytes()[..rest.len().min(MAX_LABEL * 2 + 2)]
        .iter()
        .position(|&b| b == b']')?;
    // `as [01] through [15]` names a range of notes; it cites none.
    let after = &rest[end + 1..];
    if after.starts_with(" through [") || after.starts_with(" to [") {
        return None;
    }
    let mut all = labels(&rest[1..end])?.into_iter();
    let label = all.next()?;
    Some(Candidate {
        range: i..i + end + 1,
        label,
        more: all.collect(),
        strength: Strength::Bracket,
    })
}

fn note(t: &str) -> Option<Label> {
    let rest = t.strip_prefix('[')?;
    let end = rest.find(']')?;
    let inner = &rest[..end];
    let label = inner.strip_prefix('^').unwrap_or(inner);
    if !is_label(label) {
        return None;
    }
    let mut len = end + 2;
    let after = &t[len..];
    if after.starts_with(':') {
        len += 1;
    } else if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        // `[20]. As far as…` or `[3],` is a citation opening a line, not a label.
        return None;
    }
    Some(Label {
        label: Some(label.to_string()),
        len: with_space(t, len),
        style: Style::Bracket,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(t: &str, i: usize) -> Option<Vec<String>> {
        marker(t, i).map(|c| c.labels().map(String::from).collect())
    }

    #[test]
    fn markers() {
        assert_eq!(m("x[12]", 1), Some(vec!["12".into()]));
        assert_eq!(m("x[^n]", 1), Some(vec!["n".into()]));
        assert_eq!(m("see [RFC3629].", 4), Some(vec!["RFC3629".into()]));
        assert_eq!(
            m("x [2, 4, 6]", 2),
            Some(vec!["2".into(), "4".into(), "6".into()])
        );
        assert_eq!(
            m("x [3-5]", 2),
            Some(vec!["3".into(), "4".into(), "5".into()])
        );
        assert_eq!(
            m("(e.g., [MM, ANSI]).", 7),
            Some(vec!["MM".into(), "ANSI".into()])
        );
        assert_eq!(
            m("attack\") [PV,BCK2], and", 9),
            Some(vec!["PV".into(), "BCK2".into()])
        );
        assert_eq!(m("x [sic, emphasis added]", 2), None);
        assert_eq!(m("x [citation needed]", 2), None);
        assert_eq!(m("x [sic]", 2), None);
        assert_eq!(m("x [1-900]", 2), None);
        assert_eq!(m("[1] at the start", 0), None);
    }

    #[test]
    fn notes() {
        assert_eq!(note("[3] Smith").map(|l| l.len), Some(4));
        assert_eq!(
            note("[KNUTH84] Knuth, D.").map(|l| l.label),
            Some(Some("KNUTH84".into()))
        );
        assert!(note("[3],").is_none());
        assert_eq!(
            note("[3]").map(|l| l.len),
            Some(3),
            "a label alone on its line"
        );
        assert!(marker("as [01] through [15].", 3).is_none());
    }

    #[test]
    fn transcribers_placeholders_are_no_labels() {
        // Gutenberg sets `[Illustration]` where a picture stood, often on a
        // line of its own with its caption below.
        assert!(note("[Illustration]").is_none());
        assert!(note("[ILLUSTRATION] Arms at the side").is_none());
        assert_eq!(m("the head [Illustration] moves", 9), None);
        assert_eq!(m("see [Fielding99]", 4), Some(vec!["Fielding99".into()]));
    }

    #[test]
    fn tags_of_two_capitals_or_opening_with_digits() {
        // RFC 5246: "IPsec AH [AH]", "a mode [3DES]".
        assert!(is_label("AH"));
        assert!(is_label("3DES"));
        assert!(is_label("3GPP.23.003"));
        assert!(!is_label("Ok"));
        assert!(!is_label("3d"));
        assert!(!is_label("32nd"));
    }

    #[test]
    fn a_citation_opening_a_paragraph() {
        let c = leading("[CBCATT] describes a chosen plaintext attack").expect("a marker");
        assert_eq!((c.range, c.label.as_str()), (0..8, "CBCATT"));
        assert!(leading("A [CBCATT] inside").is_none());
    }
}
