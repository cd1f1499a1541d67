//! The article list: title, author, date and note count per article; the
//! open one marked, failed ones with their reason.

use super::theme;
use crate::app::state::ArticleStatus;
use crate::app::{AppState, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Borders;

/// Rows each article takes.
pub const ROWS: usize = 2;

/// First entry shown when `sel` must be visible among `rows` entries.
#[must_use]
pub fn offset(sel: usize, rows: usize) -> usize {
    sel.saturating_sub(rows.saturating_sub(1))
}

/// Draws the list in `r` (with a right border).
pub fn draw(buf: &mut Buffer, r: Rect, s: &AppState) {
    let focused = crate::app::mode(s).focused_pane() == Some(Pane::List);
    let Some(inner) = super::pane::frame(buf, r, Borders::RIGHT, focused, 3) else {
        return;
    };
    let w = usize::from(inner.width);
    let order = crate::app::list_view::order(s);
    let v = &s.list_view;
    let mut title = if order.len() == s.articles.len() {
        format!("Articles ({})", s.articles.len())
    } else {
        format!("Articles ({} of {})", order.len(), s.articles.len())
    };
    if v.sort != crate::app::list_view::Sort::File {
        title.push_str(&format!(" · by {}", v.sort.name()));
    }
    if !v.filter.is_empty() || v.typing {
        title.push_str(&format!(" · /{}", crate::document::sanitize(&v.filter)));
        if v.typing {
            title.push('▏');
        }
    }
    buf.set_stringn(
        inner.x,
        inner.y,
        crate::app::view::truncate(&title, w),
        w,
        theme::pane_title(focused),
    );
    let rows = usize::from(inner.height - 1) / ROWS;
    let sel = order.iter().position(|&i| i == s.list_sel).unwrap_or(0);
    let off = offset(sel, rows);
    for (k, (i, a)) in order
        .iter()
        .map(|&i| (i, &s.articles[i]))
        .skip(off)
        .take(rows)
        .enumerate()
    {
        let y = inner.y + 1 + u16::try_from(k * ROWS).unwrap_or(0);
        let mark = if i == s.current { "▶ " } else { "  " };
        let (title, meta, meta_style) = match &a.status {
            ArticleStatus::Loaded(d) => {
                let mut meta = meta_line(
                    d.notes.len(),
                    d.meta.date.as_deref(),
                    d.meta.author.as_deref(),
                );
                if matches!(d.meta.format.as_str(), "html" | "epub") {
                    meta = format!("{meta} · {}", d.meta.format);
                }
                if let Some(host) = d
                    .meta
                    .source_url
                    .as_deref()
                    .and_then(crate::app::links::domain)
                {
                    meta = format!("{meta} · {host}");
                }
                let t = if d.meta.title.is_empty() {
                    a.name.clone()
                } else {
                    d.meta.title.clone()
                };
                (t, meta, theme::DIM)
            }
            ArticleStatus::Failed(e) => (format!("✗ {}", a.name), e.clone(), theme::ERROR),
            ArticleStatus::Pending => match summary(s, &a.path) {
                // Not opened yet: the finder's index has parsed it.
                Some(info) => (
                    crate::document::sanitize(&info.title),
                    crate::document::sanitize(&meta_line(
                        info.note_count as usize,
                        info.date.as_deref(),
                        info.author.as_deref(),
                    )),
                    theme::DIM,
                ),
                None => (a.name.clone(), "loading…".to_string(), theme::DIM),
            },
        };
        let title_style = if i == s.current {
            theme::TITLE
        } else {
            ratatui::style::Style::new()
        };
        let title = crate::app::view::truncate(&title, w.saturating_sub(2));
        buf.set_stringn(inner.x, y, format!("{mark}{title}"), w, title_style);
        if inner.y + inner.height > y + 1 {
            let meta = crate::app::view::truncate(&meta, w.saturating_sub(2));
            buf.set_stringn(inner.x, y + 1, format!("  {meta}"), w, meta_style);
        }
        if focused && i == s.list_sel {
            let h = u16::try_from(ROWS)
                .unwrap_or(1)
                .min(inner.y + inner.height - y);
            buf.set_style(Rect::new(inner.x, y, inner.width, h), theme::SELECTED_ROW);
        }
    }
}

/// `"12 notes · 2013-11-11 · Author"`.
fn meta_line(notes: usize, date: Option<&str>, author: Option<&str>) -> String {
    let mut parts: Vec<String> = vec![match notes {
        1 => "1 note".to_string(),
        n => format!("{n} notes"),
    }];
    parts.extend(date.map(str::to_string));
    parts.extend(author.map(str::to_string));
    parts.join(" · ")
}

/// What the finder's index knows of an article not loaded here.
fn summary<'a>(s: &'a AppState, path: &std::path::Path) -> Option<&'a crate::finder::ArticleInfo> {
    let ix = s.finder.index.as_ref()?;
    ix.articles().get(ix.doc_of(path)? as usize)
}
