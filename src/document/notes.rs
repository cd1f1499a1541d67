//! Finding the notes: a section under a heading (`Endnotes:`, `Notes`,
//! `References`…), a trailing run of labelled paragraphs, Gutenberg
//! `[Footnote n: …]` blocks and `[n]` notes placed after their paragraphs.

use super::markers::superscript_run;
use super::raw::{Para, ParaKind};

/// How a note paragraph is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// `[1] text`, `[^1]: text`.
    Bracket,
    /// `[Footnote 1: text]`.
    GutenbergBlock,
    /// `1. text`, `1) text`.
    Numbered,
    /// `¹text`.
    Superscript,
    /// `- text`, `* text`, `• text`: numbered by position.
    Bullet,
    /// `^ text` (Wikipedia back-link), numbered by position unless numbered.
    BackLink,
}

/// A label found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label (`None` for bullets and bare back-links: numbered later).
    pub label: Option<String>,
    /// Bytes of the paragraph text taken by the label and following space.
    pub len: usize,
    /// How it is written.
    pub style: LabelStyle,
}

/// A note found in the input, before linking.
#[derive(Debug, Clone)]
pub struct NoteDraft {
    /// Final label.
    pub label: String,
    /// Index of the paragraph it starts at.
    pub para: usize,
    /// Paragraph indices of continuation paragraphs.
    pub continued: Vec<usize>,
    /// Bytes to strip from the start of the first paragraph.
    pub strip: usize,
    /// For `[Footnote n: …]`: strip a closing `]` at the end.
    pub strip_close: bool,
}

/// What the notes finder decided about every paragraph.
#[derive(Debug, Default)]
pub struct NotesLayout {
    /// Notes in order.
    pub notes: Vec<NoteDraft>,
    /// Paragraphs that belong to notes (first and continuation) or are the
    /// notes heading: not body.
    pub taken: Vec<bool>,
    /// Paragraphs after the notes that are neither notes nor article text.
    pub chrome: Vec<usize>,
}

/// True for a notes section heading.
#[must_use]
pub fn is_notes_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        t.as_str(),
        "notes"
            | "endnotes"
            | "end notes"
            | "footnotes"
            | "foot notes"
            | "references"
            | "sources"
            | "citations"
            | "notes and references"
            | "references and notes"
            | "works cited"
            | "bibliography"
            | "notes and sources"
    )
}

/// The label at the start of a paragraph's text, if any.
#[must_use]
pub fn label_of(text: &str) -> Option<Label> {
    let t = text;
    if let Some(rest) = t.strip_prefix("[Footnote ") {
        let colon = rest.find(':')?;
        let label = rest[..colon].trim();
        if label.is_empty() || label.len() > 6 {
            return None;
        }
        let len = "[Footnote ".len() + colon + 1;
        let len = len + t[len..].len() - t[len..].trim_start().len();
        return Some(Label {
            label: Some(label.to_string()),
            len,
            style: LabelStyle::GutenbergBlock,
        });
    }
    if let Some(rest) = t.strip_prefix('[') {
        let end = rest.find(']')?;
        let inner = &rest[..end];
        let label = inner.strip_prefix('^').unwrap_or(inner);
        let ok = !label.is_empty()
            && label.len() <= 6
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return None;
        }
        let mut len = 1 + end + 1;
        if t[len..].starts_with(':') {
            len += 1;
        }
        len += t[len..].len() - t[len..].trim_start().len();
        return Some(Label {
            label: Some(label.to_string()),
            len,
            style: LabelStyle::Bracket,
        });
    }
    for bullet in ["- ", "* ", "• ", "– "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            let rest_trim = rest.trim_start();
            let skip = t.len() - rest_trim.len();
            if let Some(mut inner) = label_of(rest_trim).filter(|l| l.style != LabelStyle::Bullet) {
                inner.len += skip;
                return Some(inner);
            }
            return Some(Label {
                label: None,
                len: skip,
                style: LabelStyle::Bullet,
            });
        }
    }
    if t.starts_with('^') || t.starts_with('↑') {
        return Some(backlink(t, None, 0));
    }
    if let Some((label, len)) = superscript_run(t) {
        let len = len + t[len..].len() - t[len..].trim_start().len();
        return Some(Label {
            label: Some(label),
            len,
            style: LabelStyle::Superscript,
        });
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) {
        let after = &t[digits + 1..];
        if after.starts_with(char::is_whitespace) {
            let len = t.len() - after.trim_start().len();
            let label = t[..digits].to_string();
            if after.trim_start().starts_with('^') || after.trim_start().starts_with('↑') {
                return Some(backlink(t, Some(label), len));
            }
            return Some(Label {
                label: Some(label),
                len,
                style: LabelStyle::Numbered,
            });
        }
    }
    None
}

/// `12 Text`: one to three digits, a space, then a capital, a quote or a
/// bracket (never a lower-case word: `12 summits` is prose).
pub fn bare_number_label(t: &str) -> Option<Label> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || t.as_bytes().get(digits) != Some(&b' ') {
        return None;
    }
    let rest = t[digits..].trim_start();
    let first = rest.chars().next()?;
    (first.is_uppercase() || "“\"‘'([*".contains(first)).then(|| Label {
        label: Some(t[..digits].to_string()),
        len: t.len() - rest.len(),
        style: LabelStyle::Numbered,
    })
}

/// A Wikipedia back-link label: `^`, `^ a b c`, `↑`, `Jump up to: a b`.
fn backlink(t: &str, label: Option<String>, mut len: usize) -> Label {
    let rest = &t[len..];
    let rest2 = rest.trim_start_matches(['^', '↑']).trim_start();
    let rest2 = rest2
        .strip_prefix("Jump up to:")
        .map_or(rest2, str::trim_start);
    let mut cur = rest2;
    // Back-link letters: single lowercase letters separated by spaces.
    loop {
        let mut it = cur.char_indices();
        match (it.next(), it.next()) {
            (Some((_, c)), Some((j, ' '))) if c.is_ascii_lowercase() => cur = cur[j..].trim_start(),
            _ => break,
        }
    }
    len = t.len() - cur.len();
    Label {
        label,
        len,
        style: LabelStyle::BackLink,
    }
}

/// True when a paragraph continues the note before it (a URL alone, or text
/// starting in lower case, or an access date in parentheses).
fn is_continuation(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with("(Accessed")
        || t.starts_with("(accessed")
        || t.chars().next().is_some_and(char::is_lowercase)
}

/// Short trailing paragraphs after the notes that may be page chrome.
const MAX_TRAILING_CHROME: usize = 6;

/// Finds all notes in `paras`. `has_marker(label)` tells whether the body
/// before paragraph `at` contains a candidate marker with that label, which
/// is what confirms that a labelled paragraph is a note and not a list item.
pub fn find(paras: &[Para], has_marker: &dyn Fn(&str, usize) -> bool) -> NotesLayout {
    let mut layout = NotesLayout {
        taken: vec![false; paras.len()],
        ..NotesLayout::default()
    };
    let mut labels: Vec<Option<Label>> = paras
        .iter()
        .map(|p| match &p.kind {
            ParaKind::FootnoteDef(l) => Some(Label {
                label: Some(l.clone()),
                len: 0,
                style: LabelStyle::Bracket,
            }),
            ParaKind::Code | ParaKind::Heading(_) => None,
            ParaKind::ListItem(Some(n)) => Some(Label {
                label: Some(n.to_string()),
                len: 0,
                style: LabelStyle::Numbered,
            }),
            ParaKind::ListItem(None) => Some(Label {
                label: None,
                len: 0,
                style: LabelStyle::Bullet,
            }),
            _ => label_of(&p.text),
        })
        .collect();

    // 1. A section under a notes heading (the last such heading wins).
    let heading = paras.iter().rposition(|p| {
        matches!(p.kind, ParaKind::Unknown | ParaKind::Heading(_))
            && p.text.len() < 40
            && is_notes_heading(&p.text)
    });
    // Under a notes heading, notes copied from a PDF often lose the period
    // after their number (`1 Thomas Schelling, …`): accept a bare number there.
    if let Some(h) = heading {
        for (l, p) in labels.iter_mut().zip(paras).skip(h + 1) {
            if l.is_none() && p.kind == ParaKind::Unknown {
                *l = bare_number_label(&p.text);
            }
        }
    }
    // Notes the markup states (HTML/EPUB anchors, Markdown `[^x]:`) leave
    // nothing to find by shape: a list after a "Bibliography" heading stays
    // a list.
    let stated = paras
        .iter()
        .any(|p| matches!(p.kind, ParaKind::FootnoteDef(_)));
    let region_start = match heading {
        _ if stated => None,
        Some(h) if labels[h + 1..].iter().any(Option::is_some) => {
            layout.taken[h] = true;
            Some(h + 1)
        }
        _ => trailing_run_start(paras, &labels, has_marker),
    };
    let mut bullet_no = 0;
    if let Some(start) = region_start {
        let mut current: Option<usize> = None;
        for i in start..paras.len() {
            match &labels[i] {
                Some(l) => {
                    bullet_no += 1;
                    let label = l.label.clone().unwrap_or_else(|| bullet_no.to_string());
                    if let Ok(n) = label.parse::<usize>() {
                        bullet_no = n;
                    }
                    layout.notes.push(NoteDraft {
                        label,
                        para: i,
                        continued: Vec::new(),
                        strip: l.len,
                        strip_close: l.style == LabelStyle::GutenbergBlock,
                    });
                    layout.taken[i] = true;
                    current = Some(layout.notes.len() - 1);
                }
                _ if current.is_some()
                    && is_continuation(&paras[i].text)
                    && layout.chrome.is_empty() =>
                {
                    if let Some(c) = current {
                        layout.notes[c].continued.push(i);
                    }
                    layout.taken[i] = true;
                }
                _ => {
                    layout.chrome.push(i);
                    layout.taken[i] = true;
                    current = None;
                }
            }
        }
    }
    // 2. Notes inside the body: Gutenberg blocks anywhere, `[n]` paragraphs
    // after a paragraph that cites them, Markdown definitions anywhere.
    let end = region_start.unwrap_or(paras.len());
    let mut inner = Vec::new();
    for i in 0..end {
        if layout.taken[i] {
            continue;
        }
        let Some(l) = &labels[i] else { continue };
        let Some(label) = &l.label else { continue };
        let is_def = matches!(paras[i].kind, ParaKind::FootnoteDef(_));
        let keep = is_def
            || l.style == LabelStyle::GutenbergBlock
            || (l.style == LabelStyle::Bracket && i > 0 && has_marker(label, i));
        if keep {
            layout.taken[i] = true;
            inner.push(NoteDraft {
                label: label.clone(),
                para: i,
                continued: Vec::new(),
                strip: l.len,
                strip_close: l.style == LabelStyle::GutenbergBlock,
            });
        }
    }
    if !inner.is_empty() {
        inner.append(&mut layout.notes);
        inner.sort_by_key(|n| n.para);
        layout.notes = inner;
    }
    layout
}

/// Start of a trailing run of labelled paragraphs forming the notes, found by
/// shape: from the end, skip a few short unlabelled paragraphs (chrome), then
/// take the run of labelled paragraphs (and their continuations) of one style.
fn trailing_run_start(
    paras: &[Para],
    labels: &[Option<Label>],
    has_marker: &dyn Fn(&str, usize) -> bool,
) -> Option<usize> {
    let mut i = paras.len();
    let mut skipped = 0;
    while i > 0
        && labels[i - 1].is_none()
        && skipped < MAX_TRAILING_CHROME
        && paras[i - 1].text.chars().count() < 120
    {
        i -= 1;
        skipped += 1;
    }
    let end = i;
    let style = labels.get(end.checked_sub(1)?)?.as_ref()?.style;
    if style == LabelStyle::GutenbergBlock {
        return None; // placed where they belong; found by the in-body pass
    }
    let mut start = end;
    while start > 0 {
        let p = start - 1;
        match &labels[p] {
            Some(l) if same_family(l.style, style) => start = p,
            None if is_continuation(&paras[p].text) && p > 0 && labels[p - 1].is_some() => {
                start = p
            }
            _ => break,
        }
    }
    if start == end || labels[start].is_none() {
        return None;
    }
    // Confirm: numbered runs start at 1; some label must be cited in the body.
    let first = labels[start].as_ref()?;
    if matches!(
        style,
        LabelStyle::Numbered | LabelStyle::Superscript | LabelStyle::Bracket
    ) && first.label.as_deref() != Some("1")
    {
        return None;
    }
    let mut n = 0;
    let cited = (start..end).any(|k| match &labels[k] {
        Some(l) => {
            n += 1;
            let label = l.label.clone().unwrap_or_else(|| n.to_string());
            has_marker(&label, start)
        }
        None => false,
    });
    cited.then_some(start)
}

/// Label styles that may mix within one notes run (`- ³⁶` after `³⁵`).
fn same_family(a: LabelStyle, b: LabelStyle) -> bool {
    a == b
        || matches!(
            (a, b),
            (
                LabelStyle::Superscript | LabelStyle::Bullet,
                LabelStyle::Superscript | LabelStyle::Bullet
            )
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(t: &str) -> Option<(Option<String>, usize, LabelStyle)> {
        label_of(t).map(|l| (l.label, l.len, l.style))
    }

    #[test]
    fn labels() {
        assert_eq!(
            l("[1] While"),
            Some((Some("1".into()), 4, LabelStyle::Bracket))
        );
        assert_eq!(
            l("[^a]: x"),
            Some((Some("a".into()), 6, LabelStyle::Bracket))
        );
        assert_eq!(
            l("¹²Joseph"),
            Some((Some("12".into()), 4, LabelStyle::Superscript))
        );
        assert_eq!(
            l("- ³⁶Mari"),
            Some((Some("36".into()), 7, LabelStyle::Superscript))
        );
        assert_eq!(l("- Ibid."), Some((None, 2, LabelStyle::Bullet)));
        assert_eq!(
            l("10.   “K"),
            Some((Some("10".into()), 6, LabelStyle::Numbered))
        );
        assert_eq!(
            l("[Footnote 3: The"),
            Some((Some("3".into()), 13, LabelStyle::GutenbergBlock))
        );
        assert_eq!(l("^ a b Smith"), Some((None, 6, LabelStyle::BackLink)));
        assert_eq!(
            l("2. ^ Jones"),
            Some((Some("2".into()), 5, LabelStyle::BackLink))
        );
        assert_eq!(l("1956 was a year"), None);
        assert_eq!(l("[Kurile Islands] issues"), None);
    }
}
