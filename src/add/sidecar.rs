//! The record `ibid add` keeps beside each added file:
//! `<library>/.ibid/<file name>.json`, saying where it came from and when.

use super::fetch::Fetched;
use std::path::Path;

/// Folder of the sidecars inside the library folder.
pub const DIR: &str = ".ibid";

/// One added file's origin.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Sidecar {
    /// Format version.
    pub version: u32,
    /// `"file"` or `"url"`.
    pub origin: String,
    /// The path it was copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The URL asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The URL after redirects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// The `Content-Type` the server sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// When it was added (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub added: String,
    /// Fingerprint of the article's text (FNV-1a, hex).
    pub text_hash: String,
}

impl Sidecar {
    /// The record of a copied file.
    #[must_use]
    pub fn for_file(source: &Path) -> Self {
        Self {
            version: 1,
            origin: "file".into(),
            path: Some(crate::document::sanitize(&source.display().to_string())),
            added: now(),
            ..Self::default()
        }
    }

    /// The record of a fetched page.
    #[must_use]
    pub fn for_url(f: &Fetched) -> Self {
        Self {
            version: 1,
            origin: "url".into(),
            url: Some(crate::document::sanitize(&f.url)),
            final_url: Some(crate::document::sanitize(&f.final_url)),
            content_type: Some(match &f.charset {
                Some(c) => format!("{}; charset={c}", f.media),
                None => f.media.clone(),
            }),
            added: now(),
            ..Self::default()
        }
    }
}

/// Writes the sidecar of library file `target`.
///
/// # Errors
/// The folder or file could not be written.
pub fn write(library: &Path, target: &Path, s: &Sidecar) -> std::io::Result<()> {
    let dir = library.join(DIR);
    std::fs::create_dir_all(&dir)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let json = serde_json::to_vec_pretty(s).map_err(std::io::Error::other)?;
    std::fs::write(dir.join(format!("{name}.json")), json)
}

/// The library file (and its date added) of the first sidecar matching
/// `pred` whose file is still there.
pub fn find(library: &Path, pred: impl Fn(&Sidecar) -> bool) -> Option<(String, String)> {
    let dir = std::fs::read_dir(library.join(DIR)).ok()?;
    for e in dir.flatten() {
        let p = e.path();
        let Some(file) = p
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        if !library.join(file).is_file() {
            continue;
        }
        let Ok(b) = std::fs::read(&p) else { continue };
        let Ok(s) = serde_json::from_slice::<Sidecar>(&b) else {
            continue;
        };
        if pred(&s) {
            let day = s.added.get(..10).unwrap_or(&s.added).to_string();
            return Some((crate::document::sanitize(file), day));
        }
    }
    None
}

/// FNV-1a 64 of `b`, hex.
#[must_use]
pub fn fingerprint(b: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
#[must_use]
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
