//! Actions (what happened: a key's meaning, a resize, a finished load) and
//! Effects (I/O that `update` asks the shell to do).

use crate::document::Document;
use std::path::PathBuf;
use std::sync::Arc;

/// A pane that can have the keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The article list (left).
    List,
    /// The article body (centre).
    Body,
    /// The notes panel (right).
    Notes,
}

/// Everything `update` reacts to. The bindable ones appear in the keymap
/// (`app::keymap`); the rest come from the shell.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Scroll the body by this many lines (negative: up).
    ScrollLines(i32),
    /// Scroll the body by this many pages.
    ScrollPages(i32),
    /// Scroll the body by this many half pages.
    ScrollHalf(i32),
    /// Go to the top of the article.
    Top,
    /// Go this many percent into the article (`50%`); `None`: no count typed.
    Percent(Option<u32>),
    /// Go to the bottom of the article.
    Bottom,
    /// Move a selection (list, notes, outline, help) by this many rows.
    MoveSel(i32),
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Select the next footnote marker.
    NextMarker,
    /// Select the previous footnote marker.
    PrevMarker,
    /// Enter: open the selected marker's note, follow a note's reference,
    /// open the selected article or outline heading.
    Follow,
    /// Go back in the jump list.
    Back,
    /// Go forward in the jump list.
    Forward,
    /// Open the outline of headings.
    Outline,
    /// Start a search.
    Search,
    /// Open the command prompt (`:p 12` goes to page 12 of a PDF).
    Command,
    /// Next search match.
    SearchNext,
    /// Previous search match.
    SearchPrev,
    /// Open the next article.
    NextArticle,
    /// Open the previous article.
    PrevArticle,
    /// Show or hide page furniture.
    ToggleFurniture,
    /// Show or hide the article list overlay.
    ToggleList,
    /// Show the help screen.
    Help,
    /// Close the open overlay.
    Close,
    /// Leave the program.
    Quit,
    /// Leave now without asking (a signal): unsaved annotations are saved
    /// synchronously on the way out.
    Terminate,
    /// Give the terminal back and stop (Ctrl-Z, SIGTSTP); `fg` resumes with a redraw.
    Suspend,
    /// A character typed into the search prompt.
    Input(char),
    /// Backspace in the search prompt.
    InputBackspace,
    /// The terminal's size in cells (columns, rows).
    Resize(u16, u16),
    /// Mouse wheel at a cell: lines to scroll.
    Wheel {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
        /// Lines (negative: up).
        delta: i32,
    },
    /// Mouse click at a cell.
    Click {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
    },
    /// A worker finished loading article `article`; stale `generation`s are dropped.
    Loaded {
        /// Index into `AppState::articles`.
        article: usize,
        /// The generation the load was started with.
        generation: u64,
        /// The document, or a readable error.
        result: Result<Arc<Document>, String>,
    },
    /// The whole layout of a big article, made on the worker
    /// (`Effect::Rewrap`) while the part around the position was shown.
    Rewrapped {
        /// What the layout is for (article, generation, width, furniture).
        key: super::state::LayoutKey,
        /// The document it lays out.
        doc: Arc<Document>,
        /// The layout.
        layout: Arc<super::view::body::BodyLayout>,
    },
    /// The first part of a big article, parsed ahead of the rest, so the
    /// first screen need not wait for the whole parse; `Loaded` follows.
    FirstPart {
        /// Index into `AppState::articles`.
        article: usize,
        /// The generation the load was started with.
        generation: u64,
        /// The first part's document.
        doc: Arc<Document>,
    },
    /// The articles (indices into `AppState::articles`) that have stored annotations,
    /// found at start-up (`Effect::FindAnnotated`): they are loaded so the finder knows
    /// their annotations.
    Annotated(Vec<usize>),
    /// A key of the sources view (`app::sources`).
    Sources(super::sources::SourcesAction),
    /// The library watcher saw files appear, change or go (`crate::watch`).
    LibraryChanged {
        /// New article files.
        added: Vec<PathBuf>,
        /// Article files whose content changed.
        changed: Vec<PathBuf>,
        /// Article files that are gone.
        removed: Vec<PathBuf>,
    },
    /// Open the selected note's or source's URL in the browser.
    OpenLink,
    /// Copy the selected note's or source's URL (`crate::clipboard` picks how).
    CopyLink,
    /// The finder overlay: keys and worker replies (`app::finder`).
    Finder(super::finder::FinderMsg),
    /// An article's annotations changed: `(byte offset, quote, note)` each, for the
    /// finder's index (the annotation store sends it after load/save).
    AnnotationsChanged {
        /// The article file.
        path: PathBuf,
        /// All its annotations.
        items: Vec<(u32, String, String)>,
    },
    /// Selection, note editor and annotations tab (see `app::annotate`).
    Annot(super::annotate::AnnotAction),
    /// A worker loaded article `article`'s annotations (`Effect::LoadAnnotations`).
    AnnotationsLoaded {
        /// Index into `AppState::articles`.
        article: usize,
        /// Load generation of the document the request was made for.
        generation: u64,
        /// The stored annotations and warnings, or a readable error.
        result: Result<crate::annotations::Loaded, String>,
    },
    /// A worker finished `Effect::SaveAnnotations`; stale `generation`s are ignored.
    AnnotationsSaved {
        /// Index into `AppState::articles`.
        article: usize,
        /// The generation the save was started with.
        generation: u64,
        /// The merged state now on disk, or a readable error.
        result: Result<crate::annotations::Loaded, String>,
    },
    /// A digit of a count typed before a motion (`10j`).
    Count(u8),
    /// Marks: `m a`, `' a`, `' '` (`app::marks`).
    Mark(super::marks::MarkAction),
    /// The landing mark's timer `id` ran out (`app::landing`).
    LandingOff(u64),
    /// The first frame is on the screen: the start's background work begins
    /// (which articles have annotations), off the first frame's path.
    FirstFrame,
    /// `=` (true) widens, `-` narrows the reading measure.
    Measure(bool),
    /// Scroll preformatted lines sideways by this many steps (negative: left).
    ScrollSideways(i32),
    /// The article list's filter and order (`app::list_view`).
    List(super::list_view::ListAction),
    /// Show a message in the status line (text sanitised before display).
    Message(super::message::Message),
}

/// I/O requested by `update`, carried out by the run loop's executor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read and parse an article on a worker thread; reply with `Action::Loaded`.
    Load {
        /// Index into `AppState::articles`.
        article: usize,
        /// The file.
        path: PathBuf,
        /// Generation to tag the reply with.
        generation: u64,
    },
    /// Lay out the whole of `doc` for `key` on the rewrap worker (the newest
    /// request replaces one not started); reply `Action::Rewrapped`.
    Rewrap {
        /// What the layout is for (article, generation, width, furniture).
        key: super::state::LayoutKey,
        /// The document.
        doc: Arc<Document>,
    },
    /// Load article `article`'s annotations on a worker; reply `Action::AnnotationsLoaded`.
    LoadAnnotations {
        /// Index into `AppState::articles`.
        article: usize,
        /// The article file (canonicalised by the worker).
        path: PathBuf,
        /// The loaded document (its text gives the store key's fingerprint).
        doc: Arc<Document>,
        /// The document's load generation.
        generation: u64,
    },
    /// Merge `ops` into the store on a worker; reply `Action::AnnotationsSaved`.
    SaveAnnotations {
        /// Index into `AppState::articles`.
        article: usize,
        /// The article file.
        path: PathBuf,
        /// The document the annotations anchor to.
        doc: Arc<Document>,
        /// Upserts and deletes to merge.
        ops: Vec<crate::annotations::Op>,
        /// Save generation to tag the reply with.
        generation: u64,
    },
    /// On the annotations worker: which of these articles (index, file) have stored
    /// annotations; reply `Action::Annotated`.
    FindAnnotated(Vec<(usize, PathBuf)>),
    /// Save reading positions: (file, byte offset of the top line).
    SavePositions(Vec<(PathBuf, usize)>),
    /// Remember the open article and its position for the next start.
    SaveLastRead {
        /// The article file.
        path: PathBuf,
        /// Byte offset of the top line.
        anchor: usize,
    },
    /// Clear the landing mark `id` after `app::landing::SHOW_MS`; reply `Action::LandingOff`.
    LandingTimer(u64),
    /// Open a checked URL in the browser on a worker thread.
    OpenUrl(String),
    /// Copy a checked URL to the clipboard (OSC 52, tmux, wl-copy, xclip/xsel, pbcopy).
    CopyUrl(String),
    /// Finder I/O: searches, rescans, annotations, timers (`app::finder_shell`).
    Finder(super::finder::FinderEffect),
    /// Write the drafts file's new content (debounced by the shell).
    Drafts(super::drafts::Drafts),
    /// Suspend: restore the terminal, stop the process, redraw after `fg`.
    Suspend,
    /// Stop the program.
    Quit,
}
