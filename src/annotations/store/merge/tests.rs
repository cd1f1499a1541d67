//! Tests of merging annotation records from several devices.

use super::*;
use serde_json::json;

fn rec(v: Value) -> Record {
    v.as_object().cloned().expect("object")
}

fn clock(pairs: &[(&str, u64)]) -> Clock {
    pairs.iter().map(|(k, n)| ((*k).to_string(), *n)).collect()
}

#[test]
fn newer_clock_supersedes_and_order_does_not_matter() {
    let old = rec(json!({"id":"a","note":"old","clock":{"A":1},"modified":"1"}));
    let new = rec(json!({"id":"a","note":"new","clock":{"A":1,"B":1},"modified":"0"}));
    for v in [
        vec![old.clone(), new.clone()],
        vec![new.clone(), old.clone()],
    ] {
        let m = merge(v);
        assert_eq!(m.records.len(), 1);
        assert_eq!(m.records[0]["note"], "new");
        assert!(m.notes.is_empty());
    }
}

#[test]
fn concurrent_edits_keep_both_and_converge() {
    let a = rec(json!({"id":"x","note":"from A","clock":{"A":2},"device":"A","modified":"2"}));
    let b =
        rec(json!({"id":"x","note":"from B","clock":{"A":1,"B":1},"device":"B","modified":"3"}));
    let m1 = merge(vec![a.clone(), b.clone()]);
    let m2 = merge(vec![b, a]);
    assert_eq!(m1.records, m2.records);
    assert_eq!(m1.records.len(), 2);
    assert_eq!(m1.records[0]["note"], "from B");
    assert_eq!(m1.records[1]["id"], "x+A");
    assert_eq!(m1.records[1]["conflict_of"], "x");
    assert!(!m1.notes.is_empty());
    // Merging the merged view with the old versions changes nothing.
    let mut again = m1.records.clone();
    again.extend(m2.records.clone());
    assert_eq!(merge(again).records, m1.records);
}

#[test]
fn a_stale_copy_never_resurrects_a_delete() {
    let live = rec(json!({"id":"x","note":"n","clock":{"A":1}}));
    let dead = rec(json!({"id":"x","deleted":true,"clock":{"A":1,"B":1}}));
    let m = merge(vec![live.clone(), dead]);
    assert!(is_deleted(&m.records[0]));
    assert!(visible(&m.records).is_empty());
    // An edit the deleting device never saw survives, and is reported.
    let edit = rec(json!({"id":"x","note":"edited","clock":{"A":2}}));
    let m = merge(vec![
        live,
        edit,
        rec(json!({"id":"x","deleted":true,"clock":{"A":1,"B":1}})),
    ]);
    assert_eq!(m.records[0]["note"], "edited");
    assert_eq!(m.notes.len(), 1);
}

#[test]
fn unknown_fields_and_kinds_survive() {
    let r = rec(json!({"id":"k","kind":"bookmark","where":7,"clock":{"A":1}}));
    let m = merge(vec![r.clone()]);
    assert_eq!(m.records, vec![r]);
    assert!(visible(&m.records).is_empty());
}

#[test]
fn stale_upsert_and_delete_are_reported() {
    let a = Annotation::new(
        crate::annotations::Anchor::new("some text", 0..4),
        "v1",
        std::time::UNIX_EPOCH,
    );
    let mut recs = Vec::new();
    let own = HashMap::new();
    let r = apply(&mut recs, &[Op::Upsert(a.clone())], "A", &own, "t");
    assert_eq!(r.written[0].1, clock(&[("A", 1)]));
    // Another process (same device) edits; this copy still has no clock.
    let mut elsewhere = a.clone();
    elsewhere.clock = clock(&[("A", 1)]);
    elsewhere.note = "v2".into();
    apply(&mut recs, &[Op::Upsert(elsewhere)], "A", &own, "t");
    let mut stale = a.clone();
    stale.note = "stale".into();
    let r = apply(&mut recs, &[Op::Upsert(stale)], "A", &own, "t");
    assert_eq!(r.notes, vec!["edited elsewhere: both versions kept"]);
    let shown = visible(&recs);
    assert_eq!(shown.len(), 2);
    let r = apply(
        &mut recs,
        &[Op::Delete {
            id: a.id.clone(),
            base: Clock::new(),
        }],
        "A",
        &own,
        "t",
    );
    assert_eq!(r.notes.len(), 1);
    assert_eq!(visible(&recs).len(), 2);
    // A process's own unacknowledged write is not "elsewhere".
    let own: HashMap<String, Clock> = [(a.id.clone(), clock(&[("A", 2)]))].into();
    let r = apply(
        &mut recs,
        &[Op::Delete {
            id: a.id.clone(),
            base: Clock::new(),
        }],
        "A",
        &own,
        "t",
    );
    assert!(r.notes.is_empty());
    assert_eq!(visible(&recs).len(), 1);
}
