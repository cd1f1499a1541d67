//! The document model: an article as plain data (cleaned text plus spans into it).
//!
//! Invariants every consumer may rely on:
//! - `Document::text` holds only displayable characters: no C0/C1 controls
//!   (except `\n` between blocks and between the lines of a `Code` block),
//!   no escape sequences, no bidi overrides, no tabs.
//! - Every [`Span`] is a byte range into `Document::text` on `char` boundaries.
//! - Body blocks come first in `text`, in reading order, separated by `\n`;
//!   note texts follow after the body.
//! - Every marker's `note` is an index into `Document::notes` or `None`.
//! - Markers are rendered in `text` as `[label]`; the marker's span covers that.

mod access;
mod body_notes;
mod chains;
mod cited;
mod clean;
pub mod conventions;
mod encoding;
mod front;
pub(crate) mod furniture;
pub mod headings;
mod inline;
mod json_escape;
mod linking;
mod metadata;
mod note_runs;
mod notes;
mod page_heads;
pub(crate) mod page_notes;
pub(crate) mod par;
mod parse;
mod passes;
mod raw;
pub mod readers;
mod section_notes;
mod structure;

pub use clean::{
    Decoded, decode, decode_owned, escape_json_text, is_displayable, sanitize, sanitize_text,
};
pub use furniture::normalise as normalise_words;
pub use json_escape::EscapingWriter;
pub use metadata::month;
pub use parse::{parse, parse_bytes, parse_owned, parse_str};
pub use readers::Format;

use serde::Serialize;

/// A byte range `start..end` into [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no bytes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `offset` lies inside `start..end`.
    #[must_use]
    pub fn contains(&self, offset: usize) -> bool {
        (self.start..self.end).contains(&offset)
    }
}

/// What a body block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    /// A section heading; level 1 is the highest below the title.
    Heading {
        /// 1..=6.
        level: u8,
    },
    /// Running prose.
    Paragraph,
    /// One item of a list; `number` is the printed number of an ordered list.
    ListItem {
        /// The item's number in an ordered list, `None` for bullets.
        number: Option<u64>,
    },
    /// A block quotation.
    Quote,
    /// Preformatted code or verse; lines kept as they are.
    Code,
    /// A stand-in for embedded media the text does not contain (a video, an image).
    Embed,
    /// The article's title line, shown at the top of the body.
    Title,
    /// The byline (author, date) under the title.
    Byline,
}

/// Why a block is page furniture rather than article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Furniture {
    /// Title, byline, issue number and other masthead lines.
    Masthead,
    /// A header or footer repeated at page breaks.
    RunningHeader,
    /// A pull quote that repeats a sentence of the body.
    PullQuote,
    /// Publisher boilerplate, disclaimers, credits.
    Boilerplate,
    /// Web page chrome (search hints, navigation) left over from copying.
    WebChrome,
    /// The heading of a notes section (`Notes`, `References`): its notes
    /// are in the notes panel.
    NotesHeading,
    /// A page break's debris: `[Page 5]`, a form feed line, a page number.
    PageBreak,
    /// The licence header or footer of a known source (Project Gutenberg).
    Licence,
}

/// One block of the article, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text in [`Document::text`].
    pub span: Span,
    /// `Some` when the block is page furniture, hidden unless asked for.
    pub furniture: Option<Furniture>,
    /// Byte range in the decoded source text, for mapping back.
    pub source: Span,
    /// The page it starts on, for formats that have pages (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Inline styling over a span of [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum InlineKind {
    /// Italics (`*x*`, `_x_`).
    Emphasis,
    /// Bold (`**x**`).
    Strong,
    /// Inline code.
    Code,
    /// A hyperlink; the span is the visible text.
    Link {
        /// Target URL (sanitised, no control characters).
        url: String,
    },
    /// A footnote marker; index into [`Document::markers`].
    Marker {
        /// Index into `Document::markers`.
        index: usize,
    },
}

/// A styled range of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inline {
    /// The styled bytes.
    pub span: Span,
    /// The style.
    pub kind: InlineKind,
}

/// Between a label as printed and the suffix a reader adds to tell apart
/// notes printed with the same label (`*` fifty times in an EPUB, `1` in
/// each chapter): markers are linked by the whole, then the suffix is
/// dropped ([`printed_label`]), so the reader shows what the page printed.
pub const LABEL_SUFFIX: char = '\u{E000}';

/// `base` if `used` does not hold it yet, else `base`, [`LABEL_SUFFIX`] and
/// the first number from 2 that makes it new; recorded in `used`.
pub fn distinct_label(base: &str, used: &mut rustc_hash::FxHashSet<String>) -> String {
    let mut label = base.to_string();
    let mut k = 2;
    while !used.insert(label.clone()) {
        label = format!("{base}{LABEL_SUFFIX}{k}");
        k += 1;
    }
    label
}

/// `label` without a [`LABEL_SUFFIX`] and what follows it.
#[must_use]
pub fn printed_label(label: &str) -> &str {
    label.split(LABEL_SUFFIX).next().unwrap_or(label)
}

/// [`Marker::block`] of a marker inside a note's text.
pub const IN_A_NOTE: usize = usize::MAX;

/// A footnote marker in the body, or in a note's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marker {
    /// The label as printed (`"1"`, `"a"`, `"note-x"`).
    pub label: String,
    /// The marker's text (`[label]`) in [`Document::text`].
    pub span: Span,
    /// Index of the body block it sits in; [`IN_A_NOTE`] for a marker in a
    /// note's text (a Wikipedia note citing a reference).
    pub block: usize,
    /// Index into [`Document::notes`] of the note it opens.
    pub note: Option<usize>,
}

/// How a note refers to other notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NoteRef {
    /// An ordinary note.
    #[default]
    Plain,
    /// `Ibid.`: the note just before.
    Ibid,
    /// `op. cit.`: an earlier note citing the same work.
    OpCit,
    /// `loc. cit.`: the same place in an earlier note's work.
    LocCit,
    /// `Id.`, `See id.`: the authority of the note just before (legal).
    Id,
    /// `supra` (`Smith, supra note 3`): an earlier note, usually by number.
    Supra,
}

impl NoteRef {
    /// The form as the reader sees it (`"Ibid."`, `"op. cit."`), empty for plain notes.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "",
            Self::Ibid => "Ibid.",
            Self::OpCit => "op. cit.",
            Self::LocCit => "loc. cit.",
            Self::Id => "Id.",
            Self::Supra => "supra",
        }
    }
    /// The name `inspect` gives the form (`"ibid"`, `"op_cit"`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Plain => "note",
            Self::Ibid => "ibid",
            Self::OpCit => "op_cit",
            Self::LocCit => "loc_cit",
            Self::Id => "id",
            Self::Supra => "supra",
        }
    }
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The label as printed, or its position for unnumbered bullets.
    pub label: String,
    /// The note's text (without label or bullet) in [`Document::text`].
    pub span: Span,
    /// Whether it is an Ibid./op. cit. note.
    pub reference: NoteRef,
    /// For Ibid./op. cit.: index of the note it points to.
    pub refers_to: Option<usize>,
    /// Index of the first earlier note citing the identical source.
    pub same_as: Option<usize>,
    /// For an Ibid./op. cit. with nothing to point to: why.
    pub unresolved: Option<String>,
    /// Indices of markers that open this note.
    pub markers: Vec<usize>,
}

/// Facts about the article stated in (or derived from) its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Metadata {
    /// The title; derived from the first sentence when the text has none.
    pub title: String,
    /// True when `title` was derived rather than read from a title line.
    pub title_derived: bool,
    /// The author(s) as a display string.
    pub author: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Publication or series name.
    pub publication: Option<String>,
    /// A summary the document states (front matter, `<meta name=description>`).
    pub description: Option<String>,
    /// The article's own URL, when the format states it.
    pub source_url: Option<String>,
    /// Language tag, when stated.
    pub language: Option<String>,
    /// Tags or keywords the document states (front matter `tags`).
    pub tags: Vec<String>,
    /// The reader used (`"plain"`, `"markdown"`, …).
    pub format: String,
    /// The text encoding, when it was not UTF-8 (`"windows-1252"`, `"UTF-16LE"`).
    pub encoding: Option<String>,
}

/// Something odd about the input, reported rather than failed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Machine-readable kind.
    pub kind: DiagnosticKind,
    /// One human sentence.
    pub message: String,
}

/// Kinds of [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// Bytes were not valid UTF-8 and were replaced.
    InvalidUtf8,
    /// Control characters or escape sequences were neutralised.
    ControlCharacters,
    /// A marker whose note does not exist.
    OrphanMarker,
    /// A note no marker opens.
    UnreferencedNote,
    /// Two notes with the same label.
    DuplicateLabel,
    /// Markers not in increasing order.
    MarkerOutOfOrder,
    /// The file could not be read in its format (broken, encrypted, empty).
    Unreadable,
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Document {
    /// All displayable text: body blocks (`\n`-separated) then note texts.
    pub text: String,
    /// Title, author, date, publication.
    pub meta: Metadata,
    /// Body blocks and page furniture, in reading order.
    pub blocks: Vec<Block>,
    /// Inline styles, sorted by `span.start`.
    pub inlines: Vec<Inline>,
    /// Footnote markers in reading order.
    pub markers: Vec<Marker>,
    /// Notes in order.
    pub notes: Vec<Note>,
    /// Problems found while parsing.
    pub diagnostics: Vec<Diagnostic>,
    /// Lines of text hidden as page furniture, counted once when parsed
    /// (the status line shows it on every frame).
    #[serde(skip)]
    pub hidden_line_count: usize,
}
