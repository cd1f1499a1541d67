//! Part of the effect executor: leaving. Waits (at most [`SAVE_WAIT`]) for
//! the annotation saves queued or under way, keeps whatever could not be
//! saved in the drafts file, and words what the user must be told once the
//! terminal is restored.

use super::action::Action;
use super::draft_io::DraftWriter;
use super::state::AppState;
use super::{Exit, Msg, drafts, update};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

/// The longest the program waits for saves before exiting anyway.
pub const SAVE_WAIT: Duration = Duration::from_secs(10);

fn in_flight(s: &AppState) -> bool {
    s.annot.articles.values().any(|e| !e.in_flight.is_empty())
}

/// Finishes the saves, then reports. `annot_jobs` is dropped so the worker
/// stops after the last queued save.
pub fn finish(
    s: &mut AppState,
    annot_jobs: Sender<super::Effect>,
    rx: &Receiver<Msg>,
    writer: Option<&DraftWriter>,
) -> Exit {
    // Changes not sent yet (the loop may have ended on an error) go too.
    let mut fx = Vec::new();
    super::annot_list::save_all(s, &mut fx);
    for e in fx {
        if matches!(e, super::Effect::SaveAnnotations { .. }) {
            let _ = annot_jobs.send(e);
        }
    }
    drop(annot_jobs);
    let end = Instant::now() + SAVE_WAIT;
    let mut last_error: Option<String> = None;
    while in_flight(s) {
        let left = end.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Msg::Action(a @ Action::AnnotationsSaved { .. })) => {
                if let Action::AnnotationsSaved { result: Err(e), .. } = &a {
                    last_error = Some(e.clone());
                }
                let _ = update(s, a, std::time::SystemTime::now());
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let timed_out = in_flight(s);
    let snap = drafts::snapshot(s);
    let changes: usize = snap
        .unsaved
        .iter()
        .map(|u| u.upserts.len() + u.deletes.len())
        .sum();
    let typing = !snap.editors.is_empty();
    let mut problems = Vec::new();
    if changes > 0 {
        let why = match (&last_error, timed_out) {
            (Some(e), _) => format!(": {e}"),
            (None, true) => format!(": still saving after {} s", SAVE_WAIT.as_secs()),
            (None, false) => String::new(),
        };
        problems.push(format!(
            "{changes} annotation change(s) could not be saved{why}"
        ));
    }
    if changes > 0 || typing {
        let kept = match writer {
            Some(w) => {
                w.set(snap);
                match w.flush(Duration::from_secs(2)) {
                    Ok(()) => format!(
                        "kept in {}; offered again on the next start",
                        w.file().display()
                    ),
                    Err(e) => format!("NOT kept: {e}"),
                }
            }
            None => "NOT kept: no state folder for drafts".to_string(),
        };
        let what = if typing && changes == 0 {
            "the note being typed was"
        } else if typing {
            "those changes and the note being typed were"
        } else {
            "they were"
        };
        problems.push(format!("{what} {kept}"));
    } else if let Some(w) = writer {
        w.set(snap);
        let _ = w.flush(Duration::from_secs(2));
    }
    Exit {
        problems: problems
            .iter()
            .map(|p| crate::document::sanitize(p))
            .collect(),
    }
}
