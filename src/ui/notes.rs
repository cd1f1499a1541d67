//! The notes panel (notes cited on screen, following the scroll) and the
//! single-note overlay for narrow terminals: styles and paints the lines of
//! `app::view::notes`.

use super::body_view::seg_style;
use super::theme;
use crate::app::view::notes::{self as layout, LineLink, NoteLine};
use crate::app::{AppState, Pane};
use crate::document::Document;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Borders;

/// The style of a resolution line.
fn resolution_style(unresolved: bool) -> Style {
    if unresolved {
        theme::UNRESOLVED
    } else {
        theme::RESOLUTION
    }
}

/// What note `n` resolves to, as one sentence and its style, or `None` for
/// an ordinary note: `Ibid. → 1  text…`, `same source as 1`, or why not.
#[must_use]
pub fn resolution(doc: &Document, n: usize) -> Option<(String, Style)> {
    layout::resolution(doc, n).map(|(t, u)| (t, resolution_style(u)))
}

/// The display lines of note `n` at `width` cells, styled.
#[must_use]
pub fn note_lines(doc: &Document, n: usize, width: u16) -> Vec<Line<'_>> {
    note_lines_linked(doc, n, width)
        .into_iter()
        .map(|(l, _)| l)
        .collect()
}

/// [`note_lines`] with the hyperlinks on each line.
#[must_use]
pub fn note_lines_linked(doc: &Document, n: usize, width: u16) -> Vec<(Line<'_>, Vec<LineLink>)> {
    styled(doc, layout::note_lines(doc, n, width))
}

/// Styles laid-out note lines.
fn styled(doc: &Document, lines: Vec<NoteLine>) -> Vec<(Line<'_>, Vec<LineLink>)> {
    lines
        .into_iter()
        .map(|l| match l {
            NoteLine::Text {
                label,
                lead,
                segs,
                links,
            } => {
                let mut spans = vec![match label {
                    Some(label) => TSpan::styled(label, theme::NOTE_LABEL),
                    None => TSpan::raw(" ".repeat(lead)),
                }];
                spans.extend(segs.iter().map(|sg| {
                    TSpan::styled(
                        doc.text.get(sg.start..sg.end).unwrap_or(""),
                        seg_style(Style::new(), sg.flags),
                    )
                }));
                (Line::from(spans), links)
            }
            NoteLine::Resolution {
                indent,
                text,
                unresolved,
            } => (
                Line::from(vec![
                    TSpan::raw(" ".repeat(indent)),
                    TSpan::styled(text, resolution_style(unresolved)),
                ]),
                Vec::new(),
            ),
        })
        .collect()
}

/// Draws the notes panel in `r` (left border, title row, notes).
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    if s.annot.tab == crate::app::annotate::NotesTab::Annotations {
        return super::annotations::draw_tab(buf, r, s);
    }
    let focused = crate::app::mode(s).focused_pane() == Some(Pane::Notes);
    let Some(inner) = super::pane::frame(buf, r, Borders::LEFT, focused, 4) else {
        return;
    };
    let x = inner.x + 1;
    let w = inner.width - 1;
    let vis = s.visible_notes();
    let title = if vis.is_empty() {
        "Notes".to_string()
    } else {
        format!("Notes ({} on screen)", vis.len())
    };
    buf.set_stringn(
        x,
        inner.y,
        title,
        usize::from(w),
        theme::pane_title(focused),
    );
    let Some(doc) = s.doc() else { return };
    if vis.is_empty() {
        buf.set_stringn(
            x,
            inner.y + 2,
            "no notes cited here",
            usize::from(w),
            theme::DIM,
        );
        return;
    }
    let mut rows: Vec<(Line<'_>, Vec<LineLink>, bool)> = Vec::new();
    let mut sel_first = None;
    for &n in &vis {
        let selected = s.note == Some(n);
        if selected {
            sel_first = Some(rows.len());
        }
        rows.extend(
            // Laid out by `update` (the cache); computed here only if missing.
            s.note_cache
                .get(doc, w, n)
                .map_or_else(|| note_lines_linked(doc, n, w), |l| styled(doc, l.to_vec()))
                .into_iter()
                .map(|(l, k)| (l, k, selected)),
        );
        rows.push((Line::default(), Vec::new(), false));
    }
    let h = usize::from(inner.height - 1);
    let off = match sel_first {
        Some(f) => {
            let sel_len = rows[f..].iter().take_while(|(_, _, sel)| *sel).count();
            if f + sel_len > h { f } else { 0 }
        }
        None => 0,
    };
    for (i, (line, links, selected)) in rows.iter().skip(off).take(h).enumerate() {
        let y = inner.y + 1 + u16::try_from(i).unwrap_or(0);
        if *selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme::NOTE_SELECTED);
        }
        buf.set_line(x, y, line, w);
        if s.hyperlinks {
            super::hyperlink::apply(buf, x, y, w, links);
        }
    }
}

/// Draws note `n` as a box over `area` (narrow terminals).
pub fn draw_overlay(buf: &mut Buffer, area: Rect, s: &AppState, n: usize) {
    let Some(doc) = s.doc() else { return };
    let label = doc.notes.get(n).map_or("", |x| x.label.as_str());
    let w = area.width.saturating_sub(2).min(72);
    let lines = note_lines_linked(doc, n, w.saturating_sub(2));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let r = crate::app::view::centered(area, w, h);
    let inner = super::popup(
        buf,
        r,
        &format!(
            "Note {label} · {}",
            s.keymap.fill(crate::app::hints::NOTE_TITLE)
        ),
    );
    for (i, (l, links)) in lines.iter().take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        buf.set_line(inner.x, y, l, inner.width);
        if s.hyperlinks {
            super::hyperlink::apply(buf, inner.x, y, inner.width, links);
        }
    }
}
