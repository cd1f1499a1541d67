//! The article list's order and filter: sorted by file (as scanned), most
//! recently read, title, author, date or note count (`o` cycles, in the list),
//! and filtered by typing (`/` in the list, then the text; Enter keeps it,
//! Esc clears it). Pure: the rows shown are `order(state)`, indices into
//! `AppState::articles`; the selection (`list_sel`) stays an article index.

use super::state::{AppState, ArticleStatus};
use crate::app::message::Message;
use std::cmp::Reverse;

/// How the list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// In the order the library was scanned (by file name).
    #[default]
    File,
    /// Most recently read first.
    Recent,
    /// By title.
    Title,
    /// By author.
    Author,
    /// Newest date first.
    Date,
    /// Most notes first.
    Notes,
}

impl Sort {
    /// The next order (`o`).
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::File => Self::Recent,
            Self::Recent => Self::Title,
            Self::Title => Self::Author,
            Self::Author => Self::Date,
            Self::Date => Self::Notes,
            Self::Notes => Self::File,
        }
    }
    /// Name shown in the list's title and the status line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Recent => "recent",
            Self::Title => "title",
            Self::Author => "author",
            Self::Date => "date",
            Self::Notes => "notes",
        }
    }
}

/// The list's view settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// The order.
    pub sort: Sort,
    /// Text the titles, authors and file names are filtered by (case-insensitive).
    pub filter: String,
    /// True while the filter is being typed (printable keys go into it).
    pub typing: bool,
    /// When each article was last read (index → ms since the epoch, from the
    /// positions file); articles opened in this session rank above all of them.
    pub read_at: Vec<u64>,
    /// Articles opened in this session, most recent last.
    pub opened: Vec<usize>,
}

/// Keys of the list's filter prompt and order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    /// `/` in the list: start typing a filter.
    StartFilter,
    /// A character typed into the filter.
    Input(char),
    /// Backspace in the filter.
    Backspace,
    /// Enter: stop typing, keep the filter.
    Done,
    /// Esc: clear the filter.
    Clear,
    /// `o` in the list: the next order.
    CycleSort,
}

/// What the list shows of article `i`: (title, author, date, notes).
#[must_use]
pub fn info(s: &AppState, i: usize) -> (String, String, String, usize) {
    let a = &s.articles[i];
    match &a.status {
        ArticleStatus::Loaded(d) => (
            if d.meta.title.is_empty() {
                a.name.clone()
            } else {
                d.meta.title.clone()
            },
            d.meta.author.clone().unwrap_or_default(),
            d.meta.date.clone().unwrap_or_default(),
            d.notes.len(),
        ),
        _ => match summary(s, i) {
            Some(x) => (
                x.title.clone(),
                x.author.clone().unwrap_or_default(),
                x.date.clone().unwrap_or_default(),
                x.note_count as usize,
            ),
            None => (a.name.clone(), String::new(), String::new(), 0),
        },
    }
}

fn summary(s: &AppState, i: usize) -> Option<&crate::finder::ArticleInfo> {
    let ix = s.finder.index.as_ref()?;
    ix.articles().get(ix.doc_of(&s.articles[i].path)? as usize)
}

/// The rows shown, in order: indices into `articles`.
#[must_use]
pub fn order(s: &AppState) -> Vec<usize> {
    let v = &s.list_view;
    let q = v.filter.to_lowercase();
    let mut rows: Vec<usize> = (0..s.articles.len())
        .filter(|&i| {
            if q.is_empty() {
                return true;
            }
            let (t, au, _, _) = info(s, i);
            [t.as_str(), au.as_str(), s.articles[i].name.as_str()]
                .iter()
                .any(|f| f.to_lowercase().contains(&q))
        })
        .collect();
    match v.sort {
        Sort::File => {}
        Sort::Recent => rows.sort_by_key(|&i| {
            let session = v.opened.iter().rposition(|&o| o == i);
            Reverse((session, v.read_at.get(i).copied().unwrap_or(0)))
        }),
        Sort::Title => rows.sort_by_cached_key(|&i| info(s, i).0.to_lowercase()),
        Sort::Author => rows.sort_by_cached_key(|&i| {
            let au = info(s, i).1.to_lowercase();
            (au.is_empty(), au)
        }),
        Sort::Date => rows.sort_by_cached_key(|&i| {
            let d = info(s, i).2;
            (d.is_empty(), Reverse(d))
        }),
        Sort::Notes => rows.sort_by_cached_key(|&i| Reverse(info(s, i).3)),
    }
    rows
}

/// Moves the list selection `n` rows in the shown order.
pub fn step(s: &mut AppState, n: i32) {
    let rows = order(s);
    if rows.is_empty() {
        return;
    }
    let cur = rows.iter().position(|&i| i == s.list_sel).unwrap_or(0);
    let t = i64::try_from(cur).unwrap_or(0) + i64::from(n);
    let max = i64::try_from(rows.len() - 1).unwrap_or(0);
    s.list_sel = rows[usize::try_from(t.clamp(0, max)).unwrap_or(0)];
}

/// Applies a list action.
pub fn update(s: &mut AppState, a: ListAction) {
    match a {
        ListAction::StartFilter => s.list_view.typing = true,
        ListAction::Input(c) => s.list_view.filter.push(c),
        ListAction::Backspace => {
            s.list_view.filter.pop();
        }
        ListAction::Done => s.list_view.typing = false,
        ListAction::Clear => {
            s.list_view.typing = false;
            s.list_view.filter.clear();
        }
        ListAction::CycleSort => {
            s.list_view.sort = s.list_view.sort.next();
            s.message = Some(Message::info(format!(
                "articles by {}",
                s.list_view.sort.name()
            )));
        }
    }
    let rows = order(s);
    if !rows.contains(&s.list_sel)
        && let Some(&first) = rows.first()
    {
        s.list_sel = first;
    }
    if s.list_view.typing {
        s.message = Some(Message::info(format!(
            "filter: {}▏ ({} of {})",
            crate::document::sanitize(&s.list_view.filter),
            rows.len(),
            s.articles.len()
        )));
    }
}

/// Opens the reader on `path` at byte `anchor` (the article last read), if
/// it is in the list; before `init`. True when it was found.
pub fn resume(s: &mut AppState, path: &std::path::Path, anchor: usize) -> bool {
    let Some(i) = s.articles.iter().position(|a| a.path == path) else {
        return false;
    };
    s.current = i;
    s.list_sel = i;
    s.articles[i].anchor = anchor;
    true
}

/// Records that article `i` was opened (for the recent order).
pub fn opened(s: &mut AppState, i: usize) {
    s.list_view.opened.retain(|&o| o != i);
    s.list_view.opened.push(i);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::path::PathBuf;

    fn st() -> AppState {
        let paths = ["b.txt", "a.txt", "c.txt"].map(PathBuf::from).to_vec();
        AppState::new(paths, &HashMap::new())
    }

    #[test]
    fn sorts_and_filters() {
        let mut s = st();
        assert_eq!(order(&s), [0, 1, 2]);
        s.list_view.sort = Sort::Title;
        assert_eq!(order(&s), [1, 0, 2], "by name while not loaded");
        s.list_view.sort = Sort::Recent;
        s.list_view.read_at = vec![5, 9, 0];
        assert_eq!(order(&s), [1, 0, 2]);
        opened(&mut s, 2);
        assert_eq!(order(&s), [2, 1, 0], "opened in this session first");
        update(&mut s, ListAction::StartFilter);
        for c in "A.T".chars() {
            update(&mut s, ListAction::Input(c));
        }
        assert_eq!(order(&s), [1]);
        assert_eq!(s.list_sel, 1, "the selection moves into the filtered rows");
        assert!(
            s.message
                .as_ref()
                .is_some_and(|m| m.text.contains("1 of 3"))
        );
        update(&mut s, ListAction::Clear);
        assert_eq!(order(&s).len(), 3);
        assert!(!s.list_view.typing);
    }

    #[test]
    fn step_follows_the_shown_order() {
        let mut s = st();
        s.list_view.sort = Sort::Title;
        s.list_sel = 1;
        step(&mut s, 1);
        assert_eq!(s.list_sel, 0);
        step(&mut s, 5);
        assert_eq!(s.list_sel, 2);
        step(&mut s, -9);
        assert_eq!(s.list_sel, 1);
    }

    #[test]
    fn sort_cycles_through_every_order() {
        let mut o = Sort::File;
        let mut seen = Vec::new();
        for _ in 0..6 {
            seen.push(o.name());
            o = o.next();
        }
        assert_eq!(o, Sort::File);
        assert_eq!(seen, ["file", "recent", "title", "author", "date", "notes"]);
    }
}
