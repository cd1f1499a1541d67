//! Raw HTML inside Markdown, read by meaning and never shown as tags:
//! `<sup>`/`<sub>` digits, `<a href="#fn1">` footnote anchors and the lists
//! they point at (`<div class="footnotes">`, `<section role="doc-endnotes">`,
//! `<li id="fn1">`), `<br>`, `<em>`/`<strong>`/`<code>`, block elements as
//! paragraphs, `<details>`; comments, scripts and styles hidden.

use super::{Builder, line_break};
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};
use rustc_hash::FxHashMap;

/// An open `<a href="#id">` (or Markdown `[1](#id)`): where its text starts.
#[derive(Debug, Default)]
pub(super) struct Anchor {
    start: usize,
    target: String,
    /// The anchor's text as written.
    pub(super) raw: String,
}

/// What closing an element undoes.
#[derive(Debug)]
enum Effect {
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
    sup: usize,
    sub: usize,
    pre: usize,
    containers: usize,
    stack: Vec<(String, Effect)>,
    /// List item counters (0 for bullets).
    items: Vec<u64>,
    /// Anchor targets cited so far → the label shown for them.
    ids: FxHashMap<String, String>,
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

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "summary",
    "details",
    "center",
    "address",
    "caption",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ol",
    "ul",
    "blockquote",
    "pre",
];

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

/// The value of attribute `name` in a tag's source (`a href="#x" id=y`).
fn attr(src: &str, name: &str) -> Option<String> {
    let lower = src.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let i = from + i;
        from = i + name.len();
        let before_ok = lower[..i].ends_with(char::is_whitespace);
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let off = src.len() - rest.len() + 1;
        let v = src[off..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v.split(char::is_whitespace).next().unwrap_or(""),
        };
        return Some(entities(value.trim_end_matches('/')));
    }
    None
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
    let is_block = BLOCKS.contains(&name);
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
        "script" | "style" | "template" | "head" | "title" => {
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

/// The element with a cited id starts footnote `label`.
fn define(b: &mut Builder, name: &str, label: String, effect: Effect, at: usize) -> Effect {
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
fn fallback_label(b: &Builder, id: &str) -> String {
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

fn is_container(body: &str) -> bool {
    let class = attr(body, "class").unwrap_or_default().to_ascii_lowercase();
    let role = attr(body, "role").unwrap_or_default().to_ascii_lowercase();
    let epub = attr(body, "epub:type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    class.split_whitespace().any(|c| {
        matches!(
            c,
            "footnotes" | "footnote" | "endnotes" | "notes" | "footnotes-list"
        )
    }) || matches!(
        role.as_str(),
        "doc-endnotes" | "doc-footnotes" | "doc-endnote" | "doc-footnote"
    ) || ["footnote", "endnote", "rearnote"]
        .iter()
        .any(|k| epub.contains(k))
}

fn style(b: &mut Builder, kind: InlineKind, at: usize) -> Effect {
    let start = b.ensure(at).text.len();
    Effect::Style(start, kind)
}

fn close(b: &mut Builder, name: &str, at: usize) {
    let Some(pos) = b.html.stack.iter().rposition(|(n, _)| n == name) else {
        if BLOCKS.contains(&name) && b.html.pre == 0 {
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

/// `12` → `₁₂`.
pub(super) fn subscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| {
            c.to_digit(10)
                .and_then(|d| char::from_u32(0x2080 + d))
                .unwrap_or(c)
        })
        .collect()
}

/// `12` → `¹²`.
pub(super) fn superscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => d
                .to_digit(10)
                .and_then(|v| char::from_u32(0x2070 + v))
                .unwrap_or(d),
        })
        .collect()
}

/// Decodes the character references HTML copied into Markdown uses.
pub(super) fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(v).filter(|c| !c.is_control());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "larrhk" | "hookleftarrow" => '↩',
        "uarr" => '↑',
        _ => return None,
    })
}
