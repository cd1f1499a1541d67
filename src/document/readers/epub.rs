//! EPUB 2 and 3 front end: the zip container ([`archive`], with zip-bomb
//! limits), the OPF package ([`package`]: Dublin Core metadata, manifest,
//! spine), then every spine document in order through the HTML walker, as
//! one article. Notes are linked by anchor across files (`noteref` →
//! `endnotes.xhtml#note-3`, `<aside epub:type="footnote">`); notes in files
//! outside the spine are appended; the table of contents gives a chapter
//! its heading when the chapter has none of its own. A broken container,
//! a missing package file or a zip bomb is a one-line `Err`.

pub mod archive;
pub mod package;

use super::html::{self, meta::iso_date, notes::Notes, notes::Page, walk::Walker};
use super::{Reading, Stated};
use crate::document::raw::{Para, ParaKind};
use dom_query::Document;

/// Largest EPUB file read, in bytes.
pub const MAX_EPUB: usize = 512 << 20;
/// Most content documents read from one book.
const MAX_DOCS: usize = 5_000;

/// Reads an EPUB from its bytes.
///
/// # Errors
/// A one-line message when the book cannot be read.
pub fn read(bytes: &[u8]) -> Result<Reading<'static>, String> {
    if bytes.len() > MAX_EPUB {
        return Err(format!(
            "the book is {} MB; ibid reads EPUBs up to {} MB",
            bytes.len() >> 20,
            MAX_EPUB >> 20
        ));
    }
    let mut zip = archive::Archive::open(bytes)?;
    let opf_path = match zip.read("META-INF/container.xml") {
        Ok(c) => package::rootfile(&text(&c)),
        Err(_) => None,
    }
    .or_else(|| {
        zip.names()
            .into_iter()
            .find(|n| n.to_ascii_lowercase().ends_with(".opf"))
    })
    .ok_or("not a readable EPUB: it has no package file (META-INF/container.xml names none)")?;
    let opf = zip
        .read(&opf_path)
        .map_err(|e| format!("not a readable EPUB: its package file is missing ({e})"))?;
    let pkg = package::parse(&text(&opf), &opf_path);
    if pkg.spine.is_empty() {
        return Err("not a readable EPUB: its spine lists no chapters".into());
    }
    let toc = table_of_contents(&mut zip, &pkg);

    // Spine documents, then other XHTML files of the manifest (notes may live there).
    let mut names: Vec<String> = pkg.spine.clone();
    let spine_len = names.len();
    for it in &pkg.items {
        if it.media.contains("html") && !names.contains(&it.path) && !it.properties.contains("nav")
        {
            names.push(it.path.clone());
        }
    }
    names.truncate(MAX_DOCS);
    let mut docs: Vec<Option<Document>> = Vec::with_capacity(names.len());
    let mut missing = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match zip.read(n) {
            Ok(b) => docs.push(Some(Document::from(html::decode::decode(&b).text))),
            Err(e) if e.contains("zip bomb") || e.contains("expand") => return Err(e),
            Err(_) => {
                if i < spine_len {
                    missing.push(i);
                }
                docs.push(None);
            }
        }
    }
    if missing.len() == spine_len {
        return Err(
            "not a readable EPUB: none of the chapters its spine lists is in the archive".into(),
        );
    }
    let empty = Document::from("");
    let pages: Vec<Page> = names
        .iter()
        .zip(&docs)
        .map(|(n, d)| Page {
            name: n.clone(),
            doc: d.as_ref().unwrap_or(&empty),
        })
        .collect();
    let notes = Notes::find(&pages, spine_len, None);
    let mut w = Walker::new(&notes, false);
    for (i, page) in pages.iter().enumerate().take(spine_len) {
        let start = w.out.len();
        if missing.contains(&i) {
            let msg = format!(
                "[missing from the book: {}]",
                crate::document::clean::sanitize(&page.name)
            );
            w.out.push(Para::from_raw(msg.clone(), 0..msg.len(), true));
            continue;
        }
        let root = page.doc.body().unwrap_or_else(|| page.doc.root());
        w.walk_page(i, page, &root);
        chapter_heading(&mut w.out, start, &toc, &page.name);
    }
    w.finish(&pages);
    let mut paras = w.out;
    // The book's title heads it, so that the first chapter's heading stays
    // a chapter heading (in the outline) rather than being taken as the title.
    if let Some(t) = &pkg.title
        && paras.first().is_none_or(|p| p.text.trim() != t.as_str())
    {
        let mut h = Para::from_raw(t.clone(), 0..0, true);
        h.kind = ParaKind::Heading(1);
        paras.insert(0, h);
    }
    let stated = Stated {
        title: pkg.title.clone(),
        author: (!pkg.creators.is_empty()).then(|| pkg.creators.join(" and ")),
        date: pkg.date.as_deref().and_then(iso_date),
        description: pkg.description.clone(),
        source_url: pkg.url.clone(),
        language: pkg.language.clone(),
        ..Stated::default()
    };
    Ok(Reading {
        paras,
        stated,
        title_para: None,
    })
}

/// Bytes → text, honouring an XML declaration's encoding.
fn text(b: &[u8]) -> String {
    html::decode::decode(b).text
}

fn table_of_contents(zip: &mut archive::Archive, pkg: &package::Package) -> package::Toc {
    if let Some(nav) = package::nav_path(pkg)
        && let Ok(b) = zip.read(&nav)
    {
        let t = package::nav_toc(&text(&b), &nav);
        if !t.is_empty() {
            return t;
        }
    }
    match &pkg.ncx {
        Some(ncx) => zip
            .read(ncx)
            .map(|b| package::ncx_toc(&text(&b), ncx))
            .unwrap_or_default(),
        None => Vec::new(),
    }
}

/// Gives the chapter that starts at `out[start]` the TOC's title for its
/// file as a heading, unless its first paragraph is already a heading.
fn chapter_heading(out: &mut Vec<Para<'static>>, start: usize, toc: &package::Toc, name: &str) {
    if start >= out.len() || matches!(out[start].kind, ParaKind::Heading(_)) {
        return;
    }
    let Some((_, _, title, depth)) = toc.iter().find(|(p, f, _, _)| p == name && f.is_none())
    else {
        return;
    };
    let mut h = Para::from_raw(
        title.clone(),
        out[start].source.start..out[start].source.start,
        true,
    );
    h.kind = ParaKind::Heading((*depth).min(6));
    out.insert(start, h);
}
