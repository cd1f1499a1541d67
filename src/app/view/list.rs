//! Article-list row geometry: rows per entry and the scroll offset that keeps
//! the selection visible (shared by drawing and mouse hit-testing).

/// Rows each article takes.
pub const ROWS: usize = 2;

/// First entry shown when `sel` must be visible among `rows` entries.
#[must_use]
pub fn offset(sel: usize, rows: usize) -> usize {
    sel.saturating_sub(rows.saturating_sub(1))
}

/// The entry under screen row `row` of a list drawn in `r` (title row
/// first), or `None` above the entries; not checked against the list length.
#[must_use]
pub fn entry_at(r: ratatui::layout::Rect, sel: usize, row: u16) -> Option<usize> {
    if row <= r.y {
        return None;
    }
    let rows = usize::from(r.height.saturating_sub(1)) / ROWS;
    Some(offset(sel, rows) + usize::from(row - r.y - 1) / ROWS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_keeps_selection_visible() {
        assert_eq!(offset(0, 5), 0);
        assert_eq!(offset(4, 5), 0);
        assert_eq!(offset(7, 5), 3);
        let r = ratatui::layout::Rect::new(0, 0, 30, 11);
        assert_eq!(entry_at(r, 0, 0), None);
        assert_eq!(entry_at(r, 0, 1), Some(0));
        assert_eq!(entry_at(r, 0, 3), Some(1));
        assert_eq!(entry_at(r, 7, 1), Some(3));
    }
}
