//! Footnote links written in HTML or as Markdown links to `#id`: an anchor
//! whose text is a marker (`1`, `[2]`, `*`) becomes a footnote reference,
//! the element carrying the cited id becomes the note, a note's back-link
//! (`↩`) is dropped.

use super::Builder;
use super::html::Effect;
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};

/// An open `<a href="#id">` (or Markdown `[1](#id)`): where its text starts.
#[derive(Debug, Default)]
pub(super) struct Anchor {
    start: usize,
    target: String,
    /// The anchor's text as written.
    pub(super) raw: String,
}

/// The element with a cited id starts footnote `label`.
pub(super) fn define(
    b: &mut Builder,
    name: &str,
    label: String,
    effect: Effect,
    at: usize,
) -> Effect {
    if matches!(effect, Effect::Block | Effect::Container) || name == "li" {
        let prev = b.footnote.replace(label.clone());
        match b.cur.as_mut() {
            Some(p) if p.text.is_empty() => p.kind = ParaKind::FootnoteDef(label),
            _ => b.start(ParaKind::Unknown, at),
        }
        return Effect::Footnote(prev);
    }
    // An inline target (`<a name="fn1"></a>1. Text`): this paragraph.
    match b.cur.as_mut() {
        Some(p) if p.text.trim().is_empty() => p.kind = ParaKind::FootnoteDef(label),
        _ => {
            b.flush(at);
            b.start(ParaKind::FootnoteDef(label), at);
        }
    }
    effect
}

/// A label for a note nobody cited yet: the digits of its id (`fn12` → `12`),
/// else its place in the list.
pub(super) fn fallback_label(b: &Builder, id: &str) -> String {
    let digits: String = id
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        let n = b
            .html
            .items
            .last()
            .copied()
            .unwrap_or(1)
            .saturating_sub(1)
            .max(1);
        n.to_string()
    } else {
        digits.to_string()
    }
}

/// Starts an anchor to `#id`: it is a footnote marker if its text is one.
pub(super) fn open_anchor(b: &mut Builder, id: &str, at: usize) {
    if b.html.anchor.is_some() {
        close_anchor(b);
    }
    let start = b.ensure(at).text.len();
    b.html.anchor = Some(Anchor {
        start,
        target: sanitize(id),
        raw: String::new(),
    });
}

/// Ends the open anchor: a marker (`1`, `[2]`, `*`) becomes a footnote
/// reference, a note's back-link (`↩`) is dropped, anything else is a link.
pub(super) fn close_anchor(b: &mut Builder) {
    let Some(a) = b.html.anchor.take() else {
        return;
    };
    let in_sup = b.html.sup > 0;
    let Some(p) = b.cur.as_mut() else {
        return;
    };
    if a.start > p.text.len() || !p.text.is_char_boundary(a.start) {
        return;
    }
    let label = a
        .raw
        .trim()
        .trim_matches(['[', ']', '(', ')'])
        .trim()
        .to_string();
    let in_def = matches!(p.kind, ParaKind::FootnoteDef(_));
    let back = label.is_empty() || !label.chars().any(char::is_alphanumeric);
    if in_def && back {
        p.text.to_mut().truncate(a.start);
    } else if !in_def && is_marker_label(&label, in_sup) {
        p.text.to_mut().truncate(a.start);
        p.inlines.retain(|(r, _)| r.end <= a.start);
        let s = p.text.len();
        p.text.to_mut().push_str(&format!("[{label}]"));
        p.refs.push((s..p.text.len(), label.clone()));
        b.html.ids.insert(a.target, label);
    } else if a.start < p.text.len() {
        let url = format!("#{}", a.target);
        p.inlines
            .push((a.start..p.text.len(), InlineKind::Link { url }));
    }
}

fn is_marker_label(label: &str, in_sup: bool) -> bool {
    let n = label.chars().count();
    let digits = (1..=5).contains(&label.len()) && label.bytes().all(|c| c.is_ascii_digit());
    let symbol = n == 1 && label.chars().all(|c| "*†‡§¶#".contains(c));
    let short = in_sup && (1..=4).contains(&n) && label.chars().all(char::is_alphanumeric);
    digits || symbol || short
}

/// A note whose text begins with its own number (`1. Text`, `[1] Text`,
/// copied with the list) loses it.
pub(super) fn strip_own_label(p: &mut Para<'_>, label: &str) {
    if label.is_empty() || !label.bytes().all(|c| c.is_ascii_digit()) {
        return;
    }
    for prefix in [
        format!("{label}."),
        format!("[{label}]"),
        format!("{label})"),
    ] {
        if let Some(rest) = p.text.strip_prefix(prefix.as_str())
            && rest.starts_with(char::is_whitespace)
            && !rest.trim().is_empty()
        {
            let n = p.text.len() - rest.trim_start().len();
            crate::document::structure::strip_prefix(p, n);
            return;
        }
    }
}
