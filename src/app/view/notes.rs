//! Note layout: a note's label, wrapped text with its links, and what it
//! resolves to (Ibid. → 1, same source as 2, or why not), at a width. Pure;
//! `ui::notes` only styles and paints the lines.

use super::body::{LINK, Seg, segments, styles_in};
use super::links::urls;
use super::text::{cells, truncate, wrap};
use crate::document::{Document, InlineKind, Span};

/// What note `n` resolves to, as one sentence, and whether it is unresolved
/// (`true`), or `None` for an ordinary note.
#[must_use]
pub fn resolution(doc: &Document, n: usize) -> Option<(String, bool)> {
    let note = doc.notes.get(n)?;
    let kind = note.reference.name();
    if let Some(r) = &note.unresolved {
        let kind = if kind.is_empty() { "reference" } else { kind };
        return Some((format!("{kind}: {r}"), true));
    }
    if let Some(t) = note.refers_to {
        let target = doc.notes.get(t)?;
        let text = doc.note_text(t);
        return Some((format!("{kind} → {}  {text}", target.label), false));
    }
    let t = note.same_as?;
    Some((format!("same source as {}", doc.notes.get(t)?.label), false))
}

/// A hyperlink on a note line: first cell (from the line's left edge),
/// width in cells, and the target URL (not yet checked for OSC 8).
pub type LineLink = (u16, u16, String);

/// One display line of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteLine {
    /// Note text: the label (first line) or blank lead of `lead` cells, then
    /// segments of `Document::text`, with the links on the line.
    Text {
        /// `Some(label + " ")` on the first line.
        label: Option<String>,
        /// Cells before the text.
        lead: usize,
        /// Styled runs of the document text.
        segs: Vec<Seg>,
        /// Hyperlinks on the line.
        links: Vec<LineLink>,
    },
    /// What the note resolves to, after `indent` blank cells.
    Resolution {
        /// Leading blank cells.
        indent: usize,
        /// The sentence (or this line of it).
        text: String,
        /// The reference could not be resolved.
        unresolved: bool,
    },
}

/// The display lines of note `n` at `width` cells: label and wrapped text,
/// then what it resolves to (indented; at most three lines).
#[must_use]
pub fn note_lines(doc: &Document, n: usize, width: u16) -> Vec<NoteLine> {
    let Some(note) = doc.notes.get(n) else {
        return Vec::new();
    };
    let w = usize::from(width.max(4));
    let label = format!("{} ", note.label);
    let lw = cells(&label);
    let mut styles = styles_in(doc, note.span);
    let mut targets: Vec<(Span, String)> = doc
        .inlines_in(note.span)
        .filter_map(|i| match &i.kind {
            InlineKind::Link { url } => Some((i.span, url.clone())),
            _ => None,
        })
        .collect();
    for u in urls(&doc.text, note.span) {
        styles.push((u, LINK, None));
        targets.push((u, doc.slice(u).to_string()));
    }
    let mut out = Vec::new();
    let avail = w.saturating_sub(lw).max(1);
    for (i, (s, e)) in wrap(&doc.text, note.span, avail, avail)
        .into_iter()
        .enumerate()
    {
        let segs = segments(s, e, &styles);
        let mut links = Vec::new();
        let mut col = lw;
        for sg in &segs {
            let sw = cells(doc.text.get(sg.start..sg.end).unwrap_or(""));
            if sg.flags & LINK != 0
                && let Some((_, url)) = targets
                    .iter()
                    .find(|(t, _)| t.start <= sg.start && sg.end <= t.end)
            {
                let c = u16::try_from(col).unwrap_or(u16::MAX);
                links.push((c, u16::try_from(sw).unwrap_or(u16::MAX), url.clone()));
            }
            col += sw;
        }
        out.push(NoteLine::Text {
            label: (i == 0).then(|| label.clone()),
            lead: lw,
            segs,
            links,
        });
    }
    if let Some((text, unresolved)) = resolution(doc, n) {
        let indent = lw.min(4);
        let avail = w.saturating_sub(indent).max(1);
        if note.refers_to.is_some() {
            out.push(NoteLine::Resolution {
                indent,
                text: truncate(&text, avail),
                unresolved,
            });
            return out;
        }
        let ranges = wrap(&text, Span::new(0, text.len()), avail, avail);
        for (s, e) in ranges.into_iter().take(3) {
            out.push(NoteLine::Resolution {
                indent,
                text: text[s..e].to_string(),
                unresolved,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, parse_str};

    #[test]
    fn note_lines_fit_and_carry_links() {
        let md = "Text.[^1] More.[^2]\n\n[^1]: See https://example.org/a/long/path for the whole story told at length.\n[^2]: Ibid.\n";
        let doc = parse_str(md, Format::Markdown);
        let lines = note_lines(&doc, 0, 24);
        assert!(lines.len() > 1);
        let mut saw_link = false;
        for l in &lines {
            if let NoteLine::Text {
                lead, segs, links, ..
            } = l
            {
                let w: usize = segs.iter().map(|s| cells(&doc.text[s.start..s.end])).sum();
                assert!(lead + w <= 24, "{w} too wide");
                saw_link |= links
                    .iter()
                    .any(|(_, _, u)| u.starts_with("https://example.org"));
            }
        }
        assert!(saw_link);
        let ibid = note_lines(&doc, 1, 40);
        assert!(
            ibid.iter().any(
                |l| matches!(l, NoteLine::Resolution { text, .. } if text.starts_with("Ibid."))
            ),
            "{ibid:?}"
        );
    }
}
