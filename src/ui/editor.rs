//! The note editor popup (the quoted passage above a `ratatui-textarea`), and
//! the annotations list as a popup on terminals too narrow for the notes panel.

use crate::app::AppState;
use crate::app::view::wrap;
use crate::document::Span;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// Style of the quote in the editor.
pub const QUOTE: Style = Style::new()
    .fg(ratatui::style::Color::Yellow)
    .add_modifier(Modifier::ITALIC);

/// Draws the editor over `area` when it is open.
pub fn draw(buf: &mut Buffer, area: Rect, s: &AppState) {
    if s.annot.tab == crate::app::annotate::NotesTab::Annotations && !s.notes_visible() {
        let w = area.width.saturating_sub(2).min(72);
        let r = crate::app::view::centered(area, w, area.height.saturating_sub(2));
        ratatui::widgets::Clear.render(r, buf);
        super::annotations::draw_tab(buf, r, s);
    }
    let Some(ed) = &s.annot.editor else { return };
    let w = area.width.saturating_sub(4).clamp(1, 72);
    let h = area.height.saturating_sub(2).clamp(1, 14);
    let r = crate::app::view::centered(area, w, h);
    let title = if ed.confirm_discard {
        s.keymap.fill(crate::app::hints::DISCARD_TITLE)
    } else {
        s.keymap.fill(crate::app::hints::EDITOR_TITLE)
    };
    let inner = super::popup(buf, r, &title);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let quote = crate::document::sanitize(&ed.quote.replace('\n', " "));
    let qw = usize::from(inner.width).saturating_sub(2).max(1);
    let max_q = usize::from(inner.height / 3).max(1);
    let lines = wrap(&quote, Span::new(0, quote.len()), qw, qw);
    let shown = lines.len().min(max_q);
    for (i, (a, b)) in lines.iter().take(shown).enumerate() {
        let mut t = quote.get(*a..*b).unwrap_or("").to_string();
        if i + 1 == shown && shown < lines.len() {
            t.push('…');
        }
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        buf.set_stringn(inner.x, y, format!(" {t}"), usize::from(inner.width), QUOTE);
    }
    let used = u16::try_from(shown).unwrap_or(0) + 1;
    if inner.height <= used {
        return;
    }
    let text = Rect::new(
        inner.x + 1,
        inner.y + used,
        inner.width.saturating_sub(1),
        inner.height - used,
    );
    (&ed.area).render(text, buf);
}
