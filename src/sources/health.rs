//! Citation health checks over plain marker and note data: missing links, order, unresolved `op. cit.`, duplicate notes and suspicious URLs; serialisable for `ibid inspect`.

use super::parse::{has_op_cit, is_ibid};
use super::text::clean;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One body marker in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HealthMarker {
    /// The marker's label as printed (`"12"`).
    pub label: String,
    /// 0-based index of the note it links to, `None` if it links nowhere.
    pub note: Option<usize>,
}

/// One note as the health check needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HealthNote {
    /// The note's label as printed.
    pub label: String,
    /// The note's text, label stripped.
    pub text: String,
    /// 0-based index of the note an `Ibid.`/`op. cit.` resolves to.
    pub refers_to: Option<usize>,
    /// Set by the caller when it could not resolve an `Ibid.`/`op. cit.`.
    pub unresolved: bool,
}

/// One kind of problem: how many, which labels, and a short detail per
/// item where useful (a URL and why it is suspicious, `"5 = 1"`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Finding {
    /// Number of items found (equals `labels.len()`).
    pub count: usize,
    /// Marker or note labels involved, in reading order.
    pub labels: Vec<String>,
    /// Human-readable detail per item, same order as `labels`; may be empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

impl Finding {
    fn push(&mut self, label: &str, detail: Option<String>) {
        self.count += 1;
        self.labels.push(label.to_string());
        if let Some(d) = detail {
            self.details.push(d);
        }
    }
}

/// Health of an article's citations, shown as `health` in `ibid inspect`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Health {
    /// Markers that link to no note (marker labels).
    pub markers_without_note: Finding,
    /// Notes no marker links to (note labels).
    pub notes_without_marker: Finding,
    /// Markers pointing to a note earlier than one already cited, the first
    /// time that note is cited (marker labels).
    pub markers_out_of_order: Finding,
    /// `op. cit.` / `Ibid.` notes with no resolved target (note labels).
    pub unresolved_op_cit: Finding,
    /// Notes word-for-word identical to an earlier note, `Ibid.`/`op. cit.`
    /// excepted (note labels; detail `"later = earlier"`).
    pub duplicate_notes: Finding,
    /// Malformed URLs, and `http` URLs whose host is cited with `https`
    /// elsewhere (note labels; detail `"url: reason"`).
    pub suspicious_urls: Finding,
}

impl Health {
    /// True when no check found anything.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        [
            &self.markers_without_note,
            &self.notes_without_marker,
            &self.markers_out_of_order,
            &self.unresolved_op_cit,
            &self.duplicate_notes,
            &self.suspicious_urls,
        ]
        .iter()
        .all(|f| f.count == 0)
    }
}

/// Runs every check. `markers` are in reading order; note indices are
/// 0-based positions in `notes`.
#[must_use]
pub fn check_health(markers: &[HealthMarker], notes: &[HealthNote]) -> Health {
    let mut h = Health::default();
    let mut cited = HashSet::new();
    let mut max_seen: Option<usize> = None;
    for m in markers {
        let Some(n) = m.note else {
            h.markers_without_note.push(&m.label, None);
            continue;
        };
        if max_seen.is_some_and(|mx| n < mx) && !cited.contains(&n) {
            h.markers_out_of_order.push(&m.label, None);
        }
        cited.insert(n);
        max_seen = max_seen.max(Some(n));
    }
    for (i, n) in notes.iter().enumerate() {
        if !cited.contains(&i) {
            h.notes_without_marker.push(&n.label, None);
        }
    }
    let mut seen: Vec<(String, &str)> = Vec::new();
    for n in notes {
        let text = clean(&n.text);
        let back_ref = is_ibid(&text) || has_op_cit(&text);
        if n.unresolved || (back_ref && n.refers_to.is_none()) {
            h.unresolved_op_cit.push(&n.label, None);
        }
        if back_ref || text.is_empty() {
            continue;
        }
        if let Some((_, earlier)) = seen.iter().find(|(t, _)| *t == text) {
            let detail = format!("{} = {earlier}", n.label);
            h.duplicate_notes.push(&n.label, Some(detail));
        } else {
            seen.push((text, n.label.as_str()));
        }
    }
    check_urls(notes, &mut h.suspicious_urls);
    h
}

/// Scheme and host (without `www.`) of a URL, or why it is malformed.
fn parse_url(url: &str) -> Result<(&str, String), &'static str> {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s, r),
        None if url.starts_with("www.") => ("", url),
        None => return Err("malformed scheme"),
    };
    if !scheme.is_empty() && scheme != "http" && scheme != "https" {
        return Err("unknown scheme");
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || "<>\"“”".contains(c))
    {
        return Err("invalid character");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).to_lowercase();
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    let tld_ok = host
        .rsplit('.')
        .next()
        .is_some_and(|t| t.chars().all(char::is_alphabetic) && t.len() >= 2);
    if host.is_empty() || !host.contains('.') || !labels_ok || !tld_ok {
        return Err("malformed host");
    }
    let bare_host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    Ok((scheme, bare_host))
}

/// Whitespace-separated tokens that look meant as URLs (`http…`, `www.`,
/// or containing `://`), brackets and trailing punctuation removed.
fn url_like_tokens(text: &str) -> Vec<String> {
    clean(text)
        .split_whitespace()
        .map(|t| {
            t.trim_start_matches(['<', '(', '"', '“'])
                .trim_end_matches(['>', '.', ',', ';', ')', '"', '”'])
        })
        .filter(|t| {
            let l = t.to_lowercase();
            l.starts_with("http") || l.starts_with("www.") || l.contains("://")
        })
        .map(str::to_string)
        .collect()
}

fn check_urls(notes: &[HealthNote], out: &mut Finding) {
    let mut found: Vec<(&str, String)> = Vec::new();
    for n in notes {
        for url in url_like_tokens(&n.text) {
            found.push((n.label.as_str(), url));
        }
    }
    let https_hosts: HashSet<String> = found
        .iter()
        .filter_map(|(_, u)| match parse_url(u) {
            Ok(("https", host)) => Some(host),
            _ => None,
        })
        .collect();
    for (label, url) in &found {
        match parse_url(url) {
            Err(why) => out.push(label, Some(format!("{url}: {why}"))),
            Ok(("http", host)) if https_hosts.contains(&host) => {
                out.push(
                    label,
                    Some(format!("{url}: http, but {host} is cited with https")),
                );
            }
            Ok(_) => {}
        }
    }
}
