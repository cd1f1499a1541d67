//! Org inline markup: emphasis by Org's PRE/POST rules, `[[link][desc]]`,
//! bare URLs, footnote references `[fn:x]` and inline definitions
//! `[fn:: text]`/`[fn:name: text]` (kept for after their paragraph).

use super::Reader;
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::readers::lines::{self, Inl, fresh_label};

impl Reader {
    /// Org inline markup into `out`; inline footnote definitions are kept in
    /// `self.notes` for after the paragraph.
    pub(super) fn inline(&mut self, s: &str, out: &mut Inl) {
        let mut plain = String::new();
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let prev = s[..i].chars().next_back();
            let c = rest.chars().next().unwrap_or(' ');
            let took = match c {
                '[' => self.bracket(rest, &mut plain, out),
                '{' if rest.starts_with("{{{") => macro_call(rest).map(|(len, shown, code)| {
                    out.push(&std::mem::take(&mut plain));
                    if code {
                        out.styled(shown, InlineKind::Code);
                    } else {
                        self.inline(shown, out);
                    }
                    len
                }),
                '*' | '/' | '_' | '=' | '~' | '+' => emphasis(rest, prev).map(|(len, inner)| {
                    out.push(&std::mem::take(&mut plain));
                    let kind = match c {
                        '*' => Some(InlineKind::Strong),
                        '/' | '_' => Some(InlineKind::Emphasis),
                        '=' | '~' => Some(InlineKind::Code),
                        _ => None,
                    };
                    let start = out.text.len();
                    if matches!(c, '=' | '~') {
                        out.push(inner);
                    } else {
                        self.inline(inner, out);
                    }
                    if let Some(k) = kind {
                        out.close(start, k);
                    }
                    len
                }),
                'h' if rest.starts_with("http://") || rest.starts_with("https://") => {
                    let end = rest
                        .find(|c: char| c.is_whitespace() || c == '>' || c == ']')
                        .unwrap_or(rest.len());
                    let url = rest[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
                    out.push(&std::mem::take(&mut plain));
                    out.styled(url, InlineKind::Link { url: sanitize(url) });
                    Some(url.len())
                }
                _ => None,
            };
            match took {
                Some(len) if len > 0 => i += len,
                _ => {
                    plain.push(c);
                    i += c.len_utf8();
                }
            }
        }
        out.push(&plain);
    }

    /// `[[link][desc]]`, `[fn:…]`; `None` when `[` is just a bracket.
    fn bracket(&mut self, rest: &str, plain: &mut String, out: &mut Inl) -> Option<usize> {
        if let Some(link) = rest.strip_prefix("[[") {
            let end = link.find("]]")?;
            let inner = &link[..end];
            let (target, desc) = match inner.split_once("][") {
                Some((t, d)) => (t, d),
                // An internal link shows its target without `*` or `#`.
                None => (inner, inner.trim_start_matches(['*', '#'])),
            };
            out.push(&std::mem::take(plain));
            let start = out.text.len();
            self.inline(desc, out);
            let url = target.trim();
            if url.contains("://") || url.starts_with("mailto:") {
                out.close(start, InlineKind::Link { url: sanitize(url) });
            }
            return Some(end + 4);
        }
        let body = rest.strip_prefix("[fn:")?;
        let end = lines::matching(body, '[', ']')?;
        let inner = &body[..end];
        out.push(&std::mem::take(plain));
        match inner.split_once(':') {
            None if !inner.is_empty() => out.reference(&sanitize(inner)),
            Some((name, text)) => {
                let label = if name.is_empty() {
                    fresh_label(&mut self.used)
                } else {
                    sanitize(name)
                };
                out.reference(&label);
                let mut note = Inl::default();
                self.inline(text.trim(), &mut note);
                self.notes.push((label, note));
            }
            None => return None,
        }
        Some(4 + end + 1)
    }
}

/// `{{{kbd(C-c)}}}` → (length, `C-c`, shown as code); `{{{version}}}` →
/// `version`.
fn macro_call(rest: &str) -> Option<(usize, &str, bool)> {
    let end = rest.find("}}}")?;
    let inner = &rest[3..end];
    let (name, shown) = match inner.split_once('(') {
        Some((n, a)) => (n, a.strip_suffix(')').unwrap_or(a)),
        None => (inner, inner),
    };
    (!shown.is_empty()).then_some((
        end + 3,
        shown,
        matches!(name, "kbd" | "key" | "code" | "var"),
    ))
}

/// Emphasis at the start of `rest` (Org's PRE/POST rules): (length, inner).
fn emphasis(rest: &str, prev: Option<char>) -> Option<(usize, &str)> {
    let m = rest.chars().next()?;
    if !prev.is_none_or(|p| p.is_whitespace() || "-('\"{".contains(p)) {
        return None;
    }
    let body = &rest[1..];
    if body.starts_with(char::is_whitespace) || body.starts_with(m) {
        return None;
    }
    let mut from = 0;
    while let Some(k) = body[from..].find(m) {
        let at = from + k;
        let before = body[..at].chars().next_back();
        let after = body[at + 1..].chars().next();
        if at > 0
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || "-.,;:!?')}\"[\\".contains(a))
        {
            return Some((at + 2, &body[..at]));
        }
        from = at + 1;
    }
    None
}
