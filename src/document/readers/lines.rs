//! Shared pieces of the line-based readers (reStructuredText, Org, AsciiDoc):
//! the source as lines with byte offsets, an inline-text buffer that keeps
//! styles and footnote references in place, and a paragraph list that joins a
//! footnote's later paragraphs to its first.

use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::inline::LocalInline;
use crate::document::raw::{Para, ParaKind};
use std::borrow::Cow;
use std::ops::Range;

/// One source line: byte offset of its start, its text without the newline.
pub type Line<'a> = (usize, &'a str);

/// The lines of `src` with their offsets (`\r` before a newline dropped).
#[must_use]
pub fn lines(src: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for l in src.split_inclusive('\n') {
        let text = l.strip_suffix('\n').unwrap_or(l);
        let text = text.strip_suffix('\r').unwrap_or(text);
        out.push((at, text));
        at += l.len();
    }
    out
}

/// True for a line with nothing but whitespace.
#[must_use]
pub fn is_blank(l: &str) -> bool {
    l.trim().is_empty()
}

/// Leading whitespace width in columns (a tab counts as up to 8).
#[must_use]
pub fn indent(l: &str) -> usize {
    let mut col = 0;
    for c in l.chars() {
        match c {
            ' ' => col += 1,
            '\t' => col = (col / 8 + 1) * 8,
            _ => break,
        }
    }
    col
}

/// Visible text under construction: styles and references over its bytes.
#[derive(Debug, Default, Clone)]
pub struct Inl {
    /// The visible text.
    pub text: String,
    /// Styles over `text`.
    pub inlines: Vec<LocalInline>,
    /// Footnote references: the `[label]` bytes in `text`, with labels.
    pub refs: Vec<(Range<usize>, String)>,
}

impl Inl {
    /// Appends text as written (sanitised; newlines become spaces).
    pub fn push(&mut self, s: &str) {
        self.text.push_str(&sanitize(s));
    }

    /// Appends `s` with a style over it.
    pub fn styled(&mut self, s: &str, kind: InlineKind) {
        let start = self.text.len();
        self.push(s);
        self.close(start, kind);
    }

    /// Styles everything written since `start` (nothing when empty).
    pub fn close(&mut self, start: usize, kind: InlineKind) {
        if start < self.text.len() {
            self.inlines.push((start..self.text.len(), kind));
        }
    }

    /// Appends a footnote reference shown as `[label]`.
    pub fn reference(&mut self, label: &str) {
        let label = sanitize(label);
        let start = self.text.len();
        self.text.push('[');
        self.text.push_str(&label);
        self.text.push(']');
        self.refs.push((start..self.text.len(), label));
    }

    /// Appends another buffer, shifting its styles and references.
    pub fn append(&mut self, other: Inl) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        let moved = |r: Range<usize>| r.start + shift..r.end + shift;
        self.inlines
            .extend(other.inlines.into_iter().map(|(r, k)| (moved(r), k)));
        self.refs
            .extend(other.refs.into_iter().map(|(r, l)| (moved(r), l)));
    }

    /// Trims surrounding whitespace, keeping styles and references in place.
    fn trim(&mut self) {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        let lead = self.text.len() - self.text.trim_start().len();
        self.text.drain(..lead);
        let len = self.text.len();
        let fix =
            |r: &Range<usize>| r.start.saturating_sub(lead)..r.end.saturating_sub(lead).min(len);
        for (r, _) in &mut self.inlines {
            *r = fix(r);
        }
        self.inlines.retain(|(r, _)| r.start < r.end);
        self.refs.retain(|(r, _)| r.start >= lead && r.end <= end);
        for (r, _) in &mut self.refs {
            *r = r.start - lead..r.end - lead;
        }
    }
}

/// Paragraphs in reading order, plus footnote definitions gathered apart
/// (inline notes are placed after the paragraph that holds them).
#[derive(Debug, Default)]
pub struct Out {
    /// The paragraphs so far.
    pub paras: Vec<Para<'static>>,
    blank: bool,
}

impl Out {
    /// Marks that a blank line comes before the next paragraph.
    pub fn blank(&mut self) {
        self.blank = true;
    }

    /// Adds a paragraph (dropped when it has no visible text). A footnote
    /// definition directly after one with the same label continues it.
    pub fn push(&mut self, mut inl: Inl, kind: ParaKind, source: Range<usize>) {
        inl.trim();
        if inl.text.is_empty() {
            return;
        }
        let blank_before = std::mem::take(&mut self.blank) || self.paras.is_empty();
        let p = Para {
            text: Cow::Owned(inl.text),
            inlines: inl.inlines,
            kind,
            source,
            blank_before,
            refs: inl.refs,
            page: None,
            hidden: None,
        };
        if let (ParaKind::FootnoteDef(l), Some(prev)) = (&p.kind, self.paras.last_mut())
            && prev.kind == ParaKind::FootnoteDef(l.clone())
        {
            prev.append(p);
            return;
        }
        self.paras.push(p);
    }

    /// Adds a preformatted line that keeps its inline markup (a table row
    /// with footnote references in its cells).
    pub fn preformatted(&mut self, mut inl: Inl, source: Range<usize>) {
        let end = inl.text.trim_end().len();
        inl.text.truncate(end);
        inl.inlines.retain(|(r, _)| r.end <= end);
        inl.refs.retain(|(r, _)| r.end <= end);
        if inl.text.trim().is_empty() {
            return;
        }
        let blank_before = std::mem::take(&mut self.blank) || self.paras.is_empty();
        self.paras.push(Para {
            text: Cow::Owned(inl.text),
            inlines: inl.inlines,
            kind: ParaKind::Code,
            source,
            blank_before,
            refs: inl.refs,
            page: None,
            hidden: None,
        });
    }

    /// Adds one line of preformatted text as a code paragraph.
    pub fn code(&mut self, line: &str, source: Range<usize>) {
        let mut inl = Inl::default();
        inl.push(line.trim_end());
        if inl.text.trim().is_empty() {
            return;
        }
        let blank_before = std::mem::take(&mut self.blank) || self.paras.is_empty();
        // Styled as code so that `a[1]` in a listing is never a marker.
        let whole = 0..inl.text.len();
        self.paras.push(Para {
            text: Cow::Owned(inl.text),
            inlines: vec![(whole, InlineKind::Code)],
            kind: ParaKind::Code,
            source,
            blank_before,
            refs: Vec::new(),
            page: None,
            hidden: None,
        });
    }
}

/// Joins lines of one paragraph into one string (trimmed, space-separated)
/// with the byte range they cover in the source.
#[must_use]
pub fn join(lines: &[Line<'_>]) -> (String, Range<usize>) {
    let mut s = String::new();
    for (_, l) in lines {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(t);
    }
    let range = match (lines.first(), lines.last()) {
        (Some(f), Some(l)) => f.0..l.0 + l.1.len(),
        _ => 0..0,
    };
    (s, range)
}

/// The smallest positive number, as a string, not in `used`; then records it.
pub fn fresh_label(used: &mut rustc_hash::FxHashSet<String>) -> String {
    let mut n = 1u64;
    loop {
        let l = n.to_string();
        if used.insert(l.clone()) {
            return l;
        }
        n += 1;
    }
}

/// `05-Jul-2001`, `2001-07-05`, `<2020-01-02 Thu>`, `July 5, 2001` → ISO.
#[must_use]
pub fn iso_date(s: &str) -> Option<String> {
    let t = s.trim().trim_matches(['<', '>', '[', ']']);
    let parts: Vec<&str> = t.split(['-', ' ']).collect();
    if let [d, m, y, ..] = parts.as_slice()
        && let (Ok(d), Some(m), Ok(y)) = (
            d.parse::<u32>(),
            crate::document::metadata::month(m),
            y.parse::<u32>(),
        )
        && (1..=31).contains(&d)
        && (1000..=2999).contains(&y)
    {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    if let Some(iso) = crate::document::metadata::find_date(t) {
        return Some(iso);
    }
    // `2020-01` or `2020`.
    let head: String = t.chars().take(7).collect();
    let ok = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    match head.split_once('-') {
        Some((y, m)) if ok(y) && m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            Some(format!("{y}-{m}"))
        }
        _ if ok(t.get(..4).unwrap_or("")) && t.len() == 4 => Some(t.to_string()),
        _ => None,
    }
}

/// Joins names for display: `A`, `A and B`, `A, B and C`.
#[must_use]
pub fn join_names(names: &[String]) -> Option<String> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some((*one).to_string()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// A name without its e-mail address (`Guido <guido@python.org>` → `Guido`).
#[must_use]
pub fn strip_email(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let t = out.trim();
    // `guido at python.org (Guido van Rossum)` style: keep the name.
    sanitize(t.trim_end_matches(',').trim())
}

/// Finds the byte index of the `close` that matches an opening bracket just
/// before `s` (nesting on `open`), or `None`.
#[must_use]
pub fn matching(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 1usize;
    for (i, c) in s.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_keeps_refs() {
        let mut i = Inl::default();
        i.push("  a ");
        i.reference("1");
        i.styled("b", InlineKind::Emphasis);
        i.push("  ");
        i.trim();
        assert_eq!(i.text, "a [1]b");
        assert_eq!(i.refs, vec![(2..5, "1".to_string())]);
        assert_eq!(i.inlines, vec![(5..6, InlineKind::Emphasis)]);
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date("05-Jul-2001").as_deref(), Some("2001-07-05"));
        assert_eq!(iso_date("<2020-01-02 Thu>").as_deref(), Some("2020-01-02"));
        assert_eq!(iso_date("2019-03").as_deref(), Some("2019-03"));
        assert_eq!(iso_date("1999").as_deref(), Some("1999"));
        assert_eq!(iso_date("soon"), None);
    }

    #[test]
    fn names() {
        let n = |v: &[&str]| join_names(&v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>());
        assert_eq!(n(&["A"]).as_deref(), Some("A"));
        assert_eq!(n(&["A", "B", "C"]).as_deref(), Some("A, B and C"));
        assert_eq!(
            strip_email("Guido van Rossum <guido@python.org>,"),
            "Guido van Rossum"
        );
    }
}
