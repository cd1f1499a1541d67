//! Telling C-like sample code from prose by its lines (statements, blocks,
//! comments), wherever it is indented: RFCs set it at column 0 beside prose
//! indented three spaces.

/// True for a line of C-like code: it ends a statement or a block (`;`,
/// `{`, `}`) or it is (part of) a comment (`/* … */`, ` * …`, `// …`) or a
/// preprocessor line.
fn code_line(l: &str) -> bool {
    let t = l.trim();
    t.ends_with([';', '{', '}'])
        || t.ends_with("*/")
        || t.starts_with("/*")
        || t.starts_with("//")
        || t == "*"
        || t.starts_with("* ")
        || t.starts_with("#include")
        || t.starts_with("#define")
}

/// True for a block of C-like code, wherever it is indented (RFC sample
/// code often sits at column 0, outdented from the prose): at least two
/// lines, most of them [`code_line`]s, and not a bulleted list (`* item`
/// lines of words).
#[must_use]
pub fn c_like(lines: &[&str]) -> bool {
    let code = lines.iter().filter(|l| code_line(l)).count();
    let bullets = lines
        .iter()
        .filter(|l| l.trim_start().starts_with("* ") && !l.trim_end().ends_with("*/"))
        .count();
    let statements = code - bullets;
    lines.len() >= 2 && code * 2 > lines.len() && statements * 4 >= lines.len()
}
