//! Selecting with the mouse: a left-button press in the body remembers the
//! word under the pointer; dragging starts or extends a selection from it.

use super::message::Message;
use super::select;
use super::state::AppState;
use super::view::cells;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Byte offset of `doc.text` under cell (col, row) of the body, if any text is there.
#[must_use]
pub fn offset_at(s: &AppState, col: u16, row: u16) -> Option<usize> {
    let t = s.body_text();
    if !t.contains(ratatui::layout::Position::new(col, row)) {
        return None;
    }
    let (doc, lay) = (s.doc()?, s.layout.as_ref()?);
    let line = lay.lines.get(s.top + usize::from(row - t.y))?;
    let want = usize::from(col - t.x);
    let mut c = usize::from(line.lead());
    for sg in &line.segs {
        let text = doc.text.get(sg.start..sg.end)?;
        for (i, g) in text.grapheme_indices(true) {
            let w = cells(g);
            if want < c + w.max(1) {
                return Some(sg.start + i);
            }
            c += w;
        }
    }
    line.segs.last().map(|sg| sg.end.saturating_sub(1))
}

fn word_at(s: &AppState, col: u16, row: u16) -> Option<Range<usize>> {
    let at = offset_at(s, col, row)?;
    select::word_from(s.doc()?, at, s.show_furniture)
}

/// Left button pressed at (col, row): remember where a drag would start.
pub fn down(s: &mut AppState, col: u16, row: u16) {
    s.annot.drag_from = word_at(s, col, row);
    if s.annot.drag_from.is_some() && s.annot.editor.is_none() {
        s.annot.selection = None;
    }
}

/// Dragging with the left button to (col, row): select from the press.
pub fn drag(s: &mut AppState, col: u16, row: u16) {
    if s.annot.editor.is_some() {
        return;
    }
    let Some(head) = word_at(s, col, row) else {
        return;
    };
    let anchor = match &s.annot.selection {
        Some((a, _)) => a.clone(),
        None => match s.annot.drag_from.clone() {
            Some(a) => a,
            None => return,
        },
    };
    s.annot.cursor = Some(head.clone());
    s.annot.selection = Some((anchor, head));
    s.message = Some(Message::info(s.keymap.fill(super::hints::SELECTED)));
}
