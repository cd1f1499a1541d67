//! Tests of the work key, the stem of a located citation and its word reader.

use super::*;
use proptest::prelude::*;

/// The stem as first written: normalise the whole note, then split it.
fn stem_by_norm(text: &str) -> Option<String> {
    let n = norm(text);
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            || (!w.is_empty() && w.len() <= 6 && w.chars().all(|c| "ivxlcdm".contains(c)))
    };
    let words: Vec<(usize, &str)> = n
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let k = (1..words.len()).find(|&k| {
        locator(words[k].1.as_bytes()) && words.get(k + 1).is_some_and(|x| numeric(x.1))
    })?;
    let stem = n.get(..words[k].0.saturating_sub(1)).unwrap_or("");
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    (k >= 2 && letters >= 10).then(|| stem.to_string())
}

#[test]
fn stems_of_real_located_citations() {
    // Gutenberg natural-history notes (Seemann) and a journal citation.
    assert_eq!(
        work_stem("Seemann: Voy. Herald, Vol. I, p. 313."),
        Some("seemann voy herald".to_string())
    );
    assert_eq!(
        work_stem("Bancroft, Native Races, vol. iv, chap. ii."),
        Some("bancroft native races".to_string())
    );
    assert_eq!(
        work_stem("Smith, “The Long Title”, The Journal, no. 4 (2013), pp. 12–19."),
        Some("smith the long title the journal".to_string())
    );
    // No locator, a locator as the second word, too few letters.
    assert_eq!(
        work_stem("Author 1, “A Title”, The Journal, 2 Nov, 2013"),
        None
    );
    assert_eq!(work_stem("Ibid, p. 5."), None);
    assert_eq!(work_stem("A. B. C., p. 5."), None);
}

#[test]
fn punctuation_block_reads_as_the_unicode_tables_say() {
    for c in ('\u{80}'..='\u{3000}').chain(['\u{FEFF}', '\u{1D400}']) {
        let table = (
            c.is_whitespace() || matches!(c, '–' | '—'),
            c.is_alphanumeric(),
        );
        assert_eq!(char_class(c), table, "{c:?}");
    }
}

proptest! {
    #[test]
    fn stem_equals_the_normalised_split(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "Smith", "VOL.", "p.", "Pp", "chap", "iv", "XII", "313,", "(no.", "12)", "“Title”",
                "–", "—", "/", "-", "é", "Kraków", "\u{2003}", "a.b", ",", "\t", "sec.", "4a", "İ",
            ]),
            0..12,
        ),
        seps in prop::collection::vec(prop::sample::select(vec![" ", "", "-", "\u{2009}"]), 12),
    ) {
        let mut text = String::new();
        for (w, s) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(s);
        }
        prop_assert_eq!(work_stem(&text), stem_by_norm(&text));
    }
}
