//! The storage library against real localStorage in headless Chromium: round trips,
//! a full quota, damaged entries and two tabs. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use simpul::model::{Map, Stakeholder, StakeholderId};
use simpul::storage::browser::BrowserStore;
use simpul::storage::{KeyValue, Library, StorageProblem, ENTRY_PREFIX};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("test browser has localStorage")
}

fn fresh_library() -> Library<BrowserStore> {
    local_storage().clear().expect("clear");
    Library::new(BrowserStore::open().expect("storage is available"))
}

fn map(title: &str, people: usize) -> Map {
    let mut map = Map::new(title);
    for i in 0..people {
        map.stakeholders.push(Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("Pemangku {i}")));
    }
    map
}

#[wasm_bindgen_test]
fn maps_round_trip_through_local_storage() {
    let mut library = fresh_library();
    let created = library.create(&map("Jakarta Bersih", 3), 1.0).unwrap();
    // A second library object sees it: it really is in localStorage.
    let mut other = Library::new(BrowserStore::open().unwrap());
    let loaded = other.load(&created.key, 2.0).unwrap();
    assert_eq!(loaded.map, map("Jakarta Bersih", 3));
    assert!(local_storage().get_item(&format!("{ENTRY_PREFIX}{}", created.key)).unwrap().is_some());
    assert_eq!(other.catalogue(3.0).maps.len(), 1);
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_saved_map_survives() {
    let mut library = fresh_library();
    let created = library.create(&map("Kept", 2), 1.0).unwrap();
    // Fill the real quota with filler entries until the browser refuses.
    let chunk = "x".repeat(256 * 1024);
    let mut store = BrowserStore::open().unwrap();
    let mut filled = 0;
    while store.set(&format!("filler.{filled}"), &chunk).is_ok() {
        filled += 1;
        assert!(filled < 1000, "the quota never ran out");
    }
    // Top up with smaller pieces so that not even a small map fits.
    let small = "y".repeat(1024);
    let mut extra = 0;
    while store.set(&format!("filler.small.{extra}"), &small).is_ok() {
        extra += 1;
    }
    assert_eq!(store.set("one.more", &small), Err(simpul::storage::StoreError::Full));

    let grown = map("Kept", 400);
    assert_eq!(library.save(&created.key, &grown, 1, 2.0), Err(StorageProblem::Full));
    let kept = library.load(&created.key, 3.0).unwrap();
    assert_eq!(kept.map, map("Kept", 2));
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_damaged_entry_is_set_aside_in_real_storage() {
    let mut library = fresh_library();
    let created = library.create(&map("Rusak", 1), 1.0).unwrap();
    let key = format!("{ENTRY_PREFIX}{}", created.key);
    local_storage().set_item(&key, "{\"schema\":1,\"revis").unwrap();
    let problem = library.load(&created.key, 5.0).unwrap_err();
    assert!(matches!(problem, StorageProblem::Damaged { .. }), "{problem:?}");
    let catalogue = library.catalogue(6.0);
    assert!(catalogue.maps.is_empty());
    assert_eq!(catalogue.set_aside.len(), 1);
    assert_eq!(
        local_storage().get_item(&catalogue.set_aside[0]).unwrap().as_deref(),
        Some("{\"schema\":1,\"revis")
    );
}

#[wasm_bindgen_test]
fn two_libraries_on_one_storage_do_not_overwrite_each_other() {
    let mut tab_one = fresh_library();
    let mut tab_two = Library::new(BrowserStore::open().unwrap());
    let created = tab_one.create(&map("Bersama", 1), 1.0).unwrap();
    tab_one.save(&created.key, &map("Bersama", 2), 1, 2.0).unwrap();
    let refused = tab_two.save(&created.key, &map("Bersama", 5), 1, 3.0);
    assert!(matches!(refused, Err(StorageProblem::Conflict { .. })), "{refused:?}");
    assert_eq!(tab_two.load(&created.key, 4.0).unwrap().map, map("Bersama", 2));
}

#[wasm_bindgen_test]
fn a_value_is_copied_whole_and_a_missing_one_is_not() {
    local_storage().clear().expect("clear");
    let mut store = BrowserStore::open().unwrap();
    // Not only ASCII: the copy must be exact, character for character.
    let value = format!("{{\"title\":\"Peta “Sungai” – {}\"}}", "é".repeat(10_000));
    store.set("from", &value).unwrap();
    assert_eq!(store.copy("from", "to"), Ok(true));
    assert_eq!(store.get("to").unwrap().as_deref(), Some(value.as_str()));
    assert_eq!(store.copy("nothing here", "to.2"), Ok(false));
    assert_eq!(store.get("to.2").unwrap(), None);
    // Wrapped, as a map moving to the trash is, with text around it.
    let before = "{\"title\":\"Peta “Hulu”\",\"stored\":";
    assert_eq!(store.copy_wrapped("from", "trash", before, "}"), Ok(true));
    assert_eq!(store.get("trash").unwrap(), Some([before, &value, "}"].concat()));
    assert_eq!(store.copy_wrapped("nothing here", "trash.2", before, "}"), Ok(false));
    assert_eq!(store.get("trash.2").unwrap(), None);
    // And back out of its wrapping, as a map restored from the trash is.
    assert_eq!(store.copy_unwrapped("trash", "back", ",\"stored\":", "}"), Ok(true));
    assert_eq!(store.get("back").unwrap().as_deref(), Some(value.as_str()));
    assert_eq!(store.copy_unwrapped("trash", "back.2", ",\"elsewhere\":", "}"), Ok(false));
    assert_eq!(store.copy_unwrapped("nothing here", "back.2", ",\"stored\":", "}"), Ok(false));
    assert_eq!(store.get("back.2").unwrap(), None);
}
