//! The state's layouts: the body wrapped for the pane (kept for recent
//! articles), the top line and its anchor, the notes on screen.

use super::{AppState, LayoutKey, RECENT_LAYOUTS};
use crate::app::view::body::BodyLayout;
use crate::app::view::{body, partial};
use crate::document::Document;
use std::sync::Arc;

impl AppState {
    /// Rebuilds the body layout if (article, generation, width, furniture)
    /// changed, keeping the byte anchor; then clamps `top`.
    pub fn ensure_layout(&mut self) {
        let Some(doc) = self.doc().cloned() else {
            self.layout = None;
            self.layout_key = None;
            return;
        };
        let width = self.body_text().width.max(1);
        let key = (
            self.current,
            self.articles[self.current].generation,
            width,
            self.show_furniture,
        );
        if self.layout_key != Some(key) {
            if let (Some(k), Some(l)) = (self.layout_key.take(), self.layout.take())
                && !l.partial
            {
                self.recent.retain(|(rk, _)| *rk != k);
                self.recent.insert(0, (k, l));
                self.recent.truncate(RECENT_LAYOUTS);
            }
            let cached = self
                .recent
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, l)| Arc::clone(l));
            let furniture = self.show_furniture;
            let layout = cached.unwrap_or_else(|| {
                // A big article: the part around the position now, the whole
                // from the worker.
                Arc::new(if doc.text.len() >= partial::PARTIAL_MIN {
                    partial::layout_around(&doc, self.anchor, width, furniture)
                } else {
                    body::layout(&doc, width, furniture)
                })
            });
            self.rewrap_wanted = layout.partial.then_some(key);
            self.layout = Some(layout);
            self.layout_key = Some(key);
            let anchor = self.anchor;
            self.set_top_from_anchor(anchor);
        }
    }

    /// The key of a partial layout on screen whose whole layout has not been
    /// asked for yet (asked once: this clears it).
    pub fn take_rewrap(&mut self) -> Option<LayoutKey> {
        self.rewrap_wanted
            .take()
            .filter(|k| self.layout_key == Some(*k))
    }

    /// The whole layout for `key` of document `doc`, made on the worker: it
    /// replaces the partial one on screen, keeping the reading position; one
    /// for anything no longer shown is dropped.
    pub fn rewrapped(&mut self, key: LayoutKey, doc: &Arc<Document>, layout: Arc<BodyLayout>) {
        let shown = self.layout_key == Some(key)
            && self.layout.as_ref().is_some_and(|l| l.partial)
            && self.doc().is_some_and(|d| Arc::ptr_eq(d, doc));
        if shown && !layout.partial {
            self.layout = Some(layout);
            let anchor = self.anchor;
            self.set_top_from_anchor(anchor);
        }
    }

    /// Drops every layout of article `i`'s current load (its document was
    /// replaced under the same generation).
    pub fn forget_layouts(&mut self, i: usize) {
        let generation = self.articles.get(i).map_or(0, |a| a.generation);
        let of_it = |k: &super::LayoutKey| k.0 == i && k.1 == generation;
        self.recent.retain(|(k, _)| !of_it(k));
        if self.layout_key.as_ref().is_some_and(of_it) {
            self.layout_key = None;
            self.layout = None;
        }
    }

    /// Makes a partial layout on screen cover byte `at` (a jump far from the
    /// part): the part is laid out again around it.
    pub fn reach(&mut self, at: usize) {
        let Some(l) = &self.layout else { return };
        if !l.partial || partial::covers(l, at) {
            return;
        }
        let width = l.width;
        if let Some(doc) = self.doc().cloned() {
            let part = partial::layout_around(&doc, at, width, self.show_furniture);
            self.layout = Some(Arc::new(part));
        }
    }

    /// Goes to the first line of the article, or the last screen (`end`).
    pub fn set_top_edge(&mut self, end: bool) {
        let at = if end {
            self.doc().map_or(0, |d| d.body_end())
        } else {
            0
        };
        self.reach(at);
        self.set_top(if end { usize::MAX } else { 0 });
    }

    /// The display line showing byte `at`, a partial layout laid out again
    /// around it first if it is not in the part ([`Self::reach`]).
    pub fn line_at(&mut self, at: usize) -> usize {
        self.reach(at);
        self.layout.as_ref().map_or(0, |l| l.line_of(at))
    }

    /// Puts the line containing byte `anchor` at the top.
    pub fn set_top_from_anchor(&mut self, anchor: usize) {
        let line = self.line_at(anchor);
        self.set_top(line);
        // Keep the exact anchor when the line is unchanged, so repeated
        // re-wraps do not drift.
        if self
            .layout
            .as_ref()
            .is_some_and(|l| l.line_of(anchor) == self.top)
        {
            self.anchor = anchor;
        }
    }

    /// Sets the top line (clamped) and the anchor from it.
    pub fn set_top(&mut self, line: usize) {
        let h = self.body_height();
        if let Some(l) = &self.layout {
            self.top = line.min(l.max_top(h));
            self.anchor = l.line_start.get(self.top).copied().unwrap_or(0);
        } else {
            self.top = 0;
        }
        self.dirty = true;
    }

    /// Lays out the notes on screen at the notes panel's width (kept in
    /// `note_cache` until the article, its load or the width changes).
    pub fn ensure_note_cache(&mut self) {
        let Some(width) = self.panes().notes_text_width() else {
            return;
        };
        let Some(doc) = self.doc().cloned() else {
            return;
        };
        let vis = self.visible_notes();
        self.note_cache.ensure(&doc, width, &vis);
    }

    /// Notes cited by the markers on screen, in order, without repeats; the
    /// selected note is included (first) if it is not among them.
    #[must_use]
    pub fn visible_notes(&self) -> Vec<usize> {
        let (Some(doc), Some(lay)) = (self.doc(), &self.layout) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = Vec::new();
        for p in &lay.markers[lay.markers_in(self.top, self.top + self.body_height())] {
            if let Some(n) = doc.markers.get(p.marker).and_then(|m| m.note)
                && !out.contains(&n)
            {
                out.push(n);
            }
        }
        if let Some(n) = self.note
            && !out.contains(&n)
            && n < doc.notes.len()
        {
            out.insert(0, n);
        }
        out
    }
}
