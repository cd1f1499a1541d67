//! Going to a place by number: the `:` command line (`:p 12`, `:12`,
//! `:page 12` go to a page of an article that has pages, PDF) and `50%`
//! (that far into the article). Pure: parses and moves the top line.

use super::AppState;
use super::message::Message;
use super::nav::push_jump;

/// The page a `:` command names: `p 12`, `p12`, `page 12`, `12`.
#[must_use]
pub fn page_command(input: &str) -> Option<u32> {
    let t = input.trim().to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("p."))
        .or_else(|| t.strip_prefix('p'))
        .unwrap_or(&t);
    t.trim().parse().ok()
}

/// Runs a `:` command line.
pub fn run_command(s: &mut AppState, input: &str) {
    if let Some(n) = page_command(input) {
        goto_page(s, n);
    } else {
        let shown = crate::document::sanitize(input.trim());
        s.message = Some(Message::warning(format!(
            "unknown command: {shown} (try :p 12)"
        )));
    }
}

/// Scrolls to the first block on page `n` or later (PDFs).
pub fn goto_page(s: &mut AppState, n: u32) {
    let Some(doc) = s.doc() else { return };
    let last = doc.blocks.iter().filter_map(|b| b.page).max();
    let Some(last) = last else {
        s.message = Some(Message::warning("this article has no pages"));
        return;
    };
    if n > last || n == 0 {
        s.message = Some(Message::warning(format!("no page {n}: pages run 1–{last}")));
        return;
    }
    // The first block starting on page n; when page n only holds the end of
    // a paragraph begun earlier, that paragraph.
    let text = || doc.blocks.iter().filter(|b| b.furniture.is_none());
    let target = text()
        .find(|b| b.page == Some(n))
        .or_else(|| text().rfind(|b| b.page.is_some_and(|p| p < n)))
        .or_else(|| text().find(|b| b.page.is_some_and(|p| p > n)))
        .map(|b| b.span.start);
    match target {
        Some(start) => {
            push_jump(s);
            s.set_top_from_anchor(start);
            super::landing::mark(s, start);
        }
        None => s.message = Some(Message::warning(format!("no text on page {n}"))),
    }
}

/// `N%`: the line holding the byte `N` percent into the article's text goes
/// to the top (100 and more: the last screen), as a jump (`C-o` returns).
pub fn percent(s: &mut AppState, p: Option<u32>) {
    let Some(p) = p else {
        s.message = Some(Message::info(
            "type a number first: 50% goes halfway into the article",
        ));
        return;
    };
    let Some(len) = s.doc().map(|d| d.body_end()) else {
        return;
    };
    push_jump(s);
    if p >= 100 {
        s.set_top_edge(true);
        return;
    }
    let at =
        usize::try_from(u64::try_from(len).unwrap_or(u64::MAX) * u64::from(p) / 100).unwrap_or(len);
    s.set_top_from_anchor(at);
}

#[cfg(test)]
mod tests {
    use super::page_command;

    #[test]
    fn page_commands() {
        assert_eq!(page_command("p 12"), Some(12));
        assert_eq!(page_command("p12"), Some(12));
        assert_eq!(page_command(" page 3 "), Some(3));
        assert_eq!(page_command("p. 7"), Some(7));
        assert_eq!(page_command("7"), Some(7));
        assert_eq!(page_command("q"), None);
        assert_eq!(page_command("p x"), None);
    }

    #[test]
    fn a_count_and_percent_go_that_far_into_the_article() {
        use crate::app::{Action, AppState, update};
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&format!("Paragraph {i}.\n\n"));
        }
        let doc = crate::document::parse_str(&text, crate::document::Format::Plain);
        let (mut s, _) = crate::app::test_state::showing("a.txt", doc, 80, 24);
        let now = std::time::UNIX_EPOCH;
        let top = |s: &AppState| {
            let at = s.layout.as_ref().unwrap().line_start[s.top];
            s.doc().unwrap().text[at..]
                .chars()
                .take(14)
                .collect::<String>()
        };
        for d in [5, 0] {
            update(&mut s, Action::Count(d), now);
        }
        update(&mut s, Action::Percent(None), now);
        let n: usize = top(&s)["Paragraph ".len()..]
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .unwrap();
        assert!((180..220).contains(&n), "{}", top(&s));
        // Back where it was with C-o; without a count, a hint and no move.
        update(&mut s, Action::Back, now);
        assert_eq!(s.top, 0);
        update(&mut s, Action::Percent(None), now);
        assert_eq!(s.top, 0);
        assert!(s.message.as_ref().is_some_and(|m| m.text.contains("50%")));
    }
}
