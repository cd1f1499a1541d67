//! Copying text to the clipboard (`y`): picks a backend from the environment
//! and `PATH`, then runs it. The choice is a pure function of the environment
//! (unit-tested with fake variables and a fake `PATH`); running it is the
//! shell's I/O and is called only by the effect executor.
//!
//! Order: OSC 52 when the terminal is known to honour it, else the tmux
//! buffer (inside tmux), `wl-copy` (Wayland), `xclip` / `xsel` (X11),
//! `pbcopy` (macOS). When none applies the text is still sent with OSC 52,
//! and the message says that it is not known to have reached the clipboard.

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A way of putting text on the clipboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// The terminal's OSC 52 sequence, on a terminal known to support it.
    Osc52,
    /// `tmux load-buffer -` (inside tmux).
    Tmux(PathBuf),
    /// A clipboard program: its path and arguments.
    Program(PathBuf, Vec<&'static str>),
    /// Nothing known to work: OSC 52 is sent anyway, support unknown.
    Unknown,
}

impl Backend {
    /// The short name used in the status line.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Self::Osc52 => "OSC 52".into(),
            Self::Tmux(_) => "the tmux buffer".into(),
            Self::Program(p, _) => p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into()),
            Self::Unknown => "OSC 52 (not known to be supported here)".into(),
        }
    }
}

/// True when the terminal described by the environment is known to put OSC 52
/// text on the system clipboard by default (kitty, `WezTerm`, foot, Alacritty,
/// Windows Terminal, Ghostty, Konsole does not). Inside tmux or screen the
/// outer terminal is unknown, so this is false there.
#[must_use]
pub fn osc52_known(env: &dyn Fn(&str) -> Option<String>) -> bool {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    if set("TMUX") || env("TERM").is_some_and(|t| t.starts_with("screen")) {
        return false;
    }
    if set("KITTY_WINDOW_ID") || set("WT_SESSION") || set("WEZTERM_EXECUTABLE") {
        return true;
    }
    let term = env("TERM").unwrap_or_default();
    let prog = env("TERM_PROGRAM").unwrap_or_default().to_lowercase();
    ["kitty", "foot", "alacritty", "wezterm", "ghostty"]
        .iter()
        .any(|t| term.contains(t) || prog.contains(t))
}

/// The first file named `name` in the `PATH` value `path` that is a file.
#[must_use]
pub fn on_path(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Chooses the backend from the environment (`env`) and a `PATH` lookup.
#[must_use]
pub fn choose(
    env: &dyn Fn(&str) -> Option<String>,
    find: &dyn Fn(&str) -> Option<PathBuf>,
) -> Backend {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    if osc52_known(env) {
        return Backend::Osc52;
    }
    if set("TMUX")
        && let Some(p) = find("tmux")
    {
        return Backend::Tmux(p);
    }
    if set("WAYLAND_DISPLAY")
        && let Some(p) = find("wl-copy")
    {
        return Backend::Program(p, vec![]);
    }
    if set("DISPLAY") {
        if let Some(p) = find("xclip") {
            return Backend::Program(p, vec!["-selection", "clipboard"]);
        }
        if let Some(p) = find("xsel") {
            return Backend::Program(p, vec!["--clipboard", "--input"]);
        }
    }
    if let Some(p) = find("pbcopy") {
        return Backend::Program(p, vec![]);
    }
    Backend::Unknown
}

/// The backend for this process's environment.
#[must_use]
pub fn detect() -> Backend {
    let path = std::env::var_os("PATH");
    choose(&|k| std::env::var(k).ok(), &|n| on_path(n, path.as_deref()))
}

/// Runs `program args` with `text` on its standard input (its output
/// discarded, so nothing reaches the terminal); waits for it.
///
/// # Errors
/// The program could not be started or exited unsuccessfully.
pub fn pipe_to(program: &Path, args: &[&str], text: &str) -> std::io::Result<()> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("exited with {status}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |k| m.get(k).cloned()
    }

    /// A fake `PATH` folder holding empty files with these names.
    fn fake_path(names: &[&str]) -> tempfile::TempDir {
        let d = tempfile::tempdir().expect("tmp");
        for n in names {
            std::fs::write(d.path().join(n), "").expect("write");
        }
        d
    }

    fn pick(env: &[(&str, &str)], tools: &[&str]) -> Backend {
        let d = fake_path(tools);
        let path = d.path().as_os_str().to_owned();
        choose(&env_of(env), &|n| on_path(n, Some(&path)))
    }

    #[test]
    fn known_terminals_use_osc52_first() {
        assert_eq!(pick(&[("TERM", "xterm-kitty")], &["xclip"]), Backend::Osc52);
        assert_eq!(
            pick(
                &[("TERM_PROGRAM", "WezTerm"), ("DISPLAY", ":0")],
                &["xclip"]
            ),
            Backend::Osc52
        );
        assert_eq!(pick(&[("WT_SESSION", "x")], &[]), Backend::Osc52);
    }

    #[test]
    fn tmux_buffer_inside_tmux_even_in_kitty() {
        let b = pick(
            &[
                ("TMUX", "/tmp/tmux-0/default,1,0"),
                ("KITTY_WINDOW_ID", "1"),
            ],
            &["tmux", "xclip"],
        );
        assert!(
            matches!(&b, Backend::Tmux(p) if p.ends_with("tmux")),
            "{b:?}"
        );
        assert_eq!(b.name(), "the tmux buffer");
        // tmux set but not on PATH: the next choice.
        assert_eq!(pick(&[("TMUX", "x")], &[]), Backend::Unknown);
    }

    #[test]
    fn desktop_tools_need_their_session_and_the_program() {
        let b = pick(&[("WAYLAND_DISPLAY", "wayland-0")], &["wl-copy", "xclip"]);
        assert_eq!(b.name(), "wl-copy");
        let b = pick(
            &[("WAYLAND_DISPLAY", "wayland-0"), ("DISPLAY", ":0")],
            &["xclip"],
        );
        assert!(
            matches!(&b, Backend::Program(p, a) if p.ends_with("xclip") && a == &["-selection", "clipboard"]),
            "{b:?}"
        );
        assert_eq!(pick(&[("DISPLAY", ":0")], &["xsel"]).name(), "xsel");
        // xclip without a display cannot copy anything.
        assert_eq!(pick(&[], &["xclip", "xsel", "wl-copy"]), Backend::Unknown);
        assert_eq!(pick(&[], &["pbcopy"]).name(), "pbcopy");
    }

    #[test]
    fn unknown_never_claims_success() {
        let b = pick(&[("TERM", "xterm-256color")], &[]);
        assert_eq!(b, Backend::Unknown);
        assert!(b.name().contains("not known"), "{}", b.name());
    }

    #[test]
    fn on_path_skips_folders_and_missing_path() {
        let d = fake_path(&[]);
        std::fs::create_dir(d.path().join("xclip")).expect("dir");
        assert_eq!(on_path("xclip", Some(d.path().as_os_str())), None);
        assert_eq!(on_path("xclip", None), None);
    }

    #[test]
    fn pipe_to_reports_failure() {
        assert!(pipe_to(Path::new("/nonexistent/copy-tool"), &[], "x").is_err());
        if Path::new("/bin/sh").exists() {
            assert!(pipe_to(Path::new("/bin/sh"), &["-c", "cat >/dev/null"], "x").is_ok());
            assert!(pipe_to(Path::new("/bin/sh"), &["-c", "exit 3"], "x").is_err());
        }
    }
}
