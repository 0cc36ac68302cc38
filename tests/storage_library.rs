//! The maps library keeps every map through faults: unavailable or full storage,
//! damaged entries, a newer Simpul's data, and two tabs saving the same map.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use simpul::model::{Map, Stakeholder, StakeholderId};
use simpul::storage::*;

fn map(title: &str, people: usize) -> Map {
    let mut map = Map::new(title);
    for i in 0..people {
        map.stakeholders.push(Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("Person {i}")));
    }
    map
}

#[test]
fn create_list_load_save_rename_delete() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    assert_eq!(library.catalogue(0.0), Catalogue::default());
    let a = library.create(&map("Jakarta Bersih", 2), 1000.0).unwrap();
    let b = library.create(&map("MADANI", 0), 1000.0).unwrap();
    assert_ne!(a.key, b.key, "keys made in the same millisecond still differ");

    let listed = library.catalogue(2000.0).maps;
    assert_eq!(listed.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(), ["Jakarta Bersih", "MADANI"]);
    assert_eq!(listed[0].stakeholders, 2);

    let mut loaded = library.load(&a.key, 0.0).unwrap();
    assert_eq!(loaded.map, map("Jakarta Bersih", 2));
    assert_eq!(loaded.summary.revision, 1);
    loaded.map.title = "Jakarta Bersih 2026".into();
    let saved = library.save(&a.key, &loaded.map, 1, 3000.0).unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(library.load(&a.key, 0.0).unwrap().map.title, "Jakarta Bersih 2026");

    library.rename(&b.key, "MADANI Sulawesi", 4000.0).unwrap();
    library.delete(&a.key, 4500.0).unwrap();
    let listed = library.catalogue(5000.0).maps;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].title, "MADANI Sulawesi");
    assert_eq!(library.load(&a.key, 0.0), Err(StorageProblem::NotFound(a.key.clone())));
}

#[test]
fn a_second_tab_cannot_silently_overwrite_a_newer_save() {
    let store = MemoryStore::new();
    let mut tab_one = Library::new(store.clone());
    let mut tab_two = Library::new(store.clone());
    let created = tab_one.create(&map("Shared", 1), 0.0).unwrap();
    let in_one = tab_one.load(&created.key, 0.0).unwrap();
    let in_two = tab_two.load(&created.key, 0.0).unwrap();

    let mut newer = in_one.map.clone();
    newer.title = "Saved by tab one".into();
    tab_one.save(&created.key, &newer, in_one.summary.revision, 1.0).unwrap();

    let mut stale = in_two.map.clone();
    stale.title = "Saved by tab two".into();
    let refused = tab_two.save(&created.key, &stale, in_two.summary.revision, 2.0);
    assert!(matches!(refused, Err(StorageProblem::Conflict { .. })), "{refused:?}");
    assert_eq!(tab_two.load(&created.key, 0.0).unwrap().map.title, "Saved by tab one");

    // Tab two can see the newer revision in the entry itself.
    assert_eq!(tab_two.stored_revision(&created.key), StoredRevision::At(2));

    // Keeping tab two's version as a copy loses neither.
    tab_two.create(&stale, 3.0).unwrap();
    let titles: Vec<String> = tab_two.catalogue(4.0).maps.into_iter().map(|m| m.title).collect();
    assert_eq!(titles, ["Saved by tab one", "Saved by tab two"]);

    // A map deleted in one tab is not resurrected by the other's save.
    tab_one.delete(&created.key, 4.5).unwrap();
    let refused = tab_two.save(&created.key, &stale, 2, 5.0);
    assert!(matches!(refused, Err(StorageProblem::DeletedElsewhere { .. })), "{refused:?}");
    assert_eq!(tab_two.stored_revision(&created.key), StoredRevision::Missing);
}

#[test]
fn a_full_store_refuses_the_save_and_keeps_the_previous_revision() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let created = library.create(&map("Big", 3), 0.0).unwrap();
    store.set_quota(Some(store.used() + 10));
    let grown = map("Big", 40);
    assert_eq!(library.save(&created.key, &grown, 1, 1.0), Err(StorageProblem::Full));
    assert_eq!(library.create(&grown, 2.0), Err(StorageProblem::Full));
    let kept = library.load(&created.key, 0.0).unwrap();
    assert_eq!(kept.map, map("Big", 3));
    assert_eq!(kept.summary.revision, 1);
    // Once there is room again, the same save goes through.
    store.set_quota(None);
    assert_eq!(library.save(&created.key, &grown, 1, 3.0).unwrap().revision, 2);
}

#[test]
fn unavailable_storage_is_reported_not_fatal() {
    let store = MemoryStore::new();
    store.set_unavailable(true);
    let mut library = Library::new(store.clone());
    let catalogue = library.catalogue(0.0);
    assert!(matches!(catalogue.problems.as_slice(), [StorageProblem::Unavailable(_)]));
    assert!(matches!(library.create(&map("x", 1), 0.0), Err(StorageProblem::Unavailable(_))));
}

#[test]
fn a_damaged_entry_is_set_aside_unchanged_and_the_others_survive() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let good = library.create(&map("Good", 1), 0.0).unwrap();
    let bad = library.create(&map("Doomed", 1), 1.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", bad.key);
    let truncated = store.raw(&entry_key).unwrap()[..40].to_string();
    store.plant(&entry_key, &truncated);

    let problem = library.load(&bad.key, 7.0).unwrap_err();
    assert_eq!(problem, StorageProblem::Damaged { key: bad.key.clone(), title: "Doomed".into() });
    let catalogue = library.catalogue(8.0);
    assert_eq!(
        catalogue.maps.iter().map(|m| m.key.clone()).collect::<Vec<_>>(),
        std::slice::from_ref(&good.key)
    );
    assert_eq!(catalogue.set_aside.len(), 1);
    assert_eq!(library.set_aside_text(&catalogue.set_aside[0]).unwrap().as_deref(), Some(truncated.as_str()));
    assert_eq!(library.load(&good.key, 0.0).unwrap().map, map("Good", 1));

    // Valid JSON that is not a valid map counts as damaged too.
    let other = library.create(&map("Other", 1), 2.0).unwrap();
    store.plant(&format!("{ENTRY_PREFIX}{}", other.key), r#"{"schema":1,"revision":1,"saved_ms":0,"map":{"format":"simpul-map","version":1,"stakeholders":[{"id":"a"}]}}"#);
    assert!(matches!(library.load(&other.key, 9.0), Err(StorageProblem::Damaged { .. })));
}

#[test]
fn a_save_reads_the_head_of_the_entry_it_replaces_and_refuses_one_it_cannot_read() {
    // A save reads only the head of the entry it replaces (schema, revision and
    // time, which Simpul writes first): an entry cut short inside its head is
    // damaged, and stays as it was.
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let created = library.create(&map("Cut", 3), 1.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    let whole = store.raw(&entry_key).unwrap();
    let head = r#"{"schema":1,"revision":1,"saved_ms":1.0,"title":"Cut","stakeholders":3,"map":"#;
    assert!(whole.starts_with(head), "{whole}");
    let cut = whole[..20].to_string();
    store.plant(&entry_key, &cut);
    let refused = library.save(&created.key, &map("Cut", 4), created.revision, 2.0);
    assert_eq!(refused, Err(StorageProblem::Damaged { key: created.key.clone(), title: "Cut".into() }));
    assert_eq!(store.raw(&entry_key).as_deref(), Some(cut.as_str()));

    // Fields in another order are read whole: still a save, once the text is whole JSON.
    let reordered = whole.replacen(head, r#"{"map":"#, 1).replacen(
        "}}",
        r#"},"saved_ms":1.0,"revision":1,"schema":1}"#,
        1,
    );
    store.plant(&entry_key, &reordered[..reordered.len() - 5]);
    assert!(matches!(
        library.save(&created.key, &map("Cut", 4), 1, 2.0),
        Err(StorageProblem::Damaged { .. })
    ));
    store.plant(&entry_key, &reordered);
    assert!(library.load(&created.key, 2.0).is_ok(), "{reordered}");
    assert_eq!(library.stored_revision(&created.key), StoredRevision::At(1));
    let saved = library.save(&created.key, &map("Cut", 4), 1, 10.0 * 60_000.0).unwrap();
    assert_eq!(saved.revision, 2);

    // A newer revision from another tab is refused, read from the head alone.
    let again = library.save(&created.key, &map("Cut", 5), 1, 10.0 * 60_000.0 + 1.0);
    assert!(matches!(again, Err(StorageProblem::Conflict { .. })), "{again:?}");

    // The replaced map had stakeholders: it was kept as a version.
    assert_eq!(library.load(&created.key, 11.0 * 60_000.0).unwrap().map, map("Cut", 4));
    assert_eq!(library.versions(&created.key).unwrap().len(), 1);
}

#[test]
fn a_damaged_entry_is_left_in_place_when_there_is_no_room_to_set_it_aside() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let bad = library.create(&map("Doomed", 1), 1.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", bad.key);
    store.plant(&entry_key, "{not json");
    store.set_quota(Some(store.used()));
    assert!(matches!(library.load(&bad.key, 2.0), Err(StorageProblem::Damaged { .. })));
    assert_eq!(store.raw(&entry_key).as_deref(), Some("{not json"));
    store.set_quota(None);
    let listed = library.catalogue(3.0).maps;
    assert!(listed.iter().any(|m| m.key == bad.key && m.damaged), "{listed:?}");
}

#[test]
fn a_damaged_index_is_set_aside_and_rebuilt_from_the_entries() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    library.create(&map("One", 1), 0.0).unwrap();
    library.create(&map("Two", 2), 1.0).unwrap();
    store.plant(INDEX_KEY, "[[[garbage");
    let catalogue = library.catalogue(5.0);
    assert_eq!(catalogue.problems, [StorageProblem::IndexRebuilt]);
    let mut titles: Vec<String> = catalogue.maps.into_iter().map(|m| m.title).collect();
    titles.sort();
    assert_eq!(titles, ["One", "Two"]);
    assert_eq!(store.raw(&catalogue.set_aside[0]).as_deref(), Some("[[[garbage"));
    // A missing index is rebuilt silently.
    let mut store2 = store.clone();
    KeyValue::remove(&mut store2, INDEX_KEY).unwrap();
    let again = library.catalogue(6.0);
    assert!(again.problems.is_empty());
    assert_eq!(again.maps.len(), 2);
}

#[test]
fn storage_from_a_newer_simpul_is_read_but_never_written() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let created = library.create(&map("Mine", 1), 0.0).unwrap();
    let index = store.raw(INDEX_KEY).unwrap().replace("\"schema\":1", "\"schema\":2");
    store.plant(INDEX_KEY, &index);
    let catalogue = library.catalogue(1.0);
    assert_eq!(catalogue.problems, [StorageProblem::NewerSchema]);
    assert_eq!(catalogue.maps.len(), 1);
    assert_eq!(library.save(&created.key, &map("Mine", 2), 1, 2.0), Err(StorageProblem::NewerSchema));
    assert_eq!(library.delete(&created.key, 0.0), Err(StorageProblem::NewerSchema));
    assert_eq!(store.raw(INDEX_KEY).as_deref(), Some(index.as_str()));

    // An entry written by a newer Simpul is not read, and not set aside either.
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let created = library.create(&map("Theirs", 1), 0.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    let newer = store.raw(&entry_key).unwrap().replace("\"schema\":1", "\"schema\":3");
    store.plant(&entry_key, &newer);
    assert_eq!(library.load(&created.key, 1.0), Err(StorageProblem::NewerSchema));
    assert_eq!(store.raw(&entry_key).as_deref(), Some(newer.as_str()));
}

#[test]
fn a_big_entry_read_in_steps_is_the_map_load_reads_and_a_damaged_one_is_still_set_aside() {
    let store = MemoryStore::new();
    let mut library = Library::new(store.clone());
    let mut big = map("Pasar Gede", 300);
    big.description = "Many stakeholders, \"quoted\" and {braced} [bracketed], with a \\ too".into();
    for i in 1..300 {
        let (from, to) = (StakeholderId::new(format!("s{}", i - 1)), StakeholderId::new(format!("s{i}")));
        big.links.push(simpul::model::Link::new(simpul::model::LinkId::new(format!("l{i}")), from, to));
    }
    let created = library.create(&big, 1.0).unwrap();
    let saved = library.save(&created.key, &big, created.revision, 2.0).unwrap();

    let (read, steps) = support::read_as_the_page_does(&mut library, &created.key, 7);
    assert_eq!(read, library.load(&created.key, 3.0));
    assert_eq!(
        read.as_ref().map(|l| (&l.map, l.summary.revision, l.summary.saved_ms)),
        Ok((&big, saved.revision, 2.0))
    );
    let steps = steps.expect("an entry as Simpul writes it is read in steps");
    assert!(steps > 2 * 599 / 7, "read in steps of 7 elements, parsing then checking: {steps} steps");

    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    let whole = store.raw(&entry_key).unwrap();
    let plant_and_read = |library: &mut Library<MemoryStore>, text: &str| {
        store.plant(&entry_key, text);
        support::read_as_the_page_does(library, &created.key, 7).0
    };

    // Damaged inside the map, behind a head that reads: set aside unchanged, as `load` does.
    let broken = whole.replacen("\"name\":\"Person 7\"", "\"name\":Person 7\"", 1);
    assert_ne!(broken, whole);
    assert!(library.entry_text(&created.key).is_some());
    let read = plant_and_read(&mut library, &broken);
    assert_eq!(read, Err(StorageProblem::Damaged { key: created.key.clone(), title: "Pasar Gede".into() }));
    assert_eq!(store.raw(&entry_key), None);
    let set_aside = library.catalogue(4.0).set_aside;
    assert_eq!(library.set_aside_text(&set_aside[0]).unwrap().as_deref(), Some(broken.as_str()));

    // Whole JSON, but not a valid map: damaged too.
    let created = library.create(&big, 5.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    store.plant(&entry_key, &whole.replacen("\"power\":3", "\"power\":9", 1));
    assert!(matches!(
        support::read_as_the_page_does(&mut library, &created.key, 7).0,
        Err(StorageProblem::Damaged { .. })
    ));

    // Laid out otherwise, yet whole: read as `load` reads it, with nothing set aside.
    let created = library.create(&big, 6.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    let with_field_after = format!("{},\"kept_by\":\"a later Simpul\"}}", &whole[..whole.len() - 1]);
    store.plant(&entry_key, &with_field_after);
    assert!(library.entry_text(&created.key).is_some());
    assert_eq!(
        support::read_as_the_page_does(&mut library, &created.key, 7),
        (Ok(library.load(&created.key, 6.0).unwrap()), None)
    );
    assert_eq!(library.load(&created.key, 6.0).map(|l| l.map), Ok(big.clone()));
    let head = r#"{"schema":1,"revision":2,"saved_ms":2.0,"title":"Pasar Gede","stakeholders":300,"map":"#;
    assert!(whole.starts_with(head), "{whole}");
    let map_first = whole.replacen(head, r#"{"map":"#, 1);
    let map_first = format!("{},\"schema\":1,\"revision\":2}}", &map_first[..map_first.len() - 1]);
    store.plant(&entry_key, &map_first);
    assert!(library.entry_text(&created.key).is_none());
    assert_eq!(
        support::read_as_the_page_does(&mut library, &created.key, 7).0.map(|l| (l.map, l.summary.revision)),
        Ok((big.clone(), 2))
    );

    // Cut inside its head: damaged. Of a newer schema: refused and left alone. Gone: not found.
    store.plant(&entry_key, &whole[..20]);
    assert!(library.entry_text(&created.key).is_none());
    assert!(matches!(
        support::read_as_the_page_does(&mut library, &created.key, 7).0,
        Err(StorageProblem::Damaged { .. })
    ));
    let created = library.create(&big, 7.0).unwrap();
    let entry_key = format!("{ENTRY_PREFIX}{}", created.key);
    let newer = whole.replacen("\"schema\":1", "\"schema\":2", 1);
    store.plant(&entry_key, &newer);
    assert!(library.entry_text(&created.key).is_none());
    assert_eq!(
        support::read_as_the_page_does(&mut library, &created.key, 7).0,
        Err(StorageProblem::NewerSchema)
    );
    assert_eq!(store.raw(&entry_key).as_deref(), Some(newer.as_str()));
    library.delete(&created.key, 8.0).unwrap();
    assert_eq!(
        support::read_as_the_page_does(&mut library, &created.key, 7).0,
        Err(StorageProblem::NotFound(created.key.clone()))
    );
}
