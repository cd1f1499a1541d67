//! A one-line text field edited like readline (the finder's query): a string and a cursor
//! that is always a byte offset on a `char` boundary.

/// An edit of the query line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor (Backspace).
    Backspace,
    /// Delete the word before the cursor (`Ctrl-w`).
    DeleteWord,
    /// Delete everything before the cursor (`Ctrl-u`).
    DeleteToStart,
    /// Move one character left.
    Left,
    /// Move one character right.
    Right,
    /// Move to the start of the previous word (`Alt-b`).
    WordLeft,
    /// Move past the end of the next word (`Alt-f`).
    WordRight,
    /// Move to the start of the line.
    Home,
    /// Move to the end of the line.
    End,
}

/// The text of a one-line field and its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    /// The text (no newlines).
    pub text: String,
    /// Cursor: byte offset into `text`, on a char boundary.
    pub cursor: usize,
}

impl LineInput {
    /// Applies `e`; returns true when the text changed (not just the cursor).
    pub fn apply(&mut self, e: Edit) -> bool {
        let before = self.text.len();
        match e {
            Edit::Insert(c) => {
                if c.is_control() {
                    return false;
                }
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::Backspace => {
                let p = self.prev_char();
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            Edit::DeleteWord => {
                let p = self.word_left();
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            Edit::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::Left => self.cursor = self.prev_char(),
            Edit::Right => {
                self.cursor += self.text[self.cursor..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            }
            Edit::WordLeft => self.cursor = self.word_left(),
            Edit::WordRight => self.cursor = self.word_right(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
        }
        self.text.len() != before
    }

    fn prev_char(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn word_left(&self) -> usize {
        let head = &self.text[..self.cursor];
        let trimmed = head.trim_end_matches(|c: char| !c.is_alphanumeric());
        trimmed
            .char_indices()
            .rfind(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    fn word_right(&self) -> usize {
        let tail = &self.text[self.cursor..];
        let skip = tail.len()
            - tail
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let rest = &tail[skip..];
        let word = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(i, _)| i);
        self.cursor + skip + word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        for c in s.chars() {
            l.apply(Edit::Insert(c));
        }
        l
    }

    #[test]
    fn readline_edits() {
        let mut l = typed("sea of okhötsk");
        assert!(l.apply(Edit::DeleteWord));
        assert_eq!(l.text, "sea of ");
        l.apply(Edit::WordLeft);
        assert_eq!(l.cursor, 4);
        l.apply(Edit::WordLeft);
        assert_eq!(l.cursor, 0);
        l.apply(Edit::WordRight);
        assert_eq!(l.cursor, 3);
        assert!(!l.apply(Edit::Right));
        assert_eq!(l.cursor, 4);
        assert!(l.apply(Edit::DeleteToStart));
        assert_eq!(l.text, "of ");
        let mut l = typed("ö");
        l.apply(Edit::Left);
        assert_eq!(l.cursor, 0);
        assert!(!l.apply(Edit::Backspace));
        l.apply(Edit::End);
        assert!(l.apply(Edit::Backspace));
        assert_eq!(l.text, "");
    }
}
