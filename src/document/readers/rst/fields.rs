//! reST metadata: a PEP's RFC 822 header (`PEP:`, `Title:`, `Author:`,
//! `Created:`) and docinfo field lists (`:Author:`, `:Date:`) at the start,
//! read into [`Stated`](crate::document::readers::Stated); every field is
//! also shown as a paragraph (`Status: Final`), the title as the heading.

use super::Reader;
use super::inline::inline;
use crate::document::InlineKind;
use crate::document::clean::sanitize;
use crate::document::raw::ParaKind;
use crate::document::readers::lines::{self, Inl, Line, indent, is_blank, iso_date, join_names};

impl Reader {
    /// A PEP header (`PEP: 8` / `Title: …`) at the very start: metadata and
    /// one paragraph per field. Returns the index of the first body line.
    pub(super) fn header(&mut self, all: &[Line<'_>]) -> usize {
        if !all.first().is_some_and(|l| l.1.starts_with("PEP:")) {
            return 0;
        }
        let mut i = 0;
        let mut fields: Vec<(String, String, usize, usize)> = Vec::new();
        while i < all.len() && !is_blank(all[i].1) {
            let (o, l) = all[i];
            if l.starts_with([' ', '\t']) {
                if let Some(f) = fields.last_mut() {
                    f.1.push(' ');
                    f.1.push_str(l.trim());
                    f.3 = o + l.len();
                }
            } else if let Some((k, v)) = l.split_once(':') {
                fields.push((k.trim().to_string(), v.trim().to_string(), o, o + l.len()));
            }
            i += 1;
        }
        self.offset = 1;
        for (k, v, s, e) in fields {
            self.field(&k, &v, s..e, true);
        }
        self.started = true;
        i
    }

    /// One field of a PEP header or docinfo field list.
    fn field(&mut self, key: &str, value: &str, source: std::ops::Range<usize>, front: bool) {
        let lower = key.to_ascii_lowercase();
        if front {
            match lower.as_str() {
                "title" => {
                    self.stated.title = Some(sanitize(value));
                    let mut inl = Inl::default();
                    inline(&self.ctx, value, &mut inl);
                    self.out.push(inl, ParaKind::Heading(1), source);
                    return;
                }
                "author" | "authors" => {
                    let names: Vec<String> = value
                        .split([',', ';'])
                        .map(lines::strip_email)
                        .filter(|n| !n.is_empty() && !n.contains('@'))
                        .collect();
                    self.stated.author = join_names(&names);
                }
                "created" | "date" => self.stated.date = iso_date(value),
                "abstract" | "description" => {
                    self.stated.description = Some(sanitize(value));
                }
                "topic" | "keywords" | "tags" => {
                    self.stated.tags = value
                        .split(',')
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect();
                }
                _ => {}
            }
        }
        let mut inl = Inl::default();
        inl.styled(key, InlineKind::Strong);
        inl.push(": ");
        inline(&self.ctx, value, &mut inl);
        self.out.push(inl, ParaKind::Paragraph, source);
    }

    /// `:Field: value` lines; at the start of the document they are docinfo.
    pub(super) fn field_list(&mut self, all: &[Line<'_>], from: usize) -> Option<usize> {
        let field = |l: &str| -> Option<(String, String)> {
            let r = l.strip_prefix(':')?;
            let (k, v) = match r.find(": ") {
                Some(k) => (&r[..k], &r[k + 2..]),
                None => (r.trim_end().strip_suffix(':')?, ""),
            };
            (!k.is_empty() && !k.contains('`')).then(|| (k.to_string(), v.trim().to_string()))
        };
        field(all[from].1)?;
        let front = !self.started;
        let mut i = from;
        while i < all.len() {
            let (o, l) = all[i];
            let Some((k, mut v)) = field(l) else { break };
            let mut end = o + l.len();
            i += 1;
            while i < all.len() && !is_blank(all[i].1) && indent(all[i].1) > 0 {
                v.push(' ');
                v.push_str(all[i].1.trim());
                end = all[i].0 + all[i].1.len();
                i += 1;
            }
            self.field(&k, &v, o..end, front);
        }
        self.started = true;
        Some(i)
    }
}
