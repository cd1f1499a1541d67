//! What an element is, for note finding: a footnote reference, a note,
//! the block that holds a note.

use super::MAX_MARKER;
use dom_query::{NodeId, NodeRef};

pub(super) fn attr_has(n: &NodeRef, attr: &str, words: &[&str]) -> bool {
    n.attr(attr).is_some_and(|v| {
        let v = v.to_ascii_lowercase();
        words.iter().any(|w| v.contains(w))
    })
}

pub(super) fn name_of(n: &NodeRef) -> String {
    n.node_name()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default()
}

/// True when link `a` (text `text`) to `target` is a footnote reference.
pub(super) fn is_noteref(a: &NodeRef, target: &NodeRef, text: &str) -> bool {
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
        && !is_citation_entry(target)
    {
        return false;
    }
    if is_backref(a) {
        return false;
    }
    if claims_citation(a) {
        return cites_entry(a, target);
    }
    let in_sup = a.ancestors_it(Some(2)).any(|x| name_of(&x) == "sup")
        || a.descendants_it().any(|x| name_of(&x) == "sup");
    let says = says_noteref(a)
        || attr_has(
            a,
            "class",
            &[
                "footnote", "fnref", "noteref", "fnanchor", "endnote", "fn-ref", "ftn",
            ],
        )
        || a.parent().is_some_and(|p| {
            // A marker's wrapper (`sup.reference`, `span.footnote`), not the
            // note it sits in (a `blockquote.footnote`'s "(return)" link).
            matches!(
                name_of(&p).as_str(),
                "sup" | "span" | "small" | "b" | "strong"
            ) && attr_has(&p, "class", &["reference", "footnote", "fn"])
        });
    // From inside a note, a link to an empty anchor in the text (`<a
    // id="footnotetag1"></a>` beside the marker) is the note's way back.
    if is_empty_anchor(target)
        && is_note_element(a)
        && !is_note_element(target)
        && !looks_like_note_id(target)
    {
        return false;
    }
    says || (in_sup && !text.is_empty())
        || ((is_note_element(target) || looks_like_note_id(target)) && label_like(a, text))
}

/// Text a note's marker could be: short (`12`, `a`, `iv`, `*`), holding a
/// number (`note 3`), or set in brackets (`[Rivest]`). A word such as
/// docutils' "backlink" from an error message into a note is a link.
fn label_like(a: &NodeRef, text: &str) -> bool {
    let raw = a.text();
    let raw = raw.trim();
    text.chars().count() <= 4
        || text.chars().any(|c| c.is_ascii_digit())
        || (raw.starts_with('[') && raw.ends_with(']'))
}

/// An element with no text and no element inside: a bare anchor.
fn is_empty_anchor(n: &NodeRef) -> bool {
    n.text().trim().is_empty() && !n.children_it(false).any(|c| c.is_element())
}

/// The link says it is a note reference (`role="doc-noteref"`, EPUB's
/// `noteref`, docutils' `footnote-reference`).
pub(super) fn says_noteref(a: &NodeRef) -> bool {
    attr_has(a, "epub:type", &["noteref"])
        || attr_has(a, "role", &["doc-noteref"])
        || attr_has(a, "class", &["footnote-reference"])
}

/// A link back from a note to its markers (`role="doc-backlink"`,
/// docutils' `a.fn-backref` and `span.backrefs`), never a marker itself
/// even though its target sits in a note.
fn is_backref(a: &NodeRef) -> bool {
    attr_has(a, "role", &["doc-backlink"])
        || attr_has(a, "epub:type", &["backlink"])
        || attr_has(
            a,
            "class",
            &["fn-backref", "footnote-back", "reversefootnote"],
        )
        || a.parent().is_some_and(|p| {
            p.attr("class")
                .is_some_and(|c| c.split_whitespace().any(|w| w == "backrefs"))
        })
}

/// A labelled citation (docutils and Sphinx: `a.citation-reference`
/// `[CIT2002]` → `div.citation`; a numbered bibliography's `[3]` with
/// `role="doc-biblioref"`): a reference the reader opens like a note. An
/// author-date link (`Smith 2000`) stays a link into the bibliography.
fn cites_entry(a: &NodeRef, target: &NodeRef) -> bool {
    let t = a.text();
    let t = t.trim();
    let bracketed = t.starts_with('[') && t.ends_with(']');
    bracketed || t.chars().all(|c| c.is_ascii_digit()) || is_citation_entry(target)
}

/// The link says it cites a bibliography entry (`a.citation-reference`,
/// `role="doc-biblioref"`: docutils, pandoc's citeproc).
fn claims_citation(a: &NodeRef) -> bool {
    attr_has(a, "class", &["citation-reference"]) || attr_has(a, "role", &["doc-biblioref"])
}

/// An entry of a labelled citation list that is a note to its reader:
/// docutils' `div.citation` / `table.citation` (the class word itself, not
/// Wikipedia's `cite.citation`, which is a reference's formatted title).
pub(super) fn is_citation_entry(n: &NodeRef) -> bool {
    name_of(n) != "cite"
        && n.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|w| w == "citation"))
}

/// A note set as a table of its own (docutils html4css1:
/// `table.docutils.footnote`, `table.docutils.citation`, one per note).
pub(super) fn is_note_table(n: &NodeRef) -> bool {
    name_of(n) == "table"
        && n.attr("class").is_some_and(|c| {
            c.split_whitespace()
                .any(|w| matches!(w, "footnote" | "citation"))
        })
}

/// An element that says it is a note whether or not anything cites it:
/// `role="doc-footnote"`/`doc-endnote`, an EPUB `aside` of type footnote or
/// endnote, a docutils note table or citation entry.
pub(super) fn declares_note(n: &NodeRef) -> bool {
    let words = |attr: &str, want: &[&str]| {
        n.attr(attr).is_some_and(|v| {
            v.split_whitespace()
                .any(|w| want.contains(&w.to_ascii_lowercase().as_str()))
        })
    };
    words("role", &["doc-footnote", "doc-endnote"])
        || (name_of(n) == "aside" && words("epub:type", &["footnote", "endnote", "rearnote"]))
        || is_note_table(n)
        || (name_of(n) == "div" && is_citation_entry(n))
}

/// An element that declares itself a note, or sits in a notes container.
pub(super) fn is_note_element(n: &NodeRef) -> bool {
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
pub(super) fn looks_like_note_id(n: &NodeRef) -> bool {
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
pub(super) fn note_root<'a>(target: &NodeRef<'a>) -> Option<NodeRef<'a>> {
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
    if is_note_table(target) {
        return Some(*target);
    }
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
                && count_ids(&parent) <= usize::from(is_anchor(&n)) + count_ids(&n)
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

/// How many anchors (`id`s, and `<a name>`s as Texinfo sets them) `n` holds.
pub(super) fn count_ids(n: &NodeRef) -> usize {
    n.descendants_it().filter(is_anchor).count()
}

fn is_anchor(n: &NodeRef) -> bool {
    n.has_attr("id") || (n.has_attr("name") && name_of(n) == "a")
}

pub(super) fn is_inside(a: &NodeRef, root: NodeId) -> bool {
    a.id == root || a.ancestors_it(None).any(|x| x.id == root)
}
