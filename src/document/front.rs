//! Front matter: the title, byline, date and publication lines an article
//! opens with, and which of its first paragraphs are masthead rather than text.

use super::InlineKind;
use super::metadata::{clean_name, find_date, looks_like_name};
use super::raw::{Para, ParaKind};

/// What the opening paragraphs say.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Front {
    /// The title line's text.
    pub title: Option<String>,
    /// Author display name.
    pub author: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    /// Publication or series name.
    pub publication: Option<String>,
    /// Paragraph indices that are masthead (title, byline, dates…).
    pub masthead: Vec<usize>,
    /// The title line's paragraph (shown as the body's title).
    pub title_para: Option<usize>,
    /// The byline's paragraph (shown under the title).
    pub byline_para: Option<usize>,
}

/// How many opening paragraphs may be front matter.
const WINDOW: usize = 8;

/// True when a paragraph is running prose (ends the front matter).
fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    text.chars().count() > 150 || (text.trim_end().ends_with(['.', '!']) && words >= 6)
}

/// True for a line that could be a title: short, no sentence-final period.
#[must_use]
pub fn title_like(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (3..=200).contains(&n)
        && !t.ends_with(['.', ',', ';', ':'])
        && t.chars().any(char::is_alphabetic)
}

/// `2013-11-11 By Su Wang`, `BY STEPHEN BLANK`, `Author: J. Berkshire Miller`,
/// `*Dr. Indrani Talukdar**` → (author, date).
fn byline(p: &Para) -> Option<(String, Option<String>)> {
    let t = p.text.trim();
    let lower = t.to_ascii_lowercase();
    for prefix in [
        "author:",
        "authors:",
        "written by",
        "posted by",
        "byline:",
        "by:",
        "by ",
    ] {
        if let Some(pos) = lower.find(prefix) {
            let before = &t[..pos];
            let date = find_date(before);
            let before_ok = before.trim().is_empty() || date.is_some();
            let name = clean_name(&t[pos + prefix.len()..]);
            if before_ok && looks_like_name(&name)
                || before_ok && name.split_whitespace().count() == 1 && date.is_some()
            {
                return Some((name, date));
            }
        }
    }
    // A name set entirely in emphasis (`*Dr. Indrani Talukdar**`).
    let emphasised = p.inlines.iter().any(|(r, k)| {
        r.start == 0
            && r.end >= p.text.trim_end().len()
            && matches!(k, InlineKind::Emphasis | InlineKind::Strong)
    });
    let name = clean_name(t);
    (emphasised && looks_like_name(&name) && name.split_whitespace().count() <= 6)
        .then_some((name, None))
}

/// True for a bare web address line (`EastWestCenter.org/APB`).
fn is_address(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ')
        && t.contains('.')
        && [".org", ".com", ".net", ".edu", ".gov", "www.", "http"]
            .iter()
            .any(|p| t.to_lowercase().contains(p))
}

/// A date line: a date and little else (`Number 250 | March 6, 2014`).
fn date_line(text: &str) -> Option<String> {
    (text.chars().count() <= 60)
        .then(|| find_date(text))
        .flatten()
}

/// Reads the front matter of `paras`.
#[must_use]
pub fn read(paras: &[Para]) -> Front {
    let mut front = Front::default();
    // Paragraphs a reader already hid (a licence header) are not front matter.
    let skip = paras.iter().take_while(|p| p.hidden.is_some()).count();
    let window = skip
        + paras[skip..]
            .iter()
            .take(WINDOW)
            .take_while(|p| !is_prose(&p.text))
            .count();
    let mut title_like_idx: Vec<usize> = Vec::new();
    let mut byline_at = None;
    let mut date_at = None;
    for (i, p) in paras.iter().enumerate().take(window).skip(skip) {
        if p.hidden.is_some() || matches!(p.kind, ParaKind::Code | ParaKind::FootnoteDef(_)) {
            continue;
        }
        // The first top-level heading before any prose is the title.
        if let ParaKind::Heading(1) = p.kind
            && front.title.is_none()
            && byline_at.is_none()
        {
            front.title = Some(p.text.to_string());
            front.title_para = Some(i);
            front.masthead.push(i);
            continue;
        }
        if let Some((author, date)) = byline(p) {
            if front.author.is_none() {
                front.author = Some(author);
                byline_at = Some(i);
                front.byline_para = Some(i);
            }
            front.date = front.date.take().or(date);
            front.masthead.push(i);
        } else if let Some(date) = date_line(&p.text) {
            front.date.get_or_insert(date);
            date_at.get_or_insert(i);
            front.masthead.push(i);
        } else if is_address(&p.text) {
            front.masthead.push(i);
        } else if title_like(&p.text) && byline_at.is_none() {
            title_like_idx.push(i);
        }
    }
    if front.title.is_none() {
        let title_at = match byline_at {
            Some(b) => title_like_idx.iter().rev().find(|&&i| i < b).copied(),
            // Without a byline only an opening line directly followed by text.
            None => title_like_idx
                .first()
                .copied()
                .filter(|&i| i == skip && window <= skip + 2)
                // A title over its date (`Matter of X, Respondent` /
                // `Decided June 1, 2017`), under a running header.
                .or_else(|| {
                    let d = date_at?;
                    title_like_idx.iter().copied().find(|&i| i + 1 == d)
                }),
        };
        if let Some(t) = title_at {
            front.title_para = Some(t);
            front.title = Some(paras[t].text.trim().to_string());
            front.masthead.push(t);
            if let Some(&p) = title_like_idx.iter().find(|&&i| i < t) {
                front.publication = Some(paras[p].text.trim().to_string());
                front.masthead.push(p);
            }
        }
    }
    if front.date.is_none() {
        front.date = paras
            .iter()
            .skip(skip)
            .take(DECIDED_REACH)
            .find_map(|p| cued_date(&p.text));
    }
    front.masthead.sort_unstable();
    front.masthead.dedup();
    front
}

/// How many opening paragraphs may hold a court's decision date.
const DECIDED_REACH: usize = 60;

/// Words a document's own date follows.
const DATE_CUES: &[&str] = &[
    "decided",
    "filed",
    "dated",
    "date:",
    "issued",
    "published",
    "updated",
    "released",
];

/// True when `word` is one of the cues a document's date follows.
#[must_use]
pub fn is_date_cue(word: &str) -> bool {
    let w = word.trim().to_ascii_lowercase();
    DATE_CUES
        .iter()
        .any(|c| c.trim_end_matches(':') == w.trim_end_matches(':'))
}

/// The date after a cue word (`Argued October 10, 2012—Decided June 24,
/// 2013`, `Filed 11 February 2022`, `Updated April 21, 2026`), even inside
/// a preformatted header; the cue is a word of its own (not `profiled`).
#[must_use]
pub fn cued_date(text: &str) -> Option<String> {
    // ASCII lower case keeps every byte offset of `text`.
    let low = text.to_ascii_lowercase();
    DATE_CUES.iter().find_map(|c| {
        low.match_indices(c).find_map(|(at, _)| {
            let word = low[..at]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphabetic());
            let rest = &text[at + c.len()..];
            let end = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
            word.then(|| find_date(&rest[..end])).flatten()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::document::raw::test_paras as paras;

    const PROSE: &str = "This is a long paragraph of running prose that goes on for quite a while, as articles do, well past the length of any title line.";

    #[test]
    fn a_court_caption_gives_the_decision_date() {
        let f = read(&paras(&[
            "SUPREME COURT OF THE UNITED STATES",
            "Syllabus",
            "FISHER v. UNIVERSITY OF TEXAS AT AUSTIN ET AL.",
            "No. 11–345.      Argued October 10, 2012—Decided June 24, 2013",
            PROSE,
        ]));
        assert_eq!(f.date.as_deref(), Some("2013-06-24"));
    }

    #[test]
    fn dates_follow_their_cue_words() {
        assert_eq!(
            cued_date("Filed 11 February 2022").as_deref(),
            Some("2022-02-11")
        );
        assert_eq!(
            cued_date("Argued January 21, 2013—Decided June 13, 2013").as_deref(),
            Some("2013-06-13")
        );
        assert_eq!(cued_date("He profiled March 3, 2001 events"), None);
        // Non-ASCII before the cue keeps offsets (no panic, still found).
        assert_eq!(
            cued_date("İSTANBUL ŞUBESİ — Dated 2 May 2019").as_deref(),
            Some("2019-05-02")
        );
        assert!(is_date_cue("Updated") && !is_date_cue("Your Name"));
    }

    #[test]
    fn bulletin_masthead() {
        let f = read(&paras(&[
            "Asia Pacific Bulletin",
            "EastWestCenter.org/APB",
            "Number 250 | March 6, 2014",
            "Russia and Japan: Can Two-Plus-Two Equal More Than Four?",
            "BY STEPHEN BLANK",
            PROSE,
        ]));
        assert_eq!(
            f.title.as_deref(),
            Some("Russia and Japan: Can Two-Plus-Two Equal More Than Four?")
        );
        assert_eq!(f.author.as_deref(), Some("Stephen Blank"));
        assert_eq!(f.date.as_deref(), Some("2014-03-06"));
        assert_eq!(f.publication.as_deref(), Some("Asia Pacific Bulletin"));
        assert_eq!(f.masthead, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn title_over_its_date_under_a_running_header() {
        let f = read(&paras(&[
            "Cite as 27 I&N Dec. 48 (BIA 2017) Interim Decision #3894",
            "Matter of Enrique ALDAY-DOMINGUEZ, Respondent",
            "Decided June 1, 2017",
            "U.S. Department of Justice Executive Office for Immigration Review",
            PROSE,
        ]));
        assert_eq!(
            f.title.as_deref(),
            Some("Matter of Enrique ALDAY-DOMINGUEZ, Respondent")
        );
        assert_eq!(f.date.as_deref(), Some("2017-06-01"));
    }

    #[test]
    fn dated_byline_without_title() {
        let f = read(&paras(&[
            "2013-11-11 By Su Wang",
            "In November 2, Russia and Japan held their first 2+2 meeting in Tokyo.",
            PROSE,
        ]));
        assert_eq!(
            (f.author.as_deref(), f.date.as_deref(), f.title),
            (Some("Su Wang"), Some("2013-11-11"), None)
        );
    }

    #[test]
    fn title_then_emphasised_author() {
        let f = read(&paras(&[
            "A 'Reset' in Russia and Japan Relationship?",
            "*Dr. Indrani Talukdar**",
            PROSE,
        ]));
        assert_eq!(
            f.title.as_deref(),
            Some("A 'Reset' in Russia and Japan Relationship?")
        );
        assert_eq!(f.author.as_deref(), Some("Indrani Talukdar"));
    }

    #[test]
    fn a_heading_then_text_is_not_a_byline() {
        let f = read(&paras(&["Background", PROSE]));
        assert_eq!(f.title.as_deref(), Some("Background"));
        assert_eq!(f.author, None);
    }
}
