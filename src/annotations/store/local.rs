//! This machine's side of the store, kept outside the synced data folder:
//! the device id (which part file is ours) and the lock that orders the
//! writes of several ibid processes on this machine.
//!
//! Both live in the local state folder: `IBID_STATE_DIR`, else the
//! platform's state folder (`~/.local/state/ibid` on Linux), else its cache
//! folder. Copying that folder to another machine would give both the same
//! device id; the store still merges their files (as conflict copies), so
//! nothing is lost, but each machine should have its own.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Name of the device-id file in the state folder.
const DEVICE_FILE: &str = "device-id";
/// Name of the lock file in the state folder.
const LOCK_FILE: &str = "store.lock";

/// This machine's identity and lock for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local {
    /// Device id: letters, digits, `-` and `_` only (it names a file).
    pub device: String,
    /// Folder holding the lock file (and the device-id file).
    pub dir: PathBuf,
}

/// The local state folder: `IBID_STATE_DIR`, else the platform's.
#[must_use]
pub fn default_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("IBID_STATE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("", "", "ibid").map_or_else(
        || std::env::temp_dir().join("ibid-state"),
        |p| p.state_dir().unwrap_or_else(|| p.cache_dir()).to_path_buf(),
    )
}

/// Keeps only characters that are safe in a file name, at most 40 of them.
#[must_use]
pub fn clean_device(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(40)
        .collect()
}

impl Local {
    /// The state folder `dir` with its device id, creating both if needed.
    /// When the folder cannot be written, a device id is derived from the
    /// host name and the lock goes in the temp folder.
    #[must_use]
    pub fn at(dir: &Path) -> Local {
        match read_or_create_device(dir) {
            Ok(device) => Local {
                device,
                dir: dir.to_path_buf(),
            },
            Err(_) => Local {
                device: clean_device(&format!("{}-nostate", host())),
                dir: std::env::temp_dir(),
            },
        }
    }

    /// The default state folder (see [`default_dir`]).
    #[must_use]
    pub fn default_local() -> Local {
        Local::at(&default_dir())
    }

    /// An explicit device id and lock folder (tests, tools).
    #[must_use]
    pub fn with_device(dir: impl Into<PathBuf>, device: &str) -> Local {
        Local {
            device: clean_device(device),
            dir: dir.into(),
        }
    }

    /// Takes this machine's store lock (blocking); released when dropped.
    ///
    /// # Errors
    /// The lock file could not be created or locked.
    pub fn lock(&self) -> Result<File, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let _ = fs::create_dir_all(&self.dir);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|cause| StoreError::Lock {
                path: path.clone(),
                cause,
            })?;
        file.lock()
            .map_err(|cause| StoreError::Lock { path, cause })?;
        Ok(file)
    }
}

fn host() -> String {
    let name = fs::read_to_string("/etc/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "device".into());
    let name = clean_device(name.trim());
    if name.is_empty() {
        "device".into()
    } else {
        name.chars().take(20).collect()
    }
}

fn read_or_create_device(dir: &Path) -> io::Result<String> {
    let path = dir.join(DEVICE_FILE);
    if let Ok(text) = fs::read_to_string(&path) {
        let id = clean_device(text.trim());
        if !id.is_empty() {
            return Ok(id);
        }
    }
    fs::create_dir_all(dir)?;
    let random = crate::annotations::new_id(std::time::SystemTime::now());
    let tail: String = random.chars().rev().take(8).collect();
    let id = clean_device(&format!("{}-{tail}", host()));
    // Written to a temp file and linked into place, so two first runs at once
    // agree on one id.
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(id.as_bytes())?;
    tmp.as_file().sync_all()?;
    match tmp.persist_noclobber(&path) {
        Ok(_) => Ok(id),
        Err(_) => Ok(clean_device(fs::read_to_string(&path)?.trim())),
    }
}
