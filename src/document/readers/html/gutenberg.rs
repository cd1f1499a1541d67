//! Project Gutenberg's HTML editions: the book is the whole page (no
//! extractor: it would strip the footnotes' classes and copy them into the
//! text), the licence before `*** START OF …` and after `*** END OF …` is
//! furniture, and the header's `Title:`/`Author:`/`Release Date:` lines
//! state the metadata.

use crate::document::Furniture;
use crate::document::raw::Para;
use crate::document::readers::Stated;
use crate::document::readers::headers::{
    gutenberg_line, gutenberg_title_line, hide_credits, licence_line,
};

/// True for a Project Gutenberg HTML page: its start-of-book line within the
/// opening of the page.
#[must_use]
pub fn is_gutenberg(html: &str) -> bool {
    let end = html
        .char_indices()
        .nth(64 * 1024)
        .map_or(html.len(), |(i, _)| i);
    let head = html[..end].to_ascii_uppercase();
    head.contains("PROJECT GUTENBERG")
        && (head.contains("START OF THE PROJECT") || head.contains("START OF THIS PROJECT"))
}

/// A paragraph holding a licence boundary line (a `<pre>` header may
/// hold the fields and the `*** START OF …` line together).
fn boundary(t: &str, what: &str) -> bool {
    t.lines().any(|l| licence_line(l, what))
}

/// Hides the licence header and footer of a Gutenberg page's paragraphs and
/// returns what the header states (over what the page's `<title>` said).
pub fn read(paras: &mut [Para<'_>], stated: &mut Stated) {
    let Some(start) = paras
        .iter()
        .take(300)
        .position(|p| boundary(&p.text, "START OF"))
    else {
        return;
    };
    let end = paras
        .iter()
        .rposition(|p| boundary(&p.text, "END OF"))
        .filter(|&e| e > start)
        .unwrap_or(paras.len());
    let mut found = Stated::default();
    for p in &paras[..=start] {
        for line in p.text.lines() {
            gutenberg_line(line.trim(), &mut found);
        }
    }
    for line in paras[..=start].iter().flat_map(|p| p.text.lines()) {
        gutenberg_title_line(line.trim(), &mut found);
    }
    // `<title>The Project Gutenberg eBook of X, by Y</title>`.
    if let Some(t) = stated.title.clone() {
        gutenberg_title_line(&t, &mut found);
    }
    stated.title = found.title.or(stated.title.take());
    stated.author = found.author.or(stated.author.take());
    stated.date = found.date.or(stated.date.take());
    stated.language = found.language.or(stated.language.take());
    let n = paras.len();
    for i in (0..=start).chain(end..n) {
        paras[i].hidden = Some(Furniture::Licence);
    }
    hide_credits(&mut paras[start + 1..end]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_states_and_the_licence_hides() {
        let mut paras = vec![
            Para::verbatim("The Project Gutenberg EBook of X, by Y", 0..0, true),
            Para::verbatim(
                "Title: Beethoven's Letters 1790-1826 Vol. 2\nAuthor: Lady Wallace\n\
                 Release Date: August 13, 2004 [EBook #13272]\n\
                 *** START OF THIS PROJECT GUTENBERG EBOOK BEETHOVEN'S LETTERS ***",
                0..0,
                true,
            ),
            Para::verbatim("The letters.", 0..0, true),
            Para::verbatim(
                "***END OF THE PROJECT GUTENBERG EBOOK BEETHOVEN***",
                0..0,
                true,
            ),
            Para::verbatim("Licence text.", 0..0, true),
        ];
        let mut stated = Stated {
            title: Some("The Project Gutenberg eBook of Beethoven's Letters".into()),
            ..Stated::default()
        };
        read(&mut paras, &mut stated);
        assert_eq!(
            stated.title.as_deref(),
            Some("Beethoven's Letters 1790-1826 Vol. 2")
        );
        assert_eq!(stated.author.as_deref(), Some("Lady Wallace"));
        assert_eq!(stated.date.as_deref(), Some("2004-08-13"));
        let hidden: Vec<bool> = paras.iter().map(|p| p.hidden.is_some()).collect();
        assert_eq!(hidden, vec![true, true, false, true, true]);
    }

    #[test]
    fn a_title_element_alone_gives_title_and_author() {
        let mut paras = vec![
            Para::verbatim(
                "***START OF THE PROJECT GUTENBERG EBOOK FOLK-LORE***",
                0..0,
                true,
            ),
            Para::verbatim("Text.", 0..0, true),
        ];
        let mut stated = Stated {
            title: Some(
                "The Project Gutenberg eBook of Contribution to Passamaquoddy Folk-Lore, by J. Walter Fewkes"
                    .into(),
            ),
            ..Stated::default()
        };
        read(&mut paras, &mut stated);
        assert_eq!(
            stated.title.as_deref(),
            Some("Contribution to Passamaquoddy Folk-Lore")
        );
        assert_eq!(stated.author.as_deref(), Some("J. Walter Fewkes"));
    }

    #[test]
    fn the_credits_after_the_start_line_are_furniture() {
        let mut paras = vec![
            Para::verbatim(
                "***START OF THE PROJECT GUTENBERG EBOOK FOLK-LORE***",
                0..0,
                true,
            ),
            Para::verbatim(
                "E-text prepared by Thierry Alberto and the Team",
                0..0,
                true,
            ),
            Para::verbatim("Hemenway Southwestern Expedition", 0..0, true),
        ];
        read(&mut paras, &mut Stated::default());
        let hidden: Vec<bool> = paras.iter().map(|p| p.hidden.is_some()).collect();
        assert_eq!(hidden, vec![true, true, false]);
    }
}
