//! What the walker leaves out or tidies: hidden elements, page chrome
//! (by role, and by class or id words on web pages), back-links inside
//! notes, a note's own leading number; and `<sup>` numbers that link
//! nowhere, kept as superscript digits for the plain-text conventions.

use super::notes::Notes;
use crate::document::raw::{Para, ParaKind};
use dom_query::NodeRef;

/// Elements whose content is never text.
pub const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "button", "input", "select", "textarea", "head", "title", "meta", "link", "video", "audio",
    "map", "dialog", "nav", "form",
];

/// Elements that start and end a paragraph.
pub const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "caption",
    "center",
    "hgroup",
    "aside",
    "body",
];

/// Class or id words that mark page chrome on the web.
const CHROME: &[&str] = &[
    "share",
    "sharing",
    "social",
    "cookie",
    "cookies",
    "consent",
    "related",
    "comments",
    "comment",
    "newsletter",
    "subscribe",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "advert",
    "ads",
    "promo",
    "navbox",
    "catlinks",
    "toc",
    "banner",
    "popup",
    "modal",
    "editsection",
    "printfooter",
    "jump",
    "skip",
    "menu",
    "navigation",
    "footer-nav",
    "paywall",
];

/// Hidden by an attribute (`hidden`, `aria-hidden`) or inline style.
#[must_use]
pub fn set_hidden(n: &NodeRef) -> bool {
    n.has_attr("hidden")
        || n.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || n.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// Hidden by attribute or inline style, or page chrome on the web.
#[must_use]
pub fn hidden(web: bool, n: &NodeRef, name: &str) -> bool {
    if set_hidden(n) {
        return true;
    }
    if n.attr("role").is_some_and(|r| {
        matches!(
            r.trim(),
            "navigation" | "banner" | "contentinfo" | "search" | "complementary"
        )
    }) {
        return true;
    }
    // The printed book's page numbers set in the margin (Project Gutenberg's
    // `<span class="pagenum">[Pg 9]</span>`, EPUB page-break markers): not
    // the text's words, and left inline they end sentences with `[Pg 9]`.
    if n.attr("class").is_some_and(|c| {
        c.split_whitespace()
            .any(|w| matches!(w, "pagenum" | "pageno" | "page-number"))
    }) || n.attr("epub:type").is_some_and(|t| t.contains("pagebreak"))
        || n.attr("role").is_some_and(|r| r.trim() == "doc-pagebreak")
    {
        return true;
    }
    if !web || matches!(name, "body" | "html" | "main" | "article") {
        return false;
    }
    if name == "aside" {
        return true;
    }
    // A section title linking back to the table of contents (docutils and
    // Sphinx: `h3 > a.toc-backref`) is the title, not chrome.
    if name == "a"
        && n.parent().is_some_and(|p| {
            p.node_name().is_some_and(|x| {
                matches!(
                    x.to_ascii_lowercase().as_str(),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                )
            })
        })
    {
        return false;
    }
    let words = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| CHROME.contains(&w.to_ascii_lowercase().as_str()))
    };
    n.attr("class").is_some_and(|c| words(&c)) || n.attr("id").is_some_and(|c| words(&c))
}

/// A link or wrapper inside a note that only points back to its marker.
#[must_use]
pub fn is_backlink(notes: &Notes, page: &str, n: &NodeRef, name: &str) -> bool {
    let class = n
        .attr("class")
        .map(|c| c.to_ascii_lowercase())
        .unwrap_or_default();
    if class.contains("mw-cite-backlink")
        || class.contains("footnote-back")
        || class.contains("reversefootnote")
        || class.contains("backref")
    {
        return true;
    }
    if name != "a" {
        return false;
    }
    if n.attr("role").is_some_and(|r| r.contains("doc-backlink"))
        || n.attr("epub:type").is_some_and(|r| r.contains("backlink"))
        || n.attr("href").is_some_and(|h| {
            notes.is_backlink(page, &h)
                || (h.trim().starts_with('#') && notes.is_back_text(&n.text()))
        })
    {
        return true;
    }
    let t = n.text();
    let t = t.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '↩' | '↑' | '^' | '⤴' | '\u{FE0E}' | '\u{FE0F}' | ' '))
}

/// A note's own label or list of back-references as docutils and Sphinx set
/// them (`span.label` holding `[1]`, html4css1's `td.label` cell,
/// `span.backrefs` holding `(1, 2)` or an `<em>(1, 2)</em>` of `fn-backref`
/// links, a stray `span.fn-bracket`): the note's label is known, and the
/// back-references are links back.
#[must_use]
pub fn note_label(n: &NodeRef, name: &str) -> bool {
    let class_is = |want: &[&str]| {
        n.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|w| want.contains(&w)))
    };
    match name {
        "span" => class_is(&["label", "backrefs", "fn-backref", "fn-bracket"]),
        "td" => class_is(&["label"]),
        "em" => {
            n.descendants_it().any(|d| {
                d.attr("class")
                    .is_some_and(|c| c.split_whitespace().any(|w| w == "fn-backref"))
            }) && n
                .text()
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '(' | ')' | ','))
        }
        _ => false,
    }
}

/// A `<sup>` holding only a short number (no link inside).
#[must_use]
pub fn plain_number(n: &NodeRef) -> bool {
    if n.descendants_it()
        .any(|d| d.node_name().is_some_and(|x| x.eq_ignore_ascii_case("a")))
    {
        return false;
    }
    let t = n.text();
    let t = t.trim();
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Drops a note's own number (`3.`, `[3]`, `3)`) and stray punctuation
/// left by a removed back-link from the start of its first paragraph.
pub fn strip_label(p: &mut Para<'static>) {
    let ParaKind::FootnoteDef(label) = &p.kind else {
        return;
    };
    let label = crate::document::printed_label(label);
    let t = p.text.as_ref();
    let mut cut = t.len() - t.trim_start().len();
    let rest = &t[cut..];
    for form in [
        format!("[{label}]"),
        format!("{label}."),
        format!("{label})"),
        format!("{label}:"),
    ] {
        if rest.starts_with(&form) {
            cut += form.len();
            break;
        }
    }
    let rest = &t[cut..];
    let punct = rest.len()
        - rest
            .trim_start_matches(|c: char| c == '.' || c == ')' || c == ':' || c.is_whitespace())
            .len();
    cut += punct;
    if cut == 0 || cut >= t.len() {
        return;
    }
    p.text.to_mut().drain(..cut);
    let shift = |r: &std::ops::Range<usize>| r.start.saturating_sub(cut)..r.end.saturating_sub(cut);
    p.inlines = p
        .inlines
        .iter()
        .map(|(r, k)| (shift(r), k.clone()))
        .filter(|(r, _)| !r.is_empty())
        .collect();
    p.refs = p
        .refs
        .iter()
        .filter(|(r, _)| r.start >= cut)
        .map(|(r, l)| (shift(r), l.clone()))
        .collect();
}

#[must_use]
pub fn superscript(c: char) -> char {
    match c {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        d => d
            .to_digit(10)
            .and_then(|v| char::from_u32(0x2070 + v))
            .unwrap_or(d),
    }
}

/// A heading's section number set in an element of its own
/// (`span.secnum` `2.4` beside `span.sectitle`, Texinfo; docutils'
/// `span.sectnum`; pandoc's `span.header-section-number`): a space follows it.
#[must_use]
pub fn number_span(n: &NodeRef) -> bool {
    n.attr("class").is_some_and(|c| {
        c.split_whitespace().any(|w| {
            matches!(
                w,
                "secnum" | "sectnum" | "section-number" | "header-section-number" | "chapternum"
            )
        })
    })
}

/// The text of heading `h`, a space after its number element.
#[must_use]
pub fn heading_text(h: &NodeRef) -> String {
    fn go(n: &NodeRef, out: &mut String) {
        for c in n.children_it(false) {
            if c.is_text() {
                out.push_str(&c.text());
            } else if c.is_element() {
                go(&c, out);
                if number_span(&c) {
                    out.push(' ');
                }
            }
        }
    }
    let mut out = String::new();
    go(h, &mut out);
    out
}

/// A link that only jumps within the page, shown as an arrow (`⇡` to the
/// top, `⇣` to the bottom): navigation, not text.
#[must_use]
pub fn jump_link(n: &NodeRef) -> bool {
    n.attr("href").is_some_and(|h| h.trim().starts_with('#')) && {
        let t = n.text();
        let t = t.trim();
        !t.is_empty()
            && t.chars()
                .all(|c| matches!(c, '⇡' | '⇣' | '↑' | '↓' | '⇧' | '⇩' | '▲' | '▼' | '⤒' | '⤓'))
    }
}
