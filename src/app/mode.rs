//! The one answer to "what has the keys now": [`mode`] computes it from the
//! state; key routing looks keys up in its contexts and drawing uses it for
//! focus styles and prompts, so the two can never disagree.

use super::action::Pane;
use super::annotate::NotesTab;
use super::keymap::Context;
use super::state::{AppState, Overlay};

/// What takes the keys, most specific first (see [`mode`] for the order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// "Discard this note?" asked over the editor.
    DiscardPrompt,
    /// "Quit with unsaved annotations?" asked in the status line.
    QuitPrompt,
    /// The note editor: unbound keys are typed into it.
    Editor,
    /// The help screen.
    Help,
    /// The outline of headings.
    Outline,
    /// The article list as an overlay (narrow terminals).
    ListOverlay,
    /// The search (or `:` command) prompt: printable keys are typed.
    Search,
    /// The finder: printable keys are typed.
    Finder,
    /// One note as an overlay (narrow terminals).
    NoteOverlay,
    /// A body selection is being made (`v`).
    Select,
    /// The annotations tab of the notes panel has the keys.
    Annotations,
    /// The sources view has the keys.
    Sources,
    /// No overlay or prompt: the focused pane has the keys.
    Pane(Pane),
}

/// The mode of `s`: prompts, then the editor, then overlays, then a
/// selection, the annotations tab, the sources view, and the focused pane.
#[must_use]
pub fn mode(s: &AppState) -> Mode {
    let a = &s.annot;
    if a.editor.as_ref().is_some_and(|e| e.confirm_discard) {
        return Mode::DiscardPrompt;
    }
    if a.quit_prompt {
        return Mode::QuitPrompt;
    }
    if a.editor.is_some() {
        return Mode::Editor;
    }
    match s.overlay {
        Some(Overlay::Help(_)) => return Mode::Help,
        Some(Overlay::Outline(_)) => return Mode::Outline,
        Some(Overlay::List) => return Mode::ListOverlay,
        Some(Overlay::Search) => return Mode::Search,
        Some(Overlay::Finder) => return Mode::Finder,
        Some(Overlay::Note(_)) => return Mode::NoteOverlay,
        None => {}
    }
    // The notes panel's tabs and the sources view have the keys when the
    // panel is focused, or when it is hidden (they show as overlays).
    let panel_keys = s.focus == Pane::Notes || !s.notes_visible();
    if a.selection.is_some() {
        Mode::Select
    } else if a.tab == NotesTab::Annotations && panel_keys {
        Mode::Annotations
    } else if s.sources.open && panel_keys {
        Mode::Sources
    } else {
        Mode::Pane(s.focus)
    }
}

impl Mode {
    /// The keymap contexts a key is looked up in, most specific first.
    #[must_use]
    pub fn contexts(self) -> &'static [Context] {
        use Context as C;
        match self {
            Self::DiscardPrompt | Self::QuitPrompt => &[C::Confirm],
            Self::Editor => &[C::Editor],
            Self::Help => &[C::Help],
            Self::Outline => &[C::Outline],
            Self::ListOverlay => &[C::List],
            Self::Search => &[C::Search],
            Self::Finder => &[C::Finder],
            Self::NoteOverlay => &[C::Note, C::Global],
            Self::Select => &[C::Select, C::Global],
            Self::Annotations => &[C::Annotations, C::Global],
            Self::Sources => &[C::Sources, C::Global],
            Self::Pane(Pane::List) => &[C::List, C::Global],
            Self::Pane(Pane::Body) => &[C::Body, C::Global],
            Self::Pane(Pane::Notes) => &[C::Notes, C::Global],
        }
    }

    /// The pane drawn as focused: the one whose keys are live (the list for
    /// its overlay; the notes panel for its tabs and the sources view).
    #[must_use]
    pub fn focused_pane(self) -> Option<Pane> {
        match self {
            Self::Pane(p) => Some(p),
            Self::ListOverlay => Some(Pane::List),
            Self::Annotations | Self::Sources => Some(Pane::Notes),
            Self::Select => Some(Pane::Body),
            _ => None,
        }
    }

    /// Printable keys are typed into a prompt or editor rather than looked up.
    #[must_use]
    pub fn types_text(self) -> bool {
        matches!(self, Self::Editor | Self::Search | Self::Finder)
    }
}

#[cfg(test)]
mod tests;
