//! The sources view: the notes panel turned into the article's distinct works
//! (with a citation-health report), a marker sub-list per work, and jumps to
//! a marker. Works are computed once per loaded document and cached by article.

use super::action::{Effect, Pane};
use super::message::Message;
use super::nav;
use super::state::AppState;
use crate::document::Document;
use crate::sources::{Citation, Health, Work, health_of, note_inputs, works};
use std::collections::HashMap;
use std::sync::Arc;

/// What the keys of the sources view do (wrapped in `Action::Sources`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcesAction {
    /// Show the sources instead of the notes (or back).
    Toggle,
    /// Next sort order: first citation → count → author.
    CycleSort,
    /// Move the selection (works, or markers in the sub-list) by rows.
    Move(i32),
    /// Enter: open the selected work's markers, or jump to the selected marker.
    Enter,
    /// Esc: leave the marker sub-list, or close the view.
    Back,
}

/// Order of the works list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourcesSort {
    /// By first citation in the article.
    #[default]
    First,
    /// Most cited first.
    Count,
    /// By first author's surname.
    Author,
}

impl SourcesSort {
    /// The next order in the cycle.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::First => Self::Count,
            Self::Count => Self::Author,
            Self::Author => Self::First,
        }
    }
    /// Name shown in the panel title.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::First => "first cited",
            Self::Count => "count",
            Self::Author => "author",
        }
    }
    fn slot(self) -> usize {
        match self {
            Self::First => 0,
            Self::Count => 1,
            Self::Author => 2,
        }
    }
}

/// One distinct work, with document indices instead of labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The fullest citation of the work.
    pub citation: Citation,
    /// Indices into `doc.notes` of the notes citing it, in note order.
    pub notes: Vec<usize>,
    /// Indices into `doc.markers` of the body markers citing it, in reading order.
    pub markers: Vec<usize>,
}

/// Works and health of one document, computed once per load.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourcesData {
    /// Works in order of first citation.
    pub works: Vec<SourceRow>,
    /// Citation health report.
    pub health: Health,
    /// Row order for each [`SourcesSort`] (indices into `works`).
    orders: [Vec<usize>; 3],
}

impl SourcesData {
    /// Groups the document's notes into works and checks citation health.
    #[must_use]
    pub fn compute(doc: &Document) -> Self {
        // Labels may repeat (Gutenberg restarts them): group by index instead.
        let mut inputs = note_inputs(doc);
        for (i, n) in inputs.iter_mut().enumerate() {
            n.label = i.to_string();
            n.markers = doc.notes[i].markers.iter().map(usize::to_string).collect();
        }
        let ws = works(&inputs);
        let idx =
            |v: &[String]| -> Vec<usize> { v.iter().filter_map(|x| x.parse().ok()).collect() };
        let rows: Vec<SourceRow> = ws
            .iter()
            .map(|w| {
                let mut markers = idx(&w.markers);
                markers.sort_unstable();
                SourceRow {
                    citation: w.citation.clone(),
                    notes: idx(&w.notes),
                    markers,
                }
            })
            .collect();
        let order_by = |sort: fn(&mut [Work])| -> Vec<usize> {
            let mut tagged: Vec<Work> = ws.clone();
            for (i, w) in tagged.iter_mut().enumerate() {
                w.first = i;
            }
            sort(&mut tagged);
            tagged.iter().map(|w| w.first).collect()
        };
        Self {
            orders: [
                (0..rows.len()).collect(),
                order_by(crate::sources::sort_by_count),
                order_by(crate::sources::sort_by_author),
            ],
            works: rows,
            health: health_of(doc),
        }
    }
    /// The works in `sort` order.
    pub fn ordered(&self, sort: SourcesSort) -> impl Iterator<Item = &SourceRow> {
        self.orders[sort.slot()]
            .iter()
            .filter_map(|&i| self.works.get(i))
    }
    /// The `i`-th work in `sort` order.
    #[must_use]
    pub fn row(&self, sort: SourcesSort, i: usize) -> Option<&SourceRow> {
        self.orders[sort.slot()]
            .get(i)
            .and_then(|&w| self.works.get(w))
    }
}

/// State of the sources view.
#[derive(Debug, Clone, Default)]
pub struct SourcesState {
    /// The view replaces the notes panel (an overlay on narrow terminals).
    pub open: bool,
    /// Current sort order.
    pub sort: SourcesSort,
    /// Selected row of the works list (in sort order).
    pub sel: usize,
    /// The marker sub-list of the selected work, with its selected row.
    pub sub: Option<usize>,
    /// (article, generation) the selection belongs to; reset when it changes.
    shown: Option<(usize, u64)>,
    /// Computed data per article, tagged with the load generation.
    cache: HashMap<usize, (u64, Arc<SourcesData>)>,
}

impl SourcesState {
    /// The cached data of `article` if it matches load `generation`.
    #[must_use]
    pub fn data(&self, article: usize, generation: u64) -> Option<&Arc<SourcesData>> {
        self.cache
            .get(&article)
            .filter(|(g, _)| *g == generation)
            .map(|(_, d)| d)
    }
}

/// The sources data of the open article (computed by [`ensure`]).
#[must_use]
pub fn current(s: &AppState) -> Option<&Arc<SourcesData>> {
    let a = s.article()?;
    s.sources.data(s.current, a.generation)
}

/// True when the sources view takes the keys (see [`super::mode::mode`]).
#[must_use]
pub fn active(s: &AppState) -> bool {
    super::mode::mode(s) == super::mode::Mode::Sources
}

/// Computes the open article's sources if the view is open and the cache
/// lacks them; resets the selection when the article changed.
pub fn ensure(s: &mut AppState) {
    if !s.sources.open {
        return;
    }
    let Some(doc) = s.doc().cloned() else { return };
    let key = (s.current, s.articles[s.current].generation);
    if s.sources.shown != Some(key) {
        s.sources.shown = Some(key);
        s.sources.sel = 0;
        s.sources.sub = None;
    }
    if s.sources.data(key.0, key.1).is_none() {
        let data = Arc::new(SourcesData::compute(&doc));
        s.sources.cache.insert(key.0, (key.1, data));
    }
}

/// Applies a sources-view action.
pub fn update(s: &mut AppState, a: SourcesAction, _fx: &mut Vec<Effect>) {
    match a {
        SourcesAction::Toggle => toggle(s),
        SourcesAction::CycleSort => {
            if !s.sources.open {
                toggle(s);
            }
            s.sources.sort = s.sources.sort.next();
            s.sources.sel = 0;
            s.sources.sub = None;
            s.message = Some(Message::info(format!(
                "sources sorted by {}",
                s.sources.sort.name()
            )));
        }
        SourcesAction::Move(n) => move_sel(s, n),
        SourcesAction::Enter => enter(s),
        SourcesAction::Back => {
            if s.sources.sub.is_some() {
                s.sources.sub = None;
            } else {
                s.sources.open = false;
            }
        }
    }
}

fn toggle(s: &mut AppState) {
    s.sources.open = !s.sources.open;
    if s.sources.open {
        s.overlay = None;
        if s.notes_visible() {
            s.focus = Pane::Notes;
        }
        ensure(s);
        if s.doc().is_none() {
            s.message = Some(Message::info("no article loaded"));
        }
    }
}

fn step(v: usize, n: i32, len: usize) -> usize {
    let t = i64::try_from(v).unwrap_or(0) + i64::from(n);
    let max = i64::try_from(len.saturating_sub(1)).unwrap_or(0);
    usize::try_from(t.clamp(0, max)).unwrap_or(0)
}

fn move_sel(s: &mut AppState, n: i32) {
    let Some(data) = current(s).cloned() else {
        return;
    };
    let sort = s.sources.sort;
    match s.sources.sub {
        Some(k) => {
            let len = data.row(sort, s.sources.sel).map_or(0, |r| r.markers.len());
            s.sources.sub = Some(step(k, n, len));
        }
        None => s.sources.sel = step(s.sources.sel, n, data.works.len()),
    }
}

fn enter(s: &mut AppState) {
    let Some(data) = current(s).cloned() else {
        return;
    };
    let Some(row) = data.row(s.sources.sort, s.sources.sel) else {
        s.message = Some(Message::info("this article cites no sources"));
        return;
    };
    match s.sources.sub {
        None if row.markers.is_empty() => {
            s.message = Some(Message::info("no marker in the text cites this work"));
        }
        None => s.sources.sub = Some(0),
        Some(k) => {
            if let Some(&m) = row.markers.get(k) {
                jump_to_marker(s, m);
            }
        }
    }
}

/// Selects marker `m` in the body and scrolls it into view, recording the
/// jump (Ctrl-o returns). On narrow terminals the overlay closes.
pub fn jump_to_marker(s: &mut AppState, m: usize) {
    let Some(doc) = s.doc().cloned() else { return };
    let Some(marker) = doc.markers.get(m) else {
        return;
    };
    nav::push_jump(s);
    s.marker = Some(m);
    s.note = marker.note;
    s.reach(marker.span.start);
    if let Some(p) = s
        .layout
        .as_ref()
        .and_then(|l| l.marker_slot(m).map(|i| l.markers[i]))
    {
        nav::show_line(s, p.line);
    }
    if !s.notes_visible() {
        s.sources.open = false;
    }
    s.focus = Pane::Body;
    s.message = Some(Message::info(format!(
        "marker [{}] {}",
        marker.label,
        s.keymap.fill(super::hints::GO_BACK)
    )));
}

/// Labels of the markers citing `row`, for display.
#[must_use]
pub fn marker_labels(doc: &Document, row: &SourceRow) -> Vec<String> {
    row.markers
        .iter()
        .filter_map(|&m| doc.markers.get(m).map(|x| x.label.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_cycles() {
        let s = SourcesSort::default();
        assert_eq!(s, SourcesSort::First);
        assert_eq!(s.next().next().next(), SourcesSort::First);
        assert_eq!(step(0, -1, 3), 0);
        assert_eq!(step(2, 5, 3), 2);
        assert_eq!(step(0, 1, 0), 0);
    }
}
