//! The library's finder index: an article table, one flat list of parsed entries and,
//! after them, the readers' annotations.
//!
//! Invariants: entry ids `0..base` are the parsed entries, `base..` the annotation entries
//! ([`super::annots`]). Each live article's parsed entries are contiguous (`ranges[doc]`), in
//! the order [`extract::entries_for`] produces (title first); `small` lists every non-passage
//! parsed entry in index order (the fast synchronous search set). Article slots are never
//! reused for another path: a removed article keeps its slot (marked `removed`, no entries), so
//! `doc` numbers held by the UI (recent articles, scope) stay valid.
//!
//! Both halves sit behind `Arc`s: a published copy costs two reference counts, and an
//! annotation change touches only the annotation half (copied only when a published copy still
//! shares it), never the parsed entries.

use super::annots::Annots;
use super::extract::{self, to_u32};
use super::prefilter::Lowered;
use super::{Entry, Kind};
use crate::document::Document;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the finder knows about one article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInfo {
    /// The file.
    pub path: PathBuf,
    /// Display title (the file stem when the text has none).
    pub title: String,
    /// Author(s), as printed.
    pub author: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// File size in bytes when indexed (cache key).
    pub size: u64,
    /// Modification time when indexed, nanoseconds since the Unix epoch (cache key).
    pub mtime: u64,
    /// Hash of the file's bytes when indexed (0: not known): a file touched but unchanged
    /// is recognised by it and not parsed again.
    pub hash: u64,
    /// Number of notes.
    pub note_count: u32,
    /// True once the file has been removed from the library; the slot has no entries.
    pub removed: bool,
}

impl ArticleInfo {
    /// Metadata for `path` taken from a parsed document.
    #[must_use]
    pub fn from_document(path: &Path, doc: &Document, size: u64, mtime: u64) -> Self {
        Self {
            path: path.to_path_buf(),
            title: display_title(path, doc),
            author: doc.meta.author.clone(),
            date: doc.meta.date.clone(),
            size,
            mtime,
            hash: 0,
            note_count: to_u32(doc.notes.len()),
            removed: false,
        }
    }
}

fn display_title(path: &Path, doc: &Document) -> String {
    if doc.meta.title.trim().is_empty() {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        doc.meta.title.clone()
    }
}

/// The searchable index of a library.
#[derive(Debug, Clone, Default)]
pub struct Index {
    base: Arc<Base>,
    ann: Arc<Annots>,
}

/// The parsed half: articles and their entries.
#[derive(Debug, Clone, Default)]
pub(super) struct Base {
    articles: Vec<ArticleInfo>,
    entries: Vec<Entry>,
    by_path: HashMap<PathBuf, u32>,
    ranges: Vec<Range<u32>>,
    small: Vec<u32>,
    lowered: Lowered,
}

impl Base {
    /// The parsed entries of article `doc`, with global ids.
    pub(super) fn doc_entries(&self, doc: u32) -> (usize, &[Entry]) {
        let r = self
            .ranges
            .get(doc as usize)
            .map_or(0..0, |r| r.start as usize..r.end as usize);
        (r.start, &self.entries[r])
    }
}

/// A view of all entries (parsed, then annotations), indexed by entry id like a slice.
#[derive(Debug, Clone, Copy)]
pub struct Entries<'a> {
    base: &'a [Entry],
    ann: &'a [Entry],
}

impl<'a> Entries<'a> {
    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.base.len() + self.ann.len()
    }

    /// True when there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `i`, if any.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&'a Entry> {
        match i.checked_sub(self.base.len()) {
            None => self.base.get(i),
            Some(j) => self.ann.get(j),
        }
    }

    /// Every entry, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &'a Entry> + use<'a> {
        self.base.iter().chain(self.ann.iter())
    }
}

impl std::ops::Index<usize> for Entries<'_> {
    type Output = Entry;
    fn index(&self, i: usize) -> &Entry {
        match self.get(i) {
            Some(e) => e,
            None => panic!("entry {i} out of range ({} entries)", self.len()),
        }
    }
}

impl Index {
    /// An empty index.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The article table; `Entry::doc` indexes it (removed articles included).
    #[must_use]
    pub fn articles(&self) -> &[ArticleInfo] {
        &self.base.articles
    }

    /// All entries; `Hit::entry` indexes it.
    #[must_use]
    pub fn entries(&self) -> Entries<'_> {
        Entries {
            base: &self.base.entries,
            ann: self.ann.entries(),
        }
    }

    /// Ids of the non-passage entries (articles, headings, notes, annotations), in id order.
    pub fn small_entries(&self) -> impl Iterator<Item = usize> + Clone + '_ {
        let base = self.base.entries.len();
        let ann = self.ann.entries().len();
        self.base
            .small
            .iter()
            .map(|&i| i as usize)
            .chain(base..base + ann)
    }

    /// The first stage's table (row `k` is parsed entry [`Index::small_id`]`(k)`).
    #[must_use]
    pub fn first_stage_rows(&self) -> &Lowered {
        &self.base.lowered
    }

    /// The entry id of first-stage row `k`.
    #[must_use]
    pub fn small_id(&self, k: usize) -> Option<u32> {
        self.base.small.get(k).copied()
    }

    /// Ids of the annotation entries (searched beside the first-stage rows).
    #[must_use]
    pub fn annotation_ids(&self) -> Range<usize> {
        let base = self.base.entries.len();
        base..base + self.ann.entries().len()
    }

    /// Number of non-passage entries.
    #[must_use]
    pub fn small_len(&self) -> usize {
        self.base.small.len() + self.ann.entries().len()
    }

    /// The parsed-entry range of article `doc` (empty when unknown or removed; its
    /// annotations are not in it: see [`Index::doc_ids`]).
    #[must_use]
    pub fn doc_range(&self, doc: u32) -> Range<usize> {
        self.base
            .ranges
            .get(doc as usize)
            .map_or(0..0, |r| r.start as usize..r.end as usize)
    }

    /// Ids of every entry of article `doc`: its parsed entries, then its annotations.
    pub fn doc_ids(&self, doc: u32) -> impl Iterator<Item = usize> + Clone + '_ {
        let base = self.base.entries.len();
        let a = self.ann.doc_range(doc);
        self.doc_range(doc).chain(base + a.start..base + a.end)
    }

    /// The article number of `path`, if indexed and not removed.
    #[must_use]
    pub fn doc_of(&self, path: &Path) -> Option<u32> {
        self.base.by_path.get(path).copied()
    }

    /// Number of live (not removed) articles.
    #[must_use]
    pub fn live_articles(&self) -> usize {
        self.base.by_path.len()
    }

    /// Paths of the live articles.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.base.by_path.keys().map(PathBuf::as_path)
    }

    /// The text of the heading an entry sits under, for the "where" column.
    #[must_use]
    pub fn heading_of(&self, entry: &Entry) -> Option<&str> {
        let h = self.entries().get(entry.heading? as usize)?;
        Some(&h.text)
    }

    /// Indexes a parsed document (replacing an earlier version of the same path); returns its
    /// article number.
    pub fn add_document(&mut self, path: &Path, doc: &Document, size: u64, mtime: u64) -> u32 {
        let info = ArticleInfo::from_document(path, doc, size, mtime);
        let entries = extract::entries_for(doc, &info.title);
        self.insert_local(info, entries)
    }

    /// Adds an article with entries whose `heading` indices are local to `entries` (as
    /// [`extract::entries_for`] and the cache produce them); replaces an earlier version of
    /// the same path (keeping its annotations). Returns the article number.
    pub fn insert_local(&mut self, mut info: ArticleInfo, mut entries: Vec<Entry>) -> u32 {
        info.removed = false;
        entries.retain(|e| e.kind != Kind::Annotation);
        let base = Arc::make_mut(&mut self.base);
        let shifted = base.by_path.contains_key(&info.path);
        let doc = match base.by_path.get(&info.path) {
            Some(&d) => {
                base.take_doc(d);
                if let Some(slot) = base.articles.get_mut(d as usize) {
                    *slot = info;
                }
                d
            }
            None => {
                let d = to_u32(base.articles.len());
                base.by_path.insert(info.path.clone(), d);
                base.articles.push(info);
                base.ranges.push(0..0);
                d
            }
        };
        let start = to_u32(base.entries.len());
        for e in &mut entries {
            e.doc = doc;
            e.heading = e.heading.map(|h| h + start);
        }
        base.append(doc, entries);
        if shifted && !self.ann.is_empty() {
            // Parsed entry ids moved: re-point the annotations' headings.
            Arc::make_mut(&mut self.ann).rebuild(&self.base);
        }
        doc
    }

    /// Drops an article's entries (its annotations too); its slot stays, marked removed.
    /// Returns false when the path was not indexed.
    pub fn remove(&mut self, path: &Path) -> bool {
        let base = Arc::make_mut(&mut self.base);
        let Some(d) = base.by_path.remove(path) else {
            return false;
        };
        base.take_doc(d);
        if let Some(a) = base.articles.get_mut(d as usize) {
            a.removed = true;
        }
        let ann = Arc::make_mut(&mut self.ann);
        ann.forget(d);
        ann.rebuild(&self.base);
        true
    }

    /// Replaces an article's annotation entries: `(byte offset, quote, note)` each. Only that
    /// article's annotations are rebuilt. Returns false when the path is not indexed.
    pub fn set_annotations(
        &mut self,
        path: &Path,
        annotations: Vec<(u32, String, String)>,
    ) -> bool {
        let Some(d) = self.doc_of(path) else {
            return false;
        };
        Arc::make_mut(&mut self.ann).set(d, annotations, &self.base);
        true
    }

    /// An article's parsed entries with `heading` made local to the returned slice (for the
    /// cache; annotations are not cached).
    #[must_use]
    pub fn local_entries(&self, doc: u32) -> Vec<Entry> {
        let r = self.doc_range(doc);
        let base = to_u32(r.start);
        self.base.entries[r]
            .iter()
            .map(|e| Entry {
                heading: e.heading.map(|h| h - base),
                ..e.clone()
            })
            .collect()
    }

    /// Bytes of entry text (what the finder matches against).
    #[must_use]
    pub fn text_bytes(&self) -> usize {
        self.entries().iter().map(|e| e.text.len()).sum()
    }

    /// Approximate heap bytes held by the index: strings, vectors and the path map
    /// (allocator overhead not counted).
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let b = &*self.base;
        let articles: usize = b
            .articles
            .iter()
            .map(|a| {
                a.path.capacity()
                    + a.title.capacity()
                    + a.author.as_ref().map_or(0, String::capacity)
                    + a.date.as_ref().map_or(0, String::capacity)
            })
            .sum();
        let paths: usize = b.by_path.keys().map(|p| p.capacity()).sum();
        b.articles.capacity() * size_of::<ArticleInfo>()
            + articles
            + (b.entries.capacity() + self.ann.entries().len()) * size_of::<Entry>()
            + self.text_bytes()
            + b.by_path.capacity() * (size_of::<PathBuf>() + 4)
            + paths
            + b.ranges.capacity() * size_of::<Range<u32>>()
            + b.small.capacity() * 4
            + b.lowered.memory_bytes()
    }
}

mod base;

#[cfg(test)]
mod tests;
