//! Reading keymaps: the default file (`assets/keymap.toml`) and the user's
//! `[keys.<context>]` tables over it. Unknown contexts, keys and actions are
//! errors that name the line; keys that hide each other are reported.

use super::{Binding, Command, Context, Keymap, normalize};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One binding as written in the default file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    keys: Vec<Spanned<String>>,
    action: Spanned<String>,
    desc: String,
}

/// The part of a user's config file this module reads (`[keys.*]`).
#[derive(Deserialize)]
struct UserFile {
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, Spanned<String>>>,
}

/// Line (1-based) of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1
}

/// The line of the `[keys.<ctx>]` header (or dotted key) naming `ctx`.
fn context_line(text: &str, ctx: &str) -> usize {
    let needle = format!("keys.{ctx}");
    text.find(&needle).map_or(1, |at| line_of(text, at))
}

fn known_contexts() -> String {
    Context::ALL.map(Context::name).join(", ")
}

fn command(text: &str, name: &Spanned<String>) -> Result<Option<Command>, String> {
    if name.get_ref() == "none" {
        return Ok(None);
    }
    Command::from_name(name.get_ref()).map(Some).ok_or_else(|| {
        format!(
            "line {}: unknown action \"{}\" (the actions are listed in docs/keys.md)",
            line_of(text, name.span().start),
            name.get_ref()
        )
    })
}

impl Keymap {
    /// Parses a keymap file in the format of `assets/keymap.toml`.
    ///
    /// # Errors
    /// A message naming the line of an unknown context, key or action.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let raw: BTreeMap<String, Vec<RawBinding>> =
            toml::from_str(text).map_err(|e| e.to_string())?;
        for name in raw.keys() {
            if Context::from_name(name).is_none() {
                return Err(format!(
                    "line {}: unknown context \"{name}\" (known: {})",
                    text.find(&format!("\n{name} "))
                        .map_or(1, |at| line_of(text, at + 1)),
                    known_contexts()
                ));
            }
        }
        let mut named = Vec::new();
        for (ctx, list) in &raw {
            for b in list {
                for k in &b.keys {
                    if normalize(k.get_ref()).is_none() {
                        return Err(format!(
                            "line {}: unknown key \"{}\"",
                            line_of(text, k.span().start),
                            k.get_ref()
                        ));
                    }
                }
                command(text, &b.action)?;
                let keys: Vec<&str> = b.keys.iter().map(|k| k.get_ref().as_str()).collect();
                named.push((
                    ctx.as_str(),
                    keys,
                    b.action.get_ref().as_str(),
                    b.desc.as_str(),
                ));
            }
        }
        let rows: Vec<_> = named
            .iter()
            .map(|(c, k, a, d)| (*c, &k[..], *a, *d))
            .collect();
        Ok(Keymap::from_rows(&rows))
    }

    /// This keymap with the user's `[keys.<context>]` tables of a config
    /// file applied: `"key" = "action"` binds the key in that context
    /// (first, so hints show it) in place of what it did there; `"none"`
    /// unbinds it. Other sections of the file are ignored here.
    ///
    /// Returns the keymap and the conflicts found (bindings of the file that
    /// another binding hides), each naming its line.
    ///
    /// # Errors
    /// A message naming the line of an unknown context, key or action.
    pub fn with_user(&self, text: &str) -> Result<(Keymap, Vec<String>), String> {
        let user: UserFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut map = self.clone();
        let mut added: Vec<(Context, String, Command, usize)> = Vec::new();
        let mut conflicts = Vec::new();
        let mut given = std::collections::HashMap::new();
        for (ctx_name, table) in &user.keys {
            let ctx = Context::from_name(ctx_name).ok_or_else(|| {
                format!(
                    "line {}: unknown context [keys.{ctx_name}] (known: {})",
                    context_line(text, ctx_name),
                    known_contexts()
                )
            })?;
            for (key, action) in table {
                let line = line_of(text, action.span().start);
                let Some(norm) = normalize(key) else {
                    return Err(format!(
                        "line {line}: unknown key \"{key}\" in [keys.{ctx_name}]"
                    ));
                };
                let cmd = command(text, action)?;
                if let Some((earlier, at)) = given.insert((ctx, norm), (key.clone(), line)) {
                    conflicts.push(format!(
                        "line {line}: \"{key}\" and \"{earlier}\" (line {at}) are the same key in [keys.{ctx_name}]; \"{key}\" wins"
                    ));
                }
                map.unbind(ctx, norm);
                if let Some(cmd) = cmd {
                    map.bind_first(ctx, key, cmd);
                    added.push((ctx, key.clone(), cmd, line));
                }
            }
        }
        for (ctx, key, cmd, line) in &added {
            conflicts.extend(map.hidden(*ctx, key, *cmd, *line));
        }
        Ok((map, conflicts))
    }

    /// Removes key `norm` from the bindings of `ctx` (dropping bindings left
    /// without keys).
    fn unbind(
        &mut self,
        ctx: Context,
        norm: (crossterm::event::KeyCode, crossterm::event::KeyModifiers),
    ) {
        for b in self.bindings.iter_mut().filter(|b| b.context == ctx) {
            b.keys.retain(|k| normalize(k) != Some(norm));
        }
        self.bindings.retain(|b| !b.keys.is_empty());
    }

    /// Binds `key` to `cmd` in `ctx`: first among the keys of the context's
    /// binding of `cmd`, or a new binding (described as elsewhere).
    fn bind_first(&mut self, ctx: Context, key: &str, cmd: Command) {
        if let Some(b) = self
            .bindings
            .iter_mut()
            .find(|b| b.context == ctx && b.command == cmd)
        {
            b.keys.insert(0, key.to_string());
            return;
        }
        let desc = self
            .bindings
            .iter()
            .find(|b| b.command == cmd)
            .map_or_else(|| cmd.name().replace('_', " "), |b| b.desc.clone());
        let at = self
            .bindings
            .iter()
            .rposition(|b| b.context == ctx)
            .map_or(self.bindings.len(), |i| i + 1);
        self.bindings.insert(
            at,
            Binding {
                context: ctx,
                keys: vec![key.to_string()],
                command: cmd,
                desc,
            },
        );
    }

    /// Why the user's `key` → `cmd` in `ctx` (from `line`) would not work:
    /// for `global`, a pane or prompt that binds the key to something else
    /// and is looked up first.
    fn hidden(&self, ctx: Context, key: &str, cmd: Command, line: usize) -> Vec<String> {
        let Some(norm) = normalize(key) else {
            return Vec::new();
        };
        if ctx != Context::Global {
            return Vec::new();
        }
        let mut out = Vec::new();
        for b in &self.bindings {
            let shadows = b.context.falls_back_to_global()
                && b.keys.iter().any(|k| normalize(k) == Some(norm));
            if b.command == cmd {
                continue;
            }
            if shadows {
                out.push(format!(
                    "line {line}: \"{key}\" = \"{}\" in [keys.global] is hidden by [keys.{}] (\"{}\") while that has the keys",
                    cmd.name(),
                    b.context.name(),
                    b.command.name()
                ));
            }
        }
        out
    }

    /// Keys bound twice in one context (two spellings of one key, or one key
    /// in two bindings), as messages; the shipped keymap has none.
    #[must_use]
    pub fn duplicates(&self) -> Vec<String> {
        let mut seen = std::collections::HashMap::new();
        let mut out = Vec::new();
        for b in &self.bindings {
            for k in &b.keys {
                if let Some(n) = normalize(k)
                    && let Some(prev) = seen.insert((b.context, n), b.command)
                {
                    out.push(format!(
                        "[keys.{}] \"{k}\" is bound to both {} and {}",
                        b.context.name(),
                        prev.name(),
                        b.command.name()
                    ));
                }
            }
        }
        out
    }
}
