//! What quitting saves: the reading positions that changed in this session
//! and the article open at the end (reopened first at the next start). Pure:
//! returns the effects.

use super::action::Effect;
use super::state::AppState;
use std::path::PathBuf;

/// Reading positions that changed in this session (the open one up to date).
pub fn positions(s: &mut AppState) -> Vec<(PathBuf, usize)> {
    let (cur, anchor) = (s.current, s.anchor);
    if let Some(a) = s.articles.get_mut(cur) {
        a.anchor = anchor;
    }
    s.articles
        .iter()
        .filter(|a| a.doc().is_some() && a.anchor != a.opened_at)
        .map(|a| (a.path.clone(), a.anchor))
        .collect()
}

/// What quitting saves: the changed reading positions, then the open article
/// and its position (opened first at the next start).
pub fn quit_saves(s: &mut AppState) -> Vec<Effect> {
    let mut fx = vec![Effect::SavePositions(positions(s))];
    if let Some(a) = s.article().filter(|a| a.doc().is_some()) {
        fx.push(Effect::SaveLastRead {
            path: a.path.clone(),
            anchor: s.anchor,
        });
    }
    fx
}
