//! Keeps the finder's index in step with the annotations: when they change,
//! each article's annotations are sent to the index worker (`%` results).

use super::action::Effect;
use super::finder::FinderEffect;
use super::state::AppState;

/// Sends every article's annotations to the finder's index when they changed
/// since the last call (`annot.rev` moved).
pub fn annotations_to_finder(s: &mut AppState, fx: &mut Vec<Effect>) {
    if s.annot.rev == s.finder.annot_rev {
        return;
    }
    s.finder.annot_rev = s.annot.rev;
    for art in s.annot.articles.values() {
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
        fx.push(Effect::Finder(FinderEffect::Annotations(
            art.path.clone(),
            items,
        )));
    }
}
