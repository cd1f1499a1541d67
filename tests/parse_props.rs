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

/// Content words that the markup generators below wrap in syntax.
const WORDS: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "treaty", "islands", "Russia", "Kyoto", "1956", "zeta",
];

/// A document in `format` built from pieces of its syntax around content
/// words; returns the source and the words it holds.
fn markup_doc(format: Format) -> impl Strategy<Value = (String, Vec<String>)> {
    let word = prop::sample::select(WORDS.to_vec());
    let piece = (0..12usize, prop::collection::vec(word, 1..5));
    prop::collection::vec(piece, 1..14).prop_map(move |pieces| {
        let mut s = String::new();
        let mut words = Vec::new();
        for (k, (kind, ws)) in pieces.into_iter().enumerate() {
            let t = ws.join(" ");
            words.extend(ws.iter().map(|w| (*w).to_string()));
            let n = k + 1;
            let block = match (format, kind) {
                (Format::Rst, 0) => format!("{t}\n{}\n", "=".repeat(t.len())),
                (Format::Rst, 1) => format!("- {t}"),
                (Format::Rst, 2) => format!("Text [#]_ {t}.\n\n.. [#] {t}"),
                (Format::Rst, 3) => format!("A *{t}* and **{t}** and ``{t}``"),
                (Format::Rst, 4) => format!("Para::\n\n    {t}"),
                (Format::Rst, 5) => format!(".. note:: {t}"),
                (Format::Rst, 6) => format!(":Field: {t}"),
                (Format::Rst, 7) => format!("See [{n}]_ {t}\n\n.. [{n}] {t}"),
                (Format::Org, 0) => format!("* {t}"),
                (Format::Org, 1) => format!("- {t}"),
                (Format::Org, 2) => format!("Text[fn:{n}] {t}\n\n[fn:{n}] {t}"),
                (Format::Org, 3) => format!("A *{t}* and /{t}/ and ={t}="),
                (Format::Org, 4) => format!("#+begin_src\n{t}\n#+end_src"),
                (Format::Org, 5) => format!("Inline[fn:: {t}] note"),
                (Format::Org, 6) => format!("[[https://x.org][{t}]]"),
                (Format::Org, 7) => format!("#+begin_quote\n{t}\n#+end_quote"),
                (Format::AsciiDoc, 0) => format!("== {t}"),
                (Format::AsciiDoc, 1) => format!("* {t}"),
                (Format::AsciiDoc, 2) => format!("Text.footnote:[{t}] {t}"),
                (Format::AsciiDoc, 3) => format!("A *{t}* and _{t}_ and `{t}`"),
                (Format::AsciiDoc, 4) => format!("----\n{t}\n----"),
                (Format::AsciiDoc, 5) => format!("NOTE: {t}"),
                (Format::AsciiDoc, 6) => format!("https://x.org[{t}]"),
                (Format::AsciiDoc, 7) => format!("____\n{t}\n____"),
                (Format::Markdown, 0) => format!("## {t} {{#id}}"),
                (Format::Markdown, 1) => format!("- {t}"),
                (Format::Markdown, 2) => format!("Text[^{n}] {t}\n\n[^{n}]: {t}"),
                (Format::Markdown, 3) => format!("A *{t}* and <em>{t}</em> and `{t}`"),
                (Format::Markdown, 4) => format!("```\n{t}\n```"),
                (Format::Markdown, 5) => format!("Inline^[{t}] note"),
                (Format::Markdown, 6) => format!("<div class=\"x\"><p>{t}</p></div>"),
                (Format::Markdown, 7) => format!("| {t} | x |\n|---|---|\n| {t} | y |"),
                // Broken or unterminated syntax must keep its words too.
                (_, 8) => format!("{t} [fn:: {t}"),
                (_, 9) => format!("*{t} ^[{t} footnote:[{t}"),
                (_, 10) => format!("`{t}` [[{t} [{t}]_ <<{t}"),
                _ => t.clone(),
            };
            s.push_str(&block);
            s.push_str("\n\n");
        }
        (s, words)
    })
}

/// Every content word is somewhere the reader can see it.
fn conserves(d: &Document, words: &[String]) {
    let meta = format!(
        "{} {} {}",
        d.meta.title,
        d.meta.author.as_deref().unwrap_or(""),
        d.meta.description.as_deref().unwrap_or("")
    );
    for w in words {
        assert!(
            d.text.contains(w.as_str()) || meta.contains(w.as_str()),
            "{w} lost from:\n{}",
            d.text
        );
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn markup_readers_conserve_words_rst((s, words) in markup_doc(Format::Rst)) {
        let d = parse_str(&s, Format::Rst);
        check_invariants(&d);
        conserves(&d, &words);
    }

    #[test]
    fn markup_readers_conserve_words_org((s, words) in markup_doc(Format::Org)) {
        let d = parse_str(&s, Format::Org);
        check_invariants(&d);
        conserves(&d, &words);
    }

    #[test]
    fn markup_readers_conserve_words_asciidoc((s, words) in markup_doc(Format::AsciiDoc)) {
        let d = parse_str(&s, Format::AsciiDoc);
        check_invariants(&d);
        conserves(&d, &words);
    }

    #[test]
    fn markup_readers_conserve_words_markdown((s, words) in markup_doc(Format::Markdown)) {
        let d = parse_str(&s, Format::Markdown);
        check_invariants(&d);
        conserves(&d, &words);
    }

    #[test]
    fn markup_readers_never_panic_on_any_text(s in "[-=*_/~+`#:.\\[\\]^<>{}|a-z0-9 \n]{0,400}") {
        for f in [Format::Rst, Format::Org, Format::AsciiDoc, Format::Markdown] {
            check_invariants(&parse_str(&s, f));
        }
    }

    #[test]
    fn markup_readers_never_panic_on_arbitrary_unicode(s in "\\PC{0,400}") {
        for f in [Format::Rst, Format::Org, Format::AsciiDoc] {
            check_invariants(&parse_str(&s, f));
        }
    }
}
