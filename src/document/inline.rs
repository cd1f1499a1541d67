//! Inline markup of plain-text articles: `*emphasis*`, `_emphasis_` (as
//! Project Gutenberg sets italics), `**strong**`,
//! backslash escapes, `<url>` autolinks and bare URLs; plus a small text
//! rewriter that keeps inline spans in place when text is edited.

use super::InlineKind;
use std::ops::Range;
use std::sync::LazyLock;

/// Inline style over a byte range of a block-local string.
pub type LocalInline = (Range<usize>, InlineKind);

/// Characters that may end a bare URL but are usually sentence punctuation.
const URL_TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"', '”', '’', '»', '*'];

/// Bytes that may start inline markup (all ASCII, so char boundaries).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\\' as usize] = true;
    t[b'<' as usize] = true;
    t[b'*' as usize] = true;
    t[b'_' as usize] = true;
    t[b'h' as usize] = true;
    t[b'w' as usize] = true;
    t
};

/// True when `src` may contain inline markup (`\\`, `<`, `*`, a URL); most
/// paragraphs have none, and fast searches tell.
#[must_use]
pub fn has_markup(src: &str) -> bool {
    static HTTP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"http"));
    static WWW: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"www."));
    let b = src.as_bytes();
    memchr::memchr3(b'\\', b'<', b'*', b).is_some()
        || memchr::memchr(b'_', b).is_some()
        || HTTP.find(b).is_some()
        || WWW.find(b).is_some()
}

/// Parses inline markup, returning the visible text and its styles.
#[must_use]
pub fn parse_inline(src: &str) -> (String, Vec<LocalInline>) {
    if !has_markup(src) {
        return (src.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(src.len());
    let mut inlines: Vec<LocalInline> = Vec::new();
    // Delimiter runs of `*` and `_`: (position in out, length, can_open,
    // can_close, the delimiter byte).
    let mut stars: Vec<Delim> = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < src.len() {
        // Fast path: copy a run of bytes that cannot start markup. Every
        // special byte is ASCII, so the run ends on a char boundary.
        let run = bytes[i..]
            .iter()
            .position(|&b| SPECIAL[b as usize])
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            out.push_str(&src[i..i + run]);
            i += run;
            continue;
        }
        let rest = &src[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\\' {
            if let Some(n) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                out.push(n);
                i += 1 + n.len_utf8();
                continue;
            }
        } else if c == '<' {
            if let Some(end) = rest.find('>') {
                let inner = &rest[1..end];
                if is_url(inner) && !inner.contains(char::is_whitespace) {
                    let start = out.len();
                    out.push_str(inner);
                    inlines.push((
                        start..out.len(),
                        InlineKind::Link {
                            url: inner.to_string(),
                        },
                    ));
                    i += end + 1;
                    continue;
                }
            }
        } else if c == '*' || c == '_' {
            let d = c as u8;
            let run = rest.bytes().take_while(|&b| b == d).count();
            let before = src[..i].chars().next_back();
            let after = src[i + run..].chars().next();
            let ws = |x: Option<char>| x.is_none_or(char::is_whitespace);
            let alnum = |x: Option<char>| {
                x.is_some_and(|c| {
                    c.is_alphanumeric() && super::conventions::superscript::value(c).is_none()
                })
            };
            let (can_open, can_close) = if d == b'_' {
                // `_italics_` only between spaces and punctuation: underscores
                // joining words (`snake_case`, `Beauregard_&_Fraleigh_(1973`)
                // are text.
                let opens_after =
                    |x: Option<char>| x.is_none_or(|c| c.is_whitespace() || "([\"“‘'".contains(c));
                let closes_before = |x: Option<char>| {
                    x.is_none_or(|c| c.is_whitespace() || ".,;:!?)]\"”’'—-".contains(c))
                };
                (
                    !ws(after) && opens_after(before),
                    !ws(before) && closes_before(after),
                )
            } else if run >= 3 {
                // Three stars or more are a mark of their own, not emphasis
                // (`***START OF THE PROJECT GUTENBERG EBOOK …***`, `***`).
                (false, false)
            } else {
                (!ws(after) && !alnum(before), !ws(before) && !alnum(after))
            };
            stars.push((out.len(), run, can_open, can_close, d));
            out.push_str(&rest[..run]);
            i += run;
            continue;
        } else if (c == 'h' || c == 'w')
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && let Some(len) = bare_url_len(rest)
        {
            let url = &rest[..len];
            let start = out.len();
            out.push_str(url);
            let target = if url.starts_with("www.") {
                format!("http://{url}")
            } else {
                url.to_string()
            };
            inlines.push((start..out.len(), InlineKind::Link { url: target }));
            i += len;
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    let (out, inlines) = resolve_stars(out, inlines, &stars);
    (out, inlines)
}

/// True when `s` starts with a URL scheme we link.
fn is_url(s: &str) -> bool {
    ["http://", "https://", "ftp://", "mailto:"]
        .iter()
        .any(|p| s.starts_with(p))
}

/// Length in bytes of a bare URL at the start of `s`, if there is one.
fn bare_url_len(s: &str) -> Option<usize> {
    if !(s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")) {
        return None;
    }
    let mut len = s
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”'))
        .unwrap_or(s.len());
    loop {
        let tail = s[..len].chars().next_back()?;
        let unbalanced_paren =
            tail == ')' && s[..len].matches('(').count() < s[..len].matches(')').count();
        if URL_TRAILING.contains(&tail)
            || unbalanced_paren
            || tail == ']' && !s[..len].contains('[')
        {
            len -= tail.len_utf8();
        } else {
            break;
        }
    }
    (len > "http://".len().min(s.find("//").map_or(4, |p| p + 3))).then_some(len)
}

/// A delimiter run: (position in the output, length, can open, can close,
/// the byte: `*` or `_`).
type Delim = (usize, usize, bool, bool, u8);

/// Matches `*` and `_` delimiter runs into emphasis/strong (each only with its
/// own kind), removing the delimiters of matched runs (and shifting spans
/// accordingly). Unmatched runs stay literal.
fn resolve_stars(
    out: String,
    mut inlines: Vec<LocalInline>,
    stars: &[Delim],
) -> (String, Vec<LocalInline>) {
    let mut removed: Vec<Range<usize>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut styles: Vec<(usize, usize, InlineKind)> = Vec::new();
    for (k, &(pos, len, can_open, can_close, d)) in stars.iter().enumerate() {
        let opener = open.iter().rposition(|&o| stars[o].4 == d);
        if can_close && let Some(at) = opener {
            let o = open.remove(at);
            open.truncate(at);
            let (opos, olen, ..) = stars[o];
            let kind = if olen >= 2 && len >= 2 {
                InlineKind::Strong
            } else {
                InlineKind::Emphasis
            };
            styles.push((opos + olen, pos, kind));
            removed.push(opos..opos + olen);
            removed.push(pos..pos + len);
            continue;
        }
        if can_open {
            open.push(k);
        }
    }
    if removed.is_empty() {
        return (out, inlines);
    }
    removed.sort_by_key(|r| r.start);
    let edits: Vec<(Range<usize>, String)> =
        removed.into_iter().map(|r| (r, String::new())).collect();
    let rw = Rewrite::apply(&out, &edits);
    for (r, _) in &mut inlines {
        *r = rw.map(r.start)..rw.map(r.end);
    }
    for (s, e, kind) in styles {
        let (s, e) = (rw.map(s), rw.map(e));
        if s < e {
            inlines.push((s..e, kind));
        }
    }
    inlines.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    (rw.text, inlines)
}

/// Text after a set of non-overlapping replacements, with an offset map.
pub struct Rewrite {
    /// The rewritten text.
    pub text: String,
    /// (old offset where an edit ended, cumulative delta after it).
    deltas: Vec<(usize, usize, isize)>,
}

impl Rewrite {
    /// Applies `edits` (sorted, non-overlapping byte ranges of `src` with their
    /// replacements).
    #[must_use]
    pub fn apply(src: &str, edits: &[(Range<usize>, String)]) -> Self {
        let mut text = String::with_capacity(src.len() + edits.len() * 2);
        let mut deltas = Vec::with_capacity(edits.len());
        let mut last = 0;
        let mut delta: isize = 0;
        for (r, rep) in edits {
            if r.start < last || r.end > src.len() {
                continue;
            }
            text.push_str(&src[last..r.start]);
            let new_start = text.len();
            text.push_str(rep);
            delta += rep.len().cast_signed() - (r.end - r.start).cast_signed();
            deltas.push((r.start, r.end, delta));
            let _ = new_start;
            last = r.end;
        }
        text.push_str(&src[last..]);
        Self { text, deltas }
    }

    /// Maps an old offset to the new text. Offsets inside a replaced range map
    /// to the start of its replacement.
    #[must_use]
    pub fn map(&self, old: usize) -> usize {
        let k = self.deltas.partition_point(|&(s, _, _)| s < old);
        // Edits strictly before `old` start: the last of them may contain it.
        if k == 0 {
            return old;
        }
        let (s, e, d) = self.deltas[k - 1];
        let before = if k >= 2 { self.deltas[k - 2].2 } else { 0 };
        if old < e {
            (s.cast_signed() + before).cast_unsigned()
        } else {
            (old.cast_signed() + d).cast_unsigned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_loses_its_asterisks() {
        let (t, i) = parse_inline("the *Kommersant* said");
        assert_eq!(t, "the Kommersant said");
        assert_eq!(i, vec![(4..14, InlineKind::Emphasis)]);
    }

    #[test]
    fn underscores_are_italics_but_not_inside_words() {
        let (t, i) = parse_inline("him to _write down the price_ and snake_case_name or _x*");
        assert_eq!(t, "him to write down the price and snake_case_name or _x*");
        assert_eq!(i, vec![(7..27, InlineKind::Emphasis)]);
        let (t, _) = parse_inline("_a *b_ c*");
        assert_eq!(t, "a *b c*", "delimiters pair only with their own kind");
    }

    #[test]
    fn strong_and_mismatched_runs() {
        let (t, i) = parse_inline("**bold** and *odd**");
        assert_eq!(t, "bold and odd");
        assert_eq!(i[0], (0..4, InlineKind::Strong));
        assert_eq!(i[1], (9..12, InlineKind::Emphasis));
    }

    #[test]
    fn literal_stars_stay() {
        assert_eq!(parse_inline("2 * 3 = 6").0, "2 * 3 = 6");
        assert_eq!(parse_inline("a*b").0, "a*b");
        let gutenberg = "***START OF THE PROJECT GUTENBERG EBOOK NEWS FROM NOWHERE***";
        assert_eq!(parse_inline(gutenberg), (gutenberg.to_string(), vec![]));
    }

    #[test]
    fn escapes_and_autolinks() {
        let (t, i) = parse_inline(r"\$24 <http://a.org/x> see https://b.org/y).");
        assert_eq!(t, "$24 http://a.org/x see https://b.org/y).");
        assert_eq!(i.len(), 2);
        assert_eq!(&t[i[1].0.clone()], "https://b.org/y");
    }

    #[test]
    fn rewrite_maps_offsets() {
        let rw = Rewrite::apply("abcdef", &[(1..2, String::new()), (3..3, "XY".into())]);
        assert_eq!(rw.text, "acXYdef");
        assert_eq!(rw.map(0), 0);
        assert_eq!(rw.map(2), 1);
        assert_eq!(rw.map(3), 2);
        assert_eq!(rw.map(4), 5);
    }
}
