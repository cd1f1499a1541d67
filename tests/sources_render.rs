//! Render tests of the sources view on `TestBackend`: insta snapshots plus
//! style assertions (snapshots drop colour).

mod common;

use common::{find, keys, render, seed, state};
use ibid::ui::theme;
use insta::assert_snapshot;

#[test]
fn sources_panel_seed_000() {
    let mut s = state(vec![seed("000")], 200, 50);
    keys(&mut s, &["s", "S"]);
    let t = render(&s);
    assert_snapshot!("sources_000_by_count", t.backend());
    let buf = t.backend().buffer();
    assert!(find(buf, "Sources (30) · by count").is_some());
    // The most cited work is first and selected (highlighted background).
    let (x, y) = find(buf, "3× Takashi Mochizuki").expect("first work");
    assert_eq!(buf[(x, y)].style().fg, theme::NOTE_LABEL.fg);
    assert_eq!(buf[(x + 3, y)].style().bg, theme::NOTE_SELECTED.bg);
    let (cx, cy) = find(buf, "The Wall Street Journal · 2013-11-02").expect("container");
    assert_eq!(cy, y + 2);
    assert_eq!(buf[(cx, cy)].style().bg, theme::NOTE_SELECTED.bg);
    // The next work is not highlighted.
    assert_ne!(buf[(cx, cy + 1)].style().bg, theme::NOTE_SELECTED.bg);
    keys(&mut s, &["Enter"]);
    let t = render(&s);
    assert_snapshot!("sources_000_markers", t.backend());
    let buf = t.backend().buffer();
    assert!(find(buf, "Sources › cited by 3 markers").is_some());
    let (mx, my) = find(buf, "[1] …").expect("marker row");
    assert_eq!(buf[(mx, my)].style().fg, theme::MARKER.fg);
    assert_eq!(buf[(mx, my)].style().bg, theme::NOTE_SELECTED.bg);
}

#[test]
fn health_report_seed_003() {
    let mut s = state(vec![seed("003")], 120, 30);
    keys(&mut s, &["s"]);
    let t = render(&s);
    assert_snapshot!("sources_003_health", t.backend());
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "⚠ Citation health").expect("health report");
    assert_eq!(buf[(x, y)].style().fg, theme::UNRESOLVED.fg);
    let (ux, uy) = find(buf, "unresolved op. cit./Ibid.: 1 (6)").expect("op. cit. 6");
    assert_eq!(buf[(ux, uy)].style().fg, theme::UNRESOLVED.fg);
}

#[test]
fn clean_article_has_no_health_report() {
    let mut s = state(vec![seed("001")], 120, 30);
    keys(&mut s, &["s"]);
    let t = render(&s);
    assert!(find(t.backend().buffer(), "Sources (").is_some());
    assert!(find(t.backend().buffer(), "Citation health").is_none());
}

#[test]
fn sources_overlay_60x15() {
    let mut s = state(vec![seed("003")], 60, 15);
    keys(&mut s, &["s"]);
    let t = render(&s);
    assert_snapshot!("sources_overlay_60x15", t.backend());
    assert!(find(t.backend().buffer(), "┌ Sources (").is_some());
}

#[test]
fn source_url_is_an_osc8_hyperlink_when_enabled() {
    let mut s = state(vec![seed("000")], 200, 50);
    s.hyperlinks = true;
    keys(&mut s, &["s", "Enter"]);
    let t = render(&s);
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "ttp://online.wsj.com").expect("url row");
    let first = buf[(x - 1, y)].symbol();
    assert!(
        first.starts_with("\x1b]8;;http://online.wsj.com/news/articles/"),
        "{first:?}"
    );
    assert_eq!(buf[(x - 1, y)].style().fg, theme::LINK.fg);
}
