//! The sector matrix counts each linked pair once per cell, and a cell's list of
//! linked pairs (what the sector matrix view shows) has as many entries as its count.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::analysis::analyze;
use simpul::analysis::sector_matrix::pairs_between;
use simpul::format::decode;

#[test]
fn a_pair_whose_ends_share_two_sectors_counts_once() {
    // Both stakeholders are in health and education; two links join them.
    let map = decode(
        r#"{"format": "simpul-map", "version": 1, "title": "",
        "sectors": [{"id": "health", "name": "Health"}, {"id": "edu", "name": "Education"}],
        "stakeholders": [
          {"id": "a", "name": "Dinas", "kind": "government", "sectors": ["health", "edu"]},
          {"id": "b", "name": "Yayasan", "kind": "ngo", "sectors": ["health", "edu"]}],
        "links": [
          {"id": "l1", "from": "a", "to": "b", "kind": "funding"},
          {"id": "l2", "from": "b", "to": "a", "kind": "information"}]}"#,
    )
    .unwrap();
    let matrix = analyze(&map).sector_matrix;
    for (i, j) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
        assert_eq!(matrix.links(i, j), 1, "cell ({i}, {j})");
        let pairs = pairs_between(&map, i, j);
        assert_eq!(pairs.len(), 1, "cell ({i}, {j})");
        assert_eq!(pairs[0].kinds.len(), 2, "both links are listed with the one pair");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_cell_counts_the_pairs_it_lists(map in support::any_map(12)) {
        let matrix = analyze(&map).sector_matrix;
        for i in 0..map.sectors.len() {
            for j in 0..map.sectors.len() {
                let listed = pairs_between(&map, i, j).len();
                prop_assert_eq!(matrix.links(i, j) as usize, listed, "cell ({}, {})", i, j);
            }
        }
    }
}
