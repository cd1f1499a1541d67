//! `AsciiDoc` inline markup: `footnote:[…]`, `footnote:id[…]` and its reuse,
//! `footnoteref:`, `link:`/URL macros with text, `image:`, `kbd:`/`btn:`/
//! `pass:`, `<<xref,text>>`, `{attribute}` references, constrained and
//! unconstrained `*strong*`, `_emphasis_`, `` `monospace` ``, `#mark#`.

use super::Reader;
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::readers::lines::{self, Inl};

impl Reader {
    /// A new footnote number, or the one an id already has.
    fn footnote(&mut self, id: &str, text: &str, out: &mut Inl) {
        let id = id.trim();
        if !id.is_empty()
            && let Some(label) = self.ids.get(id).cloned()
        {
            out.reference(&label);
            return;
        }
        if text.trim().is_empty() && !id.is_empty() {
            // A reuse before any definition: shown as written.
            out.push(&format!("footnote:{id}[]"));
            return;
        }
        self.count += 1;
        let label = self.count.to_string();
        if !id.is_empty() {
            self.ids.insert(id.to_string(), label.clone());
        }
        out.reference(&label);
        let mut note = Inl::default();
        self.inline(text.trim(), &mut note);
        self.notes.push((label, note));
    }

    pub(super) fn inline(&mut self, s: &str, out: &mut Inl) {
        let mut plain = String::new();
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let prev = s[..i].chars().next_back();
            let c = rest.chars().next().unwrap_or(' ');
            if let Some(len) = self.construct(rest, prev, &mut plain, out) {
                i += len;
                continue;
            }
            plain.push(c);
            i += c.len_utf8();
        }
        out.push(&plain);
    }

    /// A macro, link, cross reference, attribute or emphasis at `rest`.
    fn construct(
        &mut self,
        rest: &str,
        prev: Option<char>,
        plain: &mut String,
        out: &mut Inl,
    ) -> Option<usize> {
        let word_start = prev.is_none_or(|p| !p.is_alphanumeric());
        // name:target[text] macros.
        for name in [
            "footnote:",
            "footnoteref:",
            "link:",
            "image:",
            "xref:",
            "kbd:",
            "btn:",
            "pass:",
            "mailto:",
            "https://",
            "http://",
        ] {
            // A footnote may be glued to its word (`doublefootnote:[…]`), as
            // Asciidoctor reads it; other macros start a word.
            let glued_ok = name.starts_with("footnote");
            if !((word_start || glued_ok) && rest.starts_with(name)) {
                continue;
            }
            let after = &rest[name.len()..];
            let open = after
                .find('[')
                .filter(|&k| !after[..k].contains(char::is_whitespace));
            let Some(k) = open else {
                if name.starts_with("http") {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let url = rest[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
                    out.push(&std::mem::take(plain));
                    out.styled(url, InlineKind::Link { url: sanitize(url) });
                    return Some(url.len());
                }
                continue;
            };
            let close = lines::matching(&after[k + 1..], '[', ']')?;
            let target = &after[..k];
            let text = &after[k + 1..k + 1 + close];
            out.push(&std::mem::take(plain));
            match name {
                "footnote:" => self.footnote(target, text, out),
                "footnoteref:" => {
                    let (id, t) = text.split_once(',').unwrap_or((text, ""));
                    self.footnote(id, t, out);
                }
                "image:" => out.push(&format!(
                    "[image: {}]",
                    if text.is_empty() { target } else { text }
                )),
                "kbd:" | "btn:" | "pass:" => out.push(text),
                _ => {
                    let url = if name.starts_with("http") || name == "mailto:" {
                        format!("{name}{target}")
                    } else {
                        target.to_string()
                    };
                    let shown = if text.is_empty() {
                        url.clone()
                    } else {
                        // `[text^]` opens a new window: not text.
                        let t = text.split(',').next().unwrap_or(text);
                        t.trim_end_matches('^').to_string()
                    };
                    let s = out.text.len();
                    self.inline(&shown, out);
                    if url.contains("://") || url.starts_with("mailto:") {
                        out.close(
                            s,
                            InlineKind::Link {
                                url: sanitize(&url),
                            },
                        );
                    }
                }
            }
            return Some(name.len() + k + close + 2);
        }
        if let Some(x) = rest.strip_prefix("<<") {
            let end = x.find(">>")?;
            let inner = &x[..end];
            let shown = inner.split_once(',').map_or(inner, |(_, t)| t.trim());
            out.push(&std::mem::take(plain));
            out.push(shown);
            return Some(end + 4);
        }
        if let Some(x) = rest.strip_prefix('{') {
            let end = x.find('}')?;
            let name = x[..end].to_ascii_lowercase();
            if let Some(value) = self.attrs.get(&name).cloned() {
                // Attributes are replaced before macros are read: a value
                // may hold a footnote (`:fn-x: footnote:[…]`, `{fn-x}`). The
                // attribute is unset while its value is read, so a value
                // naming itself cannot recurse.
                out.push(&std::mem::take(plain));
                self.attrs.remove(&name);
                self.inline(&value, out);
                self.attrs.insert(name, value);
                return Some(end + 2);
            }
            // An attribute defined elsewhere used as a URL: `{url-x}/path[text]`.
            let after = &x[end + 1..];
            let k = after.find(|c: char| c == '[' || c.is_whitespace())?;
            if !after[k..].starts_with('[') {
                return None;
            }
            let close = lines::matching(&after[k + 1..], '[', ']')?;
            let text = after[k + 1..k + 1 + close].trim_end_matches('^');
            if text.is_empty() {
                return None;
            }
            out.push(&std::mem::take(plain));
            self.inline(text, out);
            return Some(1 + end + 1 + k + 1 + close + 1);
        }
        // A role or id on a phrase (`[.nowrap]#HTML 5#`) is not text.
        if let Some(x) = rest.strip_prefix('[')
            && let Some(end) = x.find(']')
            && x[end + 1..].starts_with(['#', '*', '_', '`'])
            && !x[..end].contains(char::is_whitespace)
            && !x[..end].is_empty()
        {
            return Some(end + 2);
        }
        let c = rest.chars().next()?;
        let kind = match c {
            '*' | '#' => InlineKind::Strong,
            '_' => InlineKind::Emphasis,
            '`' => InlineKind::Code,
            _ => return None,
        };
        let double = rest[1..].starts_with(c);
        let delim_len = if double { 2 } else { 1 };
        if !double && prev.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let body = &rest[delim_len..];
        if body.starts_with(char::is_whitespace) {
            return None;
        }
        let delim = &rest[..delim_len];
        let mut from = 0;
        while let Some(k) = body[from..].find(delim) {
            let at = from + k;
            let after = body[at + delim_len..].chars().next();
            let before = body[..at].chars().next_back();
            if at > 0
                && before.is_some_and(|b| !b.is_whitespace())
                && (double || after.is_none_or(|a| !a.is_alphanumeric()))
            {
                out.push(&std::mem::take(plain));
                let s = out.text.len();
                if c == '`' {
                    out.push(&body[..at]);
                } else {
                    self.inline(&body[..at], out);
                }
                out.close(s, kind);
                return Some(delim_len * 2 + at);
            }
            from = at + delim_len;
        }
        None
    }
}
