//! GraphML export read back by an independent XML parser (roxmltree), interpreting
//! the declared keys as a GraphML reader does: every stakeholder and link comes
//! back with its values and types, and markup in names stays text.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::format::graphml::{to_graphml, LIST_SEPARATOR};
use simpul::model::*;
use std::collections::HashMap;

/// One element's data, by attribute name, typed as its key declares.
#[derive(Debug, PartialEq)]
enum Value {
    Text(String),
    Int(i64),
    Double(f64),
    Bool(bool),
}

struct Read {
    graph: HashMap<String, Value>,
    nodes: Vec<(String, HashMap<String, Value>)>,
    edges: Vec<(String, String, String, HashMap<String, Value>)>,
}

fn read(xml: &str) -> Read {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    let mut keys = HashMap::new();
    for key in root.children().filter(|n| n.has_tag_name("key")) {
        let id = key.attribute("id").unwrap().to_string();
        keys.insert(
            id,
            (
                key.attribute("attr.name").unwrap().to_string(),
                key.attribute("attr.type").unwrap().to_string(),
            ),
        );
    }
    let values = |element: roxmltree::Node| -> HashMap<String, Value> {
        element
            .children()
            .filter(|n| n.has_tag_name("data"))
            .map(|d| {
                let (name, kind) = &keys[d.attribute("key").unwrap()];
                let text = d.text().unwrap_or("").to_string();
                let value = match kind.as_str() {
                    "string" => Value::Text(text),
                    "int" => {
                        Value::Int(text.parse().unwrap_or_else(|_| panic!("{name}: {text} is not an int")))
                    }
                    "double" => Value::Double(
                        text.parse().unwrap_or_else(|_| panic!("{name}: {text} is not a double")),
                    ),
                    "boolean" => Value::Bool(match text.as_str() {
                        "true" => true,
                        "false" => false,
                        other => panic!("{name}: {other} is not a boolean"),
                    }),
                    other => panic!("unknown type {other}"),
                };
                (name.clone(), value)
            })
            .collect()
    };
    let graph = root.children().find(|n| n.has_tag_name("graph")).expect("a graph");
    assert_eq!(graph.attribute("edgedefault"), Some("undirected"));
    for element in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            ["graphml", "key", "graph", "node", "edge", "data"].contains(&element.tag_name().name()),
            "unexpected element {:?}",
            element.tag_name()
        );
    }
    Read {
        graph: values(graph),
        nodes: graph
            .children()
            .filter(|n| n.has_tag_name("node"))
            .map(|n| (n.attribute("id").unwrap().to_string(), values(n)))
            .collect(),
        edges: graph
            .children()
            .filter(|n| n.has_tag_name("edge"))
            .map(|e| {
                let attr = |name| e.attribute(name).unwrap().to_string();
                (attr("id"), attr("source"), attr("target"), values(e))
            })
            .collect(),
    }
}

/// What XML can carry of a text: control characters below U+0020 other than tab
/// and newlines, and the noncharacters U+FFFE and U+FFFF, are dropped (DEL and C1
/// controls are kept, as references).
fn as_xml_keeps(text: &str) -> String {
    text.chars()
        .filter(|c| {
            (u32::from(*c) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
                && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

fn text(s: &str) -> Value {
    Value::Text(as_xml_keeps(s))
}

fn check(map: &Map) {
    let read = read(&to_graphml(map));
    assert_eq!(read.graph.get("title"), Some(&text(&map.title)));
    assert_eq!(read.nodes.len(), map.stakeholders.len());
    for ((id, values), s) in read.nodes.iter().zip(&map.stakeholders) {
        assert_eq!(*id, as_xml_keeps(s.id.as_str()));
        assert_eq!(values["label"], text(&s.name));
        assert_eq!(values["kind"], Value::Text(s.kind.code().into()));
        let sectors: Vec<String> = s.sectors.iter().map(|id| map.sector(id).unwrap().name.clone()).collect();
        assert_eq!(values["sectors"], text(&sectors.join(LIST_SEPARATOR)));
        assert_eq!(values["power"], Value::Int(s.power.get().into()));
        assert_eq!(values["interest"], Value::Int(s.interest.get().into()));
        assert_eq!(values["stance"], Value::Int(s.stance.get().into()));
        let resources: Vec<&str> = s.resources.iter().map(|r| r.code()).collect();
        assert_eq!(values["resources"], Value::Text(resources.join(LIST_SEPARATOR)));
        assert_eq!(values.get("notes").unwrap_or(&Value::Text(String::new())), &text(&s.notes));
        assert_eq!(values["pinned"], Value::Bool(s.pinned));
        match s.pos_in_world {
            Some(p) => {
                let (Value::Double(x), Value::Double(y)) = (&values["x"], &values["y"]) else {
                    panic!("x and y are doubles")
                };
                assert!(*x == p.x && *y == p.y, "{x},{y} against {p:?}: positions are written exactly");
            }
            None => assert!(!values.contains_key("x") && !values.contains_key("y")),
        }
    }
    assert_eq!(read.edges.len(), map.links.len());
    for ((id, source, target, values), l) in read.edges.iter().zip(&map.links) {
        assert_eq!(
            [id, source, target],
            [&as_xml_keeps(l.id.as_str()), &as_xml_keeps(l.from.as_str()), &as_xml_keeps(l.to.as_str())]
        );
        assert_eq!(values["kind"], Value::Text(l.kind.code().into()));
        assert_eq!(values["directed"], Value::Bool(l.directed));
        assert_eq!(values["strength"], Value::Int(l.strength.get().into()));
        assert_eq!(values["weight"], Value::Double(l.strength.get().into()));
        assert_eq!(values.get("notes").unwrap_or(&Value::Text(String::new())), &text(&l.notes));
    }
}

const HOSTILE: &str =
    "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)> ' ]]> \u{0}\u{1b}[31m\ttab\nline\r\n";

#[test]
fn hostile_names_come_back_as_the_same_text() {
    let mut map = Map::new(HOSTILE);
    map.description = HOSTILE.into();
    map.sectors.push(Sector { id: SectorId::new("s\"1"), name: format!("Sektor {HOSTILE}"), color: None });
    let mut a = Stakeholder::new(StakeholderId::new("a<&>\"'"), HOSTILE);
    a.sectors.push(SectorId::new("s\"1"));
    a.notes = HOSTILE.into();
    a.pos_in_world = Some(PosInWorld { x: -0.04, y: 1234.56 });
    a.pinned = true;
    a.resources = vec![Resource::Funding, Resource::LocalKnowledge];
    let b = Stakeholder::new(StakeholderId::new("b"), "Dinas Kesehatan");
    map.stakeholders.extend([a, b]);
    let mut l = Link::new(LinkId::new("l\n1"), StakeholderId::new("a<&>\"'"), StakeholderId::new("b"));
    l.directed = true;
    l.notes = HOSTILE.into();
    map.links.push(l);
    check(&map);
    let xml = to_graphml(&map);
    assert!(!xml.contains("<script") && !xml.contains("<img"), "markup is escaped");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_map_reads_back_with_every_value_and_type(map in support::any_map(8)) {
        check(&map);
    }
}
