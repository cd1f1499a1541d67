//! Every hint and message that names a key, as a template for
//! [`Keymap::fill`](super::keymap::Keymap::fill): `{command}` or
//! `{context.command}` becomes the key bound to it in the live keymap.

/// Status line while selecting.
pub const SELECT: &str = "select: {select.word_next} {select.word_prev} {select.extend_line_down} {select.extend_line_up} {select.sentence_prev} {select.sentence_next} {select.paragraph_prev} {select.paragraph_next} · {select.annotate_selection} annotate · {select.cancel_selection} cancel";
/// After a mouse drag made a selection.
pub const SELECTED: &str =
    "selected: {select.annotate_selection} annotate · {select.cancel_selection} cancel";
/// The editor asks before dropping a draft.
pub const DISCARD: &str = "discard this note? {confirm.yes}/{confirm.no}";
/// The editor popup's title while asking.
pub const DISCARD_TITLE: &str = "Discard this note? {confirm.yes}/{confirm.no}";
/// The editor popup's title.
pub const EDITOR_TITLE: &str = "Note · {editor.editor_save} save · {editor.editor_close} close";
/// Quitting with unsaved annotations.
pub const QUIT_PROMPT: &str = "unsaved annotations: {confirm.yes} save and quit · {confirm.no} quit without saving · {confirm.cancel} cancel";
/// A note left unsaved by an earlier session was reopened.
pub const RESTORED: &str = "({editor.editor_save} save · {editor.editor_close} discard)";
/// After a jump: how to come back.
pub const GO_BACK: &str = "({back} to go back)";
/// After going back in the jump list.
pub const BACK: &str = "back ({forward}: forward)";
/// After going forward in the jump list.
pub const FORWARD: &str = "forward ({back}: back)";
/// After a finder jump.
pub const JUMPED: &str = "jumped ({back}: back)";
/// Orphaned annotations exist.
pub const SEE_TAB: &str = "(see {body.annotations_tab})";
/// After deleting an annotation.
pub const DELETED: &str = "annotation deleted ({annotations.annotation_undo}: undo)";
/// A search match in hidden furniture.
pub const FURNITURE_HIDES: &str = "{toggle_furniture} hides it again";
/// Furniture hidden (narrow status line).
pub const FURNITURE_KEY: &str = "{toggle_furniture}";
/// Furniture hidden (wide status line).
pub const FURNITURE_SHOWS: &str = "{toggle_furniture} shows them";
/// The status line's right side on wide terminals.
pub const STATUS: &str = "{help} help  {next_marker} marker  {body.follow} note  {back} back  {find_library} find  {quit} quit";
/// The status line's right side on narrow terminals.
pub const STATUS_NARROW: &str = "{help} help ";
/// The status line's right side while the article list has the keys.
pub const STATUS_LIST: &str = "{list.follow} open  {list.list_filter} filter  {list.list_sort} sort  {focus_next} next pane  {help} help";
/// The same on narrow terminals.
pub const STATUS_LIST_NARROW: &str = "{list.follow} open {list.list_filter} filter ";
/// The status line's right side while the notes panel has the keys.
pub const STATUS_NOTES: &str = "{notes.select_next}/{notes.select_prev} note  {notes.follow} follow  {notes.annotations_tab} annotations  {copy_link} copy link  {focus_next} next pane";
/// The same on narrow terminals.
pub const STATUS_NOTES_NARROW: &str = "{notes.follow} follow {notes.annotations_tab} annots ";
/// The status line's right side while one note is shown over the body.
pub const STATUS_NOTE_OVERLAY: &str =
    "{note.follow} follow  {note.close} close  {next_marker} next marker  {help} help";
/// The same on narrow terminals.
pub const STATUS_NOTE_OVERLAY_NARROW: &str = "{note.follow} follow {note.close} close ";
/// The status line's right side while the sources view has the keys.
pub const STATUS_SOURCES: &str = "{sources.sources_next}/{sources.sources_prev} move  {sources.sources_enter} markers  {sources.sources_back} back  {sources_sort} sort  {open_link} open link";
/// The same on narrow terminals.
pub const STATUS_SOURCES_NARROW: &str =
    "{sources.sources_enter} markers {sources.sources_back} back ";
/// The status line's right side while the annotations tab has the keys.
pub const STATUS_ANNOTATIONS: &str = "{annotations.annotation_jump} go to  {annotations.annotation_edit} edit  {annotations.annotation_delete} delete  {annotations.annotation_undo} undo  {annotations.annotations_tab} notes";
/// The same on narrow terminals.
pub const STATUS_ANNOTATIONS_NARROW: &str =
    "{annotations.annotation_edit} edit {annotations.annotation_delete} delete ";

/// The status line's key hint for `mode`, wide or `narrow`: the keys of the
/// pane (or view) that has them, so a key that acts on a pane is named while
/// that pane has focus.
#[must_use]
pub fn status_for(mode: super::Mode, narrow: bool) -> &'static str {
    use super::{Mode, Pane};
    let (wide, short) = match mode {
        Mode::Pane(Pane::List) | Mode::ListOverlay => (STATUS_LIST, STATUS_LIST_NARROW),
        Mode::Pane(Pane::Notes) => (STATUS_NOTES, STATUS_NOTES_NARROW),
        Mode::NoteOverlay => (STATUS_NOTE_OVERLAY, STATUS_NOTE_OVERLAY_NARROW),
        Mode::Sources => (STATUS_SOURCES, STATUS_SOURCES_NARROW),
        Mode::Annotations => (STATUS_ANNOTATIONS, STATUS_ANNOTATIONS_NARROW),
        _ => (STATUS, STATUS_NARROW),
    };
    if narrow { short } else { wide }
}
/// The help screen's title.
pub const HELP_TITLE: &str =
    "Keys · {help.select_next}/{help.select_prev} scroll · {help.close} closes";
/// The outline's title.
pub const OUTLINE_TITLE: &str = "Outline · {outline.follow} jumps · {outline.close} closes";
/// The finder's title suffix.
pub const FINDER_TITLE: &str = "{finder.finder_jump} jumps · {finder.close} closes";
/// The note overlay's title suffix.
pub const NOTE_TITLE: &str = "{note.follow} follows · {note.close} closes";
/// The annotations tab's title suffix.
pub const ANNOTATIONS_TITLE: &str = "{annotations.annotations_tab} notes";
/// The sources view's title suffix.
pub const SOURCES_SORT: &str = "{sources_sort} sorts";
/// Under a work's marker list in the sources view.
pub const SOURCES_MARKERS: &str = "{sources.sources_enter}: go to marker · {sources.sources_back}: back · {open_link}/{copy_link}: link";

/// No browser: copying works instead.
pub const COPY_INSTEAD: &str = "({copy_link} copies the link)";

/// Every template above (for the test that each names only bound keys).
pub const ALL: &[&str] = &[
    SELECT,
    SELECTED,
    DISCARD,
    DISCARD_TITLE,
    EDITOR_TITLE,
    QUIT_PROMPT,
    RESTORED,
    GO_BACK,
    BACK,
    FORWARD,
    JUMPED,
    SEE_TAB,
    DELETED,
    FURNITURE_HIDES,
    FURNITURE_KEY,
    FURNITURE_SHOWS,
    STATUS,
    STATUS_NARROW,
    STATUS_LIST,
    STATUS_LIST_NARROW,
    STATUS_NOTES,
    STATUS_NOTES_NARROW,
    STATUS_NOTE_OVERLAY,
    STATUS_NOTE_OVERLAY_NARROW,
    STATUS_SOURCES,
    STATUS_SOURCES_NARROW,
    STATUS_ANNOTATIONS,
    STATUS_ANNOTATIONS_NARROW,
    HELP_TITLE,
    OUTLINE_TITLE,
    FINDER_TITLE,
    NOTE_TITLE,
    ANNOTATIONS_TITLE,
    SOURCES_SORT,
    SOURCES_MARKERS,
    COPY_INSTEAD,
];
