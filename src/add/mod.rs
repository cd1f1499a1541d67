//! `ibid add PATH|URL|FOLDER…`: brings articles into the library folder.
//! A file is copied byte for byte; a URL is fetched and stored as the page
//! was sent, marked with its source address (a `saved from url=` comment,
//! as browsers write) and, when the server alone named it, its charset.
//! Each added file gets a sidecar, `<library>/.ibid/<name>.json`, with its
//! origin, retrieval date and text fingerprint, which is how duplicates
//! (same URL, same text) are recognised. Shell module: does file and
//! network I/O.

pub mod fetch;
mod sidecar;

use crate::document::{self, Format};
use sidecar::Sidecar;
use std::path::{Path, PathBuf};

/// What `add` reports for each input.
#[derive(Debug)]
pub enum Event {
    /// An article was added.
    Added {
        /// Where it now lives.
        path: PathBuf,
        /// Its title.
        title: String,
        /// Its number of notes.
        notes: usize,
        /// Its format name.
        format: &'static str,
    },
    /// Already in the library: not added again.
    Duplicate(String),
    /// Could not be added.
    Failed(String),
    /// `[n/total] name`, for folders with many files.
    Progress(String),
}

/// Adds every input (paths, folders or http(s) URLs) to `library`.
pub fn add(inputs: &[String], library: &Path, report: &mut dyn FnMut(Event)) {
    for input in inputs {
        if input.starts_with("http://") || input.starts_with("https://") {
            report(add_url(input, library));
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            let files = crate::library::scan(&[path.to_path_buf()]);
            if files.is_empty() {
                report(Event::Failed(format!(
                    "{input}: no file ibid reads in this folder"
                )));
            }
            let total = files.len();
            for (i, f) in files.iter().enumerate() {
                if total > 5 {
                    report(Event::Progress(format!("[{}/{total}] {}", i + 1, shown(f))));
                }
                report(add_file(f, library));
            }
        } else {
            report(add_file(path, library));
        }
    }
}

fn shown(p: &Path) -> String {
    document::sanitize(&p.display().to_string())
}

/// Copies one file into the library.
fn add_file(path: &Path, library: &Path) -> Event {
    if !Format::is_readable_path(path) {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("no extension");
        return Event::Failed(format!(
            "{}: not a format ibid reads (.{ext}); it reads .txt, .md, .html, .xhtml and .epub",
            shown(path)
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Event::Failed(format!("{}: {e}", shown(path))),
    };
    let name = path
        .file_name()
        .map_or_else(|| "article".into(), |n| n.to_string_lossy().into_owned());
    let source = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    store(
        library,
        &shown(path),
        &name,
        &bytes,
        Sidecar::for_file(&source),
    )
}

/// Fetches one URL into the library.
fn add_url(url: &str, library: &Path) -> Event {
    let clean = document::sanitize(url);
    if let Some((file, day)) = sidecar::find(library, |s| {
        s.url.as_deref() == Some(clean.as_str()) || s.final_url.as_deref() == Some(clean.as_str())
    }) {
        return Event::Duplicate(format!(
            "{clean}: already in the library as {file} (added {day}); not added again"
        ));
    }
    let f = match fetch::fetch(url) {
        Ok(f) => f,
        Err(e) => return Event::Failed(e),
    };
    let ext = match f.media.as_str() {
        "text/html" | "application/xhtml+xml" | "" => "html",
        "application/epub+zip" => "epub",
        "text/plain" => "txt",
        "text/markdown" | "text/x-markdown" => "md",
        m => {
            return Event::Failed(format!(
                "{clean}: {}; ibid imports web pages, EPUB, text and Markdown",
                fetch::describe(m)
            ));
        }
    };
    let bytes = if ext == "html" {
        mark_page(&f)
    } else {
        f.bytes.clone()
    };
    let doc = document::parse(&bytes, Some(Path::new(&format!("page.{ext}"))));
    let stem = slug(&doc.meta.title)
        .unwrap_or_else(|| slug(&f.final_url).unwrap_or_else(|| "page".into()));
    let side = Sidecar::for_url(&f);
    store(library, &clean, &format!("{stem}.{ext}"), &bytes, side)
}

/// The page with its source address (and a charset only the server named)
/// written at the top, so it reads the same offline.
fn mark_page(f: &fetch::Fetched) -> Vec<u8> {
    let url = document::sanitize(&f.final_url).replace("--", "%2D%2D");
    let mut head = format!("<!-- saved from url=({:04}){url} -->\n", url.len());
    if let Some(cs) = &f.charset
        && document::readers::html::decode::declared(&f.bytes).is_none()
        && encoding_rs::Encoding::for_label(cs.as_bytes()).is_some()
    {
        head.push_str(&format!("<meta charset=\"{cs}\">\n"));
    }
    let b = &f.bytes;
    let lower: Vec<u8> = b.iter().take(64).map(u8::to_ascii_lowercase).collect();
    let at = if lower.starts_with(b"<!doctype") {
        b.iter().position(|&c| c == b'>').map_or(0, |i| i + 1)
    } else {
        0
    };
    let mut out = Vec::with_capacity(b.len() + head.len() + 1);
    out.extend_from_slice(&b[..at]);
    if at > 0 {
        out.push(b'\n');
    }
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(&b[at..]);
    out
}

/// Writes `bytes` as `name` in the library (a free name if taken by other
/// content) with its sidecar, and reports the article.
fn store(library: &Path, input: &str, name: &str, bytes: &[u8], mut side: Sidecar) -> Event {
    let doc = document::parse(bytes, Some(Path::new(name)));
    side.text_hash = sidecar::fingerprint(doc.text.as_bytes());
    if !doc.text.trim().is_empty()
        && let Some((file, day)) = sidecar::find(library, |s| s.text_hash == side.text_hash)
    {
        return Event::Duplicate(format!(
            "{input}: already in the library as {file} (added {day}, same text); not added again"
        ));
    }
    if let Err(e) = std::fs::create_dir_all(library) {
        return Event::Failed(format!("{}: {e}", shown(library)));
    }
    let target = free_name(library, name, bytes);
    let r = std::fs::write(&target, bytes).and_then(|()| sidecar::write(library, &target, &side));
    if let Err(e) = r {
        return Event::Failed(format!("{}: {e}", shown(&target)));
    }
    Event::Added {
        path: target,
        title: doc.meta.title.clone(),
        notes: doc.notes.len(),
        format: Format::ALL
            .iter()
            .find(|f| f.name() == doc.meta.format)
            .map_or("plain", |f| f.name()),
    }
}

/// `name`, or `name (2).ext`… when a different file already has it.
fn free_name(library: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = Path::new(name);
    let stem = p
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    let ext = p.extension().map(|e| e.to_string_lossy().into_owned());
    let mut k = 1;
    loop {
        let n = match (k, &ext) {
            (1, _) => name.to_string(),
            (_, Some(e)) => format!("{stem} ({k}).{e}"),
            (_, None) => format!("{stem} ({k})"),
        };
        let t = library.join(n);
        if !t.exists() || std::fs::read(&t).is_ok_and(|b| b == bytes) {
            return t;
        }
        k += 1;
    }
}

/// A file name from a title or address: letters, digits and dashes.
fn slug(s: &str) -> Option<String> {
    let s = s.split_once("://").map_or(s, |(_, r)| r);
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    (!out.is_empty() && out != "untitled").then_some(out)
}
