//! Unsaved work that must outlive the process: the note being typed and
//! annotation changes the store has not confirmed. Pure: `update` compares the
//! state with what it last handed out and emits `Effect::Drafts`; the shell
//! (`draft_io`) writes them, debounced and crash-safe, and offers a file left
//! behind by a process that died back on the next start.

use super::action::Effect;
use super::annotate::{EditTarget, Editor};
use super::message::Message;
use super::state::AppState;
use crate::annotations::{Annotation, Clock, Op};
use ratatui_textarea::{CursorMove, TextArea};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The note editor's content, as written to the drafts file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The article file.
    pub article: PathBuf,
    /// A new annotation on this byte range of the article's text…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(usize, usize)>,
    /// …or an edit of the annotation with this id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The quoted passage (to find the range again if the text changed).
    pub quote: String,
    /// What was typed.
    pub text: String,
}

/// Annotation changes of one article that were not confirmed on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsaved {
    /// The article file.
    pub article: PathBuf,
    /// Notes to create or replace.
    #[serde(default)]
    pub upserts: Vec<Annotation>,
    /// Deletes: (id, clock of the version deleted).
    #[serde(default)]
    pub deletes: Vec<(String, Clock)>,
}

impl Unsaved {
    /// The changes as store operations, in order (upserts, then deletes).
    #[must_use]
    pub fn ops(&self) -> Vec<Op> {
        let up = self.upserts.iter().cloned().map(Op::Upsert);
        let del = self.deletes.iter().map(|(id, base)| Op::Delete {
            id: id.clone(),
            base: base.clone(),
        });
        up.chain(del).collect()
    }
}

/// The content of a drafts file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Drafts {
    /// Format version (1).
    pub version: u32,
    /// Notes being typed (the open editor first).
    #[serde(default)]
    pub editors: Vec<Draft>,
    /// Changes not yet saved.
    #[serde(default)]
    pub unsaved: Vec<Unsaved>,
}

impl Drafts {
    /// Nothing to keep.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.editors.is_empty() && self.unsaved.is_empty()
    }
}

/// What should be in this process's drafts file now.
#[must_use]
pub fn snapshot(s: &AppState) -> Drafts {
    let mut editors: Vec<Draft> = Vec::new();
    if let Some(ed) = &s.annot.editor
        && let Some(a) = s.article()
    {
        let text = ed.area.lines().join("\n");
        if !text.trim().is_empty() {
            let (range, id) = match &ed.target {
                EditTarget::New(r) => (Some((r.start, r.end)), None),
                EditTarget::Existing(id) => (None, Some(id.clone())),
            };
            editors.push(Draft {
                article: a.path.clone(),
                range,
                id,
                quote: ed.quote.clone(),
                text,
            });
        }
    }
    editors.extend(s.annot.restored.iter().cloned());
    let mut keys: Vec<&usize> = s.annot.articles.keys().collect();
    keys.sort();
    let mut unsaved: Vec<Unsaved> = Vec::new();
    for i in keys {
        let e = &s.annot.articles[i];
        let ops = e.in_flight.iter().flat_map(|(_, o)| o).chain(&e.pending);
        let mut u = Unsaved {
            article: e.path.clone(),
            upserts: Vec::new(),
            deletes: Vec::new(),
        };
        for op in ops {
            match op {
                Op::Upsert(a) => u.upserts.push(a.clone()),
                Op::Delete { id, base } => u.deletes.push((id.clone(), base.clone())),
            }
        }
        if !u.upserts.is_empty() || !u.deletes.is_empty() {
            unsaved.push(u);
        }
    }
    unsaved.extend(s.annot.restored_ops.iter().cloned());
    Drafts {
        version: 1,
        editors,
        unsaved,
    }
}

/// After every update: hand the drafts file's new content to the shell when
/// it changed.
pub fn after_update(s: &mut AppState, fx: &mut Vec<Effect>) {
    let now = snapshot(s);
    if now != s.annot.drafts_sent {
        s.annot.drafts_sent = now.clone();
        fx.push(Effect::Drafts(now));
    }
}

/// Takes in a drafts file left by a process that ended without saving: the
/// first note is opened when its article is, changes are saved when their
/// article's annotations load. Makes that article the one opened first.
pub fn offer(s: &mut AppState, found: Drafts) {
    s.annot.restored.extend(found.editors);
    s.annot.restored_ops.extend(found.unsaved);
    let first = s
        .annot
        .restored
        .first()
        .map(|d| d.article.clone())
        .or_else(|| s.annot.restored_ops.first().map(|u| u.article.clone()));
    if let Some(i) = first.and_then(|p| s.articles.iter().position(|a| a.path == p)) {
        s.current = i;
        s.list_sel = i;
    }
}

/// Article `i`'s document loaded: reopen a restored note on it.
pub fn on_doc_loaded(s: &mut AppState, i: usize) {
    if s.annot.editor.is_some() || i != s.current {
        return;
    }
    let Some(path) = s.articles.get(i).map(|a| a.path.clone()) else {
        return;
    };
    let Some(k) = s.annot.restored.iter().position(|d| d.article == path) else {
        return;
    };
    let Some(doc) = s.doc().cloned() else { return };
    let d = s.annot.restored.remove(k);
    let target = match (&d.id, d.range) {
        (Some(id), _) => EditTarget::Existing(id.clone()),
        (None, Some((a, b))) if doc.text.get(a..b) == Some(d.quote.as_str()) => {
            EditTarget::New(a..b)
        }
        (None, _) => {
            let at = doc.text.find(&d.quote).filter(|_| !d.quote.is_empty());
            EditTarget::New(at.map_or(0..0, |a| a..a + d.quote.len()))
        }
    };
    let lines: Vec<String> = crate::document::sanitize_text(&d.text)
        .lines()
        .map(str::to_string)
        .collect();
    let mut area = TextArea::new(lines);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    let short: String = d.quote.chars().take(40).collect();
    s.message = Some(Message::info(format!(
        "restored an unsaved note on “{short}…” {}",
        s.keymap.fill(super::hints::RESTORED)
    )));
    s.annot.editor = Some(Editor {
        area,
        target,
        quote: d.quote,
        confirm_discard: false,
    });
}

/// Article `i`'s stored annotations loaded: queue restored changes for it.
/// Returns true when some were queued (the caller saves them).
pub fn on_annotations_loaded(s: &mut AppState, i: usize) -> bool {
    let Some(path) = s.articles.get(i).map(|a| a.path.clone()) else {
        return false;
    };
    let (mine, rest): (Vec<Unsaved>, Vec<Unsaved>) = std::mem::take(&mut s.annot.restored_ops)
        .into_iter()
        .partition(|u| u.article == path);
    s.annot.restored_ops = rest;
    let ops: Vec<Op> = mine.iter().flat_map(Unsaved::ops).collect();
    if ops.is_empty() {
        return false;
    }
    if let Some(e) = s.annot.articles.get_mut(&i) {
        e.pending.extend(ops);
    }
    s.message = Some(Message::info(
        "restored unsaved annotation changes; saving…",
    ));
    true
}
