//! Stored annotations in the reader: loading and placing them, saving
//! changes through `Effect::SaveAnnotations`, and the annotations tab
//! (jump, edit, delete, undo). Pure, no I/O.

use super::action::{Effect, Pane};
use super::annotate::{ArticleAnnotations, EditTarget, Editor};
use super::message::Message;
use super::state::AppState;
use crate::annotations::{Anchor, Annotation, Loaded, Op, resolve};
use crate::document::Document;
use ratatui_textarea::{CursorMove, TextArea};

/// Places `items` in `doc`'s text (`None`: orphaned).
#[must_use]
pub fn place(doc: &Document, items: &[Annotation]) -> Vec<Option<std::ops::Range<usize>>> {
    items
        .iter()
        .map(|a| resolve(&doc.text, &a.anchor).range())
        .collect()
}

fn apply_local(items: &mut Vec<Annotation>, op: &Op) {
    match op {
        Op::Upsert(a) => match items.iter_mut().find(|x| x.id == a.id) {
            Some(x) => *x = a.clone(),
            None => items.push(a.clone()),
        },
        Op::Delete { id, .. } => items.retain(|x| &x.id != id),
    }
}

fn entry(s: &mut AppState, i: usize) -> Option<&mut ArticleAnnotations> {
    let path = s.articles.get(i)?.path.clone();
    Some(
        s.annot
            .articles
            .entry(i)
            .or_insert_with(|| ArticleAnnotations {
                path,
                ..ArticleAnnotations::default()
            }),
    )
}

fn replace(s: &mut AppState, i: usize, stored: Vec<Annotation>) {
    let doc = s.articles.get(i).and_then(|a| a.doc().cloned());
    let Some(e) = entry(s, i) else { return };
    let mut items = stored;
    for (_, ops) in &e.in_flight {
        for o in ops {
            apply_local(&mut items, o);
        }
    }
    e.pending.iter().for_each(|o| apply_local(&mut items, o));
    e.placed = doc.map_or_else(|| vec![None; items.len()], |d| place(&d, &items));
    e.items = items;
    e.loaded = true;
    s.annot.touch(i);
}

fn report(s: &mut AppState, i: usize, warnings: &[String], ok: &str) {
    let orphans = s
        .annot
        .articles
        .get(&i)
        .map_or(0, |e| e.placed.iter().filter(|p| p.is_none()).count());
    let mut msg: Vec<String> = warnings.to_vec();
    if orphans > 0 && i == s.current {
        msg.push(format!(
            "{orphans} annotation(s) orphaned {}",
            s.keymap.fill(super::hints::SEE_TAB)
        ));
    }
    if !msg.is_empty() {
        s.message = Some(if warnings.is_empty() {
            Message::warning(msg.join("; "))
        } else {
            Message::error(msg.join("; "))
        });
    } else if !ok.is_empty() {
        s.message = Some(Message::info(ok.to_string()));
    }
}

/// After a document load: ask for its annotations (or re-place them).
pub fn doc_loaded(s: &mut AppState, i: usize, generation: u64, fx: &mut Vec<Effect>) {
    let Some(a) = s.articles.get(i) else { return };
    let Some(doc) = a.doc().cloned() else { return };
    if a.generation != generation {
        return;
    }
    fx.push(Effect::LoadAnnotations {
        article: i,
        path: a.path.clone(),
        doc,
        generation,
    });
}

/// `Action::AnnotationsLoaded`.
pub fn loaded(s: &mut AppState, i: usize, generation: u64, result: Result<Loaded, String>) {
    if s.articles.get(i).is_none_or(|a| a.generation != generation) {
        return;
    }
    match result {
        Ok(l) => {
            replace(s, i, l.annotations);
            report(s, i, &l.warnings, "");
        }
        Err(e) => {
            if let Some(x) = entry(s, i) {
                x.loaded = true;
            }
            s.message = Some(Message::error(format!("could not load annotations: {e}")));
        }
    }
}

/// Sends article `i`'s pending changes to the store.
pub fn save(s: &mut AppState, i: usize, fx: &mut Vec<Effect>) {
    let Some(doc) = s.articles.get(i).and_then(|a| a.doc().cloned()) else {
        return;
    };
    s.annot.next_gen += 1;
    let generation = s.annot.next_gen;
    let Some(e) = entry(s, i) else { return };
    if e.pending.is_empty() {
        return;
    }
    let ops = std::mem::take(&mut e.pending);
    e.in_flight.push((generation, ops.clone()));
    fx.push(Effect::SaveAnnotations {
        article: i,
        path: e.path.clone(),
        doc,
        ops,
        generation,
    });
}

/// Saves every article with pending changes.
pub fn save_all(s: &mut AppState, fx: &mut Vec<Effect>) {
    let mut with: Vec<usize> = s
        .annot
        .articles
        .iter()
        .filter(|(_, e)| !e.pending.is_empty())
        .map(|(i, _)| *i)
        .collect();
    with.sort_unstable();
    for i in with {
        save(s, i, fx);
    }
}

/// True when some change has not been confirmed on disk.
#[must_use]
pub fn unsaved(s: &AppState) -> bool {
    s.annot
        .articles
        .values()
        .any(|e| !e.pending.is_empty() || !e.in_flight.is_empty())
}

/// `Action::AnnotationsSaved`.
pub fn saved(
    s: &mut AppState,
    i: usize,
    generation: u64,
    result: Result<Loaded, String>,
    fx: &mut Vec<Effect>,
) {
    let Some(e) = s.annot.articles.get_mut(&i) else {
        return;
    };
    let Some(k) = e.in_flight.iter().position(|(g, _)| *g == generation) else {
        return;
    };
    let (_, ops) = e.in_flight.remove(k);
    match result {
        Ok(l) => {
            if e.in_flight.is_empty() {
                replace(s, i, l.annotations);
            }
            report(s, i, &l.warnings, "annotation saved");
            if s.annot.quit_after_save && !unsaved(s) {
                super::annotate::quit_now(s, fx);
            }
        }
        Err(err) => {
            let mut back = ops;
            back.append(&mut e.pending);
            e.pending = back;
            s.annot.quit_after_save = false;
            s.message = Some(Message::error(format!(
                "could not save annotations: {err} (kept; will retry on the next save)"
            )));
        }
    }
}

/// Ctrl-s in the editor: create or edit the annotation and save.
pub fn commit(s: &mut AppState, fx: &mut Vec<Effect>) {
    let Some(ed) = s.annot.editor.take() else {
        return;
    };
    let i = s.current;
    let Some(doc) = s.doc().cloned() else { return };
    let note = ed.area.lines().join("\n").trim_end().to_string();
    let now = s.now;
    let ann = match ed.target {
        EditTarget::New(r) => {
            s.annot.ids_made += 1;
            let id = crate::annotations::id_at(now, s.annot.id_seed, s.annot.ids_made);
            Annotation::with_id(Anchor::new(&doc.text, r), note, now, id)
        }
        EditTarget::Existing(id) => {
            let found = s
                .annot
                .articles
                .get(&i)
                .and_then(|e| e.items.iter().find(|a| a.id == id).cloned());
            let Some(mut a) = found else { return };
            a.edit(note, now);
            a
        }
    };
    let Some(e) = entry(s, i) else { return };
    let op = Op::Upsert(ann);
    apply_local(&mut e.items, &op);
    e.placed = place(&doc, &e.items);
    e.pending.push(op);
    s.annot.touch(i);
    s.message = Some(Message::info("saving…"));
    save(s, i, fx);
}

/// Indices into the current article's `items`, in text order; orphans last.
#[must_use]
pub fn ordered(s: &AppState) -> Vec<usize> {
    let Some(e) = s.annot.articles.get(&s.current) else {
        return Vec::new();
    };
    let mut v: Vec<usize> = (0..e.items.len()).collect();
    v.sort_by_key(|&k| match e.placed.get(k).cloned().flatten() {
        Some(r) => (0, r.start),
        None => (1, k),
    });
    v
}

fn selected(s: &AppState) -> Option<usize> {
    ordered(s).get(s.annot.tab_sel).copied()
}

/// j/k in the annotations tab.
pub fn tab_move(s: &mut AppState, n: i32) {
    let len = ordered(s).len();
    let t = i64::try_from(s.annot.tab_sel).unwrap_or(0) + i64::from(n);
    let max = i64::try_from(len.saturating_sub(1)).unwrap_or(0);
    s.annot.tab_sel = usize::try_from(t.clamp(0, max)).unwrap_or(0);
}

/// Enter: go to the selected annotation's passage (a jump).
pub fn jump(s: &mut AppState) {
    let Some(k) = selected(s) else { return };
    let r = s
        .annot
        .articles
        .get(&s.current)
        .and_then(|e| e.placed.get(k).cloned().flatten());
    let Some(r) = r else {
        s.message = Some(Message::warning(
            "this annotation is orphaned: its passage is gone",
        ));
        return;
    };
    super::nav::push_jump(s);
    let line = s.line_at(r.start);
    s.set_top(line.saturating_sub(s.body_height() / 3));
    s.annot.cursor = s
        .doc()
        .and_then(|d| super::select::word_from(d, r.start, s.show_furniture));
    s.focus = Pane::Body;
    if !s.notes_visible() {
        s.annot.tab = super::annotate::NotesTab::Notes;
    }
    s.message = Some(Message::info(format!(
        "annotation {}",
        s.keymap.fill(super::hints::GO_BACK)
    )));
}

/// `e`: edit the selected annotation's note.
pub fn edit_selected(s: &mut AppState) {
    let Some(k) = selected(s) else { return };
    let Some(a) = s
        .annot
        .articles
        .get(&s.current)
        .and_then(|e| e.items.get(k))
    else {
        return;
    };
    // A note from the store may come from another tool: only safe text
    // goes into the editor (and from there to the terminal).
    let lines: Vec<String> = crate::document::sanitize_text(&a.note)
        .lines()
        .map(str::to_string)
        .collect();
    let mut area = TextArea::new(lines);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    s.annot.editor = Some(Editor {
        area,
        target: EditTarget::Existing(a.id.clone()),
        quote: a.anchor.quote.clone(),
        confirm_discard: false,
    });
}

/// `d`: delete the selected annotation (undo with `u`).
pub fn delete_selected(s: &mut AppState, fx: &mut Vec<Effect>) {
    let Some(k) = selected(s) else { return };
    let i = s.current;
    let Some(e) = s.annot.articles.get_mut(&i) else {
        return;
    };
    let a = e.items.remove(k);
    e.placed.remove(k);
    e.pending.push(Op::Delete {
        id: a.id.clone(),
        base: a.clock.clone(),
    });
    s.annot.deleted.push((i, a));
    s.annot.touch(i);
    tab_move(s, 0);
    s.message = Some(Message::info(s.keymap.fill(super::hints::DELETED)));
    save(s, i, fx);
}

/// `u`: restore the last deleted annotation.
pub fn undo(s: &mut AppState, fx: &mut Vec<Effect>) {
    let Some((i, a)) = s.annot.deleted.pop() else {
        s.message = Some(Message::info("nothing to undo"));
        return;
    };
    let doc = s.articles.get(i).and_then(|x| x.doc().cloned());
    let Some(e) = entry(s, i) else { return };
    let op = Op::Upsert(a);
    apply_local(&mut e.items, &op);
    if let Some(d) = doc {
        e.placed = place(&d, &e.items);
    }
    e.pending.push(op);
    s.annot.touch(i);
    s.message = Some(Message::info("annotation restored"));
    save(s, i, fx);
}
