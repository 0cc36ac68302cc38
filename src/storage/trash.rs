//! The trash: a deleted map is moved, whole and unchanged, to a trash key, where it
//! stays until the user restores it or empties the trash. Its saved versions stay
//! with it, so a restored map comes back with its history.

use super::key_value::KeyValue;
use super::library::{
    entry_head, entry_key, first_chars, head_before, stored_head, to_json, EntryDoc, EntryHead, Library,
    MapSummary, StorageProblem, HEAD_CHARS, MAP_FIELD, SCHEMA, TRASH_PREFIX,
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

/// A trashed map's head: the fields before its entry, which comes last as
/// `"stored":` followed by the entry's text exactly as it was stored, whatever it
/// is (so the text is JSON only when the entry was). Maps trashed before hold
/// their entry as a JSON string under `"entry"`, without title or count: escaped,
/// a big map's entry grew by a quarter and no longer fitted in storage beside the
/// map it was moving out of, and it was read into the app and written out again
/// (a delete of 5,000 stakeholders took 90–130 ms).
#[derive(Serialize, Deserialize)]
struct TrashHead {
    /// The library key the map had, and gets back if it is still free.
    key: String,
    deleted_ms: f64,
    /// For the trash list to read from the head alone.
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    stakeholders: Option<usize>,
}

/// A map trashed by an earlier Simpul, its entry held as a JSON string.
#[derive(Deserialize)]
struct TrashDoc {
    key: String,
    deleted_ms: f64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    stakeholders: Option<usize>,
    entry: String,
}

/// A trashed map read back: its head, and its entry exactly as it was stored.
struct TrashedEntry {
    head: TrashHead,
    entry: String,
}

/// How a trashed map's text goes on after its head: its entry as it was stored.
const STORED_FIELD: &str = ",\"stored\":";

fn trash_key(key: &str) -> String {
    format!("{TRASH_PREFIX}{key}")
}

impl<S: KeyValue> Library<S> {
    /// Moves a map to the trash. If even that cannot be stored, the map stays where
    /// it is and the problem is returned: a delete never loses a map.
    pub fn delete(&mut self, key: &str, now_ms: f64) -> Result<(), StorageProblem> {
        self.ensure_writable()?;
        let Some(entry_head_text) = self.store.get_head(&entry_key(key), HEAD_CHARS)? else {
            self.drop_from_index(key);
            return Ok(());
        };
        // The list of the trash reads these from the head; an entry written
        // before its head held them has them in the index.
        let listed = entry_head(&entry_head_text)
            .and_then(|(head, _)| head.title_and_count())
            .or_else(|| self.summary_in_index(key).map(|m| (m.title, m.stakeholders)));
        let (title, stakeholders) = listed.unzip();
        let head = to_json(&TrashHead {
            key: key.to_string(),
            deleted_ms: now_ms,
            title: title.clone(),
            stakeholders,
        })?;
        let before = [head.strip_suffix('}').unwrap_or(&head), STORED_FIELD].concat();
        // Copied inside the browser: the entry never crosses into the app.
        let (from, to) = (entry_key(key), trash_key(key));
        match self.making_room(|store| store.copy_wrapped(&from, &to, &before, "}")) {
            Ok(true) => {}
            // Gone since its head was read (another tab): nothing left to move.
            Ok(false) => {}
            Err(StorageProblem::Full) => {
                let title = title.unwrap_or_else(|| key.to_string());
                return Err(StorageProblem::NoRoomInTrash { key: key.to_string(), title });
            }
            Err(other) => return Err(other),
        }
        self.store.remove(&entry_key(key))?;
        self.drop_from_index(key);
        Ok(())
    }

    /// Puts a trashed map back in the library, under its old key if that is free.
    pub fn restore(&mut self, trash_key: &str, now_ms: f64) -> Result<MapSummary, StorageProblem> {
        self.ensure_writable()?;
        let missing = || StorageProblem::NotFound(trash_key.to_string());
        if !trash_key.starts_with(TRASH_PREFIX) {
            return Err(missing());
        }
        // As Simpul trashes a map now, its entry is copied out inside the browser;
        // one trashed by an earlier Simpul is read whole.
        let (original, older) = match self.trash_head(trash_key) {
            Some(head) => (head.key, None),
            None => {
                let doc = self.read_trashed(trash_key)?;
                (doc.head.key, Some(doc.entry))
            }
        };
        let free = self.store.get_head(&entry_key(&original), 1)?.is_none();
        let key = if free { original } else { self.fresh_key(now_ms)? };
        let to = entry_key(&key);
        match older {
            Some(entry) => self.set_making_room(&to, &entry)?,
            None => {
                if !self.making_room(|store| store.copy_unwrapped(trash_key, &to, STORED_FIELD, "}"))? {
                    return Err(missing());
                }
            }
        }
        self.store.remove(trash_key)?;
        let head = stored_head::<EntryHead>(&self.store, &to, MAP_FIELD).filter(|head| head.schema <= SCHEMA);
        let summary = match head.map(|head| (head.revision, head.saved_ms, head.title_and_count())) {
            // Listed from its head, as stored; a damaged map is set aside when it is opened.
            Some((revision, saved_ms, Some((title, stakeholders)))) => {
                MapSummary { key: key.clone(), title, revision, saved_ms, stakeholders, damaged: false }
            }
            _ => self.summary_read_whole(&key),
        };
        self.upsert_index(summary.clone());
        Ok(summary)
    }

    /// Deletes a map of the library for good, with its saved versions, without
    /// the trash: for a map the trash has no room for, when the user says so.
    pub fn delete_for_good(&mut self, key: &str) -> Result<(), StorageProblem> {
        self.ensure_writable()?;
        self.store.remove(&entry_key(key))?;
        self.drop_versions_of(key)?;
        self.drop_snapshots_of(key)?;
        self.drop_from_index(key);
        Ok(())
    }

    /// Deletes one trashed map for good, with its saved versions.
    pub fn purge(&mut self, trash_key: &str) -> Result<(), StorageProblem> {
        if !trash_key.starts_with(TRASH_PREFIX) {
            return Ok(());
        }
        if let Some(head) =
            self.trash_head(trash_key).or_else(|| self.read_trashed(trash_key).ok().map(|doc| doc.head))
        {
            if self.store.get_head(&entry_key(&head.key), 1)?.is_none() {
                self.drop_versions_of(&head.key)?;
                self.drop_snapshots_of(&head.key)?;
            }
        }
        Ok(self.store.remove(trash_key)?)
    }

    /// Deletes every trashed map for good.
    pub fn empty_trash(&mut self) -> Result<(), StorageProblem> {
        let keys: Vec<String> =
            self.store.keys()?.into_iter().filter(|k| k.starts_with(TRASH_PREFIX)).collect();
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
                if let Some(TrashHead {
                    deleted_ms,
                    title: Some(title),
                    stakeholders: Some(stakeholders),
                    ..
                }) = self.trash_head(k)
                {
                    return Trashed { key: k.clone(), title, stakeholders, deleted_ms };
                }
                let doc = self.read_trashed(k).ok();
                let map = doc
                    .as_ref()
                    .and_then(|d| serde_json::from_str::<EntryDoc>(&d.entry).ok())
                    .and_then(|e| format::decode_value(&e.map).ok());
                Trashed {
                    key: k.clone(),
                    title: map
                        .as_ref()
                        .map_or_else(|| k[TRASH_PREFIX.len()..].to_string(), |m| m.title.clone()),
                    stakeholders: map.as_ref().map_or(0, |m| m.stakeholders.len()),
                    deleted_ms: doc.map_or(0.0, |d| d.head.deleted_ms),
                }
            })
            .collect();
        crate::order::sort_with(&mut trashed, &|a, b| {
            b.deleted_ms.total_cmp(&a.deleted_ms).then_with(|| a.key.cmp(&b.key))
        });
        trashed
    }

    /// The head of a trashed map, read from its first characters.
    fn trash_head(&self, trash_key: &str) -> Option<TrashHead> {
        stored_head(&self.store, trash_key, STORED_FIELD)
    }

    /// A trashed map, whole: refused unless it reads as Simpul wrote it.
    fn read_trashed(&self, trash_key: &str) -> Result<TrashedEntry, StorageProblem> {
        let missing = || StorageProblem::NotFound(trash_key.to_string());
        if !trash_key.starts_with(TRASH_PREFIX) {
            return Err(missing());
        }
        let mut raw = self.store.get(trash_key)?.ok_or_else(missing)?;
        // Its head, then its entry as it was stored, then the closing brace.
        if let Some((head, at)) = head_before::<TrashHead>(first_chars(&raw, HEAD_CHARS), STORED_FIELD) {
            if raw.ends_with('}') && at < raw.len() {
                raw.truncate(raw.len() - 1);
                return Ok(TrashedEntry { head, entry: raw.split_off(at) });
            }
        }
        let TrashDoc { key, deleted_ms, title, stakeholders, entry } =
            serde_json::from_str(&raw).map_err(|_| missing())?;
        Ok(TrashedEntry { head: TrashHead { key, deleted_ms, title, stakeholders }, entry })
    }
}
