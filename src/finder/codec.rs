//! The cache file's compact binary format (little endian, length-prefixed UTF-8).
//!
//! `MAGIC`, article count, then per article: path, size, mtime, content hash, title, author?, date?,
//! note count, entry count, entries (kind, offset, heading or `u32::MAX`, text); then `END`.
//! Decoding checks every length and UTF-8 and the trailer, so a truncated or corrupt file
//! yields `None` (and a rebuild) rather than garbage.

use super::index::{ArticleInfo, Index};
use super::{Entry, Kind};
use std::path::PathBuf;

const MAGIC: &[u8; 8] = b"IBIDFX02";
const END: &[u8; 4] = b"END.";
const NONE: u32 = u32::MAX;

/// Serialises every live article of `index` (paths that are not UTF-8 are skipped).
#[cfg(test)]
#[must_use]
pub fn encode(index: &Index) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a `Vec` cannot fail.
    let _ = encode_to(index, &mut out);
    out
}

/// Streams the encoding of `index` into `w` one article at a time, so saving
/// never holds a second copy of the whole index in memory.
///
/// # Errors
/// Whatever `w` reports.
pub fn encode_to(index: &Index, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let live: Vec<(u32, &ArticleInfo)> = index
        .articles()
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.removed && a.path.to_str().is_some())
        .map(|(i, a)| (u32::try_from(i).unwrap_or(NONE), a))
        .collect();
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, u32::try_from(live.len()).unwrap_or(0));
    for (doc, a) in live {
        put_str(&mut out, a.path.to_str().unwrap_or(""));
        out.extend_from_slice(&a.size.to_le_bytes());
        out.extend_from_slice(&a.mtime.to_le_bytes());
        out.extend_from_slice(&a.hash.to_le_bytes());
        put_str(&mut out, &a.title);
        put_opt(&mut out, a.author.as_deref());
        put_opt(&mut out, a.date.as_deref());
        put_u32(&mut out, a.note_count);
        let entries = index.local_entries(doc);
        put_u32(&mut out, u32::try_from(entries.len()).unwrap_or(0));
        for e in &entries {
            out.push(kind_code(e.kind));
            put_u32(&mut out, e.offset);
            put_u32(&mut out, e.heading.unwrap_or(NONE));
            put_str(&mut out, &e.text);
        }
        w.write_all(&out)?;
        out.clear();
    }
    out.extend_from_slice(END);
    w.write_all(&out)
}

/// Parses a cache file held in memory; `None` when it is not exactly a valid one.
#[cfg(test)]
#[must_use]
pub fn decode(bytes: &[u8]) -> Option<Vec<(ArticleInfo, Vec<Entry>)>> {
    decode_from(bytes)
}

/// Parses a cache file as it is read from `input` (never holding the whole
/// file in memory); `None` when it is not exactly a valid one.
#[must_use]
pub fn decode_from(input: impl std::io::Read) -> Option<Vec<(ArticleInfo, Vec<Entry>)>> {
    let mut r = Reader { input };
    if r.array::<8>()? != *MAGIC {
        return None;
    }
    let n = r.u32()? as usize;
    let mut out = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let path = PathBuf::from(r.str()?);
        let size = r.u64()?;
        let mtime = r.u64()?;
        let hash = r.u64()?;
        let title = r.str()?;
        let author = r.opt()?;
        let date = r.opt()?;
        let note_count = r.u32()?;
        let count = r.u32()? as usize;
        let mut entries = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let kind = kind_of(r.array::<1>()?[0])?;
            let offset = r.u32()?;
            let heading = match r.u32()? {
                NONE => None,
                h if (h as usize) < count => Some(h),
                _ => return None,
            };
            let text: Box<str> = r.str()?.into_boxed_str();
            entries.push(Entry {
                kind,
                doc: 0,
                text,
                offset,
                heading,
            });
        }
        let info = ArticleInfo {
            path,
            title,
            author,
            date,
            size,
            mtime,
            hash,
            note_count,
            removed: false,
        };
        out.push((info, entries));
    }
    (r.array::<4>()? == *END && r.at_end()).then_some(out)
}

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Article => 0,
        Kind::Heading => 1,
        Kind::Passage => 2,
        Kind::Note => 3,
        Kind::Annotation => 4,
    }
}

fn kind_of(b: u8) -> Option<Kind> {
    Some(match b {
        0 => Kind::Article,
        1 => Kind::Heading,
        2 => Kind::Passage,
        3 => Kind::Note,
        4 => Kind::Annotation,
        _ => return None,
    })
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, u32::try_from(s.len()).unwrap_or(0));
    out.extend_from_slice(s.as_bytes());
}

fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    }
}

/// Reads the format's fields from a byte stream; every read checks that the
/// bytes are there (a string's length is trusted only as far as the data goes).
struct Reader<R> {
    input: R,
}

impl<R: std::io::Read> Reader<R> {
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut b = [0u8; N];
        self.input.read_exact(&mut b).ok()?;
        Some(b)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }
    fn str(&mut self) -> Option<String> {
        use std::io::Read;
        let n = self.u32()?;
        // Reserved up to a page: a corrupt length never reserves more.
        let mut v = Vec::with_capacity((n as usize).min(4096));
        (&mut self.input)
            .take(u64::from(n))
            .read_to_end(&mut v)
            .ok()?;
        if v.len() != n as usize {
            return None;
        }
        String::from_utf8(v).ok()
    }
    /// A stored optional string: outer `None` when the input is cut short.
    #[allow(clippy::option_option)]
    fn opt(&mut self) -> Option<Option<String>> {
        match self.array::<1>()?[0] {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    /// True when nothing follows.
    fn at_end(&mut self) -> bool {
        let mut b = [0u8; 1];
        matches!(self.input.read(&mut b), Ok(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};
    use std::path::Path;

    #[test]
    fn round_trips_and_rejects_truncation() {
        let mut ix = Index::new();
        let d = parse_str(
            "Title Here\n\nBody text.\n\nSection\n\nMore.\n",
            Format::Plain,
        );
        ix.add_document(Path::new("x.txt"), &d, 10, 20);
        let bytes = encode(&ix);
        let back = decode(&bytes).expect("valid cache");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0, ix.articles()[0]);
        assert_eq!(back[0].1, ix.local_entries(0));
        for cut in [0, 5, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_none());
        }
        let mut bad = bytes.clone();
        bad[8] ^= 0xff;
        assert!(decode(&bad).is_none());
        // Trailing bytes after the end mark: not exactly a cache file.
        let mut long = bytes.clone();
        long.push(0);
        assert!(decode(&long).is_none());
    }

    #[test]
    fn a_corrupt_length_is_refused_without_trusting_it() {
        // One article whose path claims 4 GB: the reader finds the bytes
        // missing instead of reserving them.
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        bytes.extend_from_slice(b"short");
        assert!(decode(&bytes).is_none());
    }

    #[test]
    fn streamed_decode_reads_a_file_as_written() {
        let mut ix = Index::new();
        let d = parse_str(
            "Title\n\nSection\n\nText.[1]\n\n[1] A note.\n",
            Format::Plain,
        );
        ix.add_document(Path::new("a.txt"), &d, 1, 2);
        ix.add_document(Path::new("b.txt"), &d, 3, 4);
        let mut file = tempfile::tempfile().expect("temp file");
        encode_to(&ix, &mut std::io::BufWriter::new(&mut file)).expect("write");
        std::io::Seek::rewind(&mut file).expect("rewind");
        let back = decode_from(std::io::BufReader::new(file)).expect("valid");
        assert_eq!(back.len(), 2);
        assert_eq!(back[1].0, ix.articles()[1]);
        // The doc id is not stored: the index gives it on insertion.
        let mut want = ix.local_entries(1);
        for e in &mut want {
            e.doc = 0;
        }
        assert_eq!(back[1].1, want);
    }
}
