//! The intermediate form both front ends (plain text, Markdown) produce: a list
//! of paragraphs with visible text and inline styles, not yet classified.

use super::inline::LocalInline;
use std::borrow::Cow;
use std::ops::Range;

/// What the front end already knows about a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParaKind {
    /// Plain text: to be classified by shape.
    Unknown,
    /// A paragraph the markup says is one (reST, Org, AsciiDoc): never
    /// reclassified by shape as a heading or list item.
    Paragraph,
    /// A paragraph the markup states is running text (an HTML `<p>`): never
    /// reclassified as a heading or list item by shape.
    Text,
    /// A heading given by markup (`# x`, Markdown).
    Heading(u8),
    /// A list item given by markup; the number for ordered lists.
    ListItem(Option<u64>),
    /// A block quote.
    Quote,
    /// Preformatted text.
    Code,
    /// A Markdown footnote definition with this label.
    FootnoteDef(String),
}

/// One paragraph of input. Its text borrows from the decoded source when
/// it has no inline markup to remove (most paragraphs), so splitting a large
/// article does not copy it.
#[derive(Debug, Clone)]
pub struct Para<'a> {
    /// Visible text (inline markup removed), one line.
    pub text: Cow<'a, str>,
    /// Inline styles over `text`.
    pub inlines: Vec<LocalInline>,
    /// Markup-given kind.
    pub kind: ParaKind,
    /// Byte range of the paragraph in the decoded source.
    pub source: Range<usize>,
    /// True when one or more blank lines preceded it.
    pub blank_before: bool,
    /// Footnote references the markup gave (Markdown `[^x]`): byte ranges of
    /// their `[label]` text in `text`, with labels.
    pub refs: Vec<(Range<usize>, String)>,
    /// The page the paragraph starts on, for formats with pages (PDF).
    pub page: Option<u32>,
    /// Set by a reader that knows the paragraph is page furniture (a PDF's
    /// running header, a Gutenberg licence): hidden unless asked for.
    pub hidden: Option<super::Furniture>,
}

impl<'a> Para<'a> {
    /// Appends `tail` after a space (a paragraph continued across a page
    /// break, a footnote definition's next paragraph), shifting its styles
    /// and references.
    pub fn append(&mut self, tail: Para<'_>) {
        self.append_with(" ", tail);
    }

    /// Appends `tail` after `sep` (a space, or the line breaks between two
    /// lines of a listing), shifting its styles and references.
    pub fn append_with(&mut self, sep: &str, tail: Para<'_>) {
        let text = self.text.to_mut();
        text.push_str(sep);
        let shift = text.len();
        text.push_str(&tail.text);
        let moved = |r: Range<usize>| r.start + shift..r.end + shift;
        self.inlines
            .extend(tail.inlines.into_iter().map(|(r, k)| (moved(r), k)));
        self.refs
            .extend(tail.refs.into_iter().map(|(r, l)| (moved(r), l)));
        self.source.end = self.source.end.max(tail.source.end);
    }

    /// A paragraph whose text is shown exactly as given (preformatted text:
    /// no inline markup is read).
    #[must_use]
    pub fn verbatim(
        text: impl Into<Cow<'a, str>>,
        source: Range<usize>,
        blank_before: bool,
    ) -> Self {
        Self {
            text: text.into(),
            inlines: Vec::new(),
            kind: ParaKind::Code,
            source,
            blank_before,
            refs: Vec::new(),
            page: None,
            hidden: None,
        }
    }

    /// A plain paragraph from raw source text.
    #[must_use]
    pub fn from_raw(
        raw: impl Into<Cow<'a, str>>,
        source: Range<usize>,
        blank_before: bool,
    ) -> Self {
        let raw = raw.into();
        let (text, inlines) = if super::inline::has_markup(&raw) {
            let (t, i) = super::inline::parse_inline(&raw);
            (Cow::Owned(t), i)
        } else {
            (raw, Vec::new())
        };
        Self {
            text,
            inlines,
            kind: ParaKind::Unknown,
            source,
            blank_before,
            refs: Vec::new(),
            page: None,
            hidden: None,
        }
    }
}

/// One plain paragraph per line, for the passes' unit tests.
#[cfg(test)]
#[must_use]
pub fn test_paras<'a>(lines: &[&'a str]) -> Vec<Para<'a>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Para::from_raw(*l, i..i + 1, true))
        .collect()
}
