//! Footnote marker candidates in body text (`[n]`, superscripts `¹²³`, digits
//! glued to punctuation) and their confirmation against the notes that exist.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// How a candidate marker is written; weaker kinds need more confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Given by markup (Markdown `[^x]`): always a marker.
    Markup,
    /// `[n]` or `[^n]`.
    Bracket,
    /// Unicode superscript digits.
    Superscript,
    /// Plain digits glued to punctuation (`security.1`).
    Glued,
}

/// A possible marker in one paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range of the marker as written.
    pub range: Range<usize>,
    /// Its label (`"12"`).
    pub label: String,
    /// How it is written.
    pub strength: Strength,
}

/// Value of a superscript digit character.
#[must_use]
pub fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Parses a run of superscript digits at the start of `s`: (value, bytes).
#[must_use]
pub fn superscript_run(s: &str) -> Option<(String, usize)> {
    let mut label = String::new();
    let mut len = 0;
    for c in s.chars() {
        match superscript_value(c) {
            Some(v) if label.len() < 4 => {
                label.push(char::from_digit(v, 10).unwrap_or('0'));
                len += c.len_utf8();
            }
            _ => break,
        }
    }
    (!label.is_empty()).then_some((label, len))
}

/// Punctuation after which a glued digit run may be a marker.
fn glue_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '’' | '"' | '\'' | '»'
    )
}

/// True when `label` is a plausible bracket label: 1–4 digits, or one letter.
fn bracket_label(label: &str) -> bool {
    let digits = !label.is_empty() && label.len() <= 5 && label.bytes().all(|b| b.is_ascii_digit());
    let letter = label.chars().count() == 1 && label.chars().all(char::is_alphabetic);
    digits || letter
}

/// Bytes that can start a candidate: `[`, digits, superscript lead bytes.
const STARTS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'[' as usize] = true;
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = true;
        d += 1;
    }
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// Index of the first byte at or after `i` that can start a candidate (see
/// [`STARTS`]), or `b.len()`. Skips eight bytes at a time while none of them
/// is `[`, an ASCII digit or a non-ASCII byte (SWAR on 7-bit lanes).
fn next_start(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(arr);
        let t = x & !HI;
        let digit = (t + LO * (0x80 - 0x30)) & !(t + LO * (0x80 - 0x3A)) & HI;
        let y = t ^ (LO * u64::from(b'['));
        let bracket = !((y + LO * 0x7F) | y) & HI;
        if (x & HI) | digit | bracket != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..)
        .and_then(|rest| rest.iter().position(|&x| STARTS[x as usize]))
        .map_or(b.len(), |k| i + k)
}

/// Finds marker candidates in `text`, skipping byte ranges in `skip` (links).
#[must_use]
pub fn candidates(text: &str, skip: &[Range<usize>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    // Only `[`, ASCII digits and the lead bytes of superscript digits (U+00B9,
    // U+00B2/3 → 0xC2; U+2070..=U+2079 → 0xE2) can start a candidate; all are
    // char boundaries, so stepping byte by byte elsewhere is safe.
    while i < b.len() {
        // Skip quickly to the next byte that can start a candidate.
        i = next_start(b, i);
        if i >= b.len() {
            break;
        }
        let (cand, next) = match b[i] {
            b'[' => match bracket_at(text, i) {
                Some(c) => {
                    let end = c.range.end;
                    (Some(c), end)
                }
                None => (None, i + 1),
            },
            b'0'..=b'9' => {
                let len = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
                (glued(text, i, len), i + len)
            }
            0xC2 | 0xE2 => match superscript_run(&text[i..]) {
                Some((label, len)) => {
                    let c = (i > 0).then(|| Candidate {
                        range: i..i + len,
                        label,
                        strength: Strength::Superscript,
                    });
                    (c, i + len)
                }
                None => (None, i + 1),
            },
            _ => (None, i + 1),
        };
        if let Some(c) = cand {
            if let Some(r) = skip.iter().find(|r| r.contains(&c.range.start)) {
                i = r.end.max(i + 1);
                continue;
            }
            out.push(c);
        }
        i = next;
    }
    out
}

/// A `[label]` / `[^label]` candidate at byte `i` (never at the very start).
fn bracket_at(text: &str, i: usize) -> Option<Candidate> {
    let rest = &text[i..];
    let end = rest.find(']').filter(|&e| e <= 8)?;
    let inner = &rest[1..end];
    let label = inner.strip_prefix('^').unwrap_or(inner);
    (bracket_label(label) && i > 0).then(|| Candidate {
        range: i..i + end + 1,
        label: label.to_string(),
        strength: Strength::Bracket,
    })
}

/// A glued marker at `text[i..i + len]` (a digit run), if its surroundings
/// allow one: punctuation right before it, preceded by a word, a closing
/// quote or a grouped number whose last group is not three digits long.
fn glued(text: &str, i: usize, len: usize) -> Option<Candidate> {
    if len > 3 {
        return None;
    }
    let before = &text[..i];
    let mut back = before.chars().rev();
    let p = back.next()?;
    if !glue_punct(p) {
        return None;
    }
    let pp = back.next()?;
    let after = text[i + len..].chars().next();
    let after_ok =
        after.is_none_or(|a| a.is_whitespace() || matches!(a, ')' | ']' | ',' | ';' | '—' | '–'));
    if !after_ok {
        return None;
    }
    let word_before = pp.is_alphabetic() || matches!(pp, '”' | '’' | '"' | ')' | '\'' | '.');
    // `$1,283,200,000,8`: after a comma-grouped number, a run that is not a
    // three-digit group is a marker.
    let grouped = p == ','
        && pp.is_ascii_digit()
        && len != 3
        && is_grouped_number(&before[..before.len() - 1]);
    if p == '.' && pp.is_ascii_digit() {
        return None;
    }
    (word_before || grouped).then(|| Candidate {
        range: i..i + len,
        label: text[i..i + len].to_string(),
        strength: Strength::Glued,
    })
}

/// True when `s` ends with a number grouped by commas (`1,283,200,000`).
fn is_grouped_number(s: &str) -> bool {
    let tail: String = s
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let tail: String = tail.chars().rev().collect();
    let groups: Vec<&str> = tail.split(',').collect();
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// Decides which candidates are markers. `labels` are the note labels that
/// exist. Candidates come in reading order, each with its paragraph index.
/// Returns indices into `cands` of accepted ones.
#[must_use]
pub fn confirm(cands: &[(usize, Candidate)], labels: &HashMap<String, usize>) -> Vec<usize> {
    let mut accepted = Vec::new();
    let mut expected: u64 = 1;
    let numeric_notes = labels.keys().filter(|l| l.parse::<u64>().is_ok()).count();
    for (k, (_, c)) in cands.iter().enumerate() {
        if !labels.contains_key(&c.label) {
            continue;
        }
        let n = c.label.parse::<u64>().ok();
        let ok = match c.strength {
            Strength::Markup | Strength::Bracket => true,
            // Superscripts: plausible when near the expected sequence or when
            // the notes are not numbered in one sequence.
            Strength::Superscript => {
                n.is_some_and(|n| n + 3 >= expected && n <= expected + 3) || numeric_notes == 0
            }
            Strength::Glued => n.is_some_and(|n| n >= expected && n <= expected + 2),
        };
        if ok {
            if let Some(n) = n {
                expected = expected.max(n + 1);
            }
            accepted.push(k);
        }
    }
    accepted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        candidates(text, &[]).into_iter().map(|c| c.label).collect()
    }

    #[test]
    fn bracket_and_superscript() {
        assert_eq!(
            labels("Australia.[1] Then¹² and [a] not [citation needed]"),
            vec!["1", "12", "a"]
        );
    }

    #[test]
    fn fast_skip_matches_a_plain_scan() {
        let naive = |b: &[u8], i: usize| {
            b[i..]
                .iter()
                .position(|&x| STARTS[x as usize])
                .map_or(b.len(), |k| i + k)
        };
        let texts: [&[u8]; 5] = [
            b"no candidates in this long line of plain words at all",
            b"a marker.[12] here and a year 2019 there",
            "superscript\u{b9} and \u{2074} and caf\u{e9}".as_bytes(),
            b"ZZZZZZZZ[ZZZZZZZ/:;<=>?@AZ",
            b"",
        ];
        for t in texts {
            for i in 0..=t.len() {
                assert_eq!(next_start(t, i), naive(t, i), "{t:?} from {i}");
            }
        }
        for n in 0..=255u8 {
            let mut v = b"abcdefghijklmnopqrs".to_vec();
            v[11] = n;
            assert_eq!(next_start(&v, 0), naive(&v, 0), "byte {n}");
        }
    }

    #[test]
    fn glued_digits() {
        assert_eq!(labels("on security.1 Next, office.2"), vec!["1", "2"]);
        assert_eq!(labels("about $1,283,200,000,8 according"), vec!["8"]);
        assert!(
            labels("G7 and G20, A2/AD, 120 km, (2016-25), 3.5, Number 250, 2+2, July 2017.")
                .is_empty()
        );
        assert!(labels("worth $1,283,200,000 today").is_empty());
    }

    #[test]
    fn confirmation_needs_notes_and_sequence() {
        let cands: Vec<(usize, Candidate)> = candidates("a.1 b.2 c.7 d.3", &[])
            .into_iter()
            .map(|c| (0, c))
            .collect();
        let notes: HashMap<String, usize> = (1..=7).map(|n| (n.to_string(), n)).collect();
        let acc: Vec<&str> = confirm(&cands, &notes)
            .into_iter()
            .map(|k| cands[k].1.label.as_str())
            .collect();
        assert_eq!(acc, vec!["1", "2", "3"]);
    }
}
