//! `AsciiDoc` front end, written here: the `AsciiDoc` crates on crates.io
//! (`asciidork-parser`, `acdc-parser`) are young, bring large dependency
//! trees and do not keep byte offsets per paragraph the way ibid needs. Reads
//! the header (`= Title`, author and revision lines, `:author:`-style
//! attributes), `==` sections, `footnote:[text]`, `footnote:id[text]` and its
//! reuse `footnote:id[]` (numbered in order, as Asciidoctor does), listing,
//! literal, example, quote and sidebar blocks, admonitions, lists, callouts,
//! `include::` lines (shown as written) and inline markup.

mod inline;

use super::lines::{self, Inl, Line, Out, indent, is_blank, iso_date, join, join_names};
use super::{Reading, Stated};
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::ParaKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

const ADMONITIONS: [&str; 5] = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"];

/// Reads an `AsciiDoc` document.
#[must_use]
pub fn read(src: &str) -> Reading<'static> {
    let all = lines::lines(src);
    let mut r = Reader::default();
    let body = r.header(&all);
    r.blocks(&all[body..], ParaKind::Paragraph);
    Reading {
        paras: r.out.paras,
        stated: r.stated,
        title_para: None,
    }
}

#[derive(Default)]
struct Reader {
    out: Out,
    stated: Stated,
    attrs: FxHashMap<String, String>,
    /// Footnote ids → their numbers.
    ids: FxHashMap<String, String>,
    count: u64,
    notes: Vec<(String, Inl)>,
    /// The style of the next block (`[NOTE]`, `[source]`).
    style: Option<String>,
}

/// A delimiter line: its character and length (`----`, `....`, `|===`, `--`).
fn delimiter(t: &str) -> Option<&str> {
    if t == "--"
        || t == "```"
        || t.starts_with("```") && !t[3..].contains('`')
        || t.starts_with("|===")
    {
        return Some(t);
    }
    let c = t.chars().next()?;
    ("-.=*_+/".contains(c) && t.len() >= 4 && t.chars().all(|x| x == c)).then_some(t)
}

/// `ifdef::`, `ifndef::`, `ifeval::`, `endif::`: shown as written, not evaluated.
fn is_preprocessor(l: &str) -> bool {
    ["ifdef::", "ifndef::", "ifeval::", "endif::"]
        .iter()
        .any(|p| l.starts_with(p))
}

/// A list item's marker width and number (`* `, `** `, `- `, `. `, `1. `).
fn bullet(t: &str) -> Option<(Option<u64>, usize)> {
    let stars = t.bytes().take_while(|&b| b == b'*' || b == b'.').count();
    if stars > 0 && t[stars..].starts_with(' ') && !t[stars..].trim().is_empty() {
        return Some((None, stars + 1));
    }
    if t.starts_with("- ") && t.len() > 2 {
        return Some((None, 2));
    }
    let n = t.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0 && n < 5 && t[n..].starts_with(". ")).then(|| (t[..n].parse().ok(), n + 2))
}

impl Reader {
    /// The document header; returns the first body line.
    fn header(&mut self, all: &[Line<'_>]) -> usize {
        let mut i = 0;
        while i < all.len() && (is_blank(all[i].1) || all[i].1.starts_with("//")) {
            i += 1;
        }
        let Some(&(o, first)) = all.get(i) else {
            return i;
        };
        let Some(title) = first.strip_prefix("= ") else {
            return i;
        };
        let mut inl = Inl::default();
        self.inline(title.trim(), &mut inl);
        self.stated.title = Some(inl.text.trim().to_string());
        self.out.push(inl, ParaKind::Heading(1), o..o + first.len());
        i += 1;
        let mut line_no = 0;
        while i < all.len() && !is_blank(all[i].1) {
            let (o, l) = all[i];
            i += 1;
            if l.starts_with("//") {
                continue;
            }
            if self.attribute(l, true) {
                continue;
            }
            if is_preprocessor(l) {
                self.out.code(l, o..o + l.len());
                continue;
            }
            line_no += 1;
            if line_no == 1 {
                let names: Vec<String> = l.split(';').map(lines::strip_email).collect();
                self.stated.author = join_names(&names);
            } else if line_no == 2 {
                let date = l.split(':').next().unwrap_or(l);
                let date = date.rsplit(',').next().unwrap_or(date);
                self.stated.date = iso_date(date).or(self.stated.date.take());
            }
            // The author line is shown without its e-mail addresses.
            let shown = match (line_no, &self.stated.author) {
                (1, Some(a)) => a.clone(),
                _ => l.trim().to_string(),
            };
            let mut inl = Inl::default();
            inl.push(&shown);
            self.out.push(inl, ParaKind::Paragraph, o..o + l.len());
        }
        i
    }

    /// `:name: value` (or `:name!:`); in the header some are metadata.
    fn attribute(&mut self, l: &str, header: bool) -> bool {
        let Some(rest) = l.strip_prefix(':') else {
            return false;
        };
        let Some((name, value)) = rest.split_once(':') else {
            return false;
        };
        if name.is_empty() || name.contains(' ') {
            return false;
        }
        let value = value.trim();
        let name = name.trim_end_matches('!').to_ascii_lowercase();
        match name.as_str() {
            "author" | "authors" if header || self.stated.author.is_none() => {
                let names: Vec<String> = value.split([';', ',']).map(lines::strip_email).collect();
                self.stated.author = join_names(&names);
            }
            "revdate" | "date" => self.stated.date = iso_date(value).or(self.stated.date.take()),
            "description" => self.stated.description = Some(sanitize(value)),
            "keywords" => {
                self.stated.tags = value
                    .split(',')
                    .map(|t| sanitize(t.trim()))
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            "lang" => self.stated.language = Some(sanitize(value)),
            _ => {}
        }
        // `pass:c,q[text]` sets the text with only those substitutions: the
        // macros in it are read where the attribute is used.
        let value = value
            .strip_prefix("pass:")
            .and_then(|v| v.split_once('['))
            .and_then(|(subs, body)| {
                (!subs.contains(char::is_whitespace))
                    .then(|| body.strip_suffix(']'))
                    .flatten()
            })
            .unwrap_or(value);
        self.attrs.insert(name, value.to_string());
        true
    }

    fn para(&mut self, ls: &[Line<'_>], kind: ParaKind) {
        let (text, range) = join(ls);
        let text = text.replace(" + ", " ");
        let text = text.strip_suffix(" +").unwrap_or(&text);
        let mut inl = Inl::default();
        self.inline(text, &mut inl);
        self.out.push(inl, kind, range.clone());
        self.flush_notes(range);
    }

    fn flush_notes(&mut self, range: Range<usize>) {
        for (label, inl) in std::mem::take(&mut self.notes) {
            self.out
                .push(inl, ParaKind::FootnoteDef(label), range.clone());
        }
    }

    #[allow(clippy::needless_pass_by_value)] // cloned into each paragraph it starts
    fn blocks(&mut self, all: &[Line<'_>], kind: ParaKind) {
        let mut i = 0;
        while i < all.len() {
            let (o, line) = all[i];
            let t = line.trim_end();
            let src = o..o + line.len();
            if is_blank(line) {
                self.out.blank();
                i += 1;
                continue;
            }
            if t.starts_with("//") && !t.starts_with("////") {
                i += 1;
                continue;
            }
            if let Some(d) = delimiter(t) {
                let close = if d.starts_with("```") { "```" } else { d };
                let mut j = i + 1;
                while j < all.len() && all[j].1.trim_end() != close {
                    j += 1;
                }
                self.delimited(d, &all[i + 1..j.min(all.len())]);
                i = j + 1;
                continue;
            }
            if self.attribute(t, false) {
                i += 1;
                continue;
            }
            if t.starts_with('[') && t.ends_with(']') && !t.starts_with("[[[") {
                let inner = t.trim_start_matches('[').trim_end_matches(']');
                if !inner.starts_with('#') && !t.starts_with("[[") {
                    self.style = inner
                        .split(',')
                        .next()
                        .map(|s| s.trim().to_ascii_uppercase());
                }
                i += 1;
                continue;
            }
            let eqs = t.bytes().take_while(|&b| b == b'=').count();
            if eqs > 0 && t[eqs..].starts_with(' ') {
                let mut inl = Inl::default();
                self.inline(t[eqs..].trim(), &mut inl);
                let level = u8::try_from(eqs).unwrap_or(6).min(6);
                self.out.push(inl, ParaKind::Heading(level), src.clone());
                self.flush_notes(src);
                i += 1;
                continue;
            }
            if t == "'''" || t == "<<<" || t == "+" {
                i += 1;
                continue;
            }
            if t.starts_with("include::") || is_preprocessor(t) {
                self.out.code(t, src);
                i += 1;
                continue;
            }
            if let Some(title) = t.strip_prefix('.')
                && title.starts_with(|c: char| !c.is_whitespace() && c != '.')
            {
                let mut inl = Inl::default();
                let s = inl.text.len();
                self.inline(title, &mut inl);
                inl.close(s, InlineKind::Strong);
                self.out.push(inl, ParaKind::Paragraph, src);
                i += 1;
                continue;
            }
            if indent(line) > 0 && bullet(t.trim_start()).is_none() {
                while i < all.len() && !is_blank(all[i].1) {
                    let (co, cl) = all[i];
                    self.out.code(cl, co..co + cl.len());
                    i += 1;
                }
                continue;
            }
            let style = self.style.take();
            let item = bullet(t.trim_start());
            let callout = t.starts_with('<')
                && t[1..].split_once('>').is_some_and(|(n, _)| {
                    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                });
            let (pkind, first) = if let Some((n, w)) = item {
                let lead = line.len() - line.trim_start().len();
                (ParaKind::ListItem(n), (o + lead + w, &line[lead + w..]))
            } else if let Some(a) = ADMONITIONS
                .iter()
                .find(|a| t.starts_with(&format!("{a}: ")))
            {
                let _ = a;
                (ParaKind::Quote, (o, line))
            } else if style
                .as_deref()
                .is_some_and(|s| ADMONITIONS.contains(&s) || s == "QUOTE" || s == "VERSE")
            {
                (ParaKind::Quote, (o, line))
            } else {
                (kind.clone(), (o, line))
            };
            let mut ls = vec![first];
            i += 1;
            while i < all.len() {
                let l = all[i].1.trim_end();
                // A comment line inside a paragraph is dropped.
                if l.starts_with("//") && !l.starts_with("////") {
                    i += 1;
                    continue;
                }
                if is_blank(l)
                    || delimiter(l).is_some()
                    || bullet(l.trim_start()).is_some()
                    || l == "+"
                    || (l.starts_with('<') && callout)
                {
                    break;
                }
                ls.push(all[i]);
                i += 1;
            }
            if callout {
                let (text, range) = join(&ls);
                let mut inl = Inl::default();
                inl.push(&text);
                self.out.push(inl, ParaKind::Paragraph, range);
                continue;
            }
            if let Some(s) = style.filter(|s| ADMONITIONS.contains(&s.as_str())) {
                let mut label = Inl::default();
                label.styled(&s, InlineKind::Strong);
                label.push(": ");
                let (text, range) = join(&ls);
                self.inline(&text, &mut label);
                self.out.push(label, ParaKind::Quote, range.clone());
                self.flush_notes(range);
                continue;
            }
            self.para(&ls, pkind);
        }
    }

    fn delimited(&mut self, d: &str, body: &[Line<'_>]) {
        let style = self.style.take();
        let c = d.chars().next().unwrap_or('-');
        match c {
            '-' if d == "--" => self.blocks(body, ParaKind::Paragraph),
            '|' => {
                // Table cells may hold footnotes.
                for &(o, l) in body {
                    let mut inl = Inl::default();
                    self.inline(l, &mut inl);
                    self.out.preformatted(inl, o..o + l.len());
                    self.flush_notes(o..o + l.len());
                }
            }
            '-' | '.' | '`' | '+' => {
                for (o, l) in body {
                    self.out.code(l, *o..o + l.len());
                }
            }
            '/' => {}
            '_' => self.blocks(body, ParaKind::Quote),
            '=' if style.as_deref().is_some_and(|s| ADMONITIONS.contains(&s)) => {
                let mut label = Inl::default();
                label.styled(style.as_deref().unwrap_or("NOTE"), InlineKind::Strong);
                label.push(":");
                let src = body.first().map_or(0..0, |l| l.0..l.0);
                self.out.push(label, ParaKind::Quote, src);
                self.blocks(body, ParaKind::Quote);
            }
            _ => self.blocks(body, ParaKind::Paragraph),
        }
    }
}
