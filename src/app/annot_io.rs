//! Part of the effect executor: the annotations worker thread, which runs
//! `Effect::LoadAnnotations` / `Effect::SaveAnnotations` against the store
//! one at a time (so saves land in order) and replies with Actions.

use super::Msg;
use super::action::{Action, Effect};
use crate::annotations::{ArticleKey, Loaded, Store};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};

/// Starts the worker; annotation effects sent to the returned channel run on it.
///
/// # Errors
/// The thread could not be spawned.
pub fn spawn(tx: Sender<Msg>, data_dir: Option<PathBuf>) -> std::io::Result<Sender<Effect>> {
    let (job_tx, job_rx) = channel::<Effect>();
    std::thread::Builder::new()
        .name("ibid-annotations".into())
        .spawn(move || {
            let store = store(data_dir.as_deref());
            // Start-of-session housekeeping (stale temp files, conflict
            // copies) on a thread of its own, so the first article's
            // annotations do not wait for it; its problems are reported.
            if let Ok(s) = store.clone() {
                let tx = tx.clone();
                let _ = std::thread::Builder::new()
                    .name("ibid-housekeeping".into())
                    .spawn(move || {
                        if let Ok(w) = s.housekeep()
                            && !w.is_empty()
                        {
                            let text = crate::document::sanitize(&w.join("; "));
                            let _ = tx.send(Msg::Action(Action::Message(
                                super::message::Message::error(text),
                            )));
                        }
                    });
            }
            for job in job_rx {
                let Some(reply) = run(&job, &store) else {
                    continue;
                };
                if tx.send(Msg::Action(reply)).is_err() {
                    break;
                }
            }
        })?;
    Ok(job_tx)
}

fn store(data_dir: Option<&Path>) -> Result<Store, String> {
    let dir = data_dir.ok_or("no data directory (use --data-dir or IBID_DATA_DIR)")?;
    Store::open(dir.join("annotations")).map_err(|e| e.to_string())
}

fn key(path: &Path, text: &str) -> ArticleKey {
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    ArticleKey::new(canonical, text)
}

/// Runs one annotation effect here and now (the worker's body).
pub fn run(job: &Effect, store: &Result<Store, String>) -> Option<Action> {
    let store = || store.clone();
    let guarded = |f: &dyn Fn() -> Result<Loaded, String>| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
            .unwrap_or_else(|_| Err("internal error in the annotation store".into()))
            .map_err(|e| crate::document::sanitize(&e))
    };
    match job {
        Effect::LoadAnnotations {
            article,
            path,
            doc,
            generation,
        } => Some(Action::AnnotationsLoaded {
            article: *article,
            generation: *generation,
            result: guarded(&|| {
                store()?
                    .load(&key(path, &doc.text))
                    .map_err(|e| e.to_string())
            }),
        }),
        Effect::SaveAnnotations {
            article,
            path,
            doc,
            ops,
            generation,
        } => Some(Action::AnnotationsSaved {
            article: *article,
            generation: *generation,
            result: guarded(&|| {
                store()?
                    .apply(&key(path, &doc.text), ops)
                    .map_err(|e| e.to_string())
            }),
        }),
        Effect::FindAnnotated(articles) => Some(Action::Annotated(annotated(articles, &store()))),
        _ => None,
    }
}

/// Which of `articles` have a file in the store (compared by canonical path); none when
/// the store cannot be read (each article then reports its own error when opened).
fn annotated(articles: &[(usize, PathBuf)], store: &Result<Store, String>) -> Vec<usize> {
    let listed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        store
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|s| s.all().map_err(|e| e.to_string()))
    }));
    let Ok(Ok(listing)) = listed else {
        return Vec::new();
    };
    let stored: std::collections::HashSet<&Path> = listing
        .articles
        .iter()
        .filter(|a| !a.annotations.is_empty())
        .flat_map(|a| std::iter::once(a.path.as_path()).chain(a.paths.iter().map(PathBuf::as_path)))
        .collect();
    if stored.is_empty() {
        return Vec::new();
    }
    articles
        .iter()
        .filter(|(_, p)| {
            let canonical = p.canonicalize().unwrap_or_else(|_| p.clone());
            stored.contains(canonical.as_path())
        })
        .map(|&(i, _)| i)
        .collect()
}
