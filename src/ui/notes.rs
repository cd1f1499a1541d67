//! The notes panel (notes cited on screen, following the scroll) and the
//! single-note overlay for narrow terminals. Each note says what it resolves to.

use super::body::{self, LINK, cells, segments, styles_in};
use super::body_view::seg_style;
use super::theme;
use crate::app::{AppState, Pane};
use crate::document::{Document, Span};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Borders;

/// What note `n` resolves to, as one sentence and its style, or `None` for
/// an ordinary note: `Ibid. → 1  text…`, `same source as 1`, or why not.
#[must_use]
pub fn resolution(doc: &Document, n: usize) -> Option<(String, Style)> {
    let note = doc.notes.get(n)?;
    let kind = note.reference.name();
    if let Some(r) = &note.unresolved {
        let kind = if kind.is_empty() { "reference" } else { kind };
        return Some((format!("{kind}: {r}"), theme::UNRESOLVED));
    }
    if let Some(t) = note.refers_to {
        let target = doc.notes.get(t)?;
        let text = doc.note_text(t);
        return Some((
            format!("{kind} → {}  {text}", target.label),
            theme::RESOLUTION,
        ));
    }
    let t = note.same_as?;
    Some((
        format!("same source as {}", doc.notes.get(t)?.label),
        theme::RESOLUTION,
    ))
}

/// URL spans (`http://`, `https://`) inside `span` of the text.
#[must_use]
pub fn urls(text: &str, span: Span) -> Vec<Span> {
    let s = text.get(span.start..span.end).unwrap_or("");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s.get(from..).and_then(|r| r.find("http")) {
        let st = from + i;
        let rest = &s[st..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let len = rest[..len]
                .trim_end_matches(['.', ',', ')', ';', '”', '"'])
                .len();
            out.push(Span::new(span.start + st, span.start + st + len));
            from = st + len.max(1);
        } else {
            from = st + 4;
        }
    }
    out
}

/// A hyperlink on a note line: first cell (from the line's left edge),
/// width in cells, and the target URL (not yet checked for OSC 8).
pub type LineLink = (u16, u16, String);

/// The display lines of note `n` at `width` cells: label and wrapped text,
/// then what it resolves to (indented).
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
    let Some(note) = doc.notes.get(n) else {
        return Vec::new();
    };
    let w = usize::from(width.max(4));
    let label = format!("{} ", note.label);
    let lw = cells(&label);
    let mut styles = styles_in(doc, note.span);
    let mut targets: Vec<(Span, String)> = doc
        .inlines_in(note.span)
        .filter_map(|i| match &i.kind {
            crate::document::InlineKind::Link { url } => Some((i.span, url.clone())),
            _ => None,
        })
        .collect();
    for u in urls(&doc.text, note.span) {
        styles.push((u, LINK, None));
        targets.push((u, doc.slice(u).to_string()));
    }
    let mut out = Vec::new();
    let avail = w.saturating_sub(lw).max(1);
    for (i, (s, e)) in body::wrap(&doc.text, note.span, avail, avail)
        .into_iter()
        .enumerate()
    {
        let mut spans = vec![if i == 0 {
            TSpan::styled(label.clone(), theme::NOTE_LABEL)
        } else {
            TSpan::raw(" ".repeat(lw))
        }];
        let mut links = Vec::new();
        let mut col = lw;
        for sg in segments(s, e, &styles) {
            let text = doc.text.get(sg.start..sg.end).unwrap_or("");
            let sw = cells(text);
            if sg.flags & LINK != 0
                && let Some((_, url)) = targets
                    .iter()
                    .find(|(t, _)| t.start <= sg.start && sg.end <= t.end)
            {
                let c = u16::try_from(col).unwrap_or(u16::MAX);
                links.push((c, u16::try_from(sw).unwrap_or(u16::MAX), url.clone()));
            }
            col += sw;
            spans.push(TSpan::styled(text, seg_style(Style::new(), sg.flags)));
        }
        out.push((Line::from(spans), links));
    }
    if let Some((text, style)) = resolution(doc, n) {
        let indent = lw.min(4);
        let avail = w.saturating_sub(indent).max(1);
        if note.refers_to.is_some() {
            out.push((
                Line::from(vec![
                    TSpan::raw(" ".repeat(indent)),
                    TSpan::styled(truncate(&text, avail), style),
                ]),
                Vec::new(),
            ));
            return out;
        }
        let ranges = body::wrap(&text, Span::new(0, text.len()), avail, avail);
        for (s, e) in ranges.into_iter().take(3) {
            let line = Line::from(vec![
                TSpan::raw(" ".repeat(indent)),
                TSpan::styled(text[s..e].to_string(), style),
            ]);
            out.push((line, Vec::new()));
        }
    }
    out
}

/// `s` cut to at most `w` cells, ending in `…` when cut.
#[must_use]
pub fn truncate(s: &str, w: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if cells(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut col = 0;
    for g in s.graphemes(true) {
        let gw = cells(g);
        if col + gw + 1 > w {
            break;
        }
        out.push_str(g);
        col += gw;
    }
    out.push('…');
    out
}

/// Draws the notes panel in `r` (left border, title row, notes).
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    if s.annot.tab == crate::app::annotate::NotesTab::Annotations {
        return super::annotations::draw_tab(buf, r, s);
    }
    let focused = s.focus == Pane::Notes;
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
            note_lines_linked(doc, n, w)
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
    let r = super::layout::centered(area, w, h);
    let inner = super::popup(
        buf,
        r,
        &format!("Note {label} · Enter follows · Esc closes"),
    );
    for (i, (l, links)) in lines.iter().take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        buf.set_line(inner.x, y, l, inner.width);
        if s.hyperlinks {
            super::hyperlink::apply(buf, inner.x, y, inner.width, links);
        }
    }
}
