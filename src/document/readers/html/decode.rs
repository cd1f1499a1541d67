//! Bytes of an HTML or XHTML file → text. The encoding is decided as a
//! browser would: a byte-order mark, else a `<meta charset>` /
//! `http-equiv="Content-Type"` or XML declaration in the first 1024 bytes
//! (the HTML "prescan"), else UTF-8 when the bytes are valid UTF-8, else
//! detection ([`clean::decode`]). Control characters are neutralised.

use crate::document::clean;

/// How far the prescan looks, in bytes (the HTML standard's figure).
const PRESCAN: usize = 1024;

/// Decodes an HTML page; the encoding's name is set when it was not UTF-8.
#[must_use]
pub fn decode(bytes: &[u8]) -> clean::Decoded {
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && let Some(enc) = declared(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        let mut d = clean::decode(text.as_bytes());
        d.lossy |= had_errors;
        d.encoding = Some(enc.name().to_string());
        return d;
    }
    clean::decode(bytes)
}

/// The encoding a page declares in its first bytes, if any. A declared
/// UTF-16 is read as UTF-8, as browsers do for a page without a BOM.
#[must_use]
pub fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let at = from + i;
        from = at + 7;
        if !inside_declaration(&lower[..at]) {
            continue;
        }
        let mut rest = &lower[from..];
        rest = trim_ascii_start(rest);
        let Some(r) = rest.strip_prefix(b"=") else {
            continue;
        };
        let r = trim_ascii_start(r);
        let r = r
            .strip_prefix(b"\"")
            .or_else(|| r.strip_prefix(b"'"))
            .unwrap_or(r);
        let end = r
            .iter()
            .position(|&b| {
                matches!(
                    b,
                    b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
                )
            })
            .unwrap_or(r.len());
        if let Some(enc) = encoding_rs::Encoding::for_label(&r[..end]) {
            return Some(
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else {
                    enc
                },
            );
        }
    }
    xml_declaration(&lower)
}

/// `<?xml version="1.0" encoding="…"?>` at the very start.
fn xml_declaration(lower: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let decl = lower.strip_prefix(b"<?xml")?;
    let end = find(decl, b"?>")?;
    let decl = &decl[..end];
    let i = find(decl, b"encoding")?;
    let r = trim_ascii_start(&decl[i + 8..]);
    let r = trim_ascii_start(r.strip_prefix(b"=")?);
    let q = *r.first()?;
    let r = &r[1..];
    let e = r.iter().position(|&b| b == q)?;
    encoding_rs::Encoding::for_label(&r[..e])
}

/// True when the text before `charset` is inside an open `<meta` tag.
fn inside_declaration(before: &[u8]) -> bool {
    let Some(lt) = before.iter().rposition(|&b| b == b'<') else {
        return false;
    };
    before[lt..].starts_with(b"<meta") && !before[lt..].contains(&b'>')
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins_over_detection() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf".to_vec();
        page.push(0xE9);
        page.extend_from_slice(b"</body></html>");
        let d = decode(&page);
        assert!(d.text.contains("café"), "{}", d.text);
        assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    }

    #[test]
    fn http_equiv_and_xml_declarations() {
        let p = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(declared(p), Some(encoding_rs::WINDOWS_1252));
        let x = b"<?xml version=\"1.0\" encoding=\"iso-8859-2\"?><html/>";
        assert_eq!(declared(x), Some(encoding_rs::ISO_8859_2));
        assert_eq!(declared(b"<p>charset=koi8-r</p>"), None);
        assert_eq!(declared(b"<meta charset=utf-16>"), Some(encoding_rs::UTF_8));
    }
}
