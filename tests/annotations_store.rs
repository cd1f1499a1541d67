//! Integration tests for `annotations::store`: round trip, two processes writing
//! at once, corrupt and newer-version files, a read-only folder, moved articles.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use ibid::annotations::{Anchor, Annotation, ArticleKey, Op, Store, StoreError};

const TEXT: &str = "A first sentence. The annotated passage is right here. A last one.";

fn note(text: &str, body: &str) -> Annotation {
    let s = text.find("annotated").unwrap_or(0);
    Annotation::new(Anchor::new(text, s..s + 9), body, SystemTime::now())
}

fn article(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("write article");
    path
}

#[test]
fn round_trip_and_merge_semantics() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::open(tmp.path().join("annotations")).expect("open");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    let a = note(TEXT, "first #one");
    let b = note(TEXT, "second");
    let saved = store
        .apply(&key, &[Op::Upsert(a.clone()), Op::Upsert(b.clone())])
        .expect("apply");
    assert_eq!(saved.annotations, vec![a.clone(), b.clone()]);

    let reopened = Store::open(tmp.path().join("annotations")).expect("reopen");
    let loaded = reopened.load(&key).expect("load");
    assert_eq!(loaded.annotations, vec![a.clone(), b.clone()]);
    assert!(loaded.warnings.is_empty());
    assert_eq!(
        loaded.stored_fingerprint.as_deref(),
        Some(key.fingerprint.as_str())
    );

    // Human-readable file with the documented layout.
    let file = store.file_for(&key.path);
    let raw = fs::read_to_string(&file).expect("store file");
    assert!(raw.contains("\n  \"version\": 1,"), "{raw}");
    let json: serde_json::Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(json["path"], key.path.to_string_lossy().as_ref());
    assert_eq!(json["fingerprint"], key.fingerprint);
    assert_eq!(json["annotations"][0]["note"], "first #one");
    assert_eq!(json["annotations"][0]["tags"][0], "one");

    // Upsert replaces, a stale copy does not, delete removes.
    let mut edited = a.clone();
    edited.note = "edited".into();
    edited.modified = "2999-01-01T00:00:00Z".into();
    let mut stale = a.clone();
    stale.note = "stale".into();
    stale.modified = "2000-01-01T00:00:00Z".into();
    let after = store
        .apply(
            &key,
            &[
                Op::Upsert(edited.clone()),
                Op::Upsert(stale),
                Op::Delete(b.id.clone()),
            ],
        )
        .expect("apply");
    assert_eq!(after.annotations, vec![edited.clone()]);
    assert_eq!(store.load(&key).expect("load").annotations, vec![edited]);

    // A changed article keeps its annotations and reports the old fingerprint.
    let changed = ArticleKey::new(key.path.clone(), "A changed text");
    let loaded = store.load(&changed).expect("load");
    assert_eq!(loaded.annotations.len(), 1);
    assert_eq!(
        loaded.stored_fingerprint.as_deref(),
        Some(key.fingerprint.as_str())
    );

    let listing = store.all().expect("all");
    assert_eq!(listing.articles.len(), 1);
    assert_eq!(listing.articles[0].path, key.path);
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    const PER_CHILD: usize = 25;
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("annotations");
    let article = article(tmp.path(), "shared.md", TEXT);
    let go = tmp.path().join("go");
    let exe = std::env::current_exe().expect("current_exe");
    let children: Vec<_> = ["left", "right"]
        .iter()
        .map(|tag| {
            let params = [root.to_str(), article.to_str(), go.to_str()]
                .map(|p| p.expect("temp paths are UTF-8"))
                .join("\n");
            Command::new(&exe)
                .args([
                    "--exact",
                    "concurrent_writer_child",
                    "--nocapture",
                    "--ignored",
                ])
                .env("IBID_STORE_CHILD", format!("{params}\n{tag}\n{PER_CHILD}"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn child")
        })
        .collect();
    fs::write(&go, "").expect("start signal");
    for mut child in children {
        assert!(child.wait().expect("wait").success(), "child failed");
    }
    let store = Store::open(&root).expect("open");
    let loaded = store.load(&ArticleKey::new(&article, TEXT)).expect("load");
    let mut notes: Vec<String> = loaded.annotations.iter().map(|a| a.note.clone()).collect();
    notes.sort();
    let mut expected: Vec<String> = ["left", "right"]
        .iter()
        .flat_map(|tag| (0..PER_CHILD).map(move |i| format!("{tag} {i}")))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
}

/// Child half of `two_processes_writing_at_once_lose_nothing`; idle unless
/// `IBID_STORE_CHILD` carries "root\narticle\ngo-file\ntag\ncount".
#[test]
#[ignore = "run as a child process by two_processes_writing_at_once_lose_nothing"]
fn concurrent_writer_child() {
    let Ok(params) = std::env::var("IBID_STORE_CHILD") else {
        return;
    };
    let p: Vec<&str> = params.lines().collect();
    let (root, article, go, tag) = (p[0], p[1], Path::new(p[2]), p[3]);
    let count: usize = p[4].parse().expect("count");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !go.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    let store = Store::open(root).expect("open");
    let key = ArticleKey::new(article, TEXT);
    for i in 0..count {
        let a = note(TEXT, &format!("{tag} {i}"));
        let merged = store.apply(&key, &[Op::Upsert(a.clone())]).expect("apply");
        assert!(merged.annotations.contains(&a));
    }
}

#[test]
fn corrupt_file_is_moved_aside_and_never_overwritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::open(tmp.path()).expect("open");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    store
        .apply(&key, &[Op::Upsert(note(TEXT, "x"))])
        .expect("apply");
    let file = store.file_for(&key.path);
    let garbage = b"{\"version\": 1, \"annotations\": [ truncated";
    fs::write(&file, garbage).expect("corrupt it");

    // Listing reports it but leaves it in place.
    let listing = store.all().expect("all");
    assert!(listing.articles.is_empty());
    assert!(
        listing.warnings[0].contains("is corrupt"),
        "{:?}",
        listing.warnings
    );
    assert_eq!(fs::read(&file).expect("still there"), garbage);

    let loaded = store.load(&key).expect("load continues");
    assert!(loaded.annotations.is_empty());
    assert_eq!(loaded.warnings.len(), 1);
    let asides = corrupt_files(tmp.path());
    assert_eq!(asides.len(), 1);
    let expected_start = format!("annotations file {} was corrupt (", file.display());
    let expected_end = format!("); moved to {}", asides[0].display());
    let warning = &loaded.warnings[0];
    assert!(
        warning.starts_with(&expected_start) && warning.ends_with(&expected_end),
        "{warning}"
    );
    assert_eq!(fs::read(&asides[0]).expect("aside"), garbage);

    // New saves go to a fresh file; the corrupt copy stays untouched, even
    // when a second corruption is moved aside within the same second.
    let fresh = note(TEXT, "after");
    store
        .apply(&key, &[Op::Upsert(fresh.clone())])
        .expect("apply");
    assert_eq!(store.load(&key).expect("load").annotations, vec![fresh]);
    fs::write(&file, b"also garbage").expect("corrupt again");
    let err_free = store
        .apply(&key, &[Op::Upsert(note(TEXT, "third"))])
        .expect("apply");
    assert_eq!(err_free.warnings.len(), 1);
    let asides = corrupt_files(tmp.path());
    assert_eq!(asides.len(), 2);
    let contents: Vec<Vec<u8>> = asides.iter().map(|p| fs::read(p).expect("aside")).collect();
    assert!(contents.contains(&garbage.to_vec()) && contents.contains(&b"also garbage".to_vec()));
}

fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    found.sort();
    found
}

#[test]
fn newer_format_version_is_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::open(tmp.path()).expect("open");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    let file = store.file_for(&key.path);
    let future = br#"{"version": 2, "something": "new"}"#;
    fs::write(&file, future).expect("write");
    let err = store.load(&key).expect_err("newer version");
    assert!(matches!(err, StoreError::NewerVersion { version: 2, .. }));
    assert!(err.to_string().contains("written by a newer ibid"), "{err}");
    let err = store
        .apply(&key, &[Op::Upsert(note(TEXT, "x"))])
        .expect_err("newer");
    assert!(matches!(err, StoreError::NewerVersion { .. }));
    assert_eq!(fs::read(&file).expect("untouched"), future);
}

/// A folder made read-only for the duration of a test; restored on drop,
/// even when the test panics.
#[cfg(unix)]
struct ReadOnly {
    dir: std::path::PathBuf,
    immutable: bool,
    /// What the OS says when writing there.
    reason: &'static str,
}

#[cfg(unix)]
impl ReadOnly {
    fn make(dir: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        let writable = |d: &Path| {
            let probe = d.join("probe");
            let ok = fs::write(&probe, "").is_ok();
            let _ = fs::remove_file(&probe);
            ok
        };
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).ok()?;
        if !writable(dir) {
            return Some(Self {
                dir: dir.to_path_buf(),
                immutable: false,
                reason: "Permission denied",
            });
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).ok()?;
        let chattr = |flag: &str| {
            std::process::Command::new("chattr")
                .arg(flag)
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success())
        };
        if chattr("+i") && !writable(dir) {
            return Some(Self {
                dir: dir.to_path_buf(),
                immutable: true,
                reason: "Operation not permitted",
            });
        }
        chattr("-i");
        None
    }
}

#[cfg(unix)]
impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.dir)
                .status();
        } else {
            let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
        }
    }
}

#[cfg(unix)]
#[test]
fn read_only_folder_reports_error_and_keeps_old_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("annotations");
    let store = Store::open(&root).expect("open");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    let first = note(TEXT, "kept");
    store
        .apply(&key, &[Op::Upsert(first.clone())])
        .expect("apply");
    let file = store.file_for(&key.path);
    let before = fs::read(&file).expect("file");

    // Make the folder read-only: chmod for ordinary users; as root (CI),
    // chmod restricts nothing, so the immutable attribute is used instead.
    let Some(guard) = ReadOnly::make(&root) else {
        println!("note: skipping read-only check; cannot make a folder read-only here");
        return;
    };
    let result = store.apply(&key, &[Op::Upsert(note(TEXT, "lost?"))]);
    let loaded = store.load(&key);
    let reason = guard.reason;
    drop(guard);

    let err = result.expect_err("read-only folder");
    let message = err.to_string();
    assert_eq!(
        message,
        format!("cannot save annotations: {}: {reason}", file.display())
    );
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::PermissionDenied));
    assert_eq!(fs::read(&file).expect("file"), before);
    assert_eq!(loaded.expect("load still works").annotations, vec![first]);
}

#[test]
fn moved_article_is_found_by_fingerprint_and_adopted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::open(tmp.path().join("annotations")).expect("open");
    let old_path = article(tmp.path(), "old-name.md", TEXT);
    let old_key = ArticleKey::new(&old_path, TEXT);
    let a = note(TEXT, "follows the file");
    store
        .apply(&old_key, &[Op::Upsert(a.clone())])
        .expect("apply");

    // Unrelated article: not adopted.
    let other = ArticleKey::new(
        article(tmp.path(), "other.md", "Other text."),
        "Other text.",
    );
    assert!(store.load(&other).expect("load").annotations.is_empty());

    let new_path = tmp.path().join("new-name.md");
    fs::rename(&old_path, &new_path).expect("rename article");
    let new_key = ArticleKey::new(&new_path, TEXT);
    let loaded = store.load(&new_key).expect("load");
    assert_eq!(loaded.annotations, vec![a.clone()]);
    assert_eq!(loaded.adopted_from.as_deref(), Some(old_path.as_path()));
    assert!(
        !store.file_for(&old_path).exists(),
        "old file should be gone"
    );
    let listing = store.all().expect("all");
    assert_eq!(listing.articles.len(), 1);
    assert_eq!(listing.articles[0].path, new_path);

    // A copy (the original still exists) gets the annotations too; both keep them.
    let copy_path = article(tmp.path(), "copy.md", TEXT);
    let copied = store
        .load(&ArticleKey::new(&copy_path, TEXT))
        .expect("load");
    assert_eq!(copied.annotations, vec![a.clone()]);
    assert_eq!(copied.adopted_from.as_deref(), Some(new_path.as_path()));
    assert_eq!(store.load(&new_key).expect("load").annotations, vec![a]);
    assert_eq!(store.all().expect("all").articles.len(), 2);
}
