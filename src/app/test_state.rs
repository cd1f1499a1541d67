//! Tests' starting point: a state of one article at a terminal size, its
//! document loaded as the loader would answer (tests only).

use super::{Action, AppState, Effect, init, update};
use crate::document::Document;
use std::sync::Arc;

/// A state at `w`x`h` whose one article (`path`) has loaded as `doc`; the
/// effects the load asked for.
pub fn showing(path: &str, doc: Document, w: u16, h: u16) -> (AppState, Vec<Effect>) {
    let now = std::time::UNIX_EPOCH;
    let mut s = AppState::new(vec![path.into()], &std::collections::HashMap::new());
    update(&mut s, Action::Resize(w, h), now);
    let fx = init(&mut s);
    assert!(matches!(fx[0], Effect::Load { article: 0, .. }));
    let generation = s.articles[0].generation;
    let result = Ok(Arc::new(doc));
    let loaded = Action::Loaded {
        article: 0,
        generation,
        result,
    };
    let fx = update(&mut s, loaded, now);
    (s, fx)
}
