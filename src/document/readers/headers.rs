//! Header blocks plain-text documents open with, read as stated metadata and
//! hidden as masthead or licence furniture: Project Gutenberg's licence
//! header and footer (`Title:`, `Author:`, `Release Date:`), RFC 822-style
//! headers (PEPs: `PEP:`, `Title:`, `Author:`, `Created:`), and the first page
//! of an IETF RFC (authors and date in the right-hand column, then the
//! centred title).

use super::Stated;
use crate::document::Furniture;
use crate::document::metadata::{find_date, month};
use crate::document::raw::{Para, ParaKind};

/// Reads whichever header the paragraphs open with; marks its paragraphs
/// hidden and returns what it states plus the title paragraph, if any.
pub fn read(paras: &mut [Para<'_>], source: &str) -> (Stated, Option<usize>) {
    if let Some(found) = gutenberg(paras, source) {
        return found;
    }
    if let Some(found) = rfc_first_page(paras) {
        return found;
    }
    if let Some(found) = rfc_cover(paras) {
        return found;
    }
    if let Some(found) = rfc822(paras) {
        return (found, None);
    }
    (Stated::default(), None)
}

fn field<'a>(t: &'a str, key: &str) -> Option<&'a str> {
    let (k, v) = t.split_once(':')?;
    k.trim().eq_ignore_ascii_case(key).then(|| v.trim())
}

/// `05-Jul-2001`, `2001-07-05`, `July 5, 2001` → ISO.
pub(crate) fn date_of(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.split(['-', ' ']).collect();
    if let [d, m, y] = parts[..]
        && let (Ok(d), Some(m), Ok(y)) = (d.parse::<u32>(), month(m), y.parse::<u32>())
        && (1..=31).contains(&d)
        && y > 1000
    {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    find_date(v).or_else(|| month_year(v))
}

/// `June 1999` → `1999-06`.
fn month_year(v: &str) -> Option<String> {
    let mut w = v
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let (m, y) = (month(w.next()?)?, w.next()?.parse::<u32>().ok()?);
    (w.next().is_none() && (1000..3000).contains(&y)).then(|| format!("{y:04}-{m:02}"))
}

/// Project Gutenberg: everything up to the `*** START OF …` line and from the
/// `*** END OF …` line on is licence furniture.
fn gutenberg(paras: &mut [Para<'_>], source: &str) -> Option<(Stated, Option<usize>)> {
    let marks =
        |p: &Para, what: &str| licence_line(source.get(p.source.clone()).unwrap_or(&p.text), what);
    let start = paras.iter().take(200).position(|p| marks(p, "START OF"))?;
    let end = paras
        .iter()
        .rposition(|p| marks(p, "END OF"))
        .filter(|&e| e > start)
        .unwrap_or(paras.len());
    let mut stated = Stated::default();
    for p in &paras[..start] {
        let t = p.text.trim();
        // The title's first line; a second, indented line is a subtitle.
        let first = field(t, "title").and_then(|_| {
            let raw = source.get(p.source.clone())?;
            raw.lines()
                .next()
                .map(str::trim)
                .filter(|l| field(l, "title").is_some())
        });
        gutenberg_line(first.unwrap_or(t), &mut stated);
    }
    for p in &paras[..start] {
        gutenberg_title_line(p.text.trim(), &mut stated);
    }
    let n = paras.len();
    for i in (0..=start).chain(end..n) {
        paras[i].hidden = Some(Furniture::Licence);
    }
    hide_credits(&mut paras[start + 1..end]);
    Some((stated, None))
}

/// Hides the credit lines (`Produced by …`, `E-text prepared by …`) among
/// the first paragraphs after a Gutenberg start line. A transcriber's notes
/// are text for the reader; only the credits are furniture.
pub(crate) fn hide_credits(after_start: &mut [Para<'_>]) {
    for p in after_start.iter_mut().take(4) {
        let l = p.text.trim_start().to_lowercase();
        if l.starts_with("produced by")
            || l.starts_with("e-text prepared by")
            || l.starts_with("transcribed by") && l.len() < 200
        {
            p.hidden = Some(Furniture::Boilerplate);
        }
    }
}

/// True for a Project Gutenberg licence boundary (`*** START OF THE PROJECT
/// GUTENBERG EBOOK … ***`, `*END*THE SMALL PRINT!`) containing `what`.
pub(crate) fn licence_line(t: &str, what: &str) -> bool {
    let raw = t.trim_start();
    if !(raw.starts_with("***") || raw.starts_with("*END*")) {
        return false;
    }
    let u = raw.to_uppercase();
    u.len() < 300 && u.contains(what) && u.contains("PROJECT GUTENBERG")
}

/// What one line of a Project Gutenberg header states (`Title:`, `Author:`,
/// `Release Date:`, `Language:`), kept where `stated` has nothing yet. Shared by the plain-text and
/// HTML editions.
pub(crate) fn gutenberg_line(t: &str, stated: &mut Stated) {
    if let Some(v) = field(t, "title") {
        stated.title.get_or_insert_with(|| v.to_string());
    } else if let Some(v) = field(t, "author") {
        stated.author.get_or_insert_with(|| v.to_string());
    } else if let Some(v) = field(t, "release date").or_else(|| field(t, "posting date")) {
        let v = v.split('[').next().unwrap_or(v).trim();
        if let Some(d) = date_of(v) {
            stated.date.get_or_insert(d);
        }
    } else if let Some(v) = field(t, "language") {
        stated.language.get_or_insert_with(|| v.to_string());
    }
}

/// Title and author from `The Project Gutenberg eBook of X, by Y`, for a
/// header without `Title:`/`Author:` fields (the fields win: this line is
/// often cut or wrapped).
pub(crate) fn gutenberg_title_line(t: &str, stated: &mut Stated) {
    let Some(rest) = t
        .strip_prefix("The Project Gutenberg EBook of ")
        .or_else(|| t.strip_prefix("The Project Gutenberg eBook of "))
    else {
        return;
    };
    let rest = rest.split(". This eBook").next().unwrap_or(rest);
    if let Some((title, by)) = rest.rsplit_once(", by ") {
        stated.title.get_or_insert_with(|| title.trim().to_string());
        stated
            .author
            .get_or_insert_with(|| by.trim().trim_end_matches('.').to_string());
    } else {
        stated.title.get_or_insert_with(|| rest.trim().to_string());
    }
}

/// `Key: value` header lines at the very top (three or more, one of them a
/// title or a date), with indented continuation lines: a PEP's header, a
/// case-law page's `Court:` / `Docket Number(s):` / `Date:`.
fn rfc822(paras: &mut [Para<'_>]) -> Option<Stated> {
    let is_field = field_line;
    let n = paras
        .iter()
        .take_while(|p| {
            p.kind == ParaKind::Unknown && is_field(&p.text)
                || p.source.start > 0
                    && p.text.starts_with(|c: char| c.is_uppercase())
                    && !is_field(&p.text)
                    && p.text.contains('@')
        })
        .count();
    let stating = |p: &Para| {
        field(&p.text, "title")
            .or_else(|| field(&p.text, "date"))
            .is_some()
    };
    if n < 3 || !paras[..n].iter().any(stating) {
        return None;
    }
    let mut stated = Stated::default();
    let mut authors: Vec<String> = Vec::new();
    let mut in_author = false;
    for p in &mut paras[..n] {
        let t = p.text.trim();
        p.hidden = Some(Furniture::Masthead);
        let value = if let Some(v) = field(t, "title") {
            stated.title = Some(v.to_string());
            in_author = false;
            continue;
        } else if let Some(v) = field(t, "author").or_else(|| field(t, "authors")) {
            in_author = true;
            v
        } else if let Some(v) = field(t, "created").or_else(|| field(t, "date")) {
            stated.date = date_of(v);
            in_author = false;
            continue;
        } else if is_field(t) {
            in_author = false;
            continue;
        } else if in_author {
            t
        } else {
            continue;
        };
        for a in value.split(',') {
            let name = a
                .split('<')
                .next()
                .unwrap_or(a)
                .split('(')
                .next()
                .unwrap_or(a)
                .trim();
            if !name.is_empty() {
                authors.push(name.to_string());
            }
        }
    }
    if !authors.is_empty() {
        stated.author = Some(authors.join(", "));
    }
    Some(stated)
}

/// True for a header field's name: one to three capitalised words of
/// letters, digits, hyphens and parentheses (`Title`, `Content-Type`,
/// `Docket Number(s)`).
#[must_use]
pub fn field_name(k: &str) -> bool {
    !k.is_empty()
        && k.split(' ').count() <= 3
        && k.split(' ')
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ' ' | '(' | ')'))
}

/// Longest field name of a `Key: value` line, in bytes.
const MAX_FIELD: usize = 24;

/// True for a `Key: value` header line (`Title: …`, `Docket Number(s): …`):
/// the one test the plain reader, the preformatted shapes and the header
/// readers share.
#[must_use]
pub fn field_line(t: &str) -> bool {
    // A field name starts with a capital, and its `: ` comes within
    // MAX_FIELD bytes: most lines are told by their first bytes.
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let head = &b[..b.len().min(MAX_FIELD + 2)];
    head.windows(2).position(|w| w == b": ").is_some_and(|at| {
        let (k, v) = (&t[..at], &t[at + 2..]);
        !v.trim().is_empty() && field_name(k)
    })
}

/// True for an initialised name (`R. Fielding`, `T. Berners-Lee, Ed.`).
fn initialled_name(t: &str) -> bool {
    let t = t.trim_end_matches(", Ed.").trim_end_matches(" Ed.");
    let mut words = t.split_whitespace().peekable();
    let mut initials = 0;
    while let Some(w) = words.peek() {
        if w.len() <= 4 && w.ends_with('.') && w.starts_with(|c: char| c.is_uppercase()) {
            initials += 1;
            words.next();
        } else {
            break;
        }
    }
    let rest: Vec<&str> = words.collect();
    initials >= 1
        && !rest.is_empty()
        && rest.len() <= 3
        && rest
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// The first page of an IETF RFC or Internet-Draft: a column-aligned block
/// (`Network Working Group      R. Fielding`) and the title after it.
fn rfc_first_page(paras: &mut [Para<'_>]) -> Option<(Stated, Option<usize>)> {
    let head = paras.first()?;
    // (A saved tools page puts its link bar first.)
    let first = head
        .text
        .lines()
        .find(|l| !link_bar(l) && !l.trim().is_empty())?
        .trim_start()
        .to_lowercase();
    let known = [
        "network working group",
        "internet engineering task force",
        "internet architecture board",
        "independent submission",
        "internet research task force",
        "request for comments:",
        "internet-draft",
        "internet draft",
    ];
    if head.kind != ParaKind::Code || !known.iter().any(|k| first.starts_with(k)) {
        return None;
    }
    let mut stated = Stated::default();
    let mut authors = Vec::new();
    for line in head.text.lines() {
        let t = line.trim_end();
        let Some(gap) = t.rfind("   ") else { continue };
        let right = t[gap..].trim();
        if initialled_name(right) {
            authors.push(right.to_string());
        } else if let Some(d) = month_year(right).or_else(|| find_date(right)) {
            stated.date = Some(d);
        }
    }
    if !authors.is_empty() {
        stated.author = Some(authors.join(", "));
    }
    // The header block stays visible, as the RFC prints it.
    let title = paras.iter().enumerate().skip(1).take(3).find(|(_, p)| {
        let t = p.text.trim();
        let l = t.to_lowercase();
        !t.is_empty()
            && t.chars().count() <= 120
            && !l.starts_with("status of")
            && !l.starts_with("abstract")
    });
    let title_at = title.map(|(i, p)| {
        stated.title = Some(p.text.split_whitespace().collect::<Vec<_>>().join(" "));
        i
    });
    Some((stated, title_at))
}

/// A line of a saved web page's link bar: bracketed words only
/// (`[Search] [txt|html|pdf|with errata|bibtex] [Tracker] [Email]`).
fn link_bar(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('[')
        && t.ends_with(']')
        && t.matches('[').count() >= 3
        && t.split(']')
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .all(|g| g.starts_with('[') && !g[1..].contains('['))
}

/// The cover page of an early RFC (1970s–1981): no column-aligned header,
/// but a line `RFC:  791` near the top, the centred title after it and the
/// month and year on the cover. A saved page's link bar and its `Updated
/// by:` lines before it are masthead furniture.
fn rfc_cover(paras: &mut [Para<'_>]) -> Option<(Stated, Option<usize>)> {
    let at = paras.iter().take(4).position(|p| {
        p.text.lines().any(|l| {
            let l = l.trim();
            l.strip_prefix("RFC:")
                .or_else(|| l.strip_prefix("RFC #"))
                .or_else(|| l.strip_prefix("RFC "))
                .is_some_and(|n| {
                    let n = n.trim();
                    !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit())
                })
        })
    })?;
    for p in &mut paras[..=at] {
        p.hidden = Some(Furniture::Masthead);
    }
    let mut stated = Stated::default();
    let title_at = (at + 1..paras.len().min(at + 4)).find(|&i| {
        let t = paras[i].text.trim();
        !t.is_empty() && t.chars().count() <= 80 && month_year(t).is_none()
    });
    if let Some(i) = title_at {
        stated.title = Some(
            paras[i]
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    stated.date = paras
        .iter()
        .skip(at + 1)
        .take(12)
        .find_map(|p| month_year(p.text.trim()));
    Some((stated, title_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_early_rfc_cover_gives_title_and_date() {
        let mut paras = crate::document::raw::test_paras(&[
            "[Search] [txt|html|pdf|with errata|bibtex] [Tracker] [Email] [Diff1]\nUpdated by: 1349, 2474\nRFC:  791",
            "INTERNET PROTOCOL",
            "DARPA INTERNET PROGRAM",
            "September 1981",
            "prepared for",
        ]);
        let (stated, title) = rfc_cover(&mut paras).expect("a cover");
        assert_eq!(title, Some(1));
        assert_eq!(stated.title.as_deref(), Some("INTERNET PROTOCOL"));
        assert_eq!(stated.date.as_deref(), Some("1981-09"));
        assert!(paras[0].hidden.is_some());
        assert!(link_bar("[Search] [txt|html|pdf] [Tracker]"));
        assert!(!link_bar("[1] Cerf, V. [2] BBN [3] Postel"));
        let mut plain = crate::document::raw::test_paras(&["A title", "Some text about RFC 791."]);
        assert!(rfc_cover(&mut plain).is_none());
    }

    #[test]
    fn dates_and_names() {
        assert_eq!(date_of("05-Jul-2001").as_deref(), Some("2001-07-05"));
        assert_eq!(month_year("June 1999").as_deref(), Some("1999-06"));
        assert!(initialled_name("R. Fielding"));
        assert!(initialled_name("T. Berners-Lee"));
        assert!(initialled_name("J. Gettys"));
        assert!(!initialled_name("UC Irvine"));
        assert!(!initialled_name("Compaq/W3C"));
    }
}
