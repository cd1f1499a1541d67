//! Footnotes stated by anchors: a link whose `href` names the id of a
//! note-like element is a marker, and that element (or the block around it)
//! is its note. This covers the generators people meet: Wikipedia
//! (`sup.reference` → `li#cite_note-…`), pandoc (`a.footnote-ref`,
//! `role="doc-noteref"` → `section.footnotes li#fn1`), kramdown/Jekyll and
//! Hugo (`sup#fnref:1 > a.footnote` → `li#fn:1`), Ghost/markdown-it
//! (`sup.footnote-ref` → `li.footnote-item`), Substack
//! (`a.footnote-anchor` → `div.footnote`), `WordPress` footnote blocks and
//! plugins, journal endnotes (`<sup><a href="#en3">`), EPUB
//! (`epub:type="noteref"` → `aside`/`li` `epub:type="footnote|endnote"`,
//! across files) and Project Gutenberg (`a.fnanchor` → `div.footnote`).
//! Nothing here guesses from the text: a link to a missing id is no marker.

use dom_query::{Document, NodeId, NodeRef};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One page of a reading: its path inside the book (`""` for a web page)
/// and its parsed tree.
pub struct Page<'d> {
    /// Path of the file, used to resolve `file.xhtml#id` links.
    pub name: String,
    /// The parsed page.
    pub doc: &'d Document,
}

/// A node of one page.
pub type At = (usize, NodeId);

/// One note found by its anchor.
#[derive(Debug, Clone)]
pub struct Note {
    /// Unique label shown in the marker (`1`, `note 2`, `a`).
    pub label: String,
    /// The note's element.
    pub root: At,
}

/// Every anchored note of a reading.
#[derive(Debug, Default)]
pub struct Notes {
    /// Notes in the order of their first marker.
    pub list: Vec<Note>,
    /// Marker elements → index into `list`.
    pub markers: HashMap<At, usize>,
    /// Note elements → index into `list`.
    pub roots: HashMap<At, usize>,
    /// `file#id` keys of the markers' own anchors, which back-links point to.
    pub marker_keys: HashSet<String>,
    /// The words of the back-links found (`(return)`).
    back_texts: HashSet<String>,
    /// Every `file#id` → its element, the first occurrence winning.
    ids: HashMap<String, At>,
    /// The web page's own address (`https://host/path`, no fragment): a
    /// saved page often links to its notes through it.
    own: Option<String>,
}

/// What [`Notes::find`] keeps while it reads the links.
#[derive(Default)]
pub(super) struct Found {
    /// Note elements → index into the list.
    by_root: HashMap<At, usize>,
    /// Accepted markers and their close wrappers: a link to one of them is
    /// a back-link, never a marker.
    marker_side: HashSet<At>,
    /// Labels given so far.
    used: HashSet<String>,
}

/// Longest marker text, in characters (`[note 12]`).
const MAX_MARKER: usize = 12;

impl Notes {
    /// Finds the notes of `pages`; only links in the first `walked` pages
    /// count as markers (later pages only supply notes that an extractor
    /// cut away).
    #[must_use]
    pub fn find(pages: &[Page], walked: usize, own_url: Option<&str>) -> Self {
        let mut n = Notes {
            own: own_url.map(url_key),
            ..Notes::default()
        };
        for (p, page) in pages.iter().enumerate() {
            for el in page.doc.select("[id], a[name]").nodes() {
                let id = el.attr("id").or_else(|| el.attr("name"));
                if let Some(id) = id {
                    n.ids
                        .entry(format!("{}#{id}", page.name))
                        .or_insert((p, el.id));
                }
            }
        }
        let mut st = Found::default();
        for (p, page) in pages.iter().enumerate().take(walked) {
            for a in page.doc.select("a[href]").nodes() {
                n.take_link(pages, p, a, &mut st);
            }
        }
        // Notes the extractor cut away are walked from the full page: the
        // references inside them (a note citing another) are markers too.
        let mut k = 0;
        while k < n.list.len() {
            let (p, id) = n.list[k].root;
            k += 1;
            if p < walked {
                continue;
            }
            let Some(root) = pages[p].doc.tree.get(&id) else {
                continue;
            };
            for a in root.descendants_it() {
                if shape::name_of(&a) == "a" && a.has_attr("href") {
                    n.take_link(pages, p, &a, &mut st);
                }
            }
        }
        n.add_declared(pages, walked, &mut st);
        n.learn_back_texts(pages);
        n
    }

    /// True when `text` is what this reading's back-links say.
    #[must_use]
    pub fn is_back_text(&self, text: &str) -> bool {
        !self.back_texts.is_empty()
            && self
                .back_texts
                .contains(&text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Takes link `a` of page `p` as a marker when it references a note.
    fn take_link(&mut self, pages: &[Page], p: usize, a: &NodeRef, st: &mut Found) {
        let name = &pages[p].name;
        let Some(key) = a.attr("href").and_then(|h| self.resolve(name, &h)) else {
            return;
        };
        let Some(&(tp, tid)) = self.ids.get(&key) else {
            return;
        };
        if st.marker_side.contains(&(tp, tid)) || self.markers.contains_key(&(p, a.id)) {
            return;
        }
        let Some(target) = pages[tp].doc.tree.get(&tid) else {
            return;
        };
        let text = marker_text(a);
        if !is_noteref(a, &target, &text) {
            return;
        }
        let Some(root) = note_root(&target) else {
            return;
        };
        let root = (tp, root.id);
        // A note's own back-link or label, unless the link says it is a
        // reference (docutils' note citing itself).
        if tp == p && is_inside(a, root.1) && !shape::says_noteref(a) {
            return;
        }
        let idx = *st.by_root.entry(root).or_insert_with(|| {
            let label = unique_label(&text, self.list.len() + 1, &mut st.used);
            self.list.push(Note { label, root });
            self.list.len() - 1
        });
        self.markers.insert((p, a.id), idx);
        self.roots.insert(root, idx);
        // The marker and its inline wrappers (`sup#fnref1`), up to the
        // block it sits in.
        let wrappers = a.ancestors_it(Some(3)).take_while(|x| {
            let n = shape::name_of(x);
            !super::filter::BLOCKS.contains(&n.as_str()) && !matches!(n.as_str(), "td" | "th")
        });
        let mut top = *a;
        for anc in std::iter::once(*a).chain(wrappers) {
            st.marker_side.insert((p, anc.id));
            if let Some(id) = anc.attr("id") {
                self.marker_keys.insert(format!("{name}#{id}"));
            }
            top = anc;
        }
        // An empty anchor set just before the marker (Project Gutenberg's
        // `<a id="footnotetag1"></a><a href="#footnote1">`) is where the
        // note's "(return)" link goes.
        if let Some(prev) = top.prev_element_sibling()
            && shape::name_of(&prev) == "a"
            && prev.text().trim().is_empty()
            && let Some(id) = prev.attr("id").or_else(|| prev.attr("name"))
        {
            st.marker_side.insert((p, prev.id));
            self.marker_keys.insert(format!("{name}#{id}"));
        }
    }

    /// The `file#id` a link on page `name` points to, if it is a back-link
    /// to one of the markers.
    #[must_use]
    pub fn is_backlink(&self, name: &str, href: &str) -> bool {
        self.resolve(name, href)
            .is_some_and(|k| self.marker_keys.contains(&k))
    }

    /// [`resolve`], plus links through the page's own address.
    fn resolve(&self, name: &str, href: &str) -> Option<String> {
        if let (Some(own), Some((path, frag))) = (&self.own, href.trim().split_once('#'))
            && !path.is_empty()
            && url_key(path) == *own
        {
            return resolve(name, &format!("#{frag}"));
        }
        resolve(name, href)
    }
}

/// `href` relative to the page `name` → `path#id`, for links with a fragment
/// that stay within the reading (`#x`, `notes.xhtml#x`, `../text/n.xhtml#x`).
#[must_use]
pub fn resolve(name: &str, href: &str) -> Option<String> {
    let (path, frag) = href.trim().split_once('#')?;
    if frag.is_empty() || path.contains("://") || path.starts_with("//") {
        return None;
    }
    let frag = percent_decode(frag);
    if path.is_empty() {
        return Some(format!("{name}#{frag}"));
    }
    if name.is_empty() {
        return None; // a web page linking to another page
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    Some(format!("{}#{frag}", percent_decode(&parts.join("/"))))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An address compared loosely: no scheme, `www.`, query or final slash.
fn url_key(u: &str) -> String {
    let u = u.split('#').next().unwrap_or(u);
    let u = u.split_once("://").map_or(u, |(_, r)| r);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_ascii_lowercase()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// The visible text of a marker, without brackets: `[12]` → `12`.
fn marker_text(a: &NodeRef) -> String {
    let t = a.text();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')') || c.is_whitespace())
        .to_string()
}

mod declared;
mod label;
mod shape;
use label::unique_label;
use shape::{is_inside, is_noteref, note_root};

#[cfg(test)]
mod tests;
