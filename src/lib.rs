//! ibid: a keyboard-driven terminal reader for articles with footnotes.
//!
//! The crate is split into a pure core (document model, citations, finder,
//! annotation anchoring) and a thin shell (library scanning, stores, terminal UI).
#![forbid(unsafe_code)]

pub mod annotations;
pub mod app;
pub mod citations;
pub mod commands;
pub mod document;
pub mod finder;
pub mod inspect;
pub mod library;
pub mod sources;
pub mod tui;
pub mod ui;
