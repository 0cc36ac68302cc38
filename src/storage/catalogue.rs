//! The maps list as the library panel shows it: the maps (the entries are the truth,
//! the index only a cache, repaired where they disagree), the set-aside copies and
//! the trash. It reads both the library and the trash, which know nothing of it.

use super::key_value::KeyValue;
use super::library::*;
use super::trash::Trashed;

/// The maps list, and what went wrong while reading it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    pub maps: Vec<MapSummary>,
    pub set_aside: Vec<String>,
    /// Deleted maps, most recently deleted first.
    pub trash: Vec<Trashed>,
    pub problems: Vec<StorageProblem>,
}

impl<S: KeyValue> Library<S> {
    /// Reads the maps list, repairing the index from the entries where they disagree.
    pub fn catalogue(&mut self, now_ms: f64) -> Catalogue {
        let mut catalogue = Catalogue::default();
        let keys = match self.store.keys() {
            Ok(keys) => keys,
            Err(error) => {
                catalogue.problems.push(error.into());
                return catalogue;
            }
        };
        catalogue.set_aside = keys.iter().filter(|k| k.starts_with(SET_ASIDE_PREFIX)).cloned().collect();
        crate::order::sort_with(&mut catalogue.set_aside, &Ord::cmp);
        catalogue.trash = self.trash(&keys);

        let (mut maps, index_ok) = match self.read_index() {
            Ok(Some(index)) if index.schema > SCHEMA => {
                catalogue.problems.push(StorageProblem::NewerSchema);
                catalogue.maps = index.maps;
                return catalogue;
            }
            Ok(Some(index)) => (index.maps, true),
            Ok(None) => (Vec::new(), true),
            Err(raw) => {
                match self.set_aside(INDEX_KEY, &raw, now_ms) {
                    Ok(key) => {
                        catalogue.set_aside.push(key);
                        catalogue.problems.push(StorageProblem::IndexRebuilt);
                    }
                    Err(error) => catalogue.problems.push(error),
                }
                (Vec::new(), false)
            }
        };

        let entry_keys: Vec<&str> = keys.iter().filter_map(|k| k.strip_prefix(ENTRY_PREFIX)).collect();
        let before = maps.clone();
        maps.retain(|m| entry_keys.contains(&m.key.as_str()));
        for key in entry_keys {
            if maps.iter().any(|m| m.key == key) {
                continue;
            }
            maps.push(self.summary_read_whole(key));
        }
        if maps != before || !index_ok {
            // Best effort: the entries are the truth, the index only a cache.
            let _ = self.write_index(&maps);
        }
        catalogue.maps = maps;
        catalogue
    }
}
