//! Other tools' files, as the import reads them: GraphML (networkx, yEd), GEXF
//! (networkx, Gephi 0.7 and 0.10), PRSM (versions 1, 2 and 3's compressed form),
//! Gephi's and Onodo's CSV tables, and the formats refused by name. The files are
//! in tests/fixtures/foreign/, written by scripts/foreign_files.py (networkx's own
//! writers among them) and scripts/prsm_compress.mjs (the reference lz-string), with
//! what each must read as in expected.json. Also: GraphML and GEXF exports read
//! back to the same map.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use serde_json::Value;
use simpul::format::foreign::Foreign;
use simpul::format::import::read_files;
use simpul::format::import_error::ImportError;
use simpul::format::spreadsheet::{Draft, RowProblemKind};
use simpul::format::{decode, encode, gexf, graphml};
use simpul::i18n::Lang;
use simpul::model::{LinkKind, Map, StakeholderKind};
use std::collections::BTreeMap;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/foreign/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn draft_of(names: &[&str]) -> Draft {
    let files: Vec<(String, Vec<u8>)> = names.iter().map(|n| (n.to_string(), fixture(n))).collect();
    read_files(&files).unwrap_or_else(|e| panic!("{names:?}: {e}"))
}

/// The map as the preview proposes it (every type given the kind it seems to mean).
fn map_of(draft: &Draft) -> Map {
    let map = draft.build(&BTreeMap::new(), &BTreeMap::new());
    decode(&encode(&map)).unwrap_or_else(|e| panic!("an imported map is valid: {e}"))
}

fn names(map: &Map) -> Vec<&str> {
    map.stakeholders.iter().map(|s| s.name.as_str()).collect()
}

fn ends(map: &Map) -> Vec<(String, String, bool)> {
    let name = |id| map.stakeholder(id).map_or(String::new(), |s| s.name.clone());
    map.links.iter().map(|l| (name(&l.from), name(&l.to), l.directed)).collect()
}

#[test]
fn every_file_reads_as_expected() {
    let expected: Value = serde_json::from_slice(&fixture("expected.json")).unwrap();
    for (name, want) in expected.as_object().unwrap() {
        let files: Vec<&str> =
            if name == "gephi-*.csv" { vec!["gephi-nodes.csv", "gephi-edges.csv"] } else { vec![name] };
        let map = map_of(&draft_of(&files));
        let want_names: Vec<&str> =
            want["nodes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        assert_eq!(names(&map), want_names, "{name}: stakeholders");
        let want_ends: Vec<(String, String, bool)> = want["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_str().unwrap().into(), e[1].as_str().unwrap().into(), e[2].as_bool().unwrap()))
            .collect();
        assert_eq!(ends(&map), want_ends, "{name}: links");
    }
}

#[test]
fn networkx_graphml_keeps_types_scores_and_other_attributes() {
    let draft = draft_of(&["networkx.graphml"]);
    let map = map_of(&draft);
    let kinds: Vec<StakeholderKind> = map.stakeholders.iter().map(|s| s.kind).collect();
    use StakeholderKind::*;
    assert_eq!(kinds, [Government, Community, Academia, Business, Media]);
    let powers: Vec<i64> = map.stakeholders.iter().map(|s| s.power.get().into()).collect();
    assert_eq!(powers, [5, 2, 3, 4, 3]);
    assert_eq!(map.stakeholders[0].notes, "budget: 7.5", "an attribute with no Simpul field is kept");
    assert_eq!(map.stakeholders[0].id.as_str(), "dlh", "node ids are kept");
    // Weights 0.5 to 4.25 become strengths 1 to 3, and the preview says so.
    let strengths: Vec<i64> = map.links.iter().map(|l| l.strength.get().into()).collect();
    assert_eq!(strengths, [1, 2, 1, 3], "weights 0.5, 2, 1 and 4.25");
    assert!(draft
        .problems
        .iter()
        .any(|p| p.kind == RowProblemKind::WeightsScaled { low: "0.5".into(), high: "4.3".into() }));
    assert_eq!(map.links[0].kind, LinkKind::Partnership);
}

#[test]
fn yed_groups_become_sectors_and_labels_geometry_and_colours_are_read() {
    let draft = draft_of(&["yed.graphml"]);
    let map = map_of(&draft);
    assert_eq!(map.sectors.len(), 1);
    assert_eq!(
        (map.sectors[0].name.as_str(), map.sectors[0].color.as_ref().map(|c| c.as_str())),
        ("Kesehatan", Some("#f5f5f5"))
    );
    let in_health: Vec<&str> = map
        .stakeholders
        .iter()
        .filter(|s| s.sectors == [map.sectors[0].id.clone()])
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(in_health, ["Dinas Kesehatan", "Puskesmas Ubud"]);
    // The centre of the node's box.
    let dinas = &map.stakeholders[0];
    assert_eq!(dinas.pos_in_world.map(|p| (p.x, p.y)), Some((40.0, 55.0)));
    assert_eq!(
        dinas.notes, "Leads the programme\nType: #ffcc00",
        "a type that is no kind is kept in the notes"
    );
    assert_eq!(dinas.id.as_str(), "n0::n0");
    // No type attribute: each fill colour is offered as a type.
    let types: Vec<String> = draft.stakeholder_types().into_iter().map(|t| t.type_text).collect();
    assert_eq!(types, ["#ffcc00", "#99cc00", "#00ccff"]);
    assert!(draft.problems.iter().any(|p| p.kind == RowProblemKind::ColoursAsTypes));
    // Edge labels are the link types; the self-loop is left out and listed with its line.
    let link_types: Vec<String> = draft.link_types().into_iter().map(|t| t.type_text).collect();
    assert_eq!(link_types, ["funds", "trains", ""]);
    let self_loop =
        draft.problems.iter().find(|p| matches!(p.kind, RowProblemKind::SelfLink { .. })).unwrap();
    assert!(self_loop.describe(Lang::En).starts_with("edge “e3” (line "), "{}", self_loop.describe(Lang::En));
    assert!(self_loop.describe(Lang::Id).contains("(baris "));
}

#[test]
fn gexf_reads_viz_attributes_defaults_and_says_what_it_leaves_out() {
    let networkx = map_of(&draft_of(&["networkx.gexf"]));
    // GEXF's y axis points up; the map's down.
    let places: Vec<(f64, f64)> =
        networkx.stakeholders.iter().filter_map(|s| s.pos_in_world).map(|p| (p.x, p.y)).collect();
    assert_eq!(places, [(0.0, 0.0), (100.0, -50.0), (200.0, 0.0), (300.0, -50.0), (400.0, 0.0)]);
    // No power attribute: sizes 10 to 30 are read as power 1 to 5.
    let powers: Vec<i64> = networkx.stakeholders.iter().map(|s| s.power.get().into()).collect();
    assert_eq!(powers, [1, 2, 3, 4, 5]);

    let draft = draft_of(&["gephi.gexf"]);
    let map = map_of(&draft);
    assert_eq!(
        (map.title.as_str(), map.description.as_str()),
        ("Smart city", "Pemangku kepentingan kota cerdas")
    );
    let powers: Vec<i64> = map.stakeholders.iter().map(|s| s.power.get().into()).collect();
    assert_eq!(powers, [5, 3, 3, 3], "declared default 3; 9 is outside 1–5");
    assert!(map.stakeholders[0].notes.contains("Modularity Class: 0"));
    let kinds: Vec<StakeholderKind> = map.stakeholders.iter().map(|s| s.kind).collect();
    assert_eq!(
        &kinds[..3],
        [StakeholderKind::Government, StakeholderKind::Business, StakeholderKind::Academia]
    );
    let said: Vec<&RowProblemKind> = draft.problems.iter().map(|p| &p.kind).collect();
    assert!(said.contains(&&RowProblemKind::TimesIgnored));
    assert!(said.contains(&&RowProblemKind::AddedFromLink { name: "3".into() }));
    assert!(said.iter().any(|k| matches!(k, RowProblemKind::OutOfScale { value, .. } if value == "9")));
    assert_eq!(map.links[1].notes, "Type: research", "the edge label is its type");
    assert_eq!(map.links[1].kind, simpul::format::kind_words::link_kind_of("research"));

    let old = map_of(&draft_of(&["gephi-0.7.gexf"]));
    assert_eq!(old.links[0].kind, LinkKind::Information);
}

#[test]
fn prsm_maps_plain_and_compressed_read_the_same() {
    let plain = draft_of(&["madani.json"]);
    let compressed = draft_of(&["madani.prsm"]);
    assert_eq!(plain, compressed);
    let map = map_of(&plain);
    assert_eq!((map.title.as_str(), map.description.as_str()), ("MADANI", "Maternal and child health"));
    let kinds: Vec<StakeholderKind> = map.stakeholders.iter().map(|s| s.kind).collect();
    use StakeholderKind::*;
    assert_eq!(kinds, [Ngo, Donor, Donor, Community]);
    assert_eq!(map.stakeholders[0].notes, "Mentors 12 partners\nBudget (IDR m): 250");
    assert_eq!(map.stakeholders[0].name, "Yayasan Kesehatan Perempuan", "PRSM's line breaks are spaces");
    let types: Vec<String> = plain.link_types().into_iter().map(|t| t.type_text).collect();
    assert_eq!(types, ["Mentoring", "Partnership"]);

    let old = map_of(&draft_of(&["sanitasi-v1.prsm"]));
    assert_eq!(old.title, "Sanitasi Bali");
    assert_eq!(old.stakeholders[0].notes, "Provincial\nhealth office\nType: Style 1");
    let old_draft = draft_of(&["sanitasi-v1.prsm"]);
    let styles: Vec<String> = old_draft.stakeholder_types().into_iter().map(|t| t.type_text).collect();
    assert_eq!(styles, ["Style 1", "Style 3"]);
}

#[test]
fn lz_string_decompresses_what_the_reference_compresses() {
    let lines = String::from_utf8(fixture("lz_string_reference.jsonl")).unwrap();
    for line in lines.lines() {
        let pair: (String, String) = serde_json::from_str(line).unwrap();
        let units = simpul::format::lz_string::decompress_from_utf16(&pair.1, 1 << 24).unwrap();
        assert_eq!(String::from_utf16(&units).unwrap(), pair.0);
    }
}

#[test]
fn damaged_prsm_files_are_refused_with_a_reason() {
    let mut bytes = fixture("madani.prsm");
    bytes.truncate(bytes.len() / 2);
    match read_files(&[("madani.prsm".into(), bytes)]) {
        Err(error @ ImportError::NotPrsm { .. }) => assert!(error.message(Lang::Id).contains("PRSM")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn gephi_and_onodo_tables_read_their_conventions() {
    let map = map_of(&draft_of(&["gephi-nodes.csv", "gephi-edges.csv"]));
    let strengths: Vec<i64> = map.links.iter().map(|l| l.strength.get().into()).collect();
    assert_eq!(strengths, [1, 3, 2], "weights 0.5 to 2.5 scaled");
    let ids: Vec<&str> = map.links.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["0", "1", "2"]);
    assert_eq!(map.links[1].notes, "mentoring", "the edge label is kept");
    assert!(map.links.iter().all(|l| l.kind == LinkKind::Partnership), "Type held directions, not kinds");

    let onodo = map_of(&draft_of(&["onodo-relations.csv"]));
    assert_eq!(
        onodo.links[0].notes, "From: 2019\nTo: 2023\nType: contract",
        "From and To are dates beside Source and Target"
    );
    assert_eq!(onodo.links[1].notes, "Permen 2019\nFrom: 2019", "a type that is a kind's code is not kept");
}

#[test]
fn formats_simpul_does_not_read_are_named_with_what_to_export() {
    let cases = [
        ("network.gml", "GML"),
        ("network.net", "Pajek"),
        ("network.dot", "DOT"),
        ("old.xls", ".xls"),
        ("map.pdf", "PDF"),
        ("map.png", "PNG"),
        ("other.xml", "<project>"),
    ];
    for (name, said) in cases {
        match read_files(&[(name.into(), fixture(name))]) {
            Err(error @ ImportError::Unsupported { .. }) => {
                for lang in [Lang::En, Lang::Id] {
                    let message = error.message(lang);
                    assert!(message.contains(said) && message.starts_with(name), "{lang:?}: {message}");
                }
                let advice = error.message(Lang::En).to_lowercase();
                assert!(advice.contains("export") || advice.contains("save"), "{advice}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // Told by their bytes, whatever the name says.
    assert_eq!(Foreign::of("network.xml", &fixture("yed.graphml")), Foreign::GraphMl);
    assert_eq!(Foreign::of("GRAPH.XML", &fixture("gephi.gexf")), Foreign::Gexf);
    assert_eq!(Foreign::of("MADANI.PRSM", &fixture("madani.prsm")), Foreign::PrsmCompressed);
    assert_eq!(Foreign::of("PEOPLE.CSV", &fixture("gephi-nodes.csv")), Foreign::Csv);
}

#[test]
fn broken_xml_is_refused_with_the_line_it_breaks_on() {
    let mut text = String::from_utf8(fixture("networkx.graphml")).unwrap();
    text = text.replacen("</node>", "</nodes>", 1);
    match read_files(&[("broken.graphml".into(), text.into_bytes())]) {
        Err(ImportError::BadXml { format: "GraphML", line, .. }) => assert!(line > 1),
        other => panic!("{other:?}"),
    }
}

/// What GEXF cannot hold: sector ids and colours (sectors are matched by name).
fn without_sector_ids(mut map: Map) -> Map {
    let name_of: BTreeMap<String, String> =
        map.sectors.iter().map(|s| (s.id.as_str().to_string(), s.name.to_lowercase())).collect();
    for s in &mut map.stakeholders {
        for id in &mut s.sectors {
            *id = simpul::model::SectorId::new(name_of.get(id.as_str()).cloned().unwrap_or_default());
        }
    }
    map.sectors.sort_by_key(|s| s.name.to_lowercase());
    for s in &mut map.sectors {
        s.id = simpul::model::SectorId::new(s.name.to_lowercase());
        s.color = None;
    }
    map
}

/// GEXF holds a stakeholder's sectors as names in one text, separated by `;`: the
/// sectors' names here are ones that survive that (distinct, without `;` or `|`,
/// without XML's forbidden characters, not blank at their ends).
fn sector_names_gexf_holds(mut map: Map) -> Map {
    for (i, sector) in map.sectors.iter_mut().enumerate() {
        let kept: String = sector
            .name
            .chars()
            .filter(|c| !matches!(c, ';' | '|') && (!c.is_control() || *c == ' '))
            .collect();
        sector.name =
            format!("Sector {i} {}", kept.split_whitespace().collect::<Vec<_>>().join(" ")).trim().into();
    }
    map
}

/// Sectors no stakeholder is in are not written by GraphML or GEXF either.
fn used_sectors_only(mut map: Map) -> Map {
    let used: Vec<_> = map.stakeholders.iter().flat_map(|s| s.sectors.clone()).collect();
    map.sectors.retain(|s| used.contains(&s.id));
    map
}

/// What XML 1.0 cannot hold: control characters below U+0020 other than tab and
/// line breaks, and the noncharacters U+FFFE and U+FFFF. A name left empty is read
/// as the stakeholder's id.
fn xml_text(mut map: Map) -> Map {
    let clean = |s: &mut String| {
        s.retain(|c| {
            (u32::from(c) >= 0x20 || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
    };
    clean(&mut map.title);
    clean(&mut map.description);
    for s in &mut map.stakeholders {
        clean(&mut s.name);
        clean(&mut s.notes);
        if s.name.trim().is_empty() {
            s.name = s.id.as_str().to_string();
        }
    }
    map.links.iter_mut().for_each(|l| clean(&mut l.notes));
    map
}

/// What any import makes of a map: without a title it takes the file's name, and a
/// link from a stakeholder to itself is left out (and listed in the preview).
fn titled(mut map: Map) -> Map {
    if map.title.trim().is_empty() {
        map.title = "map".into();
    }
    map.links.retain(|l| l.from != l.to);
    map
}

fn read_back(name: &str, text: String) -> Map {
    map_of(&read_files(&[(name.into(), text.into_bytes())]).unwrap_or_else(|e| panic!("{name}: {e}")))
}

#[test]
fn example_maps_read_back_from_graphml_and_gexf() {
    let dir = format!("{}/public/examples", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    assert!(files.len() >= 10);
    for path in files {
        let map = decode(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(read_back("map.graphml", graphml::to_graphml(&map)), map, "{path:?} as GraphML");
        assert_eq!(
            without_sector_ids(read_back("map.gexf", gexf::to_gexf(&map))),
            without_sector_ids(used_sectors_only(map)),
            "{path:?} as GEXF"
        );
    }
}

/// Where two maps first differ, for a failure message one can read.
fn first_difference(read: &Map, want: &Map) -> String {
    if (&read.title, &read.description, &read.sectors) != (&want.title, &want.description, &want.sectors) {
        return format!(
            "title, description or sectors: {:?} / {:?}",
            (&read.title, &read.sectors),
            (&want.title, &want.sectors)
        );
    }
    for (a, b) in read.stakeholders.iter().zip(&want.stakeholders) {
        if a != b {
            return format!("stakeholder\n read {a:?}\n want {b:?}");
        }
    }
    for (a, b) in read.links.iter().zip(&want.links) {
        if a != b {
            return format!("link\n read {a:?}\n want {b:?}");
        }
    }
    format!(
        "counts {} {} / {} {}",
        read.stakeholders.len(),
        read.links.len(),
        want.stakeholders.len(),
        want.links.len()
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_map_reads_back_from_graphml(map in support::any_map(12)) {
        let (read, want) = (read_back("map.graphml", graphml::to_graphml(&map)), titled(xml_text(map)));
        prop_assert!(read == want, "{}", first_difference(&read, &want));
    }

    #[test]
    fn any_map_reads_back_from_gexf_but_for_sector_ids(map in support::any_map(12).prop_map(sector_names_gexf_holds)) {
        let read = without_sector_ids(read_back("map.gexf", gexf::to_gexf(&map)));
        let want = without_sector_ids(used_sectors_only(titled(xml_text(map))));
        prop_assert!(read == want, "{}", first_difference(&read, &want));
    }
}

#[test]
fn another_tools_nodes_and_edges_are_not_taken_for_prsm() {
    use simpul::format::prsm::is_prsm;
    assert!(!is_prsm(&serde_json::json!({"nodes": [], "edges": []})));
    assert!(is_prsm(&serde_json::from_slice(&fixture("madani.json")).unwrap()));
    assert!(is_prsm(&serde_json::from_slice(&fixture("sanitasi-v1.prsm")).unwrap()));
}

#[test]
fn an_edge_label_that_is_not_its_type_leads_its_notes_on_a_line_of_its_own() {
    let gexf = br#"<gexf version="1.3"><graph>
      <attributes class="edge"><attribute id="k" title="kind"/><attribute id="n" title="notes"/></attributes>
      <nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
      <edges><edge id="e" source="a" target="b" label="since 2019">
        <attvalues><attvalue for="k" value="funding"/><attvalue for="n" value="Quarterly grants"/></attvalues>
      </edge></edges></graph></gexf>"#;
    let map = map_of(&read_files(&[("g.gexf".into(), gexf.to_vec())]).unwrap());
    assert_eq!(map.links[0].kind, LinkKind::Funding);
    assert_eq!(map.links[0].notes, "since 2019\nQuarterly grants");
}

#[test]
fn declared_sectors_count_towards_the_limit_before_the_preview() {
    let limit = simpul::model::MapPart::Sectors.limit();
    let sectors: Vec<Value> = (0..=limit)
        .map(|i| serde_json::json!({"id": format!("s{i}"), "name": format!("Sector {i}")}))
        .collect();
    let graphml = format!(
        r#"<graphml><key id="g" for="graph" attr.name="simpul sectors" attr.type="string"/>
        <graph edgedefault="undirected"><data key="g">{}</data><node id="a"/></graph></graphml>"#,
        simpul::format::escape_xml(&Value::Array(sectors).to_string())
    );
    match read_files(&[("many.graphml".into(), graphml.into_bytes())]) {
        Err(ImportError::TooMany(over)) => assert_eq!(over.count, limit + 1),
        other => panic!("{other:?}"),
    }
}
