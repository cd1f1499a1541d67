//! Whole-store operations: listing every article (export, finder) and
//! start-of-session housekeeping. Part of the store's I/O shell.

use std::collections::HashMap;
use std::path::PathBuf;

use super::layout::{self, Parts, is_article_name, locate, read_parts};
use super::{ArticleKey, Listing, Store, StoreError, StoredArticle, disk, list, merge, sorted};

impl Store {
    /// Start-of-session housekeeping: removes stale temp files (this device's,
    /// and version-1 leftovers), then merges and removes every sync-tool
    /// conflict copy. Returns user-facing messages about what could not be done.
    ///
    /// # Errors
    /// [`StoreError`] when the store folder cannot be listed or locked.
    pub fn housekeep(&self) -> Result<Vec<String>, StoreError> {
        let lock = self.local.lock()?;
        disk::sweep(&self.root, self.device());
        drop(lock);
        let mut warnings = Vec::new();
        for name in list(&self.root) {
            if !is_article_name(&name) {
                continue;
            }
            let dir = self.root.join(&name);
            let has_conflicts = list(&dir).iter().any(|n| layout::is_conflict_copy(n));
            if !has_conflicts {
                continue;
            }
            let _lock = self.local.lock()?;
            let parts = read_parts(&dir)?;
            let Some(best) = parts.best(self.device()) else {
                continue;
            };
            let key = ArticleKey {
                path: PathBuf::from(&best.path),
                fingerprint: best.fingerprint.clone(),
            };
            match self.write_view(&dir, &key, &parts, &[]) {
                Ok(l) => warnings.extend(l.warnings),
                Err(e) => warnings.push(e.to_string()),
            }
        }
        Ok(warnings)
    }

    /// Every article in the store, sorted by path, for the finder and export.
    /// Unreadable files are skipped with a warning and left untouched.
    ///
    /// # Errors
    /// [`StoreError`] when the store folder cannot be listed.
    pub fn all(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        let mut by_name: HashMap<String, Parts> = HashMap::new();
        for name in list(&self.root) {
            if is_article_name(&name) && self.root.join(&name).is_dir() {
                let parts = read_parts(&self.root.join(&name))?;
                by_name.insert(name, parts);
            }
        }
        for (file, fp, path) in layout::v1_files(&self.root) {
            let key = ArticleKey {
                path: PathBuf::from(path),
                fingerprint: fp,
            };
            let name = locate(&self.root, &key)
                .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| layout::new_name(&key));
            by_name.entry(name).or_default().add_file(&file);
        }
        for parts in by_name.into_values() {
            listing.warnings.extend(parts.warnings.iter().cloned());
            let Some(best) = parts.best(self.device()) else {
                continue;
            };
            let m = merge::merge(parts.records.clone());
            listing.articles.push(StoredArticle {
                path: PathBuf::from(&best.path),
                paths: parts.paths(),
                fingerprint: best.fingerprint.clone(),
                annotations: sorted(merge::visible(&m.records)),
            });
        }
        listing.articles.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(listing)
    }
}
