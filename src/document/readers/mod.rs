//! One reader per input format, all producing the same [`Reading`]: a list of
//! paragraphs with roles and inline styles, plus what the format states
//! outright (metadata, explicit footnote links). Nothing after this step knows
//! which format an article came from (pandoc's readers are the model).
//!
//! A reader never guesses what its format says explicitly (an HTML
//! `href="#fn3"`, a Markdown `[^3]`) and never drops text it cannot place: it
//! becomes a paragraph, or stated metadata.

pub mod asciidoc;
pub mod c_code;
pub mod epub;
pub mod headers;
pub mod html;
pub mod lines;
mod listings;
pub mod markdown;
pub mod org;
pub mod pdf;
pub mod plain;
pub mod preformatted;
pub mod rst;

use super::raw::Para;
use std::path::Path;

/// Input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, classified by shape.
    Plain,
    /// `CommonMark` + GFM with footnotes, and the pandoc/kramdown dialects.
    Markdown,
    /// reStructuredText (PEPs, Sphinx).
    Rst,
    /// Emacs Org mode.
    Org,
    /// `AsciiDoc`.
    AsciiDoc,
    /// A web page (HTML or XHTML), read from its bytes so that its declared
    /// charset is honoured.
    Html,
    /// An EPUB 2 or 3 book (a zip container).
    Epub,
    /// A PDF with a text layer, read from positioned glyphs.
    Pdf,
}

impl Format {
    /// Every format, in the order `detect` tries content sniffing.
    pub const ALL: &'static [Format] = &[
        Format::Plain,
        Format::Markdown,
        Format::Rst,
        Format::Org,
        Format::AsciiDoc,
        Format::Html,
        Format::Epub,
        Format::Pdf,
    ];

    /// The name `inspect` reports and the list shows (`"plain"`, `"markdown"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Markdown => "markdown",
            Self::Rst => "rst",
            Self::Org => "org",
            Self::AsciiDoc => "asciidoc",
            Self::Html => "html",
            Self::Epub => "epub",
            Self::Pdf => "pdf",
        }
    }

    /// True when the format is text (decoded before reading) rather than a
    /// binary container read from the raw bytes.
    #[must_use]
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Html | Self::Epub | Self::Pdf)
    }

    /// The format a file extension names, if any (case-insensitive, no dot).
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" | "qmd" | "rmd" => Some(Self::Markdown),
            "rst" | "rest" => Some(Self::Rst),
            "org" => Some(Self::Org),
            "adoc" | "asciidoc" | "asc" => Some(Self::AsciiDoc),
            "txt" | "text" => Some(Self::Plain),
            "html" | "htm" | "xhtml" | "xht" | "shtml" => Some(Self::Html),
            "epub" => Some(Self::Epub),
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

    /// By extension, else by content. `text` is the decoded start of the
    /// file. A `.txt` file (PEPs were) is still sniffed for reST, Org and
    /// `AsciiDoc` headers, never for Markdown.
    #[must_use]
    pub fn detect(path: Option<&Path>, text: &str) -> Self {
        let by_ext = path
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .and_then(Self::from_extension);
        match by_ext {
            Some(Self::Plain) => return sniff_markup(text).unwrap_or(Self::Plain),
            Some(f) => return f,
            None => {}
        }
        if let Some(f) = sniff_markup(text) {
            return f;
        }
        let t = text.trim_start();
        let mut end = t.len().min(512);
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        let head = t[..end].to_ascii_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || head.starts_with("<?xml") && head.contains("<html")
        {
            return Self::Html;
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

/// reST, Org or `AsciiDoc` by the way such files open: an RST field list or
/// PEP header, `#+title:`, or `= Title` followed by `:author:`-style attributes
/// or an author line.
fn sniff_markup(text: &str) -> Option<Format> {
    let head: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .skip_while(|l| l.trim().is_empty())
        .take(12)
        .collect();
    let first = *head.first()?;
    let lower = first.to_ascii_lowercase();
    if lower.starts_with("#+title:") || lower.starts_with("#+author:") {
        return Some(Format::Org);
    }
    if head
        .iter()
        .take(6)
        .any(|l| l.to_ascii_lowercase().starts_with("#+title:"))
    {
        return Some(Format::Org);
    }
    if first.starts_with("= ")
        && head[1..].iter().take(4).any(|l| {
            l.starts_with(':') && l[1..].contains(": ") || l.contains('<') && l.contains('@')
        })
    {
        return Some(Format::AsciiDoc);
    }
    let field = |l: &str| {
        l.strip_prefix(':')
            .and_then(|r| r.split_once(": "))
            .is_some_and(|(k, _)| !k.is_empty() && !k.contains('`'))
    };
    let pep = first.starts_with("PEP: ") && head.iter().any(|l| l.starts_with("Title: "));
    if pep
        || head
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .filter(|l| field(l))
            .count()
            >= 2
    {
        return Some(Format::Rst);
    }
    // An overlined title (`=====` / Title / `=====`).
    if head.len() >= 3
        && rst::is_adornment(head[0])
        && !head[1].trim().is_empty()
        && head[2] == head[0]
    {
        return Some(Format::Rst);
    }
    None
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
    /// Tags or keywords (front matter `tags`, Org `#+filetags`, `:keywords:`).
    pub tags: Vec<String>,
}

/// What a reader produces.
#[derive(Debug, Clone, Default)]
pub struct Reading<'a> {
    /// Paragraphs in reading order.
    pub paras: Vec<Para<'a>>,
    /// Metadata the format states.
    pub stated: Stated,
    /// The paragraph that is the title, when the format says which.
    pub title_para: Option<usize>,
}

/// [`read_text`] for text whose pages start at `page_starts` (form feeds):
/// plain-text paragraphs learn their page, which tells the furniture pass
/// where running headers and page numbers stand.
#[must_use]
pub fn read_paged_text<'a>(text: &'a str, format: Format, page_starts: &[usize]) -> Reading<'a> {
    let mut reading = read_text(text, format);
    if format == Format::Plain && !page_starts.is_empty() {
        for p in &mut reading.paras {
            let before = page_starts.partition_point(|&s| s <= p.source.start);
            p.page = Some(u32::try_from(before + 1).unwrap_or(u32::MAX));
        }
    }
    reading
}

/// Reads decoded text in a text format.
#[must_use]
pub fn read_text(text: &str, format: Format) -> Reading<'_> {
    match format {
        Format::Plain => {
            let mut paras = plain::paragraphs(text);
            let (stated, title_para) = headers::read(&mut paras, text);
            Reading {
                paras,
                stated,
                title_para,
            }
        }
        Format::Markdown | Format::Rst | Format::Org | Format::AsciiDoc => {
            let mut r = match format {
                Format::Markdown => markdown::read(text),
                Format::Rst => rst::read(text),
                Format::Org => org::read(text),
                _ => asciidoc::read(text),
            };
            listings::join(&mut r.paras, text);
            r
        }
        Format::Html => html::read_str(text),
        // Binary formats never reach here as text: read nothing rather
        // than guess at their decoded bytes.
        Format::Epub | Format::Pdf => Reading::default(),
    }
}

/// Reads a binary format from its raw bytes (EPUB, PDF); `Err` is a one-line
/// message saying why the file cannot be read.
///
/// # Errors
/// A one-line message for a file the reader refuses (a broken zip, a zip
/// bomb, a missing package file, an encrypted PDF), and always for text formats (call
/// [`read_text`] for those).
pub fn read_binary(bytes: &[u8], format: Format) -> Result<Reading<'static>, String> {
    match format {
        Format::Html => html::read_bytes(bytes),
        Format::Epub => epub::read(bytes),
        Format::Pdf => pdf::read(bytes),
        _ => Err(format!("{} is a text format", format.name())),
    }
}
