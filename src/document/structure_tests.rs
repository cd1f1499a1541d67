//! Tests of `structure`.
use super::*;

#[test]
fn headings() {
    for h in [
        "Russia’s Asia Pacific Strategy",
        "Russia-Japan Relations: Tough Love",
        "Conclusion",
        "Warnings in Japan and Russia that the Other Will Run Off without Paying the Bill",
        "The “Securitization” of the Northern Territories Question",
        "Implications For Canada",
        "A. First Amendment Claim (Count One)",
        "Renegotiation (CVE-2009-3555)",
    ] {
        assert!(heading_like(h), "{h}");
    }
    for p in [
        "To restore Russia’s status as a great power;",
        "Thus, Japan is important for Russia in its Asia Pacific policy.",
        "(For a EuroNews overview on the meeting see the following video:)",
        "the rest of a sentence",
        "How about Japan? Does Japan have any way",
        "See the appendix (page 4)",
        "(For a note see below)",
    ] {
        assert!(!heading_like(p), "{p}");
    }
}

#[test]
fn embeds() {
    assert!(is_embed(
        "(For a EuroNews overview on the meeting see the following video:)"
    ));
    assert!(!is_embed("(2016-25)"));
    assert!(is_embed("[Illustration]"));
    assert!(is_embed("[Illustration: Criterion of the Eyes.]"));
    assert!(is_embed("[ILLUSTRATION: FIG. 3.]"));
    assert!(!is_embed("[Illustrations of the text follow]x"));
    assert!(!is_embed("[Illustrative examples]"));
}

#[test]
fn an_address_block_is_no_run_of_headings() {
    // An RFC's "Authors' Addresses": short lines, one under another.
    let text = "   This is the body of the document, a long indented line of prose.\n\n\
                Authors' Addresses\n\n   Yaron Sheffer\n   Porticor\n   29 HaHarash St.\n\
                \n   EMail: someone@example.com\n";
    let doc = crate::document::parse_str(text, crate::document::Format::Plain);
    let heads: Vec<&str> = doc.headings().map(|(_, h, _)| h).collect();
    assert!(!heads.contains(&"Yaron Sheffer"), "{heads:?}");
    assert!(!heads.contains(&"Porticor"), "{heads:?}");
}

#[test]
fn a_line_under_a_chapter_heading_is_its_subtitle() {
    let text = "Chapter I.\n\nPreliminary Ideas--criterion of the Oratorical Art.\n\n\
                Let us note an incontestable fact. The science of the Art of Oratory has \
                not yet been taught, and this paragraph runs on to make it prose.\n";
    let doc = crate::document::parse_str(text, crate::document::Format::Plain);
    let heads: Vec<(&str, u8)> = doc.headings().map(|(_, h, l)| (h, l)).collect();
    assert!(
        heads
            .iter()
            .any(|(h, _)| h.starts_with("Preliminary Ideas")),
        "{heads:?}"
    );
}
