//! [`escape_json_text`](super::escape_json_text) for a stream: a `Write` adapter.

use std::io::{self, Write};

/// Writes JSON through to `inner` with every character that must not reach a
/// terminal (C1, DEL, bidi and other invisible format characters) as a `\uXXXX`
/// escape. A UTF-8 sequence split across two writes is held until it completes.
pub struct EscapingWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> EscapingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    /// The wrapped writer, after writing any incomplete trailing bytes as they are.
    ///
    /// # Errors
    /// Writing the held bytes failed.
    pub fn into_inner(mut self) -> io::Result<W> {
        let rest = std::mem::take(&mut self.pending);
        self.inner.write_all(&rest)?;
        Ok(self.inner)
    }

    fn emit(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_ascii() && !bytes.contains(&0x7F) {
            return self.inner.write_all(bytes);
        }
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    return write_escaped(&mut self.inner, s);
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Valid by construction: `valid_up_to` bytes are UTF-8.
                    let s = std::str::from_utf8(good).unwrap_or_default();
                    write_escaped(&mut self.inner, s)?;
                    match e.error_len() {
                        // An incomplete sequence at the end: wait for the rest.
                        None => {
                            self.pending.extend_from_slice(bad);
                            return Ok(());
                        }
                        Some(n) => {
                            self.inner.write_all(&bad[..n])?;
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Writes `s` as [`escape_json_text`](super::escape_json_text) would, without
/// building a copy: runs of safe text go through as they are.
fn write_escaped<W: Write>(w: &mut W, s: &str) -> io::Result<()> {
    use super::clean::unsafe_in_json;
    let b = s.as_bytes();
    let (mut from, mut i) = (0, 0);
    while let Some(at) = find_may_start(b, i) {
        // A lead byte or DEL: always a char boundary.
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        i = at + c.len_utf8();
        if unsafe_in_json(c) {
            w.write_all(&b[from..at])?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            from = i;
        }
    }
    w.write_all(&b[from..])
}

/// The first byte at or after `i` that may start an escaped char
/// (`may_start_unsafe_in_json`): eight bytes at a time are passed over while
/// none of them is DEL or a non-ASCII byte (SWAR; a false alarm only sends
/// that chunk to the exact test).
fn find_may_start(b: &[u8], mut i: usize) -> Option<usize> {
    use super::clean::may_start_unsafe_in_json;
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(arr);
        let y = x ^ (LO * 0x7F);
        let del = y.wrapping_sub(LO) & !y & HI;
        if (x & HI) | del != 0
            && let Some(k) = chunk.iter().position(|&c| may_start_unsafe_in_json(c))
        {
            return Some(i + k);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|&c| may_start_unsafe_in_json(c))
        .map(|k| i + k)
}

impl<W: Write> Write for EscapingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.emit(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.emit(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_whole_text_even_split_mid_character() {
        let json = "{\"t\":\"a\u{202E}b\u{85}c\u{7F}é\"}";
        let whole = super::super::escape_json_text(json);
        for cut in 0..json.len() {
            let mut w = EscapingWriter::new(Vec::new());
            w.write_all(&json.as_bytes()[..cut]).expect("write");
            w.write_all(&json.as_bytes()[cut..]).expect("write");
            let out = String::from_utf8(w.into_inner().expect("inner")).expect("utf8");
            assert_eq!(out, whole, "cut at {cut}");
        }
        assert!(!whole.contains('\u{202E}') && whole.contains("\\u202e"));
    }

    #[test]
    fn every_code_point_streams_as_the_whole_text_escapes_it() {
        // Every char (in chunks), so the byte test before the char test
        // misses none that escape_json_text escapes.
        let all: Vec<char> = (0..=0x0010_FFFF_u32).filter_map(char::from_u32).collect();
        for chunk in all.chunks(4096) {
            let s: String = chunk.iter().collect();
            let mut w = EscapingWriter::new(Vec::new());
            w.write_all(s.as_bytes()).expect("write");
            let out = String::from_utf8(w.into_inner().expect("inner")).expect("utf8");
            assert_eq!(out, super::super::escape_json_text(&s));
        }
    }
}
