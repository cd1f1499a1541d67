//! Exports: CSL-JSON items checked against CSL-JSON schema rules; BibTeX parsed back with `biblatex`; Markdown list.

mod seed_notes;

use biblatex::{Bibliography, ChunksExt, EntryType};
use ibid::sources::{NoteInput, Work, to_bibtex, to_csl_json, to_markdown, works};
use seed_notes::{NOTES_003, NOTES_004};
use serde_json::Value;

/// CSL 1.0.2 item types (csl-data.json `type` enum).
const CSL_TYPES: [&str; 45] = [
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// Variables this exporter may write, all defined by csl-data.json.
const CSL_KEYS: [&str; 11] = [
    "id",
    "type",
    "title",
    "author",
    "container-title",
    "publisher",
    "issued",
    "page",
    "URL",
    "accessed",
    "note",
];

fn sample() -> Vec<Work> {
    let texts: Vec<&str> = NOTES_003.iter().chain(NOTES_004.iter()).copied().collect();
    let notes: Vec<NoteInput> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| NoteInput {
            label: (i + 1).to_string(),
            text: (*t).to_string(),
            refers_to: match i + 1 {
                5 => Some(2),
                7 => Some(5),
                13 => Some(10),
                _ => None,
            },
            markers: vec![(i + 1).to_string()],
            ..NoteInput::default()
        })
        .collect();
    works(&notes)
}

fn check_date(v: &Value, what: &str) {
    let parts = v["date-parts"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: date-parts"));
    assert_eq!(parts.len(), 1, "{what}: one date");
    let p = parts[0].as_array().expect("date-parts entry is an array");
    assert!((1..=3).contains(&p.len()), "{what}: 1-3 parts");
    assert!(p.iter().all(Value::is_i64), "{what}: integer parts {p:?}");
    assert_eq!(
        v.as_object().map(|o| o.len()),
        Some(1),
        "{what}: only date-parts"
    );
}

/// Checks CSL-JSON items against the schema's rules: known variables,
/// unique ids, allowed types, name and date shapes.
fn check_csl_items(items: &[Value]) {
    let mut ids = std::collections::HashSet::new();
    for item in items {
        let obj = item.as_object().expect("item is an object");
        for k in obj.keys() {
            assert!(CSL_KEYS.contains(&k.as_str()), "unknown CSL variable {k}");
        }
        let id = obj["id"].as_str().expect("id is a string");
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
        let ty = obj["type"].as_str().expect("type is a string");
        assert!(CSL_TYPES.contains(&ty), "type {ty} not in CSL");
        for k in [
            "title",
            "container-title",
            "publisher",
            "page",
            "URL",
            "note",
        ] {
            if let Some(v) = obj.get(k) {
                assert!(v.is_string(), "{k} must be a string");
            }
        }
        if let Some(authors) = obj.get("author") {
            for a in authors.as_array().expect("author is an array") {
                let a = a.as_object().expect("name is an object");
                let literal = a.get("literal").is_some_and(Value::is_string);
                let family = a.get("family").is_some_and(Value::is_string);
                assert!(
                    literal != family,
                    "name needs family (+given) or literal: {a:?}"
                );
                if let Some(g) = a.get("given") {
                    assert!(g.is_string() && family);
                }
            }
        }
        for k in ["issued", "accessed"] {
            if let Some(d) = obj.get(k) {
                check_date(d, k);
            }
        }
    }
}

#[test]
fn csl_json_of_seed_003_is_valid() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_04c237401e8a2960.txt");
    let doc = ibid::library::read_document(&path).expect("seed 003 parses");
    let ws = ibid::sources::works_of(&doc);
    let csl = to_csl_json(&ws, &doc.meta.title);
    let items = csl.as_array().expect("CSL-JSON is an array");
    assert!(
        items.len() >= 25,
        "seed 003 cites many works: {}",
        items.len()
    );
    check_csl_items(items);
    // op. cit. chains are merged into their works: Smith's is cited by 8, 10, 15, 16.
    let smith = items
        .iter()
        .find(|i| i["title"] == "Russo-Japanese Relations")
        .expect("Smith's work");
    let note = smith["note"].as_str().unwrap_or("");
    for n in ["8", "10", "15", "16"] {
        assert!(
            note.split(|c: char| !c.is_ascii_digit()).any(|x| x == n),
            "{note} lists note {n}"
        );
    }
}

#[test]
fn csl_json_items_follow_the_schema() {
    let ws = sample();
    let csl = to_csl_json(&ws, "A 'Reset' in Russia and Japan Relationship?");
    let items = csl.as_array().expect("CSL-JSON is an array");
    assert_eq!(items.len(), ws.len());
    check_csl_items(items);
    let ferguson = &items[0];
    assert_eq!(ferguson["type"], "article-journal");
    assert_eq!(ferguson["author"][0]["family"], "Ferguson");
    assert_eq!(ferguson["author"][0]["given"], "Joseph P.");
    assert_eq!(ferguson["issued"]["date-parts"][0][0], 1998);
    assert_eq!(
        ferguson["accessed"]["date-parts"][0],
        serde_json::json!([2014, 1, 18])
    );
    assert_eq!(ferguson["page"], "24");
    let rt = items
        .iter()
        .find(|i| {
            i["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Russia, Japan agree"))
        })
        .expect("note 3");
    assert_eq!(
        rt["note"],
        "Cited in A 'Reset' in Russia and Japan Relationship?: notes 3, 5"
    );
    assert!(rt.get("author").is_none(), "no author invented");
    let org = items
        .iter()
        .find(|i| i["title"] == "On the Movements of a Russian Naval Vessel")
        .expect("004 note 11");
    assert_eq!(
        org["author"][0]["literal"],
        "Joint Staff Office of Ministry of Defense of Japan"
    );
    let book = items
        .iter()
        .find(|i| i["type"] == "book")
        .expect("Bobo Lo's book");
    assert_eq!(book["publisher"], "Palgrave Macmillan");
}

#[test]
fn bibtex_parses_back() {
    let ws = sample();
    let bib = to_bibtex(&ws);
    let parsed = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(parsed.len(), ws.len());
    let keys: std::collections::HashSet<&str> = parsed.keys().collect();
    assert_eq!(keys.len(), ws.len(), "keys are unique");
    let e = parsed
        .get("ferguson1998nordpolitik")
        .expect("Ferguson's key");
    assert_eq!(e.entry_type, EntryType::Article);
    let authors = e.author().expect("author parses");
    assert_eq!(authors[0].name, "Ferguson");
    assert_eq!(authors[0].given_name, "Joseph P.");
    assert_eq!(
        e.get("note").map(|c| c.format_verbatim()).as_deref(),
        Some("Cited in note 1")
    );
    assert_eq!(
        e.get("url").map(|c| c.format_verbatim()).as_deref(),
        Some("http://www.princeton.edu/jpia/past-issues-1/1998/2.pdf")
    );
    let book = parsed.get("lo2002russia").expect("Bobo Lo's book");
    assert_eq!(book.entry_type, EntryType::Book);
    // `%` in a title is escaped and survives the round trip
    let platts = parsed.get("anon2014russian").expect("note 26");
    let title = platts.title().expect("title").format_verbatim();
    assert!(title.contains("23% of exports"), "{title}");
    let erina = parsed
        .iter()
        .find(|e| {
            e.get("url")
                .is_some_and(|u| u.format_verbatim().contains("K-4%20TSUDA"))
        })
        .expect("a URL with %20 survives");
    assert_eq!(
        erina.get("note").map(|c| c.format_verbatim()).as_deref(),
        Some("Cited in note 24")
    );
    let kimura = parsed
        .get("kimurabasic")
        .expect("unresolved op. cit. keeps its short form");
    assert_eq!(
        kimura.get("note").map(|c| c.format_verbatim()).as_deref(),
        Some("Cited in notes 6, 7")
    );
}

#[test]
fn bibtex_escapes_specials() {
    let ws = works(&[NoteInput {
        label: "1".into(),
        text: "A. Writer, “Profits & Losses: 100% of $5 #1 in_a {set}”, The Daily, 2 Nov, 2013."
            .into(),
        ..NoteInput::default()
    }]);
    let bib = to_bibtex(&ws);
    assert!(
        bib.contains(r"Profits \& Losses: 100\% of \$5 \#1 in\_a \{set\}"),
        "{bib}"
    );
    let parsed = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert!(parsed.get("writer2013profits").is_some(), "{bib}");
}

#[test]
fn markdown_lists_every_work() {
    let ws = sample();
    let md = to_markdown(&ws);
    assert_eq!(md.lines().count(), ws.len());
    let first = md.lines().next().expect("a line");
    assert_eq!(
        first,
        "- Joseph P. Ferguson, “Nordpolitik: Japan's New Russia Policy”, *Journal of Public and International Affairs*, 1998, p. 24, <http://www.princeton.edu/jpia/past-issues-1/1998/2.pdf>, accessed 2014-01-18. Note 1."
    );
    assert!(md.contains("- Bobo Lo, *Russia Foreign Policy in the Post-Soviet Era*, Palgrave Macmillan, 2002, p. 47. Notes 12, 14."), "{md}");
}
