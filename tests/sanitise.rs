//! Untrusted text never leaves the program raw: exports (annotations as
//! Markdown and JSON, sources as CSL-JSON, BibTeX and Markdown), error
//! messages naming hostile files, the note editor's paste and typing, and the
//! status line. A document and a note full of escape sequences, C1 controls
//! and bidi overrides go in; none of those characters come out.

use ibid::annotations::{Anchor, Annotation, ArticleKey, Local, Op, Store};
use ibid::app::annotate::AnnotAction;
use ibid::app::{Action, AppState, update};
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// Everything hostile at once: OSC title + BEL, CSI clear, OSC 52 clipboard,
/// a C1 CSI, DEL, bidi override and isolate, a tag character.
const HOSTILE: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{7f}\u{202e}evil\u{202c}\u{2066}\u{e0041}y";

/// The first character that must not reach a terminal, if any.
fn raw_unsafe(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{e0000}'..='\u{e007f}')
    })
}

fn assert_clean(what: &str, s: &str) {
    if let Some(c) = raw_unsafe(s) {
        panic!("{what}: raw {c:?} in output:\n{s:?}");
    }
}

fn ibid(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ibid"))
        .args(args)
        .env("IBID_DATA_DIR", data)
        .env("IBID_STATE_DIR", data.join("state"))
        .output()
        .expect("run ibid")
}

fn hostile_article(dir: &Path) -> std::path::PathBuf {
    let path = dir.join(format!("paper{}.md", "\u{1b}[31m"));
    let text = format!(
        "# Title {HOSTILE}\n\nBody text {HOSTILE} cites a book.[^1]\n\n[^1]: Jane {HOSTILE} Doe, *A Book {HOSTILE}*, Oxford University Press, 2001, https://example.org/{HOSTILE}.\n"
    );
    std::fs::write(&path, text).expect("write article");
    path
}

#[test]
fn source_exports_contain_no_raw_controls() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let article = hostile_article(tmp.path());
    let a = article.to_str().expect("utf-8");
    for format in ["csl-json", "bibtex", "markdown"] {
        let out = ibid(tmp.path(), &["sources", a, "--format", format]);
        assert!(out.status.success(), "{format}: {out:?}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(text.contains("example.org"), "{format}: {text}");
        assert_clean(format, &text);
    }
    let out = ibid(tmp.path(), &["inspect", a]);
    assert!(out.status.success());
    assert_clean("inspect", &String::from_utf8(out.stdout).expect("utf-8"));
}

#[test]
fn annotation_exports_contain_no_raw_controls_and_json_keeps_the_data() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let article = hostile_article(tmp.path());
    let text = format!("quoted {HOSTILE} passage");
    // As another tool (or an old ibid) might have stored it: raw controls.
    let store = Store::open_as(
        tmp.path().join("annotations"),
        Local::with_device(tmp.path().join("state"), "tool"),
    )
    .expect("open");
    let mut note = Annotation::new(
        Anchor::new(&text, 0..text.len()),
        format!("note {HOSTILE}\nsecond line #tag"),
        SystemTime::now(),
    );
    note.tags.push(format!("t{HOSTILE}"));
    store
        .apply(
            &ArticleKey::new(article.canonicalize().expect("canon"), &text),
            &[Op::Upsert(note)],
        )
        .expect("apply");
    let md = ibid(tmp.path(), &["export", "--format", "markdown"]);
    assert!(md.status.success(), "{md:?}");
    let md = String::from_utf8(md.stdout).expect("utf-8");
    assert!(md.contains("second line"), "{md}");
    assert_clean("markdown export", &md);
    let json = ibid(tmp.path(), &["export", "--format", "json"]);
    assert!(json.status.success(), "{json:?}");
    let json = String::from_utf8(json.stdout).expect("utf-8");
    assert_clean("json export", &json);
    // Escaped, not dropped: a JSON reader gets the note back exactly.
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let body = &v[0]["body"][0]["value"];
    assert_eq!(
        body.as_str(),
        Some(format!("note {HOSTILE}\nsecond line #tag").as_str())
    );
}

#[test]
fn error_messages_name_hostile_files_harmlessly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let bin = tmp.path().join(format!("bad{HOSTILE}.txt"));
    std::fs::write(&bin, b"\x00\x01binary").expect("write");
    let missing = tmp.path().join(format!("missing{HOSTILE}.md"));
    for (cmd, file) in [
        ("inspect", &bin),
        ("inspect", &missing),
        ("sources", &missing),
    ] {
        let out = ibid(tmp.path(), &[cmd, file.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {out:?}");
        let err = String::from_utf8(out.stderr).expect("utf-8");
        assert!(err.starts_with("ibid: "), "{err}");
        assert_clean(cmd, &err);
    }
}

fn editor_state() -> AppState {
    let seed = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/002_665c716cc0b4a646.txt"
    ));
    let mut s = AppState::new(vec![seed.clone()], &std::collections::HashMap::new());
    update(&mut s, Action::Resize(100, 30), std::time::UNIX_EPOCH);
    let _ = ibid::app::init(&mut s);
    let doc = ibid::library::read_document(&seed).expect("seed");
    let generation = s.articles[0].generation;
    update(
        &mut s,
        Action::Loaded {
            article: 0,
            generation,
            result: Ok(std::sync::Arc::new(doc)),
        },
        std::time::UNIX_EPOCH,
    );
    update(
        &mut s,
        Action::Annot(AnnotAction::AnnotateParagraph),
        std::time::UNIX_EPOCH,
    );
    assert!(s.annot.editor.is_some());
    s
}

#[test]
fn pasted_and_typed_text_reaches_the_editor_clean() {
    let mut s = editor_state();
    update(
        &mut s,
        Action::Annot(AnnotAction::EditorPaste(format!(
            "pasted {HOSTILE}\nline two"
        ))),
        std::time::UNIX_EPOCH,
    );
    for c in ['\u{202e}', '\u{9b}', '\u{7f}'] {
        let key = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        );
        update(
            &mut s,
            Action::Annot(AnnotAction::EditorInput(key)),
            std::time::UNIX_EPOCH,
        );
    }
    let lines = s
        .annot
        .editor
        .as_ref()
        .expect("editor")
        .area
        .lines()
        .join("\n");
    assert!(lines.starts_with("pasted x"), "{lines:?}");
    assert!(lines.ends_with("line two"), "{lines:?}");
    assert_clean("editor", &lines);
}

#[test]
fn the_status_line_shows_hostile_messages_as_text() {
    let mut s = editor_state();
    update(
        &mut s,
        Action::Annot(AnnotAction::EditorEsc),
        std::time::UNIX_EPOCH,
    );
    update(
        &mut s,
        Action::Annot(AnnotAction::Answer(Some(true))),
        std::time::UNIX_EPOCH,
    );
    update(
        &mut s,
        Action::Message(ibid::app::Message::error(format!("error about {HOSTILE}"))),
        std::time::UNIX_EPOCH,
    );
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 30)).expect("terminal");
    term.draw(|f| ibid::ui::draw(f, &s)).expect("draw");
    let buf = term.backend().buffer();
    let all: String = buf
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(all.contains("error about x"), "the message is shown");
    assert_clean("screen", &all);
}
