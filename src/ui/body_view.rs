//! Paints the visible slice of the cached body layout, with the selected
//! marker and search matches highlighted.

use super::theme;
use crate::app::AppState;
use crate::app::state::ArticleStatus;
use crate::app::view::{BodyLine, CODE, EMPH, LINK, LineKind, MARKER, STRONG, cells};
use crate::document::Document;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Draws the body pane `r` (its text area is `r` minus one column each side).
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    let t = crate::app::measure::text_area(r, s.measure);
    let (Some(doc), Some(lay)) = (s.doc(), &s.layout) else {
        let (msg, style) = match s.article().map(|a| (&a.status, &a.name)) {
            None => (
                "No articles. Put .txt, .md, .rst, .org or .adoc files in the library folder (see ibid --help)."
                    .to_string(),
                theme::DIM,
            ),
            Some((ArticleStatus::Failed(e), name)) => {
                (format!("Cannot show {name}:\n{e}"), theme::ERROR)
            }
            Some((_, name)) => (format!("Loading {name}…"), theme::DIM),
        };
        Paragraph::new(msg)
            .style(style)
            .wrap(Wrap { trim: true })
            .render(t, buf);
        return;
    };
    let h = usize::from(t.height);
    let end = (s.top + h).min(lay.lines.len());
    for (row, li) in (s.top..end).enumerate() {
        let y = t.y + u16::try_from(row).unwrap_or(0);
        let l = &lay.lines[li];
        if l.kind == LineKind::Code && s.hscroll > 0 {
            super::landing::draw_shifted(buf, t, y, s.hscroll, doc, l);
        } else {
            draw_line(buf, t.x, y, t.width, doc, l);
            highlight_matches(buf, t.x, y, doc, l, s);
        }
        if l.kind == LineKind::Code {
            super::landing::clip_signs(buf, t, y, s.hscroll, doc, l);
        }
    }
    super::landing::draw(buf, r, t, s);
    super::annotations::paint_body(buf, t, s, doc, lay);
    if let Some(p) = s
        .marker
        .and_then(|m| lay.marker_slot(m))
        .map(|i| lay.markers[i])
        && p.line >= s.top
        && p.line < end
    {
        let y = t.y + u16::try_from(p.line - s.top).unwrap_or(0);
        let w = p.width.min(t.width.saturating_sub(p.col));
        buf.set_style(Rect::new(t.x + p.col, y, w, 1), theme::MARKER_SELECTED);
    }
}

/// The style of a segment with `flags` on a line whose base style is `base`.
#[must_use]
pub fn seg_style(base: Style, flags: u8) -> Style {
    let mut st = base;
    if flags & EMPH != 0 {
        st = st.patch(theme::EMPHASIS);
    }
    if flags & STRONG != 0 {
        st = st.patch(theme::STRONG);
    }
    if flags & CODE != 0 {
        st = st.patch(theme::CODE);
    }
    if flags & LINK != 0 {
        st = st.patch(theme::LINK);
    }
    if flags & MARKER != 0 {
        st = st.patch(theme::MARKER);
    }
    st
}

/// Paints one laid-out line at (x, y), at most `w` cells.
pub fn draw_line(buf: &mut Buffer, x: u16, y: u16, w: u16, doc: &Document, l: &BodyLine) {
    let base = match l.kind {
        LineKind::Heading(level) => theme::heading(level),
        LineKind::Quote => theme::QUOTE,
        LineKind::Code => theme::CODE,
        LineKind::Furniture => theme::FURNITURE,
        LineKind::Title => theme::ARTICLE_TITLE,
        LineKind::Byline => theme::BYLINE,
        LineKind::Text | LineKind::Blank => Style::new(),
    };
    let mut spans = Vec::with_capacity(l.segs.len() + 2);
    if l.indent > 0 {
        spans.push(Span::raw(" ".repeat(usize::from(l.indent))));
    }
    if let Some(p) = &l.prefix {
        spans.push(Span::styled(p.as_str(), theme::DIM));
    }
    for sg in &l.segs {
        let text = doc.text.get(sg.start..sg.end).unwrap_or("");
        spans.push(Span::styled(text, seg_style(base, sg.flags)));
    }
    buf.set_line(x, y, &Line::from(spans), w);
}

fn highlight_matches(buf: &mut Buffer, x: u16, y: u16, doc: &Document, l: &BodyLine, s: &AppState) {
    let m = &s.search.matches;
    let (Some(first), Some(last)) = (l.segs.first(), l.segs.last()) else {
        return;
    };
    let (ls, le) = (first.start, last.end);
    let from = m.partition_point(|sp| sp.end <= ls);
    for (i, sp) in m
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, sp)| sp.start < le)
    {
        let a = sp.start.max(ls);
        let b = sp.end.min(le);
        let lead = usize::from(l.lead());
        let c0 = lead + cells(doc.text.get(ls..a).unwrap_or(""));
        let c1 = lead + cells(doc.text.get(ls..b).unwrap_or(""));
        let mut st = theme::SEARCH;
        if s.search.current == Some(i) {
            st = st.add_modifier(ratatui::style::Modifier::BOLD);
        }
        let (c0, c1) = (
            u16::try_from(c0).unwrap_or(0),
            u16::try_from(c1).unwrap_or(0),
        );
        buf.set_style(
            Rect::new(x + c0, y, c1.saturating_sub(c0), 1).intersection(buf.area),
            st,
        );
    }
}
