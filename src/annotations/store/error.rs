//! `StoreError`: what can go wrong in the store, worded for the status line.

use std::io;
use std::path::PathBuf;

/// Errors with user-facing messages (`Display` is meant for the status line).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store folder could not be created.
    #[error("cannot create annotations folder {}: {}", path.display(), describe(cause))]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        cause: io::Error,
    },
    /// A store file or folder could not be read.
    #[error("cannot read annotations: {}: {}", path.display(), describe(cause))]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        cause: io::Error,
    },
    /// Saving failed; the previous file is untouched.
    #[error("cannot save annotations: {}: {}", path.display(), describe(cause))]
    Save {
        /// The file that was being saved.
        path: PathBuf,
        /// The OS error.
        cause: io::Error,
    },
    /// The lock sidecar could not be locked.
    #[error("cannot lock annotations file {}: {}", path.display(), describe(cause))]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The OS error.
        cause: io::Error,
    },
    /// A corrupt file could not be moved aside, so nothing was saved over it.
    #[error(
        "annotations file {} is corrupt and could not be moved aside ({}); nothing was saved",
        path.display(),
        describe(cause)
    )]
    CorruptStuck {
        /// The corrupt file, left as it was.
        path: PathBuf,
        /// Why the rename failed.
        cause: io::Error,
    },
    /// The file has a format version this ibid does not know; it is left alone.
    #[error(
        "annotations file {} was written by a newer ibid (format version {version}); left untouched",
        path.display()
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version found in it.
        version: u64,
    },
}

impl StoreError {
    /// The underlying OS error kind, if any (e.g. to tell "disk full" apart).
    #[must_use]
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            StoreError::CreateDir { cause, .. }
            | StoreError::Read { cause, .. }
            | StoreError::Save { cause, .. }
            | StoreError::Lock { cause, .. }
            | StoreError::CorruptStuck { cause, .. } => Some(cause.kind()),
            StoreError::NewerVersion { .. } => None,
        }
    }
}

/// An OS error as a short phrase: "Read-only file system", without "(os error 30)"
/// or the temp-file path that `tempfile` appends.
pub(super) fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
