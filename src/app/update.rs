//! `update(state, action) -> effects`: every state transition, no I/O.

use super::action::{Action, Effect, Pane};
use super::message::Message;
use super::nav;
pub use super::route::{contexts, key_action};
use super::state::{AppState, ArticleStatus, Overlay};
use std::sync::Arc;
use std::time::SystemTime;

/// The first loads to run at start-up: the open article, then its neighbours; the other
/// articles load when opened (their list rows come from the finder's index), except those
/// with stored annotations, which the annotations worker names once the first frame is
/// drawn (`Action::FirstFrame`, `Effect::FindAnnotated`).
pub fn init(s: &mut AppState) -> Vec<Effect> {
    s.anchor = s.article().map_or(0, |a| a.anchor);
    let n = s.articles.len();
    let cur = s.current;
    [Some(cur), cur.checked_sub(1), Some(cur + 1)]
        .into_iter()
        .flatten()
        .filter(|&i| i < n)
        .map(|i| nav::load(s, i))
        .collect()
}

/// Which articles have stored annotations, asked of the annotations worker
/// after the first frame (a library's list of paths is copied for it).
fn find_annotated(s: &AppState) -> Option<Effect> {
    (!s.articles.is_empty()).then(|| {
        let all = s
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.path.clone()));
        Effect::FindAnnotated(all.collect())
    })
}

/// Applies `a` to the state and returns the I/O to perform.
pub fn update(s: &mut AppState, a: Action, now: SystemTime) -> Vec<Effect> {
    s.now = now;
    let landing = s.landing_ids;
    // A count scales a distance (`10j`) or repeats a step (`3]`).
    let (a, times) = super::prefix_keys::counted(s, a);
    let mut fx = Vec::new();
    for _ in 1..times {
        fx.extend(update_one(s, a.clone()));
    }
    fx.extend(update_one(s, a));
    fx.extend(super::landing::timer(s, landing));
    fx
}

fn update_one(s: &mut AppState, a: Action) -> Vec<Effect> {
    s.dirty = true;
    if !matches!(
        a,
        Action::Loaded { .. }
            | Action::FirstPart { .. }
            | Action::Rewrapped { .. }
            | Action::Annotated(_)
            | Action::Resize(..)
            | Action::Message { .. }
            | Action::Input(_)
            | Action::Finder(_)
            | Action::AnnotationsChanged { .. }
            | Action::AnnotationsLoaded { .. }
            | Action::AnnotationsSaved { .. }
            | Action::Suspend
            | Action::Annot(super::annotate::AnnotAction::EditorInput(_))
            | Action::LandingOff(_)
            | Action::FirstFrame
    ) {
        s.message = None;
    }
    let mut fx = Vec::new();
    let h = s.body_height();
    let page = i64::try_from(h.saturating_sub(1).max(1)).unwrap_or(1);
    match a {
        Action::Resize(w, hh) => {
            s.size = (w, hh);
            let p = s.panes();
            if (s.focus == Pane::Notes && p.notes.is_none())
                || (s.focus == Pane::List && p.list.is_none())
            {
                s.focus = Pane::Body;
            }
        }
        Action::ScrollLines(n) => scroll(s, i64::from(n)),
        Action::ScrollPages(n) => scroll(s, i64::from(n) * page),
        Action::ScrollHalf(n) => scroll(s, i64::from(n) * (page / 2).max(1)),
        // As in vim, the ends are jumps: C-o comes back.
        Action::Top | Action::Bottom => {
            super::nav::push_jump(s);
            s.set_top_edge(matches!(a, Action::Bottom));
        }
        Action::Percent(p) => super::goto::percent(s, p),
        Action::MoveSel(n) => move_sel(s, n),
        Action::FocusNext => focus(s, 1),
        Action::FocusPrev => focus(s, -1),
        Action::NextMarker => select_marker(s, true),
        Action::PrevMarker => select_marker(s, false),
        Action::Follow => follow(s, &mut fx),
        Action::Back => nav::back(s, &mut fx),
        Action::Forward => nav::forward(s, &mut fx),
        Action::Outline => nav::open_outline(s),
        Action::Search => {
            s.search.input.clear();
            s.search.command = false;
            s.overlay = Some(Overlay::Search);
        }
        Action::Command => {
            s.search.input.clear();
            s.search.command = true;
            s.overlay = Some(Overlay::Search);
        }
        Action::Input(c) => s.search.input.push(c),
        Action::InputBackspace => {
            s.search.input.pop();
        }
        Action::SearchNext => nav::goto_match(s, true),
        Action::SearchPrev => nav::goto_match(s, false),
        Action::NextArticle => nav::step_article(s, 1, &mut fx),
        Action::PrevArticle => nav::step_article(s, -1, &mut fx),
        Action::ToggleFurniture => {
            s.show_furniture = !s.show_furniture;
            s.message = Some(Message::info(if s.show_furniture {
                "page furniture shown"
            } else {
                "page furniture hidden"
            }));
        }
        Action::ToggleList => {
            if s.panes().list.is_some() {
                s.focus = if s.focus == Pane::List {
                    Pane::Body
                } else {
                    Pane::List
                };
            } else if s.overlay == Some(Overlay::List) {
                s.overlay = None;
            } else {
                s.list_sel = s.current;
                s.overlay = Some(Overlay::List);
            }
        }
        Action::Help => s.overlay = Some(Overlay::Help(0)),
        Action::Close => close(s),
        Action::Quit if super::annot_list::unsaved(s) => super::annotate::ask_quit(s),
        Action::Terminate => {
            super::annot_list::save_all(s, &mut fx);
            super::annotate::quit_now(s, &mut fx);
        }
        Action::Suspend => fx.push(Effect::Suspend),
        Action::Quit => {
            s.quit = true;
            fx.extend(super::saves::quit_saves(s));
            fx.push(Effect::Quit);
        }
        Action::Wheel { col, row, delta } => nav::wheel(s, col, row, delta),
        Action::Click { col, row } => {
            super::mouse_select::down(s, col, row);
            nav::click(s, col, row, &mut fx);
        }
        Action::Loaded {
            article,
            generation,
            result,
        } => {
            loaded(s, article, generation, result);
            super::annot_list::doc_loaded(s, article, generation, &mut fx);
            super::drafts::on_doc_loaded(s, article);
        }
        Action::FirstPart {
            article,
            generation,
            doc,
        } => super::first_part::shown(s, article, generation, doc),
        Action::Rewrapped { key, doc, layout } => s.rewrapped(key, &doc, layout),
        Action::Annot(x) => super::annotate::update(s, x, &mut fx),
        Action::AnnotationsLoaded {
            article,
            generation,
            result,
        } => {
            super::annot_list::loaded(s, article, generation, result);
            if super::drafts::on_annotations_loaded(s, article) {
                super::annot_list::save(s, article, &mut fx);
            }
        }
        Action::AnnotationsSaved {
            article,
            generation,
            result,
        } => super::annot_list::saved(s, article, generation, result, &mut fx),
        Action::Message(m) => s.message = Some(m),
        Action::Count(d) => super::prefix_keys::digit(s, d),
        Action::Mark(m) => super::marks::update(s, m, &mut fx),
        Action::LandingOff(id) => super::landing::off(s, id),
        Action::FirstFrame => fx.extend(find_annotated(s)),
        Action::Measure(wider) => super::prefix_keys::measure(s, wider),
        Action::ScrollSideways(d) => super::prefix_keys::sideways(s, d),
        Action::List(l) => super::list_view::update(s, l),
        Action::Sources(a) => super::sources::update(s, a, &mut fx),
        Action::LibraryChanged {
            added,
            changed,
            removed,
        } => super::library_sync::apply(s, added, changed, &removed, &mut fx),
        Action::OpenLink => super::links::open(s, &mut fx),
        Action::CopyLink => super::links::copy(s, &mut fx),
        Action::Finder(m) => super::finder::update(s, m, &mut fx),
        Action::Annotated(v) => {
            for i in v {
                if s.articles.get(i).is_some_and(|a| a.generation == 0) {
                    fx.push(nav::load(s, i));
                }
            }
        }
        Action::AnnotationsChanged { path, items } => {
            fx.push(Effect::Finder(super::finder::FinderEffect::Annotations(
                path, items,
            )));
        }
    }
    super::finder::after_update(s, &mut fx);
    s.ensure_layout();
    super::rewrap::after_update(s, &mut fx);
    s.ensure_note_cache();
    super::sources::ensure(s);
    super::annotate::after_update(s);
    super::bridge::annotations_to_finder(s, &mut fx);
    super::drafts::after_update(s, &mut fx);
    fx
}

fn close(s: &mut AppState) {
    if s.overlay.is_some() {
        s.overlay = None;
    } else {
        s.marker = None;
        s.note = None;
        s.message = None;
        s.search = super::state::Search::default();
        if s.focus == Pane::Notes {
            s.focus = Pane::Body;
        }
    }
}

fn loaded(
    s: &mut AppState,
    i: usize,
    generation: u64,
    result: Result<Arc<crate::document::Document>, String>,
) {
    let Some(a) = s.articles.get_mut(i) else {
        return;
    };
    if a.generation != generation {
        return;
    }
    let part = a.first_part.take();
    a.status = match result {
        Ok(doc)
            if doc
                .blocks
                .iter()
                .all(|b| doc.slice(b.span).trim().is_empty()) =>
        {
            ArticleStatus::Failed("empty: there is no text to read".into())
        }
        Ok(doc) => ArticleStatus::Loaded(doc),
        Err(e) => ArticleStatus::Failed(e),
    };
    if let (Some(p), ArticleStatus::Loaded(_)) = (part, &s.articles[i].status) {
        super::first_part::replaced(s, i, &p);
    } else if i == s.current {
        s.anchor = s.articles[i].anchor;
        if let ArticleStatus::Failed(e) = &s.articles[i].status {
            s.message = Some(Message::error(e.clone()));
        }
    }
}

/// Scrolls the body by `n` lines.
pub fn scroll(s: &mut AppState, n: i64) {
    let t = i64::try_from(s.top)
        .unwrap_or(i64::MAX)
        .saturating_add(n)
        .max(0);
    s.set_top(usize::try_from(t).unwrap_or(0));
}

fn move_sel(s: &mut AppState, n: i32) {
    let step = |v: usize, len: usize| -> usize {
        let t = i64::try_from(v).unwrap_or(0) + i64::from(n);
        usize::try_from(t.clamp(0, i64::try_from(len.saturating_sub(1)).unwrap_or(0))).unwrap_or(0)
    };
    match s.overlay.clone() {
        Some(Overlay::Help(k)) => {
            let len = super::view::help::row_count(&s.keymap);
            s.overlay = Some(Overlay::Help(step(k, len)));
        }
        Some(Overlay::Outline(k)) => {
            let len = s.doc().map_or(0, |d| d.headings().count());
            s.overlay = Some(Overlay::Outline(step(k, len)));
        }
        Some(Overlay::List) => super::list_view::step(s, n),
        _ => match s.focus {
            Pane::List => super::list_view::step(s, n),
            Pane::Body => scroll(s, i64::from(n)),
            Pane::Notes => {
                let vis = s.visible_notes();
                let cur = s.note.and_then(|n| vis.iter().position(|&x| x == n));
                let next = match cur {
                    Some(c) => step(c, vis.len()),
                    None => 0,
                };
                if let Some(&n) = vis.get(next) {
                    s.note = Some(n);
                }
            }
        },
    }
}

fn focus(s: &mut AppState, dir: i32) {
    let p = s.panes();
    let mut order = Vec::new();
    if p.list.is_some() {
        order.push(Pane::List);
    }
    order.push(Pane::Body);
    if p.notes.is_some() {
        order.push(Pane::Notes);
    }
    let cur = order.iter().position(|&x| x == s.focus).unwrap_or(0);
    let len = order.len();
    let next = if dir > 0 {
        (cur + 1) % len
    } else {
        (cur + len - 1) % len
    };
    s.focus = order[next];
    if s.focus == Pane::Notes && s.note.is_none() {
        s.note = s.visible_notes().first().copied();
    }
    if s.focus == Pane::List {
        s.list_sel = s.current;
    }
}

/// Selects the next (or previous) footnote marker and scrolls it into view.
fn select_marker(s: &mut AppState, fwd: bool) {
    let (Some(lay), Some(doc)) = (s.layout.clone(), s.doc().cloned()) else {
        return;
    };
    let h = s.body_height();
    let vis = lay.markers_in(s.top, s.top + h);
    let cur = s.marker.and_then(|m| lay.marker_slot(m));
    let slot = match cur {
        Some(c) if vis.contains(&c) => {
            if fwd {
                Some(c + 1)
            } else {
                c.checked_sub(1)
            }
        }
        _ if fwd => Some(vis.start),
        _ => vis.end.checked_sub(1),
    };
    let Some(p) = slot.and_then(|i| lay.markers.get(i)) else {
        s.message = Some(Message::info("no more footnote markers"));
        return;
    };
    s.marker = Some(p.marker);
    s.note = doc.markers.get(p.marker).and_then(|m| m.note);
    nav::show_line(s, p.line);
}

/// Enter: depends on the overlay and the focused pane.
fn follow(s: &mut AppState, fx: &mut Vec<Effect>) {
    match s.overlay.clone() {
        Some(Overlay::Outline(i)) => nav::goto_heading(s, i),
        Some(Overlay::List) => {
            s.overlay = None;
            nav::open_article(s, s.list_sel, fx);
        }
        Some(Overlay::Search) => nav::commit_search(s),
        Some(Overlay::Note(n)) => nav::follow_note(s, n),
        Some(Overlay::Help(_)) => s.overlay = None,
        Some(Overlay::Finder) => {}
        None => match s.focus {
            Pane::List => nav::open_article(s, s.list_sel, fx),
            Pane::Notes => match s.note {
                Some(n) => nav::follow_note(s, n),
                None => s.message = Some(Message::info("no note selected")),
            },
            Pane::Body => nav::open_marker_note(s),
        },
    }
}

#[cfg(test)]
mod tests;
