//! The rewrap worker: lays out the whole of a big article after the part
//! around the reading position is on screen. Only the newest request is
//! worked on (a window dragged wider asks many times; the old widths are
//! skipped).

use super::state::LayoutKey;
use super::{Action, AppState, Effect, Msg};
use crate::document::Document;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};

/// One request: the layout of `doc` for `key`.
type Job = (LayoutKey, Arc<Document>);

/// The newest request not started, and whether the worker should stop.
#[derive(Default)]
struct Slot {
    job: Option<Job>,
    stop: bool,
}

/// Handle to the worker thread; dropping it stops the worker.
pub struct Rewrapper {
    slot: Arc<(Mutex<Slot>, Condvar)>,
}

impl Rewrapper {
    /// Starts the worker; its layouts come back on `tx` as `Action::Rewrapped`.
    ///
    /// # Errors
    /// The thread could not be started.
    pub fn spawn(tx: Sender<Msg>) -> std::io::Result<Self> {
        let slot: Arc<(Mutex<Slot>, Condvar)> = Arc::default();
        let theirs = Arc::clone(&slot);
        std::thread::Builder::new()
            .name("ibid-rewrap".into())
            .spawn(move || {
                while let Some((key, doc)) = next(&theirs) {
                    let layout = super::view::body::layout(&doc, key.2, key.3);
                    let reply = Action::Rewrapped {
                        key,
                        doc,
                        layout: Arc::new(layout),
                    };
                    if tx.send(Msg::Action(reply)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Self { slot })
    }

    /// Asks for the layout of `doc` for `key`, replacing a request not started.
    pub fn submit(&self, key: LayoutKey, doc: Arc<Document>) {
        let (lock, cv) = &*self.slot;
        if let Ok(mut s) = lock.lock() {
            s.job = Some((key, doc));
            cv.notify_one();
        }
    }
}

impl Drop for Rewrapper {
    fn drop(&mut self) {
        let (lock, cv) = &*self.slot;
        if let Ok(mut s) = lock.lock() {
            s.stop = true;
            cv.notify_one();
        }
    }
}

/// Waits for the next request; `None` once the handle is dropped.
fn next(slot: &(Mutex<Slot>, Condvar)) -> Option<Job> {
    let (lock, cv) = slot;
    let mut s = lock.lock().ok()?;
    loop {
        if s.stop {
            return None;
        }
        if let Some(job) = s.job.take() {
            return Some(job);
        }
        s = cv.wait(s).ok()?;
    }
}

/// After an update: a partial layout on screen asks for its whole layout.
pub fn after_update(s: &mut AppState, fx: &mut Vec<Effect>) {
    if let Some(key) = s.take_rewrap()
        && let Some(doc) = s.doc().cloned()
    {
        fx.push(Effect::Rewrap { key, doc });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};
    use std::time::Duration;

    /// A state at 80x24 showing an article of more than a megabyte; the
    /// effects of its load.
    fn big_article_shown() -> (AppState, Vec<Effect>) {
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&format!(
                "Paragraph {i} of a long article, with enough words to wrap.\n\n"
            ));
        }
        assert!(text.len() > crate::app::view::partial::PARTIAL_MIN);
        crate::app::test_state::showing("a.txt", parse_str(&text, Format::Plain), 80, 24)
    }

    /// The first word of the top line.
    fn top_text(s: &AppState) -> String {
        let l = s.layout.as_ref().unwrap();
        let at = l.line_start[s.top];
        s.doc().unwrap().text[at..].chars().take(16).collect()
    }

    #[test]
    fn a_big_article_shows_its_part_and_asks_once_for_the_whole() {
        let (mut s, fx) = big_article_shown();
        assert!(s.layout.as_ref().unwrap().partial);
        let asks: Vec<_> = fx
            .iter()
            .filter_map(|e| match e {
                Effect::Rewrap { key, doc } => Some((*key, Arc::clone(doc))),
                _ => None,
            })
            .collect();
        assert_eq!(asks.len(), 1, "one request");
        let (key, doc) = asks[0].clone();
        assert_eq!(key.2, s.body_text().width);
        // Scrolling in the part asks nothing more.
        let fx = crate::app::update(&mut s, Action::ScrollLines(5), std::time::UNIX_EPOCH);
        assert!(!fx.iter().any(|e| matches!(e, Effect::Rewrap { .. })));
        let before = top_text(&s);
        let whole = Arc::new(crate::app::view::body::layout(&doc, key.2, key.3));
        // A layout for another width is not shown.
        let other = (key.0, key.1, key.2 + 1, key.3);
        let reply = |key, layout| Action::Rewrapped {
            key,
            doc: Arc::clone(&doc),
            layout,
        };
        crate::app::update(
            &mut s,
            reply(other, Arc::clone(&whole)),
            std::time::UNIX_EPOCH,
        );
        assert!(s.layout.as_ref().unwrap().partial);
        crate::app::update(&mut s, reply(key, whole), std::time::UNIX_EPOCH);
        assert!(!s.layout.as_ref().unwrap().partial);
        assert_eq!(top_text(&s), before, "the reader stays in place");
    }

    #[test]
    fn jumps_far_from_the_part_land_before_the_whole_layout_arrives() {
        let (mut s, _) = big_article_shown();
        crate::app::update(&mut s, Action::Bottom, std::time::UNIX_EPOCH);
        assert!(s.layout.as_ref().unwrap().partial);
        let end = s.doc().unwrap().text.len();
        let l = s.layout.as_ref().unwrap();
        assert!(l.line_start[s.top] > end - 2000, "the last screen");
        assert!(top_text(&s).starts_with("Paragraph 19"), "{}", top_text(&s));
        crate::app::update(&mut s, Action::Top, std::time::UNIX_EPOCH);
        assert_eq!(s.layout.as_ref().unwrap().line_start[s.top], 0);
    }

    #[test]
    fn the_newest_request_is_laid_out_and_sent_back() {
        let (tx, rx) = std::sync::mpsc::channel();
        let w = Rewrapper::spawn(tx).unwrap();
        let doc = Arc::new(parse_str(
            "One paragraph of text.\n\nAnother one.",
            Format::Plain,
        ));
        w.submit((0, 1, 30, false), Arc::clone(&doc));
        let Ok(Msg::Action(Action::Rewrapped { key, layout, .. })) =
            rx.recv_timeout(Duration::from_secs(10))
        else {
            panic!("no layout came back");
        };
        assert_eq!(key, (0, 1, 30, false));
        assert_eq!(*layout, crate::app::view::body::layout(&doc, 30, false));
        drop(w);
        // The worker stops with its handle: the channel closes.
        assert!(rx.recv_timeout(Duration::from_secs(10)).is_err());
    }
}
