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

/// Starts watching the folders among `roots`; the returned watcher must be
/// kept alive. `None` when nothing could be watched.
#[must_use]
pub fn spawn(
    roots: &[PathBuf],
    known: Vec<PathBuf>,
    tx: Sender<Msg>,
) -> Option<notify::RecommendedWatcher> {
    let (etx, erx) = channel::<PathBuf>();
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
    if !any {
        return None;
    }
    std::thread::Builder::new()
        .name("ibid-watch".into())
        .spawn(move || settle(&erx, known, &tx))
        .ok()?;
    Some(watcher)
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
