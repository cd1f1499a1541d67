//! Reading positions (`<data>/positions.json`): where the reader was in each
//! article, merged per article so that two ibid processes, or two machines
//! syncing the folder, keep each other's positions (the latest per article
//! wins). Sync-tool conflict copies of the file are merged and removed on the
//! next save. I/O shell module.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

const FILE: &str = "positions.json";

/// One article's position: byte offset of the top line, and when it was set
/// (Unix milliseconds; 0 for positions from format 1, which had no time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct At {
    offset: usize,
    #[serde(default)]
    at: u64,
}

/// Format 1 stored a bare offset; format 2 an offset and a time.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
enum Entry {
    V2(At),
    V1(usize),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Positions {
    version: u32,
    #[serde(default)]
    positions: BTreeMap<PathBuf, At>,
}

#[derive(Deserialize)]
struct AnyPositions {
    #[serde(default)]
    positions: BTreeMap<PathBuf, Entry>,
}

fn read_one(file: &Path) -> Option<BTreeMap<PathBuf, At>> {
    let bytes = fs::read(file).ok()?;
    let any: AnyPositions = serde_json::from_slice(&bytes).ok()?;
    Some(
        any.positions
            .into_iter()
            .map(|(p, e)| {
                let at = match e {
                    Entry::V2(at) => at,
                    Entry::V1(offset) => At { offset, at: 0 },
                };
                (p, at)
            })
            .collect(),
    )
}

fn is_copy(name: &str) -> bool {
    name.starts_with("positions")
        && name.ends_with(".json")
        && name != FILE
        && (name.contains(".sync-conflict-")
            || name.contains("conflicted copy")
            || name.contains("(Conflict"))
}

/// The file and its sync-tool conflict copies, merged (latest per article).
fn read_all(data: &Path) -> (BTreeMap<PathBuf, At>, Vec<PathBuf>) {
    let mut all = read_one(&data.join(FILE)).unwrap_or_default();
    let mut copies = Vec::new();
    for e in fs::read_dir(data).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_copy(&name) {
            if let Some(more) = read_one(&e.path()) {
                merge(&mut all, more);
            }
            copies.push(e.path());
        }
    }
    (all, copies)
}

fn merge(into: &mut BTreeMap<PathBuf, At>, more: BTreeMap<PathBuf, At>) {
    for (p, at) in more {
        match into.get(&p) {
            Some(old) if old.at >= at.at => {}
            _ => {
                into.insert(p, at);
            }
        }
    }
}

/// Reading positions (file → byte offset); empty when missing or unreadable.
/// Never writes.
#[must_use]
pub fn load(data: &Path) -> HashMap<PathBuf, usize> {
    read_all(data)
        .0
        .into_iter()
        .map(|(p, at)| (p, at.offset))
        .collect()
}

/// When each article's position was last saved (ms since the epoch; 0 for
/// files from format 1), for the list's "recent" order. Never writes.
#[must_use]
pub fn load_times(data: &Path) -> HashMap<PathBuf, u64> {
    read_all(data)
        .0
        .into_iter()
        .map(|(p, at)| (p, at.at))
        .collect()
}

/// Records `changed` (file → offset, set now) on top of what is on disk,
/// merging conflict copies and removing them; written atomically.
///
/// # Errors
/// The data folder or the file could not be written.
pub fn save(data: &Path, changed: &[(PathBuf, usize)]) -> io::Result<()> {
    if changed.is_empty() {
        return Ok(());
    }
    fs::create_dir_all(data)?;
    let (mut all, copies) = read_all(data);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    for (p, offset) in changed {
        all.insert(
            p.clone(),
            At {
                offset: *offset,
                at: now,
            },
        );
    }
    let value = Positions {
        version: 2,
        positions: all,
    };
    crate::atomic_file::write_json(data, ".positions-", &data.join(FILE), &value)?;
    for c in copies {
        fs::remove_file(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_writers_keep_each_others_positions_and_conflicts_merge() {
        let dir = tempfile::tempdir().expect("tmp");
        // Two processes loaded the same (empty) state and each saves its own.
        save(dir.path(), &[(PathBuf::from("/a.txt"), 10)]).expect("save");
        save(dir.path(), &[(PathBuf::from("/b.txt"), 20)]).expect("save");
        let p = load(dir.path());
        assert_eq!(p.get(Path::new("/a.txt")), Some(&10));
        assert_eq!(p.get(Path::new("/b.txt")), Some(&20));
        // A format-1 file and a newer conflict copy from another machine.
        fs::write(
            dir.path().join(FILE),
            r#"{"version":1,"positions":{"/a.txt":5,"/c.txt":7}}"#,
        )
        .expect("write");
        fs::write(
            dir.path()
                .join("positions.sync-conflict-20261203-000000-XYZ.json"),
            r#"{"version":2,"positions":{"/a.txt":{"offset":99,"at":5}}}"#,
        )
        .expect("write");
        let p = load(dir.path());
        assert_eq!(
            p.get(Path::new("/a.txt")),
            Some(&99),
            "latest per article wins"
        );
        assert_eq!(p.get(Path::new("/c.txt")), Some(&7));
        save(dir.path(), &[(PathBuf::from("/d.txt"), 1)]).expect("save");
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [FILE]);
        assert_eq!(load(dir.path()).len(), 3);
    }
}
