//! Integration tests for `annotations::store` (format 2): round trip and
//! tombstones, two processes writing at once, a stale edit in another
//! process, corrupt and newer-version parts, a read-only folder, moved articles.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use ibid::annotations::{Anchor, Annotation, ArticleKey, Local, Op, Store, StoreError};

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

/// A store under `dir/annotations` as device `device` (lock in `dir/state-<device>`).
fn store(dir: &Path, device: &str) -> Store {
    let local = Local::with_device(dir.join(format!("state-{device}")), device);
    Store::open_as(dir.join("annotations"), local).expect("open")
}

fn notes_of(loaded: &[Annotation]) -> Vec<String> {
    let mut v: Vec<String> = loaded.iter().map(|a| a.note.clone()).collect();
    v.sort();
    v
}

#[test]
fn round_trip_tombstones_and_layout() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = store(tmp.path(), "laptop");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    let a = note(TEXT, "first #one");
    let b = note(TEXT, "second");
    let saved = store
        .apply(&key, &[Op::Upsert(a.clone()), Op::Upsert(b.clone())])
        .expect("apply");
    assert_eq!(notes_of(&saved.annotations), ["first #one", "second"]);
    assert!(
        saved
            .annotations
            .iter()
            .all(|x| x.rev == 1 && x.device == "laptop")
    );
    let reopened = self::store(tmp.path(), "laptop");
    let loaded = reopened.load(&key).expect("load");
    assert_eq!(loaded.annotations, saved.annotations);
    assert!(loaded.warnings.is_empty());
    assert_eq!(
        loaded.stored_fingerprint.as_deref(),
        Some(key.fingerprint.as_str())
    );

    // Human-readable part file with the documented layout; no lock files in
    // the store folder.
    let file = store.dir_for(&key).join("laptop.json");
    let raw = fs::read_to_string(&file).expect("part file");
    assert!(raw.contains("\n  \"version\": 2,"), "{raw}");
    let json: serde_json::Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(json["path"], key.path.to_string_lossy().as_ref());
    assert_eq!(json["device"], "laptop");
    assert_eq!(json["fingerprint"], key.fingerprint);
    let locks = walk(&tmp.path().join("annotations"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".lock"))
        .count();
    assert_eq!(locks, 0);

    // Editing bumps the revision; deleting leaves a tombstone that a stale
    // copy cannot undo.
    let mut edited = saved
        .annotations
        .iter()
        .find(|x| x.id == a.id)
        .cloned()
        .expect("a");
    edited.edit("edited", SystemTime::now());
    let b_saved = saved
        .annotations
        .iter()
        .find(|x| x.id == b.id)
        .cloned()
        .expect("b");
    let after = store
        .apply(
            &key,
            &[
                Op::Upsert(edited),
                Op::Delete {
                    id: b.id.clone(),
                    base: b_saved.clock.clone(),
                },
            ],
        )
        .expect("apply");
    assert_eq!(notes_of(&after.annotations), ["edited"]);
    assert_eq!(after.annotations[0].rev, 2);
    let raw = fs::read_to_string(&file).expect("part file");
    assert!(raw.contains("\"deleted\": true"), "{raw}");
    // (Another process: this one's own delete could be undone with `u`.)
    let undeleted = self::store(tmp.path(), "laptop")
        .apply(&key, &[Op::Upsert(b.clone())])
        .expect("stale upsert");
    assert!(
        !undeleted.annotations.iter().any(|x| x.id == b.id),
        "never resurrected"
    );
    assert!(
        undeleted.warnings[0].starts_with("deleted elsewhere"),
        "{:?}",
        undeleted.warnings
    );

    // A changed article keeps its annotations and reports the old fingerprint.
    let changed = ArticleKey::new(key.path.clone(), "A changed text");
    let loaded = store.load(&changed).expect("load");
    assert_eq!(
        loaded.annotations.len(),
        after.annotations.len() + undeleted.annotations.len() - 1
    );
    assert_eq!(
        loaded.stored_fingerprint.as_deref(),
        Some(key.fingerprint.as_str())
    );

    let listing = store.all().expect("all");
    assert_eq!(listing.articles.len(), 1);
    assert_eq!(listing.articles[0].path, key.path);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// Runs this test binary's `child` test with `IBID_STORE_CHILD` = `params`.
fn child(params: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("current_exe"));
    cmd.args(["--exact", "store_child", "--nocapture", "--ignored"])
        .env("IBID_STORE_CHILD", params.join("\n"))
        .stdout(std::process::Stdio::piped());
    cmd
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    const PER_CHILD: usize = 25;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_str().expect("utf-8");
    let article = article(tmp.path(), "shared.md", TEXT);
    let go = tmp.path().join("go");
    let count = PER_CHILD.to_string();
    let children: Vec<_> = ["left", "right"]
        .iter()
        .map(|tag| {
            child(&[
                "write",
                dir,
                article.to_str().expect("utf-8"),
                go.to_str().expect("utf-8"),
                tag,
                &count,
            ])
            .spawn()
            .expect("spawn child")
        })
        .collect();
    fs::write(&go, "").expect("start signal");
    for mut child in children {
        assert!(child.wait().expect("wait").success(), "child failed");
    }
    let loaded = store(tmp.path(), "laptop")
        .load(&ArticleKey::new(&article, TEXT))
        .expect("load");
    let mut expected: Vec<String> = ["left", "right"]
        .iter()
        .flat_map(|tag| (0..PER_CHILD).map(move |i| format!("{tag} {i}")))
        .collect();
    expected.sort();
    assert_eq!(notes_of(&loaded.annotations), expected);
}

/// Two processes on one machine: one deletes (or edits) an annotation while
/// the other still shows the old version; the other's stale edit then never
/// resurrects the deleted annotation silently nor replaces the newer edit.
#[test]
fn stale_edit_in_another_process_keeps_both_or_stays_deleted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_str().expect("utf-8");
    let path = article(tmp.path(), "a.md", TEXT);
    let key = ArticleKey::new(&path, TEXT);
    let store = store(tmp.path(), "laptop");
    let saved = store
        .apply(
            &key,
            &[
                Op::Upsert(note(TEXT, "to delete")),
                Op::Upsert(note(TEXT, "to edit")),
            ],
        )
        .expect("apply");
    let shown = |n: &str| {
        saved
            .annotations
            .iter()
            .find(|a| a.note == n)
            .cloned()
            .expect("shown")
    };
    let (gone, edited) = (shown("to delete"), shown("to edit"));
    for (op, id) in [("delete", &gone.id), ("edit", &edited.id)] {
        let out = child(&[op, dir, path.to_str().expect("utf-8"), id])
            .output()
            .expect("child");
        assert!(out.status.success(), "{out:?}");
    }
    // This process still has the old versions and edits both.
    let mut a = gone.clone();
    a.edit("my edit of a deleted note", SystemTime::now());
    let mut b = edited.clone();
    b.edit("my stale edit", SystemTime::now());
    let result = store
        .apply(&key, &[Op::Upsert(a), Op::Upsert(b)])
        .expect("apply");
    let notes = notes_of(&result.annotations);
    assert!(
        !result.annotations.iter().any(|x| x.id == gone.id),
        "{notes:?}"
    );
    assert!(
        notes.contains(&"edited in the other process".to_string()),
        "{notes:?}"
    );
    assert!(notes.contains(&"my stale edit".to_string()), "{notes:?}");
    assert!(
        notes.contains(&"my edit of a deleted note".to_string()),
        "{notes:?}"
    );
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w == "edited elsewhere: both versions kept"),
        "{:?}",
        result.warnings
    );
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w.starts_with("deleted elsewhere")),
        "{:?}",
        result.warnings
    );
    // A stale delete of the newer edit does not remove it either.
    let r = store
        .apply(
            &key,
            &[Op::Delete {
                id: edited.id.clone(),
                base: edited.clock.clone(),
            }],
        )
        .expect("apply");
    assert!(
        r.annotations
            .iter()
            .any(|x| x.note == "edited in the other process")
    );
    assert!(!r.warnings.is_empty());
}

/// Child half of the multi-process tests; idle unless `IBID_STORE_CHILD` is set.
#[test]
#[ignore = "run as a child process by the multi-process tests"]
fn store_child() {
    let Ok(params) = std::env::var("IBID_STORE_CHILD") else {
        return;
    };
    let p: Vec<&str> = params.lines().collect();
    let store = store(Path::new(p[1]), "laptop");
    let key = ArticleKey::new(p[2], TEXT);
    match p[0] {
        "write" => {
            let (go, tag) = (Path::new(p[3]), p[4]);
            let count: usize = p[5].parse().expect("count");
            let deadline = Instant::now() + Duration::from_secs(20);
            while !go.exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
            for i in 0..count {
                let a = note(TEXT, &format!("{tag} {i}"));
                let merged = store.apply(&key, &[Op::Upsert(a.clone())]).expect("apply");
                assert!(merged.annotations.iter().any(|x| x.id == a.id));
            }
        }
        op => {
            let current = store.load(&key).expect("load");
            let a = current
                .annotations
                .iter()
                .find(|a| a.id == p[3])
                .cloned()
                .expect("present");
            let change = if op == "delete" {
                Op::Delete {
                    id: a.id.clone(),
                    base: a.clock.clone(),
                }
            } else {
                let mut a = a;
                a.edit("edited in the other process", SystemTime::now());
                Op::Upsert(a)
            };
            store.apply(&key, &[change]).expect("apply");
        }
    }
}

#[test]
fn corrupt_part_is_skipped_then_moved_aside_never_overwritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = store(tmp.path(), "laptop");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    store
        .apply(&key, &[Op::Upsert(note(TEXT, "x"))])
        .expect("apply");
    let file = store.dir_for(&key).join("laptop.json");
    let garbage = b"{\"version\": 2, \"annotations\": [ truncated";
    fs::write(&file, garbage).expect("corrupt it");

    // Reading reports it and leaves it in place.
    let listing = store.all().expect("all");
    assert!(
        listing.warnings[0].contains("is corrupt"),
        "{:?}",
        listing.warnings
    );
    let loaded = store.load(&key).expect("load continues");
    assert!(loaded.annotations.is_empty());
    assert!(
        loaded.warnings[0]
            .starts_with(&format!("annotations file {} is corrupt (", file.display()))
    );
    assert_eq!(fs::read(&file).expect("still there"), garbage);

    // The next save moves it aside first.
    let fresh = note(TEXT, "after");
    store
        .apply(&key, &[Op::Upsert(fresh.clone())])
        .expect("apply");
    assert_eq!(
        notes_of(&store.load(&key).expect("load").annotations),
        ["after"]
    );
    let asides: Vec<PathBuf> = walk(tmp.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(asides.len(), 1);
    assert_eq!(fs::read(&asides[0]).expect("aside"), garbage);
}

#[test]
fn newer_format_parts_are_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = store(tmp.path(), "laptop");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    store
        .apply(&key, &[Op::Upsert(note(TEXT, "mine"))])
        .expect("apply");
    let dir = store.dir_for(&key);
    let future = br#"{"version": 99, "something": "new"}"#;
    fs::write(dir.join("desktop.json"), future).expect("write");
    let loaded = store.load(&key).expect("load");
    assert_eq!(notes_of(&loaded.annotations), ["mine"]);
    assert!(
        loaded.warnings[0].contains("written by a newer ibid"),
        "{:?}",
        loaded.warnings
    );
    store
        .apply(&key, &[Op::Upsert(note(TEXT, "more"))])
        .expect("apply");
    assert_eq!(
        fs::read(dir.join("desktop.json")).expect("untouched"),
        future
    );
    fs::write(dir.join("laptop.json"), future).expect("write");
    let err = store
        .apply(&key, &[Op::Upsert(note(TEXT, "x"))])
        .expect_err("own part is newer");
    assert!(
        matches!(err, StoreError::NewerVersion { version: 99, .. }),
        "{err}"
    );
    assert_eq!(
        fs::read(dir.join("laptop.json")).expect("untouched"),
        future
    );
}

#[cfg(unix)]
#[test]
fn read_only_folder_reports_error_and_keeps_old_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = store(tmp.path(), "laptop");
    let key = ArticleKey::new(article(tmp.path(), "a.md", TEXT), TEXT);
    store
        .apply(&key, &[Op::Upsert(note(TEXT, "kept"))])
        .expect("apply");
    let dir = store.dir_for(&key);
    let file = dir.join("laptop.json");
    let before = fs::read(&file).expect("file");

    let Some(guard) = ReadOnly::make(&dir) else {
        println!("note: skipping read-only check; cannot make a folder read-only here");
        return;
    };
    let result = store.apply(&key, &[Op::Upsert(note(TEXT, "lost?"))]);
    let loaded = store.load(&key);
    let reason = guard.reason;
    drop(guard);

    let err = result.expect_err("read-only folder");
    assert_eq!(
        err.to_string(),
        format!("cannot save annotations: {}: {reason}", file.display())
    );
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::PermissionDenied));
    assert_eq!(fs::read(&file).expect("file"), before);
    assert_eq!(
        notes_of(&loaded.expect("load still works").annotations),
        ["kept"]
    );
    let temps = walk(&tmp.path().join("annotations"))
        .into_iter()
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temps, 0, "a failed save leaves no temp file");
}

#[test]
fn moved_article_is_found_by_its_text_without_writing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = store(tmp.path(), "laptop");
    let old_path = article(tmp.path(), "old-name.md", TEXT);
    let a = note(TEXT, "follows the file");
    store
        .apply(&ArticleKey::new(&old_path, TEXT), &[Op::Upsert(a.clone())])
        .expect("apply");

    // Unrelated article: nothing.
    let other = ArticleKey::new(
        article(tmp.path(), "other.md", "Other text."),
        "Other text.",
    );
    assert!(store.load(&other).expect("load").annotations.is_empty());

    let before = walk(tmp.path());
    let new_path = tmp.path().join("new-name.md");
    fs::rename(&old_path, &new_path).expect("rename article");
    let new_key = ArticleKey::new(&new_path, TEXT);
    let loaded = store.load(&new_key).expect("load");
    assert_eq!(notes_of(&loaded.annotations), ["follows the file"]);
    assert_eq!(loaded.adopted_from.as_deref(), Some(old_path.as_path()));
    let mut after = walk(tmp.path());
    after.retain(|p| *p != new_path);
    let mut expected = before;
    expected.retain(|p| *p != old_path);
    assert_eq!(after, expected, "reading never writes");
    // Saving under the new path records it; the listing shows the new path.
    store
        .apply(&new_key, &[Op::Upsert(note(TEXT, "second"))])
        .expect("apply");
    let listing = store.all().expect("all");
    assert_eq!(listing.articles.len(), 1);
    assert_eq!(listing.articles[0].path, new_path);
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
