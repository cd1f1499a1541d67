//! The EPUB package: `META-INF/container.xml` names the OPF file, whose
//! metadata (Dublin Core), manifest and spine say what the book is and in
//! which order its files are read; the EPUB 3 navigation document or the
//! EPUB 2 NCX gives the table of contents. These XML files are parsed by
//! html5ever like the chapters: it expands no DTD entities, so an
//! "entity expansion" (billion laughs) file is inert text.

use crate::document::clean::sanitize;
use dom_query::{Document, NodeRef};

/// One manifest item.
#[derive(Debug, Clone)]
pub struct Item {
    /// The manifest id.
    pub id: String,
    /// Path inside the archive.
    pub path: String,
    /// Media type.
    pub media: String,
    /// EPUB 3 properties (`nav`, `cover-image`).
    pub properties: String,
}

/// What the OPF says.
#[derive(Debug, Default)]
pub struct Package {
    /// `dc:title` (the first).
    pub title: Option<String>,
    /// `dc:creator`s.
    pub creators: Vec<String>,
    /// `dc:date`.
    pub date: Option<String>,
    /// `dc:language`.
    pub language: Option<String>,
    /// `dc:description` (tags removed).
    pub description: Option<String>,
    /// A URL from `dc:source` or `dc:identifier`.
    pub url: Option<String>,
    /// The manifest.
    pub items: Vec<Item>,
    /// Spine order: paths of the files read in order.
    pub spine: Vec<String>,
    /// The NCX file (EPUB 2 table of contents).
    pub ncx: Option<String>,
}

fn name_of(n: &NodeRef) -> String {
    n.node_name()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default()
}

fn one(s: &str) -> Option<String> {
    let t = sanitize(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    (!t.is_empty()).then_some(t)
}

/// The OPF path `container.xml` names.
#[must_use]
pub fn rootfile(container: &str) -> Option<String> {
    let doc = Document::from(container);
    doc.root()
        .descendants_it()
        .filter(|n| name_of(n) == "rootfile")
        .find_map(|n| n.attr("full-path").map(|p| p.trim().to_string()))
}

/// `href` relative to the file `base` (both archive paths), percent-decoded.
#[must_use]
pub fn join(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let key = super::super::html::notes::resolve(base, &format!("{href}#x")).unwrap_or_default();
    key.strip_suffix("#x").unwrap_or(&key).to_string()
}

/// Parses the OPF at archive path `opf_path`.
#[must_use]
pub fn parse(opf: &str, opf_path: &str) -> Package {
    let doc = Document::from(opf);
    let mut p = Package::default();
    let mut spine_ids: Vec<String> = Vec::new();
    let mut identifiers = Vec::new();
    for n in doc.root().descendants_it() {
        match name_of(&n).as_str() {
            "dc:title" if p.title.is_none() => p.title = one(&n.text()),
            "dc:creator" => p.creators.extend(one(&n.text())),
            "dc:date" if p.date.is_none() => p.date = one(&n.text()),
            "dc:language" if p.language.is_none() => p.language = one(&n.text()),
            "dc:description" if p.description.is_none() => {
                let plain = Document::from(n.text().to_string())
                    .root()
                    .text()
                    .to_string();
                p.description = one(&plain);
            }
            "dc:source" | "dc:identifier" => identifiers.extend(one(&n.text())),
            "item" => {
                let (Some(id), Some(href)) = (n.attr("id"), n.attr("href")) else {
                    continue;
                };
                p.items.push(Item {
                    id: id.to_string(),
                    path: join(opf_path, &href),
                    media: n
                        .attr("media-type")
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                    properties: n
                        .attr("properties")
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                });
            }
            "spine" => {
                p.ncx = n.attr("toc").map(|t| t.to_string());
            }
            "itemref" => {
                if let Some(id) = n.attr("idref") {
                    spine_ids.push(id.to_string());
                }
            }
            _ => {}
        }
    }
    p.url = identifiers.iter().find_map(|i| {
        let u = i.strip_prefix("url:").unwrap_or(i);
        (u.starts_with("http://") || u.starts_with("https://")).then(|| u.to_string())
    });
    p.ncx = p
        .ncx
        .take()
        .and_then(|id| p.items.iter().find(|i| i.id == id).map(|i| i.path.clone()))
        .or_else(|| {
            p.items
                .iter()
                .find(|i| i.media == "application/x-dtbncx+xml")
                .map(|i| i.path.clone())
        });
    // An idref naming no manifest item is kept as itself, so that the book
    // can say which chapter is missing.
    p.spine = spine_ids
        .iter()
        .map(|id| {
            p.items
                .iter()
                .find(|i| &i.id == id)
                .map_or_else(|| format!("(manifest item {id})"), |i| i.path.clone())
        })
        .collect();
    p
}

/// The EPUB 3 navigation document's path, if the manifest names one.
#[must_use]
pub fn nav_path(p: &Package) -> Option<String> {
    p.items
        .iter()
        .find(|i| i.properties.split_whitespace().any(|w| w == "nav"))
        .map(|i| i.path.clone())
}

/// Table of contents entries: (archive path of the file, fragment, title, depth).
pub type Toc = Vec<(String, Option<String>, String, u8)>;

/// The TOC of an EPUB 3 navigation document at `path`.
#[must_use]
pub fn nav_toc(nav: &str, path: &str) -> Toc {
    let doc = Document::from(nav);
    let mut out = Vec::new();
    let navs = doc.select("nav");
    let toc = navs
        .nodes()
        .iter()
        .find(|n| n.attr("epub:type").is_some_and(|t| t.contains("toc")))
        .or_else(|| navs.nodes().first())
        .copied();
    let Some(toc) = toc else { return out };
    for a in toc.descendants_it().filter(|n| name_of(n) == "a") {
        let (Some(href), Some(title)) = (a.attr("href"), one(&a.text())) else {
            continue;
        };
        let depth = a
            .ancestors_it(None)
            .take_while(|x| x.id != toc.id)
            .filter(|x| name_of(x) == "ol")
            .count();
        let frag = href.split_once('#').map(|(_, f)| f.to_string());
        out.push((
            join(path, &href),
            frag,
            title,
            u8::try_from(depth.clamp(1, 6)).unwrap_or(1),
        ));
    }
    out
}

/// The TOC of an EPUB 2 NCX file at `path`.
#[must_use]
pub fn ncx_toc(ncx: &str, path: &str) -> Toc {
    let doc = Document::from(ncx);
    let mut out = Vec::new();
    for np in doc
        .root()
        .descendants_it()
        .filter(|n| name_of(n) == "navpoint")
    {
        let label = np
            .descendants_it()
            .find(|n| name_of(n) == "text")
            .and_then(|t| one(&t.text()));
        let src = np
            .descendants_it()
            .find(|n| name_of(n) == "content")
            .and_then(|c| c.attr("src"));
        let (Some(title), Some(src)) = (label, src) else {
            continue;
        };
        let depth = np
            .ancestors_it(None)
            .filter(|x| name_of(x) == "navpoint")
            .count()
            + 1;
        let frag = src.split_once('#').map(|(_, f)| f.to_string());
        out.push((
            join(path, &src),
            frag,
            title,
            u8::try_from(depth.clamp(1, 6)).unwrap_or(1),
        ));
    }
    out
}
