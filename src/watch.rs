//! The library watcher (`notify`): files added, changed or removed in the
//! library folders while the reader runs become one
//! `Action::LibraryChanged` per burst of events (collected for
//! [`SETTLE`]), so the list follows the folder within a second. Sidecars
//! and other hidden files are ignored. Shell module: it looks at the disk.

use crate::app::{Action, Msg};
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Quiet time that closes a burst of events.
pub const SETTLE: Duration = Duration::from_millis(150);
/// Longest a burst is held back.
const MAX_HOLD: Duration = Duration::from_millis(600);

/// Starts watching the folders among `roots` on a thread of its own (the
/// watches take a few milliseconds to set up: not before the first frame).
/// Once they are set, the folders are listed again and whatever differs from
/// `known` (a file added or removed since the library was scanned) is
/// reported like an event, so nothing slips between the scan and the watch.
pub fn spawn(roots: Vec<PathBuf>, known: Vec<PathBuf>, tx: Sender<Msg>) {
    let _ = std::thread::Builder::new()
        .name("ibid-watch".into())
        .spawn(move || {
            let (etx, erx) = channel::<PathBuf>();
            let Some(watcher) = watch(&roots, etx.clone()) else {
                return;
            };
            for p in changed_since_scan(&roots, &known) {
                let _ = etx.send(p);
            }
            drop(etx);
            settle(&erx, known, &tx);
            drop(watcher);
        });
}

/// The watcher over the folders among `roots`, sending every path an event
/// names to `etx`; `None` when nothing could be watched.
fn watch(roots: &[PathBuf], etx: Sender<PathBuf>) -> Option<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && matches!(
                ev.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
            )
        {
            for p in ev.paths {
                let _ = etx.send(p);
            }
        }
    })
    .ok()?;
    let mut any = false;
    for r in roots.iter().filter(|r| r.is_dir()) {
        any |= watcher.watch(r, RecursiveMode::NonRecursive).is_ok();
    }
    any.then_some(watcher)
}

/// Files of the folders among `roots` that are not in `known`, and files of
/// `known` in those folders that are gone.
fn changed_since_scan(roots: &[PathBuf], known: &[PathBuf]) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = roots.iter().filter(|r| r.is_dir()).cloned().collect();
    let now: std::collections::HashSet<PathBuf> = crate::library::scan(&dirs).into_iter().collect();
    let was: std::collections::HashSet<&PathBuf> = known.iter().collect();
    let added = now.iter().filter(|p| !was.contains(p));
    let gone = known
        .iter()
        .filter(|k| k.parent().is_some_and(|d| dirs.iter().any(|r| r == d)) && !now.contains(*k));
    added.chain(gone).cloned().collect()
}

fn watched(p: &Path) -> bool {
    let hidden = p
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.') || n.ends_with('~'));
    !hidden && crate::document::Format::is_readable_path(p)
}

/// Collects bursts of paths and reports them as added/changed/removed.
fn settle(rx: &Receiver<PathBuf>, mut known: Vec<PathBuf>, tx: &Sender<Msg>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        let start = Instant::now();
        while start.elapsed() < MAX_HOLD {
            match rx.recv_timeout(SETTLE) {
                Ok(p) => batch.push(p),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => break,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        batch.retain(|p| watched(p));
        batch.sort();
        batch.dedup();
        let (mut added, mut changed, mut removed) = (Vec::new(), Vec::new(), Vec::new());
        for p in batch {
            let exists = p.is_file();
            let was = known.contains(&p);
            match (was, exists) {
                (false, true) => {
                    known.push(p.clone());
                    added.push(p);
                }
                (true, true) => changed.push(p),
                (true, false) => {
                    known.retain(|k| k != &p);
                    removed.push(p);
                }
                (false, false) => {}
            }
        }
        if added.is_empty() && changed.is_empty() && removed.is_empty() {
            continue;
        }
        let msg = Msg::Action(Action::LibraryChanged {
            added,
            changed,
            removed,
        });
        if tx.send(msg).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_added_or_removed_since_the_scan_are_found() {
        let dir = tempfile::tempdir().expect("tmp");
        let d = dir.path().to_path_buf();
        for f in ["a.txt", "c.txt"] {
            std::fs::write(d.join(f), "Text.\n").expect("write");
        }
        let known = vec![d.join("a.txt"), d.join("b.txt")];
        let mut got = changed_since_scan(std::slice::from_ref(&d), &known);
        got.sort();
        assert_eq!(got, [d.join("b.txt"), d.join("c.txt")]);
        // A file given on its own (not in a watched folder) is never "gone".
        let alone = vec![
            PathBuf::from("/elsewhere/x.txt"),
            d.join("a.txt"),
            d.join("c.txt"),
        ];
        assert!(changed_since_scan(&[d], &alone).is_empty());
    }
}
