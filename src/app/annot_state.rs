//! Annotation UI state: the actions, the note editor, per-article
//! annotations in memory, the cursor, selection and notes-panel tab.

use super::select::Motion;
use crate::annotations::Annotation;
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

/// Annotation actions (wrapped in `Action::Annot`).
#[derive(Debug, Clone, PartialEq)]
pub enum AnnotAction {
    /// Move the body cursor (or the selection's head) by a motion.
    Move(Motion),
    /// `v`: start a selection at the cursor.
    Select,
    /// `a`: annotate the selection.
    AnnotateSelection,
    /// `A`: annotate the paragraph under the cursor (or at the top).
    AnnotateParagraph,
    /// Esc in a selection.
    CancelSelection,
    /// A key for the note editor.
    EditorInput(KeyEvent),
    /// Text pasted into the editor (bracketed paste); sanitised before use.
    EditorPaste(String),
    /// Ctrl-s in the editor.
    EditorSave,
    /// Esc in the editor (asks when the draft is not empty).
    EditorEsc,
    /// An answer to the open prompt: `Some(true)` yes, `Some(false)` no, `None` cancel.
    Answer(Option<bool>),
    /// `t`: switch the notes panel between notes and annotations.
    ToggleTab,
    /// Move the annotations tab's selection.
    TabMove(i32),
    /// Enter in the annotations tab: jump to the passage.
    TabJump,
    /// `e` in the annotations tab.
    TabEdit,
    /// `d` in the annotations tab.
    TabDelete,
    /// `u` in the annotations tab: undo the last delete.
    TabUndo,
    /// The mouse dragged with the left button to a cell.
    Drag {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
    },
}

/// What the editor's note will be attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new annotation on this byte range of `doc.text`.
    New(Range<usize>),
    /// The existing annotation with this id.
    Existing(String),
}

/// The note editor popup.
#[derive(Debug, Clone)]
pub struct Editor {
    /// The text being typed.
    pub area: TextArea<'static>,
    /// What it annotates.
    pub target: EditTarget,
    /// The quoted passage, for the popup's header.
    pub quote: String,
    /// "Discard this draft?" is being asked.
    pub confirm_discard: bool,
}

/// One article's annotations in memory.
#[derive(Debug, Clone, Default)]
pub struct ArticleAnnotations {
    /// The article file.
    pub path: PathBuf,
    /// The annotations (stored ones merged with unsaved changes).
    pub items: Vec<Annotation>,
    /// Byte range of each item in the current `doc.text` (parallel to
    /// `items`); `None` when orphaned.
    pub placed: Vec<Option<Range<usize>>>,
    /// Changes not yet sent to the store (failed saves come back here).
    pub pending: Vec<crate::annotations::Op>,
    /// Saves under way: (generation, ops).
    pub in_flight: Vec<(u64, Vec<crate::annotations::Op>)>,
    /// The store has answered at least once.
    pub loaded: bool,
}

/// Which list the notes panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NotesTab {
    /// The notes cited on screen.
    #[default]
    Notes,
    /// The article's annotations.
    Annotations,
}

/// All annotation UI state (a field of `AppState`).
#[derive(Debug, Clone, Default)]
pub struct AnnotState {
    /// Annotations per article index (for the finder: `items` with `placed`).
    pub articles: HashMap<usize, ArticleAnnotations>,
    /// Bumped whenever any article's annotations change.
    pub rev: u64,
    /// The body cursor: a word of `doc.text` in `cursor_article`.
    pub cursor: Option<Range<usize>>,
    /// Article the cursor belongs to.
    pub cursor_article: usize,
    /// Active selection: (anchor word, head range).
    pub selection: Option<(Range<usize>, Range<usize>)>,
    /// The note editor, when open.
    pub editor: Option<Editor>,
    /// The notes panel's tab.
    pub tab: NotesTab,
    /// Selected row of the annotations tab.
    pub tab_sel: usize,
    /// Deleted annotations for undo: (article, annotation).
    pub deleted: Vec<(usize, Annotation)>,
    /// "Quit with unsaved annotations?" is being asked.
    pub quit_prompt: bool,
    /// Quit once the saves under way have succeeded.
    pub quit_after_save: bool,
    /// Word under the last left-button press in the body (a drag starts there).
    pub drag_from: Option<Range<usize>>,
    /// Articles whose annotations changed since the finder's index last heard
    /// (`app::bridge` drains it).
    pub changed: std::collections::BTreeSet<usize>,
    /// Notes left unsaved by an earlier process, not reopened yet.
    pub restored: Vec<super::drafts::Draft>,
    /// Changes left unsaved by an earlier process, for articles not loaded yet.
    pub restored_ops: Vec<super::drafts::Unsaved>,
    /// The drafts-file content last handed to the shell.
    pub drafts_sent: super::drafts::Drafts,
    pub(crate) next_gen: u64,
    /// Seed of this session's annotation ids (drawn by the shell at start).
    pub id_seed: u64,
    /// Annotation ids made so far this session.
    pub ids_made: u64,
}

impl AnnotState {
    /// Records that article `article`'s annotations changed (bumps `rev`).
    pub fn touch(&mut self, article: usize) {
        self.rev += 1;
        self.changed.insert(article);
    }

    /// Article `article`'s annotations in memory (stored plus unsaved), for
    /// the finder; watch `rev` to know when to re-index.
    #[must_use]
    pub fn items(&self, article: usize) -> &[Annotation] {
        self.articles
            .get(&article)
            .map_or(&[], |e| e.items.as_slice())
    }

    /// The selected byte range (anchor word to head), when selecting.
    #[must_use]
    pub fn selected(&self) -> Option<Range<usize>> {
        self.selection
            .as_ref()
            .map(|(a, h)| a.start.min(h.start)..a.end.max(h.end))
    }
}
