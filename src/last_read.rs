//! The article last read and where (`last-read.json` in the data folder), so
//! the reader reopens it at that place. Written atomically (a temp file in
//! the same folder, then rename); a damaged file is ignored with a message.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file's name in the data folder.
pub const FILE: &str = "last-read.json";

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct LastRead {
    version: u32,
    path: PathBuf,
    anchor: usize,
}

/// The article and byte offset saved last; `Ok(None)` when there is no file,
/// `Err` (a message for the status line) when it cannot be read or parsed.
///
/// # Errors
/// A one-line reason naming the file.
pub fn load(data: &Path) -> Result<Option<(PathBuf, usize)>, String> {
    let file = data.join(FILE);
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e} (ignored)", file.display())),
    };
    match serde_json::from_slice::<LastRead>(&bytes) {
        Ok(l) if l.version == 1 => Ok(Some((l.path, l.anchor))),
        Ok(l) => Err(format!(
            "{}: unknown version {} (ignored)",
            file.display(),
            l.version
        )),
        Err(e) => Err(format!(
            "{}: damaged, starting at the first article ({e})",
            file.display()
        )),
    }
}

/// Records `path` at byte `anchor` as the article last read.
///
/// # Errors
/// The data folder or the file could not be written.
pub fn save(data: &Path, path: &Path, anchor: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(data)?;
    let value = LastRead {
        version: 1,
        path: path.to_path_buf(),
        anchor,
    };
    crate::atomic_file::write_json(data, ".last-read-", &data.join(FILE), &value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_missing_and_damaged() {
        let d = tempfile::tempdir().expect("tmp");
        assert_eq!(load(d.path()), Ok(None));
        save(d.path(), Path::new("/lib/a.txt"), 1234).expect("save");
        assert_eq!(
            load(d.path()),
            Ok(Some((PathBuf::from("/lib/a.txt"), 1234)))
        );
        save(d.path(), Path::new("/lib/b.txt"), 7).expect("save again");
        assert_eq!(load(d.path()), Ok(Some((PathBuf::from("/lib/b.txt"), 7))));
        let names: Vec<_> = std::fs::read_dir(d.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp file left: {names:?}");
        std::fs::write(d.path().join(FILE), "{\"version\":1,\"pa").expect("write");
        let e = load(d.path()).expect_err("damaged");
        assert!(e.contains("damaged") && e.contains(FILE), "{e}");
        std::fs::write(
            d.path().join(FILE),
            r#"{"version":9,"path":"/a","anchor":1}"#,
        )
        .expect("write");
        assert!(load(d.path()).is_err());
    }
}
