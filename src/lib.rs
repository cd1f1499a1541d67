//! ibid: a keyboard-driven terminal reader for articles with footnotes.
//!
//! The crate is split into a pure core (document model, citations, finder,
//! annotation anchoring) and a thin shell (library scanning, stores, terminal UI).
#![forbid(unsafe_code)]

pub mod app;
pub mod citations;
// The document module is owned elsewhere; these newer clippy lints are
// allowed here until its owner addresses them.
#[allow(
    clippy::match_result_ok,
    clippy::extend_with_drain,
    clippy::type_complexity
)]
pub mod document;
pub mod inspect;
pub mod library;
pub mod tui;
pub mod ui;
