//! The one keymap table: context × keys → action, with a description. Key
//! resolution, the help screen and the status-line hints all read it.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::LazyLock;

/// Where a binding applies. Overlays are checked first, then the focused
/// pane, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere (unless an overlay takes the key).
    Global,
    /// The body has focus.
    Body,
    /// The notes panel has focus.
    Notes,
    /// The article list has focus (or its overlay is open).
    List,
    /// The help screen is open.
    Help,
    /// The outline is open.
    Outline,
    /// A note overlay is open.
    Note,
    /// The search prompt is open (printable keys are typed, not looked up).
    Search,
    /// The sources view has the keys (notes panel focused, or narrow overlay).
    Sources,
    /// The finder is open (printable keys are typed, not looked up).
    Finder,
    /// A body selection is being made (`v`).
    Select,
    /// The note editor is open (other keys are typed into it).
    Editor,
    /// A yes/no question is asked in the status line.
    Confirm,
    /// The notes panel shows the annotations tab and has focus.
    Annotations,
}

impl Context {
    /// Name shown in the help screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Body => "body",
            Self::Notes => "notes",
            Self::List => "list",
            Self::Help => "help",
            Self::Outline => "outline",
            Self::Note => "note",
            Self::Search => "search",
            Self::Sources => "sources",
            Self::Finder => "finder",
            Self::Select => "select",
            Self::Editor => "editor",
            Self::Confirm => "confirm",
            Self::Annotations => "annotations",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// Key names as shown in help (`"j"`, `"C-d"`, `"S-Tab"`, `"PageDown"`).
    pub keys: &'static [&'static str],
    /// What the keys do.
    pub action: Action,
    /// One line for the help screen.
    pub desc: &'static str,
}

macro_rules! b {
    ($ctx:ident, [$($k:literal),+], $act:expr, $d:literal) => {
        Binding { context: Context::$ctx, keys: &[$($k),+], action: $act, desc: $d }
    };
}

/// The default keymap.
pub static KEYMAP: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    use super::annotate::AnnotAction as AA;
    use super::finder::{FinderMsg as M, Scope};
    use super::line_edit::Edit as E;
    use super::list_view::ListAction as LA;
    use super::marks::MarkAction as MK;
    use super::select::Motion as MO;
    use super::sources::SourcesAction as SA;
    use Action as A;
    use Action::Finder as F;
    vec![
        b!(Global, ["q", "C-c"], A::Quit, "quit"),
        b!(Global, ["C-z"], A::Suspend, "suspend (fg resumes)"),
        b!(Global, ["?", "F1"], A::Help, "show this help"),
        b!(
            Global,
            ["Space", "PageDown"],
            A::ScrollPages(1),
            "page down"
        ),
        b!(Global, ["b", "PageUp"], A::ScrollPages(-1), "page up"),
        b!(Global, ["C-d"], A::ScrollHalf(1), "half page down"),
        b!(Global, ["C-u"], A::ScrollHalf(-1), "half page up"),
        b!(Global, ["g", "Home"], A::Top, "top of the article"),
        b!(Global, ["G", "End"], A::Bottom, "bottom of the article"),
        b!(Global, ["Tab"], A::FocusNext, "focus the next pane"),
        b!(Global, ["S-Tab"], A::FocusPrev, "focus the previous pane"),
        b!(
            Global,
            ["]"],
            A::NextMarker,
            "select the next footnote marker"
        ),
        b!(
            Global,
            ["["],
            A::PrevMarker,
            "select the previous footnote marker"
        ),
        b!(Global, ["C-o"], A::Back, "back to before the last jump"),
        b!(
            Global,
            ["C-i", "A-i"],
            A::Forward,
            "forward again in the jump list"
        ),
        b!(Global, ["o"], A::Outline, "outline of headings"),
        b!(Global, ["/"], A::Search, "search the article"),
        b!(
            Global,
            [":"],
            A::Command,
            "command line: `:p 12` goes to page 12 (PDFs)"
        ),
        b!(Global, ["n"], A::SearchNext, "next search match"),
        b!(Global, ["N"], A::SearchPrev, "previous search match"),
        b!(Global, ["J"], A::NextArticle, "next article"),
        b!(Global, ["K"], A::PrevArticle, "previous article"),
        b!(
            Global,
            ["f"],
            A::ToggleFurniture,
            "show/hide page furniture"
        ),
        b!(Global, ["l"], A::ToggleList, "article list overlay"),
        b!(Global, ["Esc"], A::Close, "close overlay, clear selection"),
        b!(
            Global,
            ["s"],
            A::Sources(SA::Toggle),
            "sources view / notes"
        ),
        b!(
            Global,
            ["S"],
            A::Sources(SA::CycleSort),
            "sort sources: first/count/author"
        ),
        b!(
            Global,
            ["x"],
            A::OpenLink,
            "open the note's/source's link, else the article's own"
        ),
        b!(Global, ["y"], A::CopyLink, "copy the note's/source's link"),
        b!(Global, ["="], A::Measure(true), "widen the reading measure"),
        b!(
            Global,
            ["-"],
            A::Measure(false),
            "narrow the reading measure"
        ),
        b!(
            Global,
            ["m"],
            A::Mark(MK::BeginSet),
            "m a: mark this place as a"
        ),
        b!(
            Global,
            ["'"],
            A::Mark(MK::BeginJump),
            "' a: go to mark a; ' ': back to the last jump"
        ),
        b!(
            Body,
            ["Right", ">"],
            A::ScrollSideways(1),
            "scroll preformatted text right"
        ),
        b!(
            Body,
            ["Left", "<"],
            A::ScrollSideways(-1),
            "scroll preformatted text left"
        ),
        b!(
            List,
            ["/"],
            A::List(LA::StartFilter),
            "filter the list by typing"
        ),
        b!(
            List,
            ["o"],
            A::List(LA::CycleSort),
            "sort: file/recent/title/author/date/notes"
        ),
        b!(
            Sources,
            ["j", "Down"],
            A::Sources(SA::Move(1)),
            "next source/marker"
        ),
        b!(
            Sources,
            ["k", "Up"],
            A::Sources(SA::Move(-1)),
            "previous source/marker"
        ),
        b!(
            Sources,
            ["Enter"],
            A::Sources(SA::Enter),
            "list markers / go to marker"
        ),
        b!(
            Sources,
            ["Esc"],
            A::Sources(SA::Back),
            "back to works / close sources"
        ),
        b!(Body, ["j", "Down"], A::ScrollLines(1), "scroll down a line"),
        b!(Body, ["k", "Up"], A::ScrollLines(-1), "scroll up a line"),
        b!(
            Body,
            ["Enter"],
            A::Follow,
            "open the selected marker's note"
        ),
        b!(
            Body,
            ["w", "e"],
            A::Annot(AA::Move(MO::WordNext)),
            "cursor to the next word"
        ),
        b!(
            Body,
            ["B"],
            A::Annot(AA::Move(MO::WordPrev)),
            "cursor back a word (b: page up)"
        ),
        b!(
            Body,
            ["v"],
            A::Annot(AA::Select),
            "select from the cursor (then a: annotate)"
        ),
        b!(
            Body,
            ["t"],
            A::Annot(AA::ToggleTab),
            "annotations of this article (tab or popup)"
        ),
        b!(
            Body,
            ["A"],
            A::Annot(AA::AnnotateParagraph),
            "annotate the paragraph under the cursor"
        ),
        b!(
            Notes,
            ["t"],
            A::Annot(AA::ToggleTab),
            "show the annotations tab"
        ),
        b!(Notes, ["j", "Down"], A::MoveSel(1), "next note"),
        b!(Notes, ["k", "Up"], A::MoveSel(-1), "previous note"),
        b!(
            Notes,
            ["Enter"],
            A::Follow,
            "follow Ibid./op. cit./same source"
        ),
        b!(List, ["j", "Down"], A::MoveSel(1), "next article"),
        b!(List, ["k", "Up"], A::MoveSel(-1), "previous article"),
        b!(List, ["Enter"], A::Follow, "open the article"),
        b!(List, ["Esc", "l"], A::Close, "close the list overlay"),
        b!(Outline, ["j", "Down"], A::MoveSel(1), "next heading"),
        b!(Outline, ["k", "Up"], A::MoveSel(-1), "previous heading"),
        b!(Outline, ["Enter"], A::Follow, "jump to the heading"),
        b!(Outline, ["Esc", "o", "q"], A::Close, "close the outline"),
        b!(
            Note,
            ["Enter"],
            A::Follow,
            "follow Ibid./op. cit./same source"
        ),
        b!(Note, ["Esc", "q"], A::Close, "close the note"),
        b!(Help, ["j", "Down"], A::MoveSel(1), "scroll help down"),
        b!(Help, ["k", "Up"], A::MoveSel(-1), "scroll help up"),
        b!(Help, ["Esc", "q", "?"], A::Close, "close help"),
        b!(
            Select,
            ["w", "e"],
            A::Annot(AA::Move(MO::WordNext)),
            "extend to the next word"
        ),
        b!(
            Select,
            ["b", "B"],
            A::Annot(AA::Move(MO::WordPrev)),
            "back a word"
        ),
        b!(
            Select,
            ["j", "Down"],
            A::Annot(AA::Move(MO::LineDown)),
            "extend a line down"
        ),
        b!(
            Select,
            ["k", "Up"],
            A::Annot(AA::Move(MO::LineUp)),
            "back a line up"
        ),
        b!(
            Select,
            [")"],
            A::Annot(AA::Move(MO::SentenceNext)),
            "to the end of the sentence"
        ),
        b!(
            Select,
            ["("],
            A::Annot(AA::Move(MO::SentencePrev)),
            "to the start of the sentence"
        ),
        b!(
            Select,
            ["}"],
            A::Annot(AA::Move(MO::ParaNext)),
            "to the end of the paragraph"
        ),
        b!(
            Select,
            ["{"],
            A::Annot(AA::Move(MO::ParaPrev)),
            "to the start of the paragraph"
        ),
        b!(
            Select,
            ["a", "Enter"],
            A::Annot(AA::AnnotateSelection),
            "annotate the selection"
        ),
        b!(
            Select,
            ["A"],
            A::Annot(AA::AnnotateParagraph),
            "annotate the whole paragraph"
        ),
        b!(
            Select,
            ["Esc", "v"],
            A::Annot(AA::CancelSelection),
            "cancel the selection"
        ),
        b!(
            Editor,
            ["C-s"],
            A::Annot(AA::EditorSave),
            "save the note (#words are tags)"
        ),
        b!(
            Editor,
            ["Esc"],
            A::Annot(AA::EditorEsc),
            "close (asks before discarding)"
        ),
        b!(Editor, ["C-z"], A::Suspend, "suspend (the note stays open)"),
        b!(Confirm, ["y"], A::Annot(AA::Answer(Some(true))), "yes"),
        b!(Confirm, ["n"], A::Annot(AA::Answer(Some(false))), "no"),
        b!(Confirm, ["Esc"], A::Annot(AA::Answer(None)), "cancel"),
        b!(
            Annotations,
            ["j", "Down"],
            A::Annot(AA::TabMove(1)),
            "next annotation"
        ),
        b!(
            Annotations,
            ["k", "Up"],
            A::Annot(AA::TabMove(-1)),
            "previous annotation"
        ),
        b!(
            Annotations,
            ["Enter"],
            A::Annot(AA::TabJump),
            "go to the annotated passage"
        ),
        b!(Annotations, ["e"], A::Annot(AA::TabEdit), "edit the note"),
        b!(
            Annotations,
            ["d"],
            A::Annot(AA::TabDelete),
            "delete the annotation"
        ),
        b!(
            Annotations,
            ["u"],
            A::Annot(AA::TabUndo),
            "undo the last delete"
        ),
        b!(
            Annotations,
            ["t"],
            A::Annot(AA::ToggleTab),
            "back to the notes tab"
        ),
        b!(
            Annotations,
            ["Esc"],
            A::Annot(AA::ToggleTab),
            "back to the notes tab"
        ),
        b!(Search, ["Enter"], A::Follow, "search for the typed text"),
        b!(Search, ["Esc"], A::Close, "cancel the search"),
        b!(
            Search,
            ["Backspace"],
            A::InputBackspace,
            "delete a character"
        ),
        b!(
            Global,
            ["C-p"],
            F(M::Open(Scope::Library)),
            "find in the library"
        ),
        b!(
            Global,
            ["C-f"],
            F(M::Open(Scope::Article)),
            "find in this article"
        ),
        b!(Finder, ["Enter"], F(M::Jump), "jump to the selected result"),
        b!(Finder, ["PageDown"], F(M::Move(10)), "ten results down"),
        b!(Finder, ["PageUp"], F(M::Move(-10)), "ten results up"),
        b!(Finder, ["Esc"], A::Close, "close the finder"),
        b!(Finder, ["Down", "C-n"], F(M::Move(1)), "next result"),
        b!(Finder, ["Up", "C-p"], F(M::Move(-1)), "previous result"),
        b!(
            Finder,
            ["Backspace"],
            F(M::Edit(E::Backspace)),
            "delete a character"
        ),
        b!(
            Finder,
            ["C-w"],
            F(M::Edit(E::DeleteWord)),
            "delete the word before"
        ),
        b!(
            Finder,
            ["C-u"],
            F(M::Edit(E::DeleteToStart)),
            "delete to the start"
        ),
        b!(Finder, ["Left"], F(M::Edit(E::Left)), "cursor left"),
        b!(Finder, ["Right"], F(M::Edit(E::Right)), "cursor right"),
        b!(
            Finder,
            ["A-b"],
            F(M::Edit(E::WordLeft)),
            "cursor a word left"
        ),
        b!(
            Finder,
            ["A-f"],
            F(M::Edit(E::WordRight)),
            "cursor a word right"
        ),
        b!(
            Finder,
            ["C-a", "Home"],
            F(M::Edit(E::Home)),
            "cursor to the start"
        ),
        b!(
            Finder,
            ["C-e", "End"],
            F(M::Edit(E::End)),
            "cursor to the end"
        ),
        b!(Finder, ["C-c"], A::Quit, "quit"),
    ]
});

/// Parses a key name (`"j"`, `"C-d"`, `"A-i"`, `"S-Tab"`, `"Space"`, `"PageDown"`).
/// `C-i` is only distinguishable from `Tab` on terminals with the kitty
/// keyboard protocol; `A-i` is its portable twin.
#[must_use]
pub fn parse_key(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (mods, name) = if let Some(r) = s.strip_prefix("C-") {
        (KeyModifiers::CONTROL, r)
    } else if let Some(r) = s.strip_prefix("A-") {
        (KeyModifiers::ALT, r)
    } else if let Some(r) = s.strip_prefix("S-") {
        (KeyModifiers::SHIFT, r)
    } else {
        (KeyModifiers::NONE, s)
    };
    let code = match name {
        "Space" => KeyCode::Char(' '),
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" if mods == KeyModifiers::SHIFT => return Some((KeyCode::BackTab, mods)),
        "Tab" => KeyCode::Tab,
        "Backspace" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "F1" => KeyCode::F(1),
        _ => {
            let mut cs = name.chars();
            let c = cs.next()?;
            if cs.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some((code, mods))
}

/// True when `ev` is the key named `name`. Shift is ignored for characters
/// (terminals report `G` with or without it).
#[must_use]
pub fn matches(name: &str, ev: &KeyEvent) -> bool {
    let Some((code, mods)) = parse_key(name) else {
        return false;
    };
    match (code, ev.code) {
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (KeyCode::Char(a), KeyCode::Char(b)) => {
            a == b && (ev.modifiers - KeyModifiers::SHIFT) == (mods - KeyModifiers::SHIFT)
        }
        (a, b) => a == b && ev.modifiers - KeyModifiers::SHIFT == mods - KeyModifiers::SHIFT,
    }
}

/// The action for `ev` in the first of `contexts` that binds it.
#[must_use]
pub fn resolve(contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        KEYMAP
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|k| matches(k, ev)))
            .map(|b| b.action.clone())
    })
}

/// The first key bound to `action` in any context, for hints.
#[must_use]
pub fn key_for(action: &Action) -> Option<&'static str> {
    KEYMAP
        .iter()
        .find(|b| &b.action == action)
        .and_then(|b| b.keys.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn every_key_parses_and_no_duplicates_per_context() {
        let mut seen = std::collections::HashSet::new();
        for b in KEYMAP.iter() {
            for k in b.keys {
                assert!(parse_key(k).is_some(), "bad key {k}");
                assert!(
                    seen.insert((b.context, *k)),
                    "duplicate {k} in {:?}",
                    b.context
                );
            }
        }
    }

    #[test]
    fn resolves_by_context() {
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            resolve(&[Context::Body, Context::Global], &j),
            Some(Action::ScrollLines(1))
        );
        assert_eq!(
            resolve(&[Context::Notes, Context::Global], &j),
            Some(Action::MoveSel(1))
        );
        let cd = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(
            resolve(&[Context::Global], &cd),
            Some(Action::ScrollHalf(1))
        );
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Context::Global], &g), Some(Action::Bottom));
        let bt = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Context::Global], &bt), Some(Action::FocusPrev));
    }
}
