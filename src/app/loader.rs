//! Part of the effect executor: the article loader, a small pool of threads
//! reading and parsing articles, so one slow file never holds up the others.
//! The article on screen jumps the queue.

use super::Msg;
use super::action::Action;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// One load: (article index, file, generation, on screen).
type Job = (usize, PathBuf, u64, bool);

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    closed: bool,
}

/// The pool; dropping it lets the workers finish their current file and stop.
pub struct Loader {
    shared: Arc<(Mutex<Queue>, Condvar)>,
}

/// How many files are read at once: enough that a stuck file leaves others
/// moving, few enough not to crowd out the reader on a small machine.
const THREADS: usize = 3;

impl Loader {
    /// Starts the workers; each result goes to `tx` as `Action::Loaded`.
    ///
    /// # Errors
    /// No worker thread could be spawned.
    pub fn spawn(tx: &std::sync::mpsc::Sender<Msg>) -> std::io::Result<Self> {
        let shared = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let mut started = 0;
        let mut last_err = None;
        for i in 0..THREADS {
            let shared = Arc::clone(&shared);
            let tx = tx.clone();
            match std::thread::Builder::new()
                .name(format!("ibid-loader-{i}"))
                .spawn(move || work(&shared, &tx))
            {
                Ok(_) => started += 1,
                Err(e) => last_err = Some(e),
            }
        }
        match (started, last_err) {
            (0, Some(e)) => Err(e),
            _ => Ok(Self { shared }),
        }
    }

    /// Queues a load; `urgent` ones (the article on screen) go first.
    pub fn submit(&self, article: usize, path: PathBuf, generation: u64, urgent: bool) {
        let (lock, cv) = &*self.shared;
        let mut q = lock.lock().unwrap_or_else(PoisonError::into_inner);
        // A newer request for the same article replaces a queued one.
        q.jobs.retain(|j| j.0 != article);
        if urgent {
            q.jobs.push_front((article, path, generation, true));
        } else {
            q.jobs.push_back((article, path, generation, false));
        }
        cv.notify_one();
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        let (lock, cv) = &*self.shared;
        lock.lock().unwrap_or_else(PoisonError::into_inner).closed = true;
        cv.notify_all();
    }
}

fn next(shared: &(Mutex<Queue>, Condvar)) -> Option<Job> {
    let (lock, cv) = shared;
    let mut q = lock.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if q.closed {
            return None;
        }
        if let Some(j) = q.jobs.pop_front() {
            return Some(j);
        }
        q = cv.wait(q).unwrap_or_else(PoisonError::into_inner);
    }
}

fn work(shared: &(Mutex<Queue>, Condvar), tx: &std::sync::mpsc::Sender<Msg>) {
    while let Some((article, path, generation, urgent)) = next(shared) {
        let result = load(&path, urgent, &|doc| {
            let _ = tx.send(Msg::Action(Action::FirstPart {
                article,
                generation,
                doc,
            }));
        });
        let msg = Msg::Action(Action::Loaded {
            article,
            generation,
            result,
        });
        if tx.send(msg).is_err() {
            break;
        }
    }
}

/// Reads and parses `path`; for the article on screen, a big text file's
/// first part is parsed first and handed to `first` (the public parse entry
/// point on a prefix cut at a paragraph boundary).
fn load(
    path: &std::path::Path,
    urgent: bool,
    first: &dyn Fn(Arc<crate::document::Document>),
) -> Result<Arc<crate::document::Document>, String> {
    let parse = |bytes: Vec<u8>| {
        std::panic::catch_unwind(|| crate::document::parse_owned(bytes, Some(path)))
            .map(Arc::new)
            .map_err(|_| "internal error while reading this file".to_string())
    };
    if urgent
        && !crate::library::is_container(path)
        && let Ok((head, total)) = crate::library::read_text_head(path, super::first_part::HEAD)
        && let Some(at) = super::first_part::cut(&head, total)
        && let Ok(doc) = parse(head[..at].to_vec())
    {
        crate::trace::mark("first part parsed");
        first(doc);
        // The whole parse takes both cores: let the first frame be drawn first.
        wait_for_first_frame();
    }
    let bytes = crate::library::read_article_bytes(path)
        .map_err(|e| crate::document::sanitize(&e.to_string()))?;
    let doc = parse(bytes);
    if urgent {
        crate::trace::mark("open article parsed");
    }
    doc
}

/// Whether the shell has drawn its first frame, and its signal.
static DRAWN: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// How long a load waits for the first frame before going on anyway.
const FIRST_FRAME_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// Tells waiting loads that the first frame is on screen.
pub fn first_frame_drawn() {
    let (lock, cv) = &DRAWN;
    *lock.lock().unwrap_or_else(PoisonError::into_inner) = true;
    cv.notify_all();
}

/// Waits until the first frame is drawn, at most [`FIRST_FRAME_WAIT`].
fn wait_for_first_frame() {
    let (lock, cv) = &DRAWN;
    let drawn = lock.lock().unwrap_or_else(PoisonError::into_inner);
    let _ = cv.wait_timeout_while(drawn, FIRST_FRAME_WAIT, |d| !*d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn every_queued_load_answers() {
        let (tx, rx) = std::sync::mpsc::channel();
        let dir = tempfile::tempdir().expect("tmp");
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "Title\n\nBody.\n").expect("write");
        let loader = Loader::spawn(&tx).expect("spawn");
        for i in 0..4 {
            loader.submit(i, a.clone(), 1, i == 3);
        }
        let mut got = Vec::new();
        while got.len() < 4 {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(Msg::Action(Action::Loaded {
                    article, result, ..
                })) => {
                    assert!(result.is_ok());
                    got.push(article);
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        got.sort_unstable();
        assert_eq!(got, [0, 1, 2, 3]);
    }
}
