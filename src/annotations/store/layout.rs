//! Where an article's annotations are in the store folder, found without
//! listing the whole folder: its article folder (named after the text's
//! fingerprint when first annotated), alias entries by path and by text, and
//! version-1 files. Also reads every part file of an article folder.
//!
//! ```text
//! <root>/<A>/<device>.json           part files (one per device)
//! <root>/aliases/<H>/<A>             empty files: H = hash of "path:…" or "text:…"
//! <root>/<sha256(path)[..32]>.json   a version-1 file (migrated on the next write)
//! ```

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::disk::{Part, ReadOutcome, read_part};
use super::merge::Record;
use super::{ArticleKey, StoreError, fingerprint};
use crate::annotations::hash::sha256_hex;

/// The alias folder inside the root.
pub(super) const ALIASES: &str = "aliases";

/// First 32 hex digits of SHA-256 of `s`.
pub(super) fn hash32(s: &[u8]) -> String {
    sha256_hex(s)[..32].to_string()
}

/// An article folder name: 32 lowercase hex digits.
pub(super) fn is_article_name(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A copy made by a sync tool: Syncthing's `*.sync-conflict-*`, Dropbox's
/// and others' `* (conflicted copy …)*` / `* (Conflict …)*`.
pub(super) fn is_conflict_copy(name: &str) -> bool {
    name.contains(".sync-conflict-")
        || name.contains("conflicted copy")
        || name.contains("(Conflict")
        || name.contains("(conflict")
}

/// Alias folders that may name `key`'s article folder: by path, then by text.
pub(super) fn alias_dirs(root: &Path, key: &ArticleKey) -> [PathBuf; 2] {
    let by_path = hash32(format!("path:{}", key.path.to_string_lossy()).as_bytes());
    let by_text = hash32(format!("text:{}", key.fingerprint).as_bytes());
    [
        root.join(ALIASES).join(by_path),
        root.join(ALIASES).join(by_text),
    ]
}

/// The name a new article folder gets: the text's fingerprint, or (for an
/// empty text, which every empty article shares) the path's hash.
pub(super) fn new_name(key: &ArticleKey) -> String {
    if key.fingerprint == fingerprint("") {
        hash32(format!("path:{}", key.path.to_string_lossy()).as_bytes())
    } else {
        key.fingerprint[..32].to_string()
    }
}

/// The version-1 file of the article at `path`.
pub(super) fn v1_file(root: &Path, path: &Path) -> PathBuf {
    let digest = sha256_hex(path.as_os_str().as_encoded_bytes());
    root.join(format!("{}.json", &digest[..32]))
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The existing article folder for `key`, if any: by path alias, by the
/// folder named after the text, by text alias. Reads a few small folders.
pub(super) fn locate(root: &Path, key: &ArticleKey) -> Option<PathBuf> {
    let [by_path, by_text] = alias_dirs(root, key);
    let direct = root.join(new_name(key));
    let aliased = |dir: &Path| {
        entries(dir)
            .into_iter()
            .filter(|n| is_article_name(n))
            .map(|n| root.join(n))
            .find(|d| d.is_dir())
    };
    aliased(&by_path)
        .or_else(|| direct.is_dir().then_some(direct))
        .or_else(|| aliased(&by_text))
}

/// Makes sure both aliases of `key` name `dir` (empty files; never rewritten).
pub(super) fn add_aliases(root: &Path, key: &ArticleKey, dir_name: &str) -> io::Result<()> {
    for alias in alias_dirs(root, key) {
        let entry = alias.join(dir_name);
        if !entry.exists() {
            fs::create_dir_all(&alias)?;
            fs::File::create(&entry)?;
            super::disk::sync_dir(&alias)?;
        }
    }
    Ok(())
}

/// Everything read from one article folder.
#[derive(Debug, Default)]
pub(super) struct Parts {
    /// Every record version from every readable part.
    pub(super) records: Vec<Record>,
    /// The parts (file, content), in name order.
    #[allow(clippy::struct_field_names)] // `parts.parts`: the part files themselves
    pub(super) parts: Vec<(PathBuf, Part)>,
    /// Sync-tool conflict copies that were read (to remove after a write).
    pub(super) conflicts: Vec<PathBuf>,
    /// Part files that could not be parsed: (file, why).
    pub(super) corrupt: Vec<(PathBuf, String)>,
    /// Part files from a newer format (never written over).
    pub(super) newer: Vec<PathBuf>,
    /// User-facing messages about skipped files.
    pub(super) warnings: Vec<String>,
}

impl Parts {
    /// Adds one part file (v1 or v2) to the set.
    pub(super) fn add_file(&mut self, file: &Path) {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_part(file) {
            Ok(ReadOutcome::Parsed(part)) => {
                if is_conflict_copy(&name) {
                    self.conflicts.push(file.to_path_buf());
                }
                self.records.extend(part.annotations.iter().cloned());
                self.parts.push((file.to_path_buf(), part));
            }
            Ok(ReadOutcome::Missing) => {}
            Ok(ReadOutcome::Corrupt(why)) => {
                self.warnings.push(format!(
                    "annotations file {} is corrupt ({why}); skipped",
                    file.display()
                ));
                self.corrupt.push((file.to_path_buf(), why));
            }
            Err(e) => {
                if matches!(e, StoreError::NewerVersion { .. }) {
                    self.newer.push(file.to_path_buf());
                }
                self.warnings.push(format!("{e}"));
            }
        }
    }

    /// The part of a device, if read.
    pub(super) fn of_device(&self, device: &str) -> Option<&Part> {
        self.parts
            .iter()
            .find(|(f, p)| p.device == device && !is_conflict_copy(&name_of(f)))
            .map(|(_, p)| p)
    }

    /// The part that says most about where the article is: `device`'s own,
    /// else the most recently written.
    pub(super) fn best(&self, device: &str) -> Option<&Part> {
        self.of_device(device).or_else(|| {
            self.parts
                .iter()
                .map(|(_, p)| p)
                .max_by(|a, b| a.written.cmp(&b.written))
        })
    }

    /// Every distinct article path recorded in the parts.
    pub(super) fn paths(&self) -> Vec<PathBuf> {
        let mut seen = HashSet::new();
        self.parts
            .iter()
            .map(|(_, p)| PathBuf::from(&p.path))
            .filter(|p| seen.insert(p.clone()))
            .collect()
    }
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads every `*.json` part in article folder `dir` (conflict copies too).
pub(super) fn read_parts(dir: &Path) -> Result<Parts, StoreError> {
    let mut parts = Parts::default();
    match fs::read_dir(dir) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(parts),
        Err(cause) => {
            return Err(StoreError::Read {
                path: dir.to_path_buf(),
                cause,
            });
        }
    }
    for name in entries(dir) {
        if name.ends_with(".json") && !name.starts_with('.') {
            parts.add_file(&dir.join(name));
        }
    }
    Ok(parts)
}

/// Version-1 files (`<32 hex>.json` in the root), each with its recorded
/// fingerprint and path. Lists the root once; the caller caches the result.
pub(super) fn v1_files(root: &Path) -> Vec<(PathBuf, String, String)> {
    entries(root)
        .into_iter()
        .filter(|n| n.strip_suffix(".json").is_some_and(is_article_name))
        .filter_map(|n| {
            let file = root.join(n);
            match read_part(&file) {
                Ok(ReadOutcome::Parsed(p)) => Some((file, p.fingerprint, p.path)),
                _ => None,
            }
        })
        .collect()
}
