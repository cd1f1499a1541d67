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
    // Short labels (`1`, `[12]`) hang the text under its first word; a long
    // tag (`[RFC3629]`, `[Cross-Protocol]`) would leave a narrow column, so
    // later lines start two cells in, and a label too wide to share its line
    // stands alone above the text.
    let (first_lead, rest_lead) = if lw <= 6 { (lw, lw) } else { (lw, 2) };
    let alone = lw > 6 && w.saturating_sub(lw) < 12;
    if alone {
        out.push(NoteLine::Text {
            label: Some(label.clone()),
            lead: lw,
            segs: Vec::new(),
            links: Vec::new(),
        });
    }
    let rest = w.saturating_sub(rest_lead).max(1);
    let first = if alone {
        rest
    } else {
        w.saturating_sub(first_lead).max(1)
    };
    for (i, (s, e)) in wrap(&doc.text, note.span, first, rest)
        .into_iter()
        .enumerate()
    {
        let labelled = i == 0 && !alone;
        let lead = if labelled { first_lead } else { rest_lead };
        let segs = segments(s, e, &styles);
        let mut links = Vec::new();
        let mut col = lead;
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
            label: labelled.then(|| label.clone()),
            lead,
            segs,
            links,
        });
    }
    if let Some((text, unresolved)) = resolution(doc, n) {
        let indent = rest_lead.min(4);
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

/// Note lines laid out for one document at one width: filled by `update`
/// for the notes on screen, read by drawing, so a frame never re-wraps a
/// note it has already laid out. The cache holds the document it was made
/// for, so a reloaded document (a new allocation) never matches it.
#[derive(Debug, Clone, Default)]
pub struct NoteCache {
    doc: Option<std::sync::Arc<Document>>,
    width: u16,
    lines: std::collections::HashMap<usize, std::sync::Arc<Vec<NoteLine>>>,
}

impl NoteCache {
    /// Makes sure notes `notes` of `doc` are laid out at `width`; drops
    /// everything laid out for another document or width.
    pub fn ensure(&mut self, doc: &std::sync::Arc<Document>, width: u16, notes: &[usize]) {
        if !self.is_for(doc, width) {
            self.doc = Some(std::sync::Arc::clone(doc));
            self.width = width;
            self.lines.clear();
        }
        for &n in notes {
            self.lines
                .entry(n)
                .or_insert_with(|| std::sync::Arc::new(note_lines(doc, n, width)));
        }
    }

    fn is_for(&self, doc: &Document, width: u16) -> bool {
        self.width == width && self.doc.as_deref().is_some_and(|d| std::ptr::eq(d, doc))
    }

    /// The cached lines of note `n` of `doc` at `width`.
    #[must_use]
    pub fn get(&self, doc: &Document, width: u16, n: usize) -> Option<&[NoteLine]> {
        self.is_for(doc, width)
            .then(|| self.lines.get(&n).map(|l| l.as_slice()))
            .flatten()
    }
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

    #[test]
    fn long_labels_hang_two_cells_in_or_stand_alone() {
        let text = "Title\n\nUTF-8 is defined in [RFC3629] for every protocol.\n\n\
                    References\n\n[RFC3629]  Yergeau, F., \"UTF-8, a transformation format of \
                    ISO 10646\", STD 63, RFC 3629, November 2003.\n";
        let doc = parse_str(text, Format::Plain);
        let n = doc
            .notes
            .iter()
            .position(|x| x.label.contains("RFC3629"))
            .expect("the reference is a note");
        let leads = |w: u16| -> Vec<(bool, usize, usize)> {
            note_lines(&doc, n, w)
                .iter()
                .filter_map(|l| match l {
                    NoteLine::Text {
                        label, lead, segs, ..
                    } => Some((label.is_some(), *lead, segs.len())),
                    NoteLine::Resolution { .. } => None,
                })
                .collect()
        };
        let wide = leads(40);
        assert!(wide[0].0 && wide[0].1 > 6, "{wide:?}");
        assert!(
            wide.len() > 2 && wide[1..].iter().all(|l| l.1 == 2),
            "{wide:?}"
        );
        // Every line fits the width.
        for l in note_lines(&doc, n, 40) {
            if let NoteLine::Text { lead, segs, .. } = l {
                let w: usize = segs
                    .iter()
                    .map(|g| cells(doc.text.get(g.start..g.end).unwrap_or("")))
                    .sum();
                assert!(lead + w <= 40, "{lead} + {w}");
            }
        }
        // Too narrow to share a line: the label alone, then the text.
        let narrow = leads(18);
        assert!(narrow[0].0 && narrow[0].2 == 0, "{narrow:?}");
        assert!(narrow[1..].iter().all(|l| !l.0 && l.1 == 2), "{narrow:?}");
        // A short label still hangs the text under its first word.
        let md = "Text.[^1]\n\n[^1]: A note long enough to wrap onto a second line here.\n";
        let doc = parse_str(md, Format::Markdown);
        let lines = note_lines(&doc, 0, 24);
        let leads: Vec<usize> = lines
            .iter()
            .filter_map(|l| match l {
                NoteLine::Text { lead, .. } => Some(*lead),
                NoteLine::Resolution { .. } => None,
            })
            .collect();
        assert!(
            leads.len() > 1 && leads.iter().all(|&l| l == leads[0]),
            "{leads:?}"
        );
    }
}
