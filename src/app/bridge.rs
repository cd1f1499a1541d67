//! Keeps the finder's index in step with the annotations: when they change,
//! the articles whose annotations differ from what the index last got (and
//! only those) are sent to the index worker (`%` results).

use super::action::Effect;
use super::finder::FinderEffect;
use super::state::AppState;

/// Sends the annotations of each article that changed since the last call
/// (`annot.changed`) to the finder's index, when they differ from what it
/// last got: one article's change costs that article, not the library.
pub fn annotations_to_finder(s: &mut AppState, fx: &mut Vec<Effect>) {
    if s.annot.rev == s.finder.annot_rev {
        return;
    }
    s.finder.annot_rev = s.annot.rev;
    let changed = std::mem::take(&mut s.annot.changed);
    for art in changed.iter().filter_map(|i| s.annot.articles.get(i)) {
        let items: Vec<(u32, String, String)> = art
            .items
            .iter()
            .zip(&art.placed)
            .map(|(a, placed)| {
                let offset = placed.as_ref().map_or(0, |r| r.start);
                (
                    u32::try_from(offset).unwrap_or(u32::MAX),
                    a.anchor.quote.clone(),
                    a.note.clone(),
                )
            })
            .collect();
        let sent = s.finder.annot_sent.get(&art.path);
        let unchanged = match sent {
            Some(before) => *before == items,
            // The index starts with no annotations: nothing to say.
            None => items.is_empty(),
        };
        if unchanged {
            continue;
        }
        s.finder.annot_sent.insert(art.path.clone(), items.clone());
        fx.push(Effect::Finder(FinderEffect::Annotations(
            art.path.clone(),
            items,
        )));
    }
}
