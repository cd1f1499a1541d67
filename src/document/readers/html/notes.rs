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
    /// Every `file#id` → its element, the first occurrence winning.
    ids: HashMap<String, At>,
    /// The web page's own address (`https://host/path`, no fragment): a
    /// saved page often links to its notes through it.
    own: Option<String>,
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
        let mut by_root: HashMap<At, usize> = HashMap::default();
        // Accepted markers and their close wrappers: a link to one of them
        // is a back-link, never a marker.
        let mut marker_side: HashSet<At> = HashSet::default();
        let mut used: HashSet<String> = HashSet::default();
        for (p, page) in pages.iter().enumerate().take(walked) {
            for a in page.doc.select("a[href]").nodes() {
                let Some(key) = a.attr("href").and_then(|h| n.resolve(&page.name, &h)) else {
                    continue;
                };
                let Some(&(tp, tid)) = n.ids.get(&key) else {
                    continue;
                };
                if marker_side.contains(&(tp, tid)) {
                    continue;
                }
                let Some(target) = pages[tp].doc.tree.get(&tid) else {
                    continue;
                };
                let text = marker_text(a);
                if !is_noteref(a, &target, &text) {
                    continue;
                }
                let Some(root) = note_root(&target) else {
                    continue;
                };
                let root = (tp, root.id);
                if tp == p && is_inside(a, root.1) {
                    continue; // a note's own back-link or label
                }
                let idx = *by_root.entry(root).or_insert_with(|| {
                    let label = unique_label(&text, n.list.len() + 1, &mut used);
                    n.list.push(Note { label, root });
                    n.list.len() - 1
                });
                n.markers.insert((p, a.id), idx);
                n.roots.insert(root, idx);
                for anc in std::iter::once(*a).chain(a.ancestors_it(Some(3))) {
                    marker_side.insert((p, anc.id));
                    if let Some(id) = anc.attr("id") {
                        n.marker_keys.insert(format!("{}#{id}", page.name));
                    }
                }
            }
        }
        n
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

fn attr_has(n: &NodeRef, attr: &str, words: &[&str]) -> bool {
    n.attr(attr).is_some_and(|v| {
        let v = v.to_ascii_lowercase();
        words.iter().any(|w| v.contains(w))
    })
}

fn name_of(n: &NodeRef) -> String {
    n.node_name()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default()
}

/// True when link `a` (text `text`) to `target` is a footnote reference.
fn is_noteref(a: &NodeRef, target: &NodeRef, text: &str) -> bool {
    if text.is_empty() || text.chars().count() > MAX_MARKER {
        return false;
    }
    // Wikipedia's author-date links (`Bain 2006` → `#CITEREFBain2006`)
    // point into the bibliography: citations, not footnote markers.
    // The same links to a hand-set id (`Aditi 2008` → `cite#Aditi2008`):
    // the target is a bibliography entry, a `cite.citation`.
    if target
        .attr("id")
        .is_some_and(|id| id.starts_with("CITEREF"))
        || (name_of(target) == "cite" && attr_has(target, "class", &["citation"]))
    {
        return false;
    }
    if target.ancestors_it(Some(2)).any(|x| {
        matches!(
            name_of(&x).as_str(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
    }) {
        return false; // a link to a section
    }
    let tname = name_of(target);
    if matches!(
        tname.as_str(),
        "h1" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "body"
            | "html"
            | "ol"
            | "ul"
            | "table"
            | "section"
            | "article"
            | "main"
            | "nav"
    ) && !is_note_element(target)
    {
        return false;
    }
    let in_sup = a.ancestors_it(Some(2)).any(|x| name_of(&x) == "sup")
        || a.descendants_it().any(|x| name_of(&x) == "sup");
    let says = attr_has(a, "epub:type", &["noteref"])
        || attr_has(a, "role", &["doc-noteref"])
        || attr_has(
            a,
            "class",
            &[
                "footnote", "fnref", "noteref", "fnanchor", "endnote", "fn-ref", "ftn",
            ],
        )
        || a.parent()
            .is_some_and(|p| attr_has(&p, "class", &["reference", "footnote", "fn"]));
    says || (in_sup && !text.is_empty()) || is_note_element(target) || looks_like_note_id(target)
}

/// An element that declares itself a note, or sits in a notes container.
fn is_note_element(n: &NodeRef) -> bool {
    let own = |x: &NodeRef| {
        attr_has(x, "epub:type", &["footnote", "endnote", "rearnote", "note"])
            || attr_has(x, "role", &["doc-endnote", "doc-footnote", "doc-endnotes"])
            || attr_has(
                x,
                "class",
                &["footnote", "endnote", "references", "reflist", "fn-"],
            )
    };
    own(n) || n.ancestors_it(Some(4)).any(|x| own(&x))
}

/// `fn1`, `fn:1`, `note-3`, `cite_note-x`, `_ftn2`, `en4`, `ref5`: a note's
/// prefix followed by something other than a letter (`References` is none).
fn looks_like_note_id(n: &NodeRef) -> bool {
    n.attr("id").or_else(|| n.attr("name")).is_some_and(|id| {
        let id = id.to_ascii_lowercase();
        [
            "fn",
            "note",
            "cite_note",
            "endnote",
            "ftn",
            "_ftn",
            "edn",
            "_edn",
            "en",
            "footnote",
            "ref",
        ]
        .iter()
        .any(|p| {
            id.strip_prefix(p)
                .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphabetic()))
        })
    })
}

/// The element holding the note that `target` names: the target itself when
/// it is a block, else its nearest block ancestor (and that block's parent
/// when it is a one-note wrapper such as Substack's `div.footnote`).
fn note_root<'a>(target: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    const BLOCKS: &[&str] = &[
        "li",
        "aside",
        "dd",
        "p",
        "div",
        "section",
        "td",
        "blockquote",
        "tr",
        "dt",
    ];
    let mut n = *target;
    for _ in 0..6 {
        let name = name_of(&n);
        if BLOCKS.contains(&name.as_str()) {
            if name == "p"
                && let Some(parent) = n.parent()
                && matches!(name_of(&parent).as_str(), "li" | "aside" | "div")
                && is_note_element(&parent)
                // Every id inside the wrapper is this note's (the `<p>`'s
                // own or its children's): a `div.footnote` holding two notes'
                // paragraphs is a list of notes, not one note's wrapper.
                && count_ids(&parent) <= usize::from(n.has_attr("id")) + count_ids(&n)
                && !parent.descendants_it().any(|d| {
                    matches!(
                        name_of(&d).as_str(),
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                    )
                })
            {
                return Some(parent);
            }
            return Some(n);
        }
        n = n.parent()?;
    }
    None
}

fn count_ids(n: &NodeRef) -> usize {
    n.descendants_it().filter(|d| d.has_attr("id")).count()
}

fn is_inside(a: &NodeRef, root: NodeId) -> bool {
    a.id == root || a.ancestors_it(None).any(|x| x.id == root)
}

mod label;
use label::unique_label;

#[cfg(test)]
mod tests;
