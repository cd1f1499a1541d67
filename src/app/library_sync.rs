//! Keeping the article list in step with the library folders while the
//! reader runs (the watcher in `crate::watch` reports what changed on disk):
//! new files are appended, removed files leave the list, and a changed file
//! is read again — the open article reloads in place, at the same reading
//! position, its annotations re-anchored by the usual load path. Pure.

use super::action::Effect;
use super::message::Message;
use super::state::{AppState, Article};
use std::path::PathBuf;

/// Applies a batch of changes seen on disk.
pub fn apply(
    s: &mut AppState,
    added: Vec<PathBuf>,
    changed: Vec<PathBuf>,
    removed: &[PathBuf],
    fx: &mut Vec<Effect>,
) {
    for p in removed {
        if let Some(i) = s.articles.iter().position(|a| &a.path == p) {
            remove(s, i);
        }
    }
    for p in added.into_iter().chain(changed) {
        match s.articles.iter().position(|a| a.path == p) {
            Some(i) => {
                if i == s.current {
                    s.articles[i].anchor = s.anchor;
                }
                fx.push(super::nav::load(s, i));
            }
            None => {
                s.articles.push(Article::new(p));
                let i = s.articles.len() - 1;
                fx.push(super::nav::load(s, i));
                if s.articles.len() == 1 {
                    s.current = 0;
                }
            }
        }
    }
}

/// Drops article `i`, renumbering what refers to articles by index.
fn remove(s: &mut AppState, i: usize) {
    s.articles.remove(i);
    let shift = |k: usize| if k > i { k - 1 } else { k };
    s.jumps.retain(|l| l.article != i);
    for l in &mut s.jumps {
        l.article = shift(l.article);
    }
    s.jump_pos = s.jump_pos.min(s.jumps.len());
    let old = std::mem::take(&mut s.annot.articles);
    s.annot.articles = old
        .into_iter()
        .filter(|(k, _)| *k != i)
        .map(|(k, v)| (shift(k), v))
        .collect();
    s.annot.rev += 1;
    if s.current == i {
        s.current = i.min(s.articles.len().saturating_sub(1));
        s.marker = None;
        s.note = None;
        s.anchor = s.articles.get(s.current).map_or(0, |a| a.anchor);
        s.top = 0;
        s.message = Some(Message::info(
            "the open article was removed from the library folder",
        ));
    } else {
        s.current = shift(s.current);
    }
    s.list_sel = shift(s.list_sel).min(s.articles.len().saturating_sub(1));
    s.dirty = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn state(names: &[&str]) -> AppState {
        AppState::new(names.iter().map(PathBuf::from).collect(), &HashMap::new())
    }

    #[test]
    fn added_files_are_appended_and_loaded() {
        let mut s = state(&["a.md"]);
        let mut fx = Vec::new();
        apply(&mut s, vec!["b.html".into()], vec![], &[], &mut fx);
        assert_eq!(s.articles.len(), 2);
        assert!(matches!(&fx[..], [Effect::Load { article: 1, .. }]));
    }

    #[test]
    fn removing_an_earlier_article_keeps_the_open_one_open() {
        let mut s = state(&["a.md", "b.md", "c.md"]);
        s.current = 2;
        s.list_sel = 2;
        let mut fx = Vec::new();
        apply(&mut s, vec![], vec![], &[PathBuf::from("a.md")], &mut fx);
        assert_eq!(s.articles.len(), 2);
        assert_eq!(s.articles[s.current].path, PathBuf::from("c.md"));
        assert_eq!(s.list_sel, 1);
    }

    #[test]
    fn a_changed_open_article_reloads_at_its_position() {
        let mut s = state(&["a.md"]);
        s.anchor = 1234;
        let mut fx = Vec::new();
        apply(&mut s, vec![], vec!["a.md".into()], &[], &mut fx);
        assert_eq!(s.articles[0].anchor, 1234);
        assert!(matches!(&fx[..], [Effect::Load { article: 0, .. }]));
    }
}
