//! Low-level text helpers for note parsing: cleaning, URL extraction, quote spans and sentence boundaries; all byte ranges returned are valid char boundaries of the input.

use std::ops::Range;

/// Cleans a note text: drops a leading `- ` bullet and superscript label,
/// unescapes `\$`-style escapes and collapses whitespace to single spaces.
pub(crate) fn clean(text: &str) -> String {
    let mut s = text.trim();
    s = s.strip_prefix("- ").unwrap_or(s);
    s = s.trim_start_matches(|c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c));
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// Normalises text for comparisons: lowercase alphanumerics separated by
/// single spaces; quotes, dashes and other punctuation ignored.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘') {
            // apostrophes join words: "Japan's" == "Japans"
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// A URL found in text: its byte range (including any `<>`) and the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlHit {
    /// Byte range in the searched text, `<` and `>` included when present.
    pub range: Range<usize>,
    /// The URL without brackets and trailing sentence punctuation.
    pub url: String,
}

/// Finds URLs: `<http…>`, bare `http://`, `https://` and `www.` runs.
pub(crate) fn find_urls(s: &str) -> Vec<UrlHit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let bracketed = rest.starts_with("<http") || rest.starts_with("<www.");
        let bare = (rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www."))
            && s[..i]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || "(,;:\"“".contains(c));
        if bracketed {
            let end = rest.find('>').map_or(s.len(), |e| i + e + 1);
            let inner = s[i + 1..end].trim_end_matches('>').trim();
            hits.push(UrlHit {
                range: i..end,
                url: inner.to_string(),
            });
            i = end;
        } else if bare {
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '>' || c == '<')
                .unwrap_or(rest.len());
            let raw = &rest[..len];
            let balanced = raw.contains('(');
            let url =
                raw.trim_end_matches(|c: char| ".,;:\"”".contains(c) || (c == ')' && !balanced));
            hits.push(UrlHit {
                range: i..i + url.len(),
                url: url.to_string(),
            });
            i += len.max(1);
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    hits
}

/// A quoted stretch: where the opening quote starts, the inner text range
/// and where the closing quote ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Byte offset of the opening quote (0 for an orphan closing quote).
    pub open: usize,
    /// Byte range of the quoted text.
    pub inner: Range<usize>,
    /// Byte offset just past the closing quote.
    pub end: usize,
}

/// Finds `“…”` and `"…"` quotes. An orphan closing quote before any other
/// quote opens at the text start (a lost opening quote); an unclosed quote
/// closes at `', ` / `’, ` or before `, *` or the next `, `.
pub(crate) fn find_quotes(s: &str) -> Vec<Quote> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut quotes = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (k, &(b, c)) in chars.iter().enumerate() {
        let after = b + c.len_utf8();
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|p| p.1);
        let closes = match (open, c) {
            (Some((_, '“')), '”') | (Some((_, '"')), '"') => true,
            (None, '”') => {
                if quotes.is_empty() {
                    quotes.push(Quote {
                        open: 0,
                        inner: 0..b,
                        end: after,
                    });
                }
                false
            }
            (None, '"') => {
                let opens = next.is_some_and(|n| n.is_alphanumeric() || "‘'“*".contains(n))
                    && prev.is_none_or(|p| p.is_whitespace() || "(:[".contains(p));
                if opens {
                    open = Some((b, c));
                } else if quotes.is_empty() {
                    quotes.push(Quote {
                        open: 0,
                        inner: 0..b,
                        end: after,
                    });
                }
                false
            }
            (None, '“') => {
                open = Some((b, c));
                false
            }
            _ => false,
        };
        if closes && let Some((o, oc)) = open.take() {
            quotes.push(Quote {
                open: o,
                inner: o + oc.len_utf8()..b,
                end: after,
            });
        }
    }
    if let Some((o, oc)) = open {
        let start = o + oc.len_utf8();
        let rest = &s[start..];
        let inner_end = ["', ", "’, "]
            .iter()
            .filter_map(|p| rest.find(p).map(|e| start + e + p.len() - 2))
            .min()
            .or_else(|| rest.find(", *").map(|e| start + e))
            .or_else(|| rest.find(", ").map(|e| start + e))
            .unwrap_or(s.len());
        quotes.push(Quote {
            open: o,
            inner: start..inner_end,
            end: inner_end,
        });
    }
    quotes
}

/// Words before a `.` that do not end a sentence.
const ABBREVIATIONS: [&str; 18] = [
    "p", "pp", "vol", "no", "nos", "dr", "st", "mr", "mrs", "ms", "jr", "sr", "ed", "eds", "op",
    "cf", "eg", "ie",
];

/// Byte offsets just past each sentence end outside quotes: `.`, `?` or `!`
/// followed by a space and an uppercase letter or opening quote, unless the
/// word is an abbreviation or an initial. A quote whose text ends with `.`
/// followed by such a start also ends a sentence.
pub(crate) fn sentence_ends(s: &str, quotes: &[Quote]) -> Vec<usize> {
    let in_quote = |b: usize| quotes.iter().any(|q| q.inner.contains(&b));
    let starts_sentence = |rest: &str| {
        let mut it = rest.chars();
        it.next() == Some(' ')
            && it
                .next()
                .is_some_and(|c| c.is_uppercase() || "“\"‘".contains(c))
    };
    let mut ends = Vec::new();
    for (b, c) in s.char_indices() {
        if !matches!(c, '.' | '?' | '!') || in_quote(b) {
            continue;
        }
        let after = b + 1;
        if !starts_sentence(&s[after..]) {
            continue;
        }
        let word: String = s[..b]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if c == '.' && (initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())) {
            continue;
        }
        ends.push(after);
    }
    for q in quotes {
        let inner = s[q.inner.clone()].trim_end();
        if inner.ends_with('.') && q.end > q.inner.end && starts_sentence(&s[q.end..]) {
            ends.push(q.end);
        }
    }
    ends.sort_unstable();
    ends
}

/// Italic spans `*…*` (single asterisks): byte range of the inner text and
/// the span end past the closing asterisk.
pub(crate) fn find_italics(s: &str) -> Vec<(Range<usize>, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (b, c) in s.char_indices() {
        if c != '*' {
            continue;
        }
        match open.take() {
            None => open = Some(b + 1),
            Some(start) if b > start => spans.push((start..b, b + 1)),
            Some(_) => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_brackets_and_bare() {
        let hits = find_urls("x <http://a.com/b> y http://c.org/d. www.e.net/f");
        let urls: Vec<&str> = hits.iter().map(|h| h.url.as_str()).collect();
        assert_eq!(urls, ["http://a.com/b", "http://c.org/d", "www.e.net/f"]);
        assert!(find_urls("SAKHALIN.INFO, December").is_empty());
    }

    #[test]
    fn quotes_orphan_and_unclosed() {
        let s = "Concept of X\", *Y*";
        assert_eq!(&s[find_quotes(s)[0].inner.clone()], "Concept of X");
        let s = "\"Japanese PM to build 'personal relations', *RT*, 2013";
        assert_eq!(
            &s[find_quotes(s)[0].inner.clone()],
            "Japanese PM to build 'personal relations'"
        );
    }

    #[test]
    fn sentences() {
        let s = "A, op.cit. Article 9 of Mr. Yamada. Smith, \"R\", p. 4. <http://x>";
        let ends = sentence_ends(s, &find_quotes(s));
        assert_eq!(ends.len(), 2);
        assert_eq!(
            normalise("“Russian–Japanese  relations”"),
            "russian japanese relations"
        );
    }
}
