//! GEXF 1.3 export, for Gephi and Gephi Lite: stakeholders as nodes drawn as Simpul
//! draws them (position, the colour of their kind, a size that grows with power),
//! links as edges with their direction and strength as weight, and Simpul's fields
//! as typed attributes, with each stakeholder's community (from 1). Sectors are a node attribute of their names; their ids and
//! colours are not kept (GEXF has no place for them), nor are positions of
//! stakeholders never placed.

use super::xml::{escape, exact};
use crate::drawing::look::{kind_look, radius};
use crate::model::Map;
use std::fmt::Write;

/// Attributes: (class, id, type).
const ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("node", "kind", "string"),
    ("node", "sectors", "string"),
    ("node", "power", "integer"),
    ("node", "interest", "integer"),
    ("node", "stance", "integer"),
    ("node", "resources", "string"),
    ("node", "notes", "string"),
    ("node", "pinned", "boolean"),
    ("node", "community", "integer"),
    ("edge", "kind", "string"),
    ("edge", "strength", "integer"),
    ("edge", "notes", "string"),
];

/// The map as a GEXF 1.3 document. GEXF's y axis points up, the screen's down, so
/// positions are written with y negated (and read back so).
pub fn to_gexf(map: &Map) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>Simpul</creator>\n    <title>{}</title>\n    <description>{}</description>\n  </meta>",
        escape(&map.title),
        escape(&map.description)
    );
    out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    for class in ["node", "edge"] {
        let _ = writeln!(out, "    <attributes class=\"{class}\">");
        for (_, id, kind) in ATTRIBUTES.iter().filter(|(c, _, _)| *c == class) {
            let _ = writeln!(out, "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>");
        }
        out.push_str("    </attributes>\n");
    }
    out.push_str("    <nodes>\n");
    let communities = crate::analysis::communities(map);
    for (s, community) in map.stakeholders.iter().zip(&communities.of) {
        let _ = writeln!(out, "      <node id=\"{}\" label=\"{}\">", escape(s.id.as_str()), escape(&s.name));
        let sectors: Vec<&str> =
            s.sectors.iter().filter_map(|id| map.sector(id)).map(|sector| sector.name.as_str()).collect();
        let resources: Vec<&str> = s.resources.iter().map(|r| r.code()).collect();
        let values = [
            ("kind", s.kind.code().to_string()),
            ("sectors", sectors.join(super::graphml::LIST_SEPARATOR)),
            ("power", s.power.get().to_string()),
            ("interest", s.interest.get().to_string()),
            ("stance", s.stance.get().to_string()),
            ("resources", resources.join(super::graphml::LIST_SEPARATOR)),
            ("notes", s.notes.clone()),
            ("pinned", s.pinned.to_string()),
            ("community", (community + 1).to_string()),
        ];
        attvalues(&mut out, &values);
        let colour = kind_look(s.kind).1;
        let channel = |i: usize| u8::from_str_radix(colour.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
        let _ = writeln!(
            out,
            "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>",
            channel(1),
            channel(3),
            channel(5)
        );
        if let Some(p) = s.pos_in_world {
            let _ =
                writeln!(out, "        <viz:position x=\"{}\" y=\"{}\" z=\"0\"/>", exact(p.x), exact(-p.y));
        }
        let _ = writeln!(out, "        <viz:size value=\"{}\"/>", exact(radius(s.power)));
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for l in &map.links {
        let _ = writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" weight=\"{}\">",
            escape(l.id.as_str()),
            escape(l.from.as_str()),
            escape(l.to.as_str()),
            if l.directed { "directed" } else { "undirected" },
            l.strength.get()
        );
        let values = [
            ("kind", l.kind.code().to_string()),
            ("strength", l.strength.get().to_string()),
            ("notes", l.notes.clone()),
        ];
        attvalues(&mut out, &values);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// An element's `<attvalues>`, leaving out empty values.
fn attvalues(out: &mut String, values: &[(&str, String)]) {
    out.push_str("        <attvalues>\n");
    for (id, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "          <attvalue for=\"{id}\" value=\"{}\"/>", escape(value));
    }
    out.push_str("        </attvalues>\n");
}
