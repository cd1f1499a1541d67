//! DOM → paragraphs. Blocks (`p`, `li`, `h1`…, `blockquote`, `pre`, table
//! rows) become paragraphs with their roles; inline markup becomes styles;
//! an anchored marker becomes a `[label]` reference and its note's element
//! becomes `FootnoteDef` paragraphs, with back-links removed. Script, style
//! and hidden elements never reach the text; page chrome (navigation, share
//! bars, cookie banners, comments) is skipped on web pages. A `<sup>`
//! number that links nowhere is kept as a superscript, so the plain-text
//! conventions can still find it.

use super::filter;
use super::notes::{Notes, Page};
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};
use dom_query::NodeRef;
use std::borrow::Cow;

/// Deepest element nesting walked; deeper content is taken as plain text.
const MAX_DEPTH: usize = 200;

/// The paragraph builder.
pub struct Walker<'n> {
    notes: &'n Notes,
    /// Finished paragraphs.
    pub out: Vec<Para<'static>>,
    cur: Option<Para<'static>>,
    next_kind: Option<ParaKind>,
    quote: usize,
    lists: Vec<Option<u64>>,
    pre: usize,
    /// Inside a note: its index and label.
    note: Option<(usize, String)>,
    /// The first paragraph of the current note is still to come.
    note_first: bool,
    emitted: Vec<bool>,
    pos: usize,
    /// Skip page chrome by class and id (web pages, not books).
    pub web: bool,
    page: usize,
    name: String,
}

impl<'n> Walker<'n> {
    /// A walker over pages whose notes are `notes`.
    #[must_use]
    pub fn new(notes: &'n Notes, web: bool) -> Self {
        Self {
            notes,
            out: Vec::new(),
            cur: None,
            next_kind: None,
            quote: 0,
            lists: Vec::new(),
            pre: 0,
            note: None,
            note_first: false,
            emitted: vec![false; notes.list.len()],
            pos: 0,
            web,
            page: 0,
            name: String::new(),
        }
    }

    /// Walks `node` of page `p`.
    pub fn walk_page(&mut self, p: usize, page: &Page, node: &NodeRef) {
        self.page = p;
        self.name.clone_from(&page.name);
        self.children(node, 0);
        self.flush();
    }

    /// Appends the notes no walked page contained (an extractor cut them,
    /// or they sit in a file outside the spine), in marker order.
    pub fn finish(&mut self, pages: &[Page]) {
        self.flush();
        for i in 0..self.notes.list.len() {
            if self.emitted[i] {
                continue;
            }
            let (p, id) = self.notes.list[i].root;
            if let Some(root) = pages.get(p).and_then(|pg| pg.doc.tree.get(&id)) {
                self.page = p;
                self.name.clone_from(&pages[p].name);
                self.in_note(i, &root, 0);
            }
        }
    }

    fn children(&mut self, node: &NodeRef, depth: usize) {
        for c in node.children_it(false) {
            if c.is_text() {
                self.text(&c.text());
            } else if c.is_element() {
                self.element(&c, depth + 1);
            }
        }
    }

    fn element(&mut self, n: &NodeRef, depth: usize) {
        let name = n
            .node_name()
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default();
        let at = (self.page, n.id);
        if let Some(&i) = self.notes.markers.get(&at) {
            self.marker(i);
            return;
        }
        if let Some(&i) = self.notes.roots.get(&at) {
            if self.note.is_none() && !self.emitted[i] {
                self.in_note(i, n, depth);
            }
            return;
        }
        if depth > MAX_DEPTH {
            self.text(&n.text());
            return;
        }
        // An `aside` is chrome on the web unless it cites notes (an
        // infobox whose facts carry references: Fandom's portable infobox).
        let cites = || {
            n.descendants_it()
                .any(|d| self.notes.markers.contains_key(&(self.page, d.id)))
        };
        if filter::SKIP.contains(&name.as_str())
            || (name == "a" && filter::jump_link(n))
            || (filter::hidden(self.web, n, &name)
                && !(name == "aside" && !filter::set_hidden(n) && cites()))
        {
            return;
        }
        if self.note.is_some()
            && (filter::is_backlink(self.notes, &self.name, n, &name)
                || filter::note_label(n, &name))
        {
            return;
        }
        match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name.as_bytes()[1] - b'0';
                if self.note.is_none() {
                    self.next_kind = Some(ParaKind::Heading(level));
                }
                self.children(n, depth);
                self.flush();
            }
            "br" => self.text(if self.pre > 0 { "\n" } else { " " }),
            "img" => {
                if let Some(alt) = n
                    .attr("alt")
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                {
                    self.text(&format!("[image: {alt}]"));
                }
            }
            "sup" if filter::plain_number(n) => {
                let digits: String = n.text().trim().chars().map(filter::superscript).collect();
                self.text(&digits);
            }
            "math" => match n.attr("alttext") {
                Some(alt) => self.text(&alt),
                None => self.children(n, depth),
            },
            "td" | "th" => {
                self.space();
                self.children(n, depth);
                self.space();
            }
            _ if filter::BLOCKS.contains(&name.as_str()) => self.block(n, &name, depth),
            _ => self.inline(n, &name, depth),
        }
    }

    fn block(&mut self, n: &NodeRef, name: &str, depth: usize) {
        self.flush();
        match name {
            "ol" | "ul" => {
                let start = n
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push((name == "ol").then_some(start));
                self.children(n, depth);
                self.lists.pop();
            }
            "li" => {
                let value = n.attr("value").and_then(|s| s.trim().parse::<u64>().ok());
                let num = self.lists.last_mut().and_then(|l| {
                    if let (Some(v), Some(cur)) = (value, l.as_mut()) {
                        *cur = v;
                    }
                    let c = *l;
                    *l = l.map(|x| x + 1);
                    c
                });
                if self.note.is_none() {
                    self.next_kind = Some(ParaKind::ListItem(num));
                }
                self.children(n, depth);
            }
            "blockquote" => {
                self.quote += 1;
                self.children(n, depth);
                self.flush();
                self.quote -= 1;
            }
            "pre" => {
                self.pre += 1;
                if self.note.is_none() {
                    self.next_kind = Some(ParaKind::Code);
                }
                self.children(n, depth);
                self.flush();
                self.pre -= 1;
            }
            _ => self.children(n, depth),
        }
        self.flush();
        if self.note.is_none() {
            self.next_kind = None;
        }
    }

    fn inline(&mut self, n: &NodeRef, name: &str, depth: usize) {
        let kind = match name {
            "em" | "i" | "cite" | "dfn" | "var" => Some(InlineKind::Emphasis),
            "strong" | "b" => Some(InlineKind::Strong),
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => Some(InlineKind::Code),
            "a" => n
                .attr("href")
                .map(|h| sanitize(h.trim()))
                .filter(|h| h.starts_with("http://") || h.starts_with("https://"))
                .map(|url| InlineKind::Link { url }),
            _ => None,
        };
        let Some(kind) = kind else {
            self.children(n, depth);
            if filter::number_span(n) {
                self.space();
            }
            return;
        };
        let paras = self.out.len();
        let start = self.cur.as_ref().map_or(0, |p| p.text.len());
        self.children(n, depth);
        if self.out.len() == paras
            && let Some(p) = self.cur.as_mut()
        {
            let end = p.text.trim_end().len();
            let start = start.min(end);
            let lead = p.text[start..end].len() - p.text[start..end].trim_start().len();
            if start + lead < end {
                p.inlines.push((start + lead..end, kind));
            }
        }
    }

    fn in_note(&mut self, i: usize, root: &NodeRef, depth: usize) {
        self.flush();
        self.emitted[i] = true;
        let saved = (
            self.next_kind.take(),
            std::mem::take(&mut self.lists),
            self.quote,
        );
        self.note = Some((i, self.notes.list[i].label.clone()));
        self.note_first = true;
        self.quote = 0;
        self.children(root, depth);
        self.flush();
        self.note = None;
        (self.next_kind, self.lists, self.quote) = saved;
    }

    fn marker(&mut self, i: usize) {
        let label = self.notes.list[i].label.clone();
        let p = self.ensure();
        let start = p.text.len();
        p.text.to_mut().push('[');
        p.text
            .to_mut()
            .push_str(crate::document::printed_label(&label));
        p.text.to_mut().push(']');
        let end = p.text.len();
        p.refs.push((start..end, label));
    }

    fn kind_for_new(&mut self) -> ParaKind {
        if let Some((_, l)) = &self.note {
            return ParaKind::FootnoteDef(l.clone());
        }
        match self.next_kind.take() {
            Some(k) => k,
            None if self.quote > 0 => ParaKind::Quote,
            None => ParaKind::Text,
        }
    }

    fn ensure(&mut self) -> &mut Para<'static> {
        if self.cur.is_none() {
            let kind = self.kind_for_new();
            self.cur = Some(Para {
                text: Cow::Owned(String::new()),
                inlines: Vec::new(),
                kind,
                source: self.pos..self.pos,
                blank_before: true,
                refs: Vec::new(),
                page: None,
                hidden: None,
            });
        }
        self.cur.as_mut().expect("a paragraph was just started")
    }

    fn space(&mut self) {
        if let Some(p) = self.cur.as_mut()
            && !p.text.is_empty()
            && !p.text.ends_with(' ')
        {
            p.text.to_mut().push(' ');
        }
    }

    fn text(&mut self, s: &str) {
        if self.pre > 0 {
            let clean = crate::document::clean::decode(s.as_bytes()).text;
            if !clean.is_empty() {
                self.ensure().text.to_mut().push_str(&clean);
            }
            return;
        }
        let mut folded = String::with_capacity(s.len());
        let mut ws = self
            .cur
            .as_ref()
            .is_none_or(|p| p.text.is_empty() || p.text.ends_with(' '));
        for c in s.chars() {
            if c.is_whitespace() {
                if !ws {
                    folded.push(' ');
                    ws = true;
                }
            } else {
                folded.push(c);
                ws = false;
            }
        }
        if folded.is_empty() {
            return;
        }
        let clean = sanitize(&folded);
        self.ensure().text.to_mut().push_str(&clean);
    }

    fn flush(&mut self) {
        let Some(mut p) = self.cur.take() else { return };
        if self.pre == 0 {
            let end = p.text.trim_end().len();
            p.text.to_mut().truncate(end);
        } else {
            let end = p.text.trim_end_matches('\n').len();
            p.text.to_mut().truncate(end);
        }
        let len = p.text.len();
        p.inlines.retain(|(r, _)| r.end <= len && !r.is_empty());
        p.refs.retain(|(r, _)| r.end <= len);
        if matches!(p.kind, ParaKind::FootnoteDef(_)) && self.note_first {
            filter::strip_label(&mut p);
        }
        if p.text.trim().is_empty() {
            return;
        }
        p.source = self.pos..self.pos + len;
        self.pos += len + 1;
        if let ParaKind::FootnoteDef(l) = &p.kind {
            let first = std::mem::replace(&mut self.note_first, false);
            if !first
                && let Some(prev) = self.out.last_mut()
                && prev.kind == ParaKind::FootnoteDef(l.clone())
            {
                prev.append(p);
                return;
            }
        }
        self.out.push(p);
    }
}
