//! Helpers shared by the render tests: build a state on seeds, load them
//! synchronously, press keys by name, render into a `TestBackend`.
#![allow(dead_code)]

use ibid::app::{Action, AppState, Effect, init, key_action, keymap, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Path of seed `nnn`.
pub fn seed(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    v.sort();
    v.remove(0)
}

/// All seeds, sorted.
pub fn seeds() -> Vec<PathBuf> {
    ibid::library::scan(&[PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))])
}

/// Runs effects synchronously (loads only).
pub fn run_effects(s: &mut AppState, fx: Vec<Effect>) {
    for e in fx {
        if let Effect::Load {
            article,
            path,
            generation,
        } = e
        {
            let result = ibid::library::read_document(&path)
                .map(Arc::new)
                .map_err(|e| e.to_string());
            let more = update(
                s,
                Action::Loaded {
                    article,
                    generation,
                    result,
                },
                std::time::UNIX_EPOCH,
            );
            run_effects(s, more);
        }
    }
}

/// A state on `paths` at `w` x `h`, everything loaded.
pub fn state(paths: Vec<PathBuf>, w: u16, h: u16) -> AppState {
    let mut s = AppState::new(paths, &HashMap::new());
    update(&mut s, Action::Resize(w, h), std::time::UNIX_EPOCH);
    let fx = init(&mut s);
    run_effects(&mut s, fx);
    // The reader loads the other articles when they are opened (or have annotations):
    // load them all here.
    let all = (0..s.articles.len()).collect();
    let fx = update(&mut s, Action::Annotated(all), std::time::UNIX_EPOCH);
    run_effects(&mut s, fx);
    s
}

/// Presses keys by keymap name (`"j"`, `"Enter"`, `"C-o"`); plain text
/// typed at the search prompt goes through the same path.
pub fn keys(s: &mut AppState, names: &[&str]) {
    for n in names {
        let (code, mods) = keymap::parse_key(n).expect("key name");
        let ev = crossterm::event::KeyEvent::new(code, mods);
        if let Some(a) = key_action(s, &ev) {
            let fx = update(s, a, std::time::UNIX_EPOCH);
            run_effects(s, fx);
        }
    }
}

/// Types text at the search prompt.
pub fn type_text(s: &mut AppState, text: &str) {
    for c in text.chars() {
        update(s, Action::Input(c), std::time::UNIX_EPOCH);
    }
}

/// Renders the state into a fresh `TestBackend` of the state's size.
pub fn render(s: &AppState) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).expect("terminal");
    t.draw(|f| ibid::ui::draw(f, s)).expect("draw");
    t
}

/// The text of row `y`.
pub fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The whole screen as text.
pub fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Position (x, y) of the first occurrence of `needle` on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        for x in 0..cells.len() {
            let mut acc = String::new();
            for c in &cells[x..] {
                acc.push_str(c);
                if acc.len() >= needle.len() {
                    break;
                }
            }
            if acc.starts_with(needle) {
                return Some((u16::try_from(x).ok()?, y));
            }
        }
    }
    None
}
