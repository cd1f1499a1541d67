//! Notes nothing cites: the ones that say they are notes, or look like the
//! notes found by their markers; and the look of the notes' back-links.

use super::{Found, Note, Notes, Page, marker_text, shape, unique_label};
use dom_query::NodeRef;
use rustc_hash::FxHashSet as HashSet;

impl Notes {
    /// Adds the notes nothing cites but that say they are notes (docutils'
    /// "unreferenced footnote", an EPUB footnote whose reference was cut,
    /// `role="doc-footnote"`) or are shaped like the cited ones (a Project
    /// Gutenberg `blockquote.footnote` whose marker the transcriber missed):
    /// a reader still finds them among the notes.
    pub(super) fn add_declared(&mut self, pages: &[Page], walked: usize, st: &mut Found) {
        // The tag and class of the cited notes, where the class says "note".
        let mut shapes: HashSet<(String, String)> = HashSet::default();
        for note in &self.list {
            let (p, id) = note.root;
            if let Some(el) = pages[p].doc.tree.get(&id)
                && let Some(class) = el.attr("class")
                && class.to_ascii_lowercase().contains("note")
                && !class.contains(['"', '\\'])
            {
                shapes.insert((shape::name_of(&el), class.to_string()));
            }
        }
        let mut sel = String::from("[role], aside, table, div.citation");
        for (tag, class) in &shapes {
            sel.push_str(&format!(", {tag}[class=\"{class}\"]"));
        }
        for (p, page) in pages.iter().enumerate() {
            for el in page.doc.select(&sel).nodes() {
                let shaped = || {
                    el.attr("class")
                        .is_some_and(|c| shapes.contains(&(shape::name_of(el), c.to_string())))
                        && shape::count_ids(el) + usize::from(el.has_attr("id")) > 0
                };
                // On a page only read for its notes (the full page behind
                // the extractor's cut), only a note with an id of its own:
                // the same note in the walked cut is the one kept.
                let own_id = el.attr("id").is_some_and(|id| {
                    self.ids.get(&format!("{}#{id}", page.name)) == Some(&(p, el.id))
                });
                let by_root = &st.by_root;
                if !(shape::declares_note(el) || shaped())
                    || (p >= walked && !own_id)
                    || by_root.contains_key(&(p, el.id))
                    || el
                        .ancestors_it(None)
                        .any(|x| by_root.contains_key(&(p, x.id)))
                    || el
                        .descendants_it()
                        .any(|x| by_root.contains_key(&(p, x.id)))
                {
                    continue;
                }
                let label = unique_label(&declared_label(el), self.list.len() + 1, &mut st.used);
                let root = (p, el.id);
                self.list.push(Note { label, root });
                st.by_root.insert(root, self.list.len() - 1);
                self.roots.insert(root, self.list.len() - 1);
            }
        }
    }

    /// Records the words of the notes' back-links (`(return)`, `↩`, `^`),
    /// so that a back-link whose marker is gone (a note nothing cites) is
    /// known by its look.
    pub(super) fn learn_back_texts(&mut self, pages: &[Page]) {
        for note in &self.list {
            let (p, id) = note.root;
            let Some(root) = pages[p].doc.tree.get(&id) else {
                continue;
            };
            for a in root.descendants_it() {
                if shape::name_of(&a) != "a" {
                    continue;
                }
                let back = a
                    .attr("href")
                    .is_some_and(|h| self.is_backlink(&pages[p].name, &h));
                let text = a.text().split_whitespace().collect::<Vec<_>>().join(" ");
                if back && !text.is_empty() && text.chars().count() <= 16 {
                    self.back_texts.insert(text);
                }
            }
        }
    }
}

/// The label an uncited note prints: its `.label` element (docutils), else
/// the first number near its start (`Footnote 205:`), else none.
fn declared_label(el: &NodeRef) -> String {
    let labelled = el
        .descendants_it()
        .filter(|d| {
            d.attr("class")
                .is_some_and(|c| c.split_whitespace().any(|w| w == "label"))
        })
        .map(|l| marker_text(&l))
        .find(|t| !t.is_empty());
    if let Some(l) = labelled {
        return l;
    }
    let text = el.text();
    let head: String = text.trim_start().chars().take(24).collect();
    head.split(|c: char| !c.is_ascii_digit())
        .find(|d| !d.is_empty())
        .unwrap_or_default()
        .to_string()
}
