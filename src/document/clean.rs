//! Turning untrusted bytes into safe text: BOM, invalid UTF-8, line endings,
//! tabs, control characters, escape sequences and bidi overrides.

/// Decoded input text plus what had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text: LF line endings, tabs expanded, only displayable characters.
    pub text: String,
    /// True when invalid UTF-8 was replaced with U+FFFD.
    pub lossy: bool,
    /// Number of control characters or sequences neutralised.
    pub controls: usize,
    /// The encoding the bytes were in, when it was not UTF-8.
    pub encoding: Option<String>,
    /// Where each page after the first starts in `text`, for text with form
    /// feeds between its pages (text printed from a PDF, an RFC); empty
    /// when there are none.
    pub page_starts: Vec<usize>,
}

/// Width of a tab stop, in columns.
const TAB: usize = 4;

/// Decodes bytes to text: a BOM (UTF-8, UTF-16LE/BE) decides; otherwise
/// valid UTF-8 is UTF-8, and anything else is a legacy encoding detected
/// with `chardetng` (Latin-1 and Windows-1252 files from Gutenberg, text from
/// old web pages) and decoded with `encoding_rs`. Then line endings are
/// normalised and everything that is not displayable is neutralised.
#[must_use]
pub fn decode(bytes: &[u8]) -> Decoded {
    let (raw, lossy, encoding) = super::encoding::to_unicode(bytes);
    let (text, controls, page_starts) = if memchr::memchr(0x0C, raw.as_bytes()).is_some() {
        paged(&raw)
    } else {
        let (text, controls) = sanitize_counted(&raw, true);
        (text, controls, Vec::new())
    };
    Decoded {
        text,
        lossy,
        controls,
        encoding,
        page_starts,
    }
}

/// [`decode`] for bytes the caller owns: valid UTF-8 without a BOM that has
/// nothing to repair (no controls, tabs, CR, form feeds or invisible format
/// characters, the common case) becomes the text as it is, without a copy.
/// Anything else goes through [`decode`]; the result is the same either way.
#[must_use]
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if encoding_rs::Encoding::for_bom(&bytes).is_some() {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) if is_clean(&text) => Decoded {
            text,
            lossy: false,
            controls: 0,
            encoding: None,
            page_starts: Vec::new(),
        },
        Ok(text) => decode(text.as_bytes()),
        Err(e) => decode(e.as_bytes()),
    }
}

/// True when [`sanitize_counted`] (keeping newlines) would return `s`
/// unchanged and count nothing: only printable ASCII, `\n`, and non-ASCII
/// characters it passes through (none that [`unsafe_in_json`] names).
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i += printable_ascii_run(&b[i..]);
        let Some(&x) = b.get(i) else {
            break;
        };
        if x == b'\n' {
            i += 1;
        } else if x < 0x80 {
            return false;
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            if unsafe_in_json(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// [`sanitize_counted`] page by page: a form feed becomes a blank line, and
/// where each page starts is recorded.
fn paged(raw: &str) -> (String, usize, Vec<usize>) {
    let mut out = String::with_capacity(raw.len());
    let mut controls = 0;
    let mut starts = Vec::new();
    for (i, page) in raw.split('\u{0C}').enumerate() {
        if i > 0 {
            out.push_str("\n\n");
            starts.push(out.len());
        }
        let (text, c) = sanitize_counted(page, true);
        out.push_str(&text);
        controls += c;
    }
    (out, controls, starts)
}

/// Makes any string safe to display: the same rules as [`decode`], with
/// newlines replaced by spaces (for one-line fields such as URLs and titles).
#[must_use]
pub fn sanitize(s: &str) -> String {
    sanitize_counted(s, false).0
}

/// [`sanitize`] for multi-line text (notes, exports): the same rules, with
/// line breaks kept as `\n`.
#[must_use]
pub fn sanitize_text(s: &str) -> String {
    sanitize_counted(s, true).0
}

/// Serialised JSON made safe to print: every character that [`sanitize`]
/// would change and JSON leaves raw (C1 controls, DEL, bidi overrides and
/// other invisible format characters) is written as a `\uXXXX` escape, so
/// the data is unchanged for a JSON reader and inert on a terminal. (JSON
/// serialisers already escape C0 controls.)
#[must_use]
pub fn escape_json_text(json: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if unsafe_in_json(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// True for a character [`escape_json_text`] writes as a `\uXXXX` escape.
pub(crate) fn unsafe_in_json(c: char) -> bool {
    c == '\u{7F}'
        || ('\u{80}'..='\u{9F}').contains(&c)
        || is_invisible_format(c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{0085}')
}

/// True for the bytes that can begin a character [`unsafe_in_json`] escapes
/// (DEL and the UTF-8 lead bytes of every other one); no other byte needs a look.
pub(crate) fn may_start_unsafe_in_json(b: u8) -> bool {
    matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3)
}

/// Picture shown in place of a C0 control character (U+2400 block).
fn control_picture(c: char) -> char {
    let n = c as u32;
    if n < 0x20 {
        char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}')
    } else {
        '\u{2421}' // DEL
    }
}

/// True for code points that must never reach a terminal but are not C0/C1:
/// bidi embeddings/overrides/isolates, directional marks, invisible operators,
/// interlinear annotation, object replacement helpers, the BOM and tag characters.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

/// Core of [`decode`]/[`sanitize`]; returns the text and how many things were
/// neutralised.
fn sanitize_counted(s: &str, keep_newlines: bool) -> (String, usize) {
    let mut out = String::with_capacity(s.len());
    let mut controls = 0;
    let mut col = 0usize;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of printable ASCII is copied as it is.
        let run = printable_ascii_run(&bytes[i..]);
        if run > 0 {
            out.push_str(&s[i..i + run]);
            col += run;
            i += run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    continue;
                }
                push_newline(&mut out, keep_newlines, &mut col);
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' => {
                push_newline(&mut out, keep_newlines, &mut col);
            }
            '\u{0C}' => {
                // A form feed is a page break: a blank line between pages.
                push_newline(&mut out, keep_newlines, &mut col);
                push_newline(&mut out, keep_newlines, &mut col);
            }
            '\t' => {
                let n = TAB - col % TAB;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\u{1B}' => {
                // An escape sequence: show ESC as a picture and let the rest
                // through as the harmless printable characters it consists of.
                controls += 1;
                out.push(control_picture(c));
                col += 1;
            }
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                controls += 1;
                out.push(control_picture(c));
                col += 1;
            }
            '\u{80}'..='\u{9F}' => {
                controls += 1;
                out.push('\u{FFFD}');
                col += 1;
            }
            c if is_invisible_format(c) => {
                controls += 1;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    (out, controls)
}

/// Length of the run of printable ASCII (0x20..0x7F) at the start of `b`,
/// checked eight bytes at a time.
fn printable_ascii_run(b: &[u8]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(arr);
        // A byte with the high bit set, below 0x20, or equal to 0x7F
        // (SWAR tests; a false alarm only sends us to the exact loop).
        let below = x.wrapping_sub(LO * 0x20) & !x & HI;
        let del = (x ^ (LO * 0x7F)).wrapping_sub(LO) & !(x ^ (LO * 0x7F)) & HI;
        if (x & HI) | below | del != 0 {
            break;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .take_while(|c| (0x20..0x7F).contains(*c))
        .count()
}

fn push_newline(out: &mut String, keep: bool, col: &mut usize) {
    out.push(if keep { '\n' } else { ' ' });
    *col = 0;
}

/// True when a character is safe to send to a terminal as document text.
#[must_use]
pub fn is_displayable(c: char) -> bool {
    !(c.is_control() || is_invisible_format(c))
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
