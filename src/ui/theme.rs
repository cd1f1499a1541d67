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
