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
            for job in job_rx {
                let Some(reply) = run(&job, data_dir.as_deref()) else {
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

/// Runs one annotation effect here and now (the worker's body; also used to
/// flush saves synchronously when quitting).
pub fn run(job: &Effect, data_dir: Option<&Path>) -> Option<Action> {
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
                store(data_dir)?
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
                store(data_dir)?
                    .apply(&key(path, &doc.text), ops)
                    .map_err(|e| e.to_string())
            }),
        }),
        Effect::FindAnnotated(articles) => Some(Action::Annotated(annotated(articles, data_dir))),
        _ => None,
    }
}

/// Which of `articles` have a file in the store (compared by canonical path); none when
/// the store cannot be read (each article then reports its own error when opened).
fn annotated(articles: &[(usize, PathBuf)], data_dir: Option<&Path>) -> Vec<usize> {
    let listed = std::panic::catch_unwind(|| {
        store(data_dir).and_then(|s| s.all().map_err(|e| e.to_string()))
    });
    let Ok(Ok(listing)) = listed else {
        return Vec::new();
    };
    let stored: std::collections::HashSet<&Path> = listing
        .articles
        .iter()
        .filter(|a| !a.annotations.is_empty())
        .map(|a| a.path.as_path())
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
