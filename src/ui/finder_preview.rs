//! The finder's preview of the selected result: a passage or heading in its context, a note
//! with what it resolves to, an annotation with its quote, an article's title page. Matched
//! characters are highlighted; the result's own text is underlined.

use super::finder::{MATCH, TARGET, highlighted};
use super::theme;
use crate::app::AppState;
use crate::document::{Document, Span as DSpan};
use crate::finder::{Entry, Hit, Index, Kind};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Bytes of context shown before a passage inside a long paragraph.
const BEFORE: usize = 160;
/// Bytes of a paragraph shown in the preview at most.
const MAX_BLOCK: usize = 1200;

/// The preview's lines for the selected result (wrapped by the caller).
#[must_use]
pub fn lines(s: &AppState, ix: &Index) -> Vec<Line<'static>> {
    let Some((h, e)) = s.finder.selected() else {
        return Vec::new();
    };
    let info = ix.articles().get(e.doc as usize);
    let doc = info.and_then(|a| s.articles.iter().find(|x| x.path == a.path)?.doc());
    let mut out = vec![Line::from(Span::styled(
        super::finder::place(ix, e),
        theme::DIM,
    ))];
    let Some(doc) = doc else {
        out.push(Line::from(highlighted(
            &e.text,
            &h.positions,
            usize::MAX / 4,
            Style::new(),
        )));
        return out;
    };
    match e.kind {
        Kind::Article => article(&mut out, doc, e, h),
        Kind::Note => note(&mut out, doc, e, h),
        Kind::Annotation => {
            let quote = e.text.split(" — ").next().unwrap_or("").len();
            context(&mut out, doc, e.offset as usize, quote, &[]);
            out.push(Line::default());
            out.push(Line::from(highlighted(
                &e.text,
                &h.positions,
                usize::MAX / 4,
                Style::new(),
            )));
        }
        Kind::Heading | Kind::Passage => {
            let off = e.offset as usize;
            let bytes = match_bytes(&e.text, &h.positions, off);
            context(&mut out, doc, off, e.text.len(), &bytes);
        }
    }
    out
}

/// Document byte offsets of the matched chars (`positions` are char indices into `text`,
/// which starts at byte `base` of the document).
fn match_bytes(text: &str, positions: &[usize], base: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(positions.len());
    let mut pi = 0;
    for (ci, (b, _)) in text.char_indices().enumerate() {
        if positions.get(pi) == Some(&ci) {
            out.push(base + b);
            pi += 1;
        }
    }
    out
}

/// Index of the block containing byte `off`.
fn block_at(doc: &Document, off: usize) -> Option<usize> {
    let i = doc.blocks.partition_point(|b| b.span.start <= off);
    i.checked_sub(1).filter(|&i| {
        doc.blocks
            .get(i)
            .is_some_and(|b| off < b.span.end.max(b.span.start + 1))
    })
}

/// The block holding `off` (cut around the target when long), then the next block;
/// `len` bytes from `off` underlined, `matched` bytes highlighted.
fn context(
    out: &mut Vec<Line<'static>>,
    doc: &Document,
    off: usize,
    len: usize,
    matched: &[usize],
) {
    let Some(bi) = block_at(doc, off) else { return };
    let target = DSpan::new(off, off + len);
    for (k, i) in [bi, bi + 1].into_iter().enumerate() {
        let Some(b) = doc.blocks.get(i).filter(|b| b.furniture.is_none()) else {
            continue;
        };
        let mut from = b.span.start;
        if k == 0 && off > b.span.start + BEFORE {
            from = floor(&doc.text, off - BEFORE);
            let cut = doc.text.get(from..off).and_then(|t| t.find(' '));
            from = cut.map_or(from, |j| from + j + 1);
        }
        let to = floor(&doc.text, b.span.end.min(from.max(off + len) + MAX_BLOCK));
        let base = match b.kind {
            crate::document::BlockKind::Heading { level } => theme::heading(level),
            _ if k == 1 => theme::DIM,
            _ => Style::new(),
        };
        let mut spans = Vec::new();
        if from > b.span.start {
            spans.push(Span::styled("…", theme::DIM));
        }
        styled_run(&mut spans, &doc.text, from, to, base, target, matched);
        if to < b.span.end {
            spans.push(Span::styled("…", theme::DIM));
        }
        if k == 1 {
            out.push(Line::default());
        }
        out.push(Line::from(spans));
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Spans for `text[from..to]`: `target` underlined, bytes in `matched` in [`MATCH`].
fn styled_run(
    out: &mut Vec<Span<'static>>,
    text: &str,
    from: usize,
    to: usize,
    base: Style,
    target: DSpan,
    matched: &[usize],
) {
    let mut run = String::new();
    let mut run_style = base;
    let mut mi = matched.partition_point(|&m| m < from);
    for (b, c) in text.get(from..to).unwrap_or("").char_indices() {
        let at = from + b;
        let mut st = base;
        if at >= target.start && at < target.end {
            st = st.patch(TARGET);
        }
        if matched.get(mi) == Some(&at) {
            st = st.patch(MATCH);
            mi += 1;
        }
        if st != run_style && !run.is_empty() {
            out.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = st;
        run.push(if c.is_control() { ' ' } else { c });
    }
    if !run.is_empty() {
        out.push(Span::styled(run, run_style));
    }
}

fn article(out: &mut Vec<Line<'static>>, doc: &Document, e: &Entry, h: &Hit) {
    out.push(Line::from(highlighted(
        &e.text,
        &h.positions,
        usize::MAX / 4,
        theme::TITLE,
    )));
    let mut meta: Vec<String> = Vec::new();
    meta.extend(doc.meta.author.clone());
    meta.extend(doc.meta.date.clone());
    meta.push(format!("{} notes", doc.notes.len()));
    out.push(Line::from(Span::styled(meta.join(" · "), theme::DIM)));
    if let Some((i, _)) = doc
        .body()
        .find(|(_, b)| matches!(b.kind, crate::document::BlockKind::Paragraph))
    {
        out.push(Line::default());
        let t = doc.block_text(i);
        let cut: String = t.chars().take(600).collect();
        out.push(Line::from(cut));
    }
}

fn note(out: &mut Vec<Line<'static>>, doc: &Document, e: &Entry, h: &Hit) {
    out.push(Line::from(highlighted(
        &e.text,
        &h.positions,
        usize::MAX / 4,
        Style::new(),
    )));
    let Some(n) = doc
        .notes
        .iter()
        .position(|n| n.span.start == e.offset as usize)
    else {
        return;
    };
    if let Some((text, style)) = super::notes::resolution(doc, n) {
        out.push(Line::from(Span::styled(text, style)));
    }
    let cited = doc.notes[n].markers.len();
    out.push(Line::from(Span::styled(
        format!("cited {cited} time{}", if cited == 1 { "" } else { "s" }),
        theme::DIM,
    )));
}
