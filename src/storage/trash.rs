//! The trash: a deleted map is moved, whole and unchanged, to a trash key, where it
//! stays until the user restores it or empties the trash. Its saved versions stay
//! with it, so a restored map comes back with its history.

use super::key_value::KeyValue;
use super::library::{
    entry_head, entry_key, first_chars, stored_head, summary_of, to_json, EntryDoc, Library, MapSummary, StorageProblem,
    HEAD_CHARS, TRASH_PREFIX,
};
use crate::format;
use serde::{Deserialize, Serialize};

/// A map in the trash, as the trash list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    /// The trash key, to restore or purge it by.
    pub key: String,
    pub title: String,
    pub stakeholders: usize,
    pub deleted_ms: f64,
}

#[derive(Serialize, Deserialize)]
struct TrashDoc {
    /// The library key the map had, and gets back if it is still free.
    key: String,
    deleted_ms: f64,
    /// The map's title and number of stakeholders, for the trash list to read
    /// from the head alone (absent from maps trashed before they were kept).
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    stakeholders: Option<usize>,
    /// The entry exactly as it was stored.
    entry: String,
}

/// The fields of a trashed map before its entry, which comes last.
#[derive(Deserialize)]
struct TrashHead {
    deleted_ms: f64,
    title: Option<String>,
    stakeholders: Option<usize>,
}

/// How a trashed map's text goes on after its head.
const ENTRY_FIELD: &str = ",\"entry\":";

fn trash_key(key: &str) -> String {
    format!("{TRASH_PREFIX}{key}")
}

impl<S: KeyValue> Library<S> {
    /// Moves a map to the trash. If even that cannot be stored, the map stays where
    /// it is and the problem is returned: a delete never loses a map.
    pub fn delete(&mut self, key: &str, now_ms: f64) -> Result<(), StorageProblem> {
        self.ensure_writable()?;
        let Some(entry) = self.store.get(&entry_key(key))? else {
            self.drop_from_index(key);
            return Ok(());
        };
        // The list of the trash reads these from the head; an entry written
        // before its head held them has them in the index.
        let listed = entry_head(first_chars(&entry, HEAD_CHARS))
            .and_then(|(head, _)| head.title_and_count())
            .or_else(|| self.summary_in_index(key).map(|m| (m.title, m.stakeholders)));
        let (title, stakeholders) = listed.unzip();
        let doc = TrashDoc { key: key.to_string(), deleted_ms: now_ms, title, stakeholders, entry };
        let text = to_json(&doc)?;
        self.set_making_room(&trash_key(key), &text)?;
        self.store.remove(&entry_key(key))?;
        self.drop_from_index(key);
        Ok(())
    }

    /// Puts a trashed map back in the library, under its old key if that is free.
    pub fn restore(&mut self, trash_key: &str, now_ms: f64) -> Result<MapSummary, StorageProblem> {
        self.ensure_writable()?;
        let doc = self.read_trashed(trash_key)?;
        let key = if self.store.get(&entry_key(&doc.key))?.is_none() { doc.key.clone() } else { self.fresh_key(now_ms)? };
        self.set_making_room(&entry_key(&key), &doc.entry)?;
        self.store.remove(trash_key)?;
        let head = entry_head(first_chars(&doc.entry, HEAD_CHARS)).map(|(head, _)| head);
        let summary = match head.map(|head| (head.revision(), head.saved_ms(), head.title_and_count())) {
            // Listed from its head, as stored; a damaged map is set aside when it is opened.
            Some((revision, saved_ms, Some((title, stakeholders)))) => {
                MapSummary { key: key.clone(), title, revision, saved_ms, stakeholders, damaged: false }
            }
            _ => self.summary_read_whole(&key),
        };
        self.upsert_index(summary.clone());
        Ok(summary)
    }

    /// The summary of entry `key`, read whole.
    fn summary_read_whole(&self, key: &str) -> MapSummary {
        match self.read_entry(key) {
            Ok((entry, map)) => summary_of(key, &map, entry.revision, entry.saved_ms),
            // Restored as it was; the catalogue marks and sets it aside if it is damaged.
            Err(_) => MapSummary { key: key.to_string(), title: key.to_string(), revision: 0, saved_ms: 0.0, stakeholders: 0, damaged: true },
        }
    }

    /// Deletes one trashed map for good, with its saved versions.
    pub fn purge(&mut self, trash_key: &str) -> Result<(), StorageProblem> {
        if !trash_key.starts_with(TRASH_PREFIX) {
            return Ok(());
        }
        if let Ok(doc) = self.read_trashed(trash_key) {
            if self.store.get(&entry_key(&doc.key))?.is_none() {
                self.drop_versions_of(&doc.key)?;
            }
        }
        Ok(self.store.remove(trash_key)?)
    }

    /// Deletes every trashed map for good.
    pub fn empty_trash(&mut self) -> Result<(), StorageProblem> {
        let keys: Vec<String> = self.store.keys()?.into_iter().filter(|k| k.starts_with(TRASH_PREFIX)).collect();
        for key in keys {
            self.purge(&key)?;
        }
        Ok(())
    }

    /// The trash list, most recently deleted first, from the store's `keys`. Each
    /// trashed map is listed from its head; one trashed before its head held its
    /// title and number of stakeholders is read whole.
    pub(super) fn trash(&self, keys: &[String]) -> Vec<Trashed> {
        let mut trashed: Vec<Trashed> = keys
            .iter()
            .filter(|k| k.starts_with(TRASH_PREFIX))
            .map(|k| {
                let head = stored_head::<TrashHead>(&self.store, k, ENTRY_FIELD);
                if let Some(TrashHead { deleted_ms, title: Some(title), stakeholders: Some(stakeholders) }) = head {
                    return Trashed { key: k.clone(), title, stakeholders, deleted_ms };
                }
                let doc = self.read_trashed(k).ok();
                let map = doc
                    .as_ref()
                    .and_then(|d| serde_json::from_str::<EntryDoc>(&d.entry).ok())
                    .and_then(|e| format::decode_value(&e.map).ok());
                Trashed {
                    key: k.clone(),
                    title: map.as_ref().map_or_else(|| k[TRASH_PREFIX.len()..].to_string(), |m| m.title.clone()),
                    stakeholders: map.as_ref().map_or(0, |m| m.stakeholders.len()),
                    deleted_ms: doc.map_or(0.0, |d| d.deleted_ms),
                }
            })
            .collect();
        trashed.sort_by(|a, b| b.deleted_ms.total_cmp(&a.deleted_ms));
        trashed
    }

    fn read_trashed(&self, trash_key: &str) -> Result<TrashDoc, StorageProblem> {
        let missing = || StorageProblem::NotFound(trash_key.to_string());
        if !trash_key.starts_with(TRASH_PREFIX) {
            return Err(missing());
        }
        let raw = self.store.get(trash_key)?.ok_or_else(missing)?;
        serde_json::from_str(&raw).map_err(|_| missing())
    }
}
