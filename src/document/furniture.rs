//! Page furniture: running headers and page numbers, pull quotes that repeat
//! the body, publisher boilerplate and credits.

use super::Furniture;
use super::raw::Para;
use rustc_hash::FxHashMap as HashMap;

mod boilerplate;
mod same_text;
use boilerplate::is_boilerplate;
pub use same_text::SameText;

/// Normalises text for comparisons: lower case, letters and digits only,
/// single spaces.
#[must_use]
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x.is_ascii() {
            if x.is_ascii_alphanumeric() {
                out.push(char::from(x.to_ascii_lowercase()));
                space = false;
            } else if !space && matches!(x, b' ' | b'\t' | b'\n' | b'-' | b'/') {
                out.push(' ');
                space = true;
            }
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space && (c.is_whitespace() || matches!(c, '–' | '—')) {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A page number line: `12`, `- 12 -`, `Page 3`, `3 of 10`.
fn is_page_number(t: &str) -> bool {
    if t.len() > 24 {
        return false;
    }
    let t = t.trim().trim_matches(['-', '–', ' ']);
    let lower = t.to_lowercase();
    let lower = lower.strip_prefix("page ").unwrap_or(&lower);
    let parts: Vec<&str> = lower.split(" of ").collect();
    !lower.is_empty()
        && parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A page-break line: `[Page 5]`, an RFC footer ending in `[Page 5]`,
/// Gutenberg's `[Pg 12]`, or a page number alone.
pub(crate) fn is_page_break(t: &str) -> bool {
    let t = t.trim();
    if t.len() > 120 {
        return false;
    }
    // `[Pg 12]` alone, or at the end of a footer set in columns (`Fielding,
    // et al.    Standards Track    [Page 5]`); a sentence ending on a page
    // number is text.
    let (head, tail) = match t.rsplit_once('[') {
        Some((h, r)) => (h, Some(r)),
        None => (t, None),
    };
    let footer = head.trim().is_empty() || head.contains("   ");
    let bracketed = footer
        && tail.is_some_and(|r| {
            let r = r.trim_end_matches(']');
            let r = r
                .strip_prefix("Page ")
                .or_else(|| r.strip_prefix("Pg "))
                .or_else(|| r.strip_prefix("pg "))
                .or_else(|| r.strip_prefix("p. "));
            t.ends_with(']')
                && r.is_some_and(|n| {
                    !n.is_empty() && n.len() <= 5 && n.chars().all(|c| c.is_ascii_alphanumeric())
                })
        });
    bracketed || is_page_number(t)
}

/// Phrases of web navigation (lower case).
const PHRASES: &[&str] = &[
    "jump to navigation",
    "jump to search",
    "donate to wikipedia",
    "create account",
    "[unknown input type]",
    "navigation menu",
    "personal tools",
    "not logged in",
    "talk contributions",
    "what links here",
    "related changes",
    "permanent link",
    "page information",
    "cite this page",
    "download as pdf",
    "printable version",
    "edit links",
];

/// Navigation a web page leaves in a copy or a text-browser dump of it
/// (Wikipedia's `Jump to navigation`, `Create account`, search boxes).
pub(crate) fn is_web_chrome(t: &str) -> bool {
    const LINES: &[&str] = &[
        "namespaces",
        "variants",
        "views",
        "more",
        "navigation",
        "interaction",
        "tools",
        "print/export",
        "languages",
        "in other projects",
        "contribute",
        "edit links",
    ];
    static AC: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(PHRASES).ok());
    let t = t.trim();
    // Cheap tests first: chrome is short, and is checked on every line.
    if t.len() > 160 || t.len() < 4 {
        return false;
    }
    if t.len() <= 20 && LINES.iter().any(|l| l.eq_ignore_ascii_case(t)) {
        return true;
    }
    if !t.contains(['_', ' ', ']']) && t.len() > 40 {
        return false;
    }
    // Lower-cased into a buffer on the stack (`_` read as a space), then
    // every phrase looked for at once.
    let mut buf = [0u8; 160];
    let lower = &mut buf[..t.len()];
    for (d, &s) in lower.iter_mut().zip(t.as_bytes()) {
        *d = if s == b'_' {
            b' '
        } else {
            s.to_ascii_lowercase()
        };
    }
    match &*AC {
        Some(ac) => ac.is_match(&*lower),
        None => PHRASES
            .iter()
            .any(|p| lower.windows(p.len()).any(|w| w == p.as_bytes())),
    }
}

/// A running header: `Publication | date` or `Title | page`, short.
fn is_running_header(t: &str, publication: Option<&str>) -> bool {
    static BAR: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" | "));
    if t.len() > 400 || BAR.find(t.as_bytes()).is_none() || t.chars().count() > 100 {
        return false;
    }
    let parts: Vec<&str> = t.split(" | ").collect();
    parts.len() >= 2
        && parts.iter().any(|p| {
            super::metadata::find_date(p).is_some()
                || is_page_number(p)
                || publication.is_some_and(|pb| normalise(p) == normalise(pb))
        })
}

/// For each paragraph, whether it is a short line that recurs three or more
/// times in the document (a running header or footer candidate).
#[must_use]
pub fn repeated_lines(same: &SameText) -> Vec<bool> {
    same.counts(|_| true).into_iter().map(|n| n >= 3).collect()
}

/// Marks page furniture among `paras` (only those with `body[i]` true).
/// `publication` helps recognise running headers.
#[must_use]
pub fn find(
    paras: &[Para],
    body: &[bool],
    publication: Option<&str>,
    same: &SameText,
) -> Vec<Option<Furniture>> {
    let mut out = vec![None; paras.len()];
    // How often each paragraph's text recurs in the body.
    let counts = same.counts(|i| body[i]);
    let heads = super::page_heads::page_heads(paras, body);
    // The two tests that read only the paragraph's own text, on two cores
    // for a big text: (web chrome, boilerplate).
    let bytes = paras.iter().map(|p| p.text.len()).sum();
    let own = super::par::map(paras.len(), bytes, |i| {
        let t = paras[i].text.trim();
        let chrome = body[i] && is_web_chrome(t);
        (chrome, body[i] && !chrome && is_boilerplate(t))
    });
    let mut norm: Vec<Option<String>> = vec![None; paras.len()];
    // Page-break lines among the body, each tested once when first asked
    // (near_page_break looks at each paragraph's neighbours as well).
    let mut breaks = Breaks {
        paras,
        body,
        known: vec![None; paras.len()],
    };
    for (i, p) in paras.iter().enumerate() {
        if !body[i] {
            continue;
        }
        let t = p.text.trim();
        out[i] = if super::structure::is_illustration(t) {
            // A picture's place in the text, however often it recurs.
            None
        } else if breaks.at(i) {
            Some(Furniture::PageBreak)
        } else if own[i].0 {
            Some(Furniture::WebChrome)
        } else if heads[i]
            || is_running_header(t, publication)
            || (counts[i] >= 3 && near_page_break(paras, &mut breaks, i))
        {
            Some(Furniture::RunningHeader)
        } else if is_pull_quote(paras, body, i, &mut norm) {
            Some(Furniture::PullQuote)
        } else if own[i].1 {
            Some(Furniture::Boilerplate)
        } else {
            None
        };
    }
    // A running header seen at two page breaks is one everywhere it recurs
    // (the first page's copy stands at the top of the text, by no break).
    let mut at_breaks: HashMap<&str, usize> = HashMap::default();
    for (p, f) in paras.iter().zip(&out) {
        if *f == Some(Furniture::RunningHeader) {
            *at_breaks.entry(p.text.trim()).or_default() += 1;
        }
    }
    for ((p, f), b) in paras.iter().zip(out.iter_mut()).zip(body) {
        let t = p.text.trim();
        if *b
            && f.is_none()
            && p.text.len() <= 200
            && !t.ends_with(':')
            && at_breaks.get(t).is_some_and(|&n| n >= 2)
        {
            *f = Some(Furniture::RunningHeader);
        }
    }
    out
}

/// True when a repeated line stands at a page break: next to a page-break
/// line, or between a paragraph cut mid-sentence and its continuation. A
/// line that merely recurs (`Correct:` labels, a section title used in
/// every chapter) is text, not furniture.
fn near_page_break(paras: &[Para], breaks: &mut Breaks, i: usize) -> bool {
    let lo = i.saturating_sub(2);
    let hi = (i + 3).min(paras.len());
    let by_break = (lo..hi).any(|j| j != i && breaks.at(j));
    // A line introducing what follows (`The value of the prime is:`) is
    // text; so is one after a heading (short, not cut mid-sentence).
    let cut = i > 0
        && i + 1 < paras.len()
        && !paras[i].text.trim_end().ends_with(':')
        && paras[i - 1].text.len() >= 60
        && paras[i - 1]
            .text
            .trim_end()
            .ends_with(|c: char| c.is_alphanumeric() || c == ',')
        && paras[i + 1].text.starts_with(char::is_lowercase);
    by_break || cut
}

/// Which body paragraphs are page-break lines, each found out once.
struct Breaks<'p, 'a> {
    paras: &'p [Para<'a>],
    body: &'p [bool],
    known: Vec<Option<bool>>,
}

impl Breaks<'_, '_> {
    fn at(&mut self, j: usize) -> bool {
        let (paras, body) = (self.paras, self.body);
        *self.known[j].get_or_insert_with(|| body[j] && is_page_break(paras[j].text.trim()))
    }
}

/// How many paragraphs away a pull quote's source may be.
const PULL_QUOTE_REACH: usize = 30;

/// A short paragraph in quotation marks whose words repeat inside another,
/// longer paragraph of the body nearby. Normalised texts are computed on
/// demand into `norm`.
fn is_pull_quote(paras: &[Para], body: &[bool], i: usize, norm: &mut [Option<String>]) -> bool {
    let t = paras[i].text.trim();
    if !t.starts_with(['“', '"', '‘', '\'', '«']) || !(30..=400).contains(&t.chars().count()) {
        return false;
    }
    let lo = i.saturating_sub(PULL_QUOTE_REACH);
    let hi = (i + PULL_QUOTE_REACH).min(paras.len());
    let me = normalise(t);
    if me.len() < 25 {
        return false;
    }
    (lo..hi).filter(|&j| j != i && body[j]).any(|j| {
        let other = norm[j].get_or_insert_with(|| normalise(&paras[j].text));
        other.len() > me.len() && other.contains(me.as_str())
    })
}

#[cfg(test)]
#[path = "furniture_tests.rs"]
mod tests;
