//! `update(state, action) -> effects`: every state transition, no I/O.

use super::action::{Action, Effect, Pane};
use super::keymap::{self, Context};
use super::nav;
use super::state::{AppState, ArticleStatus, Overlay};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// The contexts a key is looked up in, most specific first.
#[must_use]
pub fn contexts(s: &AppState) -> Vec<Context> {
    if let Some(c) = super::annotate::contexts(s) {
        return c;
    }
    if let Some(c) = super::sources::contexts(s) {
        return c;
    }
    match s.overlay {
        Some(Overlay::Help(_)) => vec![Context::Help],
        Some(Overlay::Outline(_)) => vec![Context::Outline],
        Some(Overlay::List) => vec![Context::List],
        Some(Overlay::Search) => vec![Context::Search],
        Some(Overlay::Finder) => vec![Context::Finder],
        Some(Overlay::Note(_)) => vec![Context::Note, Context::Global],
        None => {
            let pane = match s.focus {
                Pane::List => Context::List,
                Pane::Body => Context::Body,
                Pane::Notes => Context::Notes,
            };
            vec![pane, Context::Global]
        }
    }
}

/// Translates a key press into an action via the keymap (the search prompt
/// takes printable characters first).
#[must_use]
pub fn key_action(s: &AppState, ev: &KeyEvent) -> Option<Action> {
    if super::annotate::contexts(s).is_some() {
        return super::annotate::key_action(s, ev);
    }
    if s.overlay == Some(Overlay::Search)
        && let KeyCode::Char(c) = ev.code
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::Input(c));
    }
    if let Some(a) = super::finder::key_action(s, ev) {
        return Some(a);
    }
    if let Some(a) = super::prefix_keys::key_action(s, ev) {
        return Some(a);
    }
    keymap::resolve(&contexts(s), ev)
}

/// The first loads to run at start-up: the open article, then its neighbours; the other
/// articles load when opened (their list rows come from the finder's index), except those
/// with stored annotations, which the annotations worker names (`Effect::FindAnnotated`).
pub fn init(s: &mut AppState) -> Vec<Effect> {
    s.anchor = s.article().map_or(0, |a| a.anchor);
    let n = s.articles.len();
    let cur = s.current;
    let mut fx: Vec<Effect> = [Some(cur), cur.checked_sub(1), Some(cur + 1)]
        .into_iter()
        .flatten()
        .filter(|&i| i < n)
        .map(|i| nav::load(s, i))
        .collect();
    if n > 0 {
        let all = s
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.path.clone()))
            .collect();
        fx.push(Effect::FindAnnotated(all));
    }
    fx
}

/// Applies `a` to the state and returns the I/O to perform.
pub fn update(s: &mut AppState, a: Action) -> Vec<Effect> {
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
        Action::Top => s.set_top(0),
        Action::Bottom => s.set_top(usize::MAX),
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
            s.message = Some((
                if s.show_furniture {
                    "page furniture shown"
                } else {
                    "page furniture hidden"
                }
                .into(),
                false,
            ));
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
            fx.extend(nav::quit_saves(s));
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
        Action::Message { text, error } => s.message = Some((text, error)),
        Action::Count(d) => super::prefix_keys::digit(s, d),
        Action::Mark(m) => super::marks::update(s, m, &mut fx),
        Action::LandingOff(id) => super::landing::off(s, id),
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
    if i == s.current {
        s.anchor = s.articles[i].anchor;
        if let ArticleStatus::Failed(e) = &s.articles[i].status {
            s.message = Some((e.clone(), true));
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
            let len = keymap::KEYMAP.len() + 16;
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
        s.message = Some(("no more footnote markers".into(), false));
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
                None => s.message = Some(("no note selected".into(), false)),
            },
            Pane::Body => nav::open_marker_note(s),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};
    use std::collections::HashMap;
    use std::path::PathBuf;

    const MD: &str = "# Title\n\nFirst paragraph cites a source.[^1]\n\n## Part two\n\nSecond paragraph cites it again.[^2] And more.[^3]\n\n[^1]: Jane Doe, *A Book*, 2001.\n[^2]: Ibid.\n[^3]: Jane Doe, *A Book*, 2001.\n";

    fn state(w: u16, h: u16) -> AppState {
        let mut s = AppState::new(vec![PathBuf::from("a.md")], &HashMap::new());
        update(&mut s, Action::Resize(w, h));
        let fx = init(&mut s);
        assert!(matches!(fx[0], Effect::Load { article: 0, .. }));
        let generation = s.articles[0].generation;
        let doc = Arc::new(parse_str(MD, Format::Markdown));
        update(
            &mut s,
            Action::Loaded {
                article: 0,
                generation,
                result: Ok(doc),
            },
        );
        s
    }

    #[test]
    fn start_up_loads_the_open_article_and_its_neighbours_only() {
        let paths: Vec<PathBuf> = (0..6).map(|i| PathBuf::from(format!("{i}.txt"))).collect();
        let mut s = AppState::new(paths, &HashMap::new());
        s.current = 2;
        let fx = init(&mut s);
        let loads: Vec<usize> = fx
            .iter()
            .filter_map(|e| match e {
                Effect::Load { article, .. } => Some(*article),
                _ => None,
            })
            .collect();
        assert_eq!(loads, [2, 1, 3], "the open one first");
        assert!(matches!(fx.last(), Some(Effect::FindAnnotated(v)) if v.len() == 6));
        // Articles with stored annotations load; ones already asked for do not again.
        let fx = update(&mut s, Action::Annotated(vec![1, 5]));
        let loads: Vec<&Effect> = fx
            .iter()
            .filter(|e| !matches!(e, Effect::Drafts(_)))
            .collect();
        assert!(
            matches!(loads.as_slice(), [Effect::Load { article: 5, .. }]),
            "{fx:?}"
        );
        // Opening a never-loaded article asks for it.
        let mut fx = Vec::new();
        nav::open_article(&mut s, 4, &mut fx);
        assert!(
            matches!(fx.as_slice(), [Effect::Load { article: 4, .. }]),
            "{fx:?}"
        );
        let mut fx = Vec::new();
        nav::open_article(&mut s, 5, &mut fx);
        assert!(fx.is_empty(), "already loading: {fx:?}");
    }

    #[test]
    fn stale_loads_are_dropped() {
        let mut s = state(100, 20);
        let old = s.articles[0].generation - 1;
        update(
            &mut s,
            Action::Loaded {
                article: 0,
                generation: old,
                result: Err("x".into()),
            },
        );
        assert!(s.doc().is_some());
    }

    #[test]
    fn marker_follow_back_forward() {
        let mut s = state(100, 20);
        update(&mut s, Action::NextMarker);
        update(&mut s, Action::NextMarker);
        assert_eq!(s.marker, Some(1));
        assert_eq!(s.note, Some(1));
        update(&mut s, Action::Follow);
        assert_eq!(s.focus, Pane::Notes);
        update(&mut s, Action::Follow);
        assert_eq!(s.note, Some(0), "Ibid. follows to note 1");
        assert_eq!(s.marker, Some(0));
        update(&mut s, Action::Back);
        assert_eq!(s.note, Some(1));
        update(&mut s, Action::Back);
        assert_eq!(s.focus, Pane::Body);
        update(&mut s, Action::Forward);
        assert_eq!(s.focus, Pane::Notes);
        update(&mut s, Action::Forward);
        assert_eq!(s.note, Some(0));
    }

    #[test]
    fn narrow_opens_note_overlay() {
        let mut s = state(50, 12);
        update(&mut s, Action::NextMarker);
        update(&mut s, Action::Follow);
        assert_eq!(s.overlay, Some(Overlay::Note(0)));
        assert_eq!(contexts(&s)[0], Context::Note);
        update(&mut s, Action::Close);
        assert_eq!(s.overlay, None);
    }

    #[test]
    fn scroll_clamps_and_anchor_follows() {
        let mut s = state(30, 6);
        update(&mut s, Action::Bottom);
        let lay = s.layout.clone().expect("layout");
        assert_eq!(s.top, lay.max_top(s.body_height()));
        assert_eq!(s.anchor, lay.line_start[s.top]);
        update(&mut s, Action::ScrollLines(-1000));
        assert_eq!(s.top, 0);
    }

    #[test]
    fn quit_saves_positions() {
        let mut s = state(100, 20);
        let fx = update(&mut s, Action::Quit);
        assert!(
            matches!(fx[0], Effect::SavePositions(ref p) if p.is_empty()),
            "an unchanged position is not written over another ibid's"
        );
        let mut s = state(30, 6);
        update(&mut s, Action::Bottom);
        assert_ne!(s.anchor, 0);
        let fx = update(&mut s, Action::Quit);
        assert!(matches!(fx[0], Effect::SavePositions(ref p) if p.len() == 1));
        assert!(
            matches!(fx[1], Effect::SaveLastRead { ref path, anchor } if path.as_path() == std::path::Path::new("a.md") && anchor == s.anchor)
        );
        assert_eq!(fx[2], Effect::Quit);
        assert!(s.quit);
    }

    #[test]
    fn search_prompt_takes_characters() {
        let mut s = state(100, 20);
        update(&mut s, Action::Search);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(key_action(&s, &q), Some(Action::Input('q')));
        for c in "PARAGRAPH".chars() {
            update(&mut s, Action::Input(c));
        }
        update(&mut s, Action::Follow);
        assert_eq!(s.search.matches.len(), 2);
        assert_eq!(s.search.current, Some(0));
    }
}
