//! A map from outside (file, link, spreadsheet, Kumu) that holds more than a map
//! may is refused with a message naming the count and the limit; an edit that
//! would grow a map past a limit is refused; maps stored before the limits, and
//! undo on them, still work.
#![cfg(not(target_arch = "wasm32"))]

use simpul::edit::{Command, EditError, History};
use simpul::format::import::read_files;
use simpul::format::import_error::ImportError;
use simpul::format::{decode, encode, Decoding, ProblemKind};
use simpul::i18n::Lang;
use simpul::model::*;

fn stakeholder(i: usize) -> Stakeholder {
    Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("Stakeholder {i}"))
}

/// A chain of `n` stakeholders with `links` links between neighbours (wrapping).
fn map_of(n: usize, links: usize) -> Map {
    let mut map = Map::new("Big");
    map.stakeholders = (0..n).map(stakeholder).collect();
    map.links = (0..links)
        .map(|i| {
            Link::new(
                LinkId::new(format!("l{i}")),
                StakeholderId::new(format!("s{}", i % n)),
                StakeholderId::new(format!("s{}", (i + 1 + i / n) % n)),
            )
        })
        .collect();
    map
}

fn import(text: &str) -> Result<Map, Vec<(String, ProblemKind)>> {
    let root = serde_json::from_str(text).expect("test files are JSON");
    Decoding::new(&root)
        .within_limits()
        .finish()
        .map_err(|invalid| invalid.problems.into_iter().map(|p| (p.path, p.kind)).collect())
}

#[test]
fn a_file_at_every_limit_imports_and_one_over_is_refused_naming_its_list() {
    let at_limit = map_of(MapPart::Stakeholders.limit(), MapPart::Links.limit());
    let imported = import(&encode(&at_limit)).expect("a map at the limits imports");
    assert_eq!((imported.stakeholders.len(), imported.links.len()), (5_000, 20_000));

    let problems = import(&encode(&map_of(5_001, 10))).expect_err("5,001 stakeholders are refused");
    assert_eq!(
        problems,
        vec![(
            "stakeholders".to_string(),
            ProblemKind::TooMany(OverLimit { part: MapPart::Stakeholders, count: 5_001 })
        )]
    );

    let problems = import(&encode(&map_of(100, 20_001))).expect_err("20,001 links are refused");
    assert_eq!(
        problems,
        vec![("links".to_string(), ProblemKind::TooMany(OverLimit { part: MapPart::Links, count: 20_001 }))]
    );

    let mut many_sectors = map_of(3, 2);
    many_sectors.sectors = (0..501)
        .map(|i| Sector { id: SectorId::new(format!("x{i}")), name: format!("Sector {i}"), color: None })
        .collect();
    let problems = import(&encode(&many_sectors)).expect_err("501 sectors are refused");
    assert_eq!(problems[0].0, "sectors");
}

#[test]
fn the_refusal_says_what_to_do_in_both_languages() {
    let invalid = match Decoding::new(&serde_json::from_str(&encode(&map_of(6_000, 0))).unwrap())
        .within_limits()
        .finish()
    {
        Ok(_) => panic!("6,000 stakeholders are over the limit"),
        Err(invalid) => invalid,
    };
    let en = invalid.problems[0].describe(Lang::En);
    assert!(
        en.starts_with("stakeholders: the map holds 6000 stakeholders")
            && en.contains("at most 5000 stakeholders")
            && en.contains("split it"),
        "{en}"
    );
    let id = invalid.problems[0].describe(Lang::Id);
    assert!(id.contains("6000 pemangku kepentingan") && id.contains("paling banyak 5000"), "{id}");
}

#[test]
fn a_stored_map_over_the_limits_still_opens_and_can_shrink_and_undo() {
    // Stored maps are read with `decode`, which does not check the limits.
    let mut map = decode(&encode(&map_of(5_200, 10))).expect("a stored map opens whatever its size");
    let mut history = History::default();
    assert_eq!(
        history.apply(&mut map, Command::InsertStakeholder { index: 0, stakeholder: stakeholder(9_999) }),
        Err(EditError::MapFull(MapPart::Stakeholders))
    );
    let last = map.stakeholders[5_199].id.clone();
    let delete = Command::delete_stakeholder(&map, &last);
    history.apply(&mut map, delete).expect("a big map can shrink");
    assert_eq!(map.stakeholders.len(), 5_199);
    assert!(history.undo(&mut map), "undo puts the stakeholder back, over the limit as it was");
    assert_eq!(map.stakeholders.len(), 5_200);
    assert!(history.redo(&mut map));
    assert_eq!(map.stakeholders.len(), 5_199);
}

#[test]
fn an_edit_past_a_limit_is_refused_and_changes_nothing() {
    let mut map = map_of(4_999, 0);
    let mut history = History::default();
    history
        .apply(&mut map, Command::InsertStakeholder { index: 0, stakeholder: stakeholder(7_000) })
        .expect("the 5,000th fits");
    let before = map.clone();
    let refused =
        history.apply(&mut map, Command::InsertStakeholder { index: 0, stakeholder: stakeholder(7_001) });
    assert_eq!(refused, Err(EditError::MapFull(MapPart::Stakeholders)));
    assert_eq!(map, before);
    assert!(refused.unwrap_err().message(Lang::Id).contains("5000 pemangku kepentingan"));

    // A batch is judged by what it adds in all: one out and one in still fits.
    let first = map.stakeholders[0].id.clone();
    let swap = Command::Batch(vec![
        Command::RemoveStakeholder(first),
        Command::InsertStakeholder { index: 0, stakeholder: stakeholder(7_002) },
    ]);
    history.apply(&mut map, swap).expect("a batch that adds no stakeholder in all fits");
    let two_more = Command::Batch(vec![
        Command::InsertStakeholder { index: 0, stakeholder: stakeholder(7_003) },
        Command::InsertStakeholder { index: 0, stakeholder: stakeholder(7_004) },
    ]);
    assert_eq!(history.apply(&mut map, two_more), Err(EditError::MapFull(MapPart::Stakeholders)));

    let mut linked = map_of(10, 20_000);
    let link = Link::new(LinkId::new("one-more"), StakeholderId::new("s0"), StakeholderId::new("s5"));
    assert_eq!(
        history.apply(&mut linked, Command::InsertLink { index: 0, link }),
        Err(EditError::MapFull(MapPart::Links))
    );
}

#[test]
fn a_spreadsheet_or_kumu_file_over_a_limit_is_refused_before_the_preview() {
    let rows: String = (0..5_001).map(|i| format!("Stakeholder {i},ngo\n")).collect();
    let csv = format!("Label,Type\n{rows}");
    match read_files(&[("big.csv".into(), csv.into_bytes())]) {
        Err(ImportError::TooMany(over)) => {
            assert_eq!(over, OverLimit { part: MapPart::Stakeholders, count: 5_001 })
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let at_limit: String = (0..5_000).map(|i| format!("Stakeholder {i},ngo\n")).collect();
    let draft = read_files(&[("ok.csv".into(), format!("Label,Type\n{at_limit}").into_bytes())])
        .expect("5,000 rows fit");
    assert_eq!(draft.stakeholders.len(), 5_000);

    let elements: Vec<String> = (0..5_001)
        .map(|i| format!(r#"{{"_id":"e{i}","attributes":{{"label":"Element {i}","element type":"NGO"}}}}"#))
        .collect();
    let kumu = format!(r#"{{"elements":[{}],"connections":[]}}"#, elements.join(","));
    match read_files(&[("project.json".into(), kumu.into_bytes())]) {
        Err(ImportError::TooMany(over)) => assert_eq!(over.part, MapPart::Stakeholders),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
