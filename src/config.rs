//! Configuration: defaults embedded from `assets/default-config.toml`, the
//! user's file merged over them key by key; unknown keys are errors that name
//! the bad path.

use crate::app::keymap::Keymap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The default configuration, as shipped.
pub const DEFAULT_TOML: &str = include_str!("../assets/default-config.toml");

/// When to emit OSC 8 hyperlinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Hyperlinks {
    /// On unless the terminal is known not to support them.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `[reader]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reader {
    /// Show page furniture when an article opens.
    pub show_furniture: bool,
    /// OSC 8 hyperlinks in notes.
    pub hyperlinks: Hyperlinks,
    /// The reading measure: body text width in columns (0: the whole pane).
    pub measure: u16,
}

/// `[theme]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// `"auto"`, `"dark"` or `"light"`.
    pub name: String,
    /// Colour per slot (`accent = "#2060c0"`), over the theme's own.
    pub colors: std::collections::BTreeMap<String, String>,
}

/// `[library]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    /// Extra folders or files opened at start-up (`~` expanded by [`Config::folders`]).
    pub folders: Vec<String>,
    /// Largest article file read, in megabytes (MiB); bigger files are refused
    /// with their size in the message.
    pub max_file_mb: u64,
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Reader settings.
    pub reader: Reader,
    /// Library settings.
    pub library: Library,
    /// Colours.
    pub theme: Theme,
    /// `[keys.<context>]`: key → action name, over `assets/keymap.toml`
    /// (checked, with line numbers, when the file is read).
    #[serde(default)]
    pub keys: BTreeMap<String, BTreeMap<String, String>>,
    /// The keymap these settings give (the defaults with `keys` applied).
    #[serde(skip)]
    pub keymap: Arc<Keymap>,
    /// Bindings of the file that another binding hides, each naming its line.
    #[serde(skip)]
    pub key_conflicts: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            reader: Reader {
                show_furniture: false,
                hyperlinks: Hyperlinks::Auto,
                measure: 80,
            },
            theme: Theme {
                name: "auto".into(),
                colors: std::collections::BTreeMap::new(),
            },
            library: Library {
                folders: Vec::new(),
                max_file_mb: 256,
            },
            keys: BTreeMap::new(),
            keymap: Keymap::defaults(),
            key_conflicts: Vec::new(),
        }
    }
}

/// A configuration that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// Not valid TOML, a wrong type, or an unknown key.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where.
        message: String,
    },
}

impl Config {
    /// Parses a user's file and merges it over the defaults, key by key.
    ///
    /// # Errors
    /// [`ConfigError::Invalid`] naming the bad key or line.
    pub fn from_user_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let mut merged: toml::Table =
            toml::from_str(DEFAULT_TOML).map_err(|e| invalid(e.to_string()))?;
        let user: toml::Table = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        merge(&mut merged, user);
        let mut config =
            Config::deserialize(toml::Value::Table(merged)).map_err(|e| invalid(e.to_string()))?;
        let (keymap, conflicts) = Keymap::defaults().with_user(text).map_err(invalid)?;
        config.keymap = Arc::new(keymap);
        config.key_conflicts = conflicts;
        Ok(config)
    }

    /// Loads `path`, or the default location's file when `path` is `None`;
    /// a missing default file means the defaults.
    ///
    /// # Errors
    /// [`ConfigError`] for an unreadable or invalid file.
    pub fn load(path: Option<&Path>) -> Result<Self, ConfigError> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return Ok(Self::default()),
            },
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::from_user_toml(&text, &path),
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(ConfigError::Read { path, source }),
        }
    }

    /// The size limit for article files, in bytes.
    #[must_use]
    pub fn max_file_bytes(&self) -> u64 {
        self.library.max_file_mb.saturating_mul(1024 * 1024)
    }

    /// The extra library folders, with `~` expanded.
    #[must_use]
    pub fn folders(&self) -> Vec<PathBuf> {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        self.library
            .folders
            .iter()
            .map(|f| match (f.strip_prefix("~/"), &home) {
                (Some(rest), Some(h)) => h.join(rest),
                _ => PathBuf::from(f),
            })
            .collect()
    }
}

/// `<config dir>/ibid/config.toml` (`IBID_CONFIG_DIR` overrides the directory).
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("IBID_CONFIG_DIR") {
        return Some(PathBuf::from(d).join("config.toml"));
    }
    directories::ProjectDirs::from("", "", "ibid").map(|d| d.config_dir().join("config.toml"))
}

/// Merges `over` into `base` table by table: keys given override, others stay.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_equal_config_default() {
        let parsed = Config::from_user_toml("", Path::new("none")).expect("defaults parse");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn user_keys_override_one_by_one() {
        let c = Config::from_user_toml("[reader]\nshow_furniture = true\n", Path::new("c.toml"))
            .expect("valid");
        assert!(c.reader.show_furniture);
        assert_eq!(
            c.reader.hyperlinks,
            Hyperlinks::Auto,
            "untouched keys keep defaults"
        );
    }

    #[test]
    fn keys_override_reject_unknown_actions_and_report_conflicts() {
        let c = Config::from_user_toml("[keys.body]\n\"x\" = \"line_down\"\n", Path::new("c.toml"))
            .expect("valid");
        assert_eq!(
            c.keymap.key_in(
                crate::app::keymap::Context::Body,
                crate::app::keymap::Command::LineDown
            ),
            Some("x")
        );
        assert!(c.key_conflicts.is_empty());
        let e = Config::from_user_toml(
            "[reader]\nshow_furniture = true\n[keys.body]\n\"x\" = \"fly\"\n",
            Path::new("c.toml"),
        )
        .expect_err("unknown action");
        let msg = e.to_string();
        assert!(
            msg.starts_with("c.toml: line 4: unknown action \"fly\""),
            "{msg}"
        );
        let c = Config::from_user_toml("[keys.global]\n\"j\" = \"quit\"\n", Path::new("c.toml"))
            .expect("valid, with a conflict");
        assert!(!c.key_conflicts.is_empty(), "{:?}", c.key_conflicts);
        assert!(
            c.key_conflicts[0].starts_with("line 2"),
            "{:?}",
            c.key_conflicts
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_place() {
        let e = Config::from_user_toml("[reader]\nshow_furnitur = true\n", Path::new("c.toml"))
            .expect_err("unknown");
        let msg = e.to_string();
        assert!(msg.starts_with("c.toml: "), "{msg}");
        assert!(msg.contains("show_furnitur"), "{msg}");
        let e = Config::from_user_toml(
            "[reader]\nhyperlinks = \"sometimes\"\n",
            Path::new("c.toml"),
        )
        .expect_err("bad");
        assert!(
            e.to_string().contains("sometimes") || e.to_string().contains("hyperlinks"),
            "{e}"
        );
    }
}
