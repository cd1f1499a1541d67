//! What a web page states about itself, in the order scholarly and news
//! sites are most reliable: Highwire/Google Scholar `citation_*` tags, then
//! Open Graph and `article:*`, then JSON-LD (`Article`, `ScholarlyArticle`,
//! …), then `<meta name="author">`, Dublin Core, `<time datetime>` and
//! `<title>`. Every value is sanitised, folded to one line and bounded.

use crate::document::clean::sanitize;
use crate::document::metadata;
use crate::document::readers::Stated;
use dom_query::Document;

/// Longest metadata value kept, in bytes.
const MAX_VALUE: usize = 600;
/// Largest JSON-LD block parsed, in bytes.
const MAX_JSON_LD: usize = 1 << 20;

/// The metadata of a parsed page.
#[must_use]
pub fn stated(doc: &Document) -> Stated {
    let m = Metas::of(doc);
    let page_title = one(&doc.select("head title").text());
    let ld = json_ld(doc, page_title.as_deref());
    // The first heading: the `h1`, else (a book's section page, whose
    // title is `Book: 2.4`) the first `h2`/`h3`.
    let h1 = ["h1", "h2, h3"].iter().find_map(|sel| {
        doc.select(sel)
            .nodes()
            .first()
            .and_then(|h| one(&super::filter::heading_text(h)))
    });
    // Whichever states it, a title may carry the site's name (`og:title`
    // is `Foo - Wikipedia` on newer wiki pages).
    let title = m
        .first(&["citation_title", "dc.title", "og:title", "twitter:title"])
        .or_else(|| ld.title.clone())
        .or(page_title)
        .and_then(|t| trimmed_title(Some(&t), h1.as_deref(), m.first(&["og:site_name"])));
    let fields = super::fields::read(doc);
    let authors = m.all("citation_author");
    let author = if authors.is_empty() {
        m.first(&[
            "author",
            "article:author",
            "dc.creator",
            "sailthru.author",
            "parsely-author",
        ])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.author.clone())
        .or(fields.author)
    } else {
        Some(join_names(&authors))
    };
    let date = m
        .first(&[
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
            "article:published_time",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.issued",
            "date",
        ])
        .or_else(|| ld.date.clone())
        .or_else(|| {
            doc.select("time[datetime]")
                .nodes()
                .first()
                .and_then(|t| t.attr("datetime"))
                .map(|d| d.to_string())
        })
        .and_then(|d| iso_date(&d))
        .or(fields.date);
    let canonical = doc
        .select("link[rel=canonical]")
        .nodes()
        .first()
        .and_then(|l| l.attr("href"))
        .map(|h| h.to_string());
    let source_url = canonical
        .or_else(|| {
            m.first(&[
                "og:url",
                "citation_public_url",
                "citation_abstract_html_url",
            ])
        })
        .or_else(|| ld.url.clone())
        .or_else(|| saved_from(doc))
        .map(|u| clip(&sanitize(&u)))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let language = doc
        .select("html")
        .nodes()
        .first()
        .and_then(|h| h.attr("lang").or_else(|| h.attr("xml:lang")))
        .map(|l| l.to_string())
        .or_else(|| m.first(&["citation_language", "dc.language"]))
        .and_then(|l| one(&l));
    Stated {
        title,
        author,
        date,
        description: m
            .first(&["description", "og:description", "dc.description"])
            .or(ld.description),
        source_url,
        language,
        ..Stated::default()
    }
}

/// `<meta>` name/property → content pairs, names lowercased.
struct Metas(Vec<(String, String)>);

impl Metas {
    fn of(doc: &Document) -> Self {
        let mut v = Vec::new();
        for n in doc.select("meta[content]").nodes() {
            let key = n
                .attr("name")
                .or_else(|| n.attr("property"))
                .or_else(|| n.attr("itemprop"));
            if let (Some(k), Some(c)) = (key, n.attr("content"))
                && let Some(c) = one(&c)
            {
                v.push((k.to_ascii_lowercase(), c));
            }
        }
        Self(v)
    }
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.0.iter().find(|(n, _)| n == k).map(|(_, c)| c.clone()))
    }
    fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == key)
            .map(|(_, c)| c.clone())
            .collect()
    }
}

/// The fields JSON-LD gives.
#[derive(Default)]
struct Ld {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    description: Option<String>,
    url: Option<String>,
}

fn json_ld(doc: &Document, page_title: Option<&str>) -> Ld {
    let mut out = Ld::default();
    for s in doc.select("script[type=\"application/ld+json\"]").nodes() {
        let text = s.text();
        if text.len() > MAX_JSON_LD {
            continue;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let mut items: Vec<&serde_json::Value> = Vec::new();
        collect_items(&v, &mut items, 0);
        for it in items {
            let ty = it
                .get("@type")
                .map(std::string::ToString::to_string)
                .unwrap_or_default();
            if ![
                "Article",
                "Posting",
                "Report",
                "Chapter",
                "Book",
                "WebPage",
                "CreativeWork",
            ]
            .iter()
            .any(|k| ty.contains(k))
            {
                continue;
            }
            let s = |k: &str| it.get(k).and_then(|x| x.as_str()).and_then(one);
            if out.title.is_none() {
                // Wikipedia's `headline` is its short description; the page
                // title says which of the two is the title.
                let (h, n) = (s("headline"), s("name"));
                out.title = match (&h, &n, page_title) {
                    (Some(_), Some(n), Some(t)) if t.starts_with(n.as_str()) => Some(n.clone()),
                    _ => h.or(n),
                };
            }
            out.date = out.date.or_else(|| s("datePublished"));
            out.description = out.description.or_else(|| s("description"));
            out.url = out.url.or_else(|| s("url"));
            if out.author.is_none() {
                let names = ld_names(it.get("author"));
                if !names.is_empty() {
                    out.author = Some(join_names(&names));
                }
            }
        }
    }
    out
}

fn collect_items<'v>(v: &'v serde_json::Value, out: &mut Vec<&'v serde_json::Value>, depth: u8) {
    if depth > 4 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_items(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                collect_items(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn ld_names(v: Option<&serde_json::Value>) -> Vec<String> {
    match v {
        Some(serde_json::Value::String(s)) => one(s).into_iter().collect(),
        Some(serde_json::Value::Object(o)) => o
            .get("name")
            .and_then(|n| n.as_str())
            .and_then(one)
            .into_iter()
            .collect(),
        Some(serde_json::Value::Array(a)) => a.iter().flat_map(|x| ld_names(Some(x))).collect(),
        _ => Vec::new(),
    }
}

/// `["Ann Smith", "Bo Li"]` → `"Ann Smith and Bo Li"`; `"Smith, Ann"` stays.
fn join_names(names: &[String]) -> String {
    let mut v: Vec<&str> = Vec::new();
    for n in names {
        if !v.contains(&n.as_str()) {
            v.push(n);
        }
    }
    clip(&v.join(" and "))
}

/// `<title>Foo - Wikipedia</title>` with `<h1>Foo</h1>` → `Foo`; a site
/// name after a separator is dropped.
fn trimmed_title(title: Option<&str>, h1: Option<&str>, site: Option<String>) -> Option<String> {
    let t = title?;
    if let Some(h) = h1
        && t.len() > h.len()
        && t.starts_with(h)
        && t[h.len()..]
            .trim_start()
            .starts_with(['-', '|', '—', '–', ':', '·'])
    {
        return Some(h.to_string());
    }
    // `Structure and Interpretation of Computer Programs, 2e: 2.4` over a
    // page headed `2.4 Multiple Representations…`: the heading is the title.
    if let Some(h) = h1 {
        for sep in [": ", " - ", " | ", " — ", " – "] {
            if let Some((_, tail)) = t.rsplit_once(sep)
                && !tail.trim().is_empty()
                && tail.len() <= 12
                && h.len() > tail.len()
                && h.starts_with(tail.trim())
                && h[tail.trim().len()..].starts_with(' ')
            {
                return Some(h.to_string());
            }
        }
    }
    if let Some(site) = site {
        for sep in [" - ", " | ", " — ", " – "] {
            if let Some(head) = t.strip_suffix(&format!("{sep}{site}")) {
                return Some(head.to_string());
            }
        }
    }
    // The site named by its host (`PEP 557 – Data Classes | peps.python.org`).
    for sep in [" | ", " - ", " — ", " – ", " · "] {
        if let Some((head, tail)) = t.rsplit_once(sep)
            && !head.trim().is_empty()
            && is_host(tail.trim())
        {
            return Some(head.trim_end().to_string());
        }
    }
    Some(t.to_string())
}

/// `peps.python.org`, `example.com`: a host name standing for a site.
fn is_host(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Internet Explorer's and Chrome's mark of a saved page,
/// `<!-- saved from url=(0044)https://… -->`, which `ibid add` writes too.
fn saved_from(doc: &Document) -> Option<String> {
    let root = doc.root();
    for n in root.descendants_it().take(64) {
        if n.is_comment() {
            let c = n.query(|d| match &d.data {
                dom_query::NodeData::Comment { contents } => Some(contents.to_string()),
                _ => None,
            });
            if let Some(c) = c.flatten()
                && let Some(i) = c.find("saved from url=")
            {
                let rest = &c[i + 15..];
                let rest = rest.split_once(')').map_or(rest, |(_, r)| r);
                return rest.split_whitespace().next().map(str::to_string);
            }
        }
    }
    None
}

/// `2013-11-11T09:00:00Z`, `2013/11/11`, `November 11, 2013`, `2013` → ISO.
#[must_use]
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let head: String = s
        .chars()
        .take(10)
        .map(|c| if c == '/' { '-' } else { c })
        .collect();
    let parts: Vec<&str> = head.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d, ..] if digits(y, 4) && digits(m, 2) && digits(&d[..d.len().min(2)], 2) => {
            Some(format!("{y}-{m}-{}", &d[..2]))
        }
        [y, m] if digits(y, 4) && digits(m, 2) => Some(format!("{y}-{m}")),
        [y] if digits(y, 4) && s.len() == 4 => Some((*y).to_string()),
        _ => metadata::find_date(s),
    }
}

/// Whitespace folded, sanitised, bounded; `None` when empty.
fn one(s: &str) -> Option<String> {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = clip(&sanitize(&folded));
    (!clean.is_empty()).then_some(clean)
}

fn clip(s: &str) -> String {
    if s.len() <= MAX_VALUE {
        return s.to_string();
    }
    let mut end = MAX_VALUE;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

#[cfg(test)]
mod tests;
