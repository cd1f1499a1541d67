//! The zip container of an EPUB, read with limits: a file may expand to at
//! most [`MAX_ENTRY`] bytes, the whole book to [`MAX_TOTAL`], no entry more
//! than [`MAX_RATIO`] times its compressed size (zip bombs), and the sizes
//! the archive declares are not trusted (reads stop at the limit).

use std::io::{Cursor, Read};

/// Largest expanded size of one file of the book, in bytes.
pub const MAX_ENTRY: u64 = 64 << 20;
/// Largest expanded size of all the files read, in bytes.
pub const MAX_TOTAL: u64 = 256 << 20;
/// Largest expansion ratio of one file (past 1 MB).
pub const MAX_RATIO: u64 = 200;
/// Most files an archive may list.
pub const MAX_FILES: usize = 20_000;

/// An open book archive with its expansion budget.
pub struct Archive<'b> {
    zip: zip::ZipArchive<Cursor<&'b [u8]>>,
    spent: u64,
}

impl<'b> Archive<'b> {
    /// Opens the archive.
    ///
    /// # Errors
    /// A one-line message when the bytes are not a readable zip archive.
    pub fn open(bytes: &'b [u8]) -> Result<Self, String> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a readable EPUB: the zip archive is broken ({e})"))?;
        if zip.len() > MAX_FILES {
            return Err(format!(
                "not a readable EPUB: the archive lists {} files (at most {MAX_FILES})",
                zip.len()
            ));
        }
        Ok(Self { zip, spent: 0 })
    }

    /// The names of the files in the archive.
    #[must_use]
    pub fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.to_string())
            .collect()
    }

    /// True when the archive holds `name`.
    #[must_use]
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The bytes of `name`.
    ///
    /// # Errors
    /// A one-line message when the file is missing, broken, or would expand
    /// past the limits.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, String> {
        let mut f = self.zip.by_name(name).map_err(|e| format!("{name}: {e}"))?;
        let size = f.size();
        let packed = f.compressed_size().max(1);
        if size > MAX_ENTRY {
            return Err(format!(
                "not a readable EPUB: {name} would expand to {} MB (at most {} MB)",
                size >> 20,
                MAX_ENTRY >> 20
            ));
        }
        if size > 1 << 20 && size / packed > MAX_RATIO {
            return Err(format!(
                "not a readable EPUB: {name} expands {}-fold (a zip bomb?)",
                size / packed
            ));
        }
        let room = MAX_ENTRY.min(MAX_TOTAL.saturating_sub(self.spent));
        let mut out = Vec::with_capacity(usize::try_from(size.min(room)).unwrap_or(0));
        let read = (&mut f)
            .take(room + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("not a readable EPUB: {name} is damaged ({e})"))?;
        let read = read as u64;
        if read > room {
            return Err(format!(
                "not a readable EPUB: the files expand past {} MB (a zip bomb?)",
                MAX_TOTAL.min(self.spent + room + 1) >> 20
            ));
        }
        self.spent += read;
        Ok(out)
    }
}
