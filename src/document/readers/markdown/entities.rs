//! Character-level pieces of HTML in Markdown: character references, and
//! digits set in `<sup>`/`<sub>` turned into Unicode super- and subscripts
//! (superscript digits are what the marker scanner knows as footnote marks);
//! attributes of a tag.

/// `12` → `₁₂`.
pub(super) fn subscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| {
            c.to_digit(10)
                .and_then(|d| char::from_u32(0x2080 + d))
                .unwrap_or(c)
        })
        .collect()
}

/// `12` → `¹²`.
pub(super) fn superscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => d
                .to_digit(10)
                .and_then(|v| char::from_u32(0x2070 + v))
                .unwrap_or(d),
        })
        .collect()
}

/// Decodes the character references HTML copied into Markdown uses.
pub(super) fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        if let Some((c, e)) = decoded {
            out.push(c);
            rest = &rest[e + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(v).filter(|c| !c.is_control());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "larrhk" | "hookleftarrow" => '↩',
        "uarr" => '↑',
        _ => return None,
    })
}

/// The value of attribute `name` in a tag's source (`a href="#x" id=y`).
pub(super) fn attr(src: &str, name: &str) -> Option<String> {
    let lower = src.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let i = from + i;
        from = i + name.len();
        let before_ok = lower[..i].ends_with(char::is_whitespace);
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let off = src.len() - rest.len() + 1;
        let v = src[off..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v.split(char::is_whitespace).next().unwrap_or(""),
        };
        return Some(entities(value.trim_end_matches('/')));
    }
    None
}

/// True for an element that holds a document's notes (`class="footnotes"`,
/// `role="doc-endnotes"`, `epub:type="footnotes"`).
pub(super) fn is_container(body: &str) -> bool {
    let class = attr(body, "class").unwrap_or_default().to_ascii_lowercase();
    let role = attr(body, "role").unwrap_or_default().to_ascii_lowercase();
    let epub = attr(body, "epub:type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    class.split_whitespace().any(|c| {
        matches!(
            c,
            "footnotes" | "footnote" | "endnotes" | "notes" | "footnotes-list"
        )
    }) || matches!(
        role.as_str(),
        "doc-endnotes" | "doc-footnotes" | "doc-endnote" | "doc-footnote"
    ) || ["footnote", "endnote", "rearnote"]
        .iter()
        .any(|k| epub.contains(k))
}
