//! ibid: a keyboard-driven terminal reader for articles with footnotes.
//!
//! The crate is split into a pure core (document model, citations, finder,
//! annotation anchoring) and a thin shell (library scanning, stores, terminal UI).
#![forbid(unsafe_code)]
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

pub mod add;
pub mod annotations;
pub mod app;
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
pub mod tui;
pub mod ui;
pub mod watch;
