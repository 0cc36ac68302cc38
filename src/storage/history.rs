//! Saved versions of each map: when a save overwrites a version that is at least
//! [`VERSION_EVERY_MS`] newer than the last version kept, that version is kept under
//! a history key first. At most [`VERSIONS_PER_MAP`] are kept per map, and the oldest
//! of all go first when storage runs short, so history never costs a current map.

use super::key_value::KeyValue;
use super::library::{
    entry_key, stored_head, EntryDoc, EntryHead, Library, StorageProblem, HISTORY_PREFIX, MAP_FIELD,
};
use crate::format;
use crate::model::Map;

/// Ten minutes: a workshop session leaves a trail of its stages, not every keystroke.
pub const VERSION_EVERY_MS: f64 = 10.0 * 60.0 * 1000.0;
pub const VERSIONS_PER_MAP: usize = 10;

/// One kept version, as the history list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub key: String,
    pub saved_ms: f64,
    pub title: String,
    pub stakeholders: usize,
}

/// Every history key of map `key` starts with this.
pub(super) fn versions_prefix(key: &str) -> String {
    format!("{HISTORY_PREFIX}{key}.")
}

/// The time a version was saved, written in its key (whole milliseconds).
fn saved_ms_in(version_key: &str) -> Option<u64> {
    version_key.rsplit('.').next()?.parse().ok()
}

impl<S: KeyValue> Library<S> {
    /// The kept versions of map `key`, newest first. Each is listed from its
    /// head, where Simpul writes the title and the number of stakeholders; one
    /// kept before it did is read whole, and left out if it does not read.
    pub fn versions(&self, key: &str) -> Result<Vec<Version>, StorageProblem> {
        let mut versions: Vec<Version> = self
            .version_keys(key)?
            .into_iter()
            .filter_map(|version_key| {
                let saved_ms = saved_ms_in(&version_key)? as f64;
                let (title, stakeholders) = stored_head::<EntryHead>(&self.store, &version_key, MAP_FIELD)
                    .and_then(EntryHead::title_and_count)
                    .or_else(|| {
                        self.version_map(&version_key).ok().map(|map| (map.title, map.stakeholders.len()))
                    })?;
                Some(Version { key: version_key, saved_ms, title, stakeholders })
            })
            .collect();
        crate::order::sort_with(&mut versions, &|a, b| {
            b.saved_ms.total_cmp(&a.saved_ms).then_with(|| a.key.cmp(&b.key))
        });
        Ok(versions)
    }

    /// The map as it was in a kept version.
    pub fn version_map(&self, version_key: &str) -> Result<Map, StorageProblem> {
        let missing = || StorageProblem::NotFound(version_key.to_string());
        if !version_key.starts_with(HISTORY_PREFIX) {
            return Err(missing());
        }
        let raw = self.store.get(version_key)?.ok_or_else(missing)?;
        let doc: EntryDoc = serde_json::from_str(&raw).map_err(|_| missing())?;
        format::decode_value(&doc.map).map_err(|_| missing())
    }

    /// Before map `key`'s entry, saved at `previous_saved_ms`, is overwritten at
    /// `now_ms`: keeps it as a version if the newest kept one is old enough. Best
    /// effort: a version that does not fit is simply not kept.
    pub(super) fn keep_version(&mut self, key: &str, previous_saved_ms: f64, now_ms: f64) {
        let Ok(keys) = self.version_keys(key) else { return };
        let newest = keys.iter().filter_map(|k| saved_ms_in(k)).max();
        if newest.is_some_and(|t| previous_saved_ms - (t as f64) < VERSION_EVERY_MS)
            || now_ms <= previous_saved_ms
        {
            return;
        }
        let version_key = format!("{}{}", versions_prefix(key), previous_saved_ms.max(0.0) as u64);
        if self.store.copy(&entry_key(key), &version_key) != Ok(true) {
            return;
        }
        // The oldest beyond the limit go.
        let mut all: Vec<(u64, String)> =
            keys.into_iter().filter_map(|k| Some((saved_ms_in(&k)?, k))).collect();
        crate::order::sort_with(&mut all, &Ord::cmp);
        let excess = (all.len() + 1).saturating_sub(VERSIONS_PER_MAP);
        for (_, old) in all.into_iter().take(excess) {
            let _ = self.store.remove(&old);
        }
    }

    /// Drops the oldest version of any map; `false` when there is none left.
    pub(super) fn drop_oldest_version(&mut self) -> Result<bool, StorageProblem> {
        let oldest = self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(HISTORY_PREFIX))
            .min_by_key(|k| saved_ms_in(k).unwrap_or(0));
        match oldest {
            Some(key) => {
                self.store.remove(&key)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Drops every version of map `key` (when it leaves the trash for good).
    pub(super) fn drop_versions_of(&mut self, key: &str) -> Result<(), StorageProblem> {
        for version_key in self.version_keys(key)? {
            self.store.remove(&version_key)?;
        }
        Ok(())
    }

    fn version_keys(&self, key: &str) -> Result<Vec<String>, StorageProblem> {
        let prefix = versions_prefix(key);
        // Only this map's: the rest of the key must be the time alone.
        Ok(self
            .store
            .keys()?
            .into_iter()
            .filter(|k| {
                k.strip_prefix(&prefix)
                    .is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            })
            .collect())
    }
}
