//! reStructuredText front end (PEPs, Sphinx docs), written here: the crates
//! on crates.io for reST (`rst_parser`, `rst_renderer`) are unmaintained,
//! drop footnotes and give no source offsets. Section titles by underline and
//! overline (levels by order of appearance), PEP headers and field lists as
//! metadata, footnotes `[1]_` `[#]_` `[#label]_` `[*]_` and citations
//! `[CIT2002]_` with their `.. [1]` definitions (auto-numbers assigned in
//! docutils' order), literal blocks, directives, lists, inline markup
//! ([`inline`]) and hyperlink targets.

mod context;
mod directives;
mod fields;
mod inline;

use super::lines::{self, Inl, Line, Out, indent, is_blank, join};
use super::{Reading, Stated};
use crate::document::InlineKind;
use crate::document::raw::ParaKind;
use inline::{Context, inline};

/// Characters docutils accepts as section adornment.
const ADORN: &str = "=-`:'\"~^_*+#<>.!$%&(),/;?@[\\]{|}";

/// True for a line made of one adornment character repeated (3 or more).
#[must_use]
pub fn is_adornment(l: &str) -> bool {
    let t = l.trim_end();
    let mut cs = t.chars();
    let Some(c) = cs.next() else {
        return false;
    };
    ADORN.contains(c) && t.len() >= 3 && cs.all(|x| x == c)
}

/// Reads reStructuredText.
#[must_use]
pub fn read(src: &str) -> Reading<'static> {
    let all = lines::lines(src);
    let mut r = Reader {
        ctx: Context::scan(&all),
        out: Out::default(),
        styles: Vec::new(),
        offset: 0,
        stated: Stated::default(),
        started: false,
        literal: false,
    };
    let body = r.header(&all);
    r.blocks(&all[body..], ParaKind::Paragraph);
    Reading {
        paras: r.out.paras,
        stated: r.stated,
        title_para: None,
    }
}

struct Reader {
    ctx: Context,
    out: Out,
    /// Title styles in order of appearance: (character, overlined).
    styles: Vec<(char, bool)>,
    /// Added to section levels (1 when a PEP header gave the title).
    offset: u8,
    stated: Stated,
    /// True once any block has been read (the docinfo window closed).
    started: bool,
    /// The last paragraph ended in `::`: the next indented block is literal.
    literal: bool,
}

/// Byte length of leading spaces and tabs.
fn lead(l: &str) -> usize {
    l.len() - l.trim_start_matches([' ', '\t']).len()
}

/// The lines of an indented block starting at `from` (blank lines inside
/// included, trailing blank lines not), de-indented by their least indent.
pub(super) fn block_after<'a>(
    all: &[Line<'a>],
    from: usize,
    base: usize,
) -> (Vec<Line<'a>>, usize) {
    let mut end = from;
    let mut last = from;
    while end < all.len() && (is_blank(all[end].1) || indent(all[end].1) > base) {
        if !is_blank(all[end].1) {
            last = end + 1;
        }
        end += 1;
    }
    let body = &all[from..last];
    let cut = body
        .iter()
        .filter(|l| !is_blank(l.1))
        .map(|l| lead(l.1))
        .min()
        .unwrap_or(0);
    let out = body
        .iter()
        .map(|&(o, l)| {
            let k = cut.min(lead(l));
            (o + k, &l[k..])
        })
        .collect();
    (out, last)
}

impl Reader {
    /// A paragraph; one ending in `::` announces a literal block (`Text::`
    /// shows `Text:`, `Text ::` shows `Text`, a lone `::` nothing).
    pub(super) fn para(&mut self, ls: &[Line<'_>], kind: ParaKind) {
        let mut ls: Vec<Line<'_>> = ls.to_vec();
        if let Some(last) = ls.last_mut() {
            let lt = last.1.trim_end();
            if let Some(stem) = lt.strip_suffix("::") {
                self.literal = true;
                let stem = stem.trim_end();
                last.1 = if stem.is_empty() {
                    ""
                } else if lt.ends_with(" ::") {
                    stem
                } else {
                    &lt[..lt.len() - 1]
                };
            }
        }
        let (text, range) = join(&ls);
        let mut inl = Inl::default();
        inline(&self.ctx, &text, &mut inl);
        self.out.push(inl, kind, range);
        self.started = true;
    }

    fn heading(&mut self, text: &str, style: (char, bool), source: std::ops::Range<usize>) {
        let pos = if let Some(p) = self.styles.iter().position(|s| *s == style) {
            p
        } else {
            self.styles.push(style);
            self.styles.len() - 1
        };
        let level = u8::try_from(pos + 1)
            .unwrap_or(6)
            .saturating_add(self.offset)
            .min(6);
        if !self.started && self.stated.title.is_none() {
            self.stated.title = Some(crate::document::clean::sanitize(text.trim()));
        }
        let mut inl = Inl::default();
        inline(&self.ctx, text.trim(), &mut inl);
        self.out.push(inl, ParaKind::Heading(level), source);
    }

    /// Reads a run of blocks; plain paragraphs get `kind` (Quote inside
    /// block quotes and admonitions).
    #[allow(clippy::needless_pass_by_value)] // cloned into each paragraph it starts
    pub(super) fn blocks(&mut self, all: &[Line<'_>], kind: ParaKind) {
        let mut i = 0;
        // A list item's text may have announced a literal block.
        let mut literal_next = std::mem::take(&mut self.literal);
        while i < all.len() {
            let (o, line) = all[i];
            if is_blank(line) {
                self.out.blank();
                i += 1;
                continue;
            }
            let ind = indent(line);
            let t = line.trim();
            if literal_next && ind > 0 {
                literal_next = false;
                let (body, end) = block_after(all, i, 0);
                for (bo, bl) in body {
                    self.out.code(bl, bo..bo + bl.len());
                }
                i = end;
                continue;
            }
            literal_next = false;
            if ind > 0 {
                let (body, end) = block_after(all, i, 0);
                self.blocks(&body, ParaKind::Quote);
                i = end;
                continue;
            }
            // Section titles.
            if is_adornment(line)
                && i + 2 < all.len()
                && !is_blank(all[i + 1].1)
                && all[i + 2].1.trim_end() == line.trim_end()
            {
                let c = t.chars().next().unwrap_or('=');
                let (to, tl) = all[i + 1];
                self.heading(tl, (c, true), to..to + tl.len());
                i += 3;
                continue;
            }
            if !is_adornment(line)
                && i + 1 < all.len()
                && is_adornment(all[i + 1].1)
                && all[i + 1].1.trim_end().chars().count() + 1 >= t.chars().count().min(4)
            {
                let c = all[i + 1].1.chars().next().unwrap_or('=');
                self.heading(line, (c, false), o..o + line.len());
                i += 2;
                continue;
            }
            if is_adornment(line) && t.len() >= 4 {
                i += 1; // a transition
                continue;
            }
            if t.starts_with("__ ") {
                i += 1; // an anonymous hyperlink target (read up front)
                continue;
            }
            if t == ".." || t.starts_with(".. ") {
                i = self.explicit(all, i);
                continue;
            }
            if let Some(end) = self.field_list(all, i) {
                i = end;
                continue;
            }
            if let Some((n, width)) = list_marker(t) {
                i = self.list_item(all, i, n, width);
                continue;
            }
            if t.starts_with(">>>") || t.starts_with("+-") || t.starts_with("==") && t.contains(' ')
            {
                let table = !t.starts_with(">>>");
                while i < all.len() && !is_blank(all[i].1) {
                    let (co, cl) = all[i];
                    if table {
                        // Table cells may cite notes (`[1]_`).
                        let mut inl = Inl::default();
                        inline(&self.ctx, cl, &mut inl);
                        self.out.preformatted(inl, co..co + cl.len());
                    } else {
                        self.out.code(cl, co..co + cl.len());
                    }
                    i += 1;
                }
                continue;
            }
            if let Some(rest) = t.strip_prefix("| ").or_else(|| (t == "|").then_some("")) {
                let mut inl = Inl::default();
                inline(&self.ctx, rest, &mut inl);
                self.out.push(inl, kind.clone(), o..o + line.len());
                i += 1;
                continue;
            }
            // Definition list: a term, then its indented definition.
            if i + 1 < all.len() && !is_blank(all[i + 1].1) && indent(all[i + 1].1) > 0 {
                let mut inl = Inl::default();
                let start = inl.text.len();
                inline(&self.ctx, t, &mut inl);
                inl.close(start, InlineKind::Strong);
                self.out.push(inl, ParaKind::Paragraph, o..o + line.len());
                let (body, end) = block_after(all, i + 1, 0);
                self.blocks(&body, ParaKind::Paragraph);
                i = end;
                continue;
            }
            // A paragraph: lines up to a blank line or an indented line.
            let start = i;
            while i < all.len() && !is_blank(all[i].1) && indent(all[i].1) == 0 {
                i += 1;
            }
            self.para(&all[start..i], kind.clone());
            literal_next = std::mem::take(&mut self.literal);
        }
    }

    fn list_item(&mut self, all: &[Line<'_>], from: usize, n: Option<u64>, width: usize) -> usize {
        let (o, l) = all[from];
        let first = (o + width, &l[width.min(l.len())..]);
        let mut ls = vec![first];
        let mut i = from + 1;
        while i < all.len() && !is_blank(all[i].1) && indent(all[i].1) >= width {
            ls.push(all[i]);
            i += 1;
        }
        self.para(&ls, ParaKind::ListItem(n));
        if i < all.len() && is_blank(all[i].1) {
            let (body, end) = block_after(all, i, width.saturating_sub(1));
            if !body.is_empty() {
                self.blocks(&body, ParaKind::Paragraph);
                return end;
            }
        }
        self.literal = false;
        i
    }
}

/// A list item's marker: (number for enumerated lists, marker width in bytes).
fn list_marker(t: &str) -> Option<(Option<u64>, usize)> {
    for b in ["- ", "* ", "+ ", "• "] {
        if t.starts_with(b) && t.len() > b.len() {
            return Some((None, b.len()));
        }
    }
    let (open, rest) = match t.strip_prefix('(') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (num, len) = if n > 0 && n <= 4 {
        (rest[..n].parse().ok(), n)
    } else if rest.starts_with('#') {
        (None, 1)
    } else {
        return None;
    };
    let close = rest[len..].chars().next()?;
    let ok = if open {
        close == ')'
    } else {
        close == '.' || close == ')'
    };
    if !ok || !rest[len + 1..].starts_with(' ') || rest[len + 1..].trim().is_empty() {
        return None;
    }
    Some((num, usize::from(open) + len + 2))
}
