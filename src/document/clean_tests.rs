//! Tests of `clean`.
#[test]
fn form_feeds_are_blank_lines_that_start_pages() {
    let d = decode(b"one\x0ctwo\r\n\x0cthree");
    assert_eq!(d.text, "one\n\ntwo\n\n\nthree");
    assert_eq!(d.page_starts, [5, 11]);
    assert!(decode(b"no pages").page_starts.is_empty());
}

use super::*;

#[test]
fn decoding_owned_bytes_gives_what_decode_gives() {
    // Every code point up to U+3000 and the special ones above, alone and
    // inside clean text, plus BOMs, bad UTF-8, CR, tabs and form feeds.
    let mut inputs: Vec<Vec<u8>> = vec![
        b"plain text\nlines\n".to_vec(),
        b"\xEF\xBB\xBFbom".to_vec(),
        b"\xFF\xFEa\0".to_vec(),
        b"bad \xC3 utf8".to_vec(),
        b"caf\xE9 latin".to_vec(),
        b"a\r\nb\tc\x0cd".to_vec(),
        Vec::new(),
    ];
    let specials = (0..0x3000u32).chain([0xFEFF, 0xFFF9, 0xFFFD, 0xE0041, 0x1F600]);
    for c in specials.filter_map(char::from_u32) {
        inputs.push(c.to_string().into_bytes());
        inputs.push(format!("clean text {c} more\n").into_bytes());
    }
    for bytes in inputs {
        let owned = decode_owned(bytes.clone());
        assert_eq!(owned, decode(&bytes), "{bytes:?}");
    }
}

#[test]
fn bom_crlf_and_tabs() {
    let d = decode(b"\xEF\xBB\xBFa\tb\r\nc\rd");
    assert_eq!(d.text, "a   b\nc\nd");
    assert!(!d.lossy);
}

#[test]
fn escape_sequences_become_visible() {
    let d = decode(b"x\x1b]0;title\x07y\x1b[2Jz\xc2\x9b");
    assert_eq!(d.text, "x\u{241B}]0;title\u{2407}y\u{241B}[2Jz\u{FFFD}");
    assert_eq!(d.controls, 4);
    assert!(d.text.chars().all(|c| c == '\n' || is_displayable(c)));
}

#[test]
fn json_escapes_what_serde_leaves_raw() {
    let v = serde_json::json!({"t": "a\u{1b}]0;x\u{7}b\u{9b}c\u{202e}d\u{e0041}"});
    let out = escape_json_text(&serde_json::to_string(&v).expect("json"));
    assert!(
        out.chars().all(|c| c.is_ascii() && !c.is_ascii_control()),
        "{out}"
    );
    let back: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
    assert_eq!(back, v);
}

#[test]
fn bidi_overrides_removed() {
    let d = decode("a\u{202e}b".as_bytes());
    assert_eq!(d.text, "ab");
    assert!(!d.lossy);
    assert_eq!(d.encoding, None);
}

#[test]
fn legacy_and_utf16_encodings_are_detected() {
    let d = decode(b"Orph\xe9e aux enfers, op\xe9ra bouffe en deux actes; \xab Voil\xe0 \xbb.");
    assert_eq!(
        d.text,
        "Orph\u{e9}e aux enfers, op\u{e9}ra bouffe en deux actes; \u{ab} Voil\u{e0} \u{bb}."
    );
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert!(!d.lossy);
    let mut le = vec![0xFF, 0xFE];
    le.extend("Caf\u{e9}\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    let d = decode(&le);
    assert_eq!(d.text, "Caf\u{e9}\n");
    assert_eq!(d.encoding.as_deref(), Some("UTF-16LE"));
    let d = decode(b"Title: X\r\nCharacter set encoding: ISO-8859-1\r\n\r\nminuti\xe6 of form");
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert!(d.text.ends_with("minuti\u{e6} of form"));
    let mut be = vec![0xFE, 0xFF];
    be.extend("x\u{2014}y".encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decode(&be).text, "x\u{2014}y");
}

#[test]
fn ascii_runs_match_a_plain_scan() {
    let naive = |b: &[u8]| b.iter().take_while(|c| (0x20..0x7F).contains(*c)).count();
    let cases: [&[u8]; 8] = [
        b"",
        b"plain text that is long enough for several words",
        b"twelve bytes\x7fafter",
        b"0123456789abcdef\x1fx",
        "caf\u{e9} au lait".as_bytes(),
        b"exactly8",
        b"exactly8\n",
        b"~~~~~~~~ ~~~~~~~\t",
    ];
    for c in cases {
        assert_eq!(printable_ascii_run(c), naive(c), "{c:?}");
    }
    for n in 0..=255u8 {
        let mut v = b"abcdefghijklmnop".to_vec();
        v[9] = n;
        assert_eq!(printable_ascii_run(&v), naive(&v), "byte {n}");
    }
}

#[test]
fn sanitize_is_single_line() {
    assert_eq!(sanitize("a\nb\x1b"), "a b\u{241B}");
}
