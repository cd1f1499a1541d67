//! The help screen's content, generated from the live keymap: rows per
//! context (drawn by `ui::help`, counted by `update` for scrolling) and the
//! Markdown of `docs/keys.md` (from the shipped keymap).

use crate::app::keymap::{Context, Keymap};

/// One row of the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A context's heading.
    Section(&'static str),
    /// A binding: its keys (space-separated) and what they do.
    Binding(String, String),
    /// A closing remark.
    Footer(String),
}

/// What the mouse does (keys filled in from the keymap).
const MOUSE: &str = "mouse: wheel scrolls the pane under the pointer; click a marker to open its note; drag to select text ({select.annotate_selection} annotates)";

/// The help text: one section per context, one row per binding.
#[must_use]
pub fn rows(km: &Keymap) -> Vec<HelpRow> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        out.push(HelpRow::Section(ctx.name()));
        for b in km.in_context(ctx) {
            out.push(HelpRow::Binding(b.keys.join(" "), b.desc.clone()));
        }
    }
    out.push(HelpRow::Footer(km.fill(MOUSE)));
    out
}

/// How many rows [`rows`] has (for scrolling the help screen).
#[must_use]
pub fn row_count(km: &Keymap) -> usize {
    Context::ALL.len() + km.bindings().len() + 1
}

/// The keymap as Markdown (`docs/keys.md` is this for the shipped keymap,
/// checked by a test).
#[must_use]
pub fn markdown(km: &Keymap) -> String {
    let mut out = String::from(
        "# ibid keys\n\nGenerated from `assets/keymap.toml`; do not edit by hand.\n\n\
         Change a key in your `config.toml` under `[keys.<context>]`, e.g.\n\n\
         ```toml\n[keys.body]\n\"x\" = \"line_down\"   # x scrolls down\n\"j\" = \"none\"        # j does nothing\n```\n\n\
         Overlays and prompts are looked up first, then the focused pane, then `global`.\n",
    );
    for ctx in Context::ALL {
        out.push_str(&format!(
            "\n## {}\n\n| keys | action | what it does |\n|---|---|---|\n",
            ctx.name()
        ));
        for b in km.in_context(ctx) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!(
                "| {} | `{}` | {} |\n",
                keys.join(" "),
                b.command.name(),
                b.desc
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn docs_keys_md_is_generated_from_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            on_disk,
            super::markdown(&crate::app::keymap::Keymap::default()),
            "docs/keys.md is stale: regenerate with `IBID_WRITE_KEYS_MD=1 cargo test --lib write_keys`"
        );
    }

    #[test]
    fn write_keys_md_on_request() {
        if std::env::var_os("IBID_WRITE_KEYS_MD").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
            std::fs::write(
                path,
                super::markdown(&crate::app::keymap::Keymap::default()),
            )
            .expect("write docs/keys.md");
        }
    }
}
