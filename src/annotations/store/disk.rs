//! Low-level store file operations: reading part files (v1 and v2), atomic
//! writes, moving corrupt files aside, and sweeping stale temp files.
//!
//! Every write here is all-or-nothing: a temp file in `<root>/.tmp/` (named
//! after the device, so each machine sweeps only its own) is fsynced, renamed
//! over the target, and the target's folder is fsynced; on any error the temp
//! file is removed and the target is untouched.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::merge::Record;
use super::{FORMAT_VERSION, StoreError};

/// The temp folder inside the store root.
pub(super) const TMP_DIR: &str = ".tmp";

/// One part file: a device's view of one article (format 2), or a whole
/// version-1 store file (no device, records without clocks).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Part {
    /// Format version.
    pub(super) version: u64,
    /// The device that wrote it (empty in v1 files).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) device: String,
    /// The article's path on that device.
    pub(super) path: String,
    /// Fingerprint of the article's text when written.
    pub(super) fingerprint: String,
    /// When written, RFC 3339 UTC (empty in v1 files).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) written: String,
    /// Annotations, tombstones and records of unknown kinds, as stored.
    pub(super) annotations: Vec<Record>,
    /// Top-level fields this version does not know, written back unchanged.
    #[serde(flatten)]
    pub(super) extra: Map<String, Value>,
}

/// Just enough to check the version before trusting the rest of the layout.
#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

/// How reading one part file went.
pub(super) enum ReadOutcome {
    Missing,
    Parsed(Part),
    Corrupt(String),
}

/// Read and parse one part file. A file from a newer format is an error.
pub(super) fn read_part(path: &Path) -> Result<ReadOutcome, StoreError> {
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
    Ok(match serde_json::from_slice::<Part>(&bytes) {
        Ok(part) => ReadOutcome::Parsed(part),
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

/// Write `part` to `target` durably via a temp file of `device` in `root/.tmp`.
pub(super) fn write_part(
    root: &Path,
    device: &str,
    target: &Path,
    part: &Part,
) -> Result<(), StoreError> {
    let save_error = |cause: io::Error| StoreError::Save {
        path: target.to_path_buf(),
        cause,
    };
    let mut json = serde_json::to_vec_pretty(part).map_err(|e| save_error(e.into()))?;
    json.push(b'\n');
    let tmp_dir = root.join(TMP_DIR);
    fs::create_dir_all(&tmp_dir).map_err(save_error)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{device}-"))
        .suffix(".tmp")
        .tempfile_in(&tmp_dir)
        .map_err(save_error)?;
    tmp.write_all(&json).map_err(save_error)?;
    tmp.as_file().sync_all().map_err(save_error)?;
    tmp.persist(target).map_err(|e| save_error(e.error))?;
    sync_dir(target.parent().unwrap_or(root)).map_err(save_error)
}

/// fsync a folder so that a rename or a new entry in it is durable.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Removes stale temp files: this device's in `root/.tmp` (the caller holds
/// the machine's store lock, so none is being written), other devices' there
/// when older than a day, and version-1 leftovers (`.ibid-*.tmp`, `*.json.lock`
/// in the root) older than a minute. Returns how many were removed.
pub(super) fn sweep(root: &Path, device: &str) -> usize {
    let old = |e: &fs::DirEntry, age: Duration| {
        e.metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|a| a > age)
    };
    let mut removed = 0;
    let own = format!("{device}-");
    for e in fs::read_dir(root.join(TMP_DIR))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        let stale = name.starts_with(&own) || old(&e, Duration::from_secs(86_400));
        if stale && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    for e in fs::read_dir(root).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let leftover = (name.starts_with(".ibid-") && name.ends_with(".tmp"))
            || name.ends_with(".json.lock")
            || name == "adopt.lock"
            || name == "adopt";
        if leftover
            && e.file_type().is_ok_and(|t| t.is_file())
            && old(&e, Duration::from_secs(60))
            && fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}
