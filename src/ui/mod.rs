//! Drawing: `draw(frame, state)` reads the state and paints the panes and
//! overlays. It never wraps the article (that is `app::view::layout`, cached in
//! the state) and does no I/O.

pub mod annotations;
pub mod body_view;
pub mod editor;
pub mod finder;
pub mod finder_preview;
pub mod help;
pub mod hyperlink;
pub mod landing;
pub mod list;
pub mod notes;
pub mod outline;
pub mod pane;
pub mod sources;
pub mod status;
pub mod theme;

use crate::app::{AppState, Overlay};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Paints the whole screen for `s`.
pub fn draw(f: &mut Frame<'_>, s: &AppState) {
    let area = f.area();
    let p = crate::app::view::panes(area);
    let buf = f.buffer_mut();
    if p.tiny {
        let msg = ["ibid: terminal too small", "too small", "small", "!"]
            .into_iter()
            .find(|m| crate::app::view::cells(m) <= usize::from(area.width))
            .unwrap_or("");
        buf.set_stringn(area.x, area.y, msg, usize::from(area.width), theme::ERROR);
        return;
    }
    if let Some(r) = p.list {
        list::draw(buf, r, s);
    }
    body_view::draw(buf, p.body, s);
    finder::draw_flash(buf, p.body, s);
    if let Some(r) = p.notes {
        if s.sources.open {
            sources::draw(buf, r, s);
        } else {
            notes::draw(buf, r, s);
        }
    }
    status::draw(buf, p.status, s);
    let main = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    match &s.overlay {
        Some(Overlay::Help(k)) => help::draw(buf, main, &s.keymap, *k),
        Some(Overlay::Outline(k)) => outline::draw(buf, main, s, *k),
        Some(Overlay::Note(n)) => notes::draw_overlay(buf, main, s, *n),
        Some(Overlay::List) => {
            let w = main.width.min(44);
            let r = Rect::new(main.x, main.y, w, main.height);
            Clear.render(r, buf);
            list::draw(buf, r, s);
        }
        None if s.sources.open && p.notes.is_none() => sources::draw_overlay(buf, main, s),
        Some(Overlay::Finder) => finder::draw(buf, main, s),
        Some(Overlay::Search) | None => {}
    }
    editor::draw(buf, main, s);
    theme::apply(buf, &s.palette);
}

/// Clears `r` and draws a bordered box titled `title`; returns the inside.
pub fn popup(buf: &mut Buffer, r: Rect, title: &str) -> Rect {
    Clear.render(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::BORDER_FOCUSED)
        .title(ratatui::text::Span::styled(
            format!(" {title} "),
            theme::TITLE,
        ));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}
