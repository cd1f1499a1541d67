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

mod disk;
mod error;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Annotation;
use super::hash::sha256_hex;
use disk::{FileData, ReadOutcome, lock, move_aside, read_file, sync_dir, write_atomic};
pub use error::StoreError;
use error::describe;

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
