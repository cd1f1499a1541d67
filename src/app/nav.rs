//! Navigation helpers for `update`: jumps (follow/back/forward), articles,
//! outline, search and the mouse. Pure state changes, no I/O.

use super::action::{Effect, Pane};
use super::message::Message;
use super::state::{AppState, ArticleStatus, Location, Overlay};
use crate::document::Span;

/// A load request for article `i` with a fresh generation.
pub fn load(s: &mut AppState, i: usize) -> Effect {
    let generation = s.bump_gen();
    let a = &mut s.articles[i];
    a.generation = generation;
    Effect::Load {
        article: i,
        path: a.path.clone(),
        generation,
    }
}

/// Scrolls so `line` is on screen, a third of the way down when it was not.
pub fn show_line(s: &mut AppState, line: usize) {
    let h = s.body_height();
    if line < s.top || line >= s.top + h {
        s.set_top(line.saturating_sub(h / 3));
    }
}

/// Records the current place before a jump.
pub fn push_jump(s: &mut AppState) {
    let loc = s.location();
    s.jumps.truncate(s.jump_pos);
    if s.jumps.last() != Some(&loc) {
        s.jumps.push(loc);
    }
    s.jump_pos = s.jumps.len();
}

/// Ctrl-o: back to where the last jump started.
pub fn back(s: &mut AppState, fx: &mut Vec<Effect>) {
    if s.jump_pos == 0 {
        s.message = Some(Message::info("no earlier position"));
        return;
    }
    if s.jump_pos == s.jumps.len() {
        let loc = s.location();
        s.jumps.push(loc);
    }
    s.jump_pos -= 1;
    let loc = s.jumps[s.jump_pos].clone();
    restore(s, &loc, fx);
    super::landing::mark(s, loc.anchor);
    s.message = Some(Message::info(s.keymap.fill(super::hints::BACK)));
}

/// Ctrl-i: forward again after going back.
pub fn forward(s: &mut AppState, fx: &mut Vec<Effect>) {
    if s.jump_pos + 1 >= s.jumps.len() {
        s.message = Some(Message::info("no later position"));
        return;
    }
    s.jump_pos += 1;
    let loc = s.jumps[s.jump_pos].clone();
    restore(s, &loc, fx);
    super::landing::mark(s, loc.anchor);
    s.message = Some(Message::info(s.keymap.fill(super::hints::FORWARD)));
}

/// Goes to `loc` (opening its article).
pub fn restore(s: &mut AppState, loc: &Location, fx: &mut Vec<Effect>) {
    if loc.article != s.current {
        open_article(s, loc.article, fx);
    }
    s.ensure_layout();
    s.set_top_from_anchor(loc.anchor);
    s.anchor = loc.anchor;
    s.marker = loc.marker;
    s.note = loc.note;
    s.focus = if loc.focus == Pane::Notes && !s.notes_visible() {
        Pane::Body
    } else {
        loc.focus
    };
    s.overlay = loc.overlay_note.map(Overlay::Note);
}

/// Opens article `i` at its remembered position (reloading it if it failed).
pub fn open_article(s: &mut AppState, i: usize, fx: &mut Vec<Effect>) {
    if i >= s.articles.len() {
        return;
    }
    let anchor = s.anchor;
    if let Some(a) = s.articles.get_mut(s.current) {
        a.anchor = anchor;
    }
    s.current = i;
    s.list_sel = i;
    s.hscroll = 0;
    super::list_view::opened(s, i);
    s.anchor = s.articles[i].anchor;
    s.marker = None;
    s.note = None;
    s.search.matches.clear();
    s.search.current = None;
    if s.focus == Pane::List && s.panes().list.is_none() {
        s.focus = Pane::Body;
    }
    match &s.articles[i].status {
        ArticleStatus::Failed(e) => {
            s.message = Some(Message::error(e.clone()));
            fx.push(load(s, i));
        }
        ArticleStatus::Pending => {
            s.message = Some(Message::progress("loading…"));
            if s.articles[i].generation == 0 {
                // Never asked for yet (articles load when first opened).
                fx.push(load(s, i));
            }
        }
        ArticleStatus::Loaded(_) => s.message = None,
    }
    s.ensure_layout();
    if !s.search.query.is_empty() {
        find_matches(s);
    }
}

/// J/K: the next or previous article.
pub fn step_article(s: &mut AppState, dir: i64, fx: &mut Vec<Effect>) {
    let n = i64::try_from(s.articles.len()).unwrap_or(0);
    let cur = i64::try_from(s.current).unwrap_or(0);
    let next = cur + dir;
    if next < 0 || next >= n {
        s.message = Some(Message::info("no more articles"));
        return;
    }
    open_article(s, usize::try_from(next).unwrap_or(0), fx);
}

/// `o`: opens the outline at the heading the reader is under.
pub fn open_outline(s: &mut AppState) {
    let Some(doc) = s.doc() else { return };
    let hs: Vec<usize> = doc.headings().map(|(b, _, _)| b).collect();
    if hs.is_empty() {
        s.message = Some(Message::info("this article has no headings"));
        return;
    }
    let under = s.layout.as_ref().and_then(|l| l.heading_at(s.top));
    let sel = under
        .and_then(|b| hs.iter().position(|&x| x == b))
        .unwrap_or(0);
    s.overlay = Some(Overlay::Outline(sel));
}

/// Enter in the outline: jump to heading `i`.
pub fn goto_heading(s: &mut AppState, i: usize) {
    s.overlay = None;
    let Some(start) = s
        .doc()
        .and_then(|d| d.headings().nth(i).map(|(b, _, _)| d.blocks[b].span.start))
    else {
        return;
    };
    push_jump(s);
    s.set_top_from_anchor(start);
    super::landing::mark(s, start);
}

/// Enter on a selected marker: show its note (panel or overlay).
pub fn open_marker_note(s: &mut AppState) {
    let Some(doc) = s.doc().cloned() else { return };
    let Some(m) = s.marker.and_then(|m| doc.markers.get(m)) else {
        s.message = Some(Message::info("select a footnote marker first (])"));
        return;
    };
    let Some(n) = m.note else {
        s.message = Some(Message::warning(format!(
            "marker [{}] has no note",
            m.label
        )));
        return;
    };
    push_jump(s);
    s.note = Some(n);
    if s.notes_visible() {
        s.focus = Pane::Notes;
    } else {
        s.overlay = Some(Overlay::Note(n));
    }
}

/// Enter on note `n`: go to the note it refers to (Ibid., op. cit., same source).
pub fn follow_note(s: &mut AppState, n: usize) {
    let Some(doc) = s.doc().cloned() else { return };
    let Some(note) = doc.notes.get(n) else { return };
    let Some(t) = note.refers_to.or(note.same_as) else {
        let msg = note.unresolved.clone().map_or_else(
            || format!("note {} does not refer to another note", note.label),
            |r| format!("note {}: {r}", note.label),
        );
        s.message = Some(Message::info(msg));
        return;
    };
    push_jump(s);
    s.note = Some(t);
    if let Some(&m) = doc.notes.get(t).and_then(|x| x.markers.first()) {
        s.marker = Some(m);
        if let Some(x) = doc.markers.get(m) {
            super::landing::mark(s, x.span.start);
            s.reach(x.span.start);
        }
        if let Some(p) = s
            .layout
            .as_ref()
            .and_then(|l| l.marker_slot(m).map(|i| l.markers[i]))
        {
            show_line(s, p.line);
        }
    }
    if matches!(s.overlay, Some(Overlay::Note(_))) {
        s.overlay = Some(Overlay::Note(t));
    }
    let label = doc.notes.get(t).map_or("", |x| x.label.as_str());
    s.message = Some(Message::info(format!(
        "note {label} {}",
        s.keymap.fill(super::hints::GO_BACK)
    )));
}

/// Finds the committed query in the open article (ASCII case-insensitive),
/// hidden page furniture included: a match there reveals it.
pub fn find_matches(s: &mut AppState) {
    s.search.matches.clear();
    s.search.current = None;
    let Some(doc) = s.doc().cloned() else { return };
    let q = s.search.query.to_ascii_lowercase();
    if q.is_empty() {
        return;
    }
    for b in &doc.blocks {
        let t = doc.slice(b.span).to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = t.get(from..).and_then(|r| r.find(&q)) {
            let st = b.span.start + from + i;
            s.search.matches.push(Span::new(st, st + q.len()));
            from += i + q.len();
        }
    }
}

/// Enter at the search prompt: search and go to the first match below the top.
pub fn commit_search(s: &mut AppState) {
    s.overlay = None;
    if s.search.command {
        s.search.command = false;
        let input = std::mem::take(&mut s.search.input);
        super::goto::run_command(s, &input);
        return;
    }
    s.search.query = std::mem::take(&mut s.search.input);
    find_matches(s);
    if s.search.matches.is_empty() {
        let q = s.search.query.clone();
        s.message = Some(Message::warning(format!("not found: {q}")));
        return;
    }
    goto_match(s, true);
}

/// n/N: the next or previous match (wrapping), scrolled into view.
pub fn goto_match(s: &mut AppState, fwd: bool) {
    let n = s.search.matches.len();
    if n == 0 {
        s.message = Some(Message::info("no search (press /)"));
        return;
    }
    let next = match s.search.current {
        Some(c) if fwd => (c + 1) % n,
        Some(c) => (c + n - 1) % n,
        None => {
            let a = s.anchor;
            let i = s.search.matches.partition_point(|m| m.start < a);
            if fwd { i % n } else { (i + n - 1) % n }
        }
    };
    let wrapped = match s.search.current {
        Some(c) => (fwd && next <= c) || (!fwd && next >= c),
        None => false,
    };
    s.search.current = Some(next);
    let start = s.search.matches[next].start;
    super::landing::mark(s, start);
    // A match in hidden text shows the furniture where it lands.
    let hidden = s.doc().is_some_and(|d| {
        d.blocks
            .iter()
            .any(|b| b.furniture.is_some() && b.span.start <= start && start < b.span.end)
    });
    let revealed = hidden && !s.show_furniture;
    if revealed {
        s.show_furniture = true;
        s.ensure_layout();
    }
    if s.layout.is_some() {
        let line = s.line_at(start);
        show_line(s, line);
    }
    let q = s.search.query.clone();
    let mut m = format!("/{q}: match {} of {n}", next + 1);
    if wrapped {
        m.push_str(if fwd {
            " (wrapped to the top)"
        } else {
            " (wrapped to the bottom)"
        });
    }
    if revealed {
        let hides = s.keymap.fill(super::hints::FURNITURE_HIDES);
        m.push_str(&format!(" (in hidden text; {hides})"));
    }
    s.message = Some(Message::info(m));
}

/// Mouse wheel: scrolls the pane under the pointer.
pub fn wheel(s: &mut AppState, col: u16, row: u16, delta: i32) {
    let p = s.panes();
    let pos = ratatui::layout::Position::new(col, row);
    if p.list.is_some_and(|r| r.contains(pos)) {
        let t = i64::try_from(s.list_sel).unwrap_or(0) + i64::from(delta.signum());
        s.list_sel = usize::try_from(t.max(0))
            .unwrap_or(0)
            .min(s.articles.len().saturating_sub(1));
    } else if s.sources.open && p.notes.is_some_and(|r| r.contains(pos)) {
        let a = super::sources::SourcesAction::Move(delta.signum());
        super::sources::update(s, a, &mut Vec::new());
    } else if p.notes.is_some_and(|r| r.contains(pos)) {
        let vis = s.visible_notes();
        let cur = s.note.and_then(|n| vis.iter().position(|&x| x == n));
        let i = cur.map_or(0, |c| {
            if delta > 0 {
                c + 1
            } else {
                c.saturating_sub(1)
            }
        });
        if let Some(&n) = vis.get(i.min(vis.len().saturating_sub(1))) {
            s.note = Some(n);
        }
    } else {
        super::update::scroll(s, i64::from(delta));
    }
}

/// Mouse click: a marker opens its note; a list row opens its article.
pub fn click(s: &mut AppState, col: u16, row: u16, fx: &mut Vec<Effect>) {
    let p = s.panes();
    let pos = ratatui::layout::Position::new(col, row);
    if let Some(r) = p.list.filter(|r| r.contains(pos)) {
        let order = super::list_view::order(s);
        let sel = order.iter().position(|&i| i == s.list_sel).unwrap_or(0);
        if let Some(&i) = super::view::list::entry_at(r, sel, row).and_then(|k| order.get(k)) {
            open_article(s, i, fx);
        }
        return;
    }
    let t = s.body_text();
    if !t.contains(pos) {
        return;
    }
    let Some(lay) = s.layout.clone() else { return };
    let line = s.top + usize::from(row - t.y);
    let c = col - t.x;
    let hit = lay.markers[lay.markers_in(line, line + 1)]
        .iter()
        .find(|m| c >= m.col && c < m.col + m.width.max(1))
        .map(|m| m.marker);
    if let Some(m) = hit {
        s.marker = Some(m);
        s.note = s.doc().and_then(|d| d.markers.get(m)).and_then(|x| x.note);
        open_marker_note(s);
    }
}
