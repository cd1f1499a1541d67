//! Markdown front end: pulldown-cmark events (`CommonMark` + GFM tables, task
//! lists, strikethrough, footnotes, heading attributes) → paragraphs with
//! inline styles, footnote references and definitions. Dialects on top:
//! pandoc inline notes `^[…]` and title blocks, front matter in YAML, TOML or
//! JSON ([`front`]), raw HTML read by meaning ([`html`]).

mod anchors;
mod entities;
mod front;
mod html;
mod inline_notes;
mod wrappers;

use super::{Reading, Stated};
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use rustc_hash::FxHashSet;

/// An inline note `^[…]` being read: the paragraph it interrupts and that
/// paragraph's open styles.
struct Interrupted {
    para: Para<'static>,
    open: Vec<(usize, InlineKind)>,
    depth: usize,
}

/// Paragraph under construction.
#[derive(Default)]
struct Builder {
    out: Vec<Para<'static>>,
    cur: Option<Para<'static>>,
    /// Open inline styles: (start offset, kind).
    open: Vec<(usize, InlineKind)>,
    quote_depth: usize,
    /// Stack of lists: next item number (None for bullets).
    lists: Vec<Option<u64>>,
    footnote: Option<String>,
    meta: Option<MetadataBlockKind>,
    stated: Stated,
    /// The previous text ended with `^` (a pandoc inline note may follow).
    caret: bool,
    /// Inline notes being read, innermost last.
    notes: Vec<Interrupted>,
    /// Finished inline notes, placed after the body.
    inline_notes: Vec<Para<'static>>,
    /// Labels in use (explicit ones, then generated ones).
    labels: FxHashSet<String>,
    /// Notes cited so far (references and inline notes), numbered as pandoc
    /// numbers them all: an inline note takes the next number.
    cited: FxHashSet<String>,
    /// Cells written in the current table row.
    cells: usize,
    html: html::State,
}

impl Builder {
    fn start(&mut self, kind: ParaKind, at: usize) {
        if self.cur.is_some() {
            self.flush(at);
        }
        let kind = match (&self.footnote, kind) {
            (Some(l), _) => ParaKind::FootnoteDef(l.clone()),
            (None, ParaKind::Unknown) if self.quote_depth > 0 => ParaKind::Quote,
            (None, k) => k,
        };
        self.cur = Some(Para {
            text: std::borrow::Cow::Owned(String::new()),
            inlines: Vec::new(),
            kind,
            source: at..at,
            blank_before: true,
            refs: Vec::new(),
            page: None,
            hidden: None,
        });
    }

    fn ensure(&mut self, at: usize) -> &mut Para<'static> {
        if self.cur.is_none() {
            self.start(ParaKind::Unknown, at);
        }
        self.cur.as_mut().expect("a paragraph was just started")
    }

    /// Writes text as it is (no inline-note scanning).
    fn raw(&mut self, s: &str, at: usize) {
        // A listing keeps its lines; everywhere else a newline is a space.
        let code = self.cur.as_ref().is_some_and(|p| p.kind == ParaKind::Code);
        let clean = if code {
            crate::document::clean::sanitize_text(s)
        } else {
            sanitize(s)
        };
        if let Some(a) = self.html.anchor.as_mut() {
            a.raw.push_str(&clean);
        }
        let p = self.ensure(at);
        p.text.to_mut().push_str(&clean);
    }

    fn flush(&mut self, at: usize) {
        if !self.notes.is_empty() {
            self.abandon_notes();
        }
        self.html.anchor = None;
        if let Some(mut p) = self.cur.take() {
            p.source.end = at.max(p.source.start);
            trim_para(&mut p);
            if matches!(p.kind, ParaKind::Heading(_)) {
                strip_attributes(&mut p, &['#', '.', ':']);
            } else if p.kind != ParaKind::Code {
                // A kramdown block attribute list (`{: .note}`) on the last line.
                strip_attributes(&mut p, &[':']);
            }
            if p.kind == ParaKind::Code && !p.text.is_empty() {
                // `a[1]` in a listing is never a footnote marker.
                p.inlines = vec![(0..p.text.len(), InlineKind::Code)];
            }
            if let ParaKind::FootnoteDef(l) = &p.kind {
                let l = l.clone();
                anchors::strip_own_label(&mut p, &l);
            }
            let ial = p.text.starts_with("{:") && p.text.ends_with('}');
            if !p.text.trim().is_empty() && !ial {
                // Footnote definitions spanning paragraphs join into one.
                if let (ParaKind::FootnoteDef(l), Some(prev)) = (&p.kind, self.out.last_mut())
                    && prev.kind == ParaKind::FootnoteDef(l.clone())
                {
                    prev.append(p);
                    return;
                }
                self.out.push(p);
            }
        }
    }
}

fn trim_para(p: &mut Para<'_>) {
    let trimmed = p.text.trim_end().len();
    p.text.to_mut().truncate(trimmed);
    p.inlines.retain(|(r, _)| r.end <= trimmed && !r.is_empty());
    p.refs.retain(|(r, _)| r.end <= trimmed);
    // A listing keeps the indentation of its first line.
    let lead = if p.kind == ParaKind::Code {
        p.text.len() - p.text.trim_start_matches('\n').len()
    } else {
        p.text.len() - p.text.trim_start().len()
    };
    if lead > 0 {
        crate::document::structure::strip_prefix(p, lead);
    }
}

/// Kramdown/pandoc attributes left at the end of a heading (`{: #id}`,
/// `{#id .class}` when pulldown did not take them) are not text.
fn strip_attributes(p: &mut Para<'_>, starts: &[char]) {
    let t = p.text.trim_end();
    if t.ends_with('}')
        && let Some(open) = t.rfind('{')
        && t[open + 1..].starts_with(starts)
    {
        let cut = t[..open].trim_end().len();
        if cut > 0 {
            p.text.to_mut().truncate(cut);
            p.inlines.retain(|(r, _)| r.end <= cut);
            p.refs.retain(|(r, _)| r.end <= cut);
        }
    }
}

/// Reads Markdown: paragraphs, and what its front matter states.
#[must_use]
pub fn read(src: &str) -> Reading<'static> {
    let (masked, stated) = front::take(src);
    let masked = wrappers::unwrap(masked);
    let opts = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder {
        labels: inline_notes::explicit_labels(&masked),
        stated,
        ..Builder::default()
    };
    for (ev, range) in Parser::new_ext(&masked, opts).into_offset_iter() {
        let at = range.start;
        if !matches!(ev, Event::Text(_)) {
            b.caret = false;
        }
        match ev {
            Event::Start(tag) => start_tag(&mut b, tag, at),
            Event::End(tag) => end_tag(&mut b, tag, range.end),
            Event::Text(t) if b.meta.is_some() => {
                let kind = b.meta.unwrap_or(MetadataBlockKind::YamlStyle);
                front::read_block(&mut b.stated, &t, kind);
            }
            Event::Text(_) if b.html.hidden() => {}
            Event::Code(t) => {
                let s = b.ensure(at).text.len();
                b.raw(&t, at);
                if let Some(p) = b.cur.as_mut() {
                    let e = p.text.len();
                    p.inlines.push((s..e, InlineKind::Code));
                }
            }
            Event::InlineHtml(t) | Event::Html(t) => html::feed(&mut b, &t, at),
            Event::Text(t)
                if b.html.in_sup()
                    && b.html.anchor.is_none()
                    && t.bytes().all(|c| c.is_ascii_digit()) =>
            {
                b.text(&entities::superscript(&t), at);
            }
            Event::Text(t) if b.html.in_sub() && t.bytes().all(|c| c.is_ascii_digit()) => {
                b.raw(&entities::subscript(&t), at);
            }
            Event::Text(t) => b.text(&t, at),
            Event::InlineMath(t) | Event::DisplayMath(t) => b.raw(&t, at),
            Event::SoftBreak | Event::HardBreak => line_break(&mut b, at),
            Event::FootnoteReference(label) => {
                let label = sanitize(&label);
                b.cited.insert(label.clone());
                let p = b.ensure(at);
                let s = p.text.len();
                p.text.to_mut().push_str(&format!("[{label}]"));
                p.refs.push((s..p.text.len(), label));
            }
            Event::TaskListMarker(done) => b.raw(if done { "[x] " } else { "[ ] " }, at),
            Event::Rule => b.flush(at),
        }
    }
    b.flush(masked.len());
    let Builder {
        mut out,
        inline_notes,
        stated,
        ..
    } = b;
    out.extend(inline_notes.into_iter().filter(|p| !p.text.is_empty()));
    front::title_heading(&mut out, &stated);
    Reading {
        paras: out,
        stated,
        title_para: None,
    }
}

/// A line break: a new code line inside code, else a space.
fn line_break(b: &mut Builder, at: usize) {
    if let Some(p) = b.cur.as_mut()
        && p.kind == ParaKind::Code
    {
        b.flush(at);
        b.start(ParaKind::Code, at);
    } else {
        b.raw(" ", at);
    }
}

/// Splits Markdown into paragraphs (front matter read and dropped).
#[must_use]
pub fn paragraphs(src: &str) -> Vec<Para<'static>> {
    read(src).paras
}

fn start_tag(b: &mut Builder, tag: Tag<'_>, at: usize) {
    match tag {
        Tag::Paragraph => {
            // A tight item's first paragraph continues the item.
            if b.cur
                .as_ref()
                .is_some_and(|p| !p.text.is_empty() || !matches!(p.kind, ParaKind::ListItem(_)))
            {
                b.start(ParaKind::Unknown, at);
            } else {
                b.ensure(at);
            }
        }
        Tag::Heading { level, .. } => b.start(ParaKind::Heading(heading_level(level)), at),
        Tag::BlockQuote(_) => {
            b.flush(at);
            b.quote_depth += 1;
        }
        Tag::CodeBlock(_) => b.start(ParaKind::Code, at),
        Tag::List(start) => {
            b.flush(at);
            b.lists.push(start);
        }
        Tag::Item => {
            let n = b.lists.last_mut().and_then(|n| {
                let cur = *n;
                *n = n.map(|x| x + 1);
                cur
            });
            b.start(ParaKind::ListItem(n), at);
        }
        Tag::FootnoteDefinition(label) => {
            b.flush(at);
            b.footnote = Some(sanitize(&label));
        }
        Tag::Table(_) | Tag::HtmlBlock => b.flush(at),
        Tag::TableHead | Tag::TableRow => {
            // Rows are preformatted: neither headings nor running headers.
            b.start(ParaKind::Code, at);
            b.cells = 0;
        }
        Tag::TableCell => {
            if b.cells > 0 {
                b.raw(" │ ", at);
            }
            b.cells += 1;
        }
        Tag::Emphasis => open(b, InlineKind::Emphasis, at),
        Tag::Strong => open(b, InlineKind::Strong, at),
        Tag::Link { dest_url, .. } => {
            if let Some(id) = dest_url.strip_prefix('#') {
                anchors::open_anchor(b, id, at);
            } else {
                open(
                    b,
                    InlineKind::Link {
                        url: sanitize(&dest_url),
                    },
                    at,
                );
            }
        }
        Tag::Image { .. } => b.raw("[image: ", at),
        Tag::MetadataBlock(kind) => b.meta = Some(kind),
        _ => {}
    }
}

fn open(b: &mut Builder, kind: InlineKind, at: usize) {
    let pos = b.ensure(at).text.len();
    b.open.push((pos, kind));
}

fn end_tag(b: &mut Builder, tag: TagEnd, at: usize) {
    match tag {
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::CodeBlock
        | TagEnd::Item
        | TagEnd::TableHead
        | TagEnd::TableRow
        | TagEnd::HtmlBlock => b.flush(at),
        TagEnd::BlockQuote(_) => {
            b.flush(at);
            b.quote_depth = b.quote_depth.saturating_sub(1);
        }
        TagEnd::List(_) => {
            b.flush(at);
            b.lists.pop();
        }
        TagEnd::FootnoteDefinition => {
            b.flush(at);
            b.footnote = None;
        }
        TagEnd::Link if b.html.anchor.is_some() => anchors::close_anchor(b),
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
            if let Some((s, kind)) = b.open.pop()
                && let Some(p) = b.cur.as_mut()
                && s < p.text.len()
            {
                p.inlines.push((s..p.text.len(), kind));
            }
        }
        TagEnd::Image => b.raw("]", at),
        TagEnd::MetadataBlock(_) => b.meta = None,
        _ => {}
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
