//! The help screen, generated from the keymap table.

use super::theme;
use crate::app::keymap::{Context, KEYMAP};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The help text: one section per context, one row per binding.
#[must_use]
pub fn lines() -> Vec<Line<'static>> {
    let order = [
        Context::Global,
        Context::Body,
        Context::Notes,
        Context::List,
        Context::Outline,
        Context::Note,
        Context::Search,
        Context::Help,
    ];
    let mut out = Vec::new();
    for ctx in order {
        out.push(Line::from(Span::styled(
            ctx.name().to_string(),
            theme::TITLE,
        )));
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            let keys = b.keys.join(" ");
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme::NOTE_LABEL),
                Span::raw(b.desc),
            ]));
        }
    }
    out.push(Line::from(Span::styled(
        "mouse: wheel scrolls the pane under the pointer; click a marker to open its note",
        theme::DIM,
    )));
    out
}

/// Draws the help box over `area`, scrolled by `scroll` rows.
pub fn draw(buf: &mut Buffer, area: Rect, scroll: usize) {
    let lines = lines();
    let w = area.width.saturating_sub(4).min(64);
    let h = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let r = super::layout::centered(area, w, h);
    let inner = super::popup(buf, r, "Keys · j/k scroll · Esc closes");
    let max = lines.len().saturating_sub(usize::from(inner.height));
    for (i, l) in lines
        .iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_line(
            inner.x,
            inner.y + u16::try_from(i).unwrap_or(0),
            l,
            inner.width,
        );
    }
}
