//! Low-level store file operations: locking, reading, moving aside, atomic writes.
//!
//! Every write here is all-or-nothing: a temp file in the same folder is
//! fsynced, renamed over the target, and the folder is fsynced; on any error
//! the temp file is removed and the target is untouched.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, StoreError};
use crate::annotations::Annotation;

/// The on-disk file layout (format version 1).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct FileData {
    pub(super) version: u64,
    pub(super) path: String,
    pub(super) fingerprint: String,
    pub(super) annotations: Vec<Annotation>,
}

/// Just enough to check the version before trusting the rest of the layout.
#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

/// How reading one store file went.
pub(super) enum ReadOutcome {
    Missing,
    Parsed(FileData),
    Corrupt(String),
}

/// Open and exclusively lock `<file>.lock`. When only reading and the lock file
/// cannot be created (read-only store), go on unlocked: renames are atomic, so
/// a reader still sees a whole file.
pub(super) fn lock(file: &Path, writing: bool) -> Result<Option<File>, StoreError> {
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let opened = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path);
    let handle = match opened {
        Ok(handle) => handle,
        Err(cause) if writing => return Err(StoreError::Save { path, cause }),
        Err(_) => match File::open(&path) {
            Ok(handle) => handle,
            Err(_) => return Ok(None),
        },
    };
    handle
        .lock()
        .map_err(|cause| StoreError::Lock { path, cause })?;
    Ok(Some(handle))
}

/// Read and parse one store file.
pub(super) fn read_file(path: &Path) -> Result<ReadOutcome, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(ReadOutcome::Missing),
        Err(cause) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    let version = match serde_json::from_slice::<VersionOnly>(&bytes) {
        Ok(v) => v.version,
        Err(e) => return Ok(ReadOutcome::Corrupt(e.to_string())),
    };
    if version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            version,
        });
    }
    Ok(match serde_json::from_slice::<FileData>(&bytes) {
        Ok(data) => ReadOutcome::Parsed(data),
        Err(e) => ReadOutcome::Corrupt(e.to_string()),
    })
}

/// Rename a corrupt file to `<name>.corrupt-<unix secs>[-n]` without replacing anything.
pub(super) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut n = 0u32;
    loop {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".corrupt-{secs}"));
        if n > 0 {
            name.push(format!("-{n}"));
        }
        let aside = PathBuf::from(name);
        if !aside.exists() {
            fs::rename(path, &aside)?;
            if let Some(dir) = path.parent() {
                sync_dir(dir)?;
            }
            return Ok(aside);
        }
        n += 1;
    }
}

/// Write `data` to `target` durably: temp file in `dir`, fsync, rename, fsync `dir`.
pub(super) fn write_atomic(dir: &Path, target: &Path, data: &FileData) -> Result<(), StoreError> {
    let save_error = |cause: io::Error| StoreError::Save {
        path: target.to_path_buf(),
        cause,
    };
    let mut json = serde_json::to_vec_pretty(data).map_err(|e| save_error(e.into()))?;
    json.push(b'\n');
    let mut tmp = tempfile::Builder::new()
        .prefix(".ibid-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(save_error)?;
    tmp.write_all(&json).map_err(save_error)?;
    tmp.as_file().sync_all().map_err(save_error)?;
    tmp.persist(target).map_err(|e| save_error(e.error))?;
    sync_dir(dir).map_err(save_error)
}

/// fsync a folder so that a rename in it is durable.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}
