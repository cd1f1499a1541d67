//! The help screen, generated from the keymap table.

use super::theme;
use crate::app::keymap::{Context, KEYMAP};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

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

/// The help text: one section per context, one row per binding.
#[must_use]
pub fn lines() -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in ORDER {
        out.push(Line::from(Span::styled(
            ctx.name().to_string(),
            theme::TITLE,
        )));
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            let keys = b.keys.join(" ");
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme::NOTE_LABEL),
                Span::raw(b.desc),
            ]));
        }
    }
    out.push(Line::from(Span::styled(
        "mouse: wheel scrolls the pane under the pointer; click a marker to open its note; drag to select text (a annotates)",
        theme::DIM,
    )));
    out
}

/// Draws the help box over `area`, scrolled by `scroll` rows.
pub fn draw(buf: &mut Buffer, area: Rect, scroll: usize) {
    let lines = lines();
    let w = area.width.saturating_sub(4).min(64);
    let h = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let r = super::layout::centered(area, w, h);
    let inner = super::popup(buf, r, "Keys · j/k scroll · Esc closes");
    let max = lines.len().saturating_sub(usize::from(inner.height));
    for (i, l) in lines
        .iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_line(
            inner.x,
            inner.y + u16::try_from(i).unwrap_or(0),
            l,
            inner.width,
        );
    }
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
