//! Notes set as a bulleted list (`- text`, `• text`, `– text`), numbered by
//! position; a bullet may carry another label (`- ³⁶Mari…`, `* [2] …`).

use super::{Convention, Label, Style, label_of};

/// The convention's row in the registry.
pub static CONVENTION: Convention = Convention {
    name: "bullet",
    starts: &[],
    marker: None,
    note: Some(note),
};

fn note(t: &str) -> Option<Label> {
    for bullet in ["- ", "* ", "• ", "– "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            let rest_trim = rest.trim_start();
            let skip = t.len() - rest_trim.len();
            if let Some(mut inner) = label_of(rest_trim).filter(|l| l.style != Style::Bullet) {
                inner.len += skip;
                return Some(inner);
            }
            return Some(Label {
                label: None,
                len: skip,
                style: Style::Bullet,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::Style;

    #[test]
    fn bullets_carry_other_labels() {
        let l = super::note("- ³⁶Mari").expect("label");
        assert_eq!(
            (l.label.as_deref(), l.style),
            (Some("36"), Style::Superscript)
        );
        let l = super::note("• Ibid.").expect("label");
        assert_eq!((l.label, l.len, l.style), (None, 4, Style::Bullet));
        assert!(super::note("-not a bullet").is_none());
    }
}
