//! Quick entry: names add stakeholders; `A > B`, `A -> B`, `A -- B` and `A <> B`
//! add links, bringing missing stakeholders along, and a line undoes as one change.

use simpul::edit::{Command, History};
use simpul::model::*;
use simpul::quick_entry::{command, parse, Entry};

fn link(from: &str, to: &str, directed: bool) -> Option<Entry> {
    Some(Entry::Link { from: from.into(), to: to.into(), directed })
}

#[test]
fn lines_are_read_as_names_or_links() {
    assert_eq!(parse("  Dinas Kesehatan "), Some(Entry::Stakeholder("Dinas Kesehatan".into())));
    assert_eq!(parse("Dinas > Posyandu"), link("Dinas", "Posyandu", true));
    assert_eq!(parse("Dinas -> Posyandu"), link("Dinas", "Posyandu", true));
    assert_eq!(parse("Dinas -- Posyandu"), link("Dinas", "Posyandu", false));
    assert_eq!(parse("Dinas <> Posyandu"), link("Dinas", "Posyandu", false));
    // A hyphen inside a name is a name.
    assert_eq!(
        parse("Karang Taruna - Girisubo"),
        Some(Entry::Stakeholder("Karang Taruna - Girisubo".into()))
    );
    assert_eq!(parse("Dinas > "), None);
    assert_eq!(parse("   "), None);
}

#[test]
fn a_link_brings_missing_stakeholders_and_undoes_as_one() {
    let mut map = Map::new("t");
    map.stakeholders.push(Stakeholder::new(StakeholderId::new("dinas"), "Dinas Kesehatan"));
    let before = map.clone();
    let (change, selected) = command(&map, &parse("dinas kesehatan > Posyandu Mawar").unwrap(), "").unwrap();
    assert_eq!(selected.as_str(), "dinas");
    let mut history = History::default();
    history.apply(&mut map, change).unwrap();
    assert_eq!(
        map.stakeholders.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Dinas Kesehatan", "Posyandu Mawar"]
    );
    assert_eq!(map.links.len(), 1);
    let link = &map.links[0];
    assert_eq!((link.from.as_str(), name(&map, &link.to), link.directed), ("dinas", "Posyandu Mawar", true));
    assert!(history.undo(&mut map));
    assert_eq!(map, before, "one undo takes back the stakeholder and the link");
}

#[test]
fn both_ends_new_and_self_links() {
    let map = Map::new("t");
    let Some((Command::Batch(parts), _)) = command(&map, &parse("A -- B").unwrap(), "") else {
        panic!("a batch")
    };
    assert_eq!(parts.len(), 3);
    // A to itself adds A only; when A exists, nothing changes.
    let Some((Command::Batch(parts), _)) = command(&map, &parse("A > a").unwrap(), "") else {
        panic!("a batch")
    };
    assert_eq!(parts.len(), 1);
    let mut with_a = Map::new("t");
    with_a.stakeholders.push(Stakeholder::new(StakeholderId::new("a"), "A"));
    assert_eq!(command(&with_a, &parse("A > a").unwrap(), ""), None);
    // A name alone always adds, even when the name exists.
    let (change, id) = command(&with_a, &parse("A").unwrap(), "").unwrap();
    assert!(matches!(change, Command::InsertStakeholder { .. }));
    assert_ne!(id.as_str(), "a");
}

fn name<'m>(map: &'m Map, id: &StakeholderId) -> &'m str {
    &map.stakeholder(id).unwrap().name
}
