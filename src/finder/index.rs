//! The library's finder index: an article table and one flat list of entries.
//!
//! Invariants: each live article's entries are contiguous (`ranges[doc]`), in the order
//! [`extract::entries_for`] produces (title first); `small` lists every non-passage entry in
//! index order (the fast synchronous search set). Article slots are never reused for another
//! path: a removed article keeps its slot (marked `removed`, no entries), so `doc` numbers held
//! by the UI (recent articles, scope) stay valid.

use super::extract::{self, to_u32};
use super::{Entry, Kind};
use crate::document::Document;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

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
    articles: Vec<ArticleInfo>,
    entries: Vec<Entry>,
    by_path: HashMap<PathBuf, u32>,
    ranges: Vec<Range<u32>>,
    small: Vec<u32>,
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
        &self.articles
    }

    /// All entries; `Hit::entry` indexes it.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Indices of the non-passage entries (articles, headings, notes, annotations).
    #[must_use]
    pub fn small_entries(&self) -> &[u32] {
        &self.small
    }

    /// The entry range of article `doc` (empty when unknown or removed).
    #[must_use]
    pub fn doc_range(&self, doc: u32) -> Range<usize> {
        self.ranges
            .get(doc as usize)
            .map_or(0..0, |r| r.start as usize..r.end as usize)
    }

    /// The article number of `path`, if indexed and not removed.
    #[must_use]
    pub fn doc_of(&self, path: &Path) -> Option<u32> {
        self.by_path.get(path).copied()
    }

    /// Number of live (not removed) articles.
    #[must_use]
    pub fn live_articles(&self) -> usize {
        self.by_path.len()
    }

    /// Paths of the live articles.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.by_path.keys().map(PathBuf::as_path)
    }

    /// The text of the heading an entry sits under, for the "where" column.
    #[must_use]
    pub fn heading_of(&self, entry: &Entry) -> Option<&str> {
        let h = self.entries.get(entry.heading? as usize)?;
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
    /// the same path. Returns the article number.
    pub fn insert_local(&mut self, mut info: ArticleInfo, mut entries: Vec<Entry>) -> u32 {
        info.removed = false;
        let doc = match self.by_path.get(&info.path) {
            Some(&d) => {
                self.take_doc(d);
                if let Some(slot) = self.articles.get_mut(d as usize) {
                    *slot = info;
                }
                d
            }
            None => {
                let d = to_u32(self.articles.len());
                self.by_path.insert(info.path.clone(), d);
                self.articles.push(info);
                self.ranges.push(0..0);
                d
            }
        };
        let base = to_u32(self.entries.len());
        for e in &mut entries {
            e.doc = doc;
            e.heading = e.heading.map(|h| h + base);
        }
        self.append(doc, entries);
        doc
    }

    /// Drops an article's entries; its slot stays, marked removed. Returns false when the
    /// path was not indexed.
    pub fn remove(&mut self, path: &Path) -> bool {
        let Some(d) = self.by_path.remove(path) else {
            return false;
        };
        self.take_doc(d);
        if let Some(a) = self.articles.get_mut(d as usize) {
            a.removed = true;
        }
        true
    }

    /// Replaces an article's annotation entries: `(byte offset, quote, note)` each. Returns
    /// false when the path is not indexed.
    pub fn set_annotations(
        &mut self,
        path: &Path,
        annotations: Vec<(u32, String, String)>,
    ) -> bool {
        let Some(d) = self.doc_of(path) else {
            return false;
        };
        let mut local = self.take_doc(d);
        local.retain(|e| e.kind != Kind::Annotation);
        for (offset, quote, note) in annotations {
            let heading = local
                .iter()
                .enumerate()
                .rfind(|(_, e)| e.kind == Kind::Heading && e.offset <= offset)
                .map(|(i, _)| to_u32(i));
            let text = if note.trim().is_empty() {
                quote.replace('\n', " ")
            } else {
                format!("{} — {}", quote, note).replace('\n', " ")
            };
            local.push(Entry {
                kind: Kind::Annotation,
                doc: d,
                text: text.into(),
                offset,
                heading,
            });
        }
        let base = to_u32(self.entries.len());
        for e in &mut local {
            e.heading = e.heading.map(|h| h + base);
        }
        self.append(d, local);
        true
    }

    /// An article's entries with `heading` made local to the returned slice (for the cache).
    #[must_use]
    pub fn local_entries(&self, doc: u32) -> Vec<Entry> {
        let r = self.doc_range(doc);
        let base = to_u32(r.start);
        self.entries[r]
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
        self.entries.iter().map(|e| e.text.len()).sum()
    }

    /// Approximate heap bytes held by the index: strings, vectors and the path map
    /// (allocator overhead not counted).
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let articles: usize = self
            .articles
            .iter()
            .map(|a| {
                a.path.capacity()
                    + a.title.capacity()
                    + a.author.as_ref().map_or(0, String::capacity)
                    + a.date.as_ref().map_or(0, String::capacity)
            })
            .sum();
        let paths: usize = self.by_path.keys().map(|p| p.capacity()).sum();
        self.articles.capacity() * size_of::<ArticleInfo>()
            + articles
            + self.entries.capacity() * size_of::<Entry>()
            + self.text_bytes()
            + self.by_path.capacity() * (size_of::<PathBuf>() + 4)
            + paths
            + self.ranges.capacity() * size_of::<Range<u32>>()
            + self.small.capacity() * 4
    }

    fn append(&mut self, doc: u32, entries: Vec<Entry>) {
        let start = to_u32(self.entries.len());
        for (i, e) in entries.iter().enumerate() {
            if e.kind != Kind::Passage {
                self.small.push(start + to_u32(i));
            }
        }
        self.entries.extend(entries);
        if let Some(r) = self.ranges.get_mut(doc as usize) {
            *r = start..to_u32(self.entries.len());
        }
    }

    /// Removes an article's entries from the list (keeping the invariants) and returns them
    /// with local heading indices.
    fn take_doc(&mut self, doc: u32) -> Vec<Entry> {
        let r = self.doc_range(doc);
        if r.is_empty() {
            return Vec::new();
        }
        let (start, end) = (to_u32(r.start), to_u32(r.end));
        let len = end - start;
        let mut taken: Vec<Entry> = self.entries.drain(r).collect();
        for e in &mut taken {
            e.heading = e.heading.map(|h| h - start);
        }
        for e in &mut self.entries[start as usize..] {
            e.heading = e.heading.map(|h| if h >= end { h - len } else { h });
        }
        for r in &mut self.ranges {
            if r.start >= end {
                *r = r.start - len..r.end - len;
            }
        }
        if let Some(r) = self.ranges.get_mut(doc as usize) {
            *r = 0..0;
        }
        self.small.retain(|&i| i < start || i >= end);
        for i in &mut self.small {
            if *i >= end {
                *i -= len;
            }
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};

    fn doc(s: &str) -> Document {
        parse_str(s, Format::Plain)
    }

    #[test]
    fn remove_keeps_other_articles_consistent() {
        let mut ix = Index::new();
        let a = doc("First Title\n\nIntro.\n\nSection One\n\nBody one is here.\n");
        let b = doc("Second Title\n\nIntro two.\n\nSection Two\n\nBody two is here.\n");
        ix.add_document(Path::new("a.txt"), &a, 1, 1);
        let db = ix.add_document(Path::new("b.txt"), &b, 1, 1);
        let before: Vec<Option<String>> = ix
            .entries()
            .iter()
            .filter(|e| e.doc == db)
            .map(|e| ix.heading_of(e).map(str::to_owned))
            .collect();
        assert!(ix.remove(Path::new("a.txt")));
        assert!(ix.entries().iter().all(|e| e.doc == db));
        let after: Vec<Option<String>> = ix
            .entries()
            .iter()
            .map(|e| ix.heading_of(e).map(str::to_owned))
            .collect();
        assert_eq!(before, after);
        assert_eq!(ix.doc_range(db), 0..ix.entries().len());
        assert!(ix.articles()[0].removed);
        for &i in ix.small_entries() {
            assert_ne!(ix.entries()[i as usize].kind, Kind::Passage);
        }
    }

    #[test]
    fn annotations_are_replaced() {
        let mut ix = Index::new();
        let a = doc("First Title\n\nIntro.\n\nSection One\n\nBody one is here.\n");
        let p = Path::new("a.txt");
        ix.add_document(p, &a, 1, 1);
        let off = to_u32(a.text.find("Body").unwrap_or(0));
        ix.set_annotations(p, vec![(off, "Body one".into(), "check".into())]);
        ix.set_annotations(p, vec![(off, "Body one".into(), "again".into())]);
        let anns: Vec<&Entry> = ix
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Annotation)
            .collect();
        assert_eq!(anns.len(), 1);
        assert_eq!(&*anns[0].text, "Body one — again");
        assert!(!ix.set_annotations(Path::new("nope"), Vec::new()));
    }
}
