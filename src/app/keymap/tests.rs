//! Tests of the keymap: the shipped file, key resolution per context, the
//! user's overrides, unknown names with their line, conflicts and hints.

use super::*;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn the_build_scripts_table_is_the_parsed_file() {
    let parsed = Keymap::parse(DEFAULT_TOML).expect("assets/keymap.toml");
    assert_eq!(*Keymap::defaults(), parsed);
    assert_eq!(Keymap::shipped(), parsed);
}

#[test]
fn shipped_keymap_parses_and_has_no_duplicates() {
    let km = Keymap::parse(DEFAULT_TOML).expect("assets/keymap.toml");
    assert!(km.bindings().len() > 50);
    assert_eq!(km.duplicates(), Vec::<String>::new());
    for c in Context::ALL {
        assert!(km.in_context(c).next().is_some(), "{} is empty", c.name());
    }
}

#[test]
fn resolves_by_context() {
    let km = Keymap::defaults();
    let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        km.resolve(&[Context::Body, Context::Global], &j),
        Some(Action::ScrollLines(1))
    );
    assert_eq!(
        km.resolve(&[Context::Notes, Context::Global], &j),
        Some(Action::MoveSel(1))
    );
    let cd = key(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(
        km.resolve(&[Context::Global], &cd),
        Some(Action::ScrollHalf(1))
    );
    let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(km.resolve(&[Context::Global], &g), Some(Action::Bottom));
    let bt = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(km.resolve(&[Context::Global], &bt), Some(Action::FocusPrev));
}

#[test]
fn forward_is_a_key_terminals_send() {
    let km = Keymap::defaults();
    // Without the kitty keyboard protocol C-i arrives as Tab, so the key
    // hints show for going forward must be another.
    let shown = km.key(Command::Forward).expect("forward is bound");
    assert_ne!(shown, "C-i");
    let (code, mods) = parse_key(shown).expect("a key name");
    assert_eq!(
        km.resolve(&[Context::Global], &key(code, mods)),
        Some(Action::Forward)
    );
    // Tab still moves the focus.
    assert_eq!(
        km.resolve(&[Context::Global], &key(KeyCode::Tab, KeyModifiers::NONE)),
        Some(Action::FocusNext)
    );
}

#[test]
fn user_config_overrides_a_binding() {
    let text = "[reader]\nshow_furniture = true\n\n[keys.body]\n\"x\" = \"line_down\"\n\"j\" = \"none\"\n\n[keys.global]\n\"F2\" = \"help\"\n";
    let (km, conflicts) = Keymap::defaults().with_user(text).expect("valid");
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let ctx = [Context::Body, Context::Global];
    let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(km.resolve(&ctx, &x), Some(Action::ScrollLines(1)));
    // `j` was unbound in the body; `Down` still scrolls.
    let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(km.resolve(&ctx, &j), None);
    let down = key(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(km.resolve(&ctx, &down), Some(Action::ScrollLines(1)));
    // The user's key is the one hints show; `x` elsewhere is unchanged.
    assert_eq!(km.key_in(Context::Body, Command::LineDown), Some("x"));
    assert_eq!(km.key(Command::Help), Some("F2"));
    assert_eq!(
        km.resolve(&[Context::Notes, Context::Global], &x),
        Some(Action::OpenLink)
    );
}

#[test]
fn unknown_action_names_the_line() {
    let text = "[reader]\nshow_furniture = false\n\n[keys.body]\n\"j\" = \"line_down\"\n\"x\" = \"jump_around\"\n";
    let e = Keymap::defaults()
        .with_user(text)
        .expect_err("unknown action");
    assert!(e.contains("line 6"), "{e}");
    assert!(e.contains("jump_around"), "{e}");
    let e = Keymap::defaults()
        .with_user("[keys.bodyy]\n\"j\" = \"line_down\"\n")
        .expect_err("unknown context");
    assert!(e.contains("line 1") && e.contains("bodyy"), "{e}");
    let e = Keymap::defaults()
        .with_user("\n[keys.body]\n\"Ctrl-j\" = \"line_down\"\n")
        .expect_err("unknown key");
    assert!(e.contains("line 3") && e.contains("Ctrl-j"), "{e}");
}

#[test]
fn conflicts_are_reported() {
    // `j` in global is hidden wherever a pane binds `j` (the body scrolls).
    let text = "[keys.global]\n\"j\" = \"next_article\"\n";
    let (_, conflicts) = Keymap::defaults().with_user(text).expect("valid");
    assert!(
        conflicts
            .iter()
            .any(|c| c.starts_with("line 2") && c.contains("[keys.body]")),
        "{conflicts:?}"
    );
    // Two spellings of one key in one table: the later one wins, reported.
    let text = "[keys.body]\n\" \" = \"line_down\"\n\"Space\" = \"line_up\"\n";
    let (km, conflicts) = Keymap::defaults().with_user(text).expect("valid");
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(conflicts[0].contains("same key"), "{conflicts:?}");
    let sp = key(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(
        km.resolve(&[Context::Body], &sp),
        Some(Action::ScrollLines(-1))
    );
    assert_eq!(km.duplicates(), Vec::<String>::new());
}

#[test]
fn fill_takes_keys_from_the_live_keymap() {
    let km = Keymap::defaults();
    assert_eq!(
        km.fill("{back} back · {finder.close} closes"),
        "C-o back · Esc closes"
    );
    assert_eq!(km.fill("{no_such_action}"), "?");
    let (km, _) = km
        .with_user("[keys.global]\n\"F5\" = \"back\"\n[keys.finder]\n\"C-g\" = \"close\"\n")
        .expect("valid");
    assert_eq!(
        km.fill("{back} back · {finder.close} closes"),
        "F5 back · C-g closes"
    );
}

#[test]
fn every_command_can_be_named() {
    for c in Command::ALL {
        assert_eq!(Command::from_name(c.name()), Some(*c));
        let json = serde_json::to_string(c).expect("serialise");
        assert_eq!(json, format!("\"{}\"", c.name()));
    }
}

/// The keymap with every key `k` renamed `<k>`, so any key text that does
/// not come from the keymap stands out.
fn marked() -> Keymap {
    let mut km = Keymap::default();
    for b in &mut km.bindings {
        for k in &mut b.keys {
            *k = format!("<{k}>");
        }
    }
    km
}

/// Key names of the shipped keymap that could be mistaken for prose if
/// written out by hand: every multi-character name, and single characters
/// other than punctuation.
fn key_like(token: &str) -> bool {
    let km = Keymap::defaults();
    km.bindings()
        .iter()
        .flat_map(|b| &b.keys)
        .any(|k| k == token)
}

#[test]
fn every_key_named_in_hints_help_and_messages_comes_from_the_keymap() {
    let km = marked();
    for t in crate::app::hints::ALL {
        // Each placeholder names a bound command.
        let mut rest = *t;
        while let Some(i) = rest.find('{') {
            let j = rest[i..].find('}').expect("closed placeholder") + i;
            let filled = km.fill(&rest[i..=j]);
            assert!(
                filled.starts_with('<') && filled.ends_with('>'),
                "{t}: {} is not bound",
                &rest[i..=j]
            );
            rest = &rest[j + 1..];
        }
        // Outside placeholders, no word is a key name.
        let mut literal = String::new();
        let mut depth = false;
        for c in t.chars() {
            match c {
                '{' => depth = true,
                '}' => {
                    depth = false;
                    literal.push(' ');
                }
                _ if !depth => literal.push(c),
                _ => {}
            }
        }
        for w in literal.split(|c: char| c.is_whitespace() || "·():/".contains(c)) {
            assert!(
                w.is_empty() || !key_like(w),
                "{t}: \"{w}\" is written by hand"
            );
        }
    }
    // Help rows and their footer show the live keys.
    for r in crate::app::view::help::rows(&km) {
        match r {
            crate::app::view::help::HelpRow::Binding(keys, _) => {
                assert!(keys.split(' ').all(|k| k.starts_with('<')), "{keys}");
            }
            crate::app::view::help::HelpRow::Footer(text) => {
                assert!(text.contains("(<a> annotates)"), "{text}");
            }
            crate::app::view::help::HelpRow::Section(_) => {}
        }
    }
    assert_eq!(
        crate::app::view::help::rows(&km).len(),
        crate::app::view::help::row_count(&km)
    );
}
