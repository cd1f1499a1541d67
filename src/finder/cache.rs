//! Building the library index in the background, and its on-disk cache (the finder's only I/O).
//!
//! The cache is one binary file per set of library roots (`finder-index-<hash>.bin` in the
//! cache dir, the hash taken over the roots as given), so a run on other paths (one file, say)
//! never replaces the library's cache. It holds, per article, its path, size and mtime (the
//! key) and its entries. A file whose size or mtime changed is
//! parsed again; an unreadable or corrupt cache is ignored and rewritten, never an error.
//! Writes go to a temp file in the same directory, then rename.

use super::Entry;
use super::codec;
use super::extract::entries_for;
use super::index::{ArticleInfo, Index};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::time::UNIX_EPOCH;

/// Prefix of the cache files inside the cache dir (`finder-index-<hash>.bin`).
pub const CACHE_FILE: &str = "finder-index";

/// Why the cache could not be written (reading never fails: a bad cache is rebuilt).
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// Creating the dir, writing or renaming failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or dir.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// Progress of a build, sent now and then while it runs and once at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Files handled so far (from cache or parsed).
    pub done: usize,
    /// Files to handle.
    pub total: usize,
    /// Files parsed (cache misses) so far.
    pub parsed: usize,
    /// Files that could not be read (binary, vanished).
    pub failed: usize,
}

/// What a rescan changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// New files, now indexed.
    pub added: Vec<PathBuf>,
    /// Files gone from the library, now dropped.
    pub removed: Vec<PathBuf>,
    /// Files whose size or mtime changed, re-parsed.
    pub changed: Vec<PathBuf>,
}

impl Changes {
    /// True when nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The cache dir from the `directories` crate (`~/.cache/ibid` on Linux), or
/// `IBID_CACHE_DIR` when set (tests).
#[must_use]
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("IBID_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "ibid").map(|p| p.cache_dir().to_path_buf())
}

/// The finder's cache file for one set of library roots, in one directory.
#[derive(Debug, Clone)]
pub struct LibraryCache {
    dir: PathBuf,
    name: String,
}

impl LibraryCache {
    /// The cache of the library made of `roots`, kept in `dir` (created on first save).
    #[must_use]
    pub fn new(dir: &Path, roots: &[PathBuf]) -> Self {
        Self {
            dir: dir.to_path_buf(),
            name: format!("{CACHE_FILE}-{:016x}.bin", roots_hash(roots)),
        }
    }

    /// The cache file's path.
    #[must_use]
    pub fn file(&self) -> PathBuf {
        self.dir.join(&self.name)
    }

    /// Cached articles by path (entries with local heading indices); empty when the file
    /// is missing or corrupt.
    #[must_use]
    pub fn load(&self) -> HashMap<PathBuf, (ArticleInfo, Vec<Entry>)> {
        std::fs::File::open(self.file())
            .ok()
            .and_then(|f| codec::decode_from(std::io::BufReader::with_capacity(1 << 18, f)))
            .map(|v| {
                v.into_iter()
                    .map(|(a, e)| (a.path.clone(), (a, e)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Writes every live article of `index` (atomically: temp file, then rename).
    ///
    /// # Errors
    /// [`CacheError::Io`] when the dir or file cannot be written.
    pub fn save(&self, index: &Index) -> Result<(), CacheError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| CacheError::Io { path, source }
        };
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir).map_err(io(&self.dir))?;
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        codec::encode_to(index, &mut w)
            .and_then(|()| w.flush())
            .map_err(io(&self.dir))?;
        drop(w);
        let file = self.file();
        tmp.persist(&file).map_err(|e| io(&file)(e.error))?;
        Ok(())
    }
}

/// FNV-1a over the roots (sorted, deduplicated, each followed by a NUL): stable across runs
/// and builds, unlike the std hasher.
pub(crate) fn roots_hash(roots: &[PathBuf]) -> u64 {
    let mut sorted: Vec<&PathBuf> = roots.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for r in sorted {
        for &b in r.as_os_str().as_encoded_bytes().iter().chain(&[0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Size and mtime (ns since the Unix epoch) of a file; `None` when it cannot be stat'ed.
#[must_use]
pub fn stat(path: &Path) -> Option<(u64, u64)> {
    let md = std::fs::metadata(path).ok()?;
    if !md.is_file() {
        return None;
    }
    let mtime = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    Some((md.len(), mtime))
}

/// Article files under `roots` (files as given; folders searched recursively for `.txt`,
/// `.md` and `.markdown`), sorted.
#[must_use]
pub fn list_articles(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = roots.to_vec();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                stack.extend(rd.filter_map(|e| e.ok().map(|e| e.path())));
            }
        } else if roots.contains(&p) || is_article(&p) {
            out.push(p);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn is_article(p: &Path) -> bool {
    let hidden = p
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && crate::document::Format::is_readable_path(p)
}

/// Builds the index of the articles under `roots`, reusing cached entries for files whose
/// size and mtime are unchanged and parsing the rest on all cores. Saves the cache when
/// anything was parsed or dropped (a failed save is ignored: the next start re-parses).
#[must_use]
pub fn build_library_index(
    roots: &[PathBuf],
    cache_dir: Option<&Path>,
    progress: Option<&Sender<Progress>>,
) -> Index {
    let mut index = Index::new();
    let _ = rescan(&mut index, roots, cache_dir, progress);
    index
}

/// Brings `index` up to date with the files under `roots`: parses added and changed files
/// (from the cache when it has them unchanged), drops removed ones, saves the cache when
/// anything changed. Call it periodically or on focus.
pub fn rescan(
    index: &mut Index,
    roots: &[PathBuf],
    cache_dir: Option<&Path>,
    progress: Option<&Sender<Progress>>,
) -> Changes {
    let files: Vec<(PathBuf, u64, u64)> = list_articles(roots)
        .into_iter()
        .filter_map(|p| stat(&p).map(|(s, m)| (p, s, m)))
        .collect();
    let mut changes = diff(index, &files);
    for p in &changes.removed {
        index.remove(p);
    }
    let cache = cache_dir.map(|d| LibraryCache::new(d, roots));
    // After the first build the cache holds nothing the index lacks (it is saved from the
    // index), so only a fresh index reads it.
    let fresh = index.articles().is_empty();
    let mut cached = if fresh && !changes.added.is_empty() {
        cache.as_ref().map(LibraryCache::load).unwrap_or_default()
    } else {
        HashMap::new()
    };
    let stale: HashSet<&PathBuf> = changes.added.iter().chain(&changes.changed).collect();
    let mut report = Progress {
        total: stale.len(),
        ..Progress::default()
    };
    let mut to_parse = Vec::new();
    let mut retimed = false;
    for (path, size, mtime) in files.iter().filter(|f| stale.contains(&f.0)) {
        match cached.remove(path) {
            Some((info, entries)) if info.size == *size && info.mtime == *mtime => {
                index.insert_local(info, entries);
                report.done += 1;
            }
            Some((mut info, entries)) if same_content(path, *size, &info) => {
                // Touched, not changed: the entries stand, the new mtime is saved.
                info.mtime = *mtime;
                index.insert_local(info, entries);
                report.done += 1;
                retimed = true;
            }
            _ => to_parse.push((path.clone(), *size, *mtime)),
        }
    }
    let parsed = parse_all(&to_parse, &mut report, progress);
    let mut failed = HashSet::new();
    for (i, result) in parsed.into_iter().enumerate() {
        match result {
            Some((info, entries)) => {
                index.insert_local(info, entries);
            }
            None => {
                if let Some((p, _, _)) = to_parse.get(i) {
                    index.remove(p);
                    failed.insert(p.clone());
                }
            }
        }
    }
    changes.added.retain(|p| !failed.contains(p));
    changes.changed.retain(|p| !failed.contains(p));
    if let Some(tx) = progress {
        let _ = tx.send(report);
    }
    let dirty = report.parsed > 0 || retimed || !changes.removed.is_empty() || !failed.is_empty();
    if let Some(c) = cache.as_ref().filter(|_| dirty) {
        let _ = c.save(index);
    }
    changes
}

/// Which of `files` (path, size, mtime) are new or changed relative to `index`, and which
/// indexed paths are gone.
#[must_use]
pub fn diff(index: &Index, files: &[(PathBuf, u64, u64)]) -> Changes {
    let mut changes = Changes::default();
    let present: HashSet<&Path> = files.iter().map(|f| f.0.as_path()).collect();
    for (path, size, mtime) in files {
        match index
            .doc_of(path)
            .and_then(|d| index.articles().get(d as usize))
        {
            None => changes.added.push(path.clone()),
            Some(a) if a.size != *size || a.mtime != *mtime => changes.changed.push(path.clone()),
            Some(_) => {}
        }
    }
    changes.removed = index
        .paths()
        .filter(|p| !present.contains(p))
        .map(Path::to_path_buf)
        .collect();
    changes.removed.sort();
    changes
}

type Parsed = Option<(ArticleInfo, Vec<Entry>)>;

/// Parses files on all cores; results in input order (`None` for unreadable files).
fn parse_all(
    files: &[(PathBuf, u64, u64)],
    report: &mut Progress,
    progress: Option<&Sender<Progress>>,
) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Parsed>> = Mutex::new(vec![None; files.len()]);
    let shared = Mutex::new(*report);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, size, mtime)) = files.get(i) else {
                        break;
                    };
                    let one = parse_one(path, *size, *mtime);
                    let ok = one.is_some();
                    if let Ok(mut r) = results.lock()
                        && let Some(slot) = r.get_mut(i)
                    {
                        *slot = one;
                    }
                    if let Ok(mut p) = shared.lock() {
                        p.done += 1;
                        p.parsed += usize::from(ok);
                        p.failed += usize::from(!ok);
                        if p.done % 256 == 0
                            && let Some(tx) = progress
                        {
                            let _ = tx.send(*p);
                        }
                    }
                }
            });
        }
    });
    if let Ok(p) = shared.into_inner() {
        *report = p;
    }
    results.into_inner().unwrap_or_default()
}

fn parse_one(path: &Path, size: u64, mtime: u64) -> Parsed {
    let bytes = crate::library::read_article_bytes(path).ok()?;
    let hash = content_hash(&bytes);
    let doc = crate::document::parse_owned(bytes, Some(path));
    let mut info = ArticleInfo::from_document(path, &doc, size, mtime);
    info.hash = hash;
    let entries = entries_for(&doc, &info.title);
    Some((info, entries))
}

/// A fast, stable hash of a file's bytes (the cache's third key).
#[must_use]
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// True when `path` still has the bytes `info` was indexed from (same size, same hash):
/// only its mtime moved.
fn same_content(path: &Path, size: u64, info: &ArticleInfo) -> bool {
    info.size == size
        && info.hash != 0
        && crate::library::read_article_bytes(path).is_ok_and(|b| content_hash(&b) == info.hash)
}
