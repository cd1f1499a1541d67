//! Which encoding a file's bytes are in: a BOM, UTF-8, 7-bit ISO-2022-JP,
//! a declared charset, or a legacy encoding guessed by `chardetng`.

/// Bytes → Unicode text, whether replacement characters were needed, and the
/// encoding's name when it was not UTF-8.
pub(super) fn to_unicode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool, Option<String>) {
    use std::borrow::Cow;
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if enc == encoding_rs::UTF_8 {
            return match std::str::from_utf8(body) {
                Ok(s) => (Cow::Borrowed(s), false, None),
                Err(_) => (String::from_utf8_lossy(body), true, None),
            };
        }
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        return (text, had_errors, Some(enc.name().to_string()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if iso_2022_jp(bytes) {
            let enc = encoding_rs::ISO_2022_JP;
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if !had_errors {
                return (
                    Cow::Owned(text.into_owned()),
                    false,
                    Some(enc.name().to_string()),
                );
            }
        }
        return (Cow::Borrowed(s), false, None);
    }
    if let Some(enc) = declared_charset(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return (text, had_errors, Some(enc.name().to_string()));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The first 64 KiB decide; a legacy file is consistent throughout.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    det.feed(sample, sample.len() == bytes.len());
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    if enc == encoding_rs::UTF_8 {
        return (String::from_utf8_lossy(bytes), true, None);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (text, had_errors, Some(enc.name().to_string()))
}

/// True for 7-bit text that shifts into JIS X 0208 (`ESC $ B`, `ESC $ @`)
/// and back to ASCII (`ESC ( B`, `ESC ( J`): Japanese mail and notes kept in
/// ISO-2022-JP, which is valid UTF-8 byte for byte but unreadable as it.
/// Terminal escapes (`ESC [`) are not shifts.
fn iso_2022_jp(bytes: &[u8]) -> bool {
    let Some(at) = memchr::memmem::find(bytes, b"\x1b$") else {
        return false;
    };
    bytes.is_ascii()
        && matches!(bytes.get(at + 2), Some(b'B' | b'@'))
        && (memchr::memmem::find(&bytes[at..], b"\x1b(B").is_some()
            || memchr::memmem::find(&bytes[at..], b"\x1b(J").is_some())
}

/// A charset the file declares near its start: Project Gutenberg's
/// `Character set encoding: ISO-8859-1`, an Emacs/Python `coding: latin-1`
/// line, or an HTML `charset=`. A declaration beats statistics.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(8 * 1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [
        &b"character set encoding:"[..],
        b"charset=",
        b"coding:",
        b"coding=",
    ] {
        let Some(at) = memchr::memmem::find(&lower, key) else {
            continue;
        };
        let rest = &head[at + key.len()..];
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
        let n = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
            .count();
        if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..n])
            && enc != encoding_rs::UTF_8
        {
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_2022_jp_shifts_are_decoded() {
        // "TLSは" then ASCII again, as a 7-bit ISO-2022-JP file has it.
        let bytes = b"   TLS\x1b$B$O\x1b(B [RFC5246]\n";
        let (text, lossy, enc) = to_unicode(bytes);
        assert_eq!(text, "   TLSは [RFC5246]\n");
        assert!(!lossy);
        assert_eq!(enc.as_deref(), Some("ISO-2022-JP"));
    }

    #[test]
    fn terminal_escapes_are_not_iso_2022_jp() {
        let bytes = b"red \x1b[31mtext\x1b[0m and \x1b$ alone\n";
        let (text, _, enc) = to_unicode(bytes);
        assert_eq!(enc, None);
        assert_eq!(text.as_bytes(), bytes);
    }

    #[test]
    fn eight_bit_bytes_are_never_iso_2022_jp() {
        // Latin-1 "Orphée" beside a stray shift: not 7-bit, so not ISO-2022-JP.
        let bytes = b"Orph\xe9e \x1b$B$O\x1b(B\n";
        let (_, _, enc) = to_unicode(bytes);
        assert_ne!(enc.as_deref(), Some("ISO-2022-JP"));
    }
}
