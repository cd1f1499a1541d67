//! What a reST document defines, read before its blocks: hyperlink targets,
//! substitutions, and the numbers of auto-numbered and symbol footnotes
//! (docutils numbers `.. [#]` and `.. [#label]` together in order of
//! definition, skipping numbers given by hand; `[#]_` references take the
//! anonymous ones in order; `[*]_` the symbols in order).

use crate::document::clean::sanitize;
use crate::document::readers::lines::Line;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::Cell;

/// Footnote symbols in docutils' order.
const SYMBOLS: [char; 10] = ['*', '†', '‡', '§', '¶', '#', '♠', '♥', '♦', '♣'];

fn symbol(k: usize) -> String {
    std::iter::repeat_n(SYMBOLS[k % 10], k / 10 + 1).collect()
}

/// What the whole document defines, read before its blocks.
#[derive(Debug, Default)]
pub struct Context {
    pub(super) targets: FxHashMap<String, String>,
    pub(super) substitutions: FxHashMap<String, String>,
    anonymous: Vec<u64>,
    named: FxHashMap<String, u64>,
    anonymous_targets: Vec<String>,
    anon_links: Cell<usize>,
    anon_defs: Cell<usize>,
    anon_refs: Cell<usize>,
    sym_defs: Cell<usize>,
    sym_refs: Cell<usize>,
}

impl Context {
    /// Reads targets, substitutions and footnote labels from every line.
    #[must_use]
    pub fn scan(all: &[Line<'_>]) -> Self {
        let mut c = Self::default();
        let mut labels = Vec::new();
        // Literal blocks (after `::`, in code directives) define nothing.
        let mut literal: Option<usize> = None;
        let mut pending: Option<usize> = None;
        for (_, l) in all {
            let t = l.trim_start();
            if t.is_empty() {
                continue;
            }
            let ind = super::lines::indent(l);
            if let Some(base) = pending.take()
                && ind > base
            {
                literal = Some(base);
            }
            match literal {
                Some(base) if ind > base => continue,
                _ => literal = None,
            }
            let code = [
                "code",
                "code-block",
                "sourcecode",
                "parsed-literal",
                "doctest",
            ]
            .iter()
            .any(|d| {
                t.strip_prefix(".. ")
                    .is_some_and(|r| r.starts_with(d) && r[d.len()..].starts_with("::"))
            });
            if code || !t.starts_with(".. ") && t.trim_end().ends_with("::") {
                pending = Some(ind);
            }
            // Anonymous targets: `__ url` or `.. __: url`, taken in order.
            if let Some(url) = t.strip_prefix("__ ").or_else(|| t.strip_prefix(".. __: ")) {
                c.anonymous_targets.push(sanitize(url.trim()));
                continue;
            }
            let Some(rest) = t.strip_prefix(".. ") else {
                continue;
            };
            if let Some(inner) = rest.strip_prefix('[')
                && let Some(end) = inner.find(']')
            {
                labels.push(inner[..end].to_string());
            } else if let Some(t) = rest.strip_prefix('_')
                && let Some((name, url)) = split_target(t)
            {
                c.targets.insert(name.to_lowercase(), sanitize(url));
            } else if let Some(t) = rest.strip_prefix('|')
                && let Some((name, def)) = t.split_once('|')
                && let Some(text) = def.trim().strip_prefix("replace::")
            {
                c.substitutions
                    .insert(name.to_string(), text.trim().to_string());
            }
        }
        let manual: FxHashSet<u64> = labels.iter().filter_map(|l| l.parse().ok()).collect();
        let mut n = 1;
        for l in &labels {
            if let Some(name) = l.strip_prefix('#') {
                while manual.contains(&n) {
                    n += 1;
                }
                if name.is_empty() {
                    c.anonymous.push(n);
                } else {
                    c.named.insert(name.to_lowercase(), n);
                }
                n += 1;
            }
        }
        c
    }

    /// The URL of the next anonymous reference (`` `text`__ ``).
    pub(super) fn next_anonymous(&self) -> Option<String> {
        let k = self.anon_links.get();
        self.anon_links.set(k + 1);
        self.anonymous_targets.get(k).cloned()
    }

    /// The label shown for the definition `.. [raw]`.
    pub fn define(&mut self, raw: &str) -> String {
        self.label(raw, true)
    }

    pub(super) fn label(&self, raw: &str, def: bool) -> String {
        let raw = raw.trim();
        if raw == "#" {
            let cell = if def {
                &self.anon_defs
            } else {
                &self.anon_refs
            };
            let k = cell.get();
            cell.set(k + 1);
            return self
                .anonymous
                .get(k)
                .map_or_else(|| format!("#{}", k + 1), u64::to_string);
        }
        if let Some(name) = raw.strip_prefix('#') {
            return self
                .named
                .get(&name.to_lowercase())
                .map_or_else(|| sanitize(name), u64::to_string);
        }
        if raw == "*" {
            let cell = if def { &self.sym_defs } else { &self.sym_refs };
            let k = cell.get();
            cell.set(k + 1);
            return symbol(k);
        }
        sanitize(raw)
    }
}

/// `name: url` of a target line after `.. _` (names may be in backquotes).
fn split_target(t: &str) -> Option<(&str, &str)> {
    let (name, url) = if let Some(q) = t.strip_prefix('`') {
        let end = q.find("`:")?;
        (&q[..end], &q[end + 2..])
    } else {
        t.split_once(": ")
            .or_else(|| t.strip_suffix(':').map(|n| (n, "")))?
    };
    let url = url.trim();
    (!url.is_empty() && !url.ends_with('_')).then_some((name, url))
}
