//! Import validates everything and names every problem with its location.
#![cfg(not(target_arch = "wasm32"))]

use simpul::format::{decode, ProblemKind};
use simpul::i18n::Lang;
use simpul::model::*;

fn problems(text: &str) -> Vec<String> {
    match decode(text) {
        Ok(map) => panic!("expected problems, got a map: {map:?}"),
        Err(invalid) => invalid.problems.iter().map(|p| p.describe(Lang::En)).collect(),
    }
}

#[test]
fn the_product_example_reads_with_defaults_for_omitted_fields() {
    let text = r##"{
      "format": "simpul-map", "version": 1, "title": "Jakarta Bersih", "description": "",
      "sectors": [{"id": "env", "name": "Environment", "color": "#2a9d8f"}],
      "stakeholders": [
        {"id": "dlh", "name": "Dinas Lingkungan Hidup", "kind": "government",
         "sectors": ["env"], "power": 5, "interest": 4, "stance": 1,
         "resources": ["funding", "regulation"], "notes": "", "x": 0.0, "y": 0.0},
        {"id": "bank-sampah", "name": "Bank Sampah", "kind": "community"}
      ],
      "links": [{"id": "l1", "from": "dlh", "to": "bank-sampah", "kind": "funding",
                 "directed": true, "strength": 2, "notes": ""}],
      "someFutureField": {"ignored": true}
    }"##;
    let map = decode(text).expect("the example is valid");
    assert_eq!(map.title, "Jakarta Bersih");
    let dlh = &map.stakeholders[0];
    assert_eq!(dlh.power.get(), 5);
    assert_eq!(dlh.resources, vec![Resource::Funding, Resource::Regulation]);
    assert_eq!(dlh.pos_in_world, Some(PosInWorld { x: 0.0, y: 0.0 }));
    let bank = &map.stakeholders[1];
    assert_eq!((bank.power.get(), bank.interest.get(), bank.stance.get()), (3, 3, 0));
    assert!(bank.sectors.is_empty() && bank.resources.is_empty() && bank.notes.is_empty());
    assert_eq!(bank.pos_in_world, None);
    assert_eq!(map.links[0].strength.get(), 2);
    assert!(map.links[0].directed);
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let text = r##"{
      "format": "simpul-map", "version": 1, "title": 7,
      "sectors": [{"id": "env", "name": "Env", "color": "teal"}, {"id": "env", "name": "Again"}],
      "stakeholders": [
        {"id": "a", "name": "A", "kind": "government", "power": 9},
        {"id": "", "name": "B", "kind": "gov", "interest": 2.5, "sectors": ["nope", "env", "env"]},
        {"id": "c", "name": "  ", "kind": "media", "stance": -3, "resources": ["money"], "x": 1},
        "not an object"
      ],
      "links": [
        {"id": "l1", "from": "a", "to": "ghost", "kind": "partnership", "strength": 0},
        {"id": "l1", "from": "a", "to": "a", "kind": "friendship", "directed": "yes"}
      ]
    }"##;
    let got = problems(text);
    let expected = [
        "title: should be text in quotes",
        "sectors[0].color: \"teal\" is not a colour like #2a9d8f",
        "stakeholders[0].power: 9 is outside 1–5",
        "stakeholders[1].id: must not be empty",
        "stakeholders[1].kind: \"gov\" is not one of: government, business, community, academia, media, ngo, donor, other",
        "stakeholders[1].sectors[2]: \"env\" is listed more than once",
        "stakeholders[1].interest: should be a whole number",
        "stakeholders[2].name: must not be empty",
        "stakeholders[2].stance: -3 is outside -2–2",
        "stakeholders[2].resources[0]: \"money\" is not one of: funding, regulation, expertise, local_knowledge, networks, infrastructure, technology, volunteers, media_reach",
        "stakeholders[2].y: a position needs both x and y",
        "stakeholders[3]: should be an object { … }",
        "links[0].strength: 0 is outside 1–3",
        "links[1].kind: \"friendship\" is not one of: partnership, funding, information, regulation, service, conflict",
        "links[1].directed: should be true or false",
        "sectors[1].id: the id \"env\" is already used at sectors[0]",
        "links[1].id: the id \"l1\" is already used at links[0]",
        "stakeholders[1].sectors[0]: no sector has the id \"nope\"",
        "links[0].to: no stakeholder has the id \"ghost\"",
    ];
    for line in expected {
        assert!(got.contains(&line.to_string()), "missing {line:?} in {got:#?}");
    }
    assert_eq!(got.len(), expected.len(), "unexpected extra problems: {got:#?}");
}

#[test]
fn references_are_checked_with_the_file_index_even_after_bad_elements() {
    let text = r#"{"format": "simpul-map", "version": 1,
      "stakeholders": [{"id": "x"}, {"id": "b", "name": "B", "kind": "ngo", "sectors": ["missing"]}],
      "links": [{"id": "l", "from": "b", "to": "b", "kind": "service"}]}"#;
    let got = problems(text);
    assert!(got.contains(&"stakeholders[0].name: is missing".to_string()), "{got:?}");
    assert!(got.contains(&"stakeholders[0].kind: is missing".to_string()), "{got:?}");
    assert!(
        got.contains(&"stakeholders[1].sectors[0]: no sector has the id \"missing\"".to_string()),
        "{got:?}"
    );
}

#[test]
fn whole_file_problems_are_single_and_clear() {
    assert_eq!(problems(""), ["The file is empty"]);
    assert_eq!(problems("[1, 2]"), ["This is not a Simpul map file (\"format\" should be \"simpul-map\")"]);
    assert_eq!(problems(r#"{"format": "kumu", "version": 1}"#).len(), 1);
    let syntax = problems("{\n  \"format\": \"simpul-map\",\n  \"version\": 1,,\n}");
    assert_eq!(syntax.len(), 1);
    assert_eq!(syntax, ["The file is not valid JSON: there is something unexpected (line 3, column 16)"]);
    assert_eq!(
        problems("{\"format\": \"simpul-map\", \"stakeholders\": [{\"id\""),
        ["The file is not valid JSON: it ends too early, as if it was cut off (line 1, column 47)"]
    );
    assert_eq!(
        problems(r#"{"format": "simpul-map", "version": 4}"#),
        ["version: this map was made by a newer Simpul (file version 4; this Simpul reads up to version 1); update Simpul to open it"]
    );
    assert_eq!(
        problems(r#"{"format": "simpul-map", "version": 0}"#),
        ["version: 0 is not a file version Simpul knows"]
    );
    assert_eq!(problems(r#"{"format": "simpul-map"}"#), ["version: is missing"]);
    let huge = " ".repeat(simpul::format::MAX_FILE_BYTES + 1);
    assert!(problems(&huge)[0].contains("at most"));
}

#[test]
fn a_byte_order_mark_and_whole_floats_are_accepted() {
    let text = "\u{feff}{\"format\": \"simpul-map\", \"version\": 1, \"stakeholders\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"donor\", \"power\": 4.0}]}";
    let map = decode(text).expect("valid");
    assert_eq!(map.stakeholders[0].power.get(), 4);
}

#[test]
fn problems_are_told_in_bahasa_indonesia_too() {
    let text = r#"{"format": "simpul-map", "version": 1, "stakeholders": [{"id": "a", "name": "A", "kind": "ngo", "power": 9}]}"#;
    let invalid = decode(text).unwrap_err();
    assert_eq!(invalid.problems[0].describe(Lang::Id), "stakeholders[0].power: 9 berada di luar rentang 1–5");
    assert!(matches!(invalid.problems[0].kind, ProblemKind::OutOfRange { .. }));
}

#[test]
fn every_problem_kind_has_distinct_messages_in_both_languages() {
    let kinds = [
        ProblemKind::Syntax { line: 1, column: 2, ends_early: true },
        ProblemKind::Empty,
        ProblemKind::Unreadable { reason: "r".into() },
        ProblemKind::TooLarge { bytes: 2, limit: 1 },
        ProblemKind::NotSimpulMap,
        ProblemKind::NewerVersion { found: 2, supported: 1 },
        ProblemKind::UnknownVersion { found: "x".into() },
        ProblemKind::Missing,
        ProblemKind::WrongType(simpul::format::Expected::List),
        ProblemKind::OutOfRange { value: "9".into(), min: 1, max: 5 },
        ProblemKind::Blank,
        ProblemKind::DuplicateId { id: "a".into(), first: "p".into() },
        ProblemKind::Repeated { value: "v".into() },
        ProblemKind::NotAllowed { value: "v".into(), allowed: vec!["a"] },
        ProblemKind::UnknownSector { id: "s".into() },
        ProblemKind::UnknownStakeholder { id: "s".into() },
        ProblemKind::BadColor { value: "c".into() },
        ProblemKind::HalfPosition,
    ];
    for kind in kinds {
        let (en, id) = (kind.message(Lang::En), kind.message(Lang::Id));
        assert!(!en.is_empty() && !id.is_empty());
        assert_ne!(en, id, "{kind:?} is not translated");
    }
}
