//! Date recognition for citation parts: turns `2 Nov, 2013`, `April 29, 2013`, `October 2003`, `Spring 1998` into ISO 8601 strings, keeping only the precision the text gives.

use crate::document::month;

const SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];

/// A four-digit year between 1000 and 2999.
fn year(word: &str) -> Option<u32> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok().filter(|y| (1000..3000).contains(y))
    } else {
        None
    }
}

/// A day of the month, `1`..`31`, optionally with an English ordinal suffix.
fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

/// An ISO date `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, validated.
fn iso(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.split('-').collect();
    let y = year(parts.first()?)?;
    match parts.len() {
        1 => Some(format!("{y:04}")),
        2 | 3 => {
            let m: u32 = parts[1].parse().ok().filter(|m| (1..=12).contains(m))?;
            if parts.len() == 2 {
                return Some(format!("{y:04}-{m:02}"));
            }
            let d: u32 = parts[2].parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// Parses a whole string as a date; `None` if anything but the date is
/// there. Accepted: `2 Nov 2013`, `2 Nov, 2013`, `April 29, 2013`,
/// `October 2003`, `Spring 1998`, `2013`, `2013-11-02`.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '*'))
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [one] => iso(one),
        [a, b] => {
            let y = year(b)?;
            if let Some(m) = month(a) {
                Some(format!("{y:04}-{m:02}"))
            } else if SEASONS.contains(&a.to_lowercase().as_str()) {
                Some(format!("{y:04}"))
            } else {
                None
            }
        }
        [a, b, c] => {
            let y = year(c)?;
            let (m, d) = match (month(a), month(b)) {
                (Some(m), None) => (m, day(b)?),
                (None, Some(m)) => (m, day(a)?),
                _ => return None,
            };
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// Splits an ISO date into its numeric parts (`[2013, 11, 2]`).
pub(crate) fn date_parts(iso_date: &str) -> Vec<i64> {
    iso_date
        .split('-')
        .map_while(|p| p.parse::<i64>().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(parse_date("2 Nov, 2013").as_deref(), Some("2013-11-02"));
        assert_eq!(parse_date("27 Sept, 2012").as_deref(), Some("2012-09-27"));
        assert_eq!(parse_date("April 29, 2013").as_deref(), Some("2013-04-29"));
        assert_eq!(parse_date("Spring 1998").as_deref(), Some("1998"));
        assert_eq!(parse_date("October 2003").as_deref(), Some("2003-10"));
        assert_eq!(
            parse_date("12 February 2013").as_deref(),
            Some("2013-02-12")
        );
        assert_eq!(parse_date("Vol.9"), None);
        assert_eq!(parse_date("Gross Domestic Product 2016"), None);
        assert_eq!(parse_date("Ma 2013"), None);
        assert_eq!(date_parts("2013-11-02"), vec![2013, 11, 2]);
    }
}
