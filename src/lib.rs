//! ibid: a keyboard-driven terminal reader for articles with footnotes.
//!
//! The crate is split into a pure core (document model, citations, finder,
//! annotation anchoring) and a thin shell (library scanning, stores, terminal UI).
#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]
// Pedantic lints left off, each for a reason:
// - `many_single_char_names`, `similar_names`: text-layout and geometry code
//   reads best with the conventional `x`, `y`, `w`, `h`, `s`, `e` names.
// - `too_many_lines`: `update` and the readers are one `match` each; splitting
//   them by line count would scatter one decision over several functions.
// - `module_name_repetitions`: `app::keymap::Keymap`-style names are clearer
//   at the use site than the bare suffix.
// - `struct_excessive_bools`: state and option structs hold independent flags,
//   not a hidden enum.
// - `cast_possible_truncation`, `cast_precision_loss`, `cast_sign_loss`: cell
//   and byte counts are converted at the terminal boundary, where values are
//   small by construction (a terminal is < 65536 cells wide); each
//   conversion that can fail uses `try_from`.
// - `single_match_else`: a two-arm `match` on an `Option` with a long `None`
//   arm reads better than `if let … else` in the parsing passes.
// - `format_push_string`: `push_str(&format!(…))` builds one-off strings
//   (status line, Markdown exports), never in a loop that matters.
// - `case_sensitive_file_extension_comparisons`: the only names compared are
//   ones ibid writes itself (`.json`, `.tmp`), always in lower case.
// - `implicit_hasher`: crate functions take the one hasher the crate uses.
#![allow(
    clippy::many_single_char_names,
    clippy::similar_names,
    clippy::too_many_lines,
    clippy::module_name_repetitions,
    clippy::struct_excessive_bools,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::single_match_else,
    clippy::format_push_string,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::implicit_hasher
)]
// Library code never unwraps and never prints: errors become values and
// status-line messages; only `main` writes to stdout/stderr.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::print_stdout,
        clippy::print_stderr,
        clippy::dbg_macro
    )
)]

/// mimalloc: the parse makes ~470,000 small allocations on a 12 MB article, and
/// glibc's malloc/free were ~8 % of its time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod add;
pub mod annotations;
pub mod app;
pub mod atomic_file;
pub mod citations;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod document;
pub mod finder;
pub mod inspect;
pub mod last_read;
pub mod library;
pub mod positions;
pub mod sources;
pub mod trace;
pub mod tui;
pub mod ui;
pub mod watch;
