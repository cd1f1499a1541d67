//! The only module that talks to the PDF crate (`pdf_oxide`): bytes →
//! positioned glyphs per page, with font size and weight, plus the
//! information dictionary and XMP packet. Everything after works on
//! [`Page`]s, so the crate can be swapped here alone.
//!
//! Coordinates are turned top-down (y grows down the page, in points) and
//! every number is checked to be finite before it leaves this module.

use super::{Glyph, Limits, Page, PdfError};
use pdf_oxide::PdfDocument;
use pdf_oxide::object::Object;
use std::time::Instant;

/// What the file says about itself, raw (decoded strings, the XMP packet).
#[derive(Debug, Default)]
pub struct Info {
    /// `/Title`, `/Author`, `/Subject`, `/CreationDate` of the info dictionary.
    pub title: Option<String>,
    /// `/Author`.
    pub author: Option<String>,
    /// `/Subject`.
    pub subject: Option<String>,
    /// `/CreationDate` as written (`D:20240103083826Z`).
    pub created: Option<String>,
    /// The catalog's `/Metadata` stream, if it decodes as UTF-8.
    pub xmp: Option<String>,
}

/// The extracted pages and the raw metadata.
pub struct Extracted {
    /// Pages in order, numbered from 1.
    pub pages: Vec<Page>,
    /// Raw metadata.
    pub info: Info,
    /// True when extraction stopped early at a limit (pages, glyphs, time).
    pub truncated: bool,
}

/// Opens `bytes` and extracts every page's glyphs within `limits`.
///
/// # Errors
/// [`PdfError`] when the file is not a PDF, is broken, or is encrypted.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, PdfError> {
    let started = Instant::now();
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| {
        let msg = e.to_string().to_lowercase();
        if msg.contains("encrypt") || msg.contains("password") {
            PdfError::Encrypted
        } else {
            PdfError::Broken(first_line(&e.to_string()))
        }
    })?;
    if doc.is_encrypted() && !doc.is_authenticated() {
        return Err(PdfError::Encrypted);
    }
    let count = doc
        .page_count()
        .map_err(|e| PdfError::Broken(first_line(&e.to_string())))?;
    let mut pages = Vec::with_capacity(count.min(limits.max_pages));
    let mut glyphs_total = 0usize;
    let mut truncated = false;
    for index in 0..count {
        if index >= limits.max_pages
            || glyphs_total >= limits.max_glyphs
            || started.elapsed() > limits.max_time
        {
            truncated = true;
            break;
        }
        let (x0, y0, x1, y1) = doc
            .get_page_media_box(index)
            .unwrap_or((0.0, 0.0, 612.0, 792.0));
        let (width, height) = ((x1 - x0).abs(), (y1 - y0).abs());
        let top = y0.max(y1);
        let Ok(chars) = doc.extract_chars(index) else {
            pages.push(Page::empty(index, width, height));
            continue;
        };
        let mut glyphs = Vec::with_capacity(chars.len());
        for c in &chars {
            let size = c.font_size.abs();
            let (x, y) = (c.origin_x - x0.min(x1), top - c.origin_y);
            if !(size.is_finite() && x.is_finite() && y.is_finite()) || size < 0.5 {
                continue;
            }
            if c.rotation_degrees.abs() > 1.0 && (c.rotation_degrees - 360.0).abs() > 1.0 {
                continue; // rotated text: margins, stamps, axis labels
            }
            let w = if c.advance_width.is_finite() && c.advance_width > 0.0 {
                c.advance_width
            } else {
                c.bbox.width.abs()
            };
            glyphs.push(Glyph {
                ch: c.char,
                x,
                y,
                w: if w.is_finite() {
                    w.min(size * 4.0)
                } else {
                    size * 0.5
                },
                size,
                bold: c.font_weight.is_bold() || is_bold_name(&c.font_name),
                italic: c.is_italic,
                mono: c.is_monospace,
            });
        }
        glyphs_total += glyphs.len();
        pages.push(Page {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            width,
            height,
            glyphs,
        });
    }
    Ok(Extracted {
        info: info(&doc),
        pages,
        truncated,
    })
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(160).collect()
}

/// `Times-Bold`, `ABCDEF+NimbusRomNo9L-Medi`, `Arial,Bold`.
fn is_bold_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("bold") || n.contains("-medi") || n.contains("black") || n.contains("heavy")
}

fn info(doc: &PdfDocument) -> Info {
    let mut out = Info::default();
    let resolve = |o: &Object| match o {
        Object::Reference(_) => doc.resolve_object(o).ok(),
        other => Some(other.clone()),
    };
    if let Some(dict) = doc
        .trailer()
        .as_dict()
        .and_then(|t| t.get("Info"))
        .and_then(resolve)
        .and_then(|i| i.as_dict().cloned())
    {
        let get = |k: &str| {
            dict.get(k)
                .and_then(resolve)
                .and_then(|v| v.as_string().map(decode_text_string))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        out.title = get("Title");
        out.author = get("Author");
        out.subject = get("Subject");
        out.created = get("CreationDate");
    }
    if let Ok(catalog) = doc.catalog()
        && let Some(meta) = catalog
            .as_dict()
            .and_then(|c| c.get("Metadata"))
            .and_then(resolve)
        && let Ok(data) = meta.decode_stream_data()
        && data.len() < 1 << 20
    {
        out.xmp = String::from_utf8(data).ok();
    }
    out
}

/// A PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, else
/// `PDFDocEncoding` (Latin-1 for the printable range).
#[must_use]
pub fn decode_text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| char::from(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings() {
        assert_eq!(decode_text_string(b"\xfe\xff\x00A\x00\xe9"), "Aé");
        assert_eq!(decode_text_string(b"Caf\xe9"), "Café");
        assert!(is_bold_name("ABCDEF+Times-Bold"));
        assert!(!is_bold_name("Times-Roman"));
    }
}
