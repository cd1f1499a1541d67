//! Growing and shrinking the parsed half of the index, keeping its
//! invariants (entry ranges per article, the small-entry list, lowered text).

use super::*;

impl Base {
    pub(super) fn append(&mut self, doc: u32, entries: Vec<Entry>) {
        let start = to_u32(self.entries.len());
        for (i, e) in entries.iter().enumerate() {
            if e.kind != Kind::Passage {
                self.small.push(start + to_u32(i));
            }
        }
        self.lowered.extend(&entries);
        self.entries.extend(entries);
        if let Some(r) = self.ranges.get_mut(doc as usize) {
            *r = start..to_u32(self.entries.len());
        }
    }

    /// Removes an article's entries from the list (keeping the invariants).
    pub(super) fn take_doc(&mut self, doc: u32) {
        let r = self
            .ranges
            .get(doc as usize)
            .map_or(0..0, |r| r.start as usize..r.end as usize);
        if r.is_empty() {
            return;
        }
        let (start, end) = (to_u32(r.start), to_u32(r.end));
        let len = end - start;
        self.entries.drain(r);
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
        let entries = &self.entries;
        self.lowered
            .rebuild(self.small.iter().filter_map(|&i| entries.get(i as usize)));
    }
}
