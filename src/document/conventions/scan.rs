//! The marker scanner: finds candidates of every registered convention in a
//! paragraph, stopping only at bytes some convention can start with (the
//! table is derived from [`super::REGISTRY`]), then confirms them against the
//! notes that exist.

use super::{Candidate, REGISTRY, Strength};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Bytes that can start a candidate of some convention.
static STARTS: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut t = [false; 256];
    for c in REGISTRY {
        for &b in c.starts {
            t[usize::from(b)] = true;
        }
    }
    t
});

/// True when the eight-at-a-time skip in [`next_start`] stops at ASCII byte
/// `b` (digits, `[` and `*`); every registered ASCII start byte must be one.
#[must_use]
pub fn fast_skip_sees(b: u8) -> bool {
    b.is_ascii_digit() || b == b'[' || b == b'*'
}

/// Index of the first byte at or after `i` that can start a candidate, or
/// `b.len()`. Skips eight bytes at a time while none of them is a digit,
/// `[`, `*` or a non-ASCII byte (SWAR on 7-bit lanes).
fn next_start(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |t: u64, c: u8| {
        let y = t ^ (LO * u64::from(c));
        !((y + LO * 0x7F) | y) & HI
    };
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(arr);
        let t = x & !HI;
        let digit = (t + LO * (0x80 - 0x30)) & !(t + LO * (0x80 - 0x3A)) & HI;
        if (x & HI) | digit | has(t, b'[') | has(t, b'*') != 0 {
            break;
        }
        i += 8;
    }
    let starts = &*STARTS;
    b.get(i..)
        .and_then(|rest| rest.iter().position(|&x| starts[usize::from(x)]))
        .map_or(b.len(), |k| i + k)
}

/// Finds marker candidates in `text`, skipping byte ranges in `skip` (links,
/// inline code, markup references).
#[must_use]
pub fn candidates(text: &str, skip: &[Range<usize>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i = next_start(b, i);
        if i >= b.len() {
            break;
        }
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let x = b[i];
        let found = REGISTRY
            .iter()
            .filter(|c| c.starts.contains(&x))
            .filter_map(|c| c.marker)
            .find_map(|f| f(text, i));
        // A digit run is one token: never restart inside it.
        let step = if x.is_ascii_digit() {
            b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
        } else {
            1
        };
        match found {
            Some(c) => {
                if let Some(r) = skip.iter().find(|r| r.contains(&c.range.start)) {
                    i = r.end.max(i + 1);
                    continue;
                }
                i = c.range.end.max(i + step);
                out.push(c);
            }
            None => i += step,
        }
    }
    out
}

/// Decides which candidates are markers. `labels` are the note labels that
/// exist. Candidates come in reading order, each with its paragraph index.
/// How many paragraphs after a restarting `1` its note may stand (notes
/// numbered afresh are page-foot or section notes, near their markers).
const RESTART_REACH: usize = 40;

/// Returns indices into `cands` of accepted ones. `ones` are the paragraphs
/// of the notes labelled `1`, in order: when notes are numbered afresh (a new
/// opinion, letter or chapter), a glued `1` starts the sequence again once
/// the previous sequence's note 1 is behind it.
#[must_use]
pub fn confirm(
    cands: &[(usize, Candidate)],
    labels: &HashMap<String, usize>,
    ones: &[usize],
) -> Vec<usize> {
    let mut accepted = Vec::new();
    let mut restarted = 0;
    let mut expected: u64 = 1;
    let numeric_notes = labels.keys().filter(|l| l.parse::<u64>().is_ok()).count();
    for (k, (para, c)) in cands.iter().enumerate() {
        if !c.labels().all(|l| labels.contains_key(l)) {
            continue;
        }
        let n = c.label.parse::<u64>().ok();
        let ok = match c.strength {
            Strength::Markup | Strength::Bracket | Strength::Symbol => true,
            // Superscripts: plausible when near the expected sequence or when
            // the notes are not numbered in one sequence.
            Strength::Superscript => {
                n.is_some_and(|n| n + 3 >= expected && n <= expected + 3) || numeric_notes == 0
            }
            Strength::Interior => n == Some(expected) && expected > 1,
            Strength::Glued => n.is_some_and(|n| {
                (n >= expected && n <= expected + 2)
                    || (n == 1
                        && expected > 2
                        && ones.len() > restarted + 1
                        && ones[restarted] < *para
                        && (*para..*para + RESTART_REACH).contains(&ones[restarted + 1]))
            }),
        };
        if ok {
            if c.strength == Strength::Glued && n == Some(1) && expected > 2 {
                restarted += 1;
                expected = 1;
            }
            let last = c.labels().last().and_then(|l| l.parse::<u64>().ok());
            if let Some(n) = last.or(n) {
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
    fn bracket_superscript_symbol() {
        assert_eq!(
            labels("Australia.[1] Then¹² and [a] not [citation needed] law,†"),
            vec!["1", "12", "a", "†"]
        );
    }

    #[test]
    fn fast_skip_matches_a_plain_scan() {
        let naive = |b: &[u8], i: usize| {
            b[i..]
                .iter()
                .position(|&x| STARTS[usize::from(x)])
                .map_or(b.len(), |k| i + k)
        };
        let texts: [&[u8]; 6] = [
            b"no candidates in this long line of plain words at all",
            b"a marker.[12] here and a year 2019 there",
            "superscript\u{b9} and \u{2074} and caf\u{e9}".as_bytes(),
            b"ZZZZZZZZ[ZZZZZZZ/:;<=>?@AZ",
            b"stars: abcdefgh*ijklmnop",
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
        let acc: Vec<&str> = confirm(&cands, &notes, &[])
            .into_iter()
            .map(|k| cands[k].1.label.as_str())
            .collect();
        assert_eq!(acc, vec!["1", "2", "3"]);
        // Numbered afresh (a second opinion): a glued 1 starts again.
        // Paragraph 0 cites 1-3, their notes are paragraph 1, paragraph 2
        // cites 1-2 again, its notes are paragraph 3.
        let cands: Vec<(usize, Candidate)> = ["a.1 b.2 c.3", "", "d,1 e.2 f.1", ""]
            .iter()
            .enumerate()
            .flat_map(|(i, t)| candidates(t, &[]).into_iter().map(move |c| (i, c)))
            .collect();
        let acc = |ones: &[usize]| -> Vec<String> {
            confirm(&cands, &notes, ones)
                .into_iter()
                .map(|k| cands[k].1.label.clone())
                .collect()
        };
        assert_eq!(acc(&[]), ["1", "2", "3"]);
        assert_eq!(acc(&[1, 3]), ["1", "2", "3", "1", "2"]);
        assert_eq!(acc(&[3, 4]), ["1", "2", "3"], "note 1 is not behind yet");
        assert_eq!(
            acc(&[1, 80]),
            ["1", "2", "3"],
            "the next note 1 is far away"
        );
        // Inside a word, only the very next number counts.
        let cands: Vec<(usize, Candidate)> = candidates("a.1 proof2that mp7x c.3 html5is", &[])
            .into_iter()
            .map(|c| (0, c))
            .collect();
        let acc: Vec<&str> = confirm(&cands, &notes, &[])
            .into_iter()
            .map(|k| cands[k].1.label.as_str())
            .collect();
        assert_eq!(acc, ["1", "2", "3"]);
    }
}
