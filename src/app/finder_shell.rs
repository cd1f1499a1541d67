//! The finder's shell (I/O side of the effect executor): the index worker thread that builds
//! the library index from the cache and rescans it, the streaming `Searcher`, and flash timers.
//! Everything it learns goes back to the loop as `Action::Finder`.

use super::Msg;
use super::action::Action;
use super::finder::{FinderEffect, FinderMsg, IndexHandle, SearchJob};
use crate::finder::cache::rescan;
use crate::finder::{Index, Progress, Searcher, SkimMatcher, build_library_index};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// How long a jump's highlight stays.
const FLASH: Duration = Duration::from_millis(1500);

/// A request to the index worker.
enum Cmd {
    Rescan,
    Annotations(PathBuf, Vec<(u32, String, String)>),
}

/// The running finder workers.
pub struct Shell {
    searcher: Searcher,
    index_tx: Sender<Cmd>,
    tx: Sender<Msg>,
    /// Tells the index worker to begin (dropped once it has).
    go: Option<Sender<()>>,
}

/// The longest the index waits for the first article's frame before it
/// begins building anyway.
const INDEX_WAIT: Duration = Duration::from_secs(1);

fn send(tx: &Sender<Msg>, m: FinderMsg) -> bool {
    tx.send(Msg::Action(Action::Finder(m))).is_ok()
}

impl Shell {
    /// Starts the searcher and the index worker, which begins building when [`Shell::begin`]
    /// is called (after the first article is on screen, so the two cores read and draw it
    /// first) or after [`INDEX_WAIT`].
    pub fn start(tx: &Sender<Msg>, roots: Vec<PathBuf>, cache_dir: Option<PathBuf>) -> Self {
        let (go, wait) = mpsc::channel::<()>();
        let sink = tx.clone();
        let searcher = Searcher::spawn(Arc::new(SkimMatcher::new()), move |p| {
            send(&sink, FinderMsg::Results(p));
        });
        let (index_tx, rx) = mpsc::channel();
        let wtx = tx.clone();
        let spawned = std::thread::Builder::new()
            .name("ibid-index".into())
            .spawn(move || {
                let _ = wait.recv_timeout(INDEX_WAIT);
                let run = std::panic::AssertUnwindSafe(|| {
                    index_worker(&rx, &wtx, &roots, cache_dir.as_deref());
                });
                if std::panic::catch_unwind(run).is_err() {
                    let text = "the finder's index could not be built".to_string();
                    let _ = wtx.send(Msg::Action(Action::Message(
                        super::message::Message::error(text),
                    )));
                }
            });
        if spawned.is_err() {
            let text = "could not start the finder's indexer".to_string();
            let _ = tx.send(Msg::Action(Action::Message(
                super::message::Message::error(text),
            )));
        }
        Self {
            searcher,
            index_tx,
            tx: tx.clone(),
            go: Some(go),
        }
    }

    /// Lets the index worker begin building (once; later calls do nothing).
    pub fn begin(&mut self) {
        if let Some(go) = self.go.take() {
            crate::trace::mark("article on screen; index may begin");
            let _ = go.send(());
        }
    }

    /// Carries out one finder effect.
    pub fn execute(&mut self, e: FinderEffect) {
        match e {
            FinderEffect::Search(SearchJob(req, generation)) => {
                self.searcher.submit_as(generation, req);
            }
            FinderEffect::Cancel(generation) => self.searcher.cancel_to(generation),
            FinderEffect::Rescan => {
                let _ = self.index_tx.send(Cmd::Rescan);
            }
            FinderEffect::Annotations(path, items) => {
                let _ = self.index_tx.send(Cmd::Annotations(path, items));
            }
            FinderEffect::FlashTimer(id) => {
                let tx = self.tx.clone();
                let _ = std::thread::Builder::new()
                    .name("ibid-flash".into())
                    .spawn(move || {
                        std::thread::sleep(FLASH);
                        send(&tx, FinderMsg::FlashOff(id));
                    });
            }
        }
    }
}

/// Builds the index (progress forwarded), then serves rescans and annotation updates,
/// sending a new index after each change.
fn index_worker(rx: &Receiver<Cmd>, tx: &Sender<Msg>, roots: &[PathBuf], cache: Option<&Path>) {
    let (ptx, prx) = mpsc::channel::<Progress>();
    let fwd = tx.clone();
    let _ = std::thread::Builder::new()
        .name("ibid-index-progress".into())
        .spawn(move || {
            for p in prx {
                if !send(&fwd, FinderMsg::Progress(p)) {
                    break;
                }
            }
        });
    let mut index = build_library_index(roots, cache, Some(&ptx));
    drop(ptx);
    let mut annotations: HashMap<PathBuf, Vec<(u32, String, String)>> = HashMap::new();
    if !publish(tx, &index) {
        return;
    }
    while let Ok(first) = rx.recv() {
        let mut cmds = vec![first];
        cmds.extend(rx.try_iter());
        let mut changed = false;
        for c in cmds {
            match c {
                Cmd::Rescan => {
                    let ch = rescan(&mut index, roots, cache, None);
                    for p in ch.added.iter().chain(&ch.changed) {
                        if let Some(items) = annotations.get(p) {
                            index.set_annotations(p, items.clone());
                        }
                    }
                    changed |= !ch.is_empty();
                }
                Cmd::Annotations(path, items) => {
                    index.set_annotations(&path, items.clone());
                    annotations.insert(path, items);
                    changed = true;
                }
            }
        }
        if changed && !publish(tx, &index) {
            return;
        }
    }
}

fn publish(tx: &Sender<Msg>, index: &Index) -> bool {
    send(
        tx,
        FinderMsg::IndexReady(IndexHandle(Arc::new(index.clone()))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finder::Kind;

    fn next_index(rx: &Receiver<Msg>) -> Arc<Index> {
        loop {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(Msg::Action(Action::Finder(FinderMsg::IndexReady(IndexHandle(ix))))) => {
                    return ix;
                }
                Ok(_) => {}
                Err(e) => panic!("no index from the worker: {e}"),
            }
        }
    }

    #[test]
    fn worker_builds_then_takes_annotations() {
        let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
        let (tx, rx) = mpsc::channel();
        let (cmd_tx, cmd_rx) = mpsc::channel();
        let roots = vec![seeds];
        let worker = std::thread::spawn(move || index_worker(&cmd_rx, &tx, &roots, None));
        let ix = next_index(&rx);
        assert_eq!(ix.live_articles(), 5);
        let path = ix.paths().next().expect("a seed").to_path_buf();
        let items = vec![(0, "a quoted phrase".to_string(), "my note".to_string())];
        cmd_tx
            .send(Cmd::Annotations(path.clone(), items))
            .expect("send");
        let ix = next_index(&rx);
        let ann: Vec<&str> = ix
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Annotation)
            .map(|e| &*e.text)
            .collect();
        assert_eq!(ann, vec!["a quoted phrase — my note"]);
        // A rescan that changes nothing publishes nothing.
        cmd_tx.send(Cmd::Rescan).expect("send");
        drop(cmd_tx);
        worker.join().expect("worker");
        assert!(
            rx.try_iter()
                .all(|m| !matches!(m, Msg::Action(Action::Finder(FinderMsg::IndexReady(_)))))
        );
    }
}
