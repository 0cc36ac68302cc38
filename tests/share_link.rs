//! Share links: round trip, and every kind of broken or hostile link refused.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;
use simpul::format::*;
use simpul::i18n::Lang;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn a_link_opens_the_same_map(map in support::any_map(10)) {
        let fragment = encode_fragment(&map);
        prop_assert!(fragment.starts_with("#m="));
        prop_assert!(fragment[3..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        prop_assert_eq!(decode_fragment(&fragment).map_err(|e| TestCaseError::fail(e.to_string()))?, map);
    }

    #[test]
    fn damaged_links_are_refused_without_panic(map in support::any_map(4), cut in 4usize..400) {
        let fragment = encode_fragment(&map);
        let cut = cut.min(fragment.len());
        let _ = decode_fragment(&fragment[..cut]);
    }
}

#[test]
fn the_format_is_raw_deflate_of_the_map_json_in_base64url() {
    let json = br#"{"format":"simpul-map","version":1,"title":"Dari tautan","stakeholders":[{"id":"a","name":"A","kind":"ngo"}]}"#;
    let fragment = format!("#m={}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json, 6)));
    let map = decode_fragment(&fragment).unwrap();
    assert_eq!(map.title, "Dari tautan");
    assert_eq!(map.stakeholders.len(), 1);
    assert!(is_share_fragment(&fragment) && is_share_fragment("m=abc") && !is_share_fragment("#about"));
}

#[test]
fn broken_links_say_what_is_wrong() {
    assert_eq!(decode_fragment("#m=%%%not base64"), Err(ShareLinkError::NotBase64));
    assert_eq!(
        decode_fragment(&format!("#m={}", URL_SAFE_NO_PAD.encode(b"plain text, not deflate"))),
        Err(ShareLinkError::NotDeflate)
    );
    let not_a_map = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(br#"{"elements": []}"#, 6));
    let error = decode_fragment(&format!("#m={not_a_map}")).unwrap_err();
    assert!(matches!(error, ShareLinkError::Invalid(_)), "{error:?}");
    assert!(error.to_string().contains("not a Simpul map file"), "{error}");
    assert!(error.message(Lang::Id).contains("bukan berkas peta Simpul"), "{}", error.message(Lang::Id));
}

#[test]
fn a_link_that_inflates_beyond_the_limit_is_refused() {
    // 6 MB of spaces compresses to a few kilobytes: a classic decompression bomb.
    let bomb = vec![b' '; 6 * 1024 * 1024];
    let fragment = format!("#m={}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9)));
    assert!(fragment.len() < 20_000, "the bomb link is small: {}", fragment.len());
    assert_eq!(decode_fragment(&fragment), Err(ShareLinkError::TooLarge));
    // Just under the limit, the same filler is read (and then refused as not a map).
    let under = vec![b' '; MAX_DECOMPRESSED_BYTES - 1];
    let fragment = format!("#m={}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&under, 9)));
    assert_eq!(decode_fragment(&fragment), Err(ShareLinkError::NotDeflate));
}

#[test]
fn every_error_is_told_in_both_languages() {
    for error in [ShareLinkError::NotBase64, ShareLinkError::NotDeflate, ShareLinkError::TooLarge] {
        assert_ne!(error.message(Lang::En), error.message(Lang::Id));
    }
}
