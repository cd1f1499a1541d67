//! Reading a [`Document`]: slices, the body, headings, counts, note chains.

use super::{Block, BlockKind, Diagnostic, Document, Inline, InlineKind, Marker, Note, Span};

impl Document {
    /// Text of a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
    /// Where the body's text ends in [`Self::text`] (the notes follow it).
    #[must_use]
    pub fn body_end(&self) -> usize {
        self.blocks.last().map_or(0, |b| b.span.end)
    }
    /// The page of the block holding byte `offset` of [`Self::text`] (or of
    /// the next block with a page), for documents with pages (PDF); `None`
    /// past the body (in the notes) and for documents without pages.
    #[must_use]
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        if self.blocks.is_empty() || offset > self.body_end() {
            return None; // in the notes after the body
        }
        let i = self
            .blocks
            .partition_point(|b| b.span.start <= offset)
            .saturating_sub(1);
        self.blocks.get(i..)?.iter().find_map(|b| b.page)
    }
    /// Text of block `i`.
    #[must_use]
    pub fn block_text(&self, i: usize) -> &str {
        self.blocks.get(i).map_or("", |b| self.slice(b.span))
    }
    /// Text of note `i` (without its label).
    #[must_use]
    pub fn note_text(&self, i: usize) -> &str {
        self.notes.get(i).map_or("", |n| self.slice(n.span))
    }
    /// Body blocks that are not page furniture, with their indices.
    pub fn body(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.furniture.is_none())
    }
    /// Headings in reading order: (block index, text, level).
    pub fn headings(&self) -> impl Iterator<Item = (usize, &str, u8)> {
        self.body().filter_map(|(i, b)| match b.kind {
            BlockKind::Heading { level } => Some((i, self.slice(b.span), level)),
            _ => None,
        })
    }
    /// How many lines of text are hidden as page furniture (each block's
    /// lines; a preformatted block counts every line).
    #[must_use]
    pub fn hidden_lines(&self) -> usize {
        self.hidden_line_count
    }
    /// Counts the lines hidden as furniture (for [`Document::hidden_lines`]).
    #[must_use]
    pub fn count_hidden_lines(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.furniture.is_some())
            .map(|b| 1 + self.slice(b.span).bytes().filter(|&c| c == b'\n').count())
            .sum()
    }
    /// Number of body paragraphs (list items, quotes and code count; headings,
    /// furniture and embeds do not).
    #[must_use]
    pub fn paragraph_count(&self) -> usize {
        self.body()
            .filter(|(_, b)| {
                !matches!(
                    b.kind,
                    BlockKind::Heading { .. }
                        | BlockKind::Embed
                        | BlockKind::Title
                        | BlockKind::Byline
                )
            })
            .count()
    }
    /// Approximate heap memory held by the model, in bytes (strings' and
    /// vectors' capacities), for the memory budget in the benchmarks.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let urls: usize = self
            .inlines
            .iter()
            .map(|x| match &x.kind {
                InlineKind::Link { url } => url.capacity(),
                _ => 0,
            })
            .sum();
        let marker_labels: usize = self.markers.iter().map(|m| m.label.capacity()).sum();
        let note_extra: usize = self
            .notes
            .iter()
            .map(|n| {
                n.label.capacity()
                    + n.markers.capacity() * size_of::<usize>()
                    + n.unresolved.as_ref().map_or(0, String::capacity)
            })
            .sum();
        let diags: usize = self.diagnostics.iter().map(|d| d.message.capacity()).sum();
        self.text.capacity()
            + self.blocks.capacity() * size_of::<Block>()
            + self.inlines.capacity() * size_of::<Inline>()
            + self.markers.capacity() * size_of::<Marker>()
            + self.notes.capacity() * size_of::<Note>()
            + self.diagnostics.capacity() * size_of::<Diagnostic>()
            + urls
            + marker_labels
            + note_extra
            + diags
    }
    /// Index of the note a note ultimately resolves to, following Ibid./op. cit.
    /// chains (cycle-safe).
    #[must_use]
    pub fn resolve_note(&self, mut i: usize) -> usize {
        for _ in 0..self.notes.len() {
            match self.notes.get(i).and_then(|n| n.refers_to) {
                Some(j) if j != i => i = j,
                _ => break,
            }
        }
        i
    }
    /// Inline styles inside `span`. Inlines never cross block boundaries, so
    /// this is exact for any span that starts at a block's (or note's) start.
    pub fn inlines_in(&self, span: Span) -> impl Iterator<Item = &Inline> {
        let first = self.inlines.partition_point(|x| x.span.start < span.start);
        self.inlines[first..]
            .iter()
            .take_while(move |x| x.span.start < span.end)
    }
}
