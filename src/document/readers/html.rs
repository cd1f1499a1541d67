//! HTML front end (`.html`, `.htm`, `.xhtml`, saved pages): html5ever parses
//! the page (through `dom_query`, the tree `dom_smoothie` works on), the
//! metadata comes from the page's `<meta>`/JSON-LD/`<time>`, a
//! readability extractor (`dom_smoothie`) keeps the article and drops the
//! chrome, and footnotes come from their anchors ([`notes`]). Notes the
//! extractor cut away are taken from the full page, so a marker never loses
//! its note. A page the extractor cannot read is walked whole, with chrome
//! skipped by element, role and class.

pub mod decode;
pub mod fields;
mod filter;
pub mod gutenberg;
pub mod meta;
pub mod notes;
pub mod walk;

use super::{Reading, Stated};
use dom_query::Document;
use notes::{Notes, Page};

/// Largest page read, in bytes; bigger files get a one-line refusal.
pub const MAX_HTML: usize = 64 << 20;

/// Reads an HTML page from its bytes (its declared charset honoured).
///
/// # Errors
/// A one-line message for a page too large to read.
pub fn read_bytes(bytes: &[u8]) -> Result<Reading<'static>, String> {
    if bytes.len() > MAX_HTML {
        return Err(format!(
            "the page is {} MB; ibid reads web pages up to {} MB",
            bytes.len() >> 20,
            MAX_HTML >> 20
        ));
    }
    let decoded = decode::decode(bytes);
    Ok(read_str(&decoded.text))
}

/// Reads decoded HTML text.
#[must_use]
pub fn read_str(html: &str) -> Reading<'static> {
    let full = Document::from(html);
    let stated: Stated = meta::stated(&full);
    // The extractor's work grows with nesting depth (8 s at 5,000 levels):
    // an absurdly deep page is walked whole instead.
    // A site whose article container is known (MediaWiki) needs no
    // extractor, which drops its infoboxes and short sections.
    let generated = generated_root(&full);
    let known = KNOWN_ROOTS
        .iter()
        .find_map(|sel| full.select(sel).nodes().first().map(|n| n.id))
        .or(generated);
    let gutenberg = gutenberg::is_gutenberg(html);
    let content = if known.is_some() || gutenberg || depth_over(&full, MAX_EXTRACT_DEPTH) {
        None
    } else {
        extract(html)
    };
    let (pages, walked) = match &content {
        Some(c) => (
            vec![
                Page {
                    name: String::new(),
                    doc: c,
                },
                Page {
                    name: String::new(),
                    doc: &full,
                },
            ],
            1,
        ),
        None => (
            vec![Page {
                name: String::new(),
                doc: &full,
            }],
            1,
        ),
    };
    let found = Notes::find(&pages, walked, stated.source_url.as_deref());
    // A generator's page has no site chrome: its asides and "sidebar"s are
    // the document's own.
    let mut w = walk::Walker::new(&found, generated.is_none());
    let root = match (content.is_none(), known.and_then(|id| full.tree.get(&id))) {
        (true, Some(r)) => r,
        _ => pages[0].doc.body().unwrap_or_else(|| pages[0].doc.root()),
    };
    w.walk_page(0, &pages[0], &root);
    w.finish(&pages);
    let mut paras = w.out;
    let mut stated = stated;
    if gutenberg {
        gutenberg::read(&mut paras, &mut stated);
    }
    if paras.is_empty() {
        // Nothing the walker could place (all chrome?): the page's text.
        let text = crate::document::clean::sanitize(&full.root().text());
        let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !folded.is_empty() {
            paras.push(crate::document::raw::Para::from_raw(
                folded.clone(),
                0..folded.len(),
                true,
            ));
        }
    }
    Reading {
        paras,
        stated,
        title_para: None,
    }
}

/// Article containers of sites that are walked without the extractor
/// (`MediaWiki`'s content area: Wikipedia and every other wiki on it).
const KNOWN_ROOTS: &[&str] = &["#mw-content-text"];

/// Document generators whose page is the whole document, with no site
/// around it: the extractor, which drops short sections (docutils' two-line
/// "Meta" section with its note), is not needed.
const GENERATORS: &[&str] = &[
    "docutils",
    "pandoc",
    "makeinfo",
    "texi2any",
    "texi2html",
    "latexml",
    "asciidoctor",
    "org mode",
];

/// The content root of a page made by one of [`GENERATORS`] (stated in
/// `<meta name="generator">`): its `main`, docutils' `div.document`, or the body.
fn generated_root(doc: &Document) -> Option<dom_query::NodeId> {
    let generated = doc.select("meta[name]").nodes().iter().any(|m| {
        m.attr("name")
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("generator"))
            && m.attr("content").is_some_and(|c| {
                let c = c.trim().to_ascii_lowercase();
                GENERATORS.iter().any(|g| c.starts_with(g))
            })
    });
    if !generated {
        return None;
    }
    ["main", "div.document", "body"]
        .iter()
        .find_map(|sel| doc.select(sel).nodes().first().map(|n| n.id))
}

/// Deepest nesting handed to the extractor.
const MAX_EXTRACT_DEPTH: usize = 256;

/// True when some element is nested deeper than `max`.
fn depth_over(doc: &Document, max: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((n, d)) = stack.pop() {
        if d > max {
            return true;
        }
        for c in n.children_it(false) {
            if c.is_element() {
                stack.push((c, d + 1));
            }
        }
    }
    false
}

/// The article's part of the page, by `dom_smoothie` (readability), or
/// `None` when it finds no article (the whole page is then walked).
fn extract(html: &str) -> Option<Document> {
    let cfg = dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    if article.text_content.trim().len() < 200 {
        return None;
    }
    Some(Document::from(article.content.to_string()))
}
