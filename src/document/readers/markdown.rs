//! Markdown front end: pulldown-cmark events (footnotes on) → paragraphs with
//! inline styles, footnote references and footnote definitions.

use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

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
    in_meta: bool,
    /// Inside `<sup>…</sup>`: digits become superscript digits (a marker).
    in_sup: bool,
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
            furniture: None,
        });
    }

    fn ensure(&mut self, at: usize) -> &mut Para<'static> {
        if self.cur.is_none() {
            self.start(ParaKind::Unknown, at);
        }
        self.cur.as_mut().expect("a paragraph was just started")
    }

    fn text(&mut self, s: &str, at: usize) {
        let clean = sanitize(s);
        let p = self.ensure(at);
        p.text.to_mut().push_str(&clean);
    }

    fn flush(&mut self, at: usize) {
        if let Some(mut p) = self.cur.take() {
            p.source.end = at.max(p.source.start);
            let trimmed = p.text.trim_end().len();
            p.text.to_mut().truncate(trimmed);
            p.inlines.retain(|(r, _)| r.end <= trimmed && !r.is_empty());
            if !p.text.trim().is_empty() {
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

/// Splits Markdown into paragraphs.
#[must_use]
pub fn paragraphs(src: &str) -> Vec<Para<'static>> {
    let opts = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = Builder::default();
    for (ev, range) in Parser::new_ext(src, opts).into_offset_iter() {
        let at = range.start;
        match ev {
            Event::Start(tag) => start_tag(&mut b, tag, at),
            Event::End(tag) => end_tag(&mut b, tag, range.end),
            Event::Text(t) if b.in_meta => front_matter(&mut b, &t, at),
            Event::Code(t) => {
                let s = b.ensure(at).text.len();
                b.text(&t, at);
                if let Some(p) = b.cur.as_mut() {
                    let e = p.text.len();
                    p.inlines.push((s..e, InlineKind::Code));
                }
            }
            Event::InlineHtml(t) => inline_html(&mut b, &t),
            Event::Text(t) if b.in_sup && t.bytes().all(|c| c.is_ascii_digit()) => {
                b.text(&superscript(&t), at);
            }
            Event::Text(t) | Event::Html(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                b.text(&t, at);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = b.cur.as_mut()
                    && p.kind == ParaKind::Code
                {
                    b.flush(at);
                    b.start(ParaKind::Code, at);
                } else {
                    b.text(" ", at);
                }
            }
            Event::FootnoteReference(label) => {
                let label = sanitize(&label);
                let p = b.ensure(at);
                let s = p.text.len();
                p.text.to_mut().push_str(&format!("[{label}]"));
                p.refs.push((s..p.text.len(), label));
            }
            Event::TaskListMarker(done) => b.text(if done { "[x] " } else { "[ ] " }, at),
            Event::Rule => b.flush(at),
        }
    }
    b.flush(src.len());
    b.out
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
        Tag::Emphasis => open(b, InlineKind::Emphasis, at),
        Tag::Strong => open(b, InlineKind::Strong, at),
        Tag::Link { dest_url, .. } => open(
            b,
            InlineKind::Link {
                url: sanitize(&dest_url),
            },
            at,
        ),
        Tag::Image { .. } => b.text("[image: ", at),
        Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => b.in_meta = true,
        _ => {}
    }
}

fn open(b: &mut Builder, kind: InlineKind, at: usize) {
    let pos = b.ensure(at).text.len();
    b.open.push((pos, kind));
}

fn end_tag(b: &mut Builder, tag: TagEnd, at: usize) {
    match tag {
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => b.flush(at),
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
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
            if let Some((s, kind)) = b.open.pop()
                && let Some(p) = b.cur.as_mut()
                && s < p.text.len()
            {
                p.inlines.push((s..p.text.len(), kind));
            }
        }
        TagEnd::Image => b.text("]", at),
        TagEnd::MetadataBlock(_) => b.in_meta = false,
        _ => {}
    }
}

/// YAML front matter: `title:`, `author:`, `date:` become masthead lines the
/// front-matter reader understands.
fn front_matter(b: &mut Builder, yaml: &str, at: usize) {
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        if value.is_empty() {
            continue;
        }
        let (kind, raw) = match key.trim().to_lowercase().as_str() {
            "title" => (ParaKind::Heading(1), value.to_string()),
            "author" | "authors" | "by" => (ParaKind::Unknown, format!("Author: {value}")),
            "date" | "published" => (ParaKind::Unknown, value.to_string()),
            _ => continue,
        };
        let mut p = Para::from_raw(sanitize(&raw), at..at, true);
        p.kind = kind;
        if matches!(p.kind, ParaKind::Heading(1)) {
            b.out.insert(0, p);
        } else {
            b.out.push(p);
        }
    }
}

/// Inline HTML tags are markup, not text: `<sup>`/`</sup>` mark superscripts
/// (footnote numbers copied from web pages); other tags are dropped.
fn inline_html(b: &mut Builder, tag: &str) {
    let t = tag.trim().to_ascii_lowercase();
    if t.starts_with("<sup") {
        b.in_sup = true;
    } else if t.starts_with("</sup") {
        b.in_sup = false;
    }
}

/// `12` → `¹²`.
fn superscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
        })
        .collect()
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
