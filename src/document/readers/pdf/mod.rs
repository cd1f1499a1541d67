//! PDF reader: positioned glyphs → lines → columns in reading order →
//! blocks → paragraphs with roles, footnotes linked by label and page.
//!
//! The stages, one module each: [`extract`] (the PDF crate, nothing else
//! touches it), [`lines`] (glyphs to lines, superscripts), [`layout`]
//! (columns, reading order, running headers), [`blocks`] (lines to blocks,
//! kinds), [`notes`] (foot-of-page notes, markers, endnotes), [`text`]
//! (hyphenation, ligatures), [`meta`] (stated metadata).
//!
//! Running headers, footers and page numbers are emitted as paragraphs with
//! `furniture` set, so the shared passes hide them but never lose them.

mod assemble;
mod blocks;
pub mod extract;
mod layout;
mod lines;
mod meta;
mod notes;
mod text;

use super::Reading;
use std::time::Duration;

/// One glyph, top-down coordinates in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// The character (ligatures and soft hyphens as the file has them).
    pub ch: char,
    /// Left edge of the glyph's origin.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance width.
    pub w: f32,
    /// Font size (text-space size times the matrix scale).
    pub size: f32,
    /// Bold font.
    pub bold: bool,
    /// Italic font.
    pub italic: bool,
    /// Fixed-pitch font.
    pub mono: bool,
}

/// One page's glyphs.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Glyphs in content order.
    pub glyphs: Vec<Glyph>,
}

impl Page {
    fn empty(index: usize, width: f32, height: f32) -> Self {
        Self {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            width,
            height,
            glyphs: Vec::new(),
        }
    }
}

/// Bounds on one import, so a hostile or huge file cannot hang the reader or
/// exhaust memory.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_bytes: usize,
    /// Pages read at most; the rest is reported as cut.
    pub max_pages: usize,
    /// Glyphs kept at most over all pages.
    pub max_glyphs: usize,
    /// Wall time for the extraction, checked between pages.
    pub max_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 100 << 20,
            max_pages: 3000,
            max_glyphs: 20_000_000,
            max_time: Duration::from_secs(60),
        }
    }
}

/// Why a PDF cannot be read; `Display` is the one-line message shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// Encrypted, and no empty user password opens it.
    #[error("this PDF is encrypted: it cannot be read without its password")]
    Encrypted,
    /// Pages without a single glyph.
    #[error("this PDF has no text layer: it is scanned images")]
    Scanned,
    /// Not a PDF, or damaged beyond repair.
    #[error("this PDF is damaged and cannot be read ({0})")]
    Broken(String),
    /// A single page took longer than the time limit.
    #[error("this PDF took too long to read and was skipped")]
    TooSlow,
    /// Over [`Limits::max_bytes`].
    #[error("this PDF is too large to import ({0} MB)")]
    TooLarge(usize),
}

/// Reads a PDF with the default limits.
///
/// # Errors
/// A one-line message: encrypted, scanned, damaged or too large.
pub fn read(bytes: &[u8]) -> Result<Reading<'static>, String> {
    read_with(bytes, &Limits::default()).map_err(|e| e.to_string())
}

/// Reads a PDF within `limits`.
///
/// # Errors
/// [`PdfError`] saying why the file cannot be read.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<Reading<'static>, PdfError> {
    if bytes.len() > limits.max_bytes {
        return Err(PdfError::TooLarge(bytes.len() >> 20));
    }
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::Broken("no %PDF header".into()));
    }
    // A download cut short: the parser would rebuild what it can and read
    // glyphs without their fonts' widths, in scrambled order.
    let tail = &bytes[bytes.len().saturating_sub(64 << 10)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfError::Broken(
            "it is cut short: no end-of-file marker".into(),
        ));
    }
    let ex = extract_guarded(bytes, limits)?;
    if ex
        .pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.ch.is_whitespace()))
    {
        return Err(PdfError::Scanned);
    }
    Ok(from_pages(&ex))
}

/// Runs the extraction on its own thread (named `ibid-*`, so the terminal's
/// panic hook stays quiet), catching panics from the PDF crate and giving up
/// after the time limit: a hostile file can cost a core for a while, never
/// hang the import.
fn extract_guarded(bytes: &[u8], limits: &Limits) -> Result<extract::Extracted, PdfError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = bytes.to_vec();
    let lim = limits.clone();
    let job = move || {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extract::extract(&owned, &lim)
        }));
        // The receiver may have given up already.
        let _ = tx.send(r);
    };
    if std::thread::Builder::new()
        .name("ibid-pdf".into())
        .spawn(job)
        .is_err()
    {
        return extract::extract(bytes, limits);
    }
    match rx.recv_timeout(limits.max_time + Duration::from_secs(5)) {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(PdfError::Broken("the PDF parser failed on it".into())),
        Err(_) => Err(PdfError::TooSlow),
    }
}

/// Builds the reading from extracted pages (pure; also used by tests with
/// synthetic pages).
#[must_use]
pub fn from_pages(ex: &extract::Extracted) -> Reading<'static> {
    let page_lines: Vec<Vec<lines::Line>> = ex.pages.iter().map(lines::lines).collect();
    let body_size = lines::body_size(&page_lines);
    let laid = layout::lay_out(&ex.pages, page_lines, body_size);
    let built = blocks::build(laid, body_size);
    let mut paras = assemble::paras(&built);
    if ex.truncated {
        let n = ex.pages.len();
        paras.push(assemble::para(
            format!("[ibid stopped reading this PDF after page {n}: it is larger than the import limits]"),
            crate::document::raw::ParaKind::Unknown,
            u32::try_from(n).unwrap_or(u32::MAX),
            Vec::new(),
        ));
    }
    let stated = meta::stated(&ex.info, &built);
    Reading {
        paras,
        stated,
        title_para: None,
    }
}

#[cfg(test)]
mod dump {
    /// `IBID_PDF_DUMP=path cargo test --lib pdf::dump -- --ignored --nocapture`
    #[test]
    #[ignore = "debugging aid"]
    fn dump() {
        let path = std::env::var("IBID_PDF_DUMP").unwrap_or_default();
        let bytes = std::fs::read(&path).expect("IBID_PDF_DUMP names a PDF");
        let ex = super::extract::extract(&bytes, &super::Limits::default()).expect("readable");
        let page_lines: Vec<Vec<super::lines::Line>> =
            ex.pages.iter().map(super::lines::lines).collect();
        let body = super::lines::body_size(&page_lines);
        println!("body size {body}");
        for p in super::layout::lay_out(&ex.pages, page_lines, body) {
            let l = &p.line;
            println!(
                "p{} b{} c{} {}{} x{:.0}-{:.0} y{:.0} s{:.1}{}{} sups{:?} | {}",
                p.page,
                p.band,
                p.col,
                if p.furniture { "F" } else { "" },
                if p.foot { "N" } else { "" },
                l.x0,
                l.x1,
                l.y,
                l.size,
                if l.bold { " B" } else { "" },
                if l.mono { " M" } else { "" },
                l.sups,
                l.text
            );
        }
    }
}
