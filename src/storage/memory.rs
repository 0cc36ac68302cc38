//! An in-memory [`KeyValue`] with a quota and switchable failures, for tests. Clones
//! share their contents, like two browser tabs sharing one localStorage.

use super::key_value::{KeyValue, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Default)]
struct Shared {
    entries: BTreeMap<String, String>,
    /// Total characters (keys plus values) allowed, like the browser's quota.
    quota: Option<usize>,
    unavailable: bool,
}

#[derive(Clone, Default)]
pub struct MemoryStore {
    shared: Rc<RefCell<Shared>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the total stored characters; writes beyond it fail with `Full`.
    pub fn set_quota(&self, quota: Option<usize>) {
        self.shared.borrow_mut().quota = quota;
    }

    /// Makes every operation fail with `Unavailable`.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.shared.borrow_mut().unavailable = unavailable;
    }

    /// Characters in use, counted as the quota counts them.
    pub fn used(&self) -> usize {
        self.shared.borrow().entries.iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    /// Reads a raw entry, bypassing failures (for assertions).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.shared.borrow().entries.get(key).cloned()
    }

    /// Writes a raw entry, bypassing the quota (for planting corrupted data).
    pub fn plant(&self, key: &str, value: &str) {
        self.shared.borrow_mut().entries.insert(key.into(), value.into());
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.shared.borrow().unavailable {
            Err(StoreError::Unavailable("blocked in this test".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.raw(key))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        let mut shared = self.shared.borrow_mut();
        if let Some(quota) = shared.quota {
            let current = shared.entries.get(key).map_or(0, |old| key.len() + old.len());
            let used: usize = shared.entries.iter().map(|(k, v)| k.len() + v.len()).sum();
            if used - current + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        shared.entries.insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.shared.borrow_mut().entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.shared.borrow().entries.keys().cloned().collect())
    }
}
