//! The non-interactive subcommands (`sources`, `export`): each returns the
//! text to print, so that only `main` writes to stdout.

use crate::annotations::{ExportEntry, Store, to_markdown as annotations_markdown, to_w3c_json};
use crate::document::{escape_json_text, sanitize, sanitize_text};
use crate::library::read_document;
use crate::sources::{to_bibtex, to_csl_json, to_markdown, works_of};
use std::path::{Path, PathBuf};

/// Output formats of `ibid sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SourcesFormat {
    /// CSL-JSON, as Zotero and pandoc import it.
    CslJson,
    /// BibTeX.
    Bibtex,
    /// A Markdown bibliography.
    Markdown,
}

/// Output formats of `ibid export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown for reading.
    Markdown,
    /// JSON following the W3C Web Annotation data model.
    Json,
}

/// `ibid sources ARTICLE`: the article's distinct works in a bibliography format.
///
/// # Errors
/// A one-line message when the article cannot be read.
pub fn sources(article: &Path, format: SourcesFormat) -> Result<String, String> {
    let doc = read_document(article).map_err(|e| sanitize(&e.to_string()))?;
    let works = works_of(&doc);
    // Every export leaves through one of these two doors: text formats are
    // sanitised like the body, JSON escapes what a terminal would act on.
    Ok(match format {
        SourcesFormat::CslJson => {
            let v = to_csl_json(&works, &doc.meta.title);
            escape_json_text(&serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?)
        }
        SourcesFormat::Bibtex => sanitize_text(&to_bibtex(&works)),
        SourcesFormat::Markdown => sanitize_text(&to_markdown(&works)),
    })
}

/// `ibid export [ARTICLE…]`: annotations from the store under
/// `annotations_dir`, for the given articles or all of them.
///
/// # Errors
/// A one-line message when the store cannot be read.
pub fn export(
    annotations_dir: &Path,
    articles: &[PathBuf],
    format: ExportFormat,
) -> Result<(String, Vec<String>), String> {
    let store = Store::open(annotations_dir).map_err(|e| sanitize(&e.to_string()))?;
    let listing = store.all().map_err(|e| sanitize(&e.to_string()))?;
    let wanted: Vec<PathBuf> = articles
        .iter()
        .map(|a| a.canonicalize().unwrap_or_else(|_| a.clone()))
        .collect();
    let chosen: Vec<_> = listing
        .articles
        .iter()
        .filter(|a| wanted.is_empty() || a.paths.iter().any(|p| wanted.contains(p)))
        .filter(|a| !a.annotations.is_empty())
        .collect();
    let docs: Vec<Option<crate::document::Document>> =
        chosen.iter().map(|a| read_document(&a.path).ok()).collect();
    let titles: Vec<Option<String>> = docs
        .iter()
        .map(|d| d.as_ref().map(|d| d.meta.title.clone()))
        .collect();
    let pages: Vec<Vec<Option<u32>>> = chosen
        .iter()
        .zip(&docs)
        .map(|(a, d)| {
            a.annotations
                .iter()
                .map(|x| d.as_ref().and_then(|d| d.page_at(x.anchor.start)))
                .collect()
        })
        .collect();
    let entries: Vec<ExportEntry<'_>> = chosen
        .iter()
        .zip(&titles)
        .zip(&pages)
        .map(|((a, t), p)| ExportEntry {
            path: &a.path,
            title: t.as_deref(),
            annotations: &a.annotations,
            pages: p,
        })
        .collect();
    let text = match format {
        ExportFormat::Markdown => sanitize_text(&annotations_markdown(&entries)),
        ExportFormat::Json => escape_json_text(
            &serde_json::to_string_pretty(&to_w3c_json(&entries)).map_err(|e| e.to_string())?,
        ),
    };
    let warnings = listing.warnings.iter().map(|w| sanitize(w)).collect();
    Ok((text, warnings))
}
