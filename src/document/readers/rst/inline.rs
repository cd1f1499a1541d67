//! reStructuredText inline markup: emphasis, strong, literals, roles
//! (`:pep:` → `PEP 8`), hyperlink references with their targets, footnote
//! and citation references `[1]_` `[#]_` `[*]_` `[CIT]_`, substitutions,
//! `name_` references and bare URLs.

pub use super::context::Context;
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::readers::lines::{Inl, matching};

/// May inline markup start after `prev`? (start of text, space, opening punctuation).
fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "'\"([{<-/:‘“’«".contains(c))
}

/// May inline markup end before `next`?
fn closes_before(next: Option<char>) -> bool {
    next.is_none_or(|c| c.is_whitespace() || "'\")]}>-/:.,;!?\\’”»".contains(c))
}

/// Roles whose text is code.
fn code_role(role: &str) -> bool {
    let r = role.rsplit(':').next().unwrap_or(role);
    matches!(
        r,
        "func"
            | "class"
            | "meth"
            | "mod"
            | "attr"
            | "data"
            | "exc"
            | "obj"
            | "const"
            | "option"
            | "envvar"
            | "program"
            | "file"
            | "samp"
            | "code"
            | "literal"
            | "kbd"
            | "command"
            | "c"
            | "macro"
            | "type"
            | "member"
            | "var"
    )
}

/// The visible text of a role's content (`Label <target>` → `Label`, `~a.b` → `b`).
fn role_text(role: &str, content: &str) -> String {
    let c = content.trim();
    let shown = match c.rfind('<') {
        Some(i) if c.ends_with('>') && i > 0 => c[..i].trim(),
        _ => c.trim_start_matches(['!', '~']),
    };
    match role {
        "pep" | "PEP" => format!("PEP {shown}"),
        "rfc" | "RFC" => format!("RFC {shown}"),
        _ => shown.to_string(),
    }
}

/// Reads inline markup of one paragraph's text into `out`.
pub fn inline(ctx: &Context, s: &str, out: &mut Inl) {
    let mut plain = String::new();
    let mut i = 0;
    let flush = |plain: &mut String, out: &mut Inl| {
        if !plain.is_empty() {
            words(ctx, plain, out);
            plain.clear();
        }
    };
    while i < s.len() {
        let rest = &s[i..];
        let prev = s[..i].chars().next_back();
        let c = rest.chars().next().unwrap_or(' ');
        // Escapes.
        if c == '\\' {
            let next = rest[1..].chars().next();
            if let Some(n) = next {
                if !n.is_whitespace() {
                    plain.push(n);
                }
                i += 1 + n.len_utf8();
            } else {
                i += 1;
            }
            continue;
        }
        if opens_after(prev)
            && let Some((len, f)) = span(ctx, rest)
        {
            flush(&mut plain, out);
            f(out);
            i += len;
            continue;
        }
        plain.push(c);
        i += c.len_utf8();
    }
    flush(&mut plain, out);
}

type Emit<'a> = Box<dyn FnOnce(&mut Inl) + 'a>;

/// An inline construct at the start of `rest`: its length and how to write it.
fn span<'a>(ctx: &'a Context, rest: &'a str) -> Option<(usize, Emit<'a>)> {
    let closed = |delim: &str| -> Option<usize> {
        let body = rest.get(delim.len()..)?;
        if body.starts_with(char::is_whitespace) {
            return None;
        }
        let mut from = 0;
        while let Some(k) = body[from..].find(delim) {
            let at = from + k;
            let before = body[..at].chars().next_back();
            let after = body[at + delim.len()..].chars().next();
            if at > 0
                && before.is_some_and(|b| !b.is_whitespace())
                && closes_before(after.filter(|&a| a != '_'))
            {
                return Some(at);
            }
            from = at + delim.len();
        }
        None
    };
    if rest.starts_with("**") {
        let end = closed("**")?;
        let inner = &rest[2..2 + end];
        return Some((
            end + 4,
            Box::new(move |o: &mut Inl| {
                let s = o.text.len();
                inline(ctx, inner, o);
                o.close(s, InlineKind::Strong);
            }),
        ));
    }
    if rest.starts_with("``") {
        let end = closed("``")?;
        let inner = &rest[2..2 + end];
        return Some((
            end + 4,
            Box::new(move |o: &mut Inl| o.styled(inner, InlineKind::Code)),
        ));
    }
    if rest.starts_with('*') {
        let end = closed("*")?;
        let inner = &rest[1..=end];
        return Some((
            end + 2,
            Box::new(move |o: &mut Inl| {
                let s = o.text.len();
                inline(ctx, inner, o);
                o.close(s, InlineKind::Emphasis);
            }),
        ));
    }
    if rest.starts_with('`') {
        let end = closed("`")?;
        let inner = &rest[1..=end];
        let after = &rest[end + 2..];
        let under = after.bytes().take_while(|&b| b == b'_').count().min(2);
        let len = end + 2 + under;
        if under > 0 {
            // `text <url>`_ or `name`_
            let (shown, url) = match inner.rfind('<') {
                Some(k) if inner.ends_with('>') => {
                    let t = inner[..k].trim();
                    let u = &inner[k + 1..inner.len() - 1];
                    (if t.is_empty() { u } else { t }, Some(sanitize(u)))
                }
                _ if under == 2 => (inner, ctx.next_anonymous()),
                _ => (inner, ctx.targets.get(&inner.to_lowercase()).cloned()),
            };
            return Some((
                len,
                Box::new(move |o: &mut Inl| match url {
                    Some(url) => o.styled(shown, InlineKind::Link { url }),
                    None => o.push(shown),
                }),
            ));
        }
        // A role after (`text`:role:) is rare; the default role is a title.
        return Some((
            len,
            Box::new(move |o: &mut Inl| o.styled(inner, InlineKind::Emphasis)),
        ));
    }
    if let Some(after_colon) = rest.strip_prefix(':') {
        // :role:`content`
        let name_len = after_colon.find(":`")?;
        let role = &after_colon[..name_len];
        if role.is_empty() || role.contains(char::is_whitespace) {
            return None;
        }
        let body = &rest[name_len + 3..];
        let end = body.find('`')?;
        let shown = role_text(role, &body[..end]);
        let code = code_role(role);
        return Some((
            name_len + 4 + end,
            Box::new(move |o: &mut Inl| {
                if code {
                    o.styled(&shown, InlineKind::Code);
                } else {
                    let s = o.text.len();
                    inline(ctx, &shown, o);
                    if role.ends_with("emphasis") || role == "title" || role == "dfn" {
                        o.close(s, InlineKind::Emphasis);
                    } else if role.ends_with("strong") {
                        o.close(s, InlineKind::Strong);
                    }
                }
            }),
        ));
    }
    if let Some(inner) = rest.strip_prefix('[') {
        // [label]_ : a footnote or citation reference.
        let end = matching(inner, '[', ']')?;
        let raw = &inner[..end];
        let after = &rest[end + 2..];
        let ok_label = !raw.is_empty()
            && raw.len() <= 40
            && raw
                .chars()
                .all(|c| c.is_alphanumeric() || "#*-_.:".contains(c));
        if ok_label && after.starts_with('_') && closes_before(after[1..].chars().next()) {
            let label = ctx.label(raw, false);
            return Some((end + 3, Box::new(move |o: &mut Inl| o.reference(&label))));
        }
        return None;
    }
    if let Some(inner) = rest.strip_prefix('|') {
        let end = inner.find('|')?;
        let name = &inner[..end];
        let sub = ctx.substitutions.get(name)?;
        let after = &rest[end + 2..];
        let under = after.bytes().take_while(|&b| b == b'_').count().min(2);
        return Some((
            end + 2 + under,
            Box::new(move |o: &mut Inl| inline(ctx, sub, o)),
        ));
    }
    None
}

/// Plain text: `name_` references (the name shown, linked when its target is
/// known) and bare URLs.
fn words(ctx: &Context, s: &str, out: &mut Inl) {
    let mut pending = String::new();
    for piece in s.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let ws = &piece[word.len()..];
        let core = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        let tail = &word[core.len()..];
        if core.starts_with("http://") || core.starts_with("https://") {
            out.push(&pending);
            pending.clear();
            out.styled(
                core,
                InlineKind::Link {
                    url: sanitize(core),
                },
            );
            pending.push_str(tail);
            pending.push_str(ws);
            continue;
        }
        let name = core.trim_end_matches('_');
        let unders = core.len() - name.len();
        if (1..=2).contains(&unders)
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || "-.".contains(c))
        {
            out.push(&pending);
            pending.clear();
            let url = if unders == 2 {
                ctx.next_anonymous()
            } else {
                ctx.targets.get(&name.to_lowercase()).cloned()
            };
            match url {
                Some(url) => out.styled(name, InlineKind::Link { url }),
                None => out.push(name),
            }
            pending.push_str(tail);
            pending.push_str(ws);
            continue;
        }
        pending.push_str(piece);
    }
    out.push(&pending);
}
