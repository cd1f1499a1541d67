//! Sources: citation parsing of note texts, grouping notes into distinct works, citation health checks and bibliography exports (CSL-JSON, BibTeX, Markdown).

mod date;
pub mod export;
pub mod group;
pub mod health;
pub mod of_document;
pub mod parse;
mod tail;
mod text;

pub use export::{to_bibtex, to_csl_json, to_markdown};
pub use group::{Work, sort_by_author, sort_by_count, sort_by_first, works};
pub use health::{Finding, Health, HealthMarker, HealthNote, check_health};
pub use of_document::{health_of, note_inputs, works_of};
pub use parse::parse_note;

use serde::{Deserialize, Serialize};

/// What kind of publication a citation points to, inferred from the note's
/// shape (publisher in parentheses, volume numbers, newspaper names, URLs).
/// Used to pick CSL `type` and BibTeX entry types; `Unknown` when unsure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Nothing in the note tells the kind.
    #[default]
    Unknown,
    /// A book: italic title without container, or `(Place: Publisher, Year)`.
    Book,
    /// A journal article: `Vol.`/`No.` or a journal-like container name.
    Journal,
    /// A newspaper or news-agency article.
    Newspaper,
    /// A web page: has a URL and none of the above.
    Web,
}

/// One cited work as written in one note. Every field holds only what the
/// note says: a field the note does not give stays `None` / empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Citation {
    /// Author names as written (`"Joseph P. Ferguson"`), `Dr.` stripped;
    /// organisations stay one entry. Empty when the note names no author.
    pub authors: Vec<String>,
    /// Title of the cited piece (quoted or italic title), without quotes.
    pub title: Option<String>,
    /// Journal, newspaper, site or publisher the piece appeared in.
    pub container: Option<String>,
    /// Publication date, ISO 8601: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when
    /// that is all the note gives.
    pub date: Option<String>,
    /// Page or page range as written after `p.`/`pp.` (`"24"`, `"5-6"`).
    pub pages: Option<String>,
    /// The first URL of the citation, without surrounding `<>`.
    pub url: Option<String>,
    /// Access date, ISO 8601, from `(Accessed on …)` or a date in
    /// parentheses right after the URL.
    pub accessed: Option<String>,
    /// Kind of publication inferred from the note's shape.
    pub kind: SourceKind,
}

/// What a note is, as far as sources go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// The note cites one or more works (one note may cite two works).
    Citation(Vec<Citation>),
    /// An explanatory note with no citation.
    Comment,
    /// `Ibid.`: the same work as the previous note (resolved by the caller).
    Ibid,
    /// `op. cit.`: a short form of a work cited earlier (resolved by the caller).
    OpCit,
}

/// One note as the grouping step needs it: plain data, independent of the
/// document parser. Indices are 0-based positions in the slice given to
/// [`works`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NoteInput {
    /// The note's label as printed (`"1"`, `"17"`).
    pub label: String,
    /// The note's text, label stripped.
    pub text: String,
    /// Index of the note an `Ibid.` / `op. cit.` points to, if resolved.
    pub refers_to: Option<usize>,
    /// Index of the first note with an identical source, if any.
    pub same_as: Option<usize>,
    /// Labels of the body markers citing this note, usually `[label]`.
    pub markers: Vec<String>,
}
