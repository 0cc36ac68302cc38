//! Kumu JSON import: the real project exports in `tests/fixtures/kumu/` import
//! with every element and connection, their positions and tags; blueprints name
//! elements by label; types become kinds by keywords; bad files are refused.

use serde_json::{json, Value};
use simpul::format::kind_words::{kind_of, link_kind_of};
use simpul::format::kumu::{is_kumu, kumu_draft};
use simpul::format::spreadsheet::{Place, RowProblem, RowProblemKind};
use simpul::format::Invalid;
use simpul::model::*;
use std::collections::HashSet;

/// A Kumu file as the import preview's "Import as a new map" opens it, with the
/// kinds Simpul guesses, and the connections it left out.
fn from_kumu(root: &Value) -> Result<(Map, Vec<RowProblem>), Invalid> {
    let draft = kumu_draft(root)?;
    Ok((draft.build(&Default::default(), &Default::default()), draft.problems))
}

fn sample(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/kumu/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("the sample is JSON")
}

#[test]
fn the_real_kumu_projects_import_with_every_element_and_connection() {
    for name in [
        "kumu-changelabs-template.json",
        "kumu-omidyarnetwork-us-financial-inclusion-BACKUP.json",
        "snap-to-tutorial-project.json",
    ] {
        let root = sample(name);
        assert!(is_kumu(&root), "{name}");
        let elements = root["elements"].as_array().unwrap();
        let connections = root["connections"].as_array().unwrap();
        let (map, skipped) = from_kumu(&root).unwrap_or_else(|e| panic!("{name}: {:?}", e.problems));
        assert_eq!(map.stakeholders.len(), elements.len(), "{name}");
        assert_eq!(map.links.len(), connections.len(), "{name}: skipped {skipped:?}");
        assert!(skipped.is_empty());
        assert_eq!(map.title, root["name"].as_str().unwrap());
        // Each connection joins the elements it names in Kumu.
        let label_of = |kumu_id: &str| {
            let element = elements.iter().find(|e| e["_id"] == kumu_id).unwrap();
            element["attributes"]["label"].as_str().unwrap_or("").trim().to_string()
        };
        for (link, connection) in map.links.iter().zip(connections) {
            let name_of = |id: &StakeholderId| map.stakeholder(id).unwrap().name.clone();
            let (from, to) = (
                label_of(connection["from"].as_str().unwrap()),
                label_of(connection["to"].as_str().unwrap()),
            );
            if !from.is_empty() && !to.is_empty() {
                assert_eq!((name_of(&link.from), name_of(&link.to)), (from, to), "{name}");
            }
            assert_eq!(link.directed, connection["direction"] == "directed");
        }
        // Positions come from the default map, pinned as they were.
        let placed = map.stakeholders.iter().filter(|s| s.pos_in_world.is_some()).count();
        let maps = root["maps"].as_array().unwrap();
        let default = maps.iter().find(|m| m["_id"] == root["defaultMap"]).unwrap_or(&maps[0]);
        let on_map = default["elements"]
            .as_array()
            .map_or(0, |e| e.iter().map(|p| &p["element"]).collect::<HashSet<_>>().len());
        assert_eq!(placed, on_map.min(elements.len()), "{name}");
    }
}

#[test]
fn kumu_types_become_kinds_and_keep_their_words() {
    let root = sample("kumu-changelabs-template.json");
    let (map, _) = from_kumu(&root).unwrap();
    let interviewee = map.stakeholders.iter().find(|s| s.name == "Interviewee C").unwrap();
    assert_eq!(interviewee.kind, StakeholderKind::Other);
    assert!(interviewee.notes.contains("Type: Interviewee"), "{}", interviewee.notes);
    assert_eq!(kind_of("Government Agency"), (StakeholderKind::Government, false));
    assert_eq!(kind_of("government"), (StakeholderKind::Government, true));
    assert_eq!(kind_of("Yayasan"), (StakeholderKind::Ngo, false));
    assert_eq!(kind_of("Perusahaan swasta"), (StakeholderKind::Business, false));
    assert_eq!(kind_of("Universitas"), (StakeholderKind::Academia, false));
    assert_eq!(kind_of("Philanthropic Foundation"), (StakeholderKind::Donor, false));
    assert_eq!(kind_of("Warga RW"), (StakeholderKind::Community, false));
    assert_eq!(kind_of("State"), (StakeholderKind::Other, false));
    assert_eq!(link_kind_of("Funding"), LinkKind::Funding);
    assert_eq!(link_kind_of("hibah"), LinkKind::Funding);
    assert_eq!(link_kind_of("++"), LinkKind::Partnership);
    assert_eq!(link_kind_of("Data sharing"), LinkKind::Information);
}

#[test]
fn a_blueprint_names_elements_by_label_and_its_tags_become_sectors() {
    let root = json!({
        "elements": [
            {"label": "Dinas Kesehatan", "type": "Government", "tags": ["Kesehatan", "Pemerintahan"], "description": "<b>Lead</b>"},
            {"label": "Posyandu Melati", "type": "Community group", "tags": "Kesehatan | Ibu & anak"},
            {"label": "Yayasan Kesehatan Perempuan", "type": "NGO"},
        ],
        "connections": [
            {"from": "Dinas Kesehatan", "to": "posyandu melati", "type": "Funding", "direction": "directed", "strength": "3"},
            {"from": "Yayasan Kesehatan Perempuan", "to": "Posyandu Melati", "type": "training", "direction": "mutual", "strength": 7},
            {"from": "Nobody", "to": "Posyandu Melati"},
            {"from": "Dinas Kesehatan", "to": "Dinas Kesehatan"},
        ]
    });
    assert!(is_kumu(&root));
    let (map, skipped) = from_kumu(&root).unwrap();
    assert_eq!(map.title, "Kumu map");
    let names: Vec<&str> = map.sectors.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Kesehatan", "Pemerintahan", "Ibu & anak"]);
    let member_of: Vec<&str> =
        map.stakeholders[1].sectors.iter().map(|id| map.sector(id).unwrap().name.as_str()).collect();
    assert_eq!(member_of, ["Kesehatan", "Ibu & anak"]);
    assert_eq!(map.stakeholders[0].notes, "<b>Lead</b>", "markup stays text");
    assert_eq!(map.links.len(), 3);
    assert_eq!(
        (map.links[0].kind, map.links[0].directed, map.links[0].strength.get()),
        (LinkKind::Funding, true, 3)
    );
    assert_eq!(
        (map.links[1].kind, map.links[1].directed, map.links[1].strength.get()),
        (LinkKind::Partnership, false, 3)
    );
    // connections[2] names an element the blueprint lacks, which is added as Kumu
    // adds it; connections[3] joins an element to itself and is left out.
    assert_eq!(map.stakeholders.last().map(|s| s.name.as_str()), Some("Nobody"));
    assert_eq!(map.stakeholder(&map.links[2].from).map(|s| s.name.as_str()), Some("Nobody"));
    let listed: Vec<(Place, &RowProblemKind)> = skipped.iter().map(|p| (p.place.clone(), &p.kind)).collect();
    assert_eq!(
        listed,
        [
            (Place::row("connections", 3), &RowProblemKind::AddedFromLink { name: "Nobody".into() }),
            (Place::row("connections", 4), &RowProblemKind::SelfLink { name: "Dinas Kesehatan".into() })
        ]
    );
}

#[test]
fn files_that_are_not_kumu_projects_are_refused_with_a_reason() {
    assert!(!is_kumu(&json!({"format": "simpul-map", "elements": []})));
    assert!(!is_kumu(&json!({"elements": {}})));
    let bad = from_kumu(&json!({"elements": [], "connections": {"a": 1}})).unwrap_err();
    assert_eq!(bad.problems[0].path, "connections");
    // An element with a non-text label still imports, named by its place.
    let (map, _) = from_kumu(&json!({"elements": [{"label": null}, {"attributes": {"label": 42}}]})).unwrap();
    assert_eq!(map.stakeholders.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Element 1", "42"]);
}

#[test]
fn a_blueprint_export_imports_back_with_the_same_names_kinds_sectors_and_links() {
    let mut map = Map::new("Jakarta Bersih");
    map.sectors.push(Sector { id: SectorId::new("w"), name: "Sampah".into(), color: None });
    let mut a = Stakeholder::new(StakeholderId::new("dlh"), "Dinas Lingkungan Hidup");
    a.kind = StakeholderKind::Government;
    a.sectors.push(SectorId::new("w"));
    a.notes = "<b>lead</b>".into();
    let mut b = Stakeholder::new(StakeholderId::new("bank"), "Bank Sampah \"Maju\"");
    b.kind = StakeholderKind::Community;
    map.stakeholders.extend([a, b]);
    let mut l = Link::new(LinkId::new("l1"), StakeholderId::new("dlh"), StakeholderId::new("bank"));
    l.kind = LinkKind::Funding;
    l.directed = true;
    l.strength = Strength::new(3).unwrap();
    map.links.push(l);

    let text = simpul::format::kumu::to_kumu_blueprint(&map);
    let root: Value = serde_json::from_str(&text).unwrap();
    assert!(is_kumu(&root));
    let (back, skipped) = from_kumu(&root).unwrap();
    assert!(skipped.is_empty());
    let people: Vec<(&str, StakeholderKind, &str)> =
        back.stakeholders.iter().map(|s| (s.name.as_str(), s.kind, s.notes.as_str())).collect();
    assert_eq!(
        people,
        [
            ("Dinas Lingkungan Hidup", StakeholderKind::Government, "<b>lead</b>"),
            ("Bank Sampah \"Maju\"", StakeholderKind::Community, "")
        ]
    );
    assert_eq!(back.sectors.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Sampah"]);
    assert_eq!(back.stakeholders[0].sectors.len(), 1);
    let link = &back.links[0];
    assert_eq!((link.kind, link.directed, link.strength.get()), (LinkKind::Funding, true, 3));
    assert_eq!(back.stakeholder(&link.from).unwrap().name, "Dinas Lingkungan Hidup");
}
