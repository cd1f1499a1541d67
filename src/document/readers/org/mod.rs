//! Org mode front end, written here rather than on `orgize`: orgize 0.9 gives
//! no source offsets (every paragraph here carries its source range, which
//! annotations and the finder rely on) and its 0.10 line has been alpha for
//! years. Reads `#+title`/`#+author`/`#+date`, `*` headlines, footnotes
//! `[fn:1]` `[fn:name]` with definitions anywhere, inline `[fn:: text]` and
//! `[fn:name: text]`, `#+begin_src`/`example`/`quote` blocks, drawers, tables,
//! lists, `[[url][desc]]` links and emphasis; `[cite:@key]` stays a citation.

mod inline;

use super::lines::{self, Inl, Line, Out, indent, is_blank, iso_date, join, join_names};
use super::{Reading, Stated};
use crate::document::clean::sanitize;
use crate::document::raw::ParaKind;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// Reads an Org document.
#[must_use]
pub fn read(src: &str) -> Reading<'static> {
    let all = lines::lines(src);
    let mut r = Reader {
        out: Out::default(),
        stated: Stated::default(),
        used: used_labels(src),
        notes: Vec::new(),
        def: None,
        offset: 0,
    };
    r.run(&all);
    Reading {
        paras: r.out.paras,
        stated: r.stated,
        title_para: None,
    }
}

fn used_labels(src: &str) -> FxHashSet<String> {
    let mut set = FxHashSet::default();
    let mut rest = src;
    while let Some(i) = rest.find("[fn:") {
        rest = &rest[i + 4..];
        let name: String = rest
            .chars()
            .take_while(|c| *c != ']' && *c != ':')
            .take(60)
            .collect();
        if !name.is_empty() {
            set.insert(sanitize(&name));
        }
    }
    set
}

struct Reader {
    out: Out,
    stated: Stated,
    used: FxHashSet<String>,
    /// The footnote definition being read (ends at a headline, the next
    /// definition or two blank lines).
    def: Option<String>,
    /// Inline definitions met in the paragraph being read.
    notes: Vec<(String, Inl)>,
    /// Added to headline levels (1 when `#+title` gave the first heading).
    offset: u8,
}

/// `#+key: value` → (lower-case key, value).
fn keyword(t: &str) -> Option<(String, &str)> {
    let rest = t.strip_prefix("#+")?;
    let (k, v) = rest.split_once(':')?;
    (!k.contains(' ')).then(|| (k.to_ascii_lowercase(), v.trim()))
}

/// A list item's marker width (`- `, `+ `, `1. `, `1) `) and number.
fn bullet(t: &str, ind: usize) -> Option<(Option<u64>, usize)> {
    if t.starts_with("- ") || t.starts_with("+ ") || ind > 0 && t.starts_with("* ") {
        return Some((None, 2));
    }
    let n = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[n..];
    (n > 0 && n < 5 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then(|| (t[..n].parse().ok(), n + 2))
}

/// `[fn:label] text` at the start of a line: (label, where the text starts).
fn definition(t: &str) -> Option<(String, usize)> {
    let rest = t.strip_prefix("[fn:")?;
    let end = rest.find(']')?;
    let label = &rest[..end];
    (!label.is_empty() && !label.contains(':') && !label.contains(' '))
        .then(|| (sanitize(label), 4 + end + 1))
}

impl Reader {
    fn para(&mut self, ls: &[Line<'_>], kind: ParaKind) {
        let (mut text, range) = join(ls);
        if matches!(kind, ParaKind::ListItem(_)) {
            // A description list item: `- term :: description`.
            if let Some(term) = text.strip_suffix(" ::") {
                text = format!("{term}:");
            } else if let Some((term, desc)) = text.split_once(" :: ") {
                text = format!("{term}: {desc}");
            }
        }
        let mut inl = Inl::default();
        self.inline(&text, &mut inl);
        self.out.push(inl, kind, range.clone());
        self.flush_notes(range);
    }

    /// A line of a block: code, or part of the note being defined.
    fn verbatim(&mut self, line: &str, src: Range<usize>) {
        match &self.def {
            Some(l) => {
                let mut inl = Inl::default();
                inl.push(line);
                self.out.push(inl, ParaKind::FootnoteDef(l.clone()), src);
            }
            None => self.out.code(line, src),
        }
    }

    /// A table row: preformatted with its inline markup, or note text.
    fn preformatted(&mut self, inl: Inl, src: Range<usize>) {
        match &self.def {
            Some(l) => self
                .out
                .push(inl, ParaKind::FootnoteDef(l.clone()), src.clone()),
            None => self.out.preformatted(inl, src.clone()),
        }
        self.flush_notes(src);
    }

    fn flush_notes(&mut self, range: Range<usize>) {
        for (label, inl) in std::mem::take(&mut self.notes) {
            self.out
                .push(inl, ParaKind::FootnoteDef(label), range.clone());
        }
    }

    fn run(&mut self, all: &[Line<'_>]) {
        let mut i = 0;
        let mut blanks = 0;
        while i < all.len() {
            let (o, line) = all[i];
            let t = line.trim();
            let ind = indent(line);
            if is_blank(line) {
                self.out.blank();
                blanks += 1;
                if blanks >= 2 {
                    self.def = None;
                }
                i += 1;
                continue;
            }
            blanks = 0;
            let src = o..o + line.len();
            let lower = t.to_ascii_lowercase();
            if let Some(kind) = lower.strip_prefix("#+begin_") {
                let kind = kind.split_whitespace().next().unwrap_or("").to_string();
                let close = format!("#+end_{kind}");
                let mut j = i + 1;
                while j < all.len() && !all[j].1.trim().to_ascii_lowercase().starts_with(&close) {
                    j += 1;
                }
                let body = &all[i + 1..j.min(all.len())];
                self.block(&kind, body);
                i = j + 1;
                continue;
            }
            if let Some((key, value)) = keyword(t) {
                self.keyword(&key, value, src);
                i += 1;
                continue;
            }
            if t == "#" || t.starts_with("# ") {
                i += 1; // a comment
                continue;
            }
            let stars = line.bytes().take_while(|&b| b == b'*').count();
            if stars > 0 && line[stars..].starts_with(' ') {
                self.def = None;
                let title = strip_tags(line[stars..].trim());
                let level = u8::try_from(stars)
                    .unwrap_or(6)
                    .saturating_add(self.offset)
                    .min(6);
                let mut inl = Inl::default();
                self.inline(title, &mut inl);
                self.out.push(inl, ParaKind::Heading(level), src.clone());
                self.flush_notes(src);
                i += 1;
                continue;
            }
            // Drawers (:PROPERTIES: … :END:) are not text.
            if is_drawer(t) {
                let mut j = i + 1;
                while j < all.len() && !all[j].1.trim().eq_ignore_ascii_case(":end:") {
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            if t == ":" || t.starts_with(": ") || t.starts_with('|') {
                // A fixed-width line shows what follows `: `; a table row
                // keeps its markup (footnote references in cells).
                if t.starts_with('|') {
                    let mut inl = Inl::default();
                    self.inline(t, &mut inl);
                    self.preformatted(inl, src);
                } else {
                    self.verbatim(t.get(2..).unwrap_or(""), src);
                }
                i += 1;
                continue;
            }
            if t.len() >= 5 && t.bytes().all(|b| b == b'-') {
                i += 1;
                continue;
            }
            let fresh = if ind == 0 { definition(line) } else { None };
            if let Some((label, _)) = &fresh {
                self.def = Some(label.clone());
            }
            let (kind, width) = match (fresh, &self.def, bullet(t, ind)) {
                (Some((l, start)), _, _) => (ParaKind::FootnoteDef(l), start),
                (None, _, Some((n, w))) => (ParaKind::ListItem(n), ind + w),
                (None, Some(l), None) => (ParaKind::FootnoteDef(l.clone()), 0),
                (None, None, None) => (ParaKind::Paragraph, 0),
            };
            let list = matches!(kind, ParaKind::ListItem(_));
            let first = (o + width.min(line.len()), &line[width.min(line.len())..]);
            let mut ls = vec![first];
            i += 1;
            while i < all.len() {
                let (_, l) = all[i];
                let lt = l.trim();
                let li = indent(l);
                let stop = is_blank(l)
                    || lt.starts_with("#+")
                    || (l.starts_with('*') && l.trim_start_matches('*').starts_with(' '))
                    || (li == 0 && definition(l).is_some())
                    || bullet(lt, li).is_some()
                    || lt.starts_with('|')
                    || is_drawer(lt)
                    || (list && li < width);
                if stop {
                    break;
                }
                ls.push(all[i]);
                i += 1;
            }
            let kind = match (&kind, &self.def) {
                (ParaKind::ListItem(_), Some(l)) if ind > 0 => ParaKind::FootnoteDef(l.clone()),
                _ => kind,
            };
            self.para(&ls, kind);
        }
    }

    fn keyword(&mut self, key: &str, value: &str, src: Range<usize>) {
        match key {
            "title" if self.stated.title.is_none() => {
                self.offset = 1;
                let mut inl = Inl::default();
                self.inline(value, &mut inl);
                self.stated.title = Some(inl.text.trim().to_string()).filter(|t| !t.is_empty());
                self.out.push(inl, ParaKind::Heading(1), src);
            }
            "author" => {
                let names: Vec<String> = value
                    .split([',', ';'])
                    .flat_map(|a| a.split(" and "))
                    .map(lines::strip_email)
                    .collect();
                self.stated.author = join_names(&names);
            }
            "date" => self.stated.date = iso_date(value),
            "description" | "subtitle" => self.stated.description = Some(sanitize(value)),
            "filetags" | "keywords" | "tags" => {
                self.stated.tags = value
                    .split([':', ',', ' '])
                    .filter(|t| !t.is_empty())
                    .map(sanitize)
                    .collect();
            }
            "language" => self.stated.language = Some(sanitize(value)),
            "caption" | "name" if !value.is_empty() && key == "caption" => {
                let mut inl = Inl::default();
                self.inline(value, &mut inl);
                self.out.push(inl, ParaKind::Paragraph, src);
            }
            _ => {}
        }
    }

    fn block(&mut self, kind: &str, body: &[Line<'_>]) {
        match kind {
            "comment" => {}
            "src" | "example" | "export" | "latex" | "html" => {
                for (o, l) in body {
                    // `,*` and `,#+` escape lines that would be markup.
                    let shown = match l.trim_start().strip_prefix(',') {
                        Some(r) if r.starts_with('*') || r.starts_with("#+") => {
                            let lead = l.len() - l.trim_start().len();
                            format!("{}{r}", &l[..lead])
                        }
                        _ => (*l).to_string(),
                    };
                    self.verbatim(&shown, *o..o + l.len());
                }
            }
            "quote" | "verse" => {
                for chunk in body.split(|l| is_blank(l.1)) {
                    if kind == "verse" {
                        for l in chunk {
                            self.para(std::slice::from_ref(l), ParaKind::Quote);
                        }
                    } else if !chunk.is_empty() {
                        self.para(chunk, ParaKind::Quote);
                    }
                }
            }
            _ => self.run(body),
        }
    }
}

/// `:PROPERTIES:`, `:LOGBOOK:`: a drawer opens.
fn is_drawer(t: &str) -> bool {
    t.len() > 2 && t.starts_with(':') && t.ends_with(':') && !t[1..t.len() - 1].contains([' ', ':'])
}

/// A headline's text without trailing tags (`Title   :work:urgent:`).
fn strip_tags(t: &str) -> &str {
    if let Some(i) = t.rfind(char::is_whitespace)
        && let tail = &t[i + 1..]
        && tail.len() > 2
        && tail.starts_with(':')
        && tail.ends_with(':')
        && !tail.contains(' ')
    {
        return t[..i].trim_end();
    }
    t
}
