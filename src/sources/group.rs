//! Grouping notes into distinct works: identical references, `Ibid.` and `op. cit.` chains and same-work citations collapse into one [`Work`] row; plus the list's sort orders.

use super::parse::note_citations;
use super::text::normalise;
use super::{Citation, NoteInput, NoteKind, parse_note};
use serde::{Deserialize, Serialize};

/// One distinct cited work and every note and body marker citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    /// The fullest citation seen for the work (the first full one).
    pub citation: Citation,
    /// Labels of the notes citing it, `Ibid.`/`op. cit.`/identical ones
    /// included, in note order, each once.
    pub notes: Vec<String>,
    /// Labels of the body markers citing it, in note order, each once.
    pub markers: Vec<String>,
    /// 0-based index of the first note citing it.
    pub first: usize,
}

/// Groups notes into distinct works, in order of first citation.
///
/// A note with `same_as` cites what that note cites; `Ibid.`/`op. cit.`
/// with `refers_to` cite what the referred note cites (chains resolve
/// because referred notes come first); a note citing two works adds its
/// label to both; citations of the same work (same normalised title and
/// URL, or title and author surname; short forms by title prefix) merge.
/// An unresolved `op. cit.` becomes its own work from its short form; an
/// unresolved `Ibid.` and comments cite nothing.
#[must_use]
pub fn works(notes: &[NoteInput]) -> Vec<Work> {
    let mut works: Vec<Work> = Vec::new();
    let mut cites: Vec<Vec<usize>> = vec![Vec::new(); notes.len()];
    for (i, n) in notes.iter().enumerate() {
        let referred: Vec<usize> = n
            .refers_to
            .filter(|&j| j < i)
            .map(|j| cites[j].clone())
            .unwrap_or_default();
        let targets: Vec<usize> = if let Some(j) = n.same_as.filter(|&j| j < i) {
            cites[j].clone()
        } else {
            match parse_note(&n.text) {
                NoteKind::Ibid | NoteKind::OpCit if !referred.is_empty() => {
                    pick(&works, &referred, &note_citations(&n.text))
                }
                NoteKind::Comment | NoteKind::Ibid => Vec::new(),
                NoteKind::OpCit => place_all(&mut works, note_citations(&n.text), &[], i),
                NoteKind::Citation(cs) => place_all(&mut works, cs, &referred, i),
            }
        };
        for &w in &targets {
            let work = &mut works[w];
            push_unique(&mut work.notes, &n.label);
            for m in &n.markers {
                push_unique(&mut work.markers, m);
            }
        }
        cites[i] = targets;
    }
    works
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Which of the referred note's works an `Ibid.`/`op. cit.` means: the only
/// one, the one its short form names, else the last one.
fn pick(works: &[Work], referred: &[usize], short: &[Citation]) -> Vec<usize> {
    if referred.len() > 1 {
        let named = referred
            .iter()
            .copied()
            .find(|&w| short.iter().any(|c| loosely_same(c, &works[w].citation)));
        if let Some(w) = named {
            return vec![w];
        }
    }
    referred.last().map(|&w| vec![w]).unwrap_or_default()
}

/// Places each citation of one note on a work, creating works as needed.
fn place_all(works: &mut Vec<Work>, cs: Vec<Citation>, referred: &[usize], i: usize) -> Vec<usize> {
    let mut targets: Vec<usize> = Vec::new();
    let mut pending: Vec<Citation> = Vec::new();
    for c in cs {
        let found = referred
            .iter()
            .copied()
            .find(|&w| loosely_same(&c, &works[w].citation))
            .or_else(|| find_existing(works, &c));
        match found {
            Some(w) if !targets.contains(&w) => targets.push(w),
            Some(_) => {}
            None => pending.push(c),
        }
    }
    let referred_used = referred.iter().any(|w| targets.contains(w));
    for c in pending {
        let w = match referred.last() {
            Some(&w) if !referred_used && is_short(&c) && !targets.contains(&w) => w,
            _ => {
                works.push(Work {
                    citation: c,
                    notes: Vec::new(),
                    markers: Vec::new(),
                    first: i,
                });
                works.len() - 1
            }
        };
        targets.push(w);
    }
    targets
}

fn find_existing(works: &[Work], c: &Citation) -> Option<usize> {
    works
        .iter()
        .position(|w| same_work(&w.citation, c))
        .or_else(|| {
            is_short(c)
                .then(|| works.iter().rposition(|w| loosely_same(c, &w.citation)))
                .flatten()
        })
}

/// A short form names a work without container, date or URL.
fn is_short(c: &Citation) -> bool {
    c.container.is_none() && c.date.is_none() && c.url.is_none()
}

fn surname(c: &Citation) -> String {
    c.authors
        .first()
        .and_then(|a| a.split_whitespace().last())
        .map(normalise)
        .unwrap_or_default()
}

fn norm_url(u: &str) -> String {
    let u = u.trim().trim_end_matches('/');
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    u.strip_prefix("www.").unwrap_or(u).to_lowercase()
}

/// Same work: same normalised title and (same URL or same first-author
/// surname); two title-less citations with the same URL.
pub(crate) fn same_work(a: &Citation, b: &Citation) -> bool {
    let ta = a.title.as_deref().map(normalise).unwrap_or_default();
    let tb = b.title.as_deref().map(normalise).unwrap_or_default();
    let same_url = match (&a.url, &b.url) {
        (Some(x), Some(y)) => norm_url(x) == norm_url(y),
        _ => false,
    };
    if ta.is_empty() && tb.is_empty() {
        return same_url;
    }
    let sa = surname(a);
    ta == tb && (same_url || (!sa.is_empty() && sa == surname(b)))
}

/// A short form names a full citation: its title is the full title or a
/// word-prefix of it, and its author surname (if any) matches.
fn loosely_same(short: &Citation, full: &Citation) -> bool {
    let ts = short.title.as_deref().map(normalise).unwrap_or_default();
    let tf = full.title.as_deref().map(normalise).unwrap_or_default();
    if ts.is_empty() || !(tf == ts || tf.starts_with(&format!("{ts} "))) {
        return false;
    }
    let ss = surname(short);
    ss.is_empty() || ss == surname(full)
}

/// Sorts by first citation in the article (note order).
pub fn sort_by_first(works: &mut [Work]) {
    works.sort_by_key(|w| w.first);
}

/// Sorts by number of citing notes, most cited first; ties keep their order.
pub fn sort_by_count(works: &mut [Work]) {
    works.sort_by_key(|w| std::cmp::Reverse(w.notes.len()));
}

/// Sorts by the first author's surname (case-insensitive); works without an
/// author go last, by title; ties keep their order.
pub fn sort_by_author(works: &mut [Work]) {
    works.sort_by_cached_key(|w| {
        let s = surname(&w.citation);
        let title = w
            .citation
            .title
            .as_deref()
            .map(normalise)
            .unwrap_or_default();
        (s.is_empty(), s, title)
    });
}
