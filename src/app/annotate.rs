//! Annotating in the reader: the body cursor, `v` selections, the note
//! editor and the prompts, with their key routing. Stored annotations,
//! saving and the annotations tab are in `annot_list`. Pure, no I/O.

use super::action::{Effect, Pane};
use super::annot_list;
pub use super::annot_state::{
    AnnotAction, AnnotState, ArticleAnnotations, EditTarget, Editor, NotesTab,
};
use super::message::Message;
use super::select::{self, Motion};
use super::state::AppState;
use crossterm::event::KeyCode;
use ratatui_textarea::TextArea;
use std::ops::Range;

/// Applies an annotation action.
pub fn update(s: &mut AppState, a: AnnotAction, fx: &mut Vec<Effect>) {
    // Only the first part of a big article is shown: its offsets are not yet
    // the whole document's, so no annotation is anchored on it.
    let partial = s.article().is_some_and(|a| a.first_part.is_some());
    if partial
        && matches!(
            a,
            AnnotAction::AnnotateSelection | AnnotAction::AnnotateParagraph
        )
    {
        s.message = Some(Message::info(
            "still reading the rest of the article: annotate once it is loaded",
        ));
        return;
    }
    match a {
        AnnotAction::Move(m) => move_head(s, m),
        AnnotAction::Select => {
            let Some(c) = s.annot.cursor.clone().or_else(|| top_word(s)) else {
                return;
            };
            s.annot.cursor = Some(c.clone());
            s.annot.selection = Some((c.clone(), c));
            s.message = Some(Message::info(s.keymap.fill(super::hints::SELECT)));
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
                None => s.message = Some(Message::info("no paragraph here")),
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
                    s.message = Some(Message::info(s.keymap.fill(super::hints::DISCARD)));
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
            s.message = Some(Message::info("note discarded"));
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
            s.message = Some(Message::info("saving annotations before quitting…"));
            if !annot_list::unsaved(s) {
                quit_now(s, fx);
            }
        }
        Some(false) => quit_now(s, fx),
        None => s.message = Some(Message::info("quit cancelled")),
    }
}

/// Quits (saving reading positions), whatever is unsaved.
pub fn quit_now(s: &mut AppState, fx: &mut Vec<Effect>) {
    s.quit = true;
    fx.extend(super::saves::quit_saves(s));
    fx.push(Effect::Quit);
}

/// `q` with unsaved annotations: ask in the status line.
pub fn ask_quit(s: &mut AppState) {
    s.annot.quit_prompt = true;
    s.message = Some(Message::error(s.keymap.fill(super::hints::QUIT_PROMPT)));
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
        s.message = Some(Message::info("no further"));
        return;
    };
    if let Some((_, h)) = s.annot.selection.as_mut() {
        *h = next.clone();
        s.message = Some(Message::info(s.keymap.fill(super::hints::SELECT)));
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
