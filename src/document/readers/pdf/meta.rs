//! Stated metadata: the information dictionary and the XMP packet when they
//! hold real values (not a file name, a template's placeholder or a tool's
//! name), else the first page: its largest type is the title, the short
//! line under it the author.

use super::blocks::{Block, Kind};
use super::extract::Info;
use crate::document::readers::Stated;

/// Title, author and date for the reading.
#[must_use]
pub fn stated(info: &Info, blocks: &[Block]) -> Stated {
    let xmp = info.xmp.as_deref().unwrap_or("");
    let title = info
        .title
        .clone()
        .filter(|t| real_title(t))
        .or_else(|| xmp_field(xmp, "dc:title").filter(|t| real_title(t)))
        .or_else(|| first_page_title(blocks).map(|(t, _)| t));
    let author = info
        .author
        .clone()
        .filter(|a| real_author(a))
        .or_else(|| xmp_field(xmp, "dc:creator").filter(|a| real_author(a)))
        .or_else(|| {
            first_page_title(blocks)
                .and_then(|(_, a)| a)
                .and_then(|a| without_date(&a))
                .filter(|a| real_author(a))
        });
    // A date the first page prints (`Filed 11 February 2022`, `Decided June
    // 13, 2013`, a cover's `December 19, 2019`) is the document's; the
    // file's creation date is when it was made (often a day off, or years).
    let date = printed_date(blocks)
        .or_else(|| info.created.as_deref().and_then(pdf_date))
        .or_else(|| xmp_value(xmp, "xmp:CreateDate").and_then(|d| iso_prefix(&d)));
    Stated {
        title: title.map(|t| crate::document::clean::sanitize(&super::text::normalise(&t))),
        author: author.map(|a| crate::document::clean::sanitize(&a)),
        date,
        description: info
            .subject
            .clone()
            .filter(|s| s.len() > 10)
            .map(|s| crate::document::clean::sanitize(&s)),
        ..Stated::default()
    }
}

fn real_title(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    l.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && ![
            "untitled",
            "title",
            "document",
            "microsoft word",
            "slide 1",
            "no title",
        ]
        .iter()
        .any(|w| l == *w || l.starts_with("microsoft word -"))
        && ![
            ".doc", ".docx", ".pdf", ".tex", ".dvi", ".indd", ".rtf", ".odt", ".qxd",
        ]
        .iter()
        .any(|e| l.ends_with(e))
}

fn real_author(a: &str) -> bool {
    let l = a.trim().to_lowercase();
    l.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && ![
            "user",
            "admin",
            "administrator",
            "owner",
            "unknown",
            "author",
            "default",
            "windows user",
            "microsoft office user",
            "office user",
            "microsoft user",
            "apple user",
        ]
        .contains(&l.as_str())
}

/// The author line under a title without a date it carries (`Your Name
/// January 3, 2024` → `Your Name`); `None` when nothing else is left
/// (`Updated April 21, 2026` is a dateline).
fn without_date(a: &str) -> Option<String> {
    if crate::document::metadata::find_date(a).is_none() {
        return Some(a.to_string());
    }
    let words: Vec<&str> = a.split_whitespace().collect();
    let start = words.iter().position(|w| {
        crate::document::metadata::month(w.trim_end_matches([',', '.'])).is_some()
            || w.starts_with(|c: char| c.is_ascii_digit())
    })?;
    let head = words[..start].join(" ");
    // Nothing left but a cue (`Updated April 21, 2026` is a dateline).
    (!head.is_empty() && !crate::document::front::is_date_cue(&head)).then_some(head)
}

/// The date the first page prints: after a cue word (`Filed`, `Decided`,
/// `Updated`) anywhere on it, else a line that is a date and nothing more.
fn printed_date(blocks: &[Block]) -> Option<String> {
    let first = blocks.first()?.page();
    let lines = || {
        blocks
            .iter()
            .filter(|b| b.page() == first)
            .flat_map(|b| b.lines.iter().map(|l| l.line.text.as_str()))
    };
    let cued = lines().find_map(crate::document::front::cued_date);
    cued.or_else(|| {
        lines().find_map(|t| {
            let t = t.trim();
            let date = crate::document::metadata::find_date(t)?;
            // Nothing but the date (and a weekday).
            let words = t.split_whitespace().count();
            (words <= 4 && t.len() <= 30).then_some(date)
        })
    })
}

/// `D:20240103083826Z` → `2024-01-03`.
fn pdf_date(d: &str) -> Option<String> {
    let d = d.trim().strip_prefix("D:").unwrap_or(d.trim());
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return None;
    }
    let y = &digits[..4];
    if !("1900".."2200").contains(&y) {
        return None;
    }
    Some(match digits.len() {
        4..=5 => y.to_string(),
        6..=7 => format!("{y}-{}", &digits[4..6]),
        _ => format!("{y}-{}-{}", &digits[4..6], &digits[6..8]),
    })
}

fn iso_prefix(d: &str) -> Option<String> {
    let d = d.trim();
    let ok = d.len() >= 4 && d[..4].bytes().all(|b| b.is_ascii_digit());
    ok.then(|| d.chars().take(10).collect())
}

/// The first `<rdf:li>` inside `<tag>`, or the tag's text.
fn xmp_field(xmp: &str, tag: &str) -> Option<String> {
    let start = xmp.find(&format!("<{tag}"))?;
    let end = xmp[start..]
        .find(&format!("</{tag}>"))
        .map_or(xmp.len(), |e| start + e);
    let inner = &xmp[start..end];
    let li = inner
        .find("<rdf:li")
        .and_then(|i| inner[i..].find('>').map(|j| i + j + 1));
    let body = match li {
        Some(s) => &inner[s..inner[s..].find("</rdf:li>").map_or(inner.len(), |e| s + e)],
        None => inner.find('>').map_or("", |s| &inner[s + 1..]),
    };
    let v = unescape(body.trim());
    (!v.is_empty() && !v.contains('<')).then_some(v)
}

/// An attribute `tag="v"` or element `<tag>v</tag>`.
fn xmp_value(xmp: &str, tag: &str) -> Option<String> {
    if let Some(i) = xmp.find(&format!("{tag}=\"")) {
        let s = i + tag.len() + 2;
        return xmp[s..].find('"').map(|e| xmp[s..s + e].to_string());
    }
    xmp_field(xmp, tag)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The first page's largest heading, and the short block under it as author.
fn first_page_title(blocks: &[Block]) -> Option<(String, Option<String>)> {
    let first: Vec<(usize, &Block)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            b.page() == blocks.first().map_or(1, Block::page) && !b.furniture() && !b.foot()
        })
        .collect();
    let (i, t) = first
        .iter()
        .filter(|(_, b)| matches!(b.kind, Kind::Heading(_)) && b.lines.len() <= 3)
        .max_by(|a, b| a.1.size().total_cmp(&b.1.size()).then(b.0.cmp(&a.0)))?;
    let mut text = join(t);
    // A title ending in a colon goes on in the block under it (its
    // subtitle, often in smaller type); the author comes after.
    let mut i = *i;
    if text.ends_with(':')
        && let Some(b) = blocks
            .get(i + 1)
            .filter(|b| b.page() == t.page() && b.lines.len() <= 2)
    {
        text.push(' ');
        text.push_str(&join(b));
        i += 1;
    }
    let author = blocks.get(i + 1).and_then(|b| {
        let a = join(b);
        let words = a.split_whitespace().count();
        (b.page() == t.page()
            && (2..=12).contains(&words)
            && !a.ends_with('.')
            && b.lines.len() <= 2
            && a.split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                * 2
                >= words)
            .then_some(a)
    });
    Some((text, author))
}

fn join(b: &Block) -> String {
    b.lines
        .iter()
        .map(|l| l.line.text.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_xmp() {
        assert_eq!(pdf_date("D:20240103083826Z").as_deref(), Some("2024-01-03"));
        assert_eq!(pdf_date("D:2021").as_deref(), Some("2021"));
        assert_eq!(pdf_date("garbage"), None);
        let x = r#"<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Salmon &amp; Ice</rdf:li></rdf:Alt></dc:title> xmp:CreateDate="2020-05-01T10:00:00""#;
        assert_eq!(xmp_field(x, "dc:title").as_deref(), Some("Salmon & Ice"));
        assert_eq!(
            xmp_value(x, "xmp:CreateDate")
                .and_then(|d| iso_prefix(&d))
                .as_deref(),
            Some("2020-05-01")
        );
        assert!(!real_title("Microsoft Word - draft3.docx"));
        assert!(!real_author("Microsoft Office User"));
        assert_eq!(without_date("Updated April 21, 2026"), None);
        assert_eq!(
            without_date("Your Name January 3, 2024").as_deref(),
            Some("Your Name")
        );
        assert!(real_author("Valerie Heitshusen"));
        assert!(real_title("Salmon, Ice and Treaties"));
    }
}
