//! Keys read before the keymap, and the small `update` arms of the comfort
//! features: count digits (`10j`), the letter after `m`/`'`, the list's
//! filter prompt, the reading measure (`=`/`-`) and sideways scrolling.
//! Pure.

use super::action::{Action, Pane};
use super::count;
use super::list_view::ListAction;
use super::marks;
use super::state::{AppState, Overlay};
use crate::app::message::Message;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// True while the list has the keys (focused pane or its overlay).
fn list_has_keys(s: &AppState) -> bool {
    s.overlay == Some(Overlay::List) || (s.overlay.is_none() && s.focus == Pane::List)
}

/// The action for `ev` when one of the prefix states takes it: the list
/// filter being typed, a mark's letter, or a count digit. Called after the
/// editor, search prompt and finder have had their turn.
#[must_use]
pub fn key_action(s: &AppState, ev: &KeyEvent) -> Option<Action> {
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if s.list_view.typing && list_has_keys(s) {
        return Some(Action::List(match ev.code {
            KeyCode::Char(c) if plain => ListAction::Input(c),
            KeyCode::Backspace => ListAction::Backspace,
            KeyCode::Enter | KeyCode::Down | KeyCode::Up => ListAction::Done,
            KeyCode::Esc => ListAction::Clear,
            _ => return None,
        }));
    }
    if let Some(p) = s.marks.pending {
        let c = match ev.code {
            KeyCode::Char(c) if plain => Some(c),
            _ => None,
        };
        return Some(Action::Mark(marks::second_key(p, c)));
    }
    let counts = matches!(
        s.overlay,
        None | Some(Overlay::List | Overlay::Outline(_) | Overlay::Help(_))
    );
    if counts && let Some(d) = count::digit(ev, s.count) {
        return Some(Action::Count(d));
    }
    None
}

/// Applies a typed count to `a`: the action to run (scaled when it is a
/// distance) and how many times (more than once for a repeated step).
pub fn counted(s: &mut AppState, a: Action) -> (Action, u32) {
    if count::is_background(&a) {
        return (a, 1);
    }
    let Some(n) = s.count.take() else {
        return (a, 1);
    };
    if let Some(b) = count::scaled(&a, n) {
        return (b, 1);
    }
    if count::repeats(&a) {
        return (a, n.max(1));
    }
    (a, 1)
}

/// A count digit: extends the count and shows it.
pub fn digit(s: &mut AppState, d: u8) {
    s.count = count::push(s.count, d);
    if let Some(n) = s.count {
        s.message = Some(Message::info(format!("{n}…")));
    }
}

/// `=` / `-`: the reading measure, wider or narrower.
pub fn measure(s: &mut AppState, wider: bool) {
    let shown = s.body_text().width;
    s.measure = super::measure::step(s.measure, shown, wider);
    s.ensure_layout();
    let now = s.body_text().width;
    let note = if now < s.measure {
        " (the pane is narrower)"
    } else {
        ""
    };
    s.message = Some(Message::info(format!(
        "reading measure: {} columns{note}",
        s.measure
    )));
}

/// The widest preformatted line of the open article's layout, in cells.
fn widest_code(s: &AppState) -> usize {
    use crate::app::view::{LineKind, cells};
    let (Some(doc), Some(lay)) = (s.doc(), &s.layout) else {
        return 0;
    };
    lay.lines
        .iter()
        .filter(|l| l.kind == LineKind::Code)
        .map(|l| {
            usize::from(l.lead())
                + l.segs
                    .iter()
                    .map(|g| cells(doc.text.get(g.start..g.end).unwrap_or("")))
                    .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// Left/Right: scrolls preformatted lines sideways.
pub fn sideways(s: &mut AppState, dir: i32) {
    let widest = widest_code(s);
    let shown = s.body_text().width;
    s.hscroll = super::measure::side(s.hscroll, dir, widest, shown);
    s.message = Some(if widest <= usize::from(shown) {
        Message::info("no preformatted line is wider than the page")
    } else {
        Message::info(format!(
            "preformatted text from column {} (of {widest})",
            s.hscroll + 1
        ))
    });
}
