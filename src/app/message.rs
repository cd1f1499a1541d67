//! Status-line messages, typed by level so drawing styles them and tests can
//! ask what kind of news a message is.

/// How a message should be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something happened as asked (`jumped`, `copied`).
    Info,
    /// It worked, but something is off (orphaned annotations, a key conflict).
    Warning,
    /// It did not work (a failed save, a bad configuration).
    Error,
    /// Work under way (indexing, importing).
    Progress,
}

/// One status-line message (text already free of control characters when it
/// quotes untrusted input; drawing sanitises again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// How to read it.
    pub level: Level,
    /// What it says.
    pub text: String,
}

impl Message {
    /// A message of `level`.
    #[must_use]
    pub fn new(level: Level, text: impl Into<String>) -> Self {
        Self {
            level,
            text: text.into(),
        }
    }
    /// Something happened as asked.
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self::new(Level::Info, text)
    }
    /// It worked, but something is off.
    #[must_use]
    pub fn warning(text: impl Into<String>) -> Self {
        Self::new(Level::Warning, text)
    }
    /// It did not work.
    #[must_use]
    pub fn error(text: impl Into<String>) -> Self {
        Self::new(Level::Error, text)
    }
    /// Work under way.
    #[must_use]
    pub fn progress(text: impl Into<String>) -> Self {
        Self::new(Level::Progress, text)
    }
    /// True for errors.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}
