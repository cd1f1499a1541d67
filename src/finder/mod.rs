//! The fuzzy finder's pure core: candidate entries, queries, hits; the index, ranking and the passage-search worker live in submodules.
//!
//! Invariants: an [`Entry`]'s `doc` indexes [`index::Index::articles`], its `offset` is a byte
//! offset on a `char` boundary of that document's text, and a [`Hit`]'s `positions` are *char*
//! indices into the entry's `text` (fuzzy-matcher's convention), filled only for displayed rows.

mod annots;
pub mod cache;
mod codec;
mod extract;
pub mod fast;
pub mod generate;
pub mod index;
pub mod matcher;
pub mod prefilter;
pub mod rank;
pub mod searcher;

pub use cache::{CacheError, LibraryCache, Progress, build_library_index, default_cache_dir};
pub use fast::{Survivors, search_keystroke};
pub use index::{ArticleInfo, Index};
pub use matcher::{Matcher, SkimMatcher};
pub use rank::{fill_positions, merge_hits, search, search_chunked, search_small, search_with};
pub use searcher::{Partial, STREAMED, SYNC, SearchRequest, Searcher};

/// What a finder row points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An article (its title).
    Article,
    /// A section heading.
    Heading,
    /// A passage of body text: a paragraph, or one sentence of a long one.
    Passage,
    /// A footnote or endnote (`"label text"`).
    Note,
    /// A reader's annotation (quote and note).
    Annotation,
}

impl Kind {
    /// All kinds, in display-priority order.
    pub const ALL: [Kind; 5] = [
        Kind::Article,
        Kind::Heading,
        Kind::Note,
        Kind::Annotation,
        Kind::Passage,
    ];

    /// The bit of this kind in a [`Kinds`] mask.
    #[must_use]
    pub const fn bit(self) -> u8 {
        match self {
            Kind::Article => 1,
            Kind::Heading => 2,
            Kind::Passage => 4,
            Kind::Note => 8,
            Kind::Annotation => 16,
        }
    }

    /// A short label for the result row (`"article"`, `"heading"`, ...).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Heading => "heading",
            Kind::Passage => "passage",
            Kind::Note => "note",
            Kind::Annotation => "annotation",
        }
    }

    /// The query prefix that narrows the finder to this kind (`None` for passages).
    #[must_use]
    pub const fn prefix(self) -> Option<char> {
        match self {
            Kind::Article => Some('@'),
            Kind::Heading => Some('#'),
            Kind::Note => Some('^'),
            Kind::Annotation => Some('%'),
            Kind::Passage => None,
        }
    }
}

/// A set of [`Kind`]s as a bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kinds(pub u8);

impl Kinds {
    /// Every kind.
    pub const ALL: Kinds = Kinds(31);

    /// Just one kind.
    #[must_use]
    pub const fn only(kind: Kind) -> Self {
        Kinds(kind.bit())
    }

    /// True when `kind` is in the set.
    #[must_use]
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// The set without `kind`.
    #[must_use]
    pub const fn without(self, kind: Kind) -> Self {
        Kinds(self.0 & !kind.bit())
    }

    /// True when no kind is in the set.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// One searchable item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// Index into the index's article table.
    pub doc: u32,
    /// What is matched and shown (one line, no newlines).
    pub text: Box<str>,
    /// Byte offset of the item in the document's text, for jumping there.
    pub offset: u32,
    /// Index (into the index's entries) of the heading entry it sits under, for display.
    pub heading: Option<u32>,
}

/// A parsed finder query: a kind filter from the leading character, and the text to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Which kinds may match.
    pub kinds: Kinds,
    /// The fuzzy pattern (trimmed; may be empty, which matches nothing).
    pub text: String,
}

impl Query {
    /// Parses the query line: `@` articles, `#` headings, `^` notes, `%` annotations,
    /// no prefix for all kinds including passages.
    #[must_use]
    pub fn parse(line: &str) -> Self {
        let line = line.trim_start();
        let mut chars = line.chars();
        let first = chars.next();
        let kind = Kind::ALL
            .into_iter()
            .find(|k| k.prefix().is_some() && k.prefix() == first);
        match kind {
            Some(k) => Query {
                kinds: Kinds::only(k),
                text: chars.as_str().trim().to_owned(),
            },
            None => Query {
                kinds: Kinds::ALL,
                text: line.trim().to_owned(),
            },
        }
    }

    /// The same pattern over only the kinds also in `kinds` (e.g. [`SYNC`] for the
    /// synchronous part of a search).
    #[must_use]
    pub fn restricted(&self, kinds: Kinds) -> Self {
        Query {
            kinds: Kinds(self.kinds.0 & kinds.0),
            text: self.text.clone(),
        }
    }

    /// True when nothing can match (empty pattern).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A ranked match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the index's entries.
    pub entry: u32,
    /// Final score (fuzzy score plus bonuses); higher is better.
    pub score: i64,
    /// Char indices of matched characters in the entry's text; empty until
    /// [`rank::fill_positions`] runs on the displayed rows.
    pub positions: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_narrow_kinds() {
        assert_eq!(Query::parse("@ok").kinds, Kinds::only(Kind::Article));
        assert_eq!(Query::parse("#ok").kinds, Kinds::only(Kind::Heading));
        assert_eq!(Query::parse("^ok").kinds, Kinds::only(Kind::Note));
        assert_eq!(Query::parse("%ok").kinds, Kinds::only(Kind::Annotation));
        let q = Query::parse("  sea of ");
        assert_eq!(q.kinds, Kinds::ALL);
        assert_eq!(q.text, "sea of");
        assert_eq!(Query::parse("# crimean ").text, "crimean");
        assert!(Query::parse("@").is_empty());
    }
}
