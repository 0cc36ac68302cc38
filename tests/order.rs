//! The page's one sort (`simpul::order`) gives the standard library's stable
//! order, ties included.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use simpul::order::{positions_in_order, sort_with};

proptest! {
    /// The second field tells items with equal keys apart, so a tie in the wrong
    /// order fails.
    #[test]
    fn sorts_as_the_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
        let mut ours = items.clone();
        sort_with(&mut ours, &|a, b| a.0.cmp(&b.0));
        let mut theirs = items;
        theirs.sort_by_key(|a| a.0);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn positions_follow_the_comparator_descending_too(keys in proptest::collection::vec(0u8..10, 0..100)) {
        let order = positions_in_order(keys.len(), &|a, b| keys[b].cmp(&keys[a]));
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by(|&a, &b| keys[b].cmp(&keys[a]));
        prop_assert_eq!(order, expected);
    }
}
