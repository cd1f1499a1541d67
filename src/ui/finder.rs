//! The finder overlay: query line, ranked results (kind, text with matched characters
//! highlighted, article › heading) and a preview of the selected result; plus the brief
//! highlight of the passage a jump landed on. Reads the state only.

use super::theme;
use crate::app::AppState;
use crate::app::finder::Scope;
use crate::app::view::cells;
use crate::app::view::truncate;
use crate::finder::{Entry, Hit, Index, Kind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

/// Matched characters (result rows and preview).
pub const MATCH: Style = theme::SEARCH;
/// The passage a result points at, in the preview.
pub const TARGET: Style = Style::new().add_modifier(Modifier::UNDERLINED);
/// The landing highlight in the body after a jump.
pub const FLASH: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
/// Width from which the preview sits beside the results instead of below them.
const SIDE_BY_SIDE: u16 = 100;

/// Draws the finder over `area`.
pub fn draw(buf: &mut Buffer, area: Rect, s: &AppState) {
    let f = &s.finder;
    let w = area.width.saturating_sub(4).min(180);
    let h = area.height.saturating_sub(2).min(44);
    let r = crate::app::view::centered(area, w, h);
    let title = match f.scope {
        Some(Scope::Article) => {
            let t = s.doc().map_or("this article", |d| d.meta.title.as_str());
            format!("Find in {}", truncate(t, usize::from(w / 3)))
        }
        _ => "Find in the library".to_string(),
    };
    let inner = super::popup(
        buf,
        r,
        &format!(
            "{title} · {}",
            s.keymap.fill(crate::app::hints::FINDER_TITLE)
        ),
    );
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    draw_query(buf, Rect::new(inner.x, inner.y, inner.width, 1), s);
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    let (list, preview) = if body.width >= SIDE_BY_SIDE {
        let lw = body.width * 11 / 20;
        for y in body.y..body.y + body.height {
            buf.set_string(body.x + lw, y, "│", theme::BORDER);
        }
        let pv = Rect::new(body.x + lw + 2, body.y, body.width - lw - 2, body.height);
        (Rect::new(body.x, body.y, lw, body.height), pv)
    } else {
        let lh = (body.height / 2).max(1);
        let sep = body.y + lh;
        let line = "─".repeat(usize::from(body.width));
        buf.set_stringn(body.x, sep, line, usize::from(body.width), theme::BORDER);
        let pv = Rect::new(body.x, sep + 1, body.width, body.height - lh - 1);
        (Rect::new(body.x, body.y, body.width, lh), pv)
    };
    let Some(ix) = f.index.as_deref() else { return };
    draw_list(buf, list, s, ix);
    if preview.height > 0 {
        let lines = super::finder_preview::lines(s, ix);
        let p =
            ratatui::widgets::Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false });
        ratatui::widgets::Widget::render(p, preview, buf);
    }
}

/// The query line with its cursor, and the state on the right.
fn draw_query(buf: &mut Buffer, r: Rect, s: &AppState) {
    let f = &s.finder;
    let state = match (&f.index, f.progress) {
        (None, Some(p)) if p.total > 0 => format!("indexing… {}/{}", p.done, p.total),
        (None, _) => "indexing…".to_string(),
        (Some(_), _) if f.input.text.trim().is_empty() => {
            "@ articles  # headings  ^ notes  % annotations".to_string()
        }
        (Some(_), _) if f.searching => format!("{} results, searching…", f.hits.len()),
        (Some(_), _) => format!("{} results", f.hits.len()),
    };
    let sw = cells(&state).min(usize::from(r.width) / 2);
    let x = r.x + r.width - u16::try_from(sw).unwrap_or(0);
    buf.set_stringn(x, r.y, &state, sw, theme::DIM);
    let qw = usize::from(r.width).saturating_sub(sw + 3);
    let text = crate::document::sanitize(&f.input.text);
    let before = cells(f.input.text.get(..f.input.cursor).unwrap_or(""));
    let skip = before.saturating_sub(qw);
    let shown: String = text.chars().skip(skip).collect();
    buf.set_string(r.x, r.y, "›", theme::BORDER_FOCUSED);
    buf.set_stringn(r.x + 2, r.y, &shown, qw, Style::new());
    let cx = r.x + 2 + u16::try_from(before - skip).unwrap_or(0);
    if cx < x {
        buf.set_style(
            Rect::new(cx, r.y, 1, 1),
            Style::new().add_modifier(Modifier::REVERSED),
        );
    }
}

fn draw_list(buf: &mut Buffer, r: Rect, s: &AppState, ix: &Index) {
    let f = &s.finder;
    if f.hits.is_empty() {
        let msg = if f.input.text.trim().is_empty() {
            "type to search titles, headings, passages, notes"
        } else if f.searching {
            "searching…"
        } else {
            "no matches"
        };
        buf.set_stringn(r.x, r.y, msg, usize::from(r.width), theme::DIM);
        return;
    }
    let rows = usize::from(r.height).max(1);
    let off = f.sel.saturating_sub(rows - 1);
    for (k, (i, h)) in f.hits.iter().enumerate().skip(off).take(rows).enumerate() {
        let Some(e) = ix.entries().get(h.entry as usize) else {
            continue;
        };
        let y = r.y + u16::try_from(k).unwrap_or(0);
        let row = Rect::new(r.x, y, r.width, 1);
        let selected = i == f.sel;
        let base = if selected {
            theme::SELECTED_ROW
        } else {
            Style::new()
        };
        buf.set_style(row, base);
        draw_row(buf, row, ix, e, h, base);
    }
}

/// One result: `kind  text…  Title › Heading`.
fn draw_row(buf: &mut Buffer, r: Rect, ix: &Index, e: &Entry, h: &Hit, base: Style) {
    let w = usize::from(r.width);
    let kind_w = 11.min(w / 4);
    let kind_style = base.patch(kind_style(e.kind));
    buf.set_stringn(
        r.x,
        r.y,
        e.kind.label(),
        kind_w.saturating_sub(1),
        kind_style,
    );
    let place = place(ix, e);
    let place_w = if e.kind == Kind::Article {
        0
    } else {
        cells(&place).min(w.saturating_sub(kind_w) * 2 / 5)
    };
    let text_w = w.saturating_sub(kind_w + place_w + usize::from(place_w > 0) * 2);
    let spans = highlighted(&e.text, &h.positions, text_w, base);
    let x = r.x + u16::try_from(kind_w).unwrap_or(0);
    buf.set_line(
        x,
        r.y,
        &Line::from(spans),
        u16::try_from(text_w).unwrap_or(0),
    );
    if place_w > 0 {
        let px = r.x + r.width - u16::try_from(place_w).unwrap_or(0);
        let dim = if base == Style::new() {
            theme::DIM
        } else {
            base
        };
        buf.set_stringn(px, r.y, truncate(&place, place_w), place_w, dim);
    }
}

fn kind_style(k: Kind) -> Style {
    let c = match k {
        Kind::Article => Color::Green,
        Kind::Heading => Color::Cyan,
        Kind::Passage => Color::Gray,
        Kind::Note => Color::Yellow,
        Kind::Annotation => Color::Magenta,
    };
    Style::new().fg(c)
}

/// Where a result is: `Title › Heading` (the article's title alone for headings).
#[must_use]
pub fn place(ix: &Index, e: &Entry) -> String {
    let title = ix
        .articles()
        .get(e.doc as usize)
        .map_or("", |a| a.title.as_str());
    match ix.heading_of(e) {
        Some(hd) if e.kind != Kind::Heading => format!("{title} › {hd}"),
        _ => title.to_string(),
    }
}

/// `text` as spans with the chars at `positions` (char indices) in [`MATCH`], windowed to
/// `width` cells so the first match is visible (a leading `…` when cut).
#[must_use]
pub fn highlighted(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = text.chars().collect();
    let first = positions.first().copied().unwrap_or(0);
    let start = if first + 4 > width {
        first
            .saturating_sub(width / 3)
            .min(chars.len().saturating_sub(width.saturating_sub(1)))
    } else {
        0
    };
    let mut out = Vec::new();
    if start > 0 {
        out.push(Span::styled("…", base.patch(theme::DIM)));
    }
    let mut run = String::new();
    let mut run_match = false;
    let mut pi = positions.partition_point(|&p| p < start);
    for (i, c) in chars.iter().enumerate().skip(start).take(width + 1) {
        let m = positions.get(pi) == Some(&i);
        if m {
            pi += 1;
        }
        if m != run_match && !run.is_empty() {
            let st = if run_match { base.patch(MATCH) } else { base };
            out.push(Span::styled(std::mem::take(&mut run), st));
        }
        run_match = m;
        run.push(if c.is_control() { ' ' } else { *c });
    }
    if !run.is_empty() {
        let st = if run_match { base.patch(MATCH) } else { base };
        out.push(Span::styled(run, st));
    }
    out
}

/// Paints the landing highlight over the body pane `r` (after `body_view::draw`).
pub fn draw_flash(buf: &mut Buffer, r: Rect, s: &AppState) {
    let Some((article, span, _)) = s.finder.flash else {
        return;
    };
    let (Some(doc), Some(lay)) = (s.doc(), &s.layout) else {
        return;
    };
    if article != s.current {
        return;
    }
    let t = crate::app::measure::text_area(r, s.measure);
    let end = (s.top + usize::from(t.height)).min(lay.lines.len());
    for (row, l) in lay.lines[s.top.min(end)..end].iter().enumerate() {
        let (Some(a), Some(b)) = (l.segs.first(), l.segs.last()) else {
            continue;
        };
        let (a, b) = (span.start.max(a.start), span.end.min(b.end));
        if a >= b {
            continue;
        }
        let ls = l.segs[0].start;
        let lead = usize::from(l.lead());
        let c0 = lead + cells(doc.text.get(ls..a).unwrap_or(""));
        let c1 = lead + cells(doc.text.get(ls..b).unwrap_or(""));
        let y = t.y + u16::try_from(row).unwrap_or(0);
        let x0 = t.x + u16::try_from(c0).unwrap_or(0);
        let wd = u16::try_from(c1.saturating_sub(c0)).unwrap_or(0);
        buf.set_style(Rect::new(x0, y, wd, 1).intersection(t), FLASH);
    }
}
