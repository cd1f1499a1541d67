//! Pandoc inline notes `^[…]`: while one is open, text goes to a new
//! footnote definition (with a generated label that no explicit label uses)
//! and the interrupted paragraph waits; a paragraph that ends inside `^[`
//! gets its text back as written.

use super::{Builder, Interrupted, trim_para};
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};
use rustc_hash::FxHashSet;

impl Builder {
    /// Writes text, opening and closing pandoc inline notes `^[…]`.
    pub(super) fn text(&mut self, s: &str, at: usize) {
        if self.cur.as_ref().is_some_and(|p| p.kind == ParaKind::Code) {
            self.raw(s, at);
            return;
        }
        let mut rest = s;
        loop {
            if let Some(depth) = self.notes.last().map(|n| n.depth) {
                let mut d = depth;
                let close = rest.char_indices().find_map(|(i, c)| {
                    match c {
                        '[' => d += 1,
                        ']' => d -= 1,
                        _ => {}
                    }
                    (d == 0).then_some(i)
                });
                if let Some(i) = close {
                    self.raw(&rest[..i], at);
                    self.end_note(at + i);
                    rest = &rest[i + 1..];
                    continue;
                }
                if let Some(n) = self.notes.last_mut() {
                    n.depth = d;
                }
                self.raw(rest, at);
                self.caret = false;
                return;
            }
            if self.caret && rest.starts_with('[') {
                if let Some(p) = self.cur.as_mut()
                    && p.text.ends_with('^')
                {
                    let n = p.text.len() - 1;
                    p.text.to_mut().truncate(n);
                }
                self.start_note(at);
                rest = &rest[1..];
                self.caret = false;
                continue;
            }
            if let Some(i) = rest.find("^[") {
                self.raw(&rest[..i], at);
                self.start_note(at + i);
                rest = &rest[i + 2..];
                continue;
            }
            self.raw(rest, at);
            self.caret = rest.ends_with('^');
            return;
        }
    }

    pub(super) fn start_note(&mut self, at: usize) {
        // Pandoc numbers every note in the order it is cited: an inline
        // note after `[^1]` and `[^longnote]` is note 3 (the next number no
        // explicit label has).
        let mut n = self.cited.len() + 1;
        while self.labels.contains(&n.to_string()) {
            n += 1;
        }
        let label = n.to_string();
        self.labels.insert(label.clone());
        self.cited.insert(label.clone());
        let p = self.ensure(at);
        let s = p.text.len();
        p.text.to_mut().push_str(&format!("[{label}]"));
        p.refs.push((s..p.text.len(), label.clone()));
        let para = self.cur.take().expect("ensured above");
        self.notes.push(Interrupted {
            para,
            open: std::mem::take(&mut self.open),
            depth: 1,
        });
        self.cur = Some(Para {
            text: std::borrow::Cow::Owned(String::new()),
            inlines: Vec::new(),
            kind: ParaKind::FootnoteDef(label),
            source: at..at,
            blank_before: true,
            refs: Vec::new(),
            page: None,
            hidden: None,
        });
    }

    pub(super) fn end_note(&mut self, at: usize) {
        let Some(outer) = self.notes.pop() else {
            return;
        };
        if let Some(mut note) = self.cur.replace(outer.para) {
            note.source.end = at;
            trim_para(&mut note);
            self.inline_notes.push(note);
        }
        self.open = outer.open;
    }

    /// A paragraph ended inside `^[`: the note was not one; its text goes
    /// back where it was, as written.
    pub(super) fn abandon_notes(&mut self) {
        while let Some(outer) = self.notes.pop() {
            let note = self.cur.replace(outer.para);
            self.open = outer.open;
            if let Some(p) = self.cur.as_mut() {
                if let Some((r, _)) = p.refs.pop() {
                    p.text.to_mut().truncate(r.start);
                }
                p.text.to_mut().push_str("^[");
                if let Some(n) = note {
                    p.append_glued(n);
                }
            }
        }
    }
}

/// Glues another paragraph's text on without a space (an abandoned note).
pub(super) trait AppendGlued {
    fn append_glued(&mut self, tail: Para<'_>);
}

impl AppendGlued for Para<'_> {
    fn append_glued(&mut self, tail: Para<'_>) {
        let text = self.text.to_mut();
        let shift = text.len();
        text.push_str(&tail.text);
        let moved = |r: std::ops::Range<usize>| r.start + shift..r.end + shift;
        self.inlines
            .extend(tail.inlines.into_iter().map(|(r, k)| (moved(r), k)));
        self.refs
            .extend(tail.refs.into_iter().map(|(r, l)| (moved(r), l)));
    }
}

/// Labels of `[^label]` references and definitions, so that generated
/// labels of inline notes never collide with them.
pub(super) fn explicit_labels(src: &str) -> FxHashSet<String> {
    let mut set = FxHashSet::default();
    // Anchor targets (`href="#fn12"`, `](#ref_012)`) name their notes' numbers.
    for pat in ["href=\"#", "](#"] {
        let mut rest = src;
        while let Some(i) = rest.find(pat) {
            rest = &rest[i + pat.len()..];
            let id: String = rest
                .chars()
                .take_while(|c| !matches!(c, '"' | ')' | '\'' | ' '))
                .take(60)
                .collect();
            let digits: String = id.chars().filter(char::is_ascii_digit).collect();
            let digits = digits.trim_start_matches('0');
            if !digits.is_empty() {
                set.insert(digits.to_string());
            }
        }
    }
    let mut rest = src;
    while let Some(i) = rest.find("[^") {
        rest = &rest[i + 2..];
        if let Some(end) = rest.find(']')
            && end < 100
        {
            set.insert(sanitize(&rest[..end]));
        }
    }
    set
}
