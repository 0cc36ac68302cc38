//! The one thing the library needs from a browser: a string key-value store that
//! can fail. Keeping it this small lets every failure be reproduced in native tests.

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Storage is blocked or missing (private mode, disabled site data, a sandbox).
    #[error("storage is not available: {0}")]
    Unavailable(String),
    /// The browser's quota for this site is used up.
    #[error("storage is full")]
    Full,
    /// Anything else the browser reported.
    #[error("storage failed: {0}")]
    Failed(String),
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// The first `chars` characters of a value (UTF-16 units in a browser, `char`s
    /// here): what a save reads of the entry it replaces, without bringing megabytes
    /// of map into the app.
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        Ok(self.get(key)?.map(|value| value.chars().take(chars).collect()))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Stores the value of `from` under `to` as well; `false` when `from` holds
    /// nothing. A browser copies it without bringing it into the app (keeping a
    /// version of a map of 5,000 stakeholders copied megabytes there and back).
    fn copy(&mut self, from: &str, to: &str) -> Result<bool, StoreError> {
        self.copy_wrapped(from, to, "", "")
    }
    /// [`Self::copy`], with `before` and `after` around the copied value (a map
    /// moving to the trash, with its trash head), still without bringing it into
    /// the app.
    fn copy_wrapped(&mut self, from: &str, to: &str, before: &str, after: &str) -> Result<bool, StoreError> {
        match self.get(from)? {
            Some(value) => self.set(to, &[before, &value, after].concat()).map(|()| true),
            None => Ok(false),
        }
    }
    /// Stores under `to` the part of `from`'s value between the first `after` in
    /// it and its ending `end` (a trashed map's entry, behind its head), without
    /// bringing it into the app; `false` when `from` holds nothing so laid out.
    fn copy_unwrapped(&mut self, from: &str, to: &str, after: &str, end: &str) -> Result<bool, StoreError> {
        let Some(value) = self.get(from)? else { return Ok(false) };
        let inner = value.find(after).and_then(|at| value[at + after.len()..].strip_suffix(end));
        match inner {
            Some(inner) => self.set(to, inner).map(|()| true),
            None => Ok(false),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key currently stored (any order).
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}
