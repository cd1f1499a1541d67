//! Front matter of Markdown files: YAML (`---`), TOML (`+++`), JSON (`{…}`,
//! Hugo) and pandoc title blocks (`% Title`). What it states (title, authors,
//! date, description, tags, language, URL) goes to [`Stated`]; nothing of it
//! is shown as body text except the title, as the first heading.

use super::super::Stated;
use super::super::lines::{iso_date, join_names};
use crate::document::clean::sanitize;
use crate::document::raw::{Para, ParaKind};
use pulldown_cmark::MetadataBlockKind;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Reads JSON front matter or a pandoc title block at the start of `src`
/// and blanks it out (same length, so offsets hold); YAML and TOML are left
/// to pulldown-cmark's metadata blocks.
pub(super) fn take(src: &str) -> (Cow<'_, str>, Stated) {
    let mut stated = Stated::default();
    let end = if src.starts_with('{') {
        json(src, &mut stated)
    } else if src.starts_with("% ") {
        pandoc_title(src, &mut stated)
    } else {
        key_lines(src, &mut stated)
    };
    let fences = div_fences(src);
    if end == 0 && fences.is_empty() {
        return (Cow::Borrowed(src), stated);
    }
    // Newlines keep the byte length and cannot start a Markdown block.
    let mut masked = "\n".repeat(end);
    masked.push_str(&src[end..]);
    for r in fences {
        // Spaces keep the byte length and leave a blank line.
        masked.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    (Cow::Owned(masked), stated)
}

/// Byte ranges of pandoc fenced-div lines (`::: {.note}`, `:::`) outside
/// code fences: markup, not text.
fn div_fences(src: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut in_code: Option<&str> = None;
    for line in src.split_inclusive('\n') {
        let t = line.trim_end();
        let lead = t.trim_start();
        match in_code {
            Some(f) if lead.starts_with(f) => in_code = None,
            Some(_) => {}
            None if lead.starts_with("```") => in_code = Some("```"),
            None if lead.starts_with("~~~") => in_code = Some("~~~"),
            None => {
                let colons = t.bytes().take_while(|&b| b == b':').count();
                let rest = t[colons..].trim();
                let attrs = rest.is_empty()
                    || rest.starts_with('{') && rest.ends_with('}')
                    || !rest.contains(char::is_whitespace)
                        && rest
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
                if colons >= 3 && attrs {
                    out.push(at..at + t.len());
                }
            }
        }
        at += line.len();
    }
    out
}

fn json(src: &str, stated: &mut Stated) -> usize {
    let mut it = serde_json::Deserializer::from_str(src).into_iter::<Value>();
    match it.next() {
        Some(Ok(v @ Value::Object(_))) => {
            let end = it.byte_offset();
            if src[end..].starts_with(['\n', '\r']) || src[end..].is_empty() {
                apply(stated, &v);
                end
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// `MultiMarkdown`'s metadata, unfenced: `Title: …`, `Author: …` lines opening
/// the file (up to a line of another shape), when one of them names the
/// title, author or date.
fn key_lines(src: &str, stated: &mut Stated) -> usize {
    let mut end = 0;
    let mut v = serde_json::Map::new();
    for line in src.split_inclusive('\n') {
        let l = line.trim_end();
        let Some((k, val)) = l.split_once(": ") else {
            break;
        };
        let k = k.trim();
        let key = !k.is_empty()
            && k.len() <= 24
            && k.starts_with(|c: char| c.is_ascii_alphabetic())
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '_');
        if !key || val.trim().is_empty() {
            break;
        }
        v.insert(
            k.to_ascii_lowercase(),
            Value::String(val.trim().to_string()),
        );
        end += line.len();
    }
    if !["title", "author", "date"]
        .iter()
        .any(|k| v.contains_key(*k))
    {
        return 0;
    }
    apply(stated, &Value::Object(v));
    end
}

/// `% Title`, `% Author; Author`, `% Date` (continuation lines start with a space).
fn pandoc_title(src: &str, stated: &mut Stated) -> usize {
    let mut fields: Vec<String> = Vec::new();
    let mut end = 0;
    for line in src.split_inclusive('\n') {
        let l = line.trim_end();
        if let Some(v) = l.strip_prefix('%') {
            if fields.len() == 3 {
                break;
            }
            fields.push(v.trim().to_string());
        } else if l.starts_with(' ') && !fields.is_empty() && !l.trim().is_empty() {
            if let Some(f) = fields.last_mut() {
                f.push(' ');
                f.push_str(l.trim());
            }
        } else {
            break;
        }
        end += line.len();
    }
    let get = |i: usize| fields.get(i).map(|s| sanitize(s)).filter(|s| !s.is_empty());
    stated.title = get(0);
    stated.author =
        get(1).and_then(|a| join_names(&a.split(';').map(str::to_string).collect::<Vec<_>>()));
    stated.date = get(2).and_then(|d| iso_date(&d));
    end
}

/// Reads a YAML or TOML metadata block's text.
pub(super) fn read_block(stated: &mut Stated, text: &str, kind: MetadataBlockKind) {
    let value = match kind {
        MetadataBlockKind::YamlStyle => yaml(text),
        MetadataBlockKind::PlusesStyle => toml::from_str::<toml::Value>(text)
            .ok()
            .and_then(|v| serde_json::to_value(v).ok())
            .unwrap_or(Value::Null),
    };
    apply(stated, &value);
}

/// The string a front-matter value holds (a TOML date is an object holding one).
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(sanitize(s.trim())).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(m) => m
            .get("name")
            .or_else(|| m.values().next().filter(|_| m.len() == 1))
            .and_then(string),
        _ => None,
    }
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(string).collect(),
        Value::String(s) => s
            .split(',')
            .map(|x| sanitize(x.trim()))
            .filter(|x| !x.is_empty())
            .collect(),
        other => string(other).into_iter().collect(),
    }
}

fn apply(stated: &mut Stated, v: &Value) {
    let Value::Object(m) = v else {
        return;
    };
    let get = |keys: &[&str]| keys.iter().find_map(|k| m.get(*k));
    if let Some(t) = get(&["title"]).and_then(string) {
        stated.title = Some(t);
    }
    if let Some(a) = get(&["author", "authors", "creator", "by"]) {
        let names = match a {
            Value::String(s) if s.contains(" and ") => {
                s.split(" and ").map(|x| sanitize(x.trim())).collect()
            }
            Value::String(s) if s.contains(';') => {
                s.split(';').map(|x| sanitize(x.trim())).collect()
            }
            Value::String(s) => vec![sanitize(s.trim())],
            other => strings(other),
        };
        stated.author = join_names(&names).or(stated.author.take());
    }
    if let Some(d) = get(&["date", "published", "pubdate", "created"]).and_then(string) {
        stated.date = iso_date(&d).or(stated.date.take());
    }
    if let Some(d) =
        get(&["description", "summary", "abstract", "excerpt", "subtitle"]).and_then(string)
    {
        stated.description = Some(d);
    }
    for key in ["tags", "keywords", "categories"] {
        if let Some(t) = m.get(key) {
            for tag in strings(t) {
                if !stated.tags.contains(&tag) {
                    stated.tags.push(tag);
                }
            }
        }
    }
    if let Some(l) = get(&["lang", "language"]).and_then(string) {
        stated.language = Some(l);
    }
    if let Some(u) = get(&["url", "link", "canonical_url", "canonicalurl", "source"])
        .and_then(string)
        .filter(|u| u.starts_with("http"))
    {
        stated.source_url = Some(u);
    }
}

/// A small YAML subset: `key: value`, quoted strings, `[a, b]` lists, `- item`
/// lists, `key:` with indented `name: value` maps, `>`/`|` block scalars.
fn yaml(text: &str) -> Value {
    let mut map = Map::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with([' ', '\t', '#', '-']) || line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        let value = value.trim();
        // The indented lines under this key.
        let start = i;
        while i < lines.len()
            && (lines[i].starts_with([' ', '\t', '-']) || lines[i].trim().is_empty())
        {
            i += 1;
        }
        let block = &lines[start..i];
        let v = if value.is_empty() {
            nested(block)
        } else if value.starts_with(['>', '|']) {
            let joiner = if value.starts_with('>') { " " } else { "\n" };
            Value::String(
                block
                    .iter()
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(joiner),
            )
        } else {
            scalar(value)
        };
        map.insert(key, v);
    }
    Value::Object(map)
}

/// The indented block under a key with no value: a list or a map.
fn nested(block: &[&str]) -> Value {
    let items: Vec<&str> = block
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    if items.first().is_some_and(|l| l.starts_with('-')) {
        let mut out = Vec::new();
        for l in items {
            if let Some(item) = l.strip_prefix('-') {
                out.push(scalar(item.trim()));
            } else if let (Some(Value::Object(m)), Some((k, v))) =
                (out.last_mut(), l.split_once(':'))
            {
                m.insert(k.trim().to_string(), scalar(v.trim()));
            }
        }
        Value::Array(out)
    } else {
        let mut m = Map::new();
        for l in items {
            if let Some((k, v)) = l.split_once(':') {
                m.insert(k.trim().to_string(), scalar(v.trim()));
            }
        }
        Value::Object(m)
    }
}

fn scalar(v: &str) -> Value {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        return Value::Array(
            inner
                .split(',')
                .map(|x| scalar(x.trim()))
                .filter(|x| x.as_str().is_none_or(|s| !s.is_empty()))
                .collect(),
        );
    }
    if let Some(inner) = v.strip_prefix('{').and_then(|x| x.strip_suffix('}')) {
        let mut m = Map::new();
        for part in inner.split(',') {
            if let Some((k, val)) = part.split_once(':') {
                m.insert(k.trim().to_string(), scalar(val));
            }
        }
        return Value::Object(m);
    }
    // `name: value` inside a list item (`- name: A`).
    if !v.starts_with(['"', '\''])
        && let Some((k, val)) = v.split_once(": ")
        && !k.contains(' ')
    {
        let mut m = Map::new();
        m.insert(k.to_string(), scalar(val));
        return Value::Object(m);
    }
    let unquoted = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(v);
    Value::String(unquoted.to_string())
}

/// Shows the stated title as the first heading when the body does not open
/// with one.
pub(super) fn title_heading(out: &mut Vec<Para<'static>>, stated: &Stated) {
    let Some(title) = &stated.title else {
        return;
    };
    if out.first().is_some_and(|p| p.kind == ParaKind::Heading(1)) {
        return;
    }
    let mut p = Para::from_raw(title.clone(), 0..0, true);
    p.kind = ParaKind::Heading(1);
    out.insert(0, p);
}
