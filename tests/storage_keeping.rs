//! Recoverable mistakes: deleted maps wait in the trash, saves keep earlier
//! versions, and when storage runs short the oldest versions make room, never a map.
#![cfg(not(target_arch = "wasm32"))]

use simpul::model::{Map, Stakeholder, StakeholderId};
use simpul::storage::*;

const MINUTE: f64 = 60_000.0;

fn map(title: &str, people: usize) -> Map {
    let mut map = Map::new(title);
    for i in 0..people {
        map.stakeholders.push(Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("Person {i}")));
    }
    map
}

fn titles(catalogue: &Catalogue) -> Vec<&str> {
    catalogue.maps.iter().map(|m| m.title.as_str()).collect()
}

#[test]
fn a_deleted_map_waits_in_the_trash_and_comes_back_whole() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Jakarta Bersih", 3), 1000.0).unwrap();
    library.create(&map("MADANI", 1), 1000.0).unwrap();
    let saved = library.save(&a.key, &map("Jakarta Bersih", 4), 1, 20.0 * MINUTE).unwrap();

    library.delete(&a.key, 30.0 * MINUTE).unwrap();
    let catalogue = library.catalogue(0.0);
    assert_eq!(titles(&catalogue), ["MADANI"]);
    assert_eq!(catalogue.trash.len(), 1);
    let trashed = &catalogue.trash[0];
    assert_eq!(
        (trashed.title.as_str(), trashed.stakeholders, trashed.deleted_ms),
        ("Jakarta Bersih", 4, 30.0 * MINUTE)
    );
    assert!(library.load(&a.key, 0.0).is_err(), "a trashed map is not in the library");

    let restored = library.restore(&trashed.key, 40.0 * MINUTE).unwrap();
    assert_eq!(restored.key, a.key, "the old key was free, so the map gets it back");
    let loaded = library.load(&a.key, 0.0).unwrap();
    assert_eq!(loaded.map, map("Jakarta Bersih", 4));
    assert_eq!(loaded.summary.revision, saved.revision, "restored exactly as it was");
    let catalogue = library.catalogue(0.0);
    assert_eq!(titles(&catalogue), ["MADANI", "Jakarta Bersih"]);
    assert!(catalogue.trash.is_empty());
    // Its saved versions came back with it.
    assert_eq!(library.versions(&a.key).unwrap().len(), 1);
}

#[test]
fn emptying_the_trash_deletes_for_good_with_the_versions() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("One", 1), 0.0).unwrap();
    let b = library.create(&map("Two", 1), 0.0).unwrap();
    library.save(&a.key, &map("One", 2), 1, 20.0 * MINUTE).unwrap();
    library.delete(&a.key, 21.0 * MINUTE).unwrap();
    library.delete(&b.key, 22.0 * MINUTE).unwrap();
    let trash = library.catalogue(0.0).trash;
    assert_eq!(trash.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["Two", "One"], "newest first");

    library.purge(&trash[0].key).unwrap();
    assert_eq!(library.catalogue(0.0).trash.len(), 1);
    library.empty_trash().unwrap();
    assert!(library.catalogue(0.0).trash.is_empty());
    let left: Vec<String> =
        store.keys().unwrap().into_iter().filter(|k| k.starts_with("simpul.history.")).collect();
    assert_eq!(left, Vec::<String>::new());
    // Purging is only ever of trash keys.
    let c = library.create(&map("Three", 1), 0.0).unwrap();
    library.purge(&format!("simpul.map.{}", c.key)).unwrap();
    assert!(library.load(&c.key, 0.0).is_ok());
}

#[test]
fn a_restored_map_never_replaces_one_that_took_its_key() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Old", 1), 0.0).unwrap();
    library.delete(&a.key, 1.0).unwrap();
    // Another map now sits under the same key (another tab, a clock gone back).
    store.plant(
        &format!("simpul.map.{}", a.key),
        &store
            .raw(&format!("simpul.trash.{}", a.key))
            .map(|t| {
                let doc: serde_json::Value = serde_json::from_str(&t).unwrap();
                doc["stored"].to_string().replace("\"Old\"", "\"Newcomer\"")
            })
            .unwrap(),
    );
    let trash = library.catalogue(2.0).trash;
    let restored = library.restore(&trash[0].key, 3.0).unwrap();
    assert_ne!(restored.key, a.key);
    let mut names: Vec<String> = library.catalogue(4.0).maps.into_iter().map(|m| m.title).collect();
    names.sort();
    assert_eq!(names, ["Newcomer", "Old"]);
}

#[test]
fn saves_keep_a_version_every_ten_minutes_up_to_ten() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Growing", 1), 0.0).unwrap();
    // One save a minute for three hours, one more stakeholder each time.
    let mut revision = 1;
    for minute in 1..=180 {
        revision = library
            .save(&a.key, &map("Growing", minute + 1), revision, minute as f64 * MINUTE)
            .unwrap()
            .revision;
    }
    let versions = library.versions(&a.key).unwrap();
    assert_eq!(versions.len(), VERSIONS_PER_MAP);
    for pair in versions.windows(2) {
        assert!(pair[0].saved_ms > pair[1].saved_ms, "newest first");
        assert!(pair[0].saved_ms - pair[1].saved_ms >= VERSION_EVERY_MS, "at least ten minutes apart");
    }
    // Each version is the map as it was saved then.
    for v in &versions {
        let old = library.version_map(&v.key).unwrap();
        assert_eq!(old.stakeholders.len() as f64, v.saved_ms / MINUTE + 1.0);
        assert_eq!(v.stakeholders, old.stakeholders.len());
    }
    // The current map is untouched by all this.
    assert_eq!(library.load(&a.key, 0.0).unwrap().map, map("Growing", 181));
    // An empty map keeps no versions.
    let empty = library.create(&map("Empty", 0), 0.0).unwrap();
    library.save(&empty.key, &map("Empty", 0), 1, 30.0 * MINUTE).unwrap();
    assert!(library.versions(&empty.key).unwrap().is_empty());
    // Versions are only read from history keys.
    assert!(library.version_map(&format!("simpul.map.{}", a.key)).is_err());
}

#[test]
fn when_storage_is_short_old_versions_go_first_never_a_map() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Workshop", 20), 0.0).unwrap();
    let b = library.create(&map("Other map", 20), 0.0).unwrap();
    let mut revision = 1;
    for step in 1..=5 {
        revision = library
            .save(&a.key, &map("Workshop", 20 + step), revision, step as f64 * 11.0 * MINUTE)
            .unwrap()
            .revision;
    }
    assert_eq!(library.versions(&a.key).unwrap().len(), 5);
    // The quota is now just what is used: a bigger save needs room.
    store.set_quota(Some(store.used()));
    let saved = library.save(&a.key, &map("Workshop", 60), revision, 100.0 * MINUTE).unwrap();
    let versions = library.versions(&a.key).unwrap();
    assert!(versions.len() < 5, "versions made room: {} left", versions.len());
    // The ones that went were the oldest.
    let oldest_left = versions.iter().map(|v| v.saved_ms).fold(f64::MAX, f64::min);
    assert!(oldest_left > 11.0 * MINUTE);
    assert_eq!(library.load(&a.key, 0.0).unwrap().map, map("Workshop", 60));
    assert_eq!(saved.revision, revision + 1);
    assert_eq!(library.load(&b.key, 0.0).unwrap().map, map("Other map", 20), "the other map is untouched");

    // With no versions left to drop, a save that does not fit is refused and the
    // last saved revision stays.
    store.set_quota(Some(store.used()));
    let refused = library.save(&a.key, &map("Workshop", 400), saved.revision, 200.0 * MINUTE);
    assert_eq!(refused, Err(StorageProblem::Full));
    assert_eq!(library.load(&a.key, 0.0).unwrap().map, map("Workshop", 60));
    assert_eq!(library.load(&b.key, 0.0).unwrap().map, map("Other map", 20));
}

#[test]
fn a_delete_that_cannot_reach_the_trash_keeps_the_map() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Precious", 30), 0.0).unwrap();
    store.set_quota(Some(store.used()));
    assert_eq!(
        library.delete(&a.key, 1.0),
        Err(StorageProblem::NoRoomInTrash { key: a.key.clone(), title: "Precious".into() })
    );
    assert_eq!(library.load(&a.key, 0.0).unwrap().map, map("Precious", 30));
    assert!(library.catalogue(0.0).trash.is_empty());
    // When the user says so, it is deleted for good instead, with its versions;
    // the other maps stay.
    let b = library.create(&map("Other", 1), 2.0);
    assert!(b.is_err(), "storage is full");
    store.set_quota(None);
    let b = library.create(&map("Other", 1), 2.0).unwrap();
    library.save(&a.key, &map("Precious", 31), 1, 20.0 * MINUTE).unwrap();
    assert_eq!(library.versions(&a.key).unwrap().len(), 1);
    library.delete_for_good(&a.key).unwrap();
    assert_eq!(library.load(&a.key, 0.0), Err(StorageProblem::NotFound(a.key.clone())));
    assert!(library.versions(&a.key).unwrap().is_empty());
    let catalogue = library.catalogue(21.0 * MINUTE);
    assert_eq!(titles(&catalogue), ["Other"]);
    assert!(catalogue.trash.is_empty());
    assert_eq!(library.load(&b.key, 0.0).unwrap().map, map("Other", 1));
}

#[test]
fn an_entry_from_an_older_storage_version_opens_and_is_saved_in_the_current_one() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let encoded = simpul::format::encode(&map("From 2025", 2));
    // Schema 0: no time of saving.
    store.plant("simpul.map.old", &format!("{{\"schema\":0,\"revision\":3,\"map\":{encoded}}}"));
    let catalogue = library.catalogue(0.0);
    assert_eq!(titles(&catalogue), ["From 2025"]);
    assert!(catalogue.problems.is_empty(), "{:?}", catalogue.problems);
    let loaded = library.load("old", 0.0).unwrap();
    assert_eq!(loaded.map, map("From 2025", 2));
    library.save("old", &map("From 2025", 3), 3, 5.0).unwrap();
    let raw: serde_json::Value = serde_json::from_str(&store.raw("simpul.map.old").unwrap()).unwrap();
    assert_eq!(raw["schema"], SCHEMA);
    assert_eq!(library.load("old", 0.0).unwrap().map, map("From 2025", 3));
}

#[test]
fn a_version_kept_ahead_of_a_save_is_the_one_the_save_would_keep() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Jakarta Bersih", 3), 0.0).unwrap();
    // Another revision than the stored one: a save would be refused, so no version.
    library.keep_version_before_save(&a.key, 7, 20.0 * MINUTE);
    assert!(library.versions(&a.key).unwrap().is_empty());

    library.keep_version_before_save(&a.key, 1, 20.0 * MINUTE);
    let versions = library.versions(&a.key).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(library.version_map(&versions[0].key).unwrap(), map("Jakarta Bersih", 3));

    // The save that follows finds it kept and keeps no second copy.
    library.save(&a.key, &map("Jakarta Bersih", 4), 1, 20.0 * MINUTE + 50.0).unwrap();
    assert_eq!(library.versions(&a.key).unwrap().len(), 1);
    assert_eq!(library.load(&a.key, 0.0).unwrap().map, map("Jakarta Bersih", 4));
}

/// A store that counts how many times a whole map (an entry, a version or a
/// trashed map) is read, rather than its head.
#[derive(Clone)]
struct CountingWholeReads {
    inner: MemoryStore,
    whole_reads: std::rc::Rc<std::cell::Cell<usize>>,
}

impl KeyValue for CountingWholeReads {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if key != INDEX_KEY {
            self.whole_reads.set(self.whole_reads.get() + 1);
        }
        self.inner.get(key)
    }
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        self.inner.get_head(key, chars)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner.set(key, value)
    }
    fn copy_wrapped(&mut self, from: &str, to: &str, before: &str, after: &str) -> Result<bool, StoreError> {
        self.inner.copy_wrapped(from, to, before, after)
    }
    fn copy_unwrapped(&mut self, from: &str, to: &str, after: &str, end: &str) -> Result<bool, StoreError> {
        self.inner.copy_unwrapped(from, to, after, end)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn the_trash_and_the_earlier_versions_are_listed_from_heads_and_older_ones_read_whole() {
    let store = MemoryStore::new();
    let counting = CountingWholeReads { inner: store.clone(), whole_reads: Default::default() };
    let mut library = Library::new(counting.clone());
    let title = "Pasar \"Gede\" <b>Solo</b>, ,\"map\": 🤝";
    let a = library.create(&map(title, 300), 0.0).unwrap();
    library.save(&a.key, &map(title, 301), 1, 20.0 * MINUTE).unwrap();
    library.save(&a.key, &map(title, 302), 2, 40.0 * MINUTE).unwrap();
    let b = library.create(&map("Bank Sampah", 5), 41.0 * MINUTE).unwrap();
    counting.whole_reads.set(0);
    library.delete(&b.key, 42.0 * MINUTE).unwrap();

    let versions = library.versions(&a.key).unwrap();
    let listed: Vec<(&str, usize, f64)> =
        versions.iter().map(|v| (v.title.as_str(), v.stakeholders, v.saved_ms)).collect();
    assert_eq!(listed, [(title, 301, 20.0 * MINUTE), (title, 300, 0.0)]);
    let trash = library.catalogue(43.0 * MINUTE).trash;
    assert_eq!(
        trash.iter().map(|t| (t.title.as_str(), t.stakeholders, t.deleted_ms)).collect::<Vec<_>>(),
        [("Bank Sampah", 5, 42.0 * MINUTE)]
    );
    assert_eq!(counting.whole_reads.get(), 0, "moved to the trash and listed from heads alone");

    // A version and a trashed map kept before heads held their title and number
    // of stakeholders (and a trashed map held its entry as a string) are read
    // whole, and listed the same.
    let version = store.raw(&versions[1].key).unwrap();
    let (before, after) = (version.find(",\"title\":").unwrap(), version.find(",\"map\":").unwrap());
    store.plant(&versions[1].key, &[&version[..before], &version[after..]].concat());
    let trashed = store.raw(&trash[0].key).unwrap();
    let entry = &trashed[trashed.find(",\"stored\":").unwrap() + 10..trashed.len() - 1];
    let older = serde_json::json!({ "key": b.key, "deleted_ms": 42.0 * MINUTE, "entry": entry }).to_string();
    store.plant(&trash[0].key, &older);
    assert_eq!(library.versions(&a.key).unwrap(), versions);
    assert_eq!(library.catalogue(44.0 * MINUTE).trash, trash);
    assert_eq!(counting.whole_reads.get(), 2, "the two older ones were read whole");

    // Restored, the map is listed from its head as it was stored, and opens whole.
    let restored = library.restore(&trash[0].key, 45.0 * MINUTE).unwrap();
    assert_eq!((restored.title.as_str(), restored.stakeholders, restored.damaged), ("Bank Sampah", 5, false));
    assert_eq!(library.load(&restored.key, 46.0 * MINUTE).unwrap().map, map("Bank Sampah", 5));
}

#[test]
fn a_big_map_moves_to_the_trash_with_room_for_little_more_than_a_second_copy() {
    // The trash holds the entry as it is, not escaped into a string (which made a
    // big map's trash a quarter longer than the map, so it did not fit beside it).
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let big = map("Pasar Gede", 300);
    let created = library.create(&big, 0.0).unwrap();
    let entry = store.raw(&format!("{ENTRY_PREFIX}{}", created.key)).unwrap();
    store.set_quota(Some(store.used() + entry.chars().count() + 200));
    library.delete(&created.key, 1.0).unwrap();
    let trash = library.catalogue(2.0).trash;
    assert_eq!(
        trash.iter().map(|t| (t.title.as_str(), t.stakeholders)).collect::<Vec<_>>(),
        [("Pasar Gede", 300)]
    );
    let restored = library.restore(&trash[0].key, 3.0).unwrap();
    assert_eq!(
        store.raw(&format!("{ENTRY_PREFIX}{}", restored.key)),
        Some(entry),
        "restored exactly as it was stored"
    );
    assert_eq!(library.load(&restored.key, 4.0).unwrap().map, big);
}

#[test]
fn a_damaged_entry_goes_to_the_trash_and_comes_back_unchanged() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let created = library.create(&map("Rusak", 3), 0.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    let damaged = store.raw(&entry_key).unwrap()[..90].to_string();
    store.plant(&entry_key, &damaged);
    library.delete(&created.key, 1.0).unwrap();
    assert_eq!(store.raw(&entry_key), None);
    let trash = library.catalogue(2.0).trash;
    assert_eq!(trash.len(), 1);
    let restored = library.restore(&trash[0].key, 3.0).unwrap();
    assert_eq!(store.raw(&format!("{ENTRY_PREFIX}{}", restored.key)).as_deref(), Some(damaged.as_str()));
    // Opened, it is set aside as damaged, unchanged.
    assert!(matches!(library.load(&restored.key, 4.0), Err(StorageProblem::Damaged { .. })));
    let set_aside = library.catalogue(5.0).set_aside;
    assert_eq!(library.set_aside_text(&set_aside[0]).unwrap().as_deref(), Some(damaged.as_str()));
}

#[test]
fn a_snapshot_keeps_the_map_as_it_was_under_its_name_and_is_never_dropped_to_make_room() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let a = library.create(&map("Workshop", 3), 0.0).unwrap();
    let taken = library.take_snapshot(&a.key, "  Baseline, March ", 5.0 * MINUTE).unwrap();
    assert_eq!((taken.name.as_str(), taken.stakeholders), ("Baseline, March", 3));
    // Months of saves later, and more versions than are kept, the snapshot stays.
    let mut revision = 1;
    for step in 1..=15 {
        revision = library
            .save(&a.key, &map("Workshop", 3 + step), revision, step as f64 * 11.0 * MINUTE)
            .unwrap()
            .revision;
    }
    let listed = library.snapshots(&a.key).unwrap();
    assert_eq!(listed, std::slice::from_ref(&taken));
    assert_eq!(library.snapshot(&taken.key).unwrap().1, map("Workshop", 3));
    // Storage runs short: versions make room, the snapshot does not.
    store.set_quota(Some(store.used()));
    library.save(&a.key, &map("Workshop", 40), revision, 300.0 * MINUTE).unwrap();
    assert_eq!(library.snapshot(&taken.key).unwrap().1, map("Workshop", 3));
    // With no room, a snapshot is refused, not made room for by dropping anything.
    store.set_quota(Some(store.used()));
    let versions = library.versions(&a.key).unwrap().len();
    assert_eq!(library.take_snapshot(&a.key, "Too late", 500.0 * MINUTE), Err(StorageProblem::Full));
    assert_eq!(library.snapshots(&a.key).unwrap().len(), 1);
    assert_eq!(library.versions(&a.key).unwrap().len(), versions);
    store.set_quota(None);
    // A second one is listed first; both go with their map, for good.
    library.take_snapshot(&a.key, "September", 600.0 * MINUTE).unwrap();
    let names: Vec<String> = library.snapshots(&a.key).unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["September", "Baseline, March"]);
    library.delete_for_good(&a.key).unwrap();
    assert!(library.snapshots(&a.key).unwrap().is_empty());
    assert!(store.raw(&taken.key).is_none());
}
