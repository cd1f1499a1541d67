//! One reader per input format, all producing the same [`Reading`]: a list of
//! paragraphs with roles and inline styles, plus what the format states
//! outright (metadata, explicit footnote links). Nothing after this step knows
//! which format an article came from (pandoc's readers are the model).
//!
//! A reader never guesses what its format says explicitly (an HTML
//! `href="#fn3"`, a Markdown `[^3]`) and never drops text it cannot place: it
//! becomes a paragraph, or stated metadata.

pub mod markdown;
pub mod pdf;
pub mod plain;

use super::raw::Para;
use std::path::Path;

/// Input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, classified by shape.
    Plain,
    /// CommonMark + GFM with footnotes.
    Markdown,
    /// PDF with a text layer, read from positioned glyphs.
    Pdf,
}

impl Format {
    /// Every format, in the order `detect` tries content sniffing.
    pub const ALL: &'static [Format] = &[Format::Plain, Format::Markdown, Format::Pdf];

    /// The name `inspect` reports and the list shows (`"plain"`, `"markdown"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Markdown => "markdown",
            Self::Pdf => "pdf",
        }
    }

    /// True when the format is text (decoded before reading) rather than a
    /// binary container read from the raw bytes.
    #[must_use]
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Pdf)
    }

    /// The format a file extension names, if any (case-insensitive, no dot).
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" | "qmd" | "rmd" => Some(Self::Markdown),
            "txt" | "text" => Some(Self::Plain),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }

    /// True for a file name the library should list (a known extension).
    #[must_use]
    pub fn is_readable_path(path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Self::from_extension)
            .is_some()
    }

    /// By extension, else by content: Markdown footnote definitions, ATX
    /// headings or fences. `text` is the decoded start of the file.
    #[must_use]
    pub fn detect(path: Option<&Path>, text: &str) -> Self {
        let by_ext = path
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .and_then(Self::from_extension);
        if let Some(f) = by_ext {
            return f;
        }
        let md_lines = text
            .lines()
            .take(400)
            .filter(|l| {
                l.starts_with("[^") && l.contains("]:")
                    || l.starts_with("## ")
                    || l.starts_with("```")
            })
            .count();
        if md_lines >= 2 {
            Self::Markdown
        } else {
            Self::Plain
        }
    }
}

/// Facts a format states outright (front matter, `<meta>`, an OPF package,
/// a PDF's information dictionary). They win over guesses from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    /// The title.
    pub title: Option<String>,
    /// The author(s) as one display string (`"A and B"`).
    pub author: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`, or `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    /// A summary or description.
    pub description: Option<String>,
    /// The page's or book's own URL.
    pub source_url: Option<String>,
    /// Language tag (`en`, `fr-CA`).
    pub language: Option<String>,
}

/// What a reader produces.
#[derive(Debug, Clone, Default)]
pub struct Reading<'a> {
    /// Paragraphs in reading order.
    pub paras: Vec<Para<'a>>,
    /// Metadata the format states.
    pub stated: Stated,
}

/// Reads decoded text in a text format.
#[must_use]
pub fn read_text(text: &str, format: Format) -> Reading<'_> {
    match format {
        Format::Plain => Reading {
            paras: plain::paragraphs(text),
            stated: Stated::default(),
        },
        Format::Markdown => Reading {
            paras: markdown::paragraphs(text),
            stated: Stated::default(),
        },
        // A PDF's bytes never reach here as text; read nothing rather than
        // guess at its decoded bytes.
        Format::Pdf => Reading::default(),
    }
}

/// Reads a binary format from its raw bytes (EPUB, PDF); `Err` is a one-line
/// message saying why the file cannot be read.
///
/// # Errors
/// Always for text formats (call [`read_text`] for those).
pub fn read_binary(bytes: &[u8], format: Format) -> Result<Reading<'static>, String> {
    match format {
        Format::Pdf => pdf::read(bytes),
        _ => Err(format!("{} is a text format", format.name())),
    }
}
