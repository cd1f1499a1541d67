//! Citation health checks on a small fixture.

use ibid::sources::{HealthMarker, HealthNote, check_health};

fn marker(label: &str, note: Option<usize>) -> HealthMarker {
    HealthMarker {
        label: label.into(),
        note,
    }
}

fn note(label: &str, text: &str) -> HealthNote {
    HealthNote {
        label: label.into(),
        text: text.into(),
        ..HealthNote::default()
    }
}

#[test]
fn fixture_with_every_problem() {
    let markers = [
        marker("1", Some(0)),
        marker("3", Some(2)),
        marker("2", Some(1)), // out of order: note 2 after note 3
        marker("9", None),    // no such note
        marker("3", Some(2)), // citing note 3 again is fine
        marker("6", Some(5)),
    ];
    let notes = [
        note(
            "1",
            "Richard Weitz, “The Thorn in Japan Russia Ties”, The Diplomat, 24 Feb, 2012, https://thediplomat.com/2012/02/24/the-thorn/",
        ),
        note(
            "2",
            "Richard Weitz, “Another”, The Diplomat, 25 Feb, 2012, http://www.thediplomat.com/2012/02/25/another/",
        ),
        note(
            "3",
            "“Russia to Focus on Kurils”, Voice of Russia, 13 Oct, 2011, http://voiceofrussia.com/2011/10/13/58676130/",
        ),
        note(
            "4",
            "“Russia to Focus on Kurils”, Voice of Russia, 13 Oct, 2011, http://voiceofrussia.com/2011/10/13/58676130/",
        ),
        note("5", "Smith, “Russo-Japanese Relations”, op.cit, p.5."),
        note(
            "6",
            "Broken link: http://exa mple, and <http:/nowhere.org/x>",
        ),
    ];
    let h = check_health(&markers, &notes);
    assert_eq!(h.markers_without_note.labels, ["9"]);
    assert_eq!(h.markers_without_note.count, 1);
    assert_eq!(h.notes_without_marker.labels, ["4", "5"]);
    assert_eq!(h.markers_out_of_order.labels, ["2"]);
    assert_eq!(h.unresolved_op_cit.labels, ["5"]);
    assert_eq!(h.duplicate_notes.labels, ["4"]);
    assert_eq!(h.duplicate_notes.details, ["4 = 3"]);
    assert_eq!(
        h.suspicious_urls.labels,
        ["2", "6", "6"],
        "{:?}",
        h.suspicious_urls
    );
    assert!(h.suspicious_urls.details[0].contains("https"));
    assert!(!h.is_clean());
    let json = serde_json::to_value(&h).expect("serialisable");
    assert_eq!(json["markers_out_of_order"]["count"], 1);
}

#[test]
fn clean_article_is_clean() {
    let markers = [marker("1", Some(0)), marker("2", Some(1))];
    let mut ibid = note("2", "Ibid.");
    ibid.refers_to = Some(0);
    let notes = [
        note(
            "1",
            "“A Title”, The Times, 2 Nov, 2013, https://example.com/a",
        ),
        ibid,
    ];
    let h = check_health(&markers, &notes);
    assert!(h.is_clean(), "{h:?}");
}
