//! Reading article files from disk (the only place that does) and scanning
//! library folders for `.txt`/`.md`/`.pdf` articles.

use crate::document::{self, Document};
use std::path::{Path, PathBuf};

/// Why a file could not be opened as an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist or cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A directory, or a binary file (NUL bytes).
    #[error("{0}: not a text document")]
    NotText(PathBuf),
}

/// Reads and parses an article; binary files and directories are refused.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, a directory, or binary.
pub fn read_document(path: &Path) -> Result<Document, LoadError> {
    let binary = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(document::Format::from_extension)
        .is_some_and(|f| !f.is_text());
    let bytes = if binary {
        read_binary_bytes(path)?
    } else {
        read_text_bytes(path)?
    };
    Ok(document::parse(&bytes, Some(path)))
}

/// Reads a binary document's bytes (a PDF), refusing directories.
///
/// # Errors
/// [`LoadError`] when the file is unreadable or a directory.
pub fn read_binary_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    if path.is_dir() {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a file's bytes, refusing directories and binary content.
///
/// # Errors
/// [`LoadError`] when the file is unreadable, a directory, or binary.
pub fn read_text_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    if path.is_dir() {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.iter().take(1 << 16).any(|&b| b == 0) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    Ok(bytes)
}

/// The bundled seed articles: `<crate>/seeds` as built, else a `seeds`
/// folder beside the executable or one of its ancestors.
#[must_use]
pub fn seeds_dir() -> Option<PathBuf> {
    let built = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    if built.is_dir() {
        return Some(built);
    }
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .map(|a| a.join("seeds"))
        .find(|p| p.is_dir())
}

/// The data directory: `over` if given, else the platform's
/// (`ProjectDirs::from("", "", "ibid")`, e.g. `~/.local/share/ibid`).
#[must_use]
pub fn data_dir(over: Option<&Path>) -> Option<PathBuf> {
    over.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "ibid").map(|p| p.data_dir().to_path_buf())
    })
}

/// `<data>/library`, created if missing.
///
/// # Errors
/// The folder could not be created.
pub fn library_dir(data: &Path) -> std::io::Result<PathBuf> {
    let dir = data.join("library");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Expands files and folders into article files: a folder gives its
/// `.txt`/`.md` files sorted by name; a file is kept as given (even if it
/// turns out unreadable, so the list can say why).
#[must_use]
pub fn scan(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| {
                    // The directory listing says what each entry is: no stat
                    // per file, except to follow symbolic links.
                    e.file_type()
                        .is_ok_and(|t| t.is_file() || (t.is_symlink() && e.path().is_file()))
                })
                .map(|e| e.path())
                .filter(|f| crate::document::Format::is_readable_path(f))
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p.clone());
        }
    }
    out
}

const POSITIONS_FILE: &str = "positions.json";

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Positions {
    version: u32,
    positions: std::collections::BTreeMap<PathBuf, usize>,
}

/// Reading positions saved by [`save_positions`] (empty when missing or unreadable).
#[must_use]
pub fn load_positions(data: &Path) -> std::collections::HashMap<PathBuf, usize> {
    std::fs::read(data.join(POSITIONS_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<Positions>(&b).ok())
        .map(|p| p.positions.into_iter().collect())
        .unwrap_or_default()
}

/// Merges `positions` (file → byte offset of the top line) into the state
/// file, written atomically (temp file in the same folder, then rename).
///
/// # Errors
/// The data folder or the file could not be written.
pub fn save_positions(data: &Path, positions: &[(PathBuf, usize)]) -> std::io::Result<()> {
    std::fs::create_dir_all(data)?;
    let mut all = Positions {
        version: 1,
        positions: load_positions(data).into_iter().collect(),
    };
    for (p, a) in positions {
        all.positions.insert(p.clone(), *a);
    }
    let json = serde_json::to_vec_pretty(&all).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::NamedTempFile::new_in(data)?;
    std::io::Write::write_all(&mut tmp, &json)?;
    tmp.persist(data.join(POSITIONS_FILE))
        .map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_and_merge() {
        let dir = tempfile::tempdir().expect("tmp");
        save_positions(dir.path(), &[(PathBuf::from("/a.txt"), 10)]).expect("save");
        save_positions(dir.path(), &[(PathBuf::from("/b.txt"), 20)]).expect("save");
        let p = load_positions(dir.path());
        assert_eq!(p.get(Path::new("/a.txt")), Some(&10));
        assert_eq!(p.get(Path::new("/b.txt")), Some(&20));
    }

    #[test]
    fn scan_finds_txt_md_and_pdf() {
        let dir = tempfile::tempdir().expect("tmp");
        for n in ["b.md", "a.txt", "c.pdf", "d.png"] {
            std::fs::write(dir.path().join(n), "x").expect("write");
        }
        let v = scan(&[dir.path().to_path_buf()]);
        let names: Vec<_> = v.iter().filter_map(|p| p.file_name()?.to_str()).collect();
        assert_eq!(names, ["a.txt", "b.md", "c.pdf"]);
    }
}
