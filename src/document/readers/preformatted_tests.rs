//! Tests of `preformatted`.
use super::*;

#[test]
fn ascii_tokens_are_judged_as_chars_are() {
    let lines = [
        "p = B10B8F96 A080E01D DE92DE5E",
        "a\x0bb\x0cc\td\re  f =|{}<>:;+*/& x1y2 ab12 a1 ||",
        "   plain words of prose, with commas.  ",
        "",
    ];
    let unicode = "“a”\u{a0}b\u{85}c\u{2003}d\u{3000}e\u{1680}f\u{205f}g\u{2028} é  \u{202f}";
    let more = [unicode, " \u{a0} ", "é", "ab1é2 x=é {é}"];
    for l in lines.iter().copied().chain(more) {
        let mut split = Vec::new();
        words(l, |w, s| split.push((w, s)));
        let by_chars: Vec<(&str, bool)> = l.split_whitespace().map(|w| (w, symbolic(w))).collect();
        assert_eq!(split, by_chars, "{l:?}");
    }
    assert!(mostly_symbolic(&lines[..1]) && !mostly_symbolic(&lines[2..]));
    for t in [
        "",
        "a b",
        "“Quoted,” he said — 12 times.",
        "x\u{a0}y’s 1\u{2028}",
    ] {
        let n = t.chars().count().max(1);
        let w = t
            .chars()
            .filter(|c| c.is_alphabetic() || *c == ' ' || matches!(c, ',' | '.' | '\'' | '’' | '"'))
            .count();
        assert_eq!(wordiness(t), w * 100 / n, "{t}");
    }
    for t in [
        "",
        "short",
        &"x".repeat(60),
        &"é".repeat(61),
        &"é".repeat(30),
    ] {
        assert_eq!(more_chars_than(t, 60), t.chars().count() > 60, "{t}");
    }
}

#[test]
fn shapes() {
    let toc = [
        "   1 Introduction ...................................................7",
        "   1.1 Purpose......................................................7",
    ];
    assert_eq!(classify(&toc, 3), Shape::Preformatted);
    let ellipses = [
        "As we noted, “[t]he Double Jeopardy Clause . . . provides that no person shall be",
        "separate and distinct . . . if they involve distinct ‘elements.’” Id. at 221.",
    ];
    assert_eq!(classify(&ellipses, 0), Shape::Prose);
    assert!(dot_leader("Scope . . . . . . 12") && dot_leader("Contents ........"));
    assert!(dot_leader("INTRODUCTION............Pages 1-26") && dot_leader("Preface .... p. 9"));
    assert!(!dot_leader("Wait.... Pages of it were gone"));
    let header = [
        "Network Working Group                                      R. Fielding",
        "Request for Comments: 2616                                   UC Irvine",
    ];
    assert_eq!(classify(&header, 3), Shape::Preformatted);
    let rfc2616 = [
        "Network Working Group                                      R. Fielding",
        "Request for Comments: 2616                                   UC Irvine",
        "Obsoletes: 2068                                              J. Gettys",
        "Category: Standards Track                                   Compaq/W3C",
        "                                                              J. Mogul",
        "                                                                Compaq",
        "                                                            H. Frystyk",
        "                                                               W3C/MIT",
        "                                                             June 1999",
    ];
    assert_eq!(classify(&rfc2616, 3), Shape::Preformatted);
    let hex = [
        "   p = B10B8F96 A080E01D DE92DE5E AE5D54EC 52C99FBC FB06A3C6",
        "       9A6A9DCA 52D23B61 6073E286 75A23D18 9838EF1E 2EE652C0",
        "       DF1FB2BC 2E4A4371",
    ];
    assert_eq!(classify(&hex, 3), Shape::Preformatted);
    let justified = [
        "   The Hypertext Transfer Protocol (HTTP) is an application-level",
        "   protocol for distributed, collaborative, hypermedia informatio",
        "   systems, in 1999 and 2000, for HTTP/1.1 and HTTP/2 and others.",
    ];
    assert_eq!(classify(&justified, 3), Shape::Prose);
    let pragma = [
        "       Pragma            = \"Pragma\" \":\" 1#pragma-directive",
        "       pragma-directive  = \"no-cache\" | extension-pragma",
        "       extension-pragma  = token [ \"=\" ( token | quoted-string ) ]",
    ];
    assert_eq!(classify(&pragma, 3), Shape::Preformatted);
    assert_eq!(
        classify(
            &["   The value x = 3 is what the caller passes, as said above."],
            3
        ),
        Shape::Prose
    );
    let song = [
        "    Gone, gone--sold and gone,",
        "    To the rice-swamp dank and lone,",
        "Where the slave-whip ceaseless swings,",
        "Where the noisome insect stings,",
    ];
    assert_eq!(classify(&song, 0), Shape::Preformatted);
    let narrow = [
        "The respondent is a native and",
        "citizen of Haiti who was admitted",
        "to the United States as a lawful",
        "permanent resident in 2004.",
    ];
    assert_eq!(classify(&narrow, 0), Shape::Prose);
    let abnf = ["       Request-Line   = Method SP Request-URI SP HTTP-Version CRLF"];
    assert_eq!(classify(&abnf, 3), Shape::Preformatted);
    let code = [
        "    # Correct:",
        "    foo = long_function_name(var_one, var_two,",
    ];
    assert_eq!(classify(&code, 0), Shape::Preformatted);
    let prose = [
        "   The Hypertext Transfer Protocol (HTTP) is an application-level",
        "   protocol for distributed, collaborative, hypermedia information",
        "   systems.",
    ];
    assert_eq!(classify(&prose, 3), Shape::Prose);
    let quote = [
        "    It is a truth universally acknowledged, that a single man in",
        "    possession of a good fortune, must be in want of a wife.",
    ];
    assert_eq!(classify(&quote, 0), Shape::Quote);
    let verse = [
        "    The woods are lovely, dark and deep,",
        "    But I have promises to keep,",
    ];
    assert_eq!(classify(&verse, 0), Shape::Preformatted);
    assert_eq!(
        classify(&["                              CHAPTER I."], 0),
        Shape::Prose
    );
}

#[test]
fn base_and_dedent() {
    let lines = [
        "   The Hypertext Transfer Protocol (HTTP) is an application-level",
        "   protocol for distributed, collaborative, hypermedia information",
        "      code",
    ];
    assert_eq!(base_indent(lines.iter().copied()), 3);
    assert_eq!(dedent(&["      a", "        b"]), "a\n  b");
}

#[test]
fn an_address_block_in_an_indented_body_keeps_its_lines() {
    let addr = [
        "   Yaron Sheffer",
        "   Porticor",
        "   29 HaHarash St.",
        "   Israel",
    ];
    assert_eq!(classify(&addr, 3), Shape::Preformatted);
    // Narrow prose continues in lower case; a document at the margin
    // (a book) keeps its short lines to the prose rules.
    let narrow = [
        "   The attack was",
        "   first described",
        "   in 2011 by two",
    ];
    assert_eq!(classify(&narrow, 3), Shape::Prose);
    assert_eq!(
        classify(&["Yaron Sheffer", "Porticor", "Israel"], 0),
        Shape::Prose
    );
}

#[test]
fn an_rfc_first_page_with_fields_under_its_columns_is_one_block() {
    let head = [
        "Internet Engineering Task Force (IETF)                       E. Rescorla",
        "Request for Comments: 8446                                       Mozilla",
        "Obsoletes: 5077, 5246, 6961                                  August 2018",
        "Updates: 5705, 6066",
        "Category: Standards Track",
        "ISSN: 2070-1721",
    ];
    assert_eq!(classify(&head, 3), Shape::Preformatted);
    let contributor = [
        "   Martin Abadi",
        "   University of California, Santa Cruz",
        "   abadi@cs.ucsc.edu",
    ];
    assert_eq!(classify(&contributor, 3), Shape::Preformatted);
}

#[test]
fn c_code_at_any_indent_is_preformatted() {
    // RFC 2104's sample code sits at column 0 beside prose indented 3.
    let code = [
        "unsigned char*  text;                /* pointer to data stream */",
        "int             text_len;            /* length of data stream */",
        "caddr_t         digest;              /* caller digest to be filled in */",
    ];
    assert_eq!(classify(&code, 3), Shape::Preformatted);
    let body = [
        "        MD5_CTX context;",
        "        unsigned char k_ipad[65];    /* inner padding -",
        "                                      * key XORd with ipad",
        "                                      */",
        "        int i;",
    ];
    assert_eq!(classify(&body, 3), Shape::Preformatted);
    // A bulleted list and prose that happens to end a line with `;` are not.
    let bullets = [
        "   * To use, without modifications, available hash functions.",
        "   * To preserve the original performance of the hash function;",
        "   * To use and handle keys in a simple way.",
    ];
    assert_ne!(classify(&bullets, 3), Shape::Preformatted);
    let prose = [
        "   The definition of HMAC requires a cryptographic hash function;",
        "   we denote it by H, and a secret key K. We assume H to be a hash",
        "   function where data is hashed by iterating a basic compression",
    ];
    assert_eq!(classify(&prose, 3), Shape::Prose);
}
