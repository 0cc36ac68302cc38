//! Snapshots: versions of a map the user keeps on purpose, with a name ("Baseline,
//! March"), to compare the map with later. Unlike the automatic versions
//! (`history`) they are never dropped to make room, nor after ten; they go only
//! with their map, when it leaves the trash for good.
//!
//! Each is one key, `simpul.snapshot.<map key>.<time taken, ms>`, holding
//! `{"name": …, "entry": …}`, the map's stored entry as it was.

use super::library::{stored_head, EntryHead, Library, StorageProblem, MAP_FIELD};
use super::KeyValue;
use crate::format;
use crate::model::Map;

pub const SNAPSHOT_PREFIX: &str = "simpul.snapshot.";

/// A snapshot as the list of them shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub key: String,
    pub name: String,
    pub taken_ms: f64,
    pub stakeholders: usize,
}

fn prefix_of(map_key: &str) -> String {
    format!("{SNAPSHOT_PREFIX}{map_key}.")
}

impl<S: KeyValue> Library<S> {
    /// Keeps map `map_key` as it is stored now as a snapshot called `name`, copied
    /// in storage without bringing the map into the app. Storage too full for it
    /// is said, never made room for by dropping anything.
    pub fn take_snapshot(
        &mut self,
        map_key: &str,
        name: &str,
        now_ms: f64,
    ) -> Result<Snapshot, StorageProblem> {
        let key = format!("{}{}", prefix_of(map_key), now_ms.max(0.0) as u64);
        let name = name.trim();
        let quoted = serde_json::to_string(name).map_err(|e| StorageProblem::Failed(e.to_string()))?;
        let before = format!("{{\"name\":{quoted},\"entry\":");
        let entry = super::library::entry_key(map_key);
        // Counted from the entry's head, not by reading the map into the app.
        let stakeholders = stored_head::<EntryHead>(&self.store, &entry, MAP_FIELD)
            .and_then(EntryHead::title_and_count)
            .map(|(_, count)| count);
        if !self.store.copy_wrapped(&entry, &key, &before, "}")? {
            return Err(StorageProblem::NotFound(map_key.to_string()));
        }
        let stakeholders = match stakeholders {
            Some(count) => count,
            None => self.snapshot(&key)?.1.stakeholders.len(),
        };
        Ok(Snapshot { key, name: name.to_string(), taken_ms: now_ms, stakeholders })
    }

    /// The snapshots of map `map_key`, newest first; one that does not read is left out.
    pub fn snapshots(&self, map_key: &str) -> Result<Vec<Snapshot>, StorageProblem> {
        let prefix = prefix_of(map_key);
        let mut list: Vec<Snapshot> = self
            .store
            .keys()?
            .into_iter()
            .filter_map(|key| {
                let taken: u64 = key.strip_prefix(&prefix)?.parse().ok()?;
                let (name, map) = self.snapshot(&key).ok()?;
                Some(Snapshot { key, name, taken_ms: taken as f64, stakeholders: map.stakeholders.len() })
            })
            .collect();
        crate::order::sort_with(&mut list, &|a, b| {
            b.taken_ms.total_cmp(&a.taken_ms).then_with(|| a.key.cmp(&b.key))
        });
        Ok(list)
    }

    /// A snapshot's name and the map it holds.
    pub fn snapshot(&self, snapshot_key: &str) -> Result<(String, Map), StorageProblem> {
        let missing = || StorageProblem::NotFound(snapshot_key.to_string());
        if !snapshot_key.starts_with(SNAPSHOT_PREFIX) {
            return Err(missing());
        }
        let raw = self.store.get(snapshot_key)?.ok_or_else(missing)?;
        let doc: serde_json::Value = serde_json::from_str(&raw).map_err(|_| missing())?;
        let name = doc.get("name").and_then(serde_json::Value::as_str).ok_or_else(missing)?.to_string();
        let map = doc.get("entry").and_then(|entry| entry.get("map")).ok_or_else(missing)?;
        let map = format::decode_value(map).map_err(|_| missing())?;
        Ok((name, map))
    }

    /// Drops every snapshot of map `map_key` (when it leaves the trash for good).
    pub(super) fn drop_snapshots_of(&mut self, map_key: &str) -> Result<(), StorageProblem> {
        let prefix = prefix_of(map_key);
        for key in self.store.keys()?.into_iter().filter(|k| {
            k.strip_prefix(&prefix).is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        }) {
            self.store.remove(&key)?;
        }
        Ok(())
    }
}
