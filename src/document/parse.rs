//! The parsing pipeline: bytes → paragraphs (one reader per format) →
//! front matter, notes, furniture, structure, markers, citation chains →
//! [`Document`]. Total: any input yields a document, oddities become diagnostics.

use super::readers::{self, Format};
use super::{Block, BlockKind, Diagnostic, DiagnosticKind, Document, Metadata, Span, clean};
use std::path::Path;

use super::passes::assemble;
/// Parses raw bytes, choosing the format from `path` and the content.
#[must_use]
pub fn parse(bytes: &[u8], path: Option<&Path>) -> Document {
    let ext_format = path
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    if let Some(f) = ext_format.filter(|f| !f.is_text()) {
        return parse_bytes(bytes, f);
    }
    let decoded = clean::decode(bytes);
    let format = Format::detect(path, &decoded.text);
    build(decoded, format)
}

/// [`parse`] for bytes the caller owns and no longer needs: clean UTF-8 text
/// becomes the decoded text without a copy. Same result as [`parse`].
#[must_use]
pub fn parse_owned(bytes: Vec<u8>, path: Option<&Path>) -> Document {
    let ext_format = path
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    if let Some(f) = ext_format.filter(|f| !f.is_text()) {
        return parse_bytes(&bytes, f);
    }
    let decoded = clean::decode_owned(bytes);
    let format = Format::detect(path, &decoded.text);
    build(decoded, format)
}

/// Parses raw bytes in a given format.
#[must_use]
pub fn parse_bytes(bytes: &[u8], format: Format) -> Document {
    if format.is_text() {
        return build(clean::decode(bytes), format);
    }
    match readers::read_binary(bytes, format) {
        Ok(reading) => assemble(reading, format, Vec::new()),
        Err(message) => unreadable(format, &message),
    }
}

/// A document for a file its reader refused: the message is its only text.
fn unreadable(format: Format, message: &str) -> Document {
    let message = clean::sanitize(message);
    let mut doc = Document {
        text: format!("{message}\n"),
        ..Document::default()
    };
    doc.blocks.push(Block {
        kind: BlockKind::Paragraph,
        span: Span::new(0, message.len()),
        furniture: None,
        source: Span::new(0, 0),
        page: None,
    });
    doc.diagnostics
        .push(diag(DiagnosticKind::Unreadable, message.clone()));
    doc.meta = Metadata {
        title: "Unreadable file".into(),
        title_derived: true,
        format: format.name().into(),
        ..Metadata::default()
    };
    doc
}

/// Parses a string in a given format.
#[must_use]
pub fn parse_str(s: &str, format: Format) -> Document {
    build(clean::decode(s.as_bytes()), format)
}

#[allow(clippy::needless_pass_by_value)] // the decoded text ends here
fn build(decoded: clean::Decoded, format: Format) -> Document {
    let mut diagnostics = Vec::new();
    if decoded.lossy {
        diagnostics.push(diag(
            DiagnosticKind::InvalidUtf8,
            "the file is not valid UTF-8; unreadable bytes were replaced with �".into(),
        ));
    }
    if decoded.controls > 0 {
        diagnostics.push(diag(
            DiagnosticKind::ControlCharacters,
            format!(
                "{} control characters or escape sequences were made visible or removed",
                decoded.controls
            ),
        ));
    }
    let reading = readers::read_paged_text(&decoded.text, format, &decoded.page_starts);
    let mut doc = assemble(reading, format, diagnostics);
    doc.meta.encoding.clone_from(&decoded.encoding);
    doc
}

fn diag(kind: DiagnosticKind, message: String) -> Diagnostic {
    Diagnostic { kind, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_markdown_by_extension_and_content() {
        assert_eq!(
            Format::detect(Some(Path::new("a.md")), ""),
            Format::Markdown
        );
        assert_eq!(
            Format::detect(Some(Path::new("a.txt")), "[^1]: x\n[^2]: y"),
            Format::Plain
        );
        assert_eq!(
            Format::detect(None, "## A\ntext[^1]\n\n[^1]: x"),
            Format::Markdown
        );
    }
}
