//! Annotation model: a note attached to a quoted passage of an article's cleaned text.
//!
//! `anchor` (pure) says where a note points and finds it again after the text
//! changes; `store` (the only I/O here) keeps one JSON file per article;
//! `export` (pure) renders annotations as Markdown or W3C Web Annotations.
#![deny(
    clippy::unwrap_used,
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::dbg_macro
)]

pub mod anchor;
pub mod export;
mod fuzzy;
mod hash;
pub mod store;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use anchor::{Anchor, Placement, resolve};
pub use export::{ExportEntry, to_markdown, to_w3c_json};
pub use store::{
    ArticleKey, Listing, Loaded, Local, Op, Store, StoreError, StoredArticle, fingerprint,
};

/// One note on one passage. Serialised as-is into the store's JSON files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique id: creation time in hex milliseconds, a dash, 64 random bits in hex.
    pub id: String,
    /// Where in the article's cleaned text the note points.
    pub anchor: Anchor,
    /// The note as the reader typed it (plain text; may be empty for a bare highlight).
    pub note: String,
    /// Tags found in `note` (see [`tags_of`]); kept in sync by [`Annotation::new`]
    /// and [`Annotation::edit`].
    pub tags: Vec<String>,
    /// Creation time, RFC 3339 UTC (`2024-05-01T12:34:56Z`).
    pub created: String,
    /// Last edit time, RFC 3339 UTC; equal to `created` until the note is edited.
    pub modified: String,
    /// Revision: how many saves made this version (the sum of `clock`); 0 until
    /// the store first saves it.
    #[serde(default)]
    pub rev: u64,
    /// The device (see `store::Local`) that saved this version; empty until saved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub device: String,
    /// Saves per device that this version includes (a version vector): the
    /// store compares it to tell a newer version from a concurrent one.
    #[serde(default, skip_serializing_if = "Clock::is_empty")]
    pub clock: Clock,
    /// Set on a copy kept because two edits of annotation `conflict_of`
    /// clashed ("edited elsewhere: both versions kept").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<String>,
    /// Fields this version of ibid does not know (from a newer ibid or another
    /// tool), kept as they were and written back unchanged.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A version vector: device id → number of saves by that device.
pub type Clock = std::collections::BTreeMap<String, u64>;

impl Annotation {
    /// A new annotation created at `now`, with a fresh id and tags derived from `note`.
    pub fn new(anchor: Anchor, note: impl Into<String>, now: SystemTime) -> Annotation {
        Self::with_id(anchor, note, now, new_id(now))
    }

    /// A new annotation created at `now` with the given `id` (see [`id_at`]).
    pub fn with_id(
        anchor: Anchor,
        note: impl Into<String>,
        now: SystemTime,
        id: String,
    ) -> Annotation {
        let note = note.into();
        let stamp = rfc3339(now);
        Annotation {
            id,
            anchor,
            tags: tags_of(&note),
            note,
            created: stamp.clone(),
            modified: stamp,
            rev: 0,
            device: String::new(),
            clock: Clock::new(),
            conflict_of: None,
            extra: serde_json::Map::new(),
        }
    }

    /// Replace the note text at `now`, re-deriving the tags and bumping `modified`.
    /// The revision fields stay: they say which stored version the edit is based on.
    pub fn edit(&mut self, note: impl Into<String>, now: SystemTime) {
        self.note = note.into();
        self.tags = tags_of(&self.note);
        self.modified = rfc3339(now);
    }
}

/// Tags in a note: whitespace-separated words starting with `#`, without the `#`.
///
/// A tag is `#` followed by letters, digits, `-`, `_` or `/`; trailing sentence
/// punctuation is ignored (`#draft.` gives `draft`), a lone `#` or `##` is not a
/// tag, and repeats (compared case-insensitively) are kept once, first spelling wins.
pub fn tags_of(note: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for word in note.split_whitespace() {
        let Some(rest) = word.strip_prefix('#') else {
            continue;
        };
        let tag: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
            .collect();
        let tag = tag.trim_end_matches(['-', '_', '/']);
        if tag.is_empty() || tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            continue;
        }
        tags.push(tag.to_string());
    }
    tags
}

/// A fresh annotation id: `<unix ms in hex>-<16 random hex digits>`.
///
/// The random part comes from std's per-process random hash keys mixed with a
/// counter and the clock, so ids from two processes in the same millisecond differ.
pub fn new_id(now: SystemTime) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(since.as_nanos());
    hasher.write_u32(std::process::id());
    format!("{:x}-{:016x}", since.as_millis(), hasher.finish())
}

/// The `n`th annotation id of a session whose random `seed` the shell drew
/// at start: `<unix ms in hex>-<16 hex digits>`, the same form as
/// [`new_id`], but a pure function (so `update` stays pure and testable).
#[must_use]
pub fn id_at(now: SystemTime, seed: u64, n: u64) -> String {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    // splitmix64 of seed + n: distinct for distinct n, spread for any seed.
    let mut z = seed.wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    format!("{:x}-{z:016x}", since.as_millis())
}

/// A random seed for [`id_at`] (std's per-process random hash keys, the
/// clock and the process id).
#[must_use]
pub fn id_seed() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// `t` as an RFC 3339 UTC timestamp with whole seconds, e.g. `2024-05-01T12:34:56Z`.
/// Times before 1970 are clamped to the epoch.
pub fn rfc3339(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX / 2);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day);
/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // d is in 1..=31 and m in 1..=12 by construction.
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn tags_are_hash_words() {
        assert_eq!(
            tags_of("see #Footnotes and #draft. also #draft, # ## a#b #x-y_z/1!"),
            vec!["Footnotes", "draft", "x-y_z/1"]
        );
        assert!(tags_of("no tags here").is_empty());
        assert_eq!(tags_of("#ÉTÉ #été"), vec!["ÉTÉ"]);
    }

    #[test]
    fn rfc3339_known_instants() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_723); // 2000-02-29 01:02:03
        assert_eq!(rfc3339(t), "2000-02-29T01:02:03Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_735_689_599); // last second of 2024
        assert_eq!(rfc3339(t), "2024-12-31T23:59:59Z");
    }

    #[test]
    fn ids_are_unique_and_new_sets_fields() {
        let now = SystemTime::now();
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id(now)).collect();
        assert_eq!(ids.len(), 1000);
        let anchor = Anchor::new("hello world", 0..5);
        let mut a = Annotation::new(anchor, "a #tag", UNIX_EPOCH);
        assert_eq!(a.tags, vec!["tag"]);
        assert_eq!(a.created, "1970-01-01T00:00:00Z");
        a.edit("now #other", UNIX_EPOCH + Duration::from_secs(60));
        assert_eq!(a.tags, vec!["other"]);
        assert_eq!(a.modified, "1970-01-01T00:01:00Z");
        assert_eq!(a.created, "1970-01-01T00:00:00Z");
    }
}
