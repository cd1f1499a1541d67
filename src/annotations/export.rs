//! Export of annotations as Markdown or W3C Web Annotation JSON-LD. Pure.
//!
//! The W3C form follows the Web Annotation Data Model
//! (<https://www.w3.org/TR/annotation-model/>): one `Annotation` object per note,
//! the note as a `TextualBody` (`purpose: commenting`), each tag as a further
//! `TextualBody` with `purpose: tagging`, and a target holding a
//! `TextQuoteSelector` and a `TextPositionSelector` (character offsets).

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::Annotation;

/// The JSON-LD context every exported annotation declares.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// One article to export: where it is, what it is called, and its annotations.
#[derive(Debug, Clone, Copy)]
pub struct ExportEntry<'a> {
    /// The article's path (canonical, as stored).
    pub path: &'a Path,
    /// The article's title, if known; the path is shown when absent.
    pub title: Option<&'a str>,
    /// Its annotations, exported in this order.
    pub annotations: &'a [Annotation],
    /// The page each annotation starts on, for articles with pages (PDF);
    /// empty, or shorter than `annotations`, where unknown.
    pub pages: &'a [Option<u32>],
}

/// Markdown: per article a `##` heading (title, else path) and the path, then
/// per annotation the quote as a block quote, the note, its tags and its
/// character range. Articles without annotations are left out.
pub fn to_markdown(entries: &[ExportEntry<'_>]) -> String {
    let mut out = String::from("# Annotations\n");
    for entry in entries.iter().filter(|e| !e.annotations.is_empty()) {
        let path = entry.path.display().to_string();
        let heading = entry.title.map_or(path.as_str(), str::trim);
        let _ = write!(out, "\n## {}\n\n`{path}`\n", one_line(heading));
        for (k, a) in entry.annotations.iter().enumerate() {
            out.push('\n');
            for line in a.anchor.quote.lines() {
                out.push('>');
                if !line.trim().is_empty() {
                    out.push(' ');
                    out.push_str(line.trim_end());
                }
                out.push('\n');
            }
            if a.anchor.quote.is_empty() {
                out.push_str("> (position only)\n");
            }
            if !a.note.trim().is_empty() {
                let _ = write!(out, "\n{}\n", a.note.trim());
            }
            if !a.tags.is_empty() {
                let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
                let _ = write!(out, "\nTags: {}\n", tags.join(" "));
            }
            let page = match entry.pages.get(k).copied().flatten() {
                Some(p) => format!("Page {p}; characters"),
                None => "Characters".to_string(),
            };
            let _ = write!(
                out,
                "\n*{page} {}–{}; created {}, modified {}.*\n",
                a.anchor.start, a.anchor.end, a.created, a.modified
            );
        }
    }
    out
}

/// W3C Web Annotation JSON-LD: an array of `Annotation` objects, each with its
/// own `@context` so that every element stands alone.
pub fn to_w3c_json(entries: &[ExportEntry<'_>]) -> Value {
    let mut items = Vec::new();
    for entry in entries {
        let source = file_iri(entry.path);
        for (k, a) in entry.annotations.iter().enumerate() {
            let mut bodies = Vec::new();
            if !a.note.is_empty() {
                bodies.push(json!({
                    "type": "TextualBody",
                    "value": a.note,
                    "format": "text/plain",
                    "purpose": "commenting",
                }));
            }
            bodies.extend(
                a.tags
                    .iter()
                    .map(|t| json!({ "type": "TextualBody", "value": t, "purpose": "tagging" })),
            );
            let mut item = json!({
                "@context": W3C_CONTEXT,
                "id": format!("urn:ibid:annotation:{}", a.id),
                "type": "Annotation",
                "motivation": if a.note.is_empty() { "highlighting" } else { "commenting" },
                "created": a.created,
                "modified": a.modified,
                "target": {
                    "source": source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": a.anchor.quote,
                            "prefix": a.anchor.prefix,
                            "suffix": a.anchor.suffix,
                        },
                        {
                            "type": "TextPositionSelector",
                            "start": a.anchor.start,
                            "end": a.anchor.end,
                        },
                    ],
                },
            });
            let body = match bodies.len() {
                0 => None,
                1 => bodies.pop(),
                _ => Some(Value::Array(bodies)),
            };
            if let (Some(body), Some(obj)) = (body, item.as_object_mut()) {
                obj.insert("body".into(), body);
            }
            if let (Some(title), Some(target)) = (entry.title, item.get_mut("target")) {
                target["title"] = json!(title);
            }
            // The page as a PDF fragment (RFC 8118 `#page=n`).
            if let (Some(page), Some(sel)) = (
                entry.pages.get(k).copied().flatten(),
                item.pointer_mut("/target/selector")
                    .and_then(Value::as_array_mut),
            ) {
                sel.push(json!({
                    "type": "FragmentSelector",
                    "conformsTo": "http://tools.ietf.org/rfc/rfc8118",
                    "value": format!("page={page}"),
                }));
            }
            items.push(item);
        }
    }
    Value::Array(items)
}

/// Collapse whitespace so a title cannot break out of its heading line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `file://` IRI for a path, percent-encoding everything but unreserved
/// characters and `/` (RFC 3986); relative paths keep their form.
fn file_iri(path: &Path) -> String {
    let raw = path.to_string_lossy();
    let mut out = String::from(if raw.starts_with('/') {
        "file://"
    } else {
        "file:"
    });
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Anchor;
    use std::time::UNIX_EPOCH;

    fn sample() -> Vec<Annotation> {
        let text = "Before the quote. A quoted\nsentence here. After it.";
        let s = text.find("A quoted").expect("fixture");
        let e = text.find(" After").expect("fixture");
        let mut a = Annotation::new(
            Anchor::new(text, s..e),
            "Important #method #todo",
            UNIX_EPOCH,
        );
        a.id = "fixed".into();
        let mut b = Annotation::new(Anchor::new(text, 0..6), "", UNIX_EPOCH);
        b.id = "bare".into();
        vec![a, b]
    }

    #[test]
    fn markdown_lists_quotes_notes_tags_and_locations() {
        let anns = sample();
        let entries = [
            ExportEntry {
                path: Path::new("/lib/essay.md"),
                title: Some("An\nEssay"),
                pages: &[],
                annotations: &anns,
            },
            ExportEntry {
                path: Path::new("/lib/empty.md"),
                title: None,
                pages: &[],
                annotations: &[],
            },
        ];
        let md = to_markdown(&entries);
        let expected = "# Annotations\n\n## An Essay\n\n`/lib/essay.md`\n\n\
            > A quoted\n> sentence here.\n\nImportant #method #todo\n\nTags: #method #todo\n\n\
            *Characters 18–41; created 1970-01-01T00:00:00Z, modified 1970-01-01T00:00:00Z.*\n\n\
            > Before\n\n\
            *Characters 0–6; created 1970-01-01T00:00:00Z, modified 1970-01-01T00:00:00Z.*\n";
        assert_eq!(md, expected);
        assert!(!md.contains("empty.md"));
    }

    #[test]
    fn w3c_json_follows_the_data_model() {
        let anns = sample();
        let entries = [ExportEntry {
            path: Path::new("/lib/my essay.md"),
            title: None,
            pages: &[],
            annotations: &anns,
        }];
        let v = to_w3c_json(&entries);
        let first = &v[0];
        assert_eq!(first["@context"], W3C_CONTEXT);
        assert_eq!(first["type"], "Annotation");
        assert_eq!(first["id"], "urn:ibid:annotation:fixed");
        assert_eq!(first["motivation"], "commenting");
        assert_eq!(first["body"][0]["type"], "TextualBody");
        assert_eq!(first["body"][0]["value"], "Important #method #todo");
        assert_eq!(first["body"][1]["purpose"], "tagging");
        assert_eq!(first["body"][2]["value"], "todo");
        assert_eq!(first["target"]["source"], "file:///lib/my%20essay.md");
        let sel = &first["target"]["selector"];
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[0]["exact"], "A quoted\nsentence here.");
        assert_eq!(sel[0]["prefix"], "Before the quote. ");
        assert_eq!(sel[0]["suffix"], " After it.");
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        assert_eq!(
            (sel[1]["start"].as_u64(), sel[1]["end"].as_u64()),
            (Some(18), Some(41))
        );
        assert_eq!(first["created"], "1970-01-01T00:00:00Z");
        let second = &v[1];
        assert_eq!(second["motivation"], "highlighting");
        assert!(second.get("body").is_none());
    }

    #[test]
    fn pages_are_cited_in_both_forms() {
        let anns = sample();
        let entries = [ExportEntry {
            path: Path::new("/lib/paper.pdf"),
            title: Some("Paper"),
            pages: &[Some(7), None],
            annotations: &anns,
        }];
        let md = to_markdown(&entries);
        assert!(md.contains("*Page 7; characters 18–41;"), "{md}");
        assert!(md.contains("*Characters 0–6;"), "{md}");
        let v = to_w3c_json(&entries);
        let sel = &v[0]["target"]["selector"];
        assert_eq!(sel[2]["type"], "FragmentSelector");
        assert_eq!(sel[2]["value"], "page=7");
        assert_eq!(v[1]["target"]["selector"].as_array().map(Vec::len), Some(2));
    }
}
