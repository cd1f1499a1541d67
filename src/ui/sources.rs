//! The sources view: in the notes panel (or as an overlay on narrow
//! terminals), the citation-health report, then one row per distinct work;
//! or the markers citing one work. Reads the data cached by `app::sources`.

use super::theme;
use crate::app::AppState;
use crate::app::sources::{SourceRow, current, marker_labels};
use crate::app::view::cells;
use crate::app::view::truncate;
use crate::document::{Document, sanitize};
use crate::sources::{Finding, Health};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Borders;

/// One display row and whether it belongs to the selection.
pub type Row = (Line<'static>, bool);

/// The rows of the view, and the row showing a URL (index, URL) for OSC 8.
pub type View = (Vec<Row>, Option<(usize, String)>);

/// The health report as lines of text (empty when everything is fine):
/// a heading, then one line per kind of problem with its labels.
#[must_use]
pub fn health_lines(h: &Health) -> Vec<String> {
    if h.is_clean() {
        return Vec::new();
    }
    let checks: [(&str, &Finding); 6] = [
        ("markers with no note", &h.markers_without_note),
        ("notes with no marker", &h.notes_without_marker),
        ("markers out of order", &h.markers_out_of_order),
        ("unresolved op. cit./Ibid.", &h.unresolved_op_cit),
        ("duplicate notes", &h.duplicate_notes),
        ("dead-looking URLs", &h.suspicious_urls),
    ];
    let mut out = vec!["⚠ Citation health".to_string()];
    for (name, f) in checks.into_iter().filter(|(_, f)| f.count > 0) {
        let items = if f.details.is_empty() || name == "dead-looking URLs" {
            f.labels.join(", ")
        } else {
            f.details.join(", ")
        };
        out.push(format!("  {name}: {} ({})", f.count, sanitize(&items)));
    }
    out
}

/// `authors` joined, or `None` when the citation names nobody.
fn authors(row: &SourceRow) -> Option<String> {
    (!row.citation.authors.is_empty()).then(|| sanitize(&row.citation.authors.join(", ")))
}

/// `container · date`, whichever are known.
fn where_when(row: &SourceRow) -> String {
    [&row.citation.container, &row.citation.date]
        .into_iter()
        .flatten()
        .map(|x| sanitize(x))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn line(text: String, style: Style) -> Line<'static> {
    Line::from(Span::styled(text, style))
}

/// The lines of one work in the list: count and authors, title, container and date.
fn work_lines(row: &SourceRow, w: usize) -> Vec<Line<'static>> {
    let count = format!("{:>2}× ", row.markers.len());
    let cw = cells(&count);
    let title = row.citation.title.as_deref().map(sanitize);
    let first = authors(row)
        .or_else(|| title.as_ref().map(|t| format!("“{t}”")))
        .or_else(|| row.citation.url.as_deref().map(sanitize))
        .unwrap_or_else(|| "(untitled source)".into());
    let mut out = vec![Line::from(vec![
        Span::styled(count, theme::NOTE_LABEL),
        Span::styled(truncate(&first, w.saturating_sub(cw)), theme::TITLE),
    ])];
    let pad = " ".repeat(cw);
    let room = w.saturating_sub(cw);
    if let Some(t) = title.filter(|_| authors(row).is_some()) {
        out.push(line(
            format!("{pad}{}", truncate(&format!("“{t}”"), room)),
            Style::new(),
        ));
    }
    let ww = where_when(row);
    if !ww.is_empty() {
        out.push(line(format!("{pad}{}", truncate(&ww, room)), theme::DIM));
    }
    out
}

/// The text before marker `m` in its paragraph, cut from the left to `w` cells.
fn context_before(doc: &Document, m: usize, w: usize) -> String {
    let Some(mk) = doc.markers.get(m) else {
        return String::new();
    };
    let start = doc
        .blocks
        .get(mk.block)
        .map_or(mk.span.start, |b| b.span.start);
    let text = sanitize(doc.text.get(start..mk.span.start).unwrap_or("").trim_end());
    if cells(&text) <= w {
        return text;
    }
    let mut col = 1;
    let mut cut = text.len();
    for (i, c) in text.char_indices().rev() {
        let cw = cells(c.encode_utf8(&mut [0; 4]));
        if col + cw > w {
            break;
        }
        col += cw;
        cut = i;
    }
    format!("…{}", &text[cut..])
}

/// The view's title: the count and sort order, or the sub-list's size.
#[must_use]
pub fn title(s: &AppState) -> String {
    let Some(data) = current(s) else {
        return "Sources".into();
    };
    let sort = s.sources.sort;
    match (s.sources.sub, data.row(sort, s.sources.sel)) {
        (Some(_), Some(row)) => {
            let n = row.markers.len();
            let plural = if n == 1 { "" } else { "s" };
            format!("Sources › cited by {n} marker{plural}")
        }
        _ => format!(
            "Sources ({}) · by {} · {}",
            data.works.len(),
            sort.name(),
            s.keymap.fill(crate::app::hints::SOURCES_SORT)
        ),
    }
}

/// The rows of the view at `w` cells wide: health report and works, or
/// the selected work and the markers citing it.
#[must_use]
pub fn view(s: &AppState, w: u16) -> View {
    let w = usize::from(w.max(8));
    let (Some(doc), Some(data)) = (s.doc(), current(s)) else {
        return (
            vec![(line("no article loaded".into(), theme::DIM), false)],
            None,
        );
    };
    let sort = s.sources.sort;
    let mut rows: Vec<Row> = Vec::new();
    if let (Some(k), Some(row)) = (s.sources.sub, data.row(sort, s.sources.sel)) {
        rows.extend(work_lines(row, w).into_iter().map(|l| (l, false)));
        let mut link = None;
        if let Some(u) = &row.citation.url {
            link = Some((rows.len(), u.clone()));
            rows.push((line(truncate(&sanitize(u), w), theme::LINK), false));
        }
        rows.push((Line::default(), false));
        let hint = s.keymap.fill(crate::app::hints::SOURCES_MARKERS);
        rows.push((line(truncate(&hint, w), theme::DIM), false));
        for (i, (&m, label)) in row.markers.iter().zip(marker_labels(doc, row)).enumerate() {
            let tag = format!("[{}] ", sanitize(&label));
            let ctx = context_before(doc, m, w.saturating_sub(cells(&tag)));
            let l = Line::from(vec![Span::styled(tag, theme::MARKER), Span::raw(ctx)]);
            rows.push((l, i == k));
        }
        return (rows, link);
    }
    let health = health_lines(&data.health);
    if !health.is_empty() {
        for h in health {
            rows.push((line(truncate(&h, w), theme::UNRESOLVED), false));
        }
        rows.push((Line::default(), false));
    }
    if data.works.is_empty() {
        rows.push((line("no sources cited".into(), theme::DIM), false));
    }
    for (i, row) in data.ordered(sort).enumerate() {
        let sel = i == s.sources.sel;
        rows.extend(work_lines(row, w).into_iter().map(|l| (l, sel)));
    }
    (rows, None)
}

/// First row to show so the selection fits in `h` rows.
fn offset(rows: &[Row], h: usize) -> usize {
    let Some(last) = rows.iter().rposition(|(_, sel)| *sel) else {
        return 0;
    };
    let first = rows.iter().position(|(_, sel)| *sel).unwrap_or(last);
    if last < h {
        0
    } else {
        (last + 1 - h).min(first)
    }
}

fn paint(buf: &mut Buffer, at: Rect, full: Rect, view: &View, links: bool) {
    let (rows, link) = view;
    let h = usize::from(at.height);
    let off = offset(rows, h);
    for (i, (l, sel)) in rows.iter().enumerate().skip(off).take(h) {
        let y = at.y + u16::try_from(i - off).unwrap_or(0);
        if *sel {
            buf.set_style(Rect::new(full.x, y, full.width, 1), theme::NOTE_SELECTED);
        }
        buf.set_line(at.x, y, l, at.width);
        if let Some((_, url)) = link.as_ref().filter(|(k, _)| links && *k == i) {
            let width = u16::try_from(cells(url)).unwrap_or(u16::MAX).min(at.width);
            super::hyperlink::apply(buf, at.x, y, at.width, &[(0, width, url.clone())]);
        }
    }
}

/// Draws the view in the notes panel's rectangle `r`.
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    let focused = crate::app::sources::active(s);
    let Some(inner) = super::pane::frame(buf, r, Borders::LEFT, focused, 4) else {
        return;
    };
    let (x, w) = (inner.x + 1, inner.width - 1);
    buf.set_stringn(
        x,
        inner.y,
        title(s),
        usize::from(w),
        theme::pane_title(focused),
    );
    let at = Rect::new(x, inner.y + 1, w, inner.height - 1);
    paint(buf, at, inner, &view(s, w), s.hyperlinks);
}

/// Draws the view as a box over `area` (terminals too narrow for the panel).
pub fn draw_overlay(buf: &mut Buffer, area: Rect, s: &AppState) {
    let inner = super::popup(buf, area, &title(s));
    if inner.width < 2 || inner.height < 1 {
        return;
    }
    paint(buf, inner, inner, &view(s, inner.width), s.hyperlinks);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_health_has_no_lines() {
        assert!(health_lines(&Health::default()).is_empty());
        let h = Health {
            unresolved_op_cit: Finding {
                count: 1,
                labels: vec!["6".into()],
                details: Vec::new(),
            },
            ..Health::default()
        };
        let l = health_lines(&h);
        assert_eq!(l.len(), 2);
        assert!(l[1].contains("unresolved op. cit./Ibid.: 1 (6)"), "{l:?}");
    }

    #[test]
    fn offset_keeps_selection_visible() {
        let r = |sel: bool| (Line::default(), sel);
        let rows = vec![r(false), r(false), r(false), r(true), r(true)];
        assert_eq!(offset(&rows, 10), 0);
        assert_eq!(offset(&rows, 3), 2);
        assert_eq!(offset(&rows, 1), 3);
    }
}
