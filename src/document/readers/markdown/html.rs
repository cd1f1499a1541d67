//! Raw HTML inside Markdown, read by meaning and never shown as tags:
//! `<sup>`/`<sub>` digits, `<a href="#fn1">` footnote anchors and the lists
//! they point at (`<div class="footnotes">`, `<section role="doc-endnotes">`,
//! `<li id="fn1">`), `<br>`, `<em>`/`<strong>`/`<code>`, block elements as
//! paragraphs, `<details>`; comments, scripts and styles hidden.

use super::anchors::{Anchor, close_anchor, define, fallback_label, open_anchor};
use super::entities::{attr, entities, is_container, subscript, superscript};
use super::{Builder, line_break};
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::ParaKind;
use rustc_hash::FxHashMap;

/// What closing an element undoes.
#[derive(Debug)]
pub(super) enum Effect {
    Nothing,
    Block,
    Footnote(Option<String>),
    Container,
    Quote,
    Pre,
    Skip,
    Sup,
    Sub,
    Style(usize, InlineKind),
    Anchor,
    List,
}

/// HTML state carried across events (a comment or list spans many).
#[derive(Debug, Default)]
pub(super) struct State {
    comment: bool,
    skip: usize,
    pub(super) sup: usize,
    sub: usize,
    pre: usize,
    containers: usize,
    stack: Vec<(String, Effect)>,
    /// List item counters (0 for bullets).
    pub(super) items: Vec<u64>,
    /// Anchor targets cited so far → the label shown for them.
    pub(super) ids: FxHashMap<String, String>,
    pub(super) anchor: Option<Anchor>,
}

impl State {
    /// True inside a comment, `<script>` or `<style>`.
    pub(super) fn hidden(&self) -> bool {
        self.comment || self.skip > 0
    }

    /// True inside `<sub>`.
    pub(super) fn in_sub(&self) -> bool {
        self.sub > 0 && self.anchor.is_none()
    }

    /// True inside `<sup>`.
    pub(super) fn in_sup(&self) -> bool {
        self.sup > 0
    }
}

/// Elements that make paragraphs of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "dl"
            | "dt"
            | "dd"
            | "summary"
            | "details"
            | "center"
            | "address"
            | "caption"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ol"
            | "ul"
            | "blockquote"
            | "pre"
    )
}

/// Feeds one chunk of HTML (a tag, or lines of a block) to the builder.
pub(super) fn feed(b: &mut Builder, chunk: &str, at: usize) {
    let mut s = chunk;
    while !s.is_empty() {
        if b.html.comment {
            match s.find("-->") {
                Some(i) => {
                    b.html.comment = false;
                    s = &s[i + 3..];
                    continue;
                }
                None => return,
            }
        }
        let Some(lt) = s.find('<') else {
            text(b, s, at);
            return;
        };
        text(b, &s[..lt], at);
        s = &s[lt..];
        if let Some(rest) = s.strip_prefix("<!--") {
            b.html.comment = true;
            s = rest;
            continue;
        }
        let end = s.find('>').filter(|&e| !s[1..e].contains('<'));
        let is_tag = s[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        match end {
            Some(e) if is_tag => {
                tag(b, &s[1..e], at);
                s = &s[e + 1..];
            }
            _ => {
                text(b, "<", at);
                s = &s[1..];
            }
        }
    }
}

/// Text between tags: entities decoded, whitespace folded (kept in `<pre>`).
fn text(b: &mut Builder, s: &str, at: usize) {
    if s.is_empty() || b.html.hidden() {
        return;
    }
    let t = entities(s);
    if b.html.pre > 0 {
        let mut lines = t.split('\n').peekable();
        while let Some(l) = lines.next() {
            b.raw(l, at);
            if lines.peek().is_some() {
                b.flush(at);
                b.start(ParaKind::Code, at);
            }
        }
        return;
    }
    let folded: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = t.starts_with(char::is_whitespace) && !folded.is_empty();
    let trail = t.ends_with(char::is_whitespace) && !folded.is_empty();
    if folded.is_empty() {
        if b.cur.as_ref().is_some_and(|p| !p.text.is_empty()) && !t.is_empty() {
            b.raw(" ", at);
        }
        return;
    }
    let mut out = String::new();
    if lead && b.cur.as_ref().is_some_and(|p| !p.text.is_empty()) {
        out.push(' ');
    }
    out.push_str(&folded);
    if trail {
        out.push(' ');
    }
    let plain = b.html.anchor.is_none();
    if plain && b.html.sup > 0 && folded.bytes().all(|c| c.is_ascii_digit()) {
        out = superscript(&out);
    } else if plain && b.html.sub > 0 && folded.bytes().all(|c| c.is_ascii_digit()) {
        out = subscript(&out);
    }
    b.text(&out, at);
}

fn tag(b: &mut Builder, src: &str, at: usize) {
    if src.starts_with('!') || src.starts_with('?') {
        return;
    }
    let closing = src.starts_with('/');
    let body = src.trim_start_matches('/');
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if closing {
        close(b, &name, at);
        return;
    }
    let effect = open(b, &name, body, at);
    let void = matches!(
        name.as_str(),
        "br" | "hr" | "img" | "meta" | "link" | "input" | "wbr"
    ) || body.trim_end().ends_with('/');
    if !void {
        b.html.stack.push((name, effect));
    }
}

fn open(b: &mut Builder, name: &str, body: &str, at: usize) -> Effect {
    let id = attr(body, "id").or_else(|| attr(body, "name"));
    let is_block = is_block(name);
    if is_block && !matches!(name, "li" | "ol" | "ul") && b.html.pre == 0 {
        b.flush(at);
    }
    let container = is_container(body);
    let mut effect = match name {
        "br" => {
            line_break(b, at);
            Effect::Nothing
        }
        "img" => {
            if let Some(alt) = attr(body, "alt").filter(|a| !a.trim().is_empty()) {
                b.raw(&format!("[image: {alt}]"), at);
            }
            Effect::Nothing
        }
        // `<latex>`/`<tex>`: what a book's print build typesets instead
        // (a second copy of a note, a print-only note), never shown.
        "script" | "style" | "template" | "head" | "title" | "latex" | "tex" => {
            b.html.skip += 1;
            Effect::Skip
        }
        "sup" => {
            b.html.sup += 1;
            Effect::Sup
        }
        "sub" => {
            b.html.sub += 1;
            Effect::Sub
        }
        "em" | "i" | "cite" | "dfn" | "var" => style(b, InlineKind::Emphasis, at),
        "strong" | "b" => style(b, InlineKind::Strong, at),
        "code" | "kbd" | "tt" | "samp" => style(b, InlineKind::Code, at),
        "a" => match attr(body, "href") {
            Some(h) if h.starts_with('#') => {
                open_anchor(b, &h[1..], at);
                Effect::Anchor
            }
            Some(h) if !h.is_empty() => style(b, InlineKind::Link { url: sanitize(&h) }, at),
            _ => Effect::Nothing,
        },
        "td" | "th" => {
            if b.cur.as_ref().is_some_and(|p| !p.text.is_empty()) {
                b.raw(" | ", at);
            }
            Effect::Nothing
        }
        "summary" => {
            b.start(ParaKind::Paragraph, at);
            style(b, InlineKind::Strong, at)
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = name[1..].parse().unwrap_or(2);
            b.start(ParaKind::Heading(level), at);
            Effect::Block
        }
        "ol" | "ul" => {
            b.flush(at);
            let start = attr(body, "start")
                .and_then(|s| s.parse().ok())
                .unwrap_or(1);
            b.html.items.push(if name == "ol" { start } else { 0 });
            Effect::List
        }
        "li" => {
            let n = b.html.items.last_mut().and_then(|n| {
                let cur = *n;
                if *n > 0 {
                    *n += 1;
                }
                (cur > 0).then_some(cur)
            });
            b.start(ParaKind::ListItem(n), at);
            Effect::Block
        }
        "blockquote" => {
            b.quote_depth += 1;
            Effect::Quote
        }
        "pre" => {
            b.html.pre += 1;
            b.start(ParaKind::Code, at);
            Effect::Pre
        }
        "hr" => Effect::Nothing,
        _ if is_block => Effect::Block,
        _ => Effect::Nothing,
    };
    if container {
        b.html.containers += 1;
        if matches!(effect, Effect::Block | Effect::Nothing) {
            effect = Effect::Container;
        }
    }
    if let Some(id) = id {
        let known = b.html.ids.get(&id).cloned();
        let in_list = b.html.containers > 0 && (name == "li" || container);
        let label = known.or_else(|| in_list.then(|| fallback_label(b, &id)));
        if let Some(label) = label {
            define(b, name, label, effect, at)
        } else {
            effect
        }
    } else {
        effect
    }
}

fn style(b: &mut Builder, kind: InlineKind, at: usize) -> Effect {
    let start = b.ensure(at).text.len();
    Effect::Style(start, kind)
}

fn close(b: &mut Builder, name: &str, at: usize) {
    let Some(pos) = b.html.stack.iter().rposition(|(n, _)| n == name) else {
        if is_block(name) && b.html.pre == 0 {
            b.flush(at);
        }
        return;
    };
    while b.html.stack.len() > pos {
        let Some((_, effect)) = b.html.stack.pop() else {
            break;
        };
        undo(b, effect, at);
    }
    if name == "summary" {
        b.flush(at);
    }
}

fn undo(b: &mut Builder, effect: Effect, at: usize) {
    match effect {
        Effect::Nothing => {}
        Effect::Block => b.flush(at),
        Effect::Footnote(prev) => {
            b.flush(at);
            b.footnote = prev;
        }
        Effect::Container => {
            b.flush(at);
            b.html.containers = b.html.containers.saturating_sub(1);
        }
        Effect::Quote => {
            b.flush(at);
            b.quote_depth = b.quote_depth.saturating_sub(1);
        }
        Effect::Pre => {
            b.flush(at);
            b.html.pre = b.html.pre.saturating_sub(1);
        }
        Effect::Skip => b.html.skip = b.html.skip.saturating_sub(1),
        Effect::Sup => b.html.sup = b.html.sup.saturating_sub(1),
        Effect::Sub => b.html.sub = b.html.sub.saturating_sub(1),
        Effect::Style(start, kind) => {
            if let Some(p) = b.cur.as_mut()
                && start < p.text.len()
            {
                p.inlines.push((start..p.text.len(), kind));
            }
        }
        Effect::Anchor => close_anchor(b),
        Effect::List => {
            b.flush(at);
            b.html.items.pop();
        }
    }
}
