//! Comparing two versions of a map: what was added, removed and changed, the
//! metrics that moved and the findings resolved and new, matched by id or, for
//! maps from different sources, by name.
#![cfg(not(target_arch = "wasm32"))]

use simpul::analysis::compare::{compare, Changed, FieldChange, Named};
use simpul::analysis::findings::Code;
use simpul::model::*;

fn person(id: &str, name: &str) -> Stakeholder {
    Stakeholder::new(StakeholderId::new(id), name)
}

fn link(id: &str, from: &str, to: &str) -> Link {
    Link::new(LinkId::new(id), StakeholderId::new(from), StakeholderId::new(to))
}

/// A baseline: the health office, a village clinic and a school in a chain, the
/// youth group alone (an isolated stakeholder).
fn baseline() -> Map {
    let mut map = Map::new("Baseline, March");
    map.sectors.push(Sector { id: SectorId::new("health"), name: "Health".into(), color: None });
    let mut dinkes = person("dinkes", "Dinas Kesehatan");
    dinkes.sectors.push(SectorId::new("health"));
    map.stakeholders.extend([
        dinkes,
        person("pkm", "Puskesmas"),
        person("sd", "SD Negeri 1"),
        person("kt", "Karang Taruna"),
    ]);
    map.links.extend([link("l1", "dinkes", "pkm"), link("l2", "pkm", "sd")]);
    map
}

fn named(id: &str, name: &str) -> Named {
    Named { id: id.into(), name: name.into() }
}

#[test]
fn a_map_compared_with_itself_has_no_difference() {
    let map = baseline();
    let same = compare(&map, &map);
    assert_eq!(same, Default::default());
}

#[test]
fn months_later_every_change_is_named_with_its_old_and_new_value() {
    let old = baseline();
    let mut new = old.clone();
    // The school left; a radio joined; the clinic's power rose and its name was corrected.
    new.stakeholders.retain(|s| s.id.as_str() != "sd");
    new.links.retain(|l| l.id.as_str() != "l2");
    new.stakeholders.push(person("radio", "Radio Komunitas"));
    let pkm = new.stakeholders.iter_mut().find(|s| s.id.as_str() == "pkm").expect("pkm");
    pkm.name = "Puskesmas Mawar".into();
    pkm.power = Score::new(5).expect("in range");
    // The youth group is linked now; the first link grew stronger; a sector came.
    new.links.push(link("l3", "kt", "dinkes"));
    new.links[0].strength = Strength::new(3).expect("in range");
    new.sectors.push(Sector { id: SectorId::new("media"), name: "Media".into(), color: None });

    let c = compare(&old, &new);
    assert_eq!(c.stakeholders.added, [named("radio", "Radio Komunitas")]);
    assert_eq!(c.stakeholders.removed, [named("sd", "SD Negeri 1")]);
    assert_eq!(
        c.stakeholders.changed,
        [Changed {
            id: "pkm".into(),
            name: "Puskesmas Mawar".into(),
            fields: vec![
                FieldChange { field: "name", before: "Puskesmas".into(), after: "Puskesmas Mawar".into() },
                FieldChange { field: "power", before: "3".into(), after: "5".into() },
            ],
        }]
    );
    assert_eq!(c.links.added, [named("l3", "Karang Taruna → Dinas Kesehatan")]);
    assert_eq!(c.links.removed, [named("l2", "Puskesmas → SD Negeri 1")]);
    assert_eq!(c.links.changed.len(), 1);
    assert_eq!(
        c.links.changed[0].fields,
        [FieldChange { field: "strength", before: "1".into(), after: "3".into() }]
    );
    assert_eq!(c.sectors.added, [named("media", "Media")]);
    // The youth group was alone and is linked now: its degree moved, and its
    // isolation is resolved; the radio is the new one alone.
    let kt = c.metrics.iter().find(|m| m.id == "kt").expect("kt's metrics moved");
    assert_eq!(kt.degree[0], 0.0);
    assert!(kt.degree[1] > 0.0);
    assert!(
        c.findings_resolved.iter().any(|f| f.code == Code::Isolated && f.subjects == ["kt"]),
        "{:?}",
        c.findings_resolved
    );
    assert!(
        c.findings_new.iter().any(|f| f.code == Code::Isolated && f.subjects == ["radio"]),
        "{:?}",
        c.findings_new
    );
    // The health office kept a finding, if any, unchanged: nothing about it is both resolved and new.
    for f in &c.findings_new {
        assert!(!c.findings_resolved.contains(f), "{f:?} both resolved and new");
    }
}

#[test]
fn maps_from_different_sources_are_matched_by_name() {
    let old = baseline();
    // The same partnership typed again elsewhere: other ids, names in another
    // case and spacing, the links drawn the other way round.
    let mut new = Map::new("Survey, September");
    new.sectors.push(Sector { id: SectorId::new("s1"), name: "health".into(), color: None });
    let mut dinkes = person("a", "DINAS  Kesehatan");
    dinkes.sectors.push(SectorId::new("s1"));
    new.stakeholders.extend([
        dinkes,
        person("b", " puskesmas"),
        person("c", "SD Negeri 1"),
        person("d", "Karang Taruna"),
    ]);
    new.links.extend([link("x", "b", "a"), link("y", "c", "b")]);
    let c = compare(&old, &new);
    assert!(c.stakeholders.added.is_empty() && c.stakeholders.removed.is_empty(), "{:?}", c.stakeholders);
    assert!(c.links.added.is_empty() && c.links.removed.is_empty(), "{:?}", c.links);
    assert!(c.findings_resolved.is_empty() && c.findings_new.is_empty(), "{c:?}");
    // Names differ only in case and spacing: said, not hidden.
    assert_eq!(c.stakeholders.changed.len(), 2);
    assert_eq!(
        c.sectors.changed[0].fields[0],
        FieldChange { field: "name", before: "Health".into(), after: "health".into() }
    );
    assert!(c.metrics.is_empty(), "the same network: {:?}", c.metrics);
}

#[test]
fn a_one_way_link_turned_round_is_another_link() {
    let mut old = baseline();
    old.links[0].directed = true;
    let mut new = old.clone();
    new.links[0] = link("l9", "pkm", "dinkes");
    new.links[0].directed = true;
    let c = compare(&old, &new);
    assert_eq!(c.links.removed, [named("l1", "Dinas Kesehatan → Puskesmas")]);
    assert_eq!(c.links.added, [named("l9", "Puskesmas → Dinas Kesehatan")]);
    // Undirected, the other way round is the same link.
    let (mut old, mut new) = (baseline(), baseline());
    old.links[0].id = LinkId::new("first");
    new.links[0] = link("second", "pkm", "dinkes");
    let c = compare(&old, &new);
    assert!(
        c.links.added.is_empty() && c.links.removed.is_empty() && c.links.changed.is_empty(),
        "{:?}",
        c.links
    );
}
