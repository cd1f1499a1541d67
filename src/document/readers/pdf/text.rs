//! Text clean-up for typeset lines: ligatures and presentation forms spelled
//! out, soft hyphens removed, and lines joined with end-of-line hyphenation
//! undone (`geo-` + `political` → `geopolitical`) while real hyphens stay
//! (`by-` + `catch` → `by-catch` when the document writes `by-catch`
//! elsewhere, `Russia-` + `Japan` → `Russia-Japan`).

use rustc_hash::FxHashSet as HashSet;

/// Spelled-out forms of ligatures and other presentation characters.
pub fn expand(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        '\u{200B}' | '\u{FEFF}' | '\u{2060}' => "",
        '\u{00A0}' | '\u{2002}'..='\u{200A}' => " ",
        '\u{2010}' | '\u{2011}' => "-",
        _ => return None,
    })
}

/// Ligatures spelled out, soft hyphens and zero-width characters removed.
#[must_use]
pub fn normalise(s: &str) -> String {
    if !s.chars().any(|c| c == '\u{AD}' || expand(c).is_some()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| c != '\u{AD}') {
        match expand(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}

/// Words that form hyphenated compounds as their first part.
const COMPOUND_HEADS: &[&str] = &[
    "all", "anti", "by", "co", "cross", "ex", "full", "half", "high", "long", "low", "mid", "non",
    "off", "post", "pre", "pro", "self", "short", "so", "well", "wide", "two", "three", "first",
    "second", "third", "year", "old", "far", "near", "hard", "open",
];

/// Evidence from the whole document about how words are written.
#[derive(Debug, Default)]
pub struct Words {
    words: HashSet<String>,
}

impl Words {
    /// Collects every word written inside a line (not at its end), lower-cased.
    pub fn add_line(&mut self, line: &str) {
        let toks: Vec<&str> = line.split_whitespace().collect();
        let n = toks.len();
        for (i, t) in toks.into_iter().enumerate() {
            if i + 1 == n && t.ends_with('-') {
                continue;
            }
            let w = t
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if w.len() > 1 {
                self.words.insert(w);
            }
        }
    }

    /// True when the hyphen at the end of `head` (a word fragment with its
    /// trailing `-`) is a real one given the continuation `tail`.
    #[must_use]
    pub fn keeps_hyphen(&self, head: &str, tail: &str) -> bool {
        let h = head
            .trim_end_matches('-')
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let t: String = tail
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let (hl, tl) = (h.to_lowercase(), t.to_lowercase());
        if tail
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return true;
        }
        if self.words.contains(&format!("{hl}-{tl}")) {
            return true;
        }
        if self.words.contains(&format!("{hl}{tl}")) {
            return false;
        }
        h.contains('-') || COMPOUND_HEADS.contains(&hl.as_str())
    }
}

/// Appends line `next` to `acc`, undoing hyphenation at the join.
pub fn join_line(acc: &mut String, next: &str, words: &Words) {
    if acc.is_empty() {
        acc.push_str(next);
        return;
    }
    let trimmed = acc.trim_end().len();
    acc.truncate(trimmed);
    if acc.ends_with('\u{AD}') {
        // A discretionary hyphen the producer kept: always a word break.
        acc.pop();
        acc.push_str(next);
        return;
    }
    if acc.ends_with('-')
        && acc[..acc.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        && next.starts_with(|c: char| c.is_ascii_digit())
    {
        acc.push_str(next); // a range: 1907-1937
        return;
    }
    let head_start = acc.rfind(' ').map_or(0, |i| i + 1);
    let head = &acc[head_start..];
    let hyphenated = head.len() > 2
        && head.ends_with('-')
        && head[..head.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic);
    if hyphenated {
        if !words.keeps_hyphen(head, next) {
            acc.pop();
        }
    } else {
        acc.push(' ');
    }
    acc.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_soft_hyphens() {
        assert_eq!(
            normalise("e\u{FB03}cient o\u{FB03}ce \u{FB01}sh"),
            "efficient office fish"
        );
        assert_eq!(normalise("co\u{00AD}operate"), "cooperate");
    }

    #[test]
    fn hyphenation_undone_real_hyphens_kept() {
        let mut w = Words::default();
        w.add_line("the by-catch of every haul and the Russia-Japan talks");
        let join = |a: &str, b: &str| {
            let mut s = a.to_string();
            join_line(&mut s, b, &w);
            s
        };
        assert_eq!(
            join("the geo-", "political shift"),
            "the geopolitical shift"
        );
        assert_eq!(join("and the by-", "catch of"), "and the by-catch of");
        assert_eq!(join("the Russia-", "Japan talks"), "the Russia-Japan talks");
        assert_eq!(join("a well-", "known case"), "a well-known case");
        assert_eq!(join("end of", "line"), "end of line");
        assert_eq!(join("1907-", "1937"), "1907-1937");
        assert_eq!(join("re\u{AD}", "duces"), "reduces");
    }
}
