//! Reading article files from disk (the only place that does) and scanning
//! library folders for articles (text, markup, HTML, EPUB and PDF files).

use crate::document::{self, Document};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

mod listing;

/// The default largest article read (256 MB; `max_file_mb` in `[library]`).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The largest file read, set once at start-up from the configuration
/// ([`set_max_file_bytes`]); every reader of article files honours it.
static MAX_FILE_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_BYTES);

/// Sets the size limit (bytes) for every later read.
pub fn set_max_file_bytes(limit: u64) {
    MAX_FILE_BYTES.store(limit, Ordering::Relaxed);
}

/// The size limit (bytes) reads use now.
#[must_use]
pub fn max_file_bytes() -> u64 {
    MAX_FILE_BYTES.load(Ordering::Relaxed)
}

/// Why a file could not be opened as an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist or cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A directory, or a binary file (NUL bytes).
    #[error("{0}: not a text document")]
    NotText(PathBuf),
    /// A FIFO, socket or device: only regular files are read.
    #[error("{path}: not read: it is {what}, not a regular file")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead (`"a FIFO (named pipe)"`, ...).
        what: &'static str,
    },
    /// Larger than the configured limit.
    #[error(
        "{path}: too large to read ({}, the limit is {}; set max_file_mb in [library])",
        human_size(*size),
        human_size(*limit)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// A byte count for messages: `"12 KB"`, `"300.5 MB"`, `"1.2 GB"` (powers of 1024).
#[must_use]
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    #[allow(clippy::cast_precision_loss)] // a message, not arithmetic
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if v.fract() < 0.05 || v >= 100.0 {
        format!("{v:.0} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// Reads and parses an article; binary files, directories, non-files and
/// files over the size limit are refused.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, not a regular text file, or too large.
pub fn read_document(path: &Path) -> Result<Document, LoadError> {
    Ok(document::parse_owned(read_article_bytes(path)?, Some(path)))
}

/// An article's bytes: binary allowed for the container formats (EPUB,
/// PDF), text required for the rest.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, not a regular file, too large,
/// or binary where text is required.
pub fn read_article_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    if is_container(path) {
        read_file_bytes(path)
    } else {
        read_text_bytes(path)
    }
}

/// True for the container formats (EPUB, PDF), whose bytes cannot be
/// cut into a readable first part.
#[must_use]
pub fn is_container(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(document::Format::from_extension)
        .is_some_and(|f| matches!(f, document::Format::Epub | document::Format::Pdf))
}

/// What a non-regular file is, for the message.
fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_symlink() {
        return "a broken symbolic link";
    }
    "not a file"
}

/// Refuses anything but a regular file within the size limit.
fn check_file(path: &Path, md: &std::fs::Metadata, limit: u64) -> Result<(), LoadError> {
    if md.is_dir() {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    if !md.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_path_buf(),
            what: kind_of(md.file_type()),
        });
    }
    if md.len() > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: md.len(),
            limit,
        });
    }
    Ok(())
}

/// Opens `path` for reading without ever blocking on a FIFO or device: the
/// type is checked before opening, the open is non-blocking, and the opened
/// file is checked again (it may have been swapped in between).
fn open_regular(path: &Path, limit: u64) -> Result<std::fs::File, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    check_file(path, &std::fs::metadata(path).map_err(io)?, limit)?;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = opts.open(path).map_err(io)?;
    check_file(path, &file.metadata().map_err(io)?, limit)?;
    Ok(file)
}

/// Reads a file's bytes, refusing directories, non-files, files over the
/// size limit ([`max_file_bytes`]) and binary content.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, not a regular text file, or too large.
pub fn read_text_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_text_bytes_within(path, max_file_bytes())
}

/// [`read_text_bytes`] with an explicit size limit in bytes.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, not a regular text file, or over `limit`.
pub fn read_text_bytes_within(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let bytes = read_bytes_within(path, limit)?;
    if bytes.iter().take(1 << 16).any(|&b| b == 0) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    Ok(bytes)
}

/// The first `n` bytes of a text file (the same checks as
/// [`read_text_bytes`] on them) and the file's length, so a big article's
/// first part can be parsed before the whole file is read.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, not a regular text file, or too large.
pub fn read_text_head(path: &Path, n: usize) -> Result<(Vec<u8>, u64), LoadError> {
    use std::io::Read;
    let file = open_regular(path, max_file_bytes())?;
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let len = file.metadata().map_err(io)?.len();
    let mut bytes = Vec::with_capacity(n);
    file.take(u64::try_from(n).unwrap_or(u64::MAX))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.iter().take(1 << 16).any(|&b| b == 0) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    Ok((bytes, len))
}

/// Reads a binary file's bytes (EPUB, PDF), with the same checks as
/// [`read_text_bytes`] but binary content allowed.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, not a regular file, or too large.
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bytes_within(path, max_file_bytes())
}

/// A regular file's bytes, at most `limit` of them (a file growing while it
/// is read still stops at the limit).
fn read_bytes_within(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let file = open_regular(path, limit)?;
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let len = file.metadata().map_err(io)?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: read,
            limit,
        });
    }
    Ok(bytes)
}

/// The bundled seed articles: `<crate>/seeds` as built, else a `seeds`
/// folder beside the executable or one of its ancestors.
#[must_use]
pub fn seeds_dir() -> Option<PathBuf> {
    let built = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    if built.is_dir() {
        return Some(built);
    }
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .map(|a| a.join("seeds"))
        .find(|p| p.is_dir())
}

/// The data directory: `over` if given, else the platform's
/// (`ProjectDirs::from("", "", "ibid")`, e.g. `~/.local/share/ibid`).
#[must_use]
pub fn data_dir(over: Option<&Path>) -> Option<PathBuf> {
    over.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "ibid").map(|p| p.data_dir().to_path_buf())
    })
}

/// `<data>/library`, created if missing.
///
/// # Errors
/// The folder could not be created.
pub fn library_dir(data: &Path) -> std::io::Result<PathBuf> {
    let dir = data.join("library");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Expands files and folders into article files: a folder gives its
/// `.txt`/`.md` files sorted by name; a file is kept as given (even if it
/// turns out unreadable, so the list can say why).
#[must_use]
pub fn scan(paths: &[PathBuf]) -> Vec<PathBuf> {
    scan_cached(paths, None)
}

/// [`scan`], with each folder's listing kept in `cache` between starts
/// (`listing`): an unchanged folder is not listed again.
#[must_use]
pub fn scan_cached(paths: &[PathBuf], cache: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(listing::scan_dir(p, cache));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// The article files of one folder, sorted by name.
fn scan_dir(p: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(p)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            // The directory listing says what each entry is: no stat
            // per file, except to follow symbolic links.
            e.file_type()
                .is_ok_and(|t| t.is_file() || (t.is_symlink() && e.path().is_file()))
        })
        .map(|e| e.path())
        .filter(|f| crate::document::Format::is_readable_path(f))
        .collect();
    // Every entry is `p` joined with one name: ordering the whole
    // paths as strings orders them as `Path` does (by that name),
    // without splitting each into components per comparison.
    v.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifos_devices_and_big_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tmp");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // Nobody writes to the FIFO: a blocking open would hang here.
        let e = read_text_bytes(&fifo).expect_err("a FIFO");
        assert!(e.to_string().contains("FIFO"), "{e}");
        let e = read_text_bytes(Path::new("/dev/zero")).expect_err("a device");
        assert!(e.to_string().contains("character device"), "{e}");
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 3000]).expect("write");
        let e = read_text_bytes_within(&big, 2048).expect_err("too large");
        let msg = e.to_string();
        assert!(msg.contains("2.9 KB") && msg.contains("2 KB"), "{msg}");
        assert_eq!(
            read_text_bytes_within(&big, 3000).map(|b| b.len()).ok(),
            Some(3000)
        );
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(10), "10 bytes");
        assert_eq!(human_size(256 * 1024 * 1024), "256 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
    }

    #[test]
    fn scan_finds_txt_md_and_pdf() {
        let dir = tempfile::tempdir().expect("tmp");
        for n in ["b.md", "a.txt", "c.pdf", "d.png"] {
            std::fs::write(dir.path().join(n), "x").expect("write");
        }
        let v = scan(&[dir.path().to_path_buf()]);
        let names: Vec<_> = v.iter().filter_map(|p| p.file_name()?.to_str()).collect();
        assert_eq!(names, ["a.txt", "b.md", "c.pdf"]);
    }
}
