//! Tests of `inspect`: the streamed JSON against the `Value` tree.

use super::*;

/// The streamed JSON is byte for byte what the `Value` tree printed, compact and pretty.
#[test]
fn streamed_json_equals_the_value_tree() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = ["seeds", "tests/corpus"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(dir.join(d))
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| crate::document::Format::is_readable_path(p))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    let extra = "Title\n\n## A heading\n\n- item[1]\n1. one\n\n> quote\n\n[1]: note.\n";
    let mut docs: Vec<Document> = files
        .iter()
        .map(|p| crate::library::read_document(p).expect("readable"))
        .collect();
    docs.push(crate::document::parse_str(
        extra,
        crate::document::Format::Markdown,
    ));
    // Over a megabyte: the blocks are written in two halves.
    let seed = std::fs::read_to_string(&files[0]).expect("a seed");
    let big = seed.repeat((crate::document::par::PARALLEL_MIN / seed.len()) + 2);
    docs.push(crate::document::parse_str(
        &big,
        crate::document::Format::Plain,
    ));
    for doc in &docs {
        let v = to_json(doc);
        for pretty in [false, true] {
            let want = if pretty {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            }
            .expect("value prints");
            let mut got = Vec::new();
            write_json(doc, &mut got, pretty).expect("streams");
            assert_eq!(
                String::from_utf8(got).expect("utf-8"),
                want,
                "{}",
                doc.meta.title
            );
        }
    }
}
