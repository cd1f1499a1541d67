//! Replacing a small data file atomically: the new bytes go to a temp file
//! in the same folder, are synced, and the temp file is renamed over the
//! target, so a crash leaves the old file or the new one, never half of one.

use std::io::Write as _;
use std::path::Path;

/// Writes `value` as pretty JSON to `target` through a temp file named
/// `prefix…` in `dir` (which must be on the same file system as `target`).
///
/// # Errors
/// The value could not be serialised, or the folder or file could not be
/// written or renamed.
pub fn write_json(
    dir: &Path,
    prefix: &str,
    target: &Path,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(value).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(&json)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_the_file_and_leaves_no_temp_file() {
        let d = tempfile::tempdir().expect("tmp");
        let target = d.path().join("x.json");
        super::write_json(d.path(), ".x-", &target, &vec![1, 2]).expect("first");
        super::write_json(d.path(), ".x-", &target, &vec![3]).expect("second");
        let text = std::fs::read_to_string(&target).expect("read");
        assert_eq!(serde_json::from_str::<Vec<u32>>(&text).expect("json"), [3]);
        assert_eq!(std::fs::read_dir(d.path()).expect("dir").count(), 1);
    }
}
