//! Listings read line by line (reST literal blocks, Org and `AsciiDoc`
//! blocks) joined back into one preformatted paragraph per listing.

use crate::document::raw::{Para, ParaKind};

/// Joins runs of `Code` paragraphs that stand next to each other in `src`
/// (nothing but whitespace between them) into one paragraph, keeping the
/// blank lines inside the listing.
pub fn join(paras: &mut Vec<Para<'_>>, src: &str) {
    let mut out: Vec<Para<'_>> = Vec::with_capacity(paras.len());
    for p in paras.drain(..) {
        if let Some(prev) = out.last_mut()
            && prev.kind == ParaKind::Code
            && p.kind == ParaKind::Code
            && prev.hidden == p.hidden
            && let Some(gap) = src.get(prev.source.end..p.source.start)
            && gap.contains('\n')
            && gap.trim().is_empty()
        {
            let blanks = gap.matches('\n').count().saturating_sub(1);
            let sep = "\n".repeat(blanks + 1);
            prev.append_with(&sep, p);
            continue;
        }
        out.push(p);
    }
    *paras = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(src: &str, line: &str) -> Para<'static> {
        let at = src.find(line).expect("line in source");
        Para::verbatim(line.trim().to_string(), at..at + line.len(), false)
    }

    #[test]
    fn adjacent_lines_join_and_separate_listings_do_not() {
        let src =
            "#+begin_src\nfn main() {\n\n    x\n}\n#+end_src\nText.\n#+begin_src\ny\n#+end_src\n";
        let mut paras = vec![
            code(src, "fn main() {"),
            code(src, "    x"),
            code(src, "}"),
            Para::from_raw("Text.", 0..0, true),
            code(src, "y\n"),
        ];
        paras[1].text = "    x".into();
        join(&mut paras, src);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_ref()).collect();
        assert_eq!(texts, vec!["fn main() {\n\n    x\n}", "Text.", "y"]);
    }
}
