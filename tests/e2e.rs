//! End-to-end: the real binary in a pseudo-terminal (portable-pty), its
//! output fed to a vt100 screen. Waits poll the screen with a timeout.

mod pty;

use pty::{Session, temp_data};

#[test]
fn read_follow_back_search_resize_quit() {
    let mut s = Session::start(200, 50, temp_data(), &[], &[]);
    s.wait_text("Articles (5)");
    s.wait_text("36 notes");
    assert!(s.with_screen(vt100::Screen::alternate_screen));
    // Select marker [2] and open its note: the Ibid. resolves to note 1.
    s.send("]]\r");
    s.wait_text("Ibid. → 1  Takashi Mochizuki");
    // Follow the Ibid. to note 1, then come back.
    s.send("\r");
    s.wait_text("note 1 (C-o to go back)");
    s.send("\x0f");
    s.wait_text("back (A-i: forward)");
    // Search.
    s.send("/Putin\r");
    s.wait_text("/Putin: match 1 of");
    // Resize to 60x15: the panes collapse to the body.
    s.resize(60, 15);
    s.wait_for("narrow layout", |sc| {
        !sc.contents().contains("Articles (5)") && sc.contents().contains("%")
    });
    s.resize(200, 50);
    s.wait_text("Articles (5)");
    s.send("q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    s.assert_restored();
}

#[test]
fn panic_restores_terminal_and_prints_message() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[("IBID_TEST_PANIC", "1")]);
    let st = s.wait_exit();
    assert!(!st.success());
    s.assert_restored();
    s.wait_text("IBID_TEST_PANIC");
}

#[test]
fn sigterm_restores_terminal() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[]);
    s.wait_text("? help");
    let pid = s.pid();
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(ok.success());
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn reading_position_is_remembered() {
    let mut s = Session::start(100, 30, temp_data(), &[], &[]);
    s.wait_text("Notes (");
    s.send("GJ");
    s.wait_text("Russia and Japan: Can Two");
    s.send("q");
    s.wait_exit();
    // Same data dir: restart and go back to the first article.
    let data = s.data_path().to_path_buf();
    let saved = std::fs::read_to_string(data.join("positions.json")).expect("positions saved");
    assert!(saved.contains("000_"), "{saved}");
    let mut t = Session::start(
        100,
        30,
        temp_data(),
        &[],
        &[("IBID_DATA_DIR", data.to_str().expect("utf-8 path"))],
    );
    // The last article read (the second) opens; the first kept its place.
    t.wait_text("Russia and Japan: Can Two");
    t.send("K");
    t.wait_text("100% │");
    t.send("q");
    t.wait_exit();
}

#[test]
fn hostile_text_reaches_the_terminal_as_harmless_visible_text() {
    let data = temp_data();
    let file = data.path().join("hostile.txt");
    std::fs::write(
        &file,
        "Hostile Article\n\nBefore\x1b]0;pwned-title\x07middle\x1b[2Jafter \u{9b}31m c1 \u{202e}reversed\u{202c} end.\n",
    )
    .expect("write the article");
    let path = file.to_string_lossy().into_owned();
    let mut s = Session::start(100, 20, data, &[&path], &[]);
    s.wait_text("Hostile Article");
    // The escape sequences are shown as text, ESC and BEL as control pictures.
    s.wait_text("Before\u{241B}]0;pwned-title\u{2407}middle\u{241B}[2Jafter");
    let out = s.raw_output();
    let has = |needle: &[u8]| out.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"\x1b]0;pwned"),
        "no window-title sequence from the document"
    );
    assert!(
        !has(b"pwned-title\x07"),
        "no BEL-terminated OSC from the document"
    );
    assert!(
        !has("\u{202e}".as_bytes()),
        "no bidi override reaches the terminal"
    );
    assert!(
        !has("\u{9b}".as_bytes()),
        "no C1 control reaches the terminal"
    );
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_bad_configuration_is_reported_and_the_defaults_used() {
    let data = temp_data();
    let config_dir = data.path().join("config");
    std::fs::create_dir_all(&config_dir).expect("config dir");
    std::fs::write(
        config_dir.join("config.toml"),
        "[reader]\nshow_furnitur = true\n",
    )
    .expect("write config");
    let dir = config_dir.to_string_lossy().into_owned();
    let mut s = Session::start(120, 20, data, &[], &[("IBID_CONFIG_DIR", dir.as_str())]);
    s.wait_text("36 notes");
    s.wait_text("configuration:");
    s.wait_text("show_furnitur");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn real_documents_latin1_accents_rfc_contents_and_hidden_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");
    let latin1 = format!("{dir}gutenberg-beethoven-letters.txt");
    let rfc = format!("{dir}rfc3986-uri-syntax.txt");
    let mut s = Session::start(200, 50, temp_data(), &[&latin1, &rfc], &[]);
    s.wait_text("windows-1252");
    s.send("/GRABENS\r");
    s.wait_text("HÖFEN GRABENS");
    assert!(!s.contents().contains('\u{FFFD}'));
    // The RFC: its contents lines stay as printed; footers are hidden and counted.
    s.send("J");
    s.wait_text("lines hidden · f shows them");
    s.send("/Overview of URIs . .\r");
    s.wait_text("1.1.  Overview of URIs . . .");
    s.send("/[Page 5]\r");
    s.wait_text("in hidden text; f hides it again");
    s.wait_text("[Page 5]");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_remapped_key_works_and_hints_follow_it() {
    let config = tempfile::tempdir().expect("config dir");
    std::fs::write(
        config.path().join("config.toml"),
        "[keys.global]\n\"Q\" = \"quit\"\n\"q\" = \"none\"\n\"F2\" = \"help\"\n",
    )
    .expect("write config");
    let dir = config.path().to_str().expect("utf-8 path").to_string();
    let mut s = Session::start(200, 50, temp_data(), &[], &[("IBID_CONFIG_DIR", &dir)]);
    s.wait_text("Articles (5)");
    // The status hint names the live keys.
    s.wait_text("F2 help");
    s.wait_text("Q quit");
    // `q` is unbound now; F2 opens help, which lists the new binding.
    s.send("q");
    s.send("\x1bOQ");
    s.wait_text("Keys ·");
    s.wait_for("help lists F2", |sc| sc.contents().contains("F2 ?"));
    s.send("\x1b");
    s.wait_for("help closed", |sc| !sc.contents().contains("Keys ·"));
    s.send("Q");
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    s.assert_restored();
}
