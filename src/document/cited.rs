//! Marker candidates of every paragraph, scanned once (on two cores for a
//! big text) and kept for the markers pass; and where each label is first
//! cited, which confirms notes.

use super::InlineKind;
use super::conventions::{Candidate, Strength, label_of, scan};
use super::raw::{Para, ParaKind};
use rustc_hash::FxHashMap as HashMap;

/// Candidates in one paragraph, outside links, plus markup references.
pub(super) fn para_candidates(p: &Para, markup_code: bool) -> Vec<Candidate> {
    let refs = p
        .refs
        .iter()
        .map(|(r, l)| Candidate::new(r.clone(), l.clone(), Strength::Markup));
    if markup_code && p.kind == ParaKind::Code {
        return refs.collect();
    }
    let links: Vec<std::ops::Range<usize>> = p
        .inlines
        .iter()
        .filter(|(_, k)| matches!(k, InlineKind::Link { .. } | InlineKind::Code))
        .map(|(r, _)| r.clone())
        .chain(p.refs.iter().map(|(r, _)| r.clone()))
        .collect();
    let mut c = scan::candidates(&p.text, &links);
    if p.refs.is_empty()
        && let Some(lead) = super::conventions::bracket::leading(&p.text)
    {
        c.push(lead);
    }
    c.extend(refs);
    c.sort_by_key(|c| c.range.start);
    c
}

/// Every paragraph's candidates in one list, in paragraph order, each with
/// its paragraph's index; `scanned[i]` is the text length paragraph `i` was
/// scanned at (`usize::MAX`: not scanned), so a paragraph whose text changes
/// later is scanned again.
pub(super) struct Cached {
    pub(super) scanned: Vec<usize>,
    pub(super) all: Vec<(usize, Candidate)>,
}

/// Two candidate lists in paragraph order, from disjoint sets of paragraphs,
/// as one list in paragraph order.
pub(super) fn merge_by_para(
    a: Vec<(usize, Candidate)>,
    b: Vec<(usize, Candidate)>,
) -> Vec<(usize, Candidate)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for x in a {
        while let Some(y) = b.next_if(|y| y.0 < x.0) {
            out.push(y);
        }
        out.push(x);
    }
    out.extend(b);
    out
}

/// For each label, the first paragraph citing it; plus every paragraph's
/// candidates.
pub(super) fn first_citations(
    paras: &[Para],
    markup_code: bool,
) -> (HashMap<String, usize>, Cached) {
    // Each paragraph is scanned on its own, the two halves of a big text on
    // two cores, each into one flat list (a list per paragraph would all be
    // alive at once). A labelled paragraph (a note, a list item) cites
    // nothing here; it is scanned later only if it turns out to be body text.
    let n = paras.len();
    let mid = n / 2;
    let bytes = paras.iter().map(|p| p.text.len()).sum();
    let halves = super::par::map(2, bytes, |k| {
        let range = if k == 0 { 0..mid } else { mid..n };
        let mut all = Vec::new();
        let mut scanned = Vec::with_capacity(range.len());
        for i in range {
            let p = &paras[i];
            if label_of(&p.text).is_some() {
                scanned.push(usize::MAX);
                continue;
            }
            scanned.push(p.text.len());
            all.extend(para_candidates(p, markup_code).into_iter().map(|c| (i, c)));
        }
        (all, scanned)
    });
    let mut all = Vec::with_capacity(halves.iter().map(|h| h.0.len()).sum());
    let mut scanned = Vec::with_capacity(n);
    for (a, s) in halves {
        all.extend(a);
        scanned.extend(s);
    }
    let mut map = HashMap::default();
    let mut key = String::new();
    for (i, c) in &all {
        let bare = matches!(
            c.strength,
            Strength::Glued | Strength::Superscript | Strength::Interior
        );
        for l in c.labels() {
            if !map.contains_key(l) {
                map.insert(l.to_string(), *i);
            }
            if bare {
                key.clear();
                key.push(super::page_notes::BARE);
                key.push_str(l);
                if !map.contains_key(key.as_str()) {
                    map.insert(key.clone(), *i);
                }
            }
        }
    }
    (map, Cached { scanned, all })
}
