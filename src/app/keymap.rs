//! The one keymap table: context × keys → action, with a description. Key
//! resolution, the help screen and the status-line hints all read it.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. Overlays are checked first, then the focused
/// pane, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere (unless an overlay takes the key).
    Global,
    /// The body has focus.
    Body,
    /// The notes panel has focus.
    Notes,
    /// The article list has focus (or its overlay is open).
    List,
    /// The help screen is open.
    Help,
    /// The outline is open.
    Outline,
    /// A note overlay is open.
    Note,
    /// The search prompt is open (printable keys are typed, not looked up).
    Search,
    /// The sources view has the keys (notes panel focused, or narrow overlay).
    Sources,
    /// The finder is open (printable keys are typed, not looked up).
    Finder,
    /// A body selection is being made (`v`).
    Select,
    /// The note editor is open (other keys are typed into it).
    Editor,
    /// A yes/no question is asked in the status line.
    Confirm,
    /// The notes panel shows the annotations tab and has focus.
    Annotations,
}

impl Context {
    /// Name shown in the help screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Body => "body",
            Self::Notes => "notes",
            Self::List => "list",
            Self::Help => "help",
            Self::Outline => "outline",
            Self::Note => "note",
            Self::Search => "search",
            Self::Sources => "sources",
            Self::Finder => "finder",
            Self::Select => "select",
            Self::Editor => "editor",
            Self::Confirm => "confirm",
            Self::Annotations => "annotations",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// Key names as shown in help (`"j"`, `"C-d"`, `"S-Tab"`, `"PageDown"`).
    pub keys: &'static [&'static str],
    /// What the keys do.
    pub action: Action,
    /// One line for the help screen.
    pub desc: &'static str,
}

mod defaults;
pub use defaults::KEYMAP;

/// Parses a key name (`"j"`, `"C-d"`, `"A-i"`, `"S-Tab"`, `"Space"`, `"PageDown"`).
/// `C-i` is only distinguishable from `Tab` on terminals with the kitty
/// keyboard protocol; `A-i` is its portable twin.
#[must_use]
pub fn parse_key(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (mods, name) = if let Some(r) = s.strip_prefix("C-") {
        (KeyModifiers::CONTROL, r)
    } else if let Some(r) = s.strip_prefix("A-") {
        (KeyModifiers::ALT, r)
    } else if let Some(r) = s.strip_prefix("S-") {
        (KeyModifiers::SHIFT, r)
    } else {
        (KeyModifiers::NONE, s)
    };
    let code = match name {
        "Space" => KeyCode::Char(' '),
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" if mods == KeyModifiers::SHIFT => return Some((KeyCode::BackTab, mods)),
        "Tab" => KeyCode::Tab,
        "Backspace" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "F1" => KeyCode::F(1),
        _ => {
            let mut cs = name.chars();
            let c = cs.next()?;
            if cs.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some((code, mods))
}

/// True when `ev` is the key named `name`. Shift is ignored for characters
/// (terminals report `G` with or without it).
#[must_use]
pub fn matches(name: &str, ev: &KeyEvent) -> bool {
    let Some((code, mods)) = parse_key(name) else {
        return false;
    };
    match (code, ev.code) {
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (KeyCode::Char(a), KeyCode::Char(b)) => {
            a == b && (ev.modifiers - KeyModifiers::SHIFT) == (mods - KeyModifiers::SHIFT)
        }
        (a, b) => a == b && ev.modifiers - KeyModifiers::SHIFT == mods - KeyModifiers::SHIFT,
    }
}

/// The action for `ev` in the first of `contexts` that binds it.
#[must_use]
pub fn resolve(contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        KEYMAP
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|k| matches(k, ev)))
            .map(|b| b.action.clone())
    })
}

/// The first key bound to `action` in any context, for hints.
#[must_use]
pub fn key_for(action: &Action) -> Option<&'static str> {
    KEYMAP
        .iter()
        .find(|b| &b.action == action)
        .and_then(|b| b.keys.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn every_key_parses_and_no_duplicates_per_context() {
        let mut seen = std::collections::HashSet::new();
        for b in KEYMAP.iter() {
            for k in b.keys {
                assert!(parse_key(k).is_some(), "bad key {k}");
                assert!(
                    seen.insert((b.context, *k)),
                    "duplicate {k} in {:?}",
                    b.context
                );
            }
        }
    }

    #[test]
    fn resolves_by_context() {
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            resolve(&[Context::Body, Context::Global], &j),
            Some(Action::ScrollLines(1))
        );
        assert_eq!(
            resolve(&[Context::Notes, Context::Global], &j),
            Some(Action::MoveSel(1))
        );
        let cd = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(
            resolve(&[Context::Global], &cd),
            Some(Action::ScrollHalf(1))
        );
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Context::Global], &g), Some(Action::Bottom));
        let bt = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Context::Global], &bt), Some(Action::FocusPrev));
    }
}
