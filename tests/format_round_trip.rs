//! Export → import is the identity, for any valid map.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::format::{as_file, decode, decode_value, encode, parse_json, Decoding, Encoding, Parsing};

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
    fn reading_in_steps_gives_what_reading_at_once_gives(
        map in support::any_map(10),
        step in 1usize..7,
        damage in 0usize..6,
    ) {
        // A valid map, or one damaged in one of several ways (the problems must
        // come out the same, in the same order).
        let mut tree = serde_json::to_value(simpul::format::encode_value(&map)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match damage {
            1 => tree["stakeholders"] = serde_json::json!("not a list"),
            2 => { if let Some(first) = tree["links"].get_mut(0) { first["from"] = serde_json::json!("nobody"); } }
            3 => { if let Some(first) = tree["stakeholders"].get_mut(0) { first["power"] = serde_json::json!(9); } }
            4 => tree["version"] = serde_json::json!(99),
            5 => { if let Some(list) = tree["sectors"].as_array_mut() { list.push(serde_json::json!({"id": "", "name": 3})); } }
            _ => {}
        }
        let text = tree.to_string();
        let root = parse_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut decoding = Decoding::new(&root);
        let mut steps = 0;
        while !decoding.read(step) {
            steps += 1;
            prop_assert!(steps < 10_000, "the reading never ends");
        }
        let elements = map.sectors.len() + map.stakeholders.len() + map.links.len();
        if matches!(damage, 0 | 2 | 3) {
            // A step stops short only when more elements wait.
            prop_assert_eq!(steps, elements.saturating_sub(1) / step);
        }
        prop_assert_eq!(decoding.finish(), decode_value(&root));
        if damage == 0 {
            prop_assert_eq!(decode_value(&root), Ok(map));
        }
    }

    #[test]
    fn writing_in_steps_gives_what_writing_at_once_gives(map in support::any_map(10), step in 1usize..7) {
        let at_once = serde_json::to_string(&as_file(&map)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut encoding = Encoding::new(&map);
        let mut steps = 0;
        while !encoding.write(step) {
            steps += 1;
            prop_assert!(steps < 10_000, "the writing never ends");
        }
        // A step stops short only when more elements wait.
        prop_assert_eq!(steps, (map.stakeholders.len() + map.links.len()).saturating_sub(1) / step);
        prop_assert_eq!(encoding.map(), &map);
        let text = encoding.finish();
        prop_assert_eq!(&text, &at_once);
        prop_assert_eq!(decode(&text), Ok(map.clone()));
        // Finishing at once writes the same, for an owned map too.
        prop_assert_eq!(Encoding::new(map).finish(), at_once);
    }

    #[test]
    fn parsing_in_steps_gives_what_parsing_at_once_gives(
        map in support::any_map(8),
        step in 1usize..7,
        cut in 0usize..3000,
        junk in prop::sample::select(vec!["", "x", "]", "[", "}", "{", ",", "\"", "\\", "[[", "{\"a\":", "\"links\":[1],"]),
        shape in 0usize..6,
    ) {
        // A file, pretty or compact, with a byte order mark, a repeated key, or
        // damaged by a cut and some junk; or not an object at all.
        let text = match shape {
            0 => encode(&map),
            1 => serde_json::to_string(&as_file(&map)).map_err(|e| TestCaseError::fail(e.to_string()))?,
            2 => format!("\u{feff}{}", encode(&map)),
            3 => encode(&map).replacen('{', "{\"links\": [{\"id\": 1}, [2, [3]]],", 1),
            4 => format!("[{}, 1]", encode(&map)),
            _ => {
                let text = encode(&map);
                let mut at = cut.min(text.len());
                while !text.is_char_boundary(at) { at -= 1; }
                format!("{}{}{}", &text[..at], junk, &text[at..])
            }
        };
        let mut parsing = Parsing::new(&text);
        let mut steps = 0;
        while !parsing.read(step) {
            steps += 1;
            prop_assert!(steps < 100_000, "the parsing never ends");
        }
        if shape <= 3 {
            // A file that parses is parsed in steps (not left whole to `finish`):
            // a step stops short only when more elements wait.
            // (The repeated "links" of shape 3 comes first, its two elements read
            // too: the file's own list wins.)
            let repeated = if shape == 3 { 2 } else { 0 };
            let elements = map.sectors.len() + map.stakeholders.len() + map.links.len() + repeated;
            prop_assert_eq!(steps, elements.saturating_sub(1) / step);
        }
        prop_assert_eq!(parsing.finish(), parse_json(&text));
    }

    #[test]
    fn parsing_arbitrary_text_in_steps_gives_what_parsing_at_once_gives(text in ".{0,200}", step in 1usize..4) {
        let mut parsing = Parsing::new(&text);
        parsing.read(step);
        prop_assert_eq!(parsing.finish(), parse_json(&text));
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

/// Texts at the edges of what the step-by-step reading lays out itself: each gives,
/// read one element a step, exactly what parsing at once gives, refusals included.
#[test]
fn parsing_in_steps_agrees_at_the_edges_of_json() {
    let texts = [
        "{}",
        " \r\n\t{ } \n",
        "\u{feff}{\"a\": [1, 2]}",
        "{\"a\": []}",
        "{\"a\": [1,]}",
        "{\"a\": 1,}",
        "{,}",
        "{\"a\": [1 2]}",
        "{\"a\" 1}",
        "{\"a\": 1} x",
        "{\"a\": 1}}",
        "{\"a\": [{\"b\": \"]\"}, \"\\\"[\"]}",
        "{\"a\\u0062\": \"x\\\\\", \"c\": {\"d\": [\"}\"]}}",
        "{\"a\": -}",
        "{\"a\": 1e400}",
        "{\"a\": [1], \"a\": 2, \"b\": [true, null]}",
        "{\"a\": [[1], [2, [3]]]}",
        "{\"a\": [1]",
        "{\"a\": \"unended",
        "{\"a\": ]}",
        "{\"a\": [}]}",
        "[1, 2]",
        "\"text\"",
        "",
        "   ",
    ];
    for text in texts {
        let mut parsing = Parsing::new(text);
        while !parsing.read(1) {}
        assert_eq!(parsing.finish(), parse_json(text), "{text:?}");
    }
    // A big object element (a backup's map) is read in steps of its own, and a
    // broken one is still refused as parsing at once refuses it.
    use simpul::model::{Map, Stakeholder, StakeholderId};
    let mut numbered = Map::new("Numbered");
    numbered.stakeholders = (0..2_000)
        .map(|i| Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("Stakeholder {i}")))
        .collect();
    let big_map = encode(&numbered);
    assert!(big_map.len() > 64 * 1024);
    let backup =
        format!("{{\"format\": \"simpul-backup\", \"maps\": [{big_map}, {{\"small\": true}}, {big_map}]}}");
    let mut parsing = Parsing::new(&backup);
    let mut steps = 0;
    while !parsing.read(100) {
        steps += 1;
    }
    assert!(steps >= 40, "4,000 stakeholders in two maps at 100 a step: {steps} steps");
    assert_eq!(parsing.finish(), parse_json(&backup));
    let broken = backup.replacen("\"name\":", "\"name\" ", 1);
    let mut parsing = Parsing::new(&broken);
    while !parsing.read(100) {}
    assert_eq!(parsing.finish(), parse_json(&broken));
    assert!(parse_json(&broken).is_err());

    let mut parsing = Parsing::new("{\"a\": [1, 2, 3], \"b\": {\"c\": [4]}, \"d\": [5]}");
    let steps = std::iter::from_fn(|| Some(parsing.read(1))).take_while(|done| !done).count();
    assert_eq!(steps, 3, "one step per list element (4 elements: 3 steps stop short)");
}
