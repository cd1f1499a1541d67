//! The help screen's content, generated from the keymap: rows per context
//! (drawn by `ui::help`, counted by `update` for scrolling) and the Markdown
//! of `docs/keys.md`.

use crate::app::keymap::{Context, KEYMAP};

/// Contexts in the order help shows them.
const ORDER: [Context; 14] = [
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

/// One row of the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A context's heading.
    Section(&'static str),
    /// A binding: its keys (space-separated) and what they do.
    Binding(String, &'static str),
    /// A closing remark.
    Footer(&'static str),
}

/// The help text: one section per context, one row per binding.
#[must_use]
pub fn rows() -> Vec<HelpRow> {
    let mut out = Vec::new();
    for ctx in ORDER {
        out.push(HelpRow::Section(ctx.name()));
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            out.push(HelpRow::Binding(b.keys.join(" "), b.desc));
        }
    }
    out.push(HelpRow::Footer(
        "mouse: wheel scrolls the pane under the pointer; click a marker to open its note; drag to select text (a annotates)",
    ));
    out
}

/// The keymap as Markdown (`docs/keys.md` is this, checked by a test).
#[must_use]
pub fn markdown() -> String {
    let mut out =
        String::from("# ibid keys\n\nGenerated from `src/app/keymap.rs`; do not edit by hand.\n");
    for ctx in ORDER {
        out.push_str(&format!(
            "\n## {}\n\n| keys | action |\n|---|---|\n",
            ctx.name()
        ));
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.desc));
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
            super::markdown(),
            "docs/keys.md is stale: regenerate with `IBID_WRITE_KEYS_MD=1 cargo test --lib write_keys`"
        );
    }

    #[test]
    fn write_keys_md_on_request() {
        if std::env::var_os("IBID_WRITE_KEYS_MD").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
            std::fs::write(path, super::markdown()).expect("write docs/keys.md");
        }
    }
}
