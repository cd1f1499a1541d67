//! Tests of the page metadata a web page states.
use super::*;

#[test]
fn citation_tags_win_and_authors_join() {
    let doc = Document::from(
        r#"<html lang="en"><head><title>Ignored | Journal</title>
        <meta name="citation_title" content="On Notes">
        <meta name="citation_author" content="Smith, Ann">
        <meta name="citation_author" content="Li, Bo">
        <meta name="citation_publication_date" content="2013/11/11">
        <meta property="og:url" content="https://example.org/a">
        </head><body><h1>Other</h1></body></html>"#,
    );
    let s = stated(&doc);
    assert_eq!(s.title.as_deref(), Some("On Notes"));
    assert_eq!(s.author.as_deref(), Some("Smith, Ann and Li, Bo"));
    assert_eq!(s.date.as_deref(), Some("2013-11-11"));
    assert_eq!(s.source_url.as_deref(), Some("https://example.org/a"));
    assert_eq!(s.language.as_deref(), Some("en"));
}

#[test]
fn json_ld_time_and_title_suffix() {
    let doc = Document::from(
        r#"<head><title>Foo bar - Wikipedia</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"NewsArticle","author":[{"@type":"Person","name":"Jo Doe"}]}]}</script>
        </head><body><h1>Foo bar</h1><time datetime="2020-02-03T10:00">Feb</time></body>"#,
    );
    let s = stated(&doc);
    assert_eq!(s.title.as_deref(), Some("Foo bar"));
    assert_eq!(s.author.as_deref(), Some("Jo Doe"));
    assert_eq!(s.date.as_deref(), Some("2020-02-03"));
}

#[test]
fn a_stated_title_loses_the_site_name_too() {
    // Newer wiki pages state `og:title` with the site's name.
    let doc = Document::from(
        r#"<head><title>Rust (programming language) - Wikipedia</title>
        <meta property="og:title" content="Rust (programming language) - Wikipedia">
        </head><body><h1><span>Rust (programming language)</span></h1></body>"#,
    );
    assert_eq!(
        stated(&doc).title.as_deref(),
        Some("Rust (programming language)")
    );
    let doc = Document::from(
        r#"<head><meta property="og:title" content="Notes on notes | Ann's blog">
        <meta property="og:site_name" content="Ann's blog"></head><body></body>"#,
    );
    assert_eq!(stated(&doc).title.as_deref(), Some("Notes on notes"));
    let doc = Document::from(
        r#"<head><title>PEP 557 – Data Classes | peps.python.org</title></head>
        <body><h1 class="page-title">PEP 557 – Data Classes</h1></body>"#,
    );
    assert_eq!(
        stated(&doc).title.as_deref(),
        Some("PEP 557 – Data Classes")
    );
    let doc = Document::from("<head><title>Notes | v2.0 draft</title></head>");
    assert_eq!(
        stated(&doc).title.as_deref(),
        Some("Notes | v2.0 draft"),
        "a version number is no host"
    );
}

#[test]
fn saved_from_comment_gives_the_source() {
    let doc = Document::from(
        "<!DOCTYPE html>\n<!-- saved from url=(0025)https://example.org/page -->\n<html><body>x</body></html>",
    );
    assert_eq!(
        stated(&doc).source_url.as_deref(),
        Some("https://example.org/page")
    );
    assert_eq!(iso_date("November 11, 2013").as_deref(), Some("2013-11-11"));
}

#[test]
fn a_book_sections_title_is_its_heading() {
    let doc = Document::from(
        r#"<head><title>Structure and Interpretation of Computer Programs, 2e: 2.4</title></head>
        <body><h3 class="section"><span class="secnum">2.4</span><span class="sectitle">Multiple
        Representations for Abstract Data</span></h3></body>"#,
    );
    assert_eq!(
        stated(&doc).title.as_deref(),
        Some("2.4 Multiple Representations for Abstract Data")
    );
}
