//! The keymap: context × keys → command, with a description per binding.
//! The defaults are `assets/keymap.toml`; the user's `[keys.<context>]`
//! tables change them (see [`Keymap::with_user`]). Key routing, the help
//! screen, the status-line hints, `docs/keys.md` and every message that
//! names a key read the live keymap, so they cannot drift from it.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::{Arc, LazyLock};

mod commands;
mod load;
pub use commands::Command;

/// The default keymap, embedded.
pub const DEFAULT_TOML: &str = include_str!("../../assets/keymap.toml");

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
    /// Every context, in the order help and `docs/keys.md` show them.
    pub const ALL: [Context; 14] = [
        Context::Global,
        Context::Body,
        Context::Notes,
        Context::Sources,
        Context::List,
        Context::Outline,
        Context::Note,
        Context::Search,
        Context::Finder,
        Context::Select,
        Context::Editor,
        Context::Confirm,
        Context::Annotations,
        Context::Help,
    ];

    /// The context called `name` in keymap files.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// True when keys not bound here fall through to `global`.
    #[must_use]
    pub fn falls_back_to_global(self) -> bool {
        matches!(
            self,
            Self::Body
                | Self::Notes
                | Self::List
                | Self::Note
                | Self::Sources
                | Self::Select
                | Self::Annotations
        )
    }

    /// Name in keymap files and the help screen.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// Key names as shown in help (`"j"`, `"C-d"`, `"S-Tab"`, `"PageDown"`);
    /// the first is the one hints show.
    pub keys: Vec<String>,
    /// What the keys do.
    pub command: Command,
    /// One line for the help screen.
    pub desc: String,
}

impl Binding {
    /// The action the keys send.
    #[must_use]
    pub fn action(&self) -> Action {
        self.command.action()
    }
}

/// A whole keymap: bindings in help order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// `assets/keymap.toml` as the build script read it: (context, keys, action,
/// description), in the file's order.
const SHIPPED: &[Row<'static, &str>] = include!(concat!(env!("OUT_DIR"), "/keymap_defaults.rs"));

/// One binding as written: context, keys, action and description.
type Row<'a, K> = (&'a str, &'a [K], &'a str, &'a str);

static DEFAULTS: LazyLock<Arc<Keymap>> = LazyLock::new(|| Arc::new(Keymap::shipped()));

impl Default for Keymap {
    fn default() -> Self {
        Keymap::clone(&DEFAULTS)
    }
}

impl Keymap {
    /// The shipped keymap from the build script's table (a test checks it is
    /// what [`Keymap::parse`] gives for the file).
    fn shipped() -> Keymap {
        Keymap::from_rows(SHIPPED)
    }

    /// The bindings of (context, keys, action, description) rows, context by
    /// context in help order, each context's in the rows' order; an action
    /// that is not a command (`"none"`) binds nothing.
    fn from_rows<K: AsRef<str>>(rows: &[Row<'_, K>]) -> Keymap {
        let mut bindings = Vec::new();
        for ctx in Context::ALL {
            for (_, keys, action, desc) in rows.iter().filter(|r| r.0 == ctx.name()) {
                let Some(command) = Command::from_name(action) else {
                    continue;
                };
                bindings.push(Binding {
                    context: ctx,
                    keys: keys.iter().map(|k| k.as_ref().to_string()).collect(),
                    command,
                    desc: (*desc).to_string(),
                });
            }
        }
        Keymap { bindings }
    }

    /// The shipped keymap, shared.
    #[must_use]
    pub fn defaults() -> Arc<Keymap> {
        Arc::clone(&DEFAULTS)
    }

    /// Every binding, in help order.
    #[must_use]
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The bindings of one context, in help order.
    pub fn in_context(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == ctx)
    }

    /// The action for `ev` in the first of `contexts` that binds it.
    #[must_use]
    pub fn resolve(&self, contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
        contexts.iter().find_map(|ctx| {
            self.in_context(*ctx)
                .find(|b| b.keys.iter().any(|k| matches(k, ev)))
                .map(Binding::action)
        })
    }

    /// The key shown for `cmd` in `ctx` (falling back to `global`).
    #[must_use]
    pub fn key_in(&self, ctx: Context, cmd: Command) -> Option<&str> {
        let first = |c: Context| {
            self.in_context(c)
                .find(|b| b.command == cmd)
                .and_then(|b| b.keys.first())
                .map(String::as_str)
        };
        first(ctx).or_else(|| first(Context::Global))
    }

    /// The key shown for `cmd`: its `global` binding, else its first one.
    #[must_use]
    pub fn key(&self, cmd: Command) -> Option<&str> {
        self.key_in(Context::Global, cmd).or_else(|| {
            self.bindings
                .iter()
                .find(|b| b.command == cmd)
                .and_then(|b| b.keys.first())
                .map(String::as_str)
        })
    }

    /// `template` with each `{command}` or `{context.command}` replaced by
    /// the key bound to it (`?` when unbound), e.g. `"back ({forward}:
    /// forward)"`. Messages and hints that name keys are written this way.
    #[must_use]
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let Some(j) = after.find('}') else {
                out.push_str(&rest[i..]);
                return out;
            };
            out.push_str(&self.placeholder(&after[..j]).unwrap_or_else(|| "?".into()));
            rest = &after[j + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The key for one placeholder (`command` or `context.command`).
    fn placeholder(&self, name: &str) -> Option<String> {
        let (ctx, cmd) = match name.split_once('.') {
            Some((c, n)) => (Some(Context::from_name(c)?), n),
            None => (None, name),
        };
        let cmd = Command::from_name(cmd)?;
        match ctx {
            Some(c) => self.key_in(c, cmd),
            None => self.key(cmd),
        }
        .map(str::to_string)
    }
}

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
        _ if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n) =>
        {
            KeyCode::F(n)
        }
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

/// The key `name` stands for, as compared by [`matches`] (Shift dropped
/// except for `S-Tab`), or `None` if it is no key name.
#[must_use]
pub fn normalize(name: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (code, mods) = parse_key(name)?;
    Some(match code {
        KeyCode::BackTab => (code, KeyModifiers::SHIFT),
        _ => (code, mods - KeyModifiers::SHIFT),
    })
}

#[cfg(test)]
mod tests;
