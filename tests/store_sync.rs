//! The store across machines and versions: two data folders that diverge and
//! then exchange files (with sync-tool conflict copies) converge with nothing
//! lost; unknown fields and kinds survive a rewrite; version-1 files are read
//! without being written and migrated on the next save; housekeeping.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ibid::annotations::{Anchor, Annotation, ArticleKey, Local, Op, Store};

const TEXT: &str = "An article both machines have. Its second sentence. And a third one here.";

fn note(body: &str) -> Annotation {
    Annotation::new(Anchor::new(TEXT, 3..10), body, SystemTime::now())
}

fn store(data: &Path, device: &str) -> Store {
    let local = Local::with_device(data.join(format!("state-{device}")), device);
    Store::open_as(data.join("annotations"), local).expect("open")
}

fn notes(store: &Store, key: &ArticleKey) -> Vec<String> {
    let mut v: Vec<String> = store
        .load(key)
        .expect("load")
        .annotations
        .iter()
        .map(|a| a.note.clone())
        .collect();
    v.sort();
    v
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Copies `from`'s store files into `to` the way a sync tool does: a file
/// missing on the other side is copied; a file both sides changed becomes a
/// conflict copy named in `style` next to the other side's version.
fn sync_one_way(from: &Path, to: &Path, style: fn(&str) -> String) {
    let (from, to) = (from.join("annotations"), to.join("annotations"));
    for f in files(&from) {
        let rel = f.strip_prefix(&from).expect("inside");
        if rel.starts_with(".tmp") {
            continue;
        }
        let dest = to.join(rel);
        fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        let bytes = fs::read(&f).expect("read");
        match fs::read(&dest) {
            Ok(theirs) if theirs == bytes => {}
            Ok(_) => {
                let name = dest
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned();
                fs::write(dest.with_file_name(style(&name)), bytes).expect("conflict copy");
            }
            Err(_) => fs::write(&dest, bytes).expect("copy"),
        }
    }
}

fn syncthing(name: &str) -> String {
    let stem = name.trim_end_matches(".json");
    format!("{stem}.sync-conflict-20261203-101500-ABCDEFG.json")
}

fn dropbox(name: &str) -> String {
    let stem = name.trim_end_matches(".json");
    format!("{stem} (conflicted copy 2026-12-03).json")
}

#[test]
fn two_data_folders_diverge_exchange_files_and_converge() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (laptop_dir, desk_dir) = (tmp.path().join("laptop"), tmp.path().join("desk"));
    // The same article at a different path on each machine.
    let key_l = ArticleKey::new("/home/ann/library/paper.md", TEXT);
    let key_d = ArticleKey::new("/Users/ann/library/paper.md", TEXT);
    let laptop = store(&laptop_dir, "laptop");
    let shared: Vec<Annotation> = ["shared 1", "shared 2", "shared 3", "shared 4"]
        .iter()
        .map(|n| note(n))
        .collect();
    let ops: Vec<Op> = shared.iter().cloned().map(Op::Upsert).collect();
    let base = laptop.apply(&key_l, &ops).expect("apply");
    // First sync: the desk gets the laptop's folder.
    sync_one_way(&laptop_dir, &desk_dir, syncthing);
    let desk = store(&desk_dir, "desk");
    assert_eq!(notes(&desk, &key_d), notes(&laptop, &key_l));
    let by = |n: &str, l: &[Annotation]| l.iter().find(|a| a.note == n).cloned().expect(n);

    // Diverge. Laptop: add, edit 1, delete 2, edit 4. Desk: add, edit 1
    // differently, delete 3, delete 4 (which the laptop edited).
    let mut l1 = by("shared 1", &base.annotations);
    l1.edit("shared 1, edited on the laptop", SystemTime::now());
    let mut l4 = by("shared 4", &base.annotations);
    l4.edit("shared 4, edited on the laptop", SystemTime::now());
    let l2 = by("shared 2", &base.annotations);
    laptop
        .apply(
            &key_l,
            &[
                Op::Upsert(note("laptop new")),
                Op::Upsert(l1),
                Op::Upsert(l4),
                Op::Delete {
                    id: l2.id.clone(),
                    base: l2.clock.clone(),
                },
            ],
        )
        .expect("laptop edits");
    let seen = desk.load(&key_d).expect("load").annotations;
    let mut d1 = by("shared 1", &seen);
    d1.edit("shared 1, edited on the desk", SystemTime::now());
    let (d3, d4) = (by("shared 3", &seen), by("shared 4", &seen));
    desk.apply(
        &key_d,
        &[
            Op::Upsert(note("desk new")),
            Op::Upsert(d1),
            Op::Delete {
                id: d3.id.clone(),
                base: d3.clock.clone(),
            },
            Op::Delete {
                id: d4.id.clone(),
                base: d4.clock.clone(),
            },
        ],
    )
    .expect("desk edits");

    // A third copy of ibid shares the laptop's device id (its state folder
    // was copied): its part file and the laptop's clash, so the sync tool
    // leaves conflict copies.
    let clone_dir = tmp.path().join("clone");
    sync_one_way(&laptop_dir, &clone_dir, syncthing);
    let clone = Store::open_as(
        clone_dir.join("annotations"),
        Local::with_device(clone_dir.join("state"), "laptop"),
    )
    .expect("open");
    clone
        .apply(&key_l, &[Op::Upsert(note("from the cloned laptop"))])
        .expect("clone edits");
    sync_one_way(&clone_dir, &laptop_dir, dropbox);

    // Exchange both ways.
    sync_one_way(&laptop_dir, &desk_dir, syncthing);
    sync_one_way(&desk_dir, &laptop_dir, syncthing);
    let conflict_files = |d: &Path| {
        files(d)
            .into_iter()
            .filter(|p| {
                let n = p.to_string_lossy();
                n.contains("sync-conflict") || n.contains("conflicted copy")
            })
            .count()
    };
    assert!(
        conflict_files(&laptop_dir) > 0,
        "the test makes conflict copies"
    );

    let expected = [
        "desk new",
        "from the cloned laptop",
        "laptop new",
        "shared 1, edited on the desk",
        "shared 1, edited on the laptop",
        "shared 4, edited on the laptop",
    ];
    for (s, key) in [(&laptop, &key_l), (&desk, &key_d)] {
        assert_eq!(notes(s, key), expected);
        let loaded = s.load(key).expect("load");
        assert!(
            loaded
                .warnings
                .iter()
                .any(|w| w.contains("both versions kept")),
            "{:?}",
            loaded.warnings
        );
    }
    // Housekeeping merges the conflict copies into this device's part and
    // removes them; the views stay equal after another exchange.
    laptop.housekeep().expect("housekeep");
    desk.housekeep().expect("housekeep");
    assert_eq!(conflict_files(&laptop_dir.join("annotations")), 0);
    sync_one_way(&laptop_dir, &desk_dir, syncthing);
    sync_one_way(&desk_dir, &laptop_dir, syncthing);
    desk.housekeep().expect("housekeep");
    laptop.housekeep().expect("housekeep");
    assert_eq!(notes(&laptop, &key_l), expected);
    assert_eq!(notes(&desk, &key_d), expected);
    assert_eq!(conflict_files(&laptop_dir), 0);
    assert_eq!(conflict_files(&desk_dir), 0);
    let l = laptop.load(&key_l).expect("load").annotations;
    let d = desk.load(&key_d).expect("load").annotations;
    let ids = |v: &[Annotation]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&l),
        ids(&d),
        "the same annotations, not just the same texts"
    );
}

#[test]
fn unknown_fields_and_kinds_survive_a_rewrite() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let key = ArticleKey::new("/lib/a.md", TEXT);
    let s = store(tmp.path(), "laptop");
    let a = note("known");
    let saved = s.apply(&key, &[Op::Upsert(a.clone())]).expect("apply");
    let dir = s.dir_for(&key);
    // A newer ibid (or another tool) adds fields and a kind this one does not know.
    let file = dir.join("laptop.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&fs::read(&file).expect("read")).expect("json");
    json["sync_hint"] = serde_json::json!({"peer": "desk"});
    json["annotations"][0]["colour"] = serde_json::json!("yellow");
    json["annotations"]
        .as_array_mut()
        .expect("array")
        .push(serde_json::json!({
            "id": "0-bookmark", "kind": "bookmark", "offset": 12,
            "clock": {"desk": 1}, "rev": 1, "device": "desk"
        }));
    fs::write(&file, serde_json::to_vec_pretty(&json).expect("json")).expect("write");

    // Edit the known annotation, add another: the unknown parts stay.
    let mut edited = s.load(&key).expect("load").annotations[0].clone();
    assert_eq!(edited.extra["colour"], "yellow");
    edited.edit("known, edited", SystemTime::now());
    s.apply(&key, &[Op::Upsert(edited), Op::Upsert(note("new"))])
        .expect("apply");
    let after: serde_json::Value =
        serde_json::from_slice(&fs::read(&file).expect("read")).expect("json");
    assert_eq!(after["sync_hint"]["peer"], "desk");
    let recs = after["annotations"].as_array().expect("array");
    let known = recs
        .iter()
        .find(|r| r["id"] == saved.annotations[0].id.as_str())
        .expect("known");
    assert_eq!(known["colour"], "yellow");
    assert_eq!(known["note"], "known, edited");
    let bookmark = recs
        .iter()
        .find(|r| r["id"] == "0-bookmark")
        .expect("unknown kind kept");
    assert_eq!(bookmark["offset"], 12);
    assert_eq!(notes(&s, &key), ["known, edited", "new"]);
}

#[test]
fn version_1_files_are_read_without_writing_and_migrated_on_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("annotations");
    fs::create_dir_all(&root).expect("mkdir");
    let path = PathBuf::from("/lib/old.md");
    let digest = v1_name(&path);
    let v1 = root.join(format!("{digest}.json"));
    let old = note("written by ibid 0.1");
    let v1_json = serde_json::json!({
        "version": 1,
        "path": path,
        "fingerprint": ibid::annotations::fingerprint(TEXT),
        "annotations": [{
            "id": old.id, "anchor": old.anchor, "note": old.note, "tags": [],
            "created": old.created, "modified": old.modified
        }]
    });
    fs::write(&v1, serde_json::to_vec_pretty(&v1_json).expect("json")).expect("write v1");
    let before = files(tmp.path());
    let s = store(tmp.path(), "laptop");
    let key = ArticleKey::new(&path, TEXT);
    assert_eq!(notes(&s, &key), ["written by ibid 0.1"]);
    // Found by its text too (the article moved), still without writing.
    let moved = ArticleKey::new("/lib/renamed.md", TEXT);
    assert_eq!(notes(&s, &moved), ["written by ibid 0.1"]);
    assert_eq!(files(tmp.path()), before, "reading never writes");

    s.apply(&key, &[Op::Upsert(note("written by ibid 0.2"))])
        .expect("apply");
    assert!(!v1.exists(), "moved into the article folder");
    let kept = s.dir_for(&key).join(format!("v1-{digest}.json"));
    assert!(kept.exists(), "the v1 file is kept, never lost");
    assert_eq!(
        notes(&s, &key),
        ["written by ibid 0.1", "written by ibid 0.2"]
    );
    assert_eq!(s.all().expect("all").articles.len(), 1);
}

/// The v1 file name: the first 32 hex digits of SHA-256 of the path (the
/// public fingerprint function is SHA-256 of a string).
fn v1_name(path: &Path) -> String {
    ibid::annotations::fingerprint(&path.to_string_lossy())[..32].to_string()
}

#[test]
fn housekeeping_removes_stale_temp_files_and_old_lock_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = store(tmp.path(), "laptop");
    let root = s.root().to_path_buf();
    fs::create_dir_all(root.join(".tmp")).expect("mkdir");
    fs::write(root.join(".tmp/laptop-abc.tmp"), "half a save").expect("write");
    fs::write(root.join(".tmp/desk-abc.tmp"), "another machine's, fresh").expect("write");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for name in [".ibid-x1.tmp", "0123.json.lock"] {
        let f = fs::File::create(root.join(name)).expect("create");
        f.set_modified(old).expect("age it");
    }
    s.housekeep().expect("housekeep");
    let left: Vec<String> = files(&root)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["desk-abc.tmp"]);
}
