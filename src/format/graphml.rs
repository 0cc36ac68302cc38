//! GraphML export, for Gephi, Cytoscape, yEd and networkx. Stakeholders are nodes
//! and links are edges, each attribute declared with its type so that tools read
//! power as a number and `pinned` as a boolean. Sectors are a node attribute (their
//! names), not nodes, so that centralities computed in those tools match ours; the
//! graph carries the sectors' ids and colours too, and each node its sectors' ids,
//! for Simpul to read its own file back exactly.

use super::xml::{escape, exact};
use crate::model::Map;
use std::fmt::Write;

/// Attribute keys: (id, domain, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("title", "graph", "title", "string"),
    ("description", "graph", "description", "string"),
    ("graph_sectors", "graph", "simpul sectors", "string"),
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("sectors", "node", "sectors", "string"),
    ("sector_ids", "node", "simpul sector ids", "string"),
    ("power", "node", "power", "int"),
    ("interest", "node", "interest", "int"),
    ("stance", "node", "stance", "int"),
    ("resources", "node", "resources", "string"),
    ("notes", "node", "notes", "string"),
    ("x", "node", "x", "double"),
    ("y", "node", "y", "double"),
    ("pinned", "node", "pinned", "boolean"),
    ("community", "node", "community", "int"),
    ("link_kind", "edge", "kind", "string"),
    ("directed", "edge", "directed", "boolean"),
    ("strength", "edge", "strength", "int"),
    ("weight", "edge", "weight", "double"),
    ("link_notes", "edge", "notes", "string"),
];

/// Separates several values in one text attribute (sectors, resources).
pub const LIST_SEPARATOR: &str = "; ";

/// The map as a GraphML document. Links keep their `from` → `to` order as source
/// and target; whether a link is directed is the `directed` attribute, because
/// GraphML readers such as networkx refuse a graph that mixes directed and
/// undirected edges.
pub fn to_graphml(map: &Map) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, name, kind) in KEYS {
        let _ =
            writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>");
    }
    out.push_str("  <graph id=\"simpul\" edgedefault=\"undirected\">\n");
    data(&mut out, 4, "title", &map.title);
    if !map.description.is_empty() {
        data(&mut out, 4, "description", &map.description);
    }
    if !map.sectors.is_empty() {
        data(&mut out, 4, "graph_sectors", &sectors_json(map));
    }
    let communities = crate::analysis::communities(map);
    for (s, community) in map.stakeholders.iter().zip(&communities.of) {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(s.id.as_str()));
        data(&mut out, 6, "label", &s.name);
        data(&mut out, 6, "kind", s.kind.code());
        let sectors: Vec<&str> =
            s.sectors.iter().filter_map(|id| map.sector(id)).map(|sector| sector.name.as_str()).collect();
        data(&mut out, 6, "sectors", &sectors.join(LIST_SEPARATOR));
        if !s.sectors.is_empty() {
            let ids: Vec<&str> = s.sectors.iter().map(|id| id.as_str()).collect();
            data(&mut out, 6, "sector_ids", &serde_json::Value::from(ids).to_string());
        }
        data(&mut out, 6, "power", &s.power.get().to_string());
        data(&mut out, 6, "interest", &s.interest.get().to_string());
        data(&mut out, 6, "stance", &s.stance.get().to_string());
        let resources: Vec<&str> = s.resources.iter().map(|r| r.code()).collect();
        data(&mut out, 6, "resources", &resources.join(LIST_SEPARATOR));
        if !s.notes.is_empty() {
            data(&mut out, 6, "notes", &s.notes);
        }
        if let Some(p) = s.pos_in_world {
            data(&mut out, 6, "x", &exact(p.x));
            data(&mut out, 6, "y", &exact(p.y));
        }
        data(&mut out, 6, "pinned", if s.pinned { "true" } else { "false" });
        data(&mut out, 6, "community", &(community + 1).to_string());
        out.push_str("    </node>\n");
    }
    for l in &map.links {
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape(l.id.as_str()),
            escape(l.from.as_str()),
            escape(l.to.as_str())
        );
        data(&mut out, 6, "link_kind", l.kind.code());
        data(&mut out, 6, "directed", if l.directed { "true" } else { "false" });
        data(&mut out, 6, "strength", &l.strength.get().to_string());
        data(&mut out, 6, "weight", &l.strength.get().to_string());
        if !l.notes.is_empty() {
            data(&mut out, 6, "link_notes", &l.notes);
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The sectors with their ids and colours, as JSON, so that Simpul reads its own
/// GraphML back to the same map (other tools show it as a text attribute).
pub fn sectors_json(map: &Map) -> String {
    let sectors: Vec<serde_json::Value> = map
        .sectors
        .iter()
        .map(|s| serde_json::json!({ "id": s.id.as_str(), "name": s.name, "color": s.color }))
        .collect();
    serde_json::Value::Array(sectors).to_string()
}

fn data(out: &mut String, indent: usize, key: &str, value: &str) {
    let _ = writeln!(out, "{:indent$}<data key=\"{key}\">{}</data>", "", escape(value));
}
