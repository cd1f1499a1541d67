//! What follows a title in a citation: container, date, pages, URL, access date and publisher parentheses, read from comma-separated parts; plus the publication kind they suggest.

use super::SourceKind;
use super::date::parse_date;
use super::parse::has_op_cit;
use super::text::find_urls;
use std::ops::Range;

/// `(New York: Palgrave Macmillan, 2002)`: range, publisher and year.
pub(crate) fn publisher_paren(s: &str) -> Option<(Range<usize>, String, Option<String>)> {
    let open = s.find('(')?;
    let close = open + s[open..].find(')')?;
    let inner = &s[open + 1..close];
    let (_, rest) = inner.split_once(':')?;
    let (publisher, year) = match rest.rsplit_once(',') {
        Some((p, y)) => (p, parse_date(y)),
        None => (rest, None),
    };
    year.as_ref()?;
    Some((open..close + 1, publisher.trim().to_string(), year))
}

/// What follows a title.
#[derive(Default)]
pub(crate) struct Tail {
    pub(crate) container: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) pages: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) accessed: Option<String>,
    pub(crate) publisher: bool,
    pub(crate) volume: bool,
    pub(crate) op_cit: bool,
}

pub(crate) fn infer_kind(t: &Tail, italic_title: bool) -> SourceKind {
    const NEWS: [&str; 17] = [
        "times",
        "post",
        "shimbun",
        "daily",
        "herald",
        "tribune",
        "gazette",
        "news",
        "novosti",
        "tsushin",
        "hindu",
        "today",
        "vakhta",
        "bloomberg",
        "ft",
        "jiji",
        "reuters",
    ];
    const JOURNAL: [&str; 6] = [
        "journal",
        "review",
        "quarterly",
        "studies",
        "affairs",
        "bulletin",
    ];
    let words: Vec<String> = t
        .container
        .as_deref()
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let wsj = words.windows(3).any(|w| w == ["wall", "street", "journal"]);
    if t.publisher || (italic_title && t.container.is_none()) {
        SourceKind::Book
    } else if t.volume {
        SourceKind::Journal
    } else if wsj || has(&NEWS) {
        SourceKind::Newspaper
    } else if has(&JOURNAL) {
        SourceKind::Journal
    } else if t.url.is_some() {
        SourceKind::Web
    } else {
        SourceKind::Unknown
    }
}

/// Reads container, date, pages, URL and access date after a title.
pub(crate) fn read_tail(tail: &str) -> Tail {
    let mut t = Tail::default();
    let urls = find_urls(tail);
    t.url = urls.first().map(|h| h.url.clone());
    let mut rest = String::new();
    let mut last = 0;
    for h in &urls {
        rest.push_str(&tail[last..h.range.start]);
        rest.push(' ');
        last = h.range.end;
    }
    rest.push_str(&tail[last..]);
    if let Some((range, publisher, year)) = publisher_paren(&rest) {
        t.publisher = true;
        t.container = Some(publisher).filter(|p| !p.is_empty());
        t.date = year;
        rest.replace_range(range, " ");
    }
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = rest[open + 1..close].trim().to_string();
        let lower = inner.to_lowercase();
        let stripped = [
            "last accessed",
            "accessed",
            "accessing",
            "retrieved",
            "viewed",
        ]
        .iter()
        .find_map(|k| lower.strip_prefix(k))
        .map(|r| r.trim_start().trim_start_matches("on ").trim().to_string());
        if let Some(d) = stripped.as_deref().and_then(parse_date) {
            t.accessed = Some(d);
        } else if t.url.is_some()
            && let Some(d) = parse_date(&inner)
        {
            t.accessed = Some(d);
        }
        rest.replace_range(open..=close, " ");
    }
    let mut body = rest.trim_start_matches([',', ' ', '.', ';']).to_string();
    if body.starts_with('*')
        && let Some(close) = body[1..].find('*')
    {
        let inner = body[1..=close].trim();
        if !inner.is_empty() {
            t.container = Some(inner.to_string());
        }
        body = body[close + 2..].to_string();
    }
    read_parts(&body, &mut t);
    t
}

/// Comma-separated parts after the container: op. cit., pages, volume,
/// dates (also split as `2 Nov` + `2013`), codes, then a container.
fn read_parts(body: &str, t: &mut Tail) {
    let parts: Vec<String> = body
        .split([',', ';'])
        .map(|p| p.trim().trim_matches(['.', '*', ' ']).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut k = 0;
    while k < parts.len() {
        let p = parts[k].as_str();
        let lower = p.to_lowercase();
        k += 1;
        if has_op_cit(p) || lower == "op" || lower == "cit" {
            t.op_cit = true;
        } else if let Some(pg) = pages(p) {
            t.pages.get_or_insert(pg);
        } else if lower.starts_with("vol") || lower.starts_with("no.") || lower.starts_with("issue")
        {
            t.volume = true;
        } else if let Some(d) = parse_date(p) {
            t.date.get_or_insert(d);
        } else if let Some(d) = parts.get(k).and_then(|n| parse_date(&format!("{p} {n}"))) {
            t.date.get_or_insert(d);
            k += 1;
        } else if !p.contains(' ') && p.chars().any(|c| c.is_ascii_digit()) && p.len() <= 8 {
            // a report code such as `F84`: no field for it
        } else if t.container.is_none()
            && p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && p.split_whitespace().count() <= 10
            && !p.contains(". ")
        {
            t.container = Some(p.to_string());
        }
    }
}

/// `p.24`, `p. 337`, `pp. 3-5`, `p.5-6` -> the page text.
fn pages(part: &str) -> Option<String> {
    let rest = part
        .strip_prefix("pp")
        .or_else(|| part.strip_prefix('p'))?
        .trim_start_matches('.')
        .trim();
    let ok = !rest.is_empty()
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || "-–— ,".contains(c));
    ok.then(|| rest.to_string())
}
