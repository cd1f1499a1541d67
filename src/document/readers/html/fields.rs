//! The document's own field list as docutils and Sphinx print it under the
//! title (`dl.field-list` / `dl.docinfo` / `table.docinfo`: `Author:`,
//! `Created:`, `Date:`), where a PEP or a reST article states its author
//! and date when no `<meta>` does.

use dom_query::{Document, NodeRef};

/// Author and ISO date stated by the page's first field lists.
#[derive(Debug, Default)]
pub struct Fields {
    /// `Author:` or `Authors:`, without e-mail addresses.
    pub author: Option<String>,
    /// `Created:` or `Date:`, as ISO.
    pub date: Option<String>,
}

/// Reads the first few field lists of `doc`.
#[must_use]
pub fn read(doc: &Document) -> Fields {
    let mut out = Fields::default();
    let lists = doc
        .select("dl.field-list, dl.docinfo, table.docinfo")
        .nodes()
        .to_vec();
    for list in lists.iter().take(3) {
        for (k, v) in pairs(list) {
            let key = k.trim().trim_end_matches(':').trim().to_ascii_lowercase();
            match key.as_str() {
                "author" | "authors" if out.author.is_none() => {
                    out.author = one(&without_addresses(&v));
                }
                "created" | "date" if out.date.is_none() => {
                    out.date = crate::document::readers::headers::date_of(v.trim());
                }
                _ => {}
            }
        }
    }
    out
}

/// The (name, value) pairs of a `dl` (`dt`/`dd`) or a docinfo table (`th`/`td`).
fn pairs(list: &NodeRef) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut key: Option<String> = None;
    for el in list.descendants_it().filter(NodeRef::is_element).take(400) {
        let name = el
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        match name.as_str() {
            "dt" | "th" => key = Some(el.text().to_string()),
            "dd" | "td" => {
                if let Some(k) = key.take() {
                    out.push((k, el.text().to_string()));
                }
            }
            _ => {}
        }
    }
    out
}

/// `Eric V. Smith <eric at trueblade.com>` → `Eric V. Smith`.
fn without_addresses(v: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in v.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn one(s: &str) -> Option<String> {
    let t = crate::document::clean::sanitize(s);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string();
    (!t.is_empty() && t.chars().count() <= 200).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pep_field_list_states_author_and_created() {
        let doc = Document::from(
            r#"<h1>PEP 557 – Data Classes</h1><dl class="rfc2822 field-list simple">
            <dt class="field-odd">Author<span class="colon">:</span></dt>
            <dd class="field-odd">Eric V. Smith &lt;eric at trueblade.com&gt;</dd>
            <dt>Status<span class="colon">:</span></dt><dd>Final</dd>
            <dt>Created<span class="colon">:</span></dt><dd>02-Jun-2017</dd></dl>"#,
        );
        let f = read(&doc);
        assert_eq!(f.author.as_deref(), Some("Eric V. Smith"));
        assert_eq!(f.date.as_deref(), Some("2017-06-02"));
        let none = read(&Document::from("<dl><dt>Author</dt><dd>A term</dd></dl>"));
        assert!(none.author.is_none(), "a glossary is no field list");
    }
}
