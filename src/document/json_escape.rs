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
                    self.inner
                        .write_all(super::escape_json_text(s).as_bytes())?;
                    return Ok(());
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Valid by construction: `valid_up_to` bytes are UTF-8.
                    let s = std::str::from_utf8(good).unwrap_or_default();
                    self.inner
                        .write_all(super::escape_json_text(s).as_bytes())?;
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
}
