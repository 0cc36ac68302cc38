//! The backup file: every map of a library written in one file and read back
//! exactly, one map a line.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::format::{self, backup};

proptest! {
    #[test]
    fn a_backup_reads_back_as_the_maps_it_was_written_from(maps in proptest::collection::vec(support::any_map(8), 0..4), saved_ms in 0.0f64..2e12) {
        let text = backup::encode(&maps, saved_ms);
        let root = format::parse_json(&text).expect("a backup is JSON");
        prop_assert!(backup::is_backup(&root));
        prop_assert_eq!(root["saved_ms"].as_f64(), Some(saved_ms));
        prop_assert_eq!(backup::decode(&root), Ok(maps.clone()));
        // Read in steps, as the page reads a big file, it is the same.
        let mut parsing = format::Parsing::new(&text);
        while !parsing.read(3) {}
        prop_assert_eq!(parsing.finish(), Ok(root));
        // One map a line, between the backup's head and its end.
        let lines: Vec<&str> = text.lines().collect();
        prop_assert_eq!(lines.len(), maps.len() + 2);
        for (line, map) in lines[1..=maps.len()].iter().zip(&maps) {
            prop_assert_eq!(format::decode(line.trim_end_matches(',')), Ok(map.clone()));
        }
    }
}

#[test]
fn a_backup_of_no_maps_is_a_backup_of_no_maps() {
    let text = backup::encode(&[], 1.0);
    assert_eq!(backup::decode(&format::parse_json(&text).unwrap()), Ok(Vec::new()));
}
