//! The annotation store on disk: one JSON file per article under a root folder.
//!
//! File: `<root>/<first 32 hex of sha256(canonical path)>.json` holding
//! `{"version":1,"path":…,"fingerprint":…,"annotations":[…]}`.
//! Invariants:
//! - Changes are made as operations merged into the current on-disk state
//!   ([`Store::apply`]) under an exclusive lock on `<file>.lock`, so concurrent
//!   ibid processes never lose each other's changes.
//! - A write is reported as done only once the data is on disk: temp file in the
//!   same folder, `fsync`, rename over the old file, `fsync` of the folder. A
//!   failed write leaves the previous file untouched.
//! - A file that cannot be parsed is never overwritten: it is renamed to
//!   `<name>.corrupt-<unix time>` and reported; a file from a newer format
//!   version is left alone and reported as an error.
//! - Lock files are never deleted (deleting them would let two writers in).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Annotation;
use super::hash::sha256_hex;

/// The file format version this code reads and writes.
pub const FORMAT_VERSION: u64 = 1;
/// Taken (before any file lock) by a lookup that may adopt another path's file.
const ADOPT_LOCK: &str = "adopt";

/// Fingerprint of an article's cleaned text: SHA-256, 64 hex digits. Stable
/// across Rust releases and platforms, so a moved article is recognised.
pub fn fingerprint(text: &str) -> String {
    sha256_hex(text.as_bytes())
}

/// Which article an operation is about: its canonical path and the fingerprint
/// of the text the caller has open (used to find the file of a moved article).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleKey {
    /// Canonical path of the article file (the caller canonicalises).
    pub path: PathBuf,
    /// [`fingerprint`] of the article's current cleaned text.
    pub fingerprint: String,
}

impl ArticleKey {
    /// Key for the article at `canonical_path` whose cleaned text is `text`.
    pub fn new(canonical_path: impl Into<PathBuf>, text: &str) -> ArticleKey {
        ArticleKey {
            path: canonical_path.into(),
            fingerprint: fingerprint(text),
        }
    }
}

/// One change to merge into an article's stored annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Insert, or replace the annotation with the same id unless the stored one
    /// has a strictly later `modified` time (a stale copy never wins).
    Upsert(Annotation),
    /// Remove the annotation with this id (absent ids are ignored).
    Delete(String),
}

/// The annotations of one article as now on disk, plus anything the user should be told.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// The merged annotations, in stored order.
    pub annotations: Vec<Annotation>,
    /// User-facing messages, e.g. "annotations file X was corrupt …; moved to Y".
    pub warnings: Vec<String>,
    /// Fingerprint of the text the annotations were last saved against, if any
    /// file existed; differs from the key's when the article changed (re-anchor).
    pub stored_fingerprint: Option<String>,
    /// The article's previous path, when its file was found by fingerprint.
    pub adopted_from: Option<PathBuf>,
}

/// One article's stored annotations, as listed by [`Store::all`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// The article path recorded in the file.
    pub path: PathBuf,
    /// Fingerprint of the text the annotations were saved against.
    pub fingerprint: String,
    /// The annotations, in stored order.
    pub annotations: Vec<Annotation>,
}

/// Everything in the store, plus files that were skipped and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    /// Articles sorted by path.
    pub articles: Vec<StoredArticle>,
    /// User-facing messages about unreadable files (left untouched).
    pub warnings: Vec<String>,
}

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
fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The on-disk file layout (format version 1).
#[derive(Debug, Serialize, Deserialize)]
struct FileData {
    version: u64,
    path: String,
    fingerprint: String,
    annotations: Vec<Annotation>,
}

/// Just enough to check the version before trusting the rest of the layout.
#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

/// How reading one store file went.
enum ReadOutcome {
    Missing,
    Parsed(FileData),
    Corrupt(String),
}

/// Handle on a store root folder. Cheap; holds no open files or locks.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Use `root` (e.g. `<data_dir>/annotations/`) as the store, creating it if needed.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(|cause| StoreError::CreateDir {
            path: root.clone(),
            cause,
        })?;
        Ok(Store { root })
    }

    /// The store folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The JSON file that holds the annotations of the article at `path`.
    pub fn file_for(&self, path: &Path) -> PathBuf {
        let digest = sha256_hex(path.as_os_str().as_encoded_bytes());
        self.root.join(format!("{}.json", &digest[..32]))
    }

    /// The annotations stored for `key`: by path, or else (a moved or renamed
    /// article) the file whose fingerprint matches, which is then adopted under
    /// the new path. A corrupt file is moved aside and reported in `warnings`.
    pub fn load(&self, key: &ArticleKey) -> Result<Loaded, StoreError> {
        self.transact(key, None)
    }

    /// Lock the article's file, re-read it, merge `ops`, write it atomically and
    /// return the merged state. Returns only after the data is on disk.
    pub fn apply(&self, key: &ArticleKey, ops: &[Op]) -> Result<Loaded, StoreError> {
        self.transact(key, Some(ops))
    }

    /// Every article in the store, sorted by path, for the finder and export.
    /// Unreadable files are skipped with a warning and left untouched.
    pub fn all(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        for file in self.json_files()? {
            match read_file(&file) {
                Ok(ReadOutcome::Parsed(data)) => listing.articles.push(StoredArticle {
                    path: PathBuf::from(data.path),
                    fingerprint: data.fingerprint,
                    annotations: data.annotations,
                }),
                Ok(ReadOutcome::Missing) => {}
                Ok(ReadOutcome::Corrupt(why)) => listing.warnings.push(format!(
                    "annotations file {} is corrupt ({why}); skipped",
                    file.display()
                )),
                Err(e) => listing.warnings.push(format!("{e}; skipped")),
            }
        }
        listing.articles.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(listing)
    }

    /// Shared body of `load` (`ops` = None) and `apply`.
    fn transact(&self, key: &ArticleKey, ops: Option<&[Op]>) -> Result<Loaded, StoreError> {
        let target = self.file_for(&key.path);
        if let Some(loaded) = self.transact_locked(key, ops, &target, !target.exists())? {
            return Ok(loaded);
        }
        // The file vanished after the first check: retry holding the adopt lock,
        // which makes `transact_locked` always finish.
        Ok(self
            .transact_locked(key, ops, &target, true)?
            .unwrap_or_default())
    }

    /// `transact` with locks held. Lock order: adopt lock, then the target's,
    /// then the adopted file's; only adopt-lock holders take a second file lock,
    /// so there is no cycle. Returns `None` if adoption is needed but the adopt
    /// lock was not taken.
    fn transact_locked(
        &self,
        key: &ArticleKey,
        ops: Option<&[Op]>,
        target: &Path,
        adopt_lock: bool,
    ) -> Result<Option<Loaded>, StoreError> {
        let writing = ops.is_some();
        let _adopt_guard = if adopt_lock {
            lock(&self.root.join(ADOPT_LOCK), writing)?
        } else {
            None
        };
        let _target_guard = lock(target, writing)?;

        let mut loaded = Loaded::default();
        let mut current = None;
        let mut old_file = None;
        let mut _old_guard = None;
        match read_file(target)? {
            ReadOutcome::Parsed(data) => current = Some(data),
            ReadOutcome::Corrupt(why) => match move_aside(target) {
                Ok(aside) => loaded.warnings.push(format!(
                    "annotations file {} was corrupt ({why}); moved to {}",
                    target.display(),
                    aside.display()
                )),
                Err(cause) => {
                    let e = StoreError::CorruptStuck {
                        path: target.to_path_buf(),
                        cause,
                    };
                    if writing {
                        return Err(e);
                    }
                    loaded.warnings.push(e.to_string());
                    return Ok(Some(loaded));
                }
            },
            ReadOutcome::Missing if !adopt_lock => return Ok(None),
            ReadOutcome::Missing => {
                if let Some(file) = self.find_by_fingerprint(key, target)? {
                    _old_guard = lock(&file, writing)?;
                    // Re-read under its lock: it may have changed since the scan.
                    if let Ok(ReadOutcome::Parsed(data)) = read_file(&file)
                        && data.fingerprint == key.fingerprint
                    {
                        loaded.adopted_from = Some(PathBuf::from(&data.path));
                        // A copy (old path still there) keeps its file; a move drops it.
                        if !Path::new(&data.path).exists() {
                            old_file = Some(file);
                        }
                        current = Some(data);
                    }
                }
            }
        }
        loaded.stored_fingerprint = current.as_ref().map(|d| d.fingerprint.clone());
        let existed = current.is_some();
        loaded.annotations = current.map(|d| d.annotations).unwrap_or_default();
        if let Some(ops) = ops {
            merge(&mut loaded.annotations, ops);
        }

        let changed = ops.is_some_and(|o| !o.is_empty()) || loaded.adopted_from.is_some();
        if !changed || (!existed && loaded.annotations.is_empty()) {
            return Ok(Some(loaded));
        }
        let data = FileData {
            version: FORMAT_VERSION,
            path: key.path.to_string_lossy().into_owned(),
            fingerprint: key.fingerprint.clone(),
            annotations: loaded.annotations.clone(),
        };
        match write_atomic(&self.root, target, &data) {
            Ok(()) => {}
            Err(e) if writing => return Err(e),
            Err(e) => {
                loaded.warnings.push(format!(
                    "{e} (showing the annotations found under the old path)"
                ));
                return Ok(Some(loaded));
            }
        }
        if let Some(old) = old_file
            && let Err(cause) = fs::remove_file(&old).and_then(|()| sync_dir(&self.root))
        {
            loaded.warnings.push(format!(
                "annotations were copied to {} but the old file {} could not be removed: {}",
                target.display(),
                old.display(),
                describe(&cause)
            ));
        }
        Ok(Some(loaded))
    }

    /// A file (other than `target`) whose stored fingerprint is the key's,
    /// preferring one whose recorded article path no longer exists.
    fn find_by_fingerprint(
        &self,
        key: &ArticleKey,
        target: &Path,
    ) -> Result<Option<PathBuf>, StoreError> {
        if key.fingerprint == fingerprint("") {
            return Ok(None); // every empty article would match
        }
        let mut found: Option<PathBuf> = None;
        for file in self.json_files()? {
            if file == target {
                continue;
            }
            if let Ok(ReadOutcome::Parsed(data)) = read_file(&file) {
                if data.fingerprint != key.fingerprint {
                    continue;
                }
                let gone = !Path::new(&data.path).exists();
                if found.is_none() || gone {
                    found = Some(file);
                    if gone {
                        break;
                    }
                }
            }
        }
        Ok(found)
    }

    /// The store's `*.json` files, sorted; an absent root is an empty store.
    fn json_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(cause) => {
                return Err(StoreError::Read {
                    path: self.root.clone(),
                    cause,
                });
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "json")
                    && p.file_name()
                        .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        Ok(files)
    }
}

/// Apply `ops` in order to `annotations`.
fn merge(annotations: &mut Vec<Annotation>, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Upsert(new) => match annotations.iter_mut().find(|a| a.id == new.id) {
                Some(old) if old.modified > new.modified => {}
                Some(old) => *old = new.clone(),
                None => annotations.push(new.clone()),
            },
            Op::Delete(id) => annotations.retain(|a| &a.id != id),
        }
    }
}

/// Open and exclusively lock `<file>.lock`. When only reading and the lock file
/// cannot be created (read-only store), go on unlocked: renames are atomic, so
/// a reader still sees a whole file.
fn lock(file: &Path, writing: bool) -> Result<Option<File>, StoreError> {
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
fn read_file(path: &Path) -> Result<ReadOutcome, StoreError> {
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
fn move_aside(path: &Path) -> io::Result<PathBuf> {
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
fn write_atomic(dir: &Path, target: &Path, data: &FileData) -> Result<(), StoreError> {
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
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}
