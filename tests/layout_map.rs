//! The network view's layout of a map: it starts, settles, saves positions, and
//! follows edits (undo moves a body back; a newcomer starts beside its partners).
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::edit::{Command, History};
use simpul::layout::{MapLayout, BOUND};
use simpul::model::*;

fn person(id: &str) -> Stakeholder {
    Stakeholder::new(StakeholderId::new(id), id.to_uppercase())
}

fn link(id: &str, from: &str, to: &str) -> Link {
    Link::new(LinkId::new(id), StakeholderId::new(from), StakeholderId::new(to))
}

fn small_map() -> Map {
    let mut map = Map::new("Test");
    map.sectors.push(Sector { id: SectorId::new("env"), name: "Environment".into(), color: None });
    for id in ["a", "b", "c", "d", "e"] {
        map.stakeholders.push(person(id));
    }
    map.stakeholders[0].sectors.push(SectorId::new("env"));
    map.stakeholders[1].sectors.push(SectorId::new("env"));
    for (i, (from, to)) in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")].into_iter().enumerate() {
        map.links.push(link(&format!("l{i}"), from, to));
    }
    map
}

fn settle(layout: &mut MapLayout) -> usize {
    let mut steps = 0;
    while !layout.simulation().is_settled() && steps < 1000 {
        layout.simulation_mut().step();
        steps += 1;
    }
    steps
}

fn save(layout: &mut MapLayout, map: &mut Map) {
    let positions = layout.positions_to_save(map);
    for &(i, p) in &positions {
        map.stakeholders[i].pos_in_world = Some(p);
    }
    layout.saved(&positions);
}

#[test]
fn a_new_map_settles_and_every_stakeholder_gets_a_position_to_save() {
    let mut map = small_map();
    let mut layout = MapLayout::new(&map, 1);
    assert_eq!(layout.simulation().len(), 6, "five stakeholders and one sector hub");
    assert_eq!(layout.first_hub(), 5);
    let steps = settle(&mut layout);
    assert!(steps > 50 && steps <= 300, "{steps} steps");
    assert_eq!(layout.positions_to_save(&map).len(), 5);
    save(&mut layout, &mut map);
    assert!(layout.positions_to_save(&map).is_empty(), "nothing left to save once saved");
    layout.sync(&map);
    assert!(layout.simulation().is_settled(), "saving its own positions does not restart the layout");
}

#[test]
fn a_map_with_saved_positions_opens_exactly_as_it_was_left() {
    let mut map = small_map();
    for (i, s) in map.stakeholders.iter_mut().enumerate() {
        s.pos_in_world = Some(PosInWorld { x: i as f64 * 100.0, y: -50.5 });
    }
    let layout = MapLayout::new(&map, 1);
    assert!(layout.simulation().is_settled());
    for i in 0..5 {
        assert_eq!(layout.pos_in_world(i), Some(PosInWorld { x: i as f64 * 100.0, y: -50.5 }));
    }
    assert!(layout.positions_to_save(&map).is_empty());
}

#[test]
fn undoing_a_move_puts_the_stakeholder_back() {
    let mut map = small_map();
    let mut layout = MapLayout::new(&map, 2);
    settle(&mut layout);
    save(&mut layout, &mut map);
    let before = map.stakeholders[2].pos_in_world;

    // A drag ends: the stakeholder is moved and pinned through a command.
    let mut moved = map.stakeholders[2].clone();
    moved.pos_in_world = Some(PosInWorld { x: 900.0, y: 900.0 });
    moved.pinned = true;
    let mut history = History::default();
    history.apply(&mut map, Command::ReplaceStakeholder(moved)).unwrap();
    layout.sync(&map);
    assert_eq!(layout.pos_in_world(2), Some(PosInWorld { x: 900.0, y: 900.0 }));
    settle(&mut layout);
    assert_eq!(layout.pos_in_world(2), Some(PosInWorld { x: 900.0, y: 900.0 }), "pinned: stays");

    assert!(history.undo(&mut map));
    layout.sync(&map);
    assert_eq!(layout.pos_in_world(2), before, "undo restores the old place");
}

#[test]
fn a_newcomer_starts_beside_its_partner_and_the_others_keep_their_places() {
    let mut map = small_map();
    let mut layout = MapLayout::new(&map, 3);
    settle(&mut layout);
    save(&mut layout, &mut map);
    let anchor = map.stakeholders[4].pos_in_world.unwrap();
    let others: Vec<_> = (0..5).map(|i| layout.pos_in_world(i)).collect();

    map.stakeholders.push(person("f"));
    map.links.push(link("l9", "f", "e"));
    layout.sync(&map);
    assert_eq!(layout.simulation().len(), 7);
    let newcomer = layout.pos_in_world(5).unwrap();
    let distance = ((newcomer.x - anchor.x).powi(2) + (newcomer.y - anchor.y).powi(2)).sqrt();
    assert!(distance < 30.0, "the newcomer starts {distance} from its partner");
    assert_eq!((0..5).map(|i| layout.pos_in_world(i)).collect::<Vec<_>>(), others);
    assert!(!layout.simulation().is_settled(), "the layout makes room for it");
}

#[test]
fn saved_positions_are_rounded_to_a_tenth() {
    let mut map = small_map();
    let mut layout = MapLayout::new(&map, 4);
    settle(&mut layout);
    save(&mut layout, &mut map);
    for s in &map.stakeholders {
        let p = s.pos_in_world.unwrap();
        for v in [p.x, p.y] {
            assert!(((v * 10.0).round() - v * 10.0).abs() < 1e-6, "{v}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_map_lays_out_finite_and_bounded(map in support::any_map(30), seed in any::<u64>()) {
        let mut layout = MapLayout::new(&map, seed);
        prop_assert_eq!(layout.simulation().len(), map.stakeholders.len() + map.sectors.len());
        for _ in 0..60 {
            layout.simulation_mut().step();
        }
        for i in 0..layout.simulation().len() {
            let (x, y) = layout.simulation().position(i).unwrap();
            prop_assert!(x.is_finite() && y.is_finite() && x.abs() <= BOUND && y.abs() <= BOUND);
        }
    }
}
