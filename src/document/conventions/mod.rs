//! Footnote conventions, one unit per file, all listed in [`REGISTRY`]: how a
//! marker is written in the body, how its note is labelled, and how strongly a
//! marker of that kind must be confirmed. The fast marker scanner
//! ([`scan::candidates`]) derives the bytes it stops at from the table, so a
//! new convention is one new file plus one row here.

pub mod backlink;
pub mod bracket;
pub mod bullet;
pub mod enclosed;
pub mod glued;
pub mod gutenberg;
pub mod numbered;
pub mod scan;
pub mod superscript;
pub mod symbol;

use std::ops::Range;

/// How a candidate marker is written; weaker kinds need more confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Given by markup (Markdown `[^x]`, an HTML anchor): always a marker.
    Markup,
    /// `[n]`, `[^n]`, `[RFC2119]`: a marker when a note has the label.
    Bracket,
    /// Unicode superscript digits: a marker near the expected number.
    Superscript,
    /// A reference symbol (`*`, `†`, `‡`): a marker when a note below has it.
    Symbol,
    /// Plain digits glued to punctuation (`security.1`): only in sequence.
    Glued,
    /// A digit glued inside running words, as a flattened superscript
    /// (`proof5that`, `(G)3of`): only as the very next number.
    Interior,
}

/// A possible marker in one paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range of the marker as written.
    pub range: Range<usize>,
    /// Its label (`"12"`); for a combined marker (`[2, 4]`) the first label.
    pub label: String,
    /// Further labels of a combined or ranged marker (`[2, 4, 6]`, `[3-5]`).
    pub more: Vec<String>,
    /// How it is written.
    pub strength: Strength,
}

impl Candidate {
    /// A single-label candidate.
    #[must_use]
    pub fn new(range: Range<usize>, label: String, strength: Strength) -> Self {
        Self {
            range,
            label,
            more: Vec::new(),
            strength,
        }
    }
    /// Every label, in order.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.more.iter().map(String::as_str))
    }
}

/// A note label found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label (`None` for bullets and bare back-links: numbered by position).
    pub label: Option<String>,
    /// Bytes of the paragraph text taken by the label and the space after it.
    pub len: usize,
    /// The convention that wrote it.
    pub style: Style,
}

/// Which convention labelled a note; conventions of one family may mix in
/// one run of notes (`- ³⁶` after `³⁵`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `[1] text`, `[^1]: text`, `[RFC2119] text`.
    Bracket,
    /// `[Footnote 1: text]`.
    GutenbergBlock,
    /// `1. text`, `1) text`.
    Numbered,
    /// `¹text`.
    Superscript,
    /// `* text`, `† text`.
    Symbol,
    /// `- text`, `• text`: numbered by position.
    Bullet,
    /// `^ text` (Wikipedia back-link).
    BackLink,
}

impl Style {
    /// True when notes of styles `self` and `other` may form one run.
    #[must_use]
    pub fn same_family(self, other: Style) -> bool {
        self == other
            || matches!(
                (self, other),
                (
                    Style::Superscript | Style::Bullet,
                    Style::Superscript | Style::Bullet
                )
            )
    }
}

/// One footnote convention.
pub struct Convention {
    /// Short name, for diagnostics and tests.
    pub name: &'static str,
    /// Bytes a marker of this convention can start with (UTF-8 lead bytes
    /// for non-ASCII symbols); empty when it has no marker syntax of its own.
    pub starts: &'static [u8],
    /// A marker starting at byte `i` of `text` (a char boundary).
    pub marker: Option<fn(&str, usize) -> Option<Candidate>>,
    /// A note label at the start of a paragraph's text.
    pub note: Option<fn(&str) -> Option<Label>>,
}

/// Every convention, in the order they are tried: the first whose marker or
/// note syntax matches wins.
pub static REGISTRY: &[&Convention] = &[
    &gutenberg::CONVENTION,
    &bracket::CONVENTION,
    &symbol::CONVENTION,
    &bullet::CONVENTION,
    &backlink::CONVENTION,
    &superscript::CONVENTION,
    &numbered::CONVENTION,
    &enclosed::CONVENTION,
    &glued::CONVENTION,
];

/// The label at the start of a paragraph's text, if any convention has one.
#[must_use]
pub fn label_of(text: &str) -> Option<Label> {
    REGISTRY.iter().filter_map(|c| c.note).find_map(|f| f(text))
}

/// Leading whitespace after `len` bytes of `t`, added to `len`.
pub(crate) fn with_space(t: &str, len: usize) -> usize {
    let rest = t.get(len..).unwrap_or("");
    len + rest.len() - rest.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(t: &str) -> Option<(Option<String>, usize, Style)> {
        label_of(t).map(|l| (l.label, l.len, l.style))
    }

    #[test]
    fn labels() {
        assert_eq!(l("[1] While"), Some((Some("1".into()), 4, Style::Bracket)));
        assert_eq!(l("[^a]: x"), Some((Some("a".into()), 6, Style::Bracket)));
        assert_eq!(
            l("[RFC2119]  Bradner, S."),
            Some((Some("RFC2119".into()), 11, Style::Bracket))
        );
        assert_eq!(
            l("¹²Joseph"),
            Some((Some("12".into()), 4, Style::Superscript))
        );
        assert_eq!(
            l("- ³⁶Mari"),
            Some((Some("36".into()), 7, Style::Superscript))
        );
        assert_eq!(l("- Ibid."), Some((None, 2, Style::Bullet)));
        assert_eq!(l("* Ibid."), Some((Some("*".into()), 2, Style::Symbol)));
        assert_eq!(l("10.   “K"), Some((Some("10".into()), 6, Style::Numbered)));
        assert_eq!(
            l("[Footnote 3: The"),
            Some((Some("3".into()), 13, Style::GutenbergBlock))
        );
        assert_eq!(l("^ a b Smith"), Some((None, 6, Style::BackLink)));
        assert_eq!(
            l("2. ^ Jones"),
            Some((Some("2".into()), 5, Style::BackLink))
        );
        assert_eq!(
            l("† See the appendix."),
            Some((Some("†".into()), 4, Style::Symbol))
        );
        assert_eq!(
            l("** Doubled."),
            Some((Some("**".into()), 3, Style::Symbol))
        );
        assert_eq!(l("1956 was a year"), None);
        assert_eq!(l("[Kurile Islands] issues"), None);
        assert_eq!(l("[20]. As far as HTTP is concerned"), None);
    }

    #[test]
    fn every_ascii_start_byte_is_seen_by_the_fast_skip() {
        for c in REGISTRY {
            for &b in c.starts {
                assert!(
                    b >= 0x80 || scan::fast_skip_sees(b),
                    "{}: byte {b:#x} would be skipped",
                    c.name
                );
            }
        }
    }
}
