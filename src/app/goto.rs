//! The `:` command line: `:p 12` (or `:12`, `:page 12`) goes to a page of
//! an article that has pages (PDF). Pure: parses and moves the top line.

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
}
