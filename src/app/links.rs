//! Links: the URL of the selected note or source, `x` (open in the browser)
//! and `y` (copy with OSC 52). `open`/`copy` are pure and return effects; the
//! `run_*` functions are the executor's side, called only from `app::execute`.

use super::Msg;
use super::action::{Action, Effect};
use super::keymap::Keymap;
use super::message::Message;
use super::state::AppState;
use super::view::links::osc8_url;
use crate::document::{Document, InlineKind};
use std::sync::mpsc::Sender;

/// The first URL of note `n`: a Markdown link target, else a bare `http(s)`
/// URL in its text; an Ibid./op. cit. without one gives its target's.
#[must_use]
pub fn note_url(doc: &Document, n: usize) -> Option<String> {
    let own = |i: usize| -> Option<String> {
        let note = doc.notes.get(i)?;
        doc.inlines_in(note.span)
            .find_map(|x| match &x.kind {
                InlineKind::Link { url } => Some(url.clone()),
                _ => None,
            })
            .or_else(|| {
                super::view::links::urls(&doc.text, note.span)
                    .first()
                    .map(|u| doc.slice(*u).to_string())
            })
    };
    own(n).or_else(|| {
        let note = doc.notes.get(n)?;
        let t = note.same_as.unwrap_or_else(|| doc.resolve_note(n));
        (t != n).then(|| own(t)).flatten()
    })
}

/// The URL `x`/`y` act on: the selected source's when the sources view has
/// the keys, else the selected note's (or the selected marker's note's).
#[must_use]
pub fn selected_url(s: &AppState) -> Option<String> {
    if super::sources::active(s) {
        let data = super::sources::current(s)?;
        return data
            .row(s.sources.sort, s.sources.sel)?
            .citation
            .url
            .clone();
    }
    let doc = s.doc()?;
    let n = s.note.or_else(|| {
        s.marker
            .and_then(|m| doc.markers.get(m))
            .and_then(|m| m.note)
    });
    match n {
        Some(n) => note_url(doc, n),
        // Nothing selected: the article's own address (a saved web page).
        None => doc.meta.source_url.clone(),
    }
}

/// The host of an `http(s)` URL, without `www.` (`https://www.a.org/x` →
/// `a.org`), for the article list.
#[must_use]
pub fn domain(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| crate::document::sanitize(host))
}

/// The selected URL made safe (http, https or mailto; no control
/// characters), or the status message to show instead.
fn checked(s: &AppState) -> Result<String, String> {
    let url = selected_url(s).ok_or_else(|| "no link".to_string())?;
    osc8_url(&url).ok_or_else(|| "no web link here".to_string())
}

/// `x`: asks the shell to open the selected URL in the browser.
pub fn open(s: &mut AppState, fx: &mut Vec<Effect>) {
    match checked(s) {
        Ok(url) => {
            s.message = Some(Message::info(format!("opening {url}")));
            fx.push(Effect::OpenUrl(url));
        }
        Err(m) => s.message = Some(Message::info(m)),
    }
}

/// `y`: asks the shell to copy the selected URL to the clipboard.
pub fn copy(s: &mut AppState, fx: &mut Vec<Effect>) {
    match checked(s) {
        Ok(url) => fx.push(Effect::CopyUrl(url)),
        Err(m) => s.message = Some(Message::info(m)),
    }
}

/// Standard base64 (with padding) of `bytes`.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= c.len() {
                out.push(char::from(A[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 escape that puts `url` on the clipboard, or `None` when the
/// URL is not a safe web link.
#[must_use]
pub fn osc52(url: &str) -> Option<String> {
    let url = osc8_url(url)?;
    Some(format!("\x1b]52;c;{}\x07", base64(url.as_bytes())))
}

/// True when there is no graphical session to open a browser in: on Linux
/// and the BSDs, neither `DISPLAY` nor `WAYLAND_DISPLAY` is set.
#[must_use]
pub fn headless(os: &str, display: Option<&str>, wayland: Option<&str>) -> bool {
    let unix_desktop = matches!(os, "linux" | "freebsd" | "openbsd" | "netbsd" | "dragonfly");
    let set = |v: Option<&str>| v.is_some_and(|x| !x.is_empty());
    unix_desktop && !set(display) && !set(wayland)
}

/// Executor: opens `url` on a worker thread, reporting failure (or a
/// headless session) as a status message; never blocks the loop.
#[must_use]
pub fn run_open(url: String, tx: &Sender<Msg>, km: &Keymap) -> Option<Message> {
    let display = std::env::var("DISPLAY").ok();
    let wayland = std::env::var("WAYLAND_DISPLAY").ok();
    if headless(std::env::consts::OS, display.as_deref(), wayland.as_deref()) {
        return Some(Message::error(format!(
            "no graphical session to open a browser in {}",
            km.fill(super::hints::COPY_INSTEAD)
        )));
    }
    let tx = tx.clone();
    let spawned = std::thread::Builder::new()
        .name("ibid-open".into())
        .spawn(move || {
            let m = match open::that_detached(&url) {
                Ok(()) => Message::info(format!("opened {url}")),
                Err(e) => Message::error(format!("could not open a browser: {e}")),
            };
            let _ = tx.send(Msg::Action(Action::Message(m)));
        });
    spawned
        .is_err()
        .then(|| Message::error("could not start the browser opener"))
}

/// Executor: copies `url` with the backend the environment offers
/// (`crate::clipboard`). OSC 52 is written here and reported at once; a
/// program (tmux, wl-copy, xclip, xsel, pbcopy) runs on a worker thread that
/// reports which was used (`None` now, a message later).
#[must_use]
pub fn run_copy(url: &str, tx: &Sender<Msg>) -> Option<Message> {
    use crate::clipboard::Backend;
    use std::io::Write as _;
    let Some(seq) = osc52(url) else {
        return Some(Message::info("no web link here"));
    };
    let backend = crate::clipboard::detect();
    let (program, args) = match &backend {
        Backend::Osc52 | Backend::Unknown => {
            let mut out = std::io::stdout();
            return Some(
                match out.write_all(seq.as_bytes()).and_then(|()| out.flush()) {
                    Ok(()) if backend == Backend::Osc52 => {
                        Message::info(format!("copied (OSC 52) {url}"))
                    }
                    Ok(()) => Message::warning(format!(
                        "no clipboard tool found; sent OSC 52, which this terminal may ignore: {url}"
                    )),
                    Err(e) => Message::error(format!("could not copy: {e}")),
                },
            );
        }
        Backend::Tmux(p) => (p.clone(), vec!["load-buffer", "-"]),
        Backend::Program(p, a) => (p.clone(), a.clone()),
    };
    let (tx, url) = (tx.clone(), url.to_string());
    let name = backend.name();
    let spawned = std::thread::Builder::new()
        .name("ibid-copy".into())
        .spawn(move || {
            let m = match crate::clipboard::pipe_to(&program, &args, &url) {
                Ok(()) => Message::info(format!("copied to {name}: {url}")),
                Err(e) => Message::error(format!("could not copy with {name}: {e}")),
            };
            let _ = tx.send(Msg::Action(Action::Message(m)));
        });
    spawned
        .is_err()
        .then(|| Message::error("could not start the clipboard program"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn osc52_is_sanitised() {
        assert_eq!(
            osc52("http://a.b/c").as_deref(),
            Some("\x1b]52;c;aHR0cDovL2EuYi9j\x07")
        );
        assert_eq!(osc52("http://a.b/\x07\x1b]52;c;evil"), None);
        assert_eq!(osc52("file:///etc/passwd"), None);
    }

    #[test]
    fn headless_detection() {
        assert!(headless("linux", None, None));
        assert!(headless("linux", Some(""), None));
        assert!(!headless("linux", Some(":0"), None));
        assert!(!headless("linux", None, Some("wayland-0")));
        assert!(!headless("macos", None, None));
        assert!(!headless("windows", None, None));
    }
}
