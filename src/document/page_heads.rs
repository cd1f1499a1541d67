//! Running heads found by where they stand on pages: with the pages known
//! (form feeds in text printed from a PDF, a PDF's own pages), the lines at
//! each page's top and foot that recur page after page.

use super::furniture::normalise;
use super::raw::Para;
use rustc_hash::FxHashMap as HashMap;

/// With pages known (form feeds, a PDF): the short paragraphs among the
/// first two and the last of a page whose words, page numbers aside, recur
/// at the edges of three or more pages (`Cite as: 570 U. S. ____ (2013)  3`,
/// `Opinion of the Court`).
pub fn page_heads(paras: &[Para], body: &[bool]) -> Vec<bool> {
    let n = paras.len();
    let mut out = vec![false; n];
    if paras.iter().all(|p| p.page.is_none()) {
        return out;
    }
    let page = |i: usize| paras[i].page;
    let at_edge = |i: usize| {
        let first = i == 0 || page(i - 1) != page(i);
        let second = i >= 1 && page(i - 1) == page(i) && (i == 1 || page(i - 2) != page(i));
        let last = i + 1 == n || page(i + 1) != page(i);
        first || second || last
    };
    let key = |p: &Para| -> Option<String> {
        // A line introducing what follows (`The value is:`) is text.
        if p.text.len() > 120 || p.text.trim_end().ends_with(':') {
            return None;
        }
        let words: Vec<String> = normalise(&p.text)
            .split(' ')
            .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string)
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    };
    let keys: Vec<Option<String>> = (0..n)
        .map(|i| {
            if body[i] && at_edge(i) {
                key(&paras[i])
            } else {
                None
            }
        })
        .collect();
    let mut pages: HashMap<&str, (Option<u32>, usize)> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            let e = pages.entry(k.as_str()).or_insert((None, 0));
            if e.0 != page(i) || e.1 == 0 {
                *e = (page(i), e.1 + 1);
            }
        }
    }
    for (i, k) in keys.iter().enumerate() {
        out[i] = k
            .as_deref()
            .is_some_and(|k| pages.get(k).is_some_and(|e| e.1 >= 3));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::raw::test_paras;

    #[test]
    fn lines_at_page_edges_that_recur_are_heads() {
        let mut p = test_paras(&[
            "Cite as: 570 U. S. ____ (2013)     1",
            "Opinion of the Court",
            "The body of page one runs on and on.",
            "Cite as: 570 U. S. ____ (2013)     2",
            "Opinion of the Court",
            "Opinion of the Court",
            "Cite as: 570 U. S. ____ (2013)     3",
            "Opinion of the Court",
            "More body on page three.",
            "Opinion of the Court",
        ]);
        let pages = [1, 1, 1, 2, 2, 2, 3, 3, 3, 3];
        for (q, n) in p.iter_mut().zip(pages) {
            q.page = Some(n);
        }
        let heads = page_heads(&p, &[true; 10]);
        assert_eq!(
            heads,
            [true, true, false, true, true, true, true, true, false, true]
        );
        // Without pages nothing is a head by position.
        let plain = test_paras(&["a", "a", "a"]);
        assert_eq!(page_heads(&plain, &[true; 3]), [false; 3]);
    }
}
