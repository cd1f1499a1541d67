//! The annotation store on disk (format 2, see `docs/store.md`): one folder
//! per article, one part file per device in it, merged on read.
//!
//! Invariants:
//! - Reading never writes. A write re-reads the article's parts under this
//!   machine's lock (in the local state folder, not in the store), merges
//!   them with the changes, and replaces only this device's part file, so
//!   two machines that sync the folder never write the same file.
//! - A write is reported as done only once the data is on disk: temp file in
//!   `<root>/.tmp`, `fsync`, rename, `fsync` of the folder. A failed write
//!   leaves the previous file untouched.
//! - Nothing is dropped: deletes leave tombstones, concurrent edits are kept
//!   side by side (`merge`), unknown fields and kinds are written back, a
//!   corrupt part is moved aside as `<name>.corrupt-<time>` before this
//!   device's part replaces it, version-1 files and sync-tool conflict copies
//!   are merged and then moved into the article folder or removed.

mod disk;
mod error;
mod layout;
mod listing;
mod local;
mod merge;

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::{Annotation, Clock};
use crate::annotations::hash::sha256_hex;
use disk::{Part, move_aside, sync_dir, write_part};
pub use error::StoreError;
use layout::{Parts, locate, read_parts};
pub use local::{Local, default_dir as default_state_dir};

/// The file format version this code writes (it reads 1 and 2).
pub const FORMAT_VERSION: u64 = 2;

/// Fingerprint of an article's cleaned text: SHA-256, 64 hex digits. Stable
/// across Rust releases and platforms, so a moved article is recognised.
#[must_use]
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
// Ops are few and short-lived (one per user action); boxing the annotation
// would only make every caller's pattern noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Insert, or replace the stored version it was edited from (its
    /// `clock`). If the stored version changed elsewhere since, both texts are
    /// kept and a warning says so; an edit of an annotation deleted
    /// elsewhere is kept as a new annotation.
    Upsert(Annotation),
    /// Delete (leave a tombstone), unless the annotation was edited elsewhere
    /// after version `base` (then it stays, with a warning).
    Delete {
        /// The annotation's id.
        id: String,
        /// The clock of the version the user deleted.
        base: Clock,
    },
}

/// The annotations of one article as now on disk, plus anything the user should be told.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// The merged annotations, sorted by id (creation time).
    pub annotations: Vec<Annotation>,
    /// User-facing messages: skipped files, merged conflicts, stale edits.
    pub warnings: Vec<String>,
    /// Fingerprint of the text the annotations were last saved against, if any
    /// file existed; differs from the key's when the article changed (re-anchor).
    pub stored_fingerprint: Option<String>,
    /// The path recorded for the annotations, when it is not the key's (a
    /// moved article, or the same text elsewhere or on another machine).
    pub adopted_from: Option<PathBuf>,
}

/// One article's stored annotations, as listed by [`Store::all`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// The article path recorded by this device (else the latest recorded).
    pub path: PathBuf,
    /// Every path recorded for it (other machines, earlier places).
    pub paths: Vec<PathBuf>,
    /// Fingerprint of the text the annotations were saved against.
    pub fingerprint: String,
    /// The annotations, sorted by id.
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

/// Handle on a store root folder. Holds no open files or locks; clones share
/// the memory of what this process wrote (so its own queued saves are never
/// mistaken for edits made elsewhere).
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    local: Local,
    own: Arc<Mutex<HashMap<String, Clock>>>,
    v1: Arc<OnceLock<Vec<(PathBuf, String, String)>>>,
}

impl Store {
    /// Use `root` (e.g. `<data_dir>/annotations/`) as the store, creating it
    /// if needed, as this machine's device ([`Local::default_local`]).
    ///
    /// # Errors
    /// [`StoreError`] when the folder cannot be created or read.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        Store::open_as(root, Local::default_local())
    }

    /// [`Store::open`] with an explicit device and lock folder.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_as(root: impl Into<PathBuf>, local: Local) -> Result<Store, StoreError> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(|cause| StoreError::CreateDir {
            path: root.clone(),
            cause,
        })?;
        Ok(Store {
            root,
            local,
            own: Arc::default(),
            v1: Arc::default(),
        })
    }

    /// The store folder.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// This device's id (its part files are `<device>.json`).
    #[must_use]
    pub fn device(&self) -> &str {
        &self.local.device
    }

    /// The folder that holds (or would hold) `key`'s annotations.
    #[must_use]
    pub fn dir_for(&self, key: &ArticleKey) -> PathBuf {
        locate(&self.root, key).unwrap_or_else(|| self.root.join(layout::new_name(key)))
    }

    /// The annotations stored for `key` (by path, else by text: a moved or
    /// renamed article keeps its notes). Never writes.
    ///
    /// # Errors
    /// [`StoreError`] when the article's folder cannot be read.
    pub fn load(&self, key: &ArticleKey) -> Result<Loaded, StoreError> {
        let (_, parts) = self.gather(key)?;
        let m = merge::merge(parts.records.clone());
        let mut warnings = parts.warnings.clone();
        warnings.extend(m.notes);
        let (stored_fingerprint, adopted_from) = self.whence(key, &parts);
        Ok(Loaded {
            annotations: sorted(merge::visible(&m.records)),
            warnings,
            stored_fingerprint,
            adopted_from,
        })
    }

    /// The fingerprint last saved for the article, and the recorded path when
    /// none of the parts records `key`'s.
    fn whence(&self, key: &ArticleKey, parts: &Parts) -> (Option<String>, Option<PathBuf>) {
        let best = parts.best(self.device());
        let paths = parts.paths();
        (
            best.map(|p| p.fingerprint.clone()),
            best.filter(|_| !paths.contains(&key.path))
                .map(|p| PathBuf::from(&p.path)),
        )
    }

    /// Lock this machine's store, re-read the article's parts, merge `ops`,
    /// write this device's part atomically and return the merged state.
    /// Returns only after the data is on disk.
    ///
    /// # Errors
    /// [`StoreError`] when the lock, a read or the atomic write fails; the
    /// stored data is then unchanged.
    pub fn apply(&self, key: &ArticleKey, ops: &[Op]) -> Result<Loaded, StoreError> {
        let _lock = self.local.lock()?;
        let (dir, parts) = self.gather(key)?;
        let (stored_fingerprint, adopted_from) = self.whence(key, &parts);
        let mut loaded = self.write_view(&dir, key, &parts, ops)?;
        loaded.stored_fingerprint = stored_fingerprint;
        loaded.adopted_from = adopted_from;
        Ok(loaded)
    }

    /// The article folder for `key` and every part that applies to it (its
    /// folder's parts plus any version-1 file).
    fn gather(&self, key: &ArticleKey) -> Result<(PathBuf, Parts), StoreError> {
        let found = locate(&self.root, key);
        let dir = found
            .clone()
            .unwrap_or_else(|| self.root.join(layout::new_name(key)));
        let mut parts = read_parts(&dir)?;
        let v1 = layout::v1_file(&self.root, &key.path);
        if v1.exists() {
            parts.add_file(&v1);
        } else if found.is_none() && key.fingerprint != fingerprint("") {
            let index = self.v1.get_or_init(|| layout::v1_files(&self.root));
            if let Some((file, _, _)) = index
                .iter()
                .find(|(f, fp, _)| fp == &key.fingerprint && f.exists())
            {
                parts.add_file(file);
            }
        }
        Ok((dir, parts))
    }

    /// Merges `parts` with `ops`, writes this device's part in `dir`, then
    /// tidies: conflict copies removed, version-1 files moved in, aliases added.
    fn write_view(
        &self,
        dir: &Path,
        key: &ArticleKey,
        parts: &Parts,
        ops: &[Op],
    ) -> Result<Loaded, StoreError> {
        let device = self.device().to_string();
        let mut m = merge::merge(parts.records.clone());
        let now = super::rfc3339(std::time::SystemTime::now());
        let own = self.own.lock().map(|o| o.clone()).unwrap_or_default();
        let applied = merge::apply(&mut m.records, ops, &device, &own, &now);
        let mut warnings = parts.warnings.clone();
        warnings.extend(m.notes);
        warnings.extend(applied.notes);
        let v1_in: Vec<PathBuf> = parts
            .parts
            .iter()
            .filter(|(f, p)| p.version == 1 && f.parent() != Some(dir))
            .map(|(f, _)| f.clone())
            .collect();
        let nothing_to_do = ops.is_empty() && parts.conflicts.is_empty() && v1_in.is_empty();
        if nothing_to_do || (m.records.is_empty() && parts.parts.is_empty()) {
            return Ok(Loaded {
                annotations: sorted(merge::visible(&m.records)),
                warnings,
                ..Loaded::default()
            });
        }
        let target = dir.join(format!("{device}.json"));
        if parts.newer.contains(&target) {
            return Err(match disk::read_part(&target) {
                Err(e) => e,
                Ok(_) => StoreError::NewerVersion {
                    path: target,
                    version: FORMAT_VERSION + 1,
                },
            });
        }
        if parts.corrupt.iter().any(|(f, _)| *f == target) {
            move_aside(&target).map_err(|cause| StoreError::CorruptStuck {
                path: target.clone(),
                cause,
            })?;
        }
        let extra = parts
            .of_device(&device)
            .map(|p| p.extra.clone())
            .unwrap_or_default();
        if !dir.is_dir() {
            fs::create_dir_all(dir)
                .and_then(|()| sync_dir(&self.root))
                .map_err(|cause| StoreError::Save {
                    path: target.clone(),
                    cause,
                })?;
        }
        let part = Part {
            version: FORMAT_VERSION,
            device: device.clone(),
            path: key.path.to_string_lossy().into_owned(),
            fingerprint: key.fingerprint.clone(),
            written: now,
            annotations: m.records.clone(),
            extra,
        };
        write_part(&self.root, &device, &target, &part)?;
        if let Ok(mut own) = self.own.lock() {
            own.extend(applied.written);
        }
        warnings.extend(self.tidy_after_write(dir, key, &parts.conflicts, &v1_in));
        Ok(Loaded {
            annotations: sorted(merge::visible(&m.records)),
            warnings,
            ..Loaded::default()
        })
    }

    /// After a durable write of the merged view: the conflict copies and
    /// version-1 files it includes are no longer needed where they are.
    fn tidy_after_write(
        &self,
        dir: &Path,
        key: &ArticleKey,
        conflicts: &[PathBuf],
        v1_in: &[PathBuf],
    ) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut problem = |what: &str, e: &io::Error| {
            warnings.push(format!("{what}: {}", error::describe(e)));
        };
        for c in conflicts {
            if let Err(e) = fs::remove_file(c) {
                problem(
                    &format!("merged {} but could not remove it", c.display()),
                    &e,
                );
            }
        }
        for v1 in v1_in {
            let name = v1.file_name().map(|n| n.to_string_lossy().into_owned());
            let aside = dir.join(format!("v1-{}", name.unwrap_or_default()));
            if let Err(e) = fs::rename(v1, &aside) {
                problem(
                    &format!("could not move {} into {}", v1.display(), dir.display()),
                    &e,
                );
            }
        }
        if !conflicts.is_empty() || !v1_in.is_empty() {
            let _ = sync_dir(dir);
        }
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Err(e) = layout::add_aliases(&self.root, key, &name) {
            problem("could not record where the annotations are", &e);
        }
        warnings
    }
}

pub(super) fn sorted(mut v: Vec<Annotation>) -> Vec<Annotation> {
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

pub(super) fn list(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
