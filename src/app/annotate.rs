//! Annotating in the reader: the body cursor, `v` selections, the note
//! editor and the prompts, with their key routing. Stored annotations,
//! saving and the annotations tab are in `annot_list`. Pure, no I/O.

use super::action::{Action, Effect, Pane};
use super::annot_list;
use super::keymap::{self, Context};
use super::select::{self, Motion};
use super::state::AppState;
use crate::annotations::Annotation;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

/// Status-line hint while selecting.
const SELECT_HINT: &str = "select: w b e j k ( ) { } · a annotate · Esc cancel";

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

/// Key contexts when an annotation mode is active, most specific first.
#[must_use]
pub fn contexts(s: &AppState) -> Option<Vec<Context>> {
    let a = &s.annot;
    if a.editor.as_ref().is_some_and(|e| e.confirm_discard) || a.quit_prompt {
        return Some(vec![Context::Confirm]);
    }
    if a.editor.is_some() {
        return Some(vec![Context::Editor]);
    }
    if s.overlay.is_some() {
        return None;
    }
    if a.selection.is_some() {
        return Some(vec![Context::Select, Context::Global]);
    }
    if a.tab == NotesTab::Annotations && (s.focus == Pane::Notes || !s.notes_visible()) {
        return Some(vec![Context::Annotations, Context::Global]);
    }
    None
}

/// The editor takes every key its context does not bind.
#[must_use]
pub fn key_action(s: &AppState, ev: &KeyEvent) -> Option<Action> {
    let ctx = contexts(s)?;
    if let Some(a) = keymap::resolve(&ctx, ev) {
        return Some(a);
    }
    match ctx.first() {
        Some(Context::Editor) => Some(Action::Annot(AnnotAction::EditorInput(*ev))),
        // A prompt swallows other keys.
        Some(Context::Confirm) => {
            Some(Action::Annot(AnnotAction::Answer(None))).filter(|_| ev.code == KeyCode::Esc)
        }
        _ => None,
    }
}

/// Applies an annotation action.
pub fn update(s: &mut AppState, a: AnnotAction, fx: &mut Vec<Effect>) {
    match a {
        AnnotAction::Move(m) => move_head(s, m),
        AnnotAction::Select => {
            let Some(c) = s.annot.cursor.clone().or_else(|| top_word(s)) else {
                return;
            };
            s.annot.cursor = Some(c.clone());
            s.annot.selection = Some((c.clone(), c));
            s.message = Some((SELECT_HINT.into(), false));
        }
        AnnotAction::AnnotateSelection => {
            if let Some(r) = s.annot.selected() {
                open_new(s, r);
            }
        }
        AnnotAction::AnnotateParagraph => {
            let pos = match (&s.annot.selection, &s.annot.cursor) {
                (Some((_, h)), _) => Some(h.start),
                (None, Some(c)) => Some(c.start),
                (None, None) => top_word(s).map(|w| w.start),
            };
            let furn = s.show_furniture;
            let r = pos.and_then(|p| s.doc().and_then(|d| select::paragraph_at(d, p, furn)));
            match r {
                Some(r) => open_new(s, r),
                None => s.message = Some(("no paragraph here".into(), false)),
            }
        }
        AnnotAction::CancelSelection => s.annot.selection = None,
        AnnotAction::EditorInput(k) => {
            // Characters that must not reach the terminal (C1 controls, bidi
            // overrides) are not typed, whatever sent them.
            let safe = match k.code {
                KeyCode::Char(c) => crate::document::is_displayable(c),
                _ => true,
            };
            if let Some(e) = s.annot.editor.as_mut().filter(|_| safe) {
                e.area.input(k);
            }
        }
        AnnotAction::EditorPaste(text) => {
            if let Some(e) = s.annot.editor.as_mut() {
                let clean = crate::document::sanitize_text(&text);
                e.area.insert_str(clean.trim_end_matches('\n'));
            }
        }
        AnnotAction::EditorSave => annot_list::commit(s, fx),
        AnnotAction::EditorEsc => {
            if let Some(e) = s.annot.editor.as_mut() {
                if e.area.is_empty() {
                    s.annot.editor = None;
                } else {
                    e.confirm_discard = true;
                    s.message = Some(("discard this note? y/n".into(), false));
                }
            }
        }
        AnnotAction::Answer(ans) => answer(s, ans, fx),
        AnnotAction::ToggleTab => {
            s.annot.tab = match s.annot.tab {
                NotesTab::Notes => NotesTab::Annotations,
                NotesTab::Annotations => NotesTab::Notes,
            };
            if s.notes_visible() {
                s.focus = Pane::Notes;
            }
        }
        AnnotAction::TabMove(n) => annot_list::tab_move(s, n),
        AnnotAction::TabJump => annot_list::jump(s),
        AnnotAction::TabEdit => annot_list::edit_selected(s),
        AnnotAction::TabDelete => annot_list::delete_selected(s, fx),
        AnnotAction::TabUndo => annot_list::undo(s, fx),
        AnnotAction::Drag { col, row } => super::mouse_select::drag(s, col, row),
    }
}

fn answer(s: &mut AppState, ans: Option<bool>, fx: &mut Vec<Effect>) {
    if let Some(e) = s.annot.editor.as_mut().filter(|e| e.confirm_discard) {
        if ans == Some(true) {
            s.annot.editor = None;
            s.message = Some(("note discarded".into(), false));
        } else {
            e.confirm_discard = false;
        }
        return;
    }
    if !s.annot.quit_prompt {
        return;
    }
    s.annot.quit_prompt = false;
    match ans {
        Some(true) => {
            s.annot.quit_after_save = true;
            annot_list::save_all(s, fx);
            s.message = Some(("saving annotations before quitting…".into(), false));
            if !annot_list::unsaved(s) {
                quit_now(s, fx);
            }
        }
        Some(false) => quit_now(s, fx),
        None => s.message = Some(("quit cancelled".into(), false)),
    }
}

/// Quits (saving reading positions), whatever is unsaved.
pub fn quit_now(s: &mut AppState, fx: &mut Vec<Effect>) {
    s.quit = true;
    fx.extend(super::nav::quit_saves(s));
    fx.push(Effect::Quit);
}

/// `q` with unsaved annotations: ask in the status line.
pub fn ask_quit(s: &mut AppState) {
    s.annot.quit_prompt = true;
    s.message = Some((
        "unsaved annotations: y save and quit · n quit without saving · Esc cancel".into(),
        true,
    ));
}

fn open_new(s: &mut AppState, r: Range<usize>) {
    let Some(doc) = s.doc() else { return };
    let quote = doc.text.get(r.clone()).unwrap_or("").to_string();
    s.annot.selection = None;
    let mut area = TextArea::default();
    area.set_placeholder_text("type a note (#tags), or save it empty as a highlight");
    s.annot.editor = Some(Editor {
        area,
        target: EditTarget::New(r),
        quote,
        confirm_discard: false,
    });
}

/// The first word on the top visible line.
fn top_word(s: &AppState) -> Option<Range<usize>> {
    let (doc, lay) = (s.doc()?, s.layout.as_ref()?);
    select::word_on_line(doc, lay, s.top, s.show_furniture)
}

fn move_head(s: &mut AppState, m: Motion) {
    let (Some(doc), Some(lay)) = (s.doc().cloned(), s.layout.clone()) else {
        return;
    };
    let cur = match &s.annot.selection {
        Some((_, h)) => Some(h.clone()),
        None => s.annot.cursor.clone(),
    };
    let Some(cur) = cur.or_else(|| top_word(s)) else {
        return;
    };
    let Some(next) = select::apply(&doc, &lay, &cur, m, s.show_furniture) else {
        s.message = Some(("no further".into(), false));
        return;
    };
    if let Some((_, h)) = s.annot.selection.as_mut() {
        *h = next.clone();
        s.message = Some((SELECT_HINT.into(), false));
    }
    let word = select::word_from(&doc, next.start.saturating_sub(1), s.show_furniture)
        .filter(|w| w.start <= next.start && next.start <= w.end)
        .unwrap_or(next);
    super::nav::show_line(s, lay.line_of(word.start));
    s.annot.cursor = Some(word);
}

/// After every update: drop the cursor of another article; keep the cursor
/// on screen while scrolling (not while selecting).
pub fn after_update(s: &mut AppState) {
    if s.annot.cursor_article != s.current {
        s.annot.cursor_article = s.current;
        s.annot.cursor = None;
        s.annot.selection = None;
    }
    let (Some(c), Some(lay), Some(doc)) = (s.annot.cursor.clone(), s.layout.clone(), s.doc())
    else {
        return;
    };
    if s.annot.selection.is_some() {
        return;
    }
    let h = s.body_height();
    let line = lay.line_of(c.start);
    let target = if line < s.top {
        s.top
    } else if line >= s.top + h {
        (s.top + h).saturating_sub(1)
    } else {
        return;
    };
    let w = if line < s.top {
        select::word_on_line(doc, &lay, target, s.show_furniture)
    } else {
        (0..=target)
            .rev()
            .take(h)
            .find_map(|l| select::word_on_line(doc, &lay, l, s.show_furniture))
    };
    s.annot.cursor = w.filter(|w| {
        let l = lay.line_of(w.start);
        l >= s.top && l < s.top + h
    });
}
