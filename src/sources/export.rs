//! Bibliography exports of grouped works: CSL-JSON items, BibTeX entries with unique keys and escaped fields, and a readable Markdown list; each entry records the note labels it came from.

use super::date::date_parts;
use super::group::Work;
use super::{Citation, SourceKind};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// An author name split for CSL/BibTeX.
enum Name {
    /// A person: family name (last word) and given names.
    Person { family: String, given: String },
    /// An organisation, kept whole.
    Literal(String),
}

const ORG_WORDS: [&str; 16] = [
    "office",
    "ministry",
    "center",
    "centre",
    "institute",
    "agency",
    "embassy",
    "council",
    "department",
    "university",
    "press",
    "staff",
    "bank",
    "group",
    "committee",
    "association",
];

fn split_name(name: &str) -> Name {
    let words: Vec<&str> = name.split_whitespace().collect();
    let org = words.len() > 4
        || words.iter().any(|w| {
            ORG_WORDS.contains(&w.to_lowercase().as_str()) || ["of", "for", "the"].contains(w)
        });
    match words.split_last() {
        Some((family, given)) if !org => Name::Person {
            family: (*family).to_string(),
            given: given.join(" "),
        },
        _ => Name::Literal(name.to_string()),
    }
}

/// `"note 3"` or `"notes 1, 2, 5"`.
fn notes_phrase(labels: &[String]) -> String {
    let s = if labels.len() == 1 { "" } else { "s" };
    format!("note{s} {}", labels.join(", "))
}

const STOP_WORDS: [&str; 9] = ["the", "a", "an", "on", "of", "in", "and", "to", "for"];

/// ASCII-only lowercase letters and digits of a word (`Abe’s` -> `abes`).
fn ascii_word(w: &str) -> String {
    w.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Citation keys: surname (or first organisation word, or `anon`) + year +
/// first significant title word, made unique with `a`, `b`, … suffixes.
fn keys(works: &[Work]) -> Vec<String> {
    let bases: Vec<String> = works.iter().map(|w| key_base(&w.citation)).collect();
    let mut total: HashMap<&str, usize> = HashMap::new();
    for b in &bases {
        *total.entry(b.as_str()).or_default() += 1;
    }
    let mut used: HashMap<&str, usize> = HashMap::new();
    bases
        .iter()
        .map(|b| {
            if total.get(b.as_str()).copied().unwrap_or(0) < 2 {
                return b.clone();
            }
            let n = used.entry(b.as_str()).or_default();
            let suffix = suffix(*n);
            *n += 1;
            format!("{b}{suffix}")
        })
        .collect()
}

/// `a`..`z`, then `aa`, `ab`, …
fn suffix(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        let letter = b'a' + u8::try_from(n % 26).unwrap_or(0);
        s.insert(0, char::from(letter));
        if n < 26 {
            return s;
        }
        n = n / 26 - 1;
    }
}

fn key_base(c: &Citation) -> String {
    let who = c
        .authors
        .first()
        .map(|a| match split_name(a) {
            Name::Person { family, .. } => ascii_word(&family),
            Name::Literal(org) => org
                .split_whitespace()
                .next()
                .map(ascii_word)
                .unwrap_or_default(),
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "anon".to_string());
    let year = c.date.as_deref().and_then(|d| d.get(..4)).unwrap_or("");
    let word = c
        .title
        .as_deref()
        .unwrap_or("")
        .split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '—')
        .map(ascii_word)
        .find(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .unwrap_or_default();
    format!("{who}{year}{word}")
}

fn csl_type(c: &Citation) -> &'static str {
    match c.kind {
        SourceKind::Book => "book",
        SourceKind::Journal => "article-journal",
        SourceKind::Newspaper => "article-newspaper",
        SourceKind::Web => "webpage",
        SourceKind::Unknown if c.container.is_some() => "article",
        SourceKind::Unknown => "document",
    }
}

fn csl_date(iso: &str) -> Value {
    json!({ "date-parts": [date_parts(iso)] })
}

/// CSL-JSON array of the works, in the given order. Each item has `id`
/// (the BibTeX key), `type`, `note` (`Cited in <article>: notes 1, 2, 5`)
/// and whichever of `title`, `author`, `container-title` (or `publisher`
/// for books), `issued`, `page`, `URL`, `accessed` the notes give.
#[must_use]
pub fn to_csl_json(works: &[Work], article_title: &str) -> Value {
    let items = works
        .iter()
        .zip(keys(works))
        .map(|(w, id)| {
            let c = &w.citation;
            let mut m = Map::new();
            m.insert("id".into(), json!(id));
            m.insert("type".into(), json!(csl_type(c)));
            if let Some(t) = &c.title {
                m.insert("title".into(), json!(t));
            }
            if !c.authors.is_empty() {
                let names: Vec<Value> = c
                    .authors
                    .iter()
                    .map(|a| match split_name(a) {
                        Name::Person { family, given } if given.is_empty() => {
                            json!({ "family": family })
                        }
                        Name::Person { family, given } => {
                            json!({ "family": family, "given": given })
                        }
                        Name::Literal(l) => json!({ "literal": l }),
                    })
                    .collect();
                m.insert("author".into(), Value::Array(names));
            }
            if let Some(ct) = &c.container {
                let field = if c.kind == SourceKind::Book {
                    "publisher"
                } else {
                    "container-title"
                };
                m.insert(field.into(), json!(ct));
            }
            if let Some(d) = &c.date {
                m.insert("issued".into(), csl_date(d));
            }
            if let Some(p) = &c.pages {
                m.insert("page".into(), json!(p));
            }
            if let Some(u) = &c.url {
                m.insert("URL".into(), json!(u));
            }
            if let Some(a) = &c.accessed {
                m.insert("accessed".into(), csl_date(a));
            }
            let cited = notes_phrase(&w.notes);
            let note = if article_title.trim().is_empty() {
                format!("Cited in {cited}")
            } else {
                format!("Cited in {}: {cited}", article_title.trim())
            };
            m.insert("note".into(), json!(note));
            Value::Object(m)
        })
        .collect();
    Value::Array(items)
}

/// Escapes BibTeX/LaTeX specials in a field value: `\ { } & % $ # _`.
fn tex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// URLs are verbatim fields: only braces need encoding to stay balanced.
fn url_escape(s: &str) -> String {
    s.replace('{', "%7B").replace('}', "%7D")
}

fn bib_name(a: &str) -> String {
    match split_name(a) {
        Name::Person { family, given } if given.is_empty() => tex_escape(&family),
        Name::Person { family, given } => {
            format!("{}, {}", tex_escape(&family), tex_escape(&given))
        }
        Name::Literal(l) => format!("{{{}}}", tex_escape(&l)),
    }
}

/// BibTeX entries (`@article`, `@book`, `@online`, `@misc`) with unique
/// keys such as `mochizuki2013russia`, escaped fields, ISO `date`/`urldate`
/// and a `note` field listing the citing note labels.
#[must_use]
pub fn to_bibtex(works: &[Work]) -> String {
    let mut out = String::new();
    for (w, key) in works.iter().zip(keys(works)) {
        let c = &w.citation;
        let (entry, container_field) = match c.kind {
            SourceKind::Book => ("book", "publisher"),
            SourceKind::Journal | SourceKind::Newspaper => ("article", "journal"),
            SourceKind::Web => ("online", "organization"),
            SourceKind::Unknown => ("misc", "howpublished"),
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !c.authors.is_empty() {
            let names: Vec<String> = c.authors.iter().map(|a| bib_name(a)).collect();
            fields.push(("author", names.join(" and ")));
        }
        if let Some(t) = &c.title {
            fields.push(("title", tex_escape(t)));
        }
        if let Some(ct) = &c.container {
            fields.push((container_field, tex_escape(ct)));
        }
        if c.kind == SourceKind::Newspaper {
            fields.push(("entrysubtype", "newspaper".into()));
        }
        if let Some(d) = &c.date {
            fields.push(("date", d.clone()));
            if let Some(y) = d.get(..4) {
                fields.push(("year", y.to_string()));
            }
        }
        if let Some(p) = &c.pages {
            fields.push(("pages", tex_escape(p)));
        }
        if let Some(u) = &c.url {
            fields.push(("url", url_escape(u)));
        }
        if let Some(a) = &c.accessed {
            fields.push(("urldate", a.clone()));
        }
        fields.push(("note", format!("Cited in {}", notes_phrase(&w.notes))));
        out.push_str(&format!("@{entry}{{{key},\n"));
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// Escapes Markdown emphasis and link characters in plain text.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\*_[]`<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown bibliography, one bullet per work in the given order:
/// authors, “title” (italic for books), *container*, date, pages, `<URL>`,
/// access date, then the citing notes.
#[must_use]
pub fn to_markdown(works: &[Work]) -> String {
    let mut out = String::new();
    for w in works {
        let c = &w.citation;
        let mut parts: Vec<String> = Vec::new();
        if !c.authors.is_empty() {
            parts.push(md_escape(&c.authors.join(", ")));
        }
        if let Some(t) = &c.title {
            parts.push(if c.kind == SourceKind::Book {
                format!("*{}*", md_escape(t))
            } else {
                format!("“{}”", md_escape(t))
            });
        }
        if let Some(ct) = &c.container {
            parts.push(if c.kind == SourceKind::Book {
                md_escape(ct)
            } else {
                format!("*{}*", md_escape(ct))
            });
        }
        if let Some(d) = &c.date {
            parts.push(d.clone());
        }
        if let Some(p) = &c.pages {
            parts.push(format!("p. {}", md_escape(p)));
        }
        if let Some(u) = &c.url {
            parts.push(format!("<{u}>"));
        }
        if let Some(a) = &c.accessed {
            parts.push(format!("accessed {a}"));
        }
        let mut notes = notes_phrase(&w.notes);
        if let Some(first) = notes.get(..1) {
            notes = first.to_uppercase() + &notes[1..];
        }
        out.push_str(&format!("- {}. {notes}.\n", parts.join(", ")));
    }
    out
}
