//! A folder's article names kept from the last start, so a start whose folder is unchanged
//! (same inode and mtime) reads one small file instead of listing 10,000 entries (~5 ms of
//! kernel time). The watcher lists the folder again after the first frame, so a change the
//! mtime did not show is still found.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// First line of a listing file; the folder's inode and mtime follow it.
const MAGIC: &str = "ibid-listing 1";

/// A folder changed less than this long ago may change again within the
/// same mtime tick: its listing is not kept.
const SETTLED: Duration = Duration::from_secs(2);

/// The folder's inode and mtime (ns), as a listing records them.
fn stamp(dir: &Path) -> Option<(u64, u128)> {
    let md = std::fs::metadata(dir).ok()?;
    let mtime = md
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    #[cfg(unix)]
    let ino = std::os::unix::fs::MetadataExt::ino(&md);
    #[cfg(not(unix))]
    let ino = 0;
    Some((ino, mtime))
}

fn file_for(cache: &Path, dir: &Path) -> PathBuf {
    let key = crate::finder::cache::roots_hash(std::slice::from_ref(&dir.to_path_buf()));
    cache.join("listings").join(format!("{key:016x}.txt"))
}

/// The article paths of `dir` (sorted, as [`super::scan`] gives them), from the
/// listing kept in `cache` when the folder is unchanged, else listed afresh
/// (and kept for the next start when the folder has settled).
#[must_use]
pub fn scan_dir(dir: &Path, cache: Option<&Path>) -> Vec<PathBuf> {
    let Some(cache) = cache else {
        return super::scan_dir(dir);
    };
    let before = stamp(dir);
    let file = file_for(cache, dir);
    if let Some(seen) = before
        && let Some(names) = read(&file, seen)
    {
        return names.into_iter().map(|n| dir.join(n)).collect();
    }
    let paths = super::scan_dir(dir);
    let settled = before.is_some_and(|(_, mtime)| {
        let changed = UNIX_EPOCH + Duration::from_nanos(u64::try_from(mtime).unwrap_or(u64::MAX));
        SystemTime::now()
            .duration_since(changed)
            .is_ok_and(|age| age > SETTLED)
    });
    // Unchanged while it was listed, and not changing now: keep it.
    if let Some(seen) = before
        && settled
        && stamp(dir) == Some(seen)
    {
        let _ = write(&file, seen, &paths);
    }
    paths
}

/// The names of a listing file recorded for `stamp`; `None` if it is missing,
/// corrupt or for another state of the folder.
fn read(file: &Path, stamp: (u64, u128)) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut lines = text.split('\n');
    if lines.next()? != MAGIC {
        return None;
    }
    let ino: u64 = lines.next()?.parse().ok()?;
    let mtime: u128 = lines.next()?.parse().ok()?;
    if (ino, mtime) != stamp {
        return None;
    }
    let count: usize = lines.next()?.parse().ok()?;
    let names: Vec<String> = lines
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (names.len() == count).then_some(names)
}

/// Writes a listing (temp file and rename); a name that cannot be written as one
/// line of UTF-8 means no listing is kept.
fn write(file: &Path, stamp: (u64, u128), paths: &[PathBuf]) -> std::io::Result<()> {
    let mut out = format!("{MAGIC}\n{}\n{}\n{}\n", stamp.0, stamp.1, paths.len());
    for p in paths {
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
            return Ok(());
        };
        if name.contains('\n') {
            return Ok(());
        }
        out.push_str(name);
        out.push('\n');
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".listing-")
        .tempfile_in(dir)?;
    tmp.write_all(out.as_bytes())?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of articles whose mtime is an hour ago (settled).
    fn folder(names: &[&str]) -> tempfile::TempDir {
        let d = tempfile::tempdir().expect("tempdir");
        for n in names {
            std::fs::write(d.path().join(n), "text").expect("write");
        }
        settle(d.path());
        d
    }

    fn settle(dir: &Path) {
        let f = std::fs::File::open(dir).expect("open folder");
        f.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .expect("set mtime");
    }

    #[test]
    fn an_unchanged_folder_is_read_from_its_listing() {
        let lib = folder(&["b.txt", "a.md", "notes.json"]);
        let cache = tempfile::tempdir().expect("tempdir");
        let first = scan_dir(lib.path(), Some(cache.path()));
        assert_eq!(first, super::super::scan_dir(lib.path()));
        assert_eq!(first.len(), 2);
        let file = file_for(cache.path(), lib.path());
        assert!(file.exists(), "a settled folder's listing is kept");
        // The kept listing is what the next start reads: change it behind the
        // folder's back and the change shows.
        let text = std::fs::read_to_string(&file).expect("listing");
        std::fs::write(&file, text.replace("b.txt", "c.txt")).expect("write");
        let second = scan_dir(lib.path(), Some(cache.path()));
        assert_eq!(
            second,
            vec![lib.path().join("a.md"), lib.path().join("c.txt")]
        );
    }

    #[test]
    fn a_changed_or_busy_folder_is_listed_again() {
        let lib = folder(&["a.txt"]);
        let cache = tempfile::tempdir().expect("tempdir");
        let _ = scan_dir(lib.path(), Some(cache.path()));
        std::fs::write(lib.path().join("b.txt"), "text").expect("write");
        // Just changed: listed afresh, and not kept (it may change again).
        let now = scan_dir(lib.path(), Some(cache.path()));
        assert_eq!(now.len(), 2);
        let file = file_for(cache.path(), lib.path());
        assert!(read(&file, stamp(lib.path()).expect("stamp")).is_none());
        settle(lib.path());
        assert_eq!(scan_dir(lib.path(), Some(cache.path())).len(), 2);
        assert!(read(&file, stamp(lib.path()).expect("stamp")).is_some());
    }

    #[test]
    fn a_corrupt_listing_is_ignored() {
        let lib = folder(&["a.txt", "b.txt"]);
        let cache = tempfile::tempdir().expect("tempdir");
        let _ = scan_dir(lib.path(), Some(cache.path()));
        let file = file_for(cache.path(), lib.path());
        let text = std::fs::read_to_string(&file).expect("listing");
        let cut = text.trim_end().rsplit_once('\n').expect("lines").0;
        std::fs::write(&file, cut).expect("write");
        assert_eq!(
            scan_dir(lib.path(), Some(cache.path())),
            super::super::scan_dir(lib.path())
        );
        std::fs::write(&file, b"\xff\xfe garbage").expect("write");
        assert_eq!(scan_dir(lib.path(), Some(cache.path())).len(), 2);
    }
}
