//! Reading article files from disk (the only place that does) and scanning
//! library folders for `.txt`/`.md` articles.

use crate::document::{self, Document};
use std::path::{Path, PathBuf};

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
}

/// Reads and parses an article; binary files and directories are refused.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, a directory, or binary.
pub fn read_document(path: &Path) -> Result<Document, LoadError> {
    let bytes = read_text_bytes(path)?;
    Ok(document::parse(&bytes, Some(path)))
}

/// Reads a file's bytes, refusing directories and binary content.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, a directory, or binary.
pub fn read_text_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    if path.is_dir() {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.iter().take(1 << 16).any(|&b| b == 0) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    Ok(bytes)
}
