//! Property tests for `annotations::anchor`: anchors survive edits outside the
//! quote, tolerate a small edit inside it, orphan when the passage is gone, and
//! never panic or return an invalid range.

use ibid::annotations::{Anchor, Placement, resolve};
use proptest::prelude::*;

/// splitmix64: deterministic, so a failing seed reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "ga", "dú", "bé", "zö", "ch", "th", "ng",
    "ar", "el", "is", "on", "um", "ya", "wi", "fe",
];

/// Pseudo-prose over lowercase syllables (some non-ASCII), about `len` bytes.
fn prose(rng: &mut Rng, len: usize) -> String {
    let mut out = String::with_capacity(len + 16);
    while out.len() < len {
        for _ in 0..=rng.below(3) {
            out.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
        }
        out.push_str(match rng.below(12) {
            0 => ", ",
            1 => ". ",
            _ => " ",
        });
    }
    out
}

/// Byte offsets of every char boundary of `s`, including `s.len()`.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
}

fn occurrences(haystack: &str, needle: &str) -> usize {
    let mut count = 0;
    let mut from = 0;
    while let Some(i) = haystack[from..].find(needle) {
        count += 1;
        from += i + needle.chars().next().map_or(1, char::len_utf8);
    }
    count
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn edits_outside_the_quote_keep_it_verbatim(
        seed in any::<u64>(),
        len in 40usize..30_000,
        quote_chars in 1usize..80,
        edits in 0usize..8,
    ) {
        let mut rng = Rng(seed);
        let text = prose(&mut rng, len);
        let b = boundaries(&text);
        let chars = b.len() - 1;
        prop_assume!(chars > quote_chars);
        let s = rng.below(chars - quote_chars);
        let (mut qs, mut qe) = (b[s], b[s + quote_chars]);
        let anchor = Anchor::new(&text, qs..qe);
        let quote = text[qs..qe].to_string();

        let mut edited = text.clone();
        for _ in 0..edits {
            let before = rng.below(2) == 0;
            let region = if before { 0..qs } else { qe..edited.len() };
            let cuts: Vec<usize> = boundaries(&edited)
                .into_iter()
                .filter(|i| region.contains(i) || *i == region.end)
                .collect();
            let a = cuts[rng.below(cuts.len())];
            if rng.below(2) == 0 {
                let n = rng.below(24);
                let insert = prose(&mut rng, n);
                edited.insert_str(a, &insert);
                if before {
                    qs += insert.len();
                    qe += insert.len();
                }
            } else {
                let later: Vec<usize> = cuts.iter().copied().filter(|&c| c >= a && c - a <= 60).collect();
                let z = later[rng.below(later.len())];
                edited.replace_range(a..z, "");
                if before {
                    qs -= z - a;
                    qe -= z - a;
                }
            }
        }
        prop_assert_eq!(&edited[qs..qe], quote.as_str(), "test bookkeeping");

        let placed = resolve(&edited, &anchor);
        let range = match &placed {
            Placement::Exact(r) | Placement::Moved(r) => r.clone(),
            other => return Err(TestCaseError::fail(format!("expected a verbatim placement, got {other:?}"))),
        };
        prop_assert_eq!(&edited[range.clone()], quote.as_str());
        if occurrences(&edited, &quote) == 1 {
            prop_assert_eq!(range.clone(), qs..qe);
        }
        if edited == text {
            prop_assert_eq!(placed, Placement::Exact(qs..qe));
        }
    }

    #[test]
    fn one_changed_char_inside_a_long_quote_is_fuzzy(
        seed in any::<u64>(),
        len in 200usize..60_000,
        quote_chars in 20usize..200,
    ) {
        let mut rng = Rng(seed);
        let text = prose(&mut rng, len);
        let b = boundaries(&text);
        let chars = b.len() - 1;
        prop_assume!(chars > quote_chars + 1);
        let s = rng.below(chars - quote_chars);
        let (qs, qe) = (b[s], b[s + quote_chars]);
        let anchor = Anchor::new(&text, qs..qe);

        let at = s + rng.below(quote_chars);
        let old = text[b[at]..b[at + 1]].to_string();
        let new = if old == "Q" { "W" } else { "Q" };
        let mut edited = text.clone();
        edited.replace_range(b[at]..b[at + 1], new);
        let new_qe = qe + new.len() - old.len();
        prop_assume!(!edited.contains(&anchor.quote));

        match resolve(&edited, &anchor) {
            Placement::Fuzzy(r) => {
                prop_assert!(r.start < new_qe && qs < r.end, "{r:?} does not overlap {:?}", qs..new_qe);
            }
            other => return Err(TestCaseError::fail(format!("expected Fuzzy, got {other:?}"))),
        }
    }

    #[test]
    fn deleting_the_quote_and_its_context_orphans_it(
        seed in any::<u64>(),
        len in 100usize..30_000,
        quote in "[A-Z0-9]{4,120}",
    ) {
        let mut rng = Rng(seed);
        let n = rng.below(len);
        let before = prose(&mut rng, n);
        let after = prose(&mut rng, len);
        let text = format!("{before}{quote}{after}");
        let (qs, qe) = (before.len(), before.len() + quote.len());
        let anchor = Anchor::new(&text, qs..qe);
        prop_assert_eq!(resolve(&text, &anchor), Placement::Exact(qs..qe));

        let cut_from = boundaries(&before).into_iter().rev().nth(32).unwrap_or(0);
        let cut_to = qe + boundaries(&after).get(32).copied().unwrap_or(after.len());
        let mut edited = text.clone();
        edited.replace_range(cut_from..cut_to, "");
        prop_assert_eq!(resolve(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn resolve_is_total_on_arbitrary_input(
        text in any::<String>(),
        quote in ".{0,30}",
        prefix in ".{0,40}",
        suffix in ".{0,40}",
        start in prop_oneof![0usize..64, any::<usize>()],
        end in prop_oneof![0usize..64, any::<usize>()],
        cut in any::<(usize, usize)>(),
        mutation in any::<(usize, String)>(),
    ) {
        let anchor = Anchor { quote, prefix, suffix, start, end };
        let placed = resolve(&text, &anchor);
        if let Some(r) = placed.range() {
            prop_assert!(text.get(r.clone()).is_some(), "invalid range {r:?}");
        }

        // An anchor made from the text, resolved against a mutated copy.
        let made = Anchor::new(&text, cut.0 % (text.len() + 2)..cut.1 % (text.len() + 2));
        prop_assert!(made.start <= made.end);
        let mut mutated = text.clone();
        let b = boundaries(&mutated);
        mutated.insert_str(b[mutation.0 % b.len()], &mutation.1);
        for target in [&text, &mutated] {
            if let Some(r) = resolve(target, &made).range() {
                prop_assert!(target.get(r.clone()).is_some(), "invalid range {r:?}");
            }
        }
    }
}
