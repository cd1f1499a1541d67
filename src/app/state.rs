//! The whole reader state: articles, view position, selections, overlays.
//! Mutated only by `update`; read by `draw`.

use super::action::Pane;
use super::view::BodyLayout;
use super::view::{Panes, panes};
use crate::document::{Document, Span};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

mod layout;

/// Load state of one article.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleStatus {
    /// Not read yet (or being read).
    Pending,
    /// Parsed.
    Loaded(Arc<Document>),
    /// Unreadable, empty, binary or missing: the reason, for the list and body.
    Failed(String),
}

/// One entry of the article list.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file.
    pub path: PathBuf,
    /// File name, sanitised for display.
    pub name: String,
    /// Load state.
    pub status: ArticleStatus,
    /// Generation of the latest load request.
    pub generation: u64,
    /// Remembered reading position (byte offset of the top line).
    pub anchor: usize,
    /// The position remembered at start: only changed positions are saved,
    /// so another ibid's newer position for this article is not undone.
    pub opened_at: usize,
    /// Set while only the first part of the article is loaded.
    pub first_part: Option<FirstPartShown>,
}

/// What is kept while an article's first part stands in for it.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPartShown {
    /// The first part's document, to map the reader's place into the whole.
    pub doc: Arc<Document>,
    /// The remembered position (in the whole document's text).
    pub saved: usize,
    /// The top line's anchor when the part was first shown, if it was the
    /// open article: unchanged means the reader has not moved.
    pub shown_at: Option<usize>,
}

impl Article {
    /// A pending article for `path`.
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Self {
            name: crate::document::sanitize(&name),
            path,
            status: ArticleStatus::Pending,
            generation: 0,
            anchor: 0,
            opened_at: 0,
            first_part: None,
        }
    }
    /// The document, when loaded.
    #[must_use]
    pub fn doc(&self) -> Option<&Arc<Document>> {
        match &self.status {
            ArticleStatus::Loaded(d) => Some(d),
            _ => None,
        }
    }
}

/// A modal layer drawn over the panes; it gets keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keymap help screen, scrolled by this many rows.
    Help(usize),
    /// The outline with the selected heading (index into `doc.headings()`).
    Outline(usize),
    /// One note, on terminals too narrow for the notes panel.
    Note(usize),
    /// The article list, on terminals too narrow for the list pane.
    List,
    /// The search prompt being typed.
    Search,
    /// The finder (`Ctrl-p`, `Ctrl-f`); its state is `AppState::finder`.
    Finder,
}

/// A place to come back to (the jump list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Article index.
    pub article: usize,
    /// Byte offset of the top line.
    pub anchor: usize,
    /// Selected marker.
    pub marker: Option<usize>,
    /// Selected note.
    pub note: Option<usize>,
    /// Focused pane.
    pub focus: Pane,
    /// Note overlay shown.
    pub overlay_note: Option<usize>,
}

/// Search query and its matches in the current article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The text being typed at the prompt.
    pub input: String,
    /// The committed query.
    pub query: String,
    /// Matches (byte spans), in order.
    pub matches: Vec<Span>,
    /// The current match.
    pub current: Option<usize>,
    /// The prompt is the `:` command line, not a search.
    pub command: bool,
}

/// What a body layout depends on: (article, load generation, width, furniture shown).
pub type LayoutKey = (usize, u64, u16, bool);

/// How many layouts [`AppState`] keeps besides the current one.
const RECENT_LAYOUTS: usize = 4;

/// The reader's state.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The articles in the list.
    pub articles: Vec<Article>,
    /// The open article.
    pub current: usize,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Focused pane.
    pub focus: Pane,
    /// Open overlay, if any.
    pub overlay: Option<Overlay>,
    /// Show page furniture (dimmed).
    pub show_furniture: bool,
    /// Body layout of the open article at the current width.
    pub layout: Option<Arc<BodyLayout>>,
    layout_key: Option<LayoutKey>,
    /// Recently used layouts (other articles/widths), so switching back
    /// does not re-wrap.
    recent: Vec<(LayoutKey, Arc<BodyLayout>)>,
    /// The key of a partial layout on screen whose whole layout is still to
    /// be asked of the worker (`app::rewrap`).
    rewrap_wanted: Option<LayoutKey>,
    /// Top display line of the body.
    pub top: usize,
    /// Byte offset of the top line: the position that survives re-wrapping.
    pub anchor: usize,
    /// Selected footnote marker (index into `doc.markers`).
    pub marker: Option<usize>,
    /// Selected note (index into `doc.notes`).
    pub note: Option<usize>,
    /// Selected row of the article list.
    pub list_sel: usize,
    /// Jump list and position in it.
    pub jumps: Vec<Location>,
    /// Position in `jumps` (== len when at the newest place).
    pub jump_pos: usize,
    /// Search state.
    pub search: Search,
    /// Status-line message and whether it is an error.
    pub message: Option<super::message::Message>,
    /// Something changed since the last draw.
    pub dirty: bool,
    /// Set when the reader should exit.
    pub quit: bool,
    /// Emit OSC 8 hyperlinks for URLs in notes (the shell turns this on for
    /// capable terminals; off in tests so snapshots stay plain text).
    pub hyperlinks: bool,
    /// The sources view (works, health, marker sub-list) and its cache.
    pub sources: super::sources::SourcesState,
    /// The finder's query, results and index.
    pub finder: super::finder::FinderState,
    /// Annotations, cursor, selection and note editor (`app::annotate`).
    pub annot: super::annotate::AnnotState,
    /// The reading measure: body text width in cells (0: the whole pane).
    pub measure: u16,
    /// Sideways scroll of preformatted lines, in cells.
    pub hscroll: u16,
    /// A count being typed before a motion (`10j`).
    pub count: Option<u32>,
    /// Marks (`m a`, `' a`) and a half-typed mark sequence.
    pub marks: super::marks::Marks,
    /// The line marked after the last jump, until its timer runs out.
    pub landing: Option<super::landing::Landing>,
    /// The last landing timer id handed out.
    pub landing_ids: u64,
    /// Colours to draw with (theme, `NO_COLOR`, the user's colours).
    pub palette: super::palette::Palette,
    /// The article list's order and filter.
    pub list_view: super::list_view::ListView,
    /// The live keymap (defaults with the user's `[keys.*]` over them): key
    /// routing, help, hints and messages that name keys all read it.
    pub keymap: std::sync::Arc<super::keymap::Keymap>,
    /// The time of the action being handled (`update`'s `now`; stamps new
    /// and edited annotations). Never read from the clock here.
    pub now: std::time::SystemTime,
    /// The notes on screen laid out at the notes panel's width.
    pub note_cache: super::view::notes::NoteCache,
    next_gen: u64,
}

impl AppState {
    /// A state for these files, with remembered positions (path → anchor).
    #[must_use]
    pub fn new(paths: Vec<PathBuf>, positions: &HashMap<PathBuf, usize>) -> Self {
        let articles = paths
            .into_iter()
            .map(|p| {
                let mut a = Article::new(p);
                a.anchor = positions.get(&a.path).copied().unwrap_or(0);
                a.opened_at = a.anchor;
                a
            })
            .collect();
        Self {
            articles,
            current: 0,
            size: (80, 24),
            focus: Pane::Body,
            overlay: None,
            show_furniture: false,
            layout: None,
            layout_key: None,
            recent: Vec::new(),
            rewrap_wanted: None,
            top: 0,
            anchor: 0,
            marker: None,
            note: None,
            list_sel: 0,
            jumps: Vec::new(),
            jump_pos: 0,
            search: Search::default(),
            message: None,
            dirty: true,
            quit: false,
            hyperlinks: false,
            sources: super::sources::SourcesState::default(),
            finder: super::finder::FinderState::default(),
            annot: super::annotate::AnnotState::default(),
            measure: super::measure::DEFAULT,
            hscroll: 0,
            count: None,
            marks: super::marks::Marks::default(),
            landing: None,
            landing_ids: 0,
            palette: super::palette::Palette::default(),
            list_view: super::list_view::ListView::default(),
            keymap: super::keymap::Keymap::defaults(),
            now: std::time::UNIX_EPOCH,
            note_cache: super::view::notes::NoteCache::default(),
            next_gen: 1,
        }
    }

    /// A fresh generation number for a load request.
    pub fn bump_gen(&mut self) -> u64 {
        self.next_gen += 1;
        self.next_gen
    }

    /// The open article.
    #[must_use]
    pub fn article(&self) -> Option<&Article> {
        self.articles.get(self.current)
    }

    /// The open article's document, when loaded.
    #[must_use]
    pub fn doc(&self) -> Option<&Arc<Document>> {
        self.article().and_then(Article::doc)
    }

    /// Pane rectangles for the current size.
    #[must_use]
    pub fn panes(&self) -> Panes {
        panes(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The body's text area: the reading measure, centred in the body pane.
    #[must_use]
    pub fn body_text(&self) -> Rect {
        super::measure::text_area(self.panes().body, self.measure)
    }

    /// Height of the body's text area in lines.
    #[must_use]
    pub fn body_height(&self) -> usize {
        usize::from(self.body_text().height).max(1)
    }

    /// True when the notes panel is on screen (otherwise notes open as overlays).
    #[must_use]
    pub fn notes_visible(&self) -> bool {
        self.panes().notes.is_some()
    }

    /// Where the reader is now (for the jump list).
    #[must_use]
    pub fn location(&self) -> Location {
        Location {
            article: self.current,
            anchor: self.anchor,
            marker: self.marker,
            note: self.note,
            focus: self.focus,
            overlay_note: match self.overlay {
                Some(Overlay::Note(n)) => Some(n),
                _ => None,
            },
        }
    }
}
