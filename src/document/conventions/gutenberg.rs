//! Project Gutenberg footnote blocks: `[Footnote 1: text]` (also `[Footnote A:`),
//! placed where they belong; the marker is a bracket `[1]` (see `bracket`).

use super::{Convention, Label, Style, with_space};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "gutenberg-block",
    starts: &[],
    marker: None,
    note: Some(note),
};

fn note(t: &str) -> Option<Label> {
    let rest = t.strip_prefix("[Footnote ")?;
    let colon = rest.find(':')?;
    let label = rest[..colon].trim();
    if label.is_empty() || label.chars().count() > 6 {
        return None;
    }
    Some(Label {
        label: Some(label.to_string()),
        len: with_space(t, "[Footnote ".len() + colon + 1),
        style: Style::GutenbergBlock,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks() {
        let l = super::note("[Footnote A: See Livy, iii. 4.]").unwrap();
        assert_eq!((l.label.as_deref(), l.len), (Some("A"), 13));
        assert!(super::note("[Footnote: no label]").is_none());
    }
}
