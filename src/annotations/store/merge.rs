//! Pure merging of annotation records: the versions found in every part file
//! of an article (one per device, plus sync-tool conflict copies and v1 files)
//! become one view, and changes (`Op`s) are applied to that view.
//!
//! A record is a JSON object kept as parsed, so fields and kinds this version
//! does not know survive a rewrite. Versions of one id are compared by their
//! `clock` (a version vector): a version whose clock is below another's is
//! superseded. Concurrent versions (neither below the other) are never
//! dropped: the newest edit keeps the id, every other distinct text is kept
//! as `<id>+<device>` with `conflict_of`, and an edit concurrent with a
//! delete survives it. The result depends only on the set of versions, so
//! every device computes the same view.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::Op;
use crate::annotations::{Annotation, Clock, new_id};

/// One stored annotation version or tombstone, as a JSON object.
pub(super) type Record = Map<String, Value>;

/// Bookkeeping fields: not part of what a version says.
const META: [&str; 4] = ["clock", "rev", "device", "modified"];

/// The record's id (`None` for an object without one: kept as it is).
pub(super) fn id_of(r: &Record) -> Option<&str> {
    r.get("id").and_then(Value::as_str)
}

/// The record's version vector (empty for v1 records).
pub(super) fn clock_of(r: &Record) -> Clock {
    r.get("clock")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_u64()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// A tombstone: `"deleted": true`.
pub(super) fn is_deleted(r: &Record) -> bool {
    r.get("deleted").and_then(Value::as_bool) == Some(true)
}

/// `a` happened before or is `b`: every entry of `a` is at most `b`'s.
pub(super) fn le(a: &Clock, b: &Clock) -> bool {
    a.iter().all(|(k, n)| b.get(k).is_some_and(|m| n <= m))
}

/// The least clock at or above both.
pub(super) fn join(a: &Clock, b: &Clock) -> Clock {
    let mut out = a.clone();
    for (k, n) in b {
        let e = out.entry(k.clone()).or_insert(0);
        *e = (*e).max(*n);
    }
    out
}

fn set_clock(r: &mut Record, clock: &Clock, device: Option<&str>) {
    let rev: u64 = clock.values().sum();
    let obj: Map<String, Value> = clock
        .iter()
        .map(|(k, n)| (k.clone(), Value::from(*n)))
        .collect();
    r.insert("clock".into(), Value::Object(obj));
    r.insert("rev".into(), Value::from(rev));
    if let Some(d) = device {
        r.insert("device".into(), Value::from(d));
    }
}

fn content(r: &Record) -> Record {
    let mut c = r.clone();
    for k in META {
        c.remove(k);
    }
    c
}

fn text_of(r: &Record, key: &str) -> String {
    r.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// The merged view of some versions, with messages about clashes resolved.
#[derive(Debug, Default)]
pub(super) struct Merged {
    /// One record per id, sorted by id (records without an id last).
    pub(super) records: Vec<Record>,
    /// User-facing messages ("edited on two devices: both versions kept").
    pub(super) notes: Vec<String>,
}

/// Merges every version of every record into one view.
pub(super) fn merge(versions: Vec<Record>) -> Merged {
    let mut groups: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    let mut anonymous: Vec<Record> = Vec::new();
    for r in versions {
        match id_of(&r) {
            Some(id) => groups.entry(id.to_string()).or_default().push(r),
            None if !anonymous.contains(&r) => anonymous.push(r),
            None => {}
        }
    }
    let mut notes = Vec::new();
    // Conflict copies go back in as versions of their own id; a second round
    // settles them against copies made earlier (same id, same clock).
    for _ in 0..3 {
        let mut extra: Vec<Record> = Vec::new();
        for (id, versions) in &mut groups {
            if versions.len() > 1 {
                let (winner, copies) = resolve(id, std::mem::take(versions), &mut notes);
                *versions = vec![winner];
                extra.extend(copies);
            }
        }
        if extra.is_empty() {
            break;
        }
        for r in extra {
            if let Some(id) = id_of(&r) {
                groups.entry(id.to_string()).or_default().push(r);
            }
        }
    }
    notes.dedup();
    let mut records: Vec<Record> = groups.into_values().filter_map(|mut v| v.pop()).collect();
    records.extend(anonymous);
    Merged { records, notes }
}

/// One id's versions → the record that keeps the id, plus conflict copies.
fn resolve(id: &str, mut versions: Vec<Record>, notes: &mut Vec<String>) -> (Record, Vec<Record>) {
    versions.sort_by_cached_key(|r| Value::Object(r.clone()).to_string());
    versions.dedup();
    let clocks: Vec<Clock> = versions.iter().map(clock_of).collect();
    let mut live: Vec<(Record, Clock)> = Vec::new();
    for (i, r) in versions.iter().enumerate() {
        let superseded = clocks.iter().enumerate().any(|(j, c)| {
            j != i
                && le(&clocks[i], c)
                && (clocks[i] != *c || (j < i && content(r) == content(&versions[j])))
        });
        if !superseded {
            live.push((r.clone(), clocks[i].clone()));
        }
    }
    let all = live.iter().fold(Clock::new(), |acc, (_, c)| join(&acc, c));
    // Newest edit first; ties broken by device, then by the text itself.
    live.sort_by(|(a, _), (b, _)| {
        (is_deleted(a), text_of(b, "modified"), text_of(b, "device"))
            .cmp(&(is_deleted(b), text_of(a, "modified"), text_of(a, "device")))
            .then_with(|| {
                Value::Object(a.clone())
                    .to_string()
                    .cmp(&Value::Object(b.clone()).to_string())
            })
    });
    let mut kept: Vec<(Record, Clock)> = Vec::new();
    for (r, c) in live {
        if !kept.iter().any(|(k, _)| content(k) == content(&r)) {
            kept.push((r, c));
        }
    }
    let mut iter = kept.into_iter();
    let Some((mut winner, _)) = iter.next() else {
        return (Record::new(), Vec::new());
    };
    let mut copies = Vec::new();
    for (r, c) in iter {
        if is_deleted(&r) {
            if !is_deleted(&winner) {
                notes.push(
                    "an annotation deleted on one device was edited on another: the edit was kept"
                        .into(),
                );
            }
            continue;
        }
        let mut copy = r.clone();
        let device = text_of(&r, "device");
        copy.insert("id".into(), Value::from(format!("{id}+{device}")));
        copy.insert("conflict_of".into(), Value::from(id));
        set_clock(&mut copy, &c, None);
        copies.push(copy);
        notes.push("an annotation was edited on two devices: both versions kept".into());
    }
    set_clock(&mut winner, &all, None);
    (winner, copies)
}

/// What applying ops did, for the caller to report and remember.
#[derive(Debug, Default)]
pub(super) struct Applied {
    /// User-facing messages about stale edits and deletes.
    pub(super) notes: Vec<String>,
    /// The clock written for each id touched (the caller's own versions).
    pub(super) written: Vec<(String, Clock)>,
}

/// Applies `ops` to a merged view as device `me` at RFC 3339 time `now`.
/// `own` maps ids to the clock this process last wrote for them: a version
/// this process wrote is not "elsewhere", even if the caller has not seen
/// its reply yet.
pub(super) fn apply(
    records: &mut Vec<Record>,
    ops: &[Op],
    me: &str,
    own: &HashMap<String, Clock>,
    now: &str,
) -> Applied {
    let mut out = Applied::default();
    for op in ops {
        match op {
            Op::Upsert(a) => upsert(records, a, me, own, &mut out),
            Op::Delete { id, base } => delete(records, id, base, me, own, now, &mut out),
        }
    }
    out
}

fn stale(stored: &Record, base: &Clock, own: &HashMap<String, Clock>) -> bool {
    let c = clock_of(stored);
    !le(&c, base) && id_of(stored).and_then(|id| own.get(id)) != Some(&c)
}

fn bump(clock: &Clock, me: &str) -> Clock {
    let mut c = clock.clone();
    *c.entry(me.to_string()).or_insert(0) += 1;
    c
}

fn record_of(a: &Annotation) -> Record {
    match serde_json::to_value(a) {
        Ok(Value::Object(m)) => m,
        _ => Record::new(),
    }
}

fn upsert(
    records: &mut Vec<Record>,
    a: &Annotation,
    me: &str,
    own: &HashMap<String, Clock>,
    out: &mut Applied,
) {
    let mut new = record_of(a);
    let pos = records.iter().position(|r| id_of(r) == Some(a.id.as_str()));
    let clash = pos.and_then(|p| {
        let s = &records[p];
        if !stale(s, &a.clock, own) {
            return None;
        }
        if is_deleted(s) {
            return Some("deleted elsewhere: your edit was kept as a new annotation");
        }
        let mut ours = new.clone();
        ours.remove("conflict_of");
        let mut theirs = s.clone();
        theirs.remove("conflict_of");
        (content(&ours) != content(&theirs)).then_some("edited elsewhere: both versions kept")
    });
    let (base, slot) = match (pos, clash) {
        (Some(p), None) => (join(&clock_of(&records[p]), &a.clock), Some(p)),
        (Some(_), Some(why)) => {
            let fresh = new_id(std::time::SystemTime::now());
            new.insert("id".into(), Value::from(fresh));
            new.insert("conflict_of".into(), Value::from(a.id.as_str()));
            out.notes.push(why.to_string());
            (Clock::new(), None)
        }
        (None, _) => (a.clock.clone(), None),
    };
    let clock = bump(&base, me);
    set_clock(&mut new, &clock, Some(me));
    out.written
        .push((id_of(&new).unwrap_or_default().to_string(), clock));
    match slot {
        Some(p) => records[p] = new,
        None => records.push(new),
    }
}

fn delete(
    records: &mut Vec<Record>,
    id: &str,
    base: &Clock,
    me: &str,
    own: &HashMap<String, Clock>,
    now: &str,
    out: &mut Applied,
) {
    let pos = records.iter().position(|r| id_of(r) == Some(id));
    let mut clock = base.clone();
    if let Some(p) = pos {
        let s = &records[p];
        if is_deleted(s) {
            return;
        }
        if stale(s, base, own) {
            out.notes
                .push("edited elsewhere since it was shown: not deleted".into());
            return;
        }
        clock = join(&clock_of(s), base);
    }
    let clock = bump(&clock, me);
    let mut t = Record::new();
    t.insert("id".into(), Value::from(id));
    t.insert("deleted".into(), Value::from(true));
    t.insert("modified".into(), Value::from(now));
    set_clock(&mut t, &clock, Some(me));
    out.written.push((id.to_string(), clock));
    match pos {
        Some(p) => records[p] = t,
        None => records.push(t),
    }
}

/// The annotations a reader shows: live records of the kind this version
/// knows (no `kind`, or `"note"`). Tombstones and unknown kinds stay stored
/// but are not shown.
pub(super) fn visible(records: &[Record]) -> Vec<Annotation> {
    records
        .iter()
        .filter(|r| !is_deleted(r))
        .filter(|r| r.get("kind").is_none_or(|k| k == "note"))
        .filter_map(|r| serde_json::from_value(Value::Object(r.clone())).ok())
        .collect()
}

#[cfg(test)]
mod tests;
