//! Every change is a command; undo restores exactly, and a valid map stays valid.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::edit::{Command, EditError, History};
use simpul::format::{decode, encode};
use simpul::model::*;

/// A command chosen from the map's current contents by a few random numbers.
fn command_for(map: &Map, choice: u8, a: usize, b: usize, name: &str) -> Command {
    let pick_stakeholder = |i: usize| map.stakeholders.get(i % map.stakeholders.len().max(1)).cloned();
    match choice % 8 {
        0 => Command::InsertStakeholder {
            index: a,
            stakeholder: Stakeholder::new(map.fresh_stakeholder_id(name), format!("{name}!")),
        },
        1 => match pick_stakeholder(a) {
            Some(s) => Command::delete_stakeholder(map, &s.id),
            None => Command::SetTitle(name.into()),
        },
        2 => match (pick_stakeholder(a), pick_stakeholder(b)) {
            (Some(x), Some(y)) => {
                Command::InsertLink { index: b, link: Link::new(map.fresh_link_id(), x.id, y.id) }
            }
            _ => Command::SetDescription(name.into()),
        },
        3 => match map.links.get(a % map.links.len().max(1)) {
            Some(l) => Command::RemoveLink(l.id.clone()),
            None => Command::SetTitle(format!("{name}?")),
        },
        4 => Command::InsertSector {
            index: a,
            sector: Sector { id: map.fresh_sector_id(name), name: format!("{name}#"), color: None },
        },
        5 => match map.sectors.get(a % map.sectors.len().max(1)) {
            Some(s) => Command::delete_sector(map, &s.id),
            None => Command::SetTitle(String::new()),
        },
        6 => match (pick_stakeholder(a), map.sectors.get(b % map.sectors.len().max(1))) {
            (Some(mut s), Some(sector)) => {
                if !s.sectors.contains(&sector.id) {
                    s.sectors.push(sector.id.clone());
                }
                s.power = Score::new((b % 5) as i64 + 1).unwrap_or_default();
                s.pos_in_world = Some(PosInWorld { x: a as f64, y: b as f64 });
                Command::ReplaceStakeholder(s)
            }
            _ => Command::SetDescription(String::new()),
        },
        _ => match map.links.get(b % map.links.len().max(1)) {
            Some(l) => {
                let mut l = l.clone();
                l.directed = !l.directed;
                l.kind = LinkKind::ALL[a % LinkKind::ALL.len()];
                Command::ReplaceLink(l)
            }
            None => Command::SetTitle("none".into()),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn undo_all_restores_and_redo_all_replays(
        start in support::any_map(6),
        steps in proptest::collection::vec((any::<u8>(), 0usize..20, 0usize..20, "[a-z]{1,6}"), 1..25),
    ) {
        let mut map = start.clone();
        let mut history = History::default();
        let mut applied = 0;
        for (choice, a, b, name) in steps {
            let command = command_for(&map, choice, a, b, &name);
            if history.apply(&mut map, command).is_ok() {
                applied += 1;
            }
            // The map stays valid after every step: it survives a file round trip.
            let round = decode(&encode(&map)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&round, &map);
        }
        let end = map.clone();
        for _ in 0..applied {
            prop_assert!(history.undo(&mut map));
        }
        prop_assert!(!history.undo(&mut map));
        prop_assert_eq!(&map, &start);
        for _ in 0..applied {
            prop_assert!(history.redo(&mut map));
        }
        prop_assert_eq!(&map, &end);
    }
}

fn small_map() -> Map {
    let text = r#"{"format": "simpul-map", "version": 1, "title": "T",
      "sectors": [{"id": "health", "name": "Health"}],
      "stakeholders": [
        {"id": "a", "name": "A", "kind": "government", "sectors": ["health"]},
        {"id": "b", "name": "B", "kind": "community"},
        {"id": "c", "name": "C", "kind": "ngo"}],
      "links": [{"id": "l1", "from": "a", "to": "b", "kind": "funding"},
                {"id": "l2", "from": "c", "to": "a", "kind": "information"},
                {"id": "l3", "from": "b", "to": "c", "kind": "service"}]}"#;
    decode(text).unwrap()
}

#[test]
fn deleting_a_stakeholder_takes_its_links_and_undo_brings_them_back_in_place() {
    let original = small_map();
    let mut map = original.clone();
    let mut history = History::default();
    let delete = Command::delete_stakeholder(&map, &StakeholderId::new("a"));
    history.apply(&mut map, delete).unwrap();
    assert_eq!(map.stakeholders.len(), 2);
    assert_eq!(map.links.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["l3"]);
    assert!(history.undo(&mut map));
    assert_eq!(map, original);
}

#[test]
fn deleting_a_sector_removes_memberships_undoably() {
    let original = small_map();
    let mut map = original.clone();
    let mut history = History::default();
    let delete = Command::delete_sector(&map, &SectorId::new("health"));
    history.apply(&mut map, delete).unwrap();
    assert!(map.sectors.is_empty());
    assert!(map.stakeholders[0].sectors.is_empty());
    history.undo(&mut map);
    assert_eq!(map, original);
}

#[test]
fn invalid_commands_change_nothing() {
    let original = small_map();
    let mut map = original.clone();
    let mut history = History::default();
    let mut ghost_link = Link::new(LinkId::new("l9"), StakeholderId::new("a"), StakeholderId::new("ghost"));
    assert_eq!(
        history.apply(&mut map, Command::InsertLink { index: 0, link: ghost_link.clone() }),
        Err(EditError::UnknownStakeholder("ghost".into()))
    );
    ghost_link.to = StakeholderId::new("b");
    ghost_link.id = LinkId::new("l1");
    assert_eq!(
        history.apply(&mut map, Command::InsertLink { index: 0, link: ghost_link }),
        Err(EditError::DuplicateId("l1".into()))
    );
    let mut blank = map.stakeholders[1].clone();
    blank.name = "   ".into();
    assert_eq!(history.apply(&mut map, Command::ReplaceStakeholder(blank)), Err(EditError::BlankName));
    // A batch that fails half-way is rolled back whole.
    let batch = Command::Batch(vec![
        Command::RemoveLink(LinkId::new("l1")),
        Command::RemoveStakeholder(StakeholderId::new("a")),
    ]);
    assert_eq!(history.apply(&mut map, batch), Err(EditError::InUse("a".into())));
    assert_eq!(map, original);
    assert!(!history.can_undo());
}

#[test]
fn a_new_change_clears_redo_and_history_is_bounded() {
    let mut map = small_map();
    let mut history = History::default();
    history.apply(&mut map, Command::SetTitle("one".into())).unwrap();
    history.undo(&mut map);
    assert!(history.can_redo());
    history.apply(&mut map, Command::SetTitle("two".into())).unwrap();
    assert!(!history.can_redo());
    for i in 0..(History::LIMIT + 20) {
        history.apply(&mut map, Command::SetTitle(i.to_string())).unwrap();
    }
    let mut undone = 0;
    while history.undo(&mut map) {
        undone += 1;
    }
    assert_eq!(undone, History::LIMIT);
}
