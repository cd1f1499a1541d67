//! The bindable commands: each has a serde name (what `assets/keymap.toml`
//! and the user's `[keys.*]` tables say) and the [`Action`] it sends.

use crate::app::action::Action;
use crate::app::annotate::AnnotAction as AA;
use crate::app::finder::{FinderMsg as M, Scope};
use crate::app::line_edit::Edit as E;
use crate::app::list_view::ListAction as LA;
use crate::app::marks::MarkAction as MK;
use crate::app::select::Motion as MO;
use crate::app::sources::SourcesAction as SA;
use serde::{Deserialize, Serialize};

macro_rules! commands {
    ($($variant:ident = $name:literal => $action:expr,)+) => {
        /// A command a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Command {
            $(
                #[doc = concat!("`", $name, "`")]
                #[serde(rename = $name)]
                $variant,
            )+
        }

        impl Command {
            /// Every command, in declaration order.
            pub const ALL: &[Command] = &[$(Command::$variant),+];

            /// The name used in keymap files.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name),+ }
            }

            /// The action the command sends.
            #[must_use]
            pub fn action(self) -> Action {
                match self { $(Command::$variant => $action),+ }
            }
        }
    };
}

commands! {
    Quit = "quit" => Action::Quit,
    Suspend = "suspend" => Action::Suspend,
    Help = "help" => Action::Help,
    PageDown = "page_down" => Action::ScrollPages(1),
    PageUp = "page_up" => Action::ScrollPages(-1),
    HalfPageDown = "half_page_down" => Action::ScrollHalf(1),
    HalfPageUp = "half_page_up" => Action::ScrollHalf(-1),
    Top = "top" => Action::Top,
    Bottom = "bottom" => Action::Bottom,
    Percent = "percent" => Action::Percent(None),
    LineDown = "line_down" => Action::ScrollLines(1),
    LineUp = "line_up" => Action::ScrollLines(-1),
    FocusNext = "focus_next" => Action::FocusNext,
    FocusPrev = "focus_prev" => Action::FocusPrev,
    NextMarker = "next_marker" => Action::NextMarker,
    PrevMarker = "prev_marker" => Action::PrevMarker,
    Back = "back" => Action::Back,
    Forward = "forward" => Action::Forward,
    Outline = "outline" => Action::Outline,
    Search = "search" => Action::Search,
    CommandLine = "command_line" => Action::Command,
    SearchNext = "search_next" => Action::SearchNext,
    SearchPrev = "search_prev" => Action::SearchPrev,
    NextArticle = "next_article" => Action::NextArticle,
    PrevArticle = "prev_article" => Action::PrevArticle,
    ToggleFurniture = "toggle_furniture" => Action::ToggleFurniture,
    ToggleList = "toggle_list" => Action::ToggleList,
    Close = "close" => Action::Close,
    Follow = "follow" => Action::Follow,
    SelectNext = "select_next" => Action::MoveSel(1),
    SelectPrev = "select_prev" => Action::MoveSel(-1),
    OpenLink = "open_link" => Action::OpenLink,
    CopyLink = "copy_link" => Action::CopyLink,
    MeasureWider = "measure_wider" => Action::Measure(true),
    MeasureNarrower = "measure_narrower" => Action::Measure(false),
    MarkSet = "mark_set" => Action::Mark(MK::BeginSet),
    MarkJump = "mark_jump" => Action::Mark(MK::BeginJump),
    ScrollRight = "scroll_right" => Action::ScrollSideways(1),
    ScrollLeft = "scroll_left" => Action::ScrollSideways(-1),
    ListFilter = "list_filter" => Action::List(LA::StartFilter),
    ListSort = "list_sort" => Action::List(LA::CycleSort),
    Sources = "sources" => Action::Sources(SA::Toggle),
    SourcesSort = "sources_sort" => Action::Sources(SA::CycleSort),
    SourcesNext = "sources_next" => Action::Sources(SA::Move(1)),
    SourcesPrev = "sources_prev" => Action::Sources(SA::Move(-1)),
    SourcesEnter = "sources_enter" => Action::Sources(SA::Enter),
    SourcesBack = "sources_back" => Action::Sources(SA::Back),
    WordNext = "word_next" => Action::Annot(AA::Move(MO::WordNext)),
    WordPrev = "word_prev" => Action::Annot(AA::Move(MO::WordPrev)),
    ExtendLineDown = "extend_line_down" => Action::Annot(AA::Move(MO::LineDown)),
    ExtendLineUp = "extend_line_up" => Action::Annot(AA::Move(MO::LineUp)),
    SentenceNext = "sentence_next" => Action::Annot(AA::Move(MO::SentenceNext)),
    SentencePrev = "sentence_prev" => Action::Annot(AA::Move(MO::SentencePrev)),
    ParagraphNext = "paragraph_next" => Action::Annot(AA::Move(MO::ParaNext)),
    ParagraphPrev = "paragraph_prev" => Action::Annot(AA::Move(MO::ParaPrev)),
    Select = "select" => Action::Annot(AA::Select),
    AnnotateSelection = "annotate_selection" => Action::Annot(AA::AnnotateSelection),
    AnnotateParagraph = "annotate_paragraph" => Action::Annot(AA::AnnotateParagraph),
    CancelSelection = "cancel_selection" => Action::Annot(AA::CancelSelection),
    AnnotationsTab = "annotations_tab" => Action::Annot(AA::ToggleTab),
    AnnotationNext = "annotation_next" => Action::Annot(AA::TabMove(1)),
    AnnotationPrev = "annotation_prev" => Action::Annot(AA::TabMove(-1)),
    AnnotationJump = "annotation_jump" => Action::Annot(AA::TabJump),
    AnnotationEdit = "annotation_edit" => Action::Annot(AA::TabEdit),
    AnnotationDelete = "annotation_delete" => Action::Annot(AA::TabDelete),
    AnnotationUndo = "annotation_undo" => Action::Annot(AA::TabUndo),
    EditorSave = "editor_save" => Action::Annot(AA::EditorSave),
    EditorClose = "editor_close" => Action::Annot(AA::EditorEsc),
    Yes = "yes" => Action::Annot(AA::Answer(Some(true))),
    No = "no" => Action::Annot(AA::Answer(Some(false))),
    Cancel = "cancel" => Action::Annot(AA::Answer(None)),
    SearchBackspace = "search_backspace" => Action::InputBackspace,
    FindLibrary = "find_library" => Action::Finder(M::Open(Scope::Library)),
    FindArticle = "find_article" => Action::Finder(M::Open(Scope::Article)),
    FinderJump = "finder_jump" => Action::Finder(M::Jump),
    FinderNext = "finder_next" => Action::Finder(M::Move(1)),
    FinderPrev = "finder_prev" => Action::Finder(M::Move(-1)),
    FinderPageDown = "finder_page_down" => Action::Finder(M::Move(10)),
    FinderPageUp = "finder_page_up" => Action::Finder(M::Move(-10)),
    FinderBackspace = "finder_backspace" => Action::Finder(M::Edit(E::Backspace)),
    FinderDeleteWord = "finder_delete_word" => Action::Finder(M::Edit(E::DeleteWord)),
    FinderDeleteToStart = "finder_delete_to_start" => Action::Finder(M::Edit(E::DeleteToStart)),
    FinderLeft = "finder_left" => Action::Finder(M::Edit(E::Left)),
    FinderRight = "finder_right" => Action::Finder(M::Edit(E::Right)),
    FinderWordLeft = "finder_word_left" => Action::Finder(M::Edit(E::WordLeft)),
    FinderWordRight = "finder_word_right" => Action::Finder(M::Edit(E::WordRight)),
    FinderHome = "finder_home" => Action::Finder(M::Edit(E::Home)),
    FinderEnd = "finder_end" => Action::Finder(M::Edit(E::End)),
}

impl Command {
    /// The command named `name` in a keymap file.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }
}
