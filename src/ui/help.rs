//! The help screen: draws the rows of `app::view::help`, scrolled.

use super::theme;
use crate::app::keymap::Keymap;
use crate::app::view::help::{HelpRow, rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The help text as styled lines.
#[must_use]
pub fn lines(km: &Keymap) -> Vec<Line<'static>> {
    rows(km)
        .into_iter()
        .map(|r| match r {
            HelpRow::Section(name) => Line::from(Span::styled(name, theme::TITLE)),
            HelpRow::Binding(keys, desc) => Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme::NOTE_LABEL),
                Span::raw(desc),
            ]),
            HelpRow::Footer(text) => Line::from(Span::styled(text, theme::DIM)),
        })
        .collect()
}

/// Draws the help box over `area`, scrolled by `scroll` rows.
pub fn draw(buf: &mut Buffer, area: Rect, km: &Keymap, scroll: usize) {
    let lines = lines(km);
    let w = area.width.saturating_sub(4).min(64);
    let h = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let r = crate::app::view::centered(area, w, h);
    let inner = super::popup(buf, r, &km.fill(crate::app::hints::HELP_TITLE));
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
