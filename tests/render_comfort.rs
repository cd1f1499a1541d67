//! Render tests of the comfort features: the reading measure, focus styles
//! of each pane, the landing mark after a jump, the light theme and NO_COLOR.

mod common;

use common::{find, keys, render, row, seeds, state};
use ibid::app::palette::{Palette, ThemeName};
use ibid::app::{Action, Pane, update};
use ibid::ui::theme;
use ratatui::style::{Color, Modifier};

#[test]
fn measure_200x50_is_a_centred_column() {
    let s = state(seeds(), 200, 50);
    let t = render(&s);
    let buf = t.backend().buffer();
    let body = s.panes().body;
    let (mut lo, mut hi) = (u16::MAX, 0);
    for y in 0..49 {
        for x in body.x..body.x + body.width {
            if buf[(x, y)].symbol() != " " {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
    }
    let width = hi - lo + 1;
    assert!(width <= 80 && width > 70, "text {lo}..={hi}");
    let left = lo - body.x;
    let right = body.x + body.width - 1 - hi;
    assert!(left >= 10, "margin on the left: {left}");
    assert!(left.abs_diff(right) <= 4, "centred: {left} vs {right}");
    assert_eq!(s.body_text().width, 80);
    // `=` widens it live, `-` narrows it.
    let mut s = s;
    keys(&mut s, &["=", "="]);
    assert_eq!(s.body_text().width, 88);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.contains("88 columns"))
    );
    keys(&mut s, &["-", "-", "-"]);
    assert_eq!(s.body_text().width, 76);
    assert_eq!(s.layout.as_ref().map(|l| l.width), Some(76), "re-wrapped");
}

#[test]
fn focus_shows_on_every_pane() {
    let mut s = state(seeds(), 200, 50);
    let focused_bg = theme::pane_title(true).bg;
    let t = render(&s);
    let buf = t.backend().buffer();
    let (bx, by) = find(buf, "BODY").expect("body badge");
    assert_eq!(by, 49);
    assert_eq!(buf[(bx, by)].style().bg, focused_bg);
    let (lx, ly) = find(buf, "Articles (5)").expect("list title");
    assert_ne!(buf[(lx, ly)].style().bg, focused_bg, "list not focused");
    let (nx, ny) = find(buf, "Notes (").expect("notes title");
    assert_ne!(buf[(nx, ny)].style().bg, focused_bg);

    keys(&mut s, &["Tab"]);
    assert_eq!(s.focus, Pane::Notes);
    let t = render(&s);
    let buf = t.backend().buffer();
    let (nx, ny) = find(buf, "Notes (").expect("notes title");
    assert_eq!(buf[(nx, ny)].style().bg, focused_bg, "notes title focused");
    assert_eq!(buf[(nx - 2, ny)].style().fg, theme::BORDER_FOCUSED.fg);
    assert!(find(buf, " NOTES ").is_some(), "{}", row(buf, 49));

    keys(&mut s, &["Tab"]);
    assert_eq!(s.focus, Pane::List);
    let t = render(&s);
    let buf = t.backend().buffer();
    let (lx, ly) = find(buf, "Articles (5)").expect("list title");
    assert_eq!(buf[(lx, ly)].style().bg, focused_bg, "list title focused");
    assert!(find(buf, " LIST ").is_some());
    let (nx, ny) = find(buf, "Notes (").expect("notes title");
    assert_ne!(buf[(nx, ny)].style().bg, focused_bg);
}

#[test]
fn landing_line_is_marked_after_a_jump_then_cleared() {
    let mut s = state(seeds(), 200, 50);
    keys(&mut s, &["o", "j", "Enter"]);
    let landing = s.landing.expect("landing mark after the outline jump");
    let t = render(&s);
    let buf = t.backend().buffer();
    let text = s.body_text();
    let line = ibid::app::landing::line(&s).expect("on screen");
    let y = text.y + u16::try_from(line - s.top).expect("row");
    assert_eq!(buf[(text.x - 1, y)].symbol(), "▶");
    assert_eq!(buf[(text.x + 2, y)].style().bg, theme::LANDING.bg);
    let other = if y > 0 { y - 1 } else { y + 1 };
    assert_ne!(buf[(text.x + 2, other)].style().bg, theme::LANDING.bg);
    // The timer clears it.
    update(
        &mut s,
        Action::LandingOff(landing.id),
        std::time::UNIX_EPOCH,
    );
    let t = render(&s);
    assert_ne!(t.backend().buffer()[(text.x - 1, y)].symbol(), "▶");
    // A search jump marks the match's line and n wraps with a message.
    keys(&mut s, &["/"]);
    common::type_text(&mut s, "Putin");
    keys(&mut s, &["Enter"]);
    assert!(s.landing.is_some());
    let n = s.search.matches.len();
    for _ in 0..n {
        keys(&mut s, &["n"]);
    }
    let m = s.message.clone().expect("message").text;
    assert!(m.contains("wrapped to the top"), "{m}");
}

#[test]
fn light_theme_turns_light_text_dark() {
    let mut s = state(seeds(), 200, 50);
    s.palette = Palette::new(ThemeName::Light, false);
    let t = render(&s);
    let buf = t.backend().buffer();
    assert_eq!(
        buf[(60, 49)].style().fg,
        Some(Color::Black),
        "status text is dark"
    );
    let status = buf[(60, 49)].style().bg;
    assert_eq!(status, Some(Color::Rgb(222, 222, 222)), "light status line");
    let (hx, hy) = find(buf, "Russia’s Asia Pacific Strategy").expect("heading");
    assert_eq!(buf[(hx, hy)].style().fg, Some(Color::Rgb(0, 90, 160)));
}

#[test]
fn no_color_keeps_focus_and_selection_visible() {
    let mut s = state(seeds(), 200, 50);
    s.palette = Palette::new(ThemeName::Dark, true);
    keys(&mut s, &["]", "Tab"]);
    let t = render(&s);
    let buf = t.backend().buffer();
    for y in 0..50 {
        for x in 0..200 {
            let st = buf[(x, y)].style();
            assert!(
                st.fg.is_none_or(|c| c == Color::Reset) && st.bg.is_none_or(|c| c == Color::Reset),
                "colour at {x},{y}: {st:?}"
            );
        }
    }
    let (nx, ny) = find(buf, "Notes (").expect("notes title");
    assert!(
        buf[(nx, ny)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED),
        "focus shows"
    );
    let (lx, ly) = find(buf, "Articles (5)").expect("list");
    assert!(
        !buf[(lx, ly)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    let (mx, my) = find(buf, "[1]").expect("selected marker");
    assert!(
        buf[(mx, my)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn counts_repeat_motions_and_the_editor_takes_digits_and_letters() {
    let mut s = state(seeds(), 100, 30);
    keys(&mut s, &["1", "0", "j"]);
    assert_eq!(s.top, 10);
    keys(&mut s, &["g", "3", "]"]);
    assert_eq!(s.marker, Some(2), "3] selects the third marker");
    assert_eq!(s.count, None);
    // A background action between digits and key leaves the count alone.
    keys(&mut s, &["g", "2"]);
    update(&mut s, Action::Resize(100, 30), std::time::UNIX_EPOCH);
    keys(&mut s, &["j"]);
    assert_eq!(s.top, 2);
    // In the note editor, digits, letters and q are text, never commands.
    keys(&mut s, &["A"]);
    assert!(s.annot.editor.is_some());
    keys(&mut s, &["1", "0", "j", "u", "n", "q", "m", "'", "="]);
    assert!(!s.quit);
    assert_eq!(s.top, 2);
    assert_eq!(s.count, None);
    assert_eq!(s.measure, 80);
    let text = s
        .annot
        .editor
        .as_ref()
        .map(|e| e.area.lines().join("\n"))
        .expect("editor");
    assert!(text.contains("10junqm'="), "{text:?}");
}

#[test]
fn status_hint_names_the_keys_of_the_focused_pane() {
    let mut s = state(seeds(), 200, 50);
    let status = |s: &ibid::app::AppState| row(render(s).backend().buffer(), 49);
    assert!(status(&s).contains("] marker"), "{}", status(&s));
    keys(&mut s, &["Tab"]);
    let notes = status(&s);
    assert!(
        notes.contains("Enter follow") && notes.contains("t annotations"),
        "{notes}"
    );
    assert!(!notes.contains("] marker"), "{notes}");
    keys(&mut s, &["Tab"]);
    let list = status(&s);
    assert!(
        list.contains("/ filter") && list.contains("o sort"),
        "{list}"
    );
    // The hint follows the live keymap: a remapped key is the one shown.
    let (km, _) = s
        .keymap
        .with_user("[keys.list]\n\"F\" = \"list_filter\"\n")
        .expect("keymap");
    s.keymap = km.into();
    assert!(status(&s).contains("F filter"), "{}", status(&s));
    // Narrow terminals get the short form: the list is an overlay there.
    let mut s = state(seeds(), 60, 15);
    keys(&mut s, &["l"]);
    let narrow = row(render(&s).backend().buffer(), 14);
    assert!(narrow.contains("filter"), "{narrow}");
    // A note shown over the body names the overlay's own keys.
    keys(&mut s, &["Esc", "]", "Enter"]);
    assert_eq!(ibid::app::mode(&s), ibid::app::Mode::NoteOverlay);
    let over = row(render(&s).backend().buffer(), 14);
    assert!(
        over.contains("Esc close") && !over.contains("annots"),
        "{over}"
    );
}

#[test]
fn a_landing_on_a_blank_line_marks_the_text_after_it() {
    let mut s = state(seeds(), 200, 50);
    let lay = s.layout.clone().expect("layout");
    let blank = |i: usize| lay.lines[i].segs.is_empty() && lay.lines[i].prefix.is_none();
    let gap = (0..lay.lines.len() - 1)
        .find(|&i| blank(i) && !blank(i + 1) && lay.line_start[i] != lay.line_start[i + 1])
        .expect("a blank line before a paragraph");
    ibid::app::landing::mark(&mut s, lay.line_start[gap]);
    assert_eq!(ibid::app::landing::line(&s), Some(gap + 1));
    // A line with text is marked itself.
    ibid::app::landing::mark(&mut s, lay.line_start[gap + 1]);
    assert_eq!(ibid::app::landing::line(&s), Some(gap + 1));
}
