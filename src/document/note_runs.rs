//! Notes printed one after another in one paragraph (`[1335] 'Chapters,'
//! p. 111. [1336] 'Mind and Brain,' p. 327.`): each is a note of its own.
//! A run is only split at the next number of the sequence, set in the same
//! brackets after a sentence's end, so a note that cites `[4]` stays whole.

use super::raw::{Para, ParaKind};
use std::borrow::Cow;
use std::ops::Range;

/// Splits every paragraph from index `from` on that holds a run of
/// bracketed notes.
pub fn split(paras: &mut Vec<Para<'_>>, from: usize) {
    if !paras.iter().skip(from).any(|p| starts_run(p).is_some()) {
        return;
    }
    let old = std::mem::take(paras);
    for (i, p) in old.into_iter().enumerate() {
        let cuts = match starts_run(&p).filter(|_| i >= from) {
            Some(n) => cuts(&p.text, n),
            None => Vec::new(),
        };
        if cuts.is_empty() {
            paras.push(p);
            continue;
        }
        let mut bounds = vec![0];
        bounds.extend(&cuts);
        bounds.push(p.text.len());
        for (k, w) in bounds.windows(2).enumerate() {
            paras.push(piece(&p, w[0]..w[1], k == 0));
        }
    }
}

/// The number `N` of a plain paragraph that opens with `[N] `.
fn starts_run(p: &Para) -> Option<u64> {
    if !matches!(p.kind, ParaKind::Unknown | ParaKind::Paragraph) {
        return None;
    }
    let rest = p.text.strip_prefix('[')?;
    let close = rest.find(']')?;
    let digits = &rest[..close];
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !rest[close + 1..].starts_with(' ')
        || !rest.contains(&format!("[{}] ", digits.parse::<u64>().ok()? + 1))
    {
        return None;
    }
    digits.parse().ok()
}

/// Byte offsets where the notes after the first begin: `[N+1] `, then
/// `[N+2] `, each after a sentence's end.
fn cuts(text: &str, first: u64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut want = first + 1;
    let mut from = 0;
    while let Some(rel) = text[from..].find(&format!("[{want}] ")) {
        let at = from + rel;
        let before = text[..at].trim_end();
        let ends_sentence = before.ends_with(['.', '!', '?', ')', '\'', '"', '”', '’', ']']);
        if at > 0 && ends_sentence && text.as_bytes()[at - 1] == b' ' {
            out.push(at);
            want += 1;
        }
        from = at + 1;
    }
    out
}

/// The part `r` of `p` as a paragraph of its own.
fn piece<'a>(p: &Para<'a>, r: Range<usize>, first: bool) -> Para<'a> {
    let text = p.text[r.clone()].trim_end();
    let end = r.start + text.len();
    let inside = |x: &Range<usize>| x.start >= r.start && x.end <= end;
    let shift = |x: &Range<usize>| x.start - r.start..x.end - r.start;
    Para {
        text: match &p.text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[r.start..end]),
            Cow::Owned(s) => Cow::Owned(s[r.start..end].to_string()),
        },
        inlines: p
            .inlines
            .iter()
            .filter(|(x, _)| inside(x))
            .map(|(x, k)| (shift(x), k.clone()))
            .collect(),
        kind: p.kind.clone(),
        source: p.source.clone(),
        blank_before: p.blank_before || !first,
        refs: p
            .refs
            .iter()
            .filter(|(x, _)| inside(x))
            .map(|(x, l)| (shift(x), l.clone()))
            .collect(),
        page: p.page,
        hidden: p.hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::raw::test_paras;

    fn texts(paras: &[Para]) -> Vec<String> {
        paras.iter().map(|p| p.text.to_string()).collect()
    }

    #[test]
    fn a_run_of_notes_is_split_at_the_next_numbers() {
        let mut paras = test_paras(&[
            "Body text.",
            "[1335] 'Chapters,' 1858, p. 111. [1336] 'Mind and Brain,' vol. ii. [1337] Ibid., pp. 104-106. [1338] See Gratiolet.",
        ]);
        split(&mut paras, 0);
        assert_eq!(
            texts(&paras),
            [
                "Body text.",
                "[1335] 'Chapters,' 1858, p. 111.",
                "[1336] 'Mind and Brain,' vol. ii.",
                "[1337] Ibid., pp. 104-106.",
                "[1338] See Gratiolet."
            ]
        );
    }

    #[test]
    fn a_note_citing_another_number_stays_whole() {
        let lines = [
            "[3] As in note [4] below, and [5] too.",
            "[7] See [8] for the figures.",
            "[9] Compare [12]. [10] Other.",
        ];
        let mut paras = test_paras(&lines);
        split(&mut paras, 0);
        assert_eq!(
            texts(&paras),
            [lines[0], lines[1], "[9] Compare [12].", "[10] Other."]
        );
    }
}
