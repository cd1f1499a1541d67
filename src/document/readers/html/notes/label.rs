//! The label a note found by its anchor is known by.

use rustc_hash::FxHashSet as HashSet;

/// A label unique among the notes: the marker's text when it has one, else
/// the note's number; a repeat gets a suffix after
/// [`crate::document::LABEL_SUFFIX`] (`1`, `1`+`2`), dropped once the
/// markers are linked.
pub(super) fn unique_label(text: &str, ordinal: usize, used: &mut HashSet<String>) -> String {
    let clean: String = crate::document::clean::sanitize(text);
    let base = if clean.is_empty() {
        ordinal.to_string()
    } else {
        clean
    };
    crate::document::distinct_label(&base, used)
}
