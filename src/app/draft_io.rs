//! Part of the effect executor: the drafts file of this process,
//! `<state dir>/drafts/<pid>-<start ns>.json`, written by a worker thread at
//! most every [`DEBOUNCE`] (temp file, fsync, rename, fsync of the folder),
//! removed when empty. A `<same name>.lock` is held locked for the life of
//! the process, so a later process can tell a draft whose writer died (lock
//! free) from one still being typed in another terminal (lock held).

use super::drafts::Drafts;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// The longest a typed character waits before it is on disk.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

enum Job {
    Set(Drafts),
    Flush(Sender<Result<(), String>>),
}

/// Handle on the drafts worker.
#[derive(Debug)]
pub struct DraftWriter {
    tx: Sender<Job>,
    file: PathBuf,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Job::Set(_) => "Set",
            Job::Flush(_) => "Flush",
        })
    }
}

/// Drafts left by processes that ended without clearing them, with their
/// files (to remove once their content is safe in this process's file).
#[must_use]
pub fn orphans(state_dir: &Path) -> (Drafts, Vec<PathBuf>) {
    let dir = state_dir.join("drafts");
    let mut found = Drafts::default();
    let mut files = Vec::new();
    let entries: Vec<fs::DirEntry> = fs::read_dir(&dir).into_iter().flatten().flatten().collect();
    for e in &entries {
        let path = e.path();
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(60));
        // A write killed half-way leaves its temp file; a process killed
        // before it wrote a draft leaves its lock alone (a live process holds
        // its lock): both go once over a minute old.
        let temp = e.file_name().to_string_lossy().starts_with(".draft-");
        let lone_lock = || {
            path.extension().is_some_and(|x| x == "lock")
                && !path.with_extension("json").exists()
                && File::open(&path).is_ok_and(|f| f.try_lock().is_ok())
        };
        if stale && (temp || lone_lock()) {
            let _ = fs::remove_file(&path);
        }
    }
    let mut names: Vec<PathBuf> = entries
        .iter()
        .map(fs::DirEntry::path)
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for file in names {
        let lock = file.with_extension("lock");
        let free = File::open(&lock)
            .or_else(|_| File::create(&lock))
            .is_ok_and(|f| f.try_lock().is_ok());
        if !free {
            continue; // another ibid is still running with this draft
        }
        if let Some(d) = fs::read(&file)
            .ok()
            .and_then(|b| serde_json::from_slice::<Drafts>(&b).ok())
        {
            found.editors.extend(d.editors);
            found.unsaved.extend(d.unsaved);
        }
        files.push(file);
        files.push(lock);
    }
    found.version = 1;
    (found, files)
}

impl DraftWriter {
    /// Starts the worker for a new drafts file in `state_dir/drafts`; the
    /// `adopted` files are removed after this process's file first holds
    /// their content (the caller has put it in the state).
    ///
    /// # Errors
    /// The folder or lock file could not be created, or the thread spawned.
    pub fn start(state_dir: &Path, adopted: Vec<PathBuf>) -> std::io::Result<DraftWriter> {
        let dir = state_dir.join("drafts");
        fs::create_dir_all(&dir)?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let file = dir.join(format!("{}-{stamp}.json", std::process::id()));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(file.with_extension("lock"))?;
        lock.lock()?;
        let (tx, rx) = channel::<Job>();
        let f = file.clone();
        std::thread::Builder::new()
            .name("ibid-drafts".into())
            .spawn(move || worker(&rx, &f, lock, adopted))?;
        Ok(DraftWriter { tx, file })
    }

    /// The file this process writes.
    #[must_use]
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Queues new content (written within [`DEBOUNCE`]).
    pub fn set(&self, d: Drafts) {
        let _ = self.tx.send(Job::Set(d));
    }

    /// Writes what is queued now and waits for it (at most `wait`).
    ///
    /// # Errors
    /// The write failed or did not finish in time.
    pub fn flush(&self, wait: Duration) -> Result<(), String> {
        let (tx, rx) = channel();
        self.tx
            .send(Job::Flush(tx))
            .map_err(|_| "the drafts writer stopped".to_string())?;
        rx.recv_timeout(wait)
            .map_err(|_| "the drafts file was not written in time".to_string())?
    }
}

fn worker(rx: &Receiver<Job>, file: &Path, lock: File, mut adopted: Vec<PathBuf>) {
    let mut latest: Option<Drafts> = None;
    let mut result: Result<(), String> = Ok(());
    loop {
        let job = if latest.is_some() {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(j) => Some(j),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(j) => Some(j),
                Err(_) => break,
            }
        };
        match job {
            Some(Job::Set(d)) => latest = Some(d),
            Some(Job::Flush(reply)) => {
                if let Some(d) = latest.take() {
                    result = write(file, &d, &mut adopted);
                }
                let _ = reply.send(result.clone());
            }
            None => {
                if let Some(d) = latest.take() {
                    result = write(file, &d, &mut adopted);
                }
            }
        }
    }
    if let Some(d) = latest.take() {
        let _ = write(file, &d, &mut adopted);
    }
    // An empty drafts file has been removed; its lock goes with the process.
    if !file.exists() {
        let _ = fs::remove_file(file.with_extension("lock"));
    }
    drop(lock);
}

fn write(file: &Path, d: &Drafts, adopted: &mut Vec<PathBuf>) -> Result<(), String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let res = if d.is_empty() {
        match fs::remove_file(file) {
            Ok(()) => File::open(dir).and_then(|f| f.sync_all()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    } else {
        crate::atomic_file::write_json(dir, ".draft-", file, d)
            .and_then(|()| File::open(dir)?.sync_all())
    };
    match res {
        Ok(()) => {
            for f in adopted.drain(..) {
                let _ = fs::remove_file(f);
            }
            Ok(())
        }
        Err(e) => Err(format!(
            "cannot write the drafts file {}: {e}",
            file.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn age(path: &Path, secs: u64) {
        let f = File::options().write(true).open(path).expect("open");
        f.set_modified(SystemTime::now() - Duration::from_secs(secs))
            .expect("set mtime");
    }

    /// A state folder with its empty drafts folder.
    fn state_dir() -> (tempfile::TempDir, PathBuf) {
        let state = tempfile::tempdir().expect("tempdir");
        let dir = state.path().join("drafts");
        fs::create_dir_all(&dir).expect("mkdir");
        (state, dir)
    }

    #[test]
    fn free_stale_locks_without_a_draft_are_removed() {
        let (state, dir) = state_dir();
        let stale = dir.join("1-1.lock");
        let fresh = dir.join("2-2.lock");
        let held = dir.join("3-3.lock");
        let temp = dir.join(".draft-5-5.tmp");
        for p in [&stale, &fresh, &held, &temp] {
            File::create(p).expect("create");
        }
        age(&stale, 3600);
        age(&held, 3600);
        age(&temp, 3600);
        let holder = File::open(&held).expect("open");
        holder.lock().expect("lock");
        let (found, files) = orphans(state.path());
        assert!(found.is_empty());
        assert!(files.is_empty());
        assert!(!stale.exists(), "a free lock an hour old is removed");
        assert!(fresh.exists(), "a lock under a minute old is kept");
        assert!(held.exists(), "a held lock is kept");
        assert!(!temp.exists(), "a killed write's temp file is removed");
        drop(holder);
    }

    #[test]
    fn a_stale_lock_with_its_draft_is_adopted_not_removed() {
        let (state, dir) = state_dir();
        let json = dir.join("4-4.json");
        let lock = dir.join("4-4.lock");
        fs::write(&json, br#"{"version":1,"editors":[],"unsaved":[]}"#).expect("write");
        File::create(&lock).expect("create");
        age(&lock, 3600);
        let (_, files) = orphans(state.path());
        assert!(lock.exists());
        assert_eq!(files, vec![json, lock]);
    }
}
