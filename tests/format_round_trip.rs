//! Export → import is the identity, for any valid map.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::format::{decode, encode};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_then_import_gives_the_same_map(map in support::any_map(12)) {
        let text = encode(&map);
        let back = decode(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &map);
        // And the text itself is stable: encoding the decoded map writes the same file.
        prop_assert_eq!(encode(&back), text);
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn decoding_a_damaged_export_never_panics(map in support::any_map(6), cut in 0usize..2000, junk in ".{0,4}") {
        let text = encode(&map);
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let damaged = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = decode(&damaged);
    }
}
