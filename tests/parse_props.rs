//! Property tests of the parser: total on any input, markers always point at
//! notes, no control character survives into displayable text, spans valid.

use ibid::document::{Document, Format, is_displayable, parse_bytes, parse_str};
use proptest::prelude::*;

fn check_invariants(d: &Document) {
    for c in d.text.chars() {
        assert!(c == '\n' || is_displayable(c), "control {c:?} survived");
    }
    assert!(!d.meta.title.chars().any(|c| !is_displayable(c)));
    for b in &d.blocks {
        assert!(
            d.text.get(b.span.start..b.span.end).is_some(),
            "block span on char boundaries"
        );
        if b.kind != ibid::document::BlockKind::Code {
            assert!(!d.slice(b.span).contains('\n'), "a block is one line");
        }
    }
    for (i, m) in d.markers.iter().enumerate() {
        let n = m.note.expect("every marker points at a note");
        assert!(n < d.notes.len());
        assert!(d.notes[n].markers.contains(&i));
        assert_eq!(d.slice(m.span), format!("[{}]", m.label));
    }
    for n in &d.notes {
        assert!(d.text.get(n.span.start..n.span.end).is_some());
        for r in [n.refers_to, n.same_as].into_iter().flatten() {
            assert!(r < d.notes.len());
        }
    }
    for x in &d.inlines {
        assert!(
            d.text.get(x.span.start..x.span.end).is_some(),
            "inline span valid"
        );
    }
}

/// Article-like text: paragraphs with markers of every convention, headings,
/// furniture-like lines, and a notes section in one of several shapes.
fn article() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Russia",
        "Japan",
        "treaty",
        "the",
        "islands",
        "G7",
        "2+2",
        "1956",
        "*emphasis*",
        "\\$24",
        "<http://a.org/x>",
        "security.1",
        "office,2",
        "[3]",
        "¹",
        "²³",
        "[^4]",
        "(2016-25)",
        "$1,283,200,000,8",
        "Ibid.",
        "op. cit.",
        "\u{1b}[2J",
        "\u{202e}",
        "\t",
        "“quoted”",
        "[Footnote 1: x]",
        "- ",
        "^ a b",
        "Endnotes:",
    ]);
    let para = prop::collection::vec(word, 1..30).prop_map(|w| w.join(" "));
    let paras = prop::collection::vec(para, 1..12);
    let note = prop::collection::vec(
        prop::sample::select(vec![
            "Author,",
            "“Title”,",
            "Ibid.",
            "op.cit.",
            "p. 4",
            "http://x.org/1",
        ]),
        1..6,
    )
    .prop_map(|w| w.join(" "));
    let notes = prop::collection::vec(note, 0..8);
    let style = 0..6usize;
    let sep = prop::sample::select(vec!["\n", "\n\n", "\r\n\r\n"]);
    (paras, notes, style, sep).prop_map(|(paras, notes, style, sep)| {
        let mut s = paras.join(sep);
        s.push_str(sep);
        if style == 1 {
            s.push_str("Notes");
            s.push_str(sep);
        }
        for (i, n) in notes.iter().enumerate() {
            let k = i + 1;
            let line = match style {
                0 => format!("- {n}"),
                1 | 2 => format!("{k}. {n}"),
                3 => format!("[{k}] {n}"),
                4 => format!("{}{n}", ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸"][i % 8]),
                _ => format!("[^{k}]: {n}"),
            };
            s.push_str(&line);
            s.push_str(sep);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_invariants(&parse_bytes(&bytes, Format::Plain));
        check_invariants(&parse_bytes(&bytes, Format::Markdown));
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,600}") {
        check_invariants(&parse_str(&s, Format::Plain));
        check_invariants(&parse_str(&s, Format::Markdown));
    }

    #[test]
    fn article_like_text_keeps_invariants(s in article()) {
        check_invariants(&parse_str(&s, Format::Plain));
        check_invariants(&parse_str(&s, Format::Markdown));
    }

    #[test]
    fn control_characters_never_survive(prefix in "[a-z ]{0,20}", c in 0u32..0x20, suffix in "[a-z ]{0,20}") {
        let ch = char::from_u32(c).unwrap_or('\u{1}');
        let s = format!("{prefix}{ch}{suffix}\u{1b}]0;title\u{7}\u{9b}\u{202e}\n");
        let d = parse_str(&s, Format::Plain);
        check_invariants(&d);
        prop_assert!(!d.text.contains(char::from(0x1b_u8)));
    }
}

/// Words (letter-or-digit runs of two or more) of `s`, lower-cased.
fn words(s: &str) -> Vec<String> {
    // Superscript digits are marker or label syntax: they separate words.
    let sup = |c: char| matches!(c, '¹' | '²' | '³' | '⁰'..='⁹');
    s.split(|c: char| !c.is_alphanumeric() || sup(c))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Conservation: every word of the input is somewhere in the model — body,
/// notes, furniture (all in `text`), labels or metadata.
fn assert_conserved(input: &str, d: &Document) {
    let mut have: std::collections::HashSet<String> = words(&d.text).into_iter().collect();
    for m in &d.markers {
        have.extend(words(&m.label));
    }
    for n in &d.notes {
        have.extend(words(&n.label));
    }
    for f in [
        Some(&d.meta.title),
        d.meta.author.as_ref(),
        d.meta.date.as_ref(),
        d.meta.publication.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        have.extend(words(f));
    }
    // What sanitising neutralises (an ESC sequence's letters stay, as text).
    // Label syntax is not the author's text: Gutenberg's `[Footnote 1: …]`
    // wrapper becomes the note's label.
    let input = ibid::document::decode(input.as_bytes())
        .text
        .replace("[Footnote ", "[");
    for w in words(&input) {
        assert!(have.contains(&w), "word {w:?} of the input vanished");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_word_of_the_input_is_conserved(s in article()) {
        assert_conserved(&s, &parse_str(&s, Format::Plain));
        assert_conserved(&s, &parse_str(&s, Format::Markdown));
    }

    #[test]
    fn every_word_of_arbitrary_text_is_conserved(s in "[A-Za-z0-9 .,;:*_\\[\\]()\\n-]{0,400}") {
        assert_conserved(&s, &parse_str(&s, Format::Plain));
    }
}
