//! Where ibid keeps its files: the data directory (annotations, library,
//! reading positions), overridable by `--data-dir` / `IBID_DATA_DIR`.

use std::path::PathBuf;

/// The data directory: the override if given, else the platform's
/// (`~/.local/share/ibid` on Linux), else `./.ibid`.
#[must_use]
pub fn data_dir(override_dir: Option<PathBuf>) -> PathBuf {
    override_dir
        .or_else(|| {
            directories::ProjectDirs::from("", "", "ibid").map(|d| d.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from(".ibid"))
}

/// The annotations store under a data directory.
#[must_use]
pub fn annotations_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("annotations")
}
