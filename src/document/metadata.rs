//! Reading dates and names as articles print them: ISO and written-out dates,
//! bylines in capitals or with honorifics, and a title derived from the text.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1–12) of an English month name or abbreviation (`Sept`, `Nov.`).
#[must_use]
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .and_then(|p| u32::try_from(p + 1).ok())
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1000..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Finds a full date in `s` and returns it as `YYYY-MM-DD`: `2013-11-11`,
/// `March 6, 2014`, `6 March 2014`, `2 Nov, 2013`, `Nov. 2, 2013`.
#[must_use]
pub fn find_date(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '|' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for w in &words {
        let parts: Vec<&str> = w.trim_end_matches(['.', ',']).split('-').collect();
        if let [y, m, d] = parts.as_slice()
            && y.len() == 4
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse())
            && let Some(iso) = valid(y, m, d)
        {
            return Some(iso);
        }
    }
    let num = |w: &str| {
        w.trim_end_matches([',', '.'])
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th")
            .parse::<u32>()
            .ok()
    };
    for i in 0..words.len() {
        if let Some(m) = month(words[i].trim_end_matches(',')) {
            // Month D, YYYY
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|w| num(w)),
                words.get(i + 2).and_then(|w| num(w)),
            ) && let Some(iso) = valid(y, m, d)
            {
                return Some(iso);
            }
            // D Month YYYY
            if let (Some(d), Some(y)) = (
                i.checked_sub(1).and_then(|j| num(words[j])),
                words.get(i + 1).and_then(|w| num(w)),
            ) && let Some(iso) = valid(y, m, d)
            {
                return Some(iso);
            }
        }
    }
    None
}

const HONORIFICS: &[&str] = &[
    "dr.",
    "dr",
    "prof.",
    "prof",
    "professor",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "sir",
];

/// Cleans a byline into a name: strips asterisks, honorifics and trailing
/// punctuation, and title-cases names printed in capitals.
#[must_use]
pub fn clean_name(s: &str) -> String {
    let s = s
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches([',', '.', ';']);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| HONORIFICS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    let joined = words.join(" ");
    if joined.chars().any(char::is_lowercase) {
        joined
    } else {
        title_case(&joined)
    }
}

/// `STEPHEN BLANK` → `Stephen Blank`.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            let mut run = 0;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                // Capitalise after a hyphen, and after O' / D' (one letter).
                start = !c.is_alphabetic() && (c != '\'' || run == 1);
                run = if c.is_alphabetic() { run + 1 } else { 0 };
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `s` looks like a person's name (or several): 2–8 words, each
/// capitalised or an initial, joined by `and`/`&`/commas.
#[must_use]
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            matches!(w, "and" | "&") || w.chars().next().is_some_and(char::is_uppercase)
        })
        && !s.ends_with('.')
}

/// A readable title derived from text: its first sentence, shortened at a
/// word boundary to at most `max` characters.
#[must_use]
pub fn derive_title(text: &str, max: usize) -> String {
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let next = text[i + 1..].chars().next();
            let prev_word = text[..i].rsplit(' ').next().unwrap_or("");
            let abbrev = prev_word.len() <= 2 || prev_word.contains('.');
            if next.is_none_or(char::is_whitespace) && !abbrev {
                end = i + usize::from(c != '.');
                break;
            }
        }
    }
    let sentence = text[..end].trim();
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let out = out.trim_end_matches([',', ';', ':', '-', '—']).to_string();
    format!("{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            find_date("2013-11-11 By Su Wang").as_deref(),
            Some("2013-11-11")
        );
        assert_eq!(
            find_date("Number 250 | March 6, 2014").as_deref(),
            Some("2014-03-06")
        );
        assert_eq!(
            find_date("2 Nov, 2013, http://x").as_deref(),
            Some("2013-11-02")
        );
        assert_eq!(find_date("27 Sept, 2013").as_deref(), Some("2013-09-27"));
        assert_eq!(find_date("Spring 1998"), None);
        assert_eq!(find_date("May I say"), None);
    }

    #[test]
    fn names() {
        assert_eq!(clean_name("STEPHEN BLANK"), "Stephen Blank");
        assert_eq!(clean_name("*Dr. Indrani Talukdar**"), "Indrani Talukdar");
        assert_eq!(clean_name("J. Berkshire Miller"), "J. Berkshire Miller");
        assert_eq!(clean_name("JOHN O'NEIL-SMITH"), "John O'Neil-Smith");
    }

    #[test]
    fn derived_titles() {
        let t = "In November 2, Russia and Japan held their first 2+2 meeting in Tokyo. Russian Foreign";
        assert_eq!(
            derive_title(t, 80),
            "In November 2, Russia and Japan held their first 2+2 meeting in Tokyo"
        );
        assert_eq!(derive_title(t, 40), "In November 2, Russia and Japan held…");
    }
}
