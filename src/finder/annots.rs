//! The annotation half of the finder index: the readers' annotations as entries, kept per
//! article so that one article's change rebuilds only that article's entries.
//!
//! Invariants: `entries` holds every article's annotation entries grouped by article in
//! ascending `doc` order, `ranges[doc]` is each group's range in `entries`, and every entry's
//! `heading` is a global id into the parsed entries of the same article.

use super::extract::to_u32;
use super::index::Base;
use super::{Entry, Kind};
use std::collections::BTreeMap;
use std::ops::Range;

/// One annotation as the index takes it: (byte offset, quote, note).
pub type RawAnnotation = (u32, String, String);

/// Annotation entries of the library.
#[derive(Debug, Clone, Default)]
pub struct Annots {
    raw: BTreeMap<u32, Vec<RawAnnotation>>,
    entries: Vec<Entry>,
    ranges: BTreeMap<u32, Range<u32>>,
}

impl Annots {
    /// All annotation entries (ids relative to the end of the parsed entries).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// True when no article has annotations.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The range of article `doc`'s annotation entries in [`Annots::entries`].
    pub fn doc_range(&self, doc: u32) -> Range<usize> {
        self.ranges
            .get(&doc)
            .map_or(0..0, |r| r.start as usize..r.end as usize)
    }

    /// Replaces article `doc`'s annotations; the other articles' entries only move.
    pub fn set(&mut self, doc: u32, items: Vec<RawAnnotation>, base: &Base) {
        let built = build(doc, &items, base);
        let at = if let Some(r) = self.ranges.get(&doc) {
            r.clone()
        } else {
            // Where its group goes: after every group of a smaller doc.
            let start = self
                .ranges
                .range(..doc)
                .next_back()
                .map_or(0, |(_, r)| r.end);
            start..start
        };
        let (old, new) = (at.end - at.start, to_u32(built.len()));
        self.entries
            .splice(at.start as usize..at.end as usize, built);
        for (_, r) in self.ranges.range_mut(doc + 1..) {
            *r = r.start - old + new..r.end - old + new;
        }
        if items.is_empty() {
            self.ranges.remove(&doc);
            self.raw.remove(&doc);
        } else {
            self.ranges.insert(doc, at.start..at.start + new);
            self.raw.insert(doc, items);
        }
    }

    /// Drops article `doc`'s annotations (call [`Annots::rebuild`] after).
    pub fn forget(&mut self, doc: u32) {
        self.raw.remove(&doc);
    }

    /// Rebuilds every entry from the stored annotations (after the parsed ids moved).
    pub fn rebuild(&mut self, base: &Base) {
        self.entries.clear();
        self.ranges.clear();
        for (&doc, items) in &self.raw {
            let start = to_u32(self.entries.len());
            self.entries.extend(build(doc, items, base));
            self.ranges.insert(doc, start..to_u32(self.entries.len()));
        }
    }
}

/// Article `doc`'s annotation entries, each under the last heading at or before it.
fn build(doc: u32, items: &[RawAnnotation], base: &Base) -> Vec<Entry> {
    let (first, parsed) = base.doc_entries(doc);
    items
        .iter()
        .map(|(offset, quote, note)| {
            let heading = parsed
                .iter()
                .rposition(|e| e.kind == Kind::Heading && e.offset <= *offset)
                .map(|i| to_u32(first + i));
            let text = if note.trim().is_empty() {
                quote.replace('\n', " ")
            } else {
                format!("{quote} — {note}").replace('\n', " ")
            };
            Entry {
                kind: Kind::Annotation,
                doc,
                text: text.into(),
                offset: *offset,
                heading,
            }
        })
        .collect()
}
