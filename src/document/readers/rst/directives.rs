//! reST explicit markup blocks (`.. `): footnote and citation definitions,
//! hyperlink targets and substitutions (read up front, not shown), comments
//! (hidden), and directives: code and tables as preformatted lines,
//! admonitions as quotes with their kind, images, includes, the rest as text.

use super::inline::inline;
use super::{Reader, block_after};
use crate::document::InlineKind;
use crate::document::raw::ParaKind;
use crate::document::readers::lines::{Inl, Line, is_blank};

impl Reader {
    /// `.. ` blocks: footnote and citation definitions, targets, directives,
    /// substitution definitions, comments. Returns the next line index.
    pub(super) fn explicit(&mut self, all: &[Line<'_>], from: usize) -> usize {
        let (o, line) = all[from];
        let t = line.trim_start();
        let rest = t.strip_prefix("..").unwrap_or("").trim_start();
        let (body, end) = block_after(all, from + 1, 0);
        self.started = true;
        if let Some(inner) = rest.strip_prefix('[')
            && let Some(close) = inner.find(']')
        {
            let label = self.ctx.define(&inner[..close]);
            let first = inner[close + 1..].trim_start();
            let off = o + line.len() - first.len();
            let mut ls = vec![(off, first)];
            let kind = ParaKind::FootnoteDef(label);
            for l in body {
                if is_blank(l.1) {
                    self.para(&ls, kind.clone());
                    ls.clear();
                } else {
                    ls.push(l);
                }
            }
            self.para(&ls, kind);
            return end;
        }
        if rest.starts_with('_') || rest.starts_with('|') && rest.contains("replace::") {
            return end; // a hyperlink target or substitution (read up front)
        }
        let Some((name, args)) = rest.split_once("::") else {
            return end; // a comment
        };
        let name = name.trim().to_ascii_lowercase();
        let args = args.trim();
        let name = name.rsplit(':').next().unwrap_or(&name).to_string();
        // Options (`:linenos:`) directly under the directive are not text.
        let skip = body.iter().take_while(|l| l.1.starts_with(':')).count();
        let content = &body[skip..];
        match name.as_str() {
            "code" | "code-block" | "sourcecode" | "math" | "parsed-literal" | "raw"
            | "csv-table" | "list-table" | "table" | "productionlist" | "doctest" | "testcode"
            | "highlight" => {
                if !args.is_empty() && matches!(name.as_str(), "table" | "csv-table" | "list-table")
                {
                    let mut inl = Inl::default();
                    inl.styled(args, InlineKind::Strong);
                    self.out.push(inl, ParaKind::Paragraph, o..o + line.len());
                }
                for (co, cl) in content {
                    self.out.code(cl, *co..co + cl.len());
                }
            }
            "contents" | "sectnum" | "index" | "meta" | "target-notes" | "header" | "footer"
            | "only" | "tabularcolumns" | "currentmodule" | "module" => {
                self.blocks(content, ParaKind::Paragraph);
            }
            "image" | "figure" => {
                let mut inl = Inl::default();
                inl.push(&format!("[image: {args}]"));
                self.out.push(inl, ParaKind::Paragraph, o..o + line.len());
                self.blocks(content, ParaKind::Paragraph);
            }
            "include" | "literalinclude" => {
                self.out.code(t, o..o + line.len());
            }
            "note" | "warning" | "tip" | "important" | "caution" | "attention" | "danger"
            | "error" | "hint" | "admonition" | "seealso" | "versionadded" | "versionchanged"
            | "deprecated" | "topic" | "sidebar" | "rubric" | "epigraph" | "pull-quote"
            | "highlights" => {
                let mut title = Inl::default();
                let label = if name == "admonition"
                    || name == "topic"
                    || name == "sidebar"
                    || name == "rubric"
                {
                    String::new()
                } else {
                    let mut c = name.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                };
                if !label.is_empty() {
                    title.styled(&label, InlineKind::Strong);
                    title.push(if args.is_empty() { ":" } else { ": " });
                }
                let args_first = !label.is_empty() && !args.is_empty();
                if !args_first {
                    inline(&self.ctx, args, &mut title);
                }
                let quote = matches!(name.as_str(), "epigraph" | "pull-quote" | "highlights")
                    || !label.is_empty();
                let kind = if quote {
                    ParaKind::Quote
                } else {
                    ParaKind::Paragraph
                };
                self.out.push(title, kind.clone(), o..o + line.len());
                if args_first {
                    // `.. note:: Text` continues on the lines below.
                    let mut with_args = vec![(o + line.len() - args.len(), args)];
                    with_args.extend_from_slice(content);
                    self.blocks(&with_args, kind);
                } else {
                    self.blocks(content, kind);
                }
            }
            _ => {
                if !args.is_empty() {
                    let mut inl = Inl::default();
                    inline(&self.ctx, args, &mut inl);
                    self.out.push(inl, ParaKind::Paragraph, o..o + line.len());
                }
                self.blocks(content, ParaKind::Paragraph);
            }
        }
        end
    }
}
