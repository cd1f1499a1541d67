//! Colours and text styles for every element of the reader, in one place.

use ratatui::style::{Color, Modifier, Style};

/// Style of a body heading of `level` (1 is the highest).
#[must_use]
pub fn heading(level: u8) -> Style {
    let s = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
    if level <= 1 {
        s.add_modifier(Modifier::UNDERLINED)
    } else {
        s
    }
}
/// Emphasised (italic) text.
pub const EMPHASIS: Style = Style::new().add_modifier(Modifier::ITALIC);
/// Strong (bold) text.
pub const STRONG: Style = Style::new().add_modifier(Modifier::BOLD);
/// Inline code.
pub const CODE: Style = Style::new().fg(Color::Green);
/// Hyperlinks and URLs.
pub const LINK: Style = Style::new()
    .fg(Color::Blue)
    .add_modifier(Modifier::UNDERLINED);
/// A footnote marker tag in the body.
pub const MARKER: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// The selected footnote marker.
pub const MARKER_SELECTED: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
/// Page furniture shown on request.
pub const FURNITURE: Style = Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM);
/// Quotations and embeds.
pub const QUOTE: Style = Style::new().fg(Color::Gray);
/// A search match.
pub const SEARCH: Style = Style::new().fg(Color::Black).bg(Color::LightMagenta);
/// The highlighted note in the notes panel.
pub const NOTE_SELECTED: Style = Style::new().bg(Color::Rgb(40, 40, 70));
/// A note's label in the notes panel.
pub const NOTE_LABEL: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// The line saying what a note resolves to.
pub const RESOLUTION: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC);
/// An unresolved Ibid./op. cit.
pub const UNRESOLVED: Style = Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC);
/// The article's title at the top of the body.
pub const ARTICLE_TITLE: Style = Style::new().fg(Color::White).add_modifier(Modifier::BOLD);
/// The byline under an article's title.
pub const BYLINE: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
/// Secondary text (authors, dates, hints).
pub const DIM: Style = Style::new().fg(Color::DarkGray);
/// Pane borders; the focused pane's border.
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
/// The focused pane's border.
pub const BORDER_FOCUSED: Style = Style::new().fg(Color::Cyan);
/// The status line.
pub const STATUS: Style = Style::new().fg(Color::White).bg(Color::Rgb(30, 30, 30));
/// A warning in the status line.
pub const WARNING: Style = Style::new().fg(Color::Yellow);
/// Errors (status line, failed articles).
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
/// The selected row of a list (articles, outline).
pub const SELECTED_ROW: Style = Style::new().fg(Color::Black).bg(Color::Cyan);
/// Titles of panes and overlays.
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// The landing mark: the line a jump landed on, for a moment.
pub const LANDING: Style = Style::new().bg(Color::Rgb(35, 55, 35));
/// The gutter sign beside the landing line.
pub const LANDING_SIGN: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);

/// The title of a pane: reverse-video accent when the pane has the focus,
/// so focus shows in every theme, with or without colour.
#[must_use]
pub fn pane_title(focused: bool) -> Style {
    if focused {
        Style::new()
            .fg(Color::Black)
            .bg(Color::Cyan)
            .add_modifier(Modifier::BOLD)
    } else {
        TITLE
    }
}

/// Repaints the finished frame through `p`: the theme's colours for the
/// slots, or with `NO_COLOR` no colour at all and reverse video wherever a
/// background colour marked something.
pub fn apply(buf: &mut ratatui::buffer::Buffer, p: &crate::app::palette::Palette) {
    if p.is_identity() {
        return;
    }
    for cell in &mut buf.content {
        if p.no_color {
            let marked = !matches!(cell.bg, Color::Reset);
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
            if marked {
                cell.modifier.insert(Modifier::REVERSED);
            }
            cell.modifier.remove(Modifier::DIM);
        } else {
            cell.fg = p.color(cell.fg);
            cell.bg = p.color(cell.bg);
        }
    }
}
