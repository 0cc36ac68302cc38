//! The analysis of a big map runs in the web worker and comes back as JSON: the
//! page must read back exactly the analysis the worker made, for the bundled
//! examples and for any map.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::analysis::analyze;
use simpul::analysis::background::{carry_over, from_message, to_message};
use simpul::example_maps::{example_path, EXAMPLE_MAPS};
use simpul::format::decode;
use simpul::i18n::Lang;

#[test]
fn the_worker_message_gives_back_each_examples_analysis() {
    for &(stem, _, _) in EXAMPLE_MAPS {
        let path = format!("{}/public/{}", env!("CARGO_MANIFEST_DIR"), example_path(stem, Lang::En));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let map = decode(&text).unwrap_or_else(|e| panic!("{path}: {:?}", e.problems));
        let analysis = analyze(&map);
        assert!(!analysis.findings.is_empty(), "{stem}");
        assert_eq!(from_message(&to_message(&analysis)), Some(analysis), "{stem}");
    }
}

#[test]
fn an_answer_that_is_not_an_analysis_is_refused() {
    assert_eq!(from_message(""), None);
    assert_eq!(from_message("{\"metrics\": []}"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_maps_analysis_comes_back_whole(map in support::any_map(24)) {
        let analysis = analyze(&map);
        prop_assert_eq!(from_message(&to_message(&analysis)), Some(analysis));
    }

    #[test]
    fn an_analysis_carried_over_to_its_own_map_is_unchanged(map in support::any_map(24)) {
        let analysis = analyze(&map);
        prop_assert_eq!(carry_over(&analysis, &map, &map), analysis);
    }
}
