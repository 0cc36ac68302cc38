//! GEXF import, versions 1.1 to 1.3 as Gephi, Gephi Lite and networkx write them:
//! `attributes` with their titles and defaults, `attvalues`, `viz:position`,
//! `viz:color` and `viz:size`, each edge's `type`, `weight`, `kind` and label. Times
//! (`spells`, `start`, `end`) are left out with a note: the map is the network as a
//! whole. A node holding nodes (GEXF's hierarchy, nested or by `pid`) is a group,
//! and becomes a sector of the stakeholders inside it.

use super::attributed::{AttributedGraph, Edge, Node};
use super::draft::{Draft, Place, RowProblem, RowProblemKind};
use super::field_names::number_of;
use super::import_error::ImportError;
use super::xml_source::{
    attribute, child, children, hex_colour, line_of, normal_colour, text_of, with_document,
};
use crate::model::PosInWorld;
use roxmltree::{Document, Node as XmlNode};
use std::collections::HashMap;

/// The attributes by which GEXF says when something holds.
const TIME_ATTRIBUTES: [&str; 5] = ["start", "end", "startopen", "endopen", "timestamp"];

/// A declared attribute: its title and default.
struct Declared {
    title: String,
    default: Option<String>,
}

/// Reads a GEXF file into a draft for the import preview.
pub fn read(file: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    with_document(file, "GEXF", bytes, |document| {
        let root = document.root_element();
        let graph =
            child(root, "graph").ok_or_else(|| ImportError::NoGraph { file: file.into(), format: "GEXF" })?;
        let mut reader = Reader {
            document,
            declared: HashMap::new(),
            graph: AttributedGraph::default(),
            timed: attribute(graph, "mode") == Some("dynamic") || attribute(graph, "timeformat").is_some(),
        };
        if let Some(meta) = child(root, "meta") {
            reader.graph.title = child(meta, "title").map(text_of).unwrap_or_default();
            reader.graph.description = child(meta, "description").map(text_of).unwrap_or_default();
        }
        for list in children(graph, "attributes") {
            let class = attribute(list, "class").unwrap_or("node").to_string();
            for declared in children(list, "attribute") {
                let Some(id) = attribute(declared, "id") else { continue };
                let title = attribute(declared, "title").unwrap_or(id).to_string();
                let default = child(declared, "default").map(text_of);
                reader.declared.insert((class.clone(), id.to_string()), Declared { title, default });
            }
        }
        let directed = attribute(graph, "defaultedgetype").unwrap_or("undirected") == "directed";
        if let Some(nodes) = child(graph, "nodes") {
            reader.nodes(nodes, &[]);
        }
        reader.groups_by_parent_id();
        for edges in children(graph, "edges") {
            for element in children(edges, "edge") {
                let edge = reader.edge(element, directed);
                reader.graph.edges.push(edge);
            }
        }
        if reader.timed {
            reader.graph.problems.push(RowProblem { place: Place::File, kind: RowProblemKind::TimesIgnored });
        }
        Ok(reader.graph.into_draft("node", "edge"))
    })
}

struct Reader<'a, 'input> {
    document: &'a Document<'input>,
    /// Declared attributes by (class, id).
    declared: HashMap<(String, String), Declared>,
    graph: AttributedGraph,
    /// Whether the file has times anywhere (said once).
    timed: bool,
}

impl<'a, 'input> Reader<'a, 'input> {
    /// The nodes of one `<nodes>` list; a node holding nodes is a group.
    fn nodes(&mut self, list: XmlNode<'a, 'input>, groups: &[String]) {
        for element in children(list, "node") {
            let node = self.node(element, groups);
            match child(element, "nodes") {
                Some(inner) => {
                    let name = self.sector(&node);
                    let mut inside = groups.to_vec();
                    inside.push(name);
                    self.nodes(inner, &inside);
                }
                None => self.graph.nodes.push(node),
            }
        }
    }

    /// The hierarchy written flat: nodes naming a `pid` are inside that node, which
    /// is then a group rather than a stakeholder.
    fn groups_by_parent_id(&mut self) {
        let parents: Vec<String> = self
            .graph
            .nodes
            .iter()
            .filter_map(|n| n.attributes.iter().find(|(k, _)| k == "pid").map(|(_, v)| v.clone()))
            .collect();
        if parents.is_empty() {
            return;
        }
        let (groups, nodes): (Vec<Node>, Vec<Node>) =
            std::mem::take(&mut self.graph.nodes).into_iter().partition(|n| parents.contains(&n.id));
        let mut names = HashMap::new();
        for group in &groups {
            names.insert(group.id.clone(), self.sector(group));
        }
        self.graph.nodes = nodes
            .into_iter()
            .map(|mut n| {
                if let Some(i) = n.attributes.iter().position(|(k, _)| k == "pid") {
                    let (_, parent) = n.attributes.remove(i);
                    n.groups.extend(names.get(&parent).cloned());
                }
                n
            })
            .collect();
    }

    /// A group node as a sector, named by its label and coloured by its colour.
    fn sector(&mut self, node: &Node) -> String {
        let name = node.label.clone().filter(|l| !l.trim().is_empty()).unwrap_or_else(|| node.id.clone());
        self.graph.sector_for_group(name, node.colour.as_deref())
    }

    fn node(&mut self, element: XmlNode, groups: &[String]) -> Node {
        let mut node = Node {
            id: attribute(element, "id").unwrap_or("").to_string(),
            line: Some(line_of(self.document, element)),
            label: attribute(element, "label").map(String::from),
            groups: groups.to_vec(),
            attributes: self.values(element, "node"),
            ..Node::default()
        };
        if let Some(pid) = attribute(element, "pid") {
            node.attributes.push(("pid".into(), pid.into()));
        }
        if let Some(colour) = child(element, "color") {
            let channel = |name| attribute(colour, name).and_then(number_of);
            node.colour = match (channel("r"), channel("g"), channel("b")) {
                (Some(r), Some(g), Some(b)) => Some(hex_colour(r, g, b)),
                _ => attribute(colour, "hex").and_then(normal_colour),
            };
        }
        if let Some(position) = child(element, "position") {
            let coordinate = |name| attribute(position, name).and_then(number_of);
            // GEXF's y axis points up, the screen's down.
            if let (Some(x), Some(y)) = (coordinate("x"), coordinate("y")) {
                node.pos_in_world = Some(PosInWorld { x, y: -y });
            }
        }
        node.size = child(element, "size").and_then(|s| attribute(s, "value")).and_then(number_of);
        self.note_times(element);
        node
    }

    fn edge(&mut self, element: XmlNode, directed: bool) -> Edge {
        let kind = attribute(element, "type").unwrap_or(if directed { "directed" } else { "undirected" });
        let mut attributes = self.values(element, "edge");
        if let Some(kind) = attribute(element, "kind") {
            attributes.insert(0, ("kind".into(), kind.into()));
        }
        self.note_times(element);
        Edge {
            id: attribute(element, "id").map(String::from),
            line: Some(line_of(self.document, element)),
            source: attribute(element, "source").unwrap_or("").to_string(),
            target: attribute(element, "target").unwrap_or("").to_string(),
            directed: kind == "directed",
            weight: attribute(element, "weight").and_then(number_of),
            label: attribute(element, "label").map(String::from),
            attributes,
        }
    }

    /// An element's attribute values by title: its `attvalues` (the first value of
    /// an attribute that changes over time), then the defaults it lacks.
    fn values(&mut self, element: XmlNode, class: &str) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> = Vec::new();
        let mut given: Vec<String> = Vec::new();
        for value in child(element, "attvalues").into_iter().flat_map(|list| children(list, "attvalue")) {
            let Some(id) = attribute(value, "for").or_else(|| attribute(value, "id")) else { continue };
            if TIME_ATTRIBUTES.iter().any(|t| attribute(value, t).is_some()) {
                self.timed = true;
            }
            if given.iter().any(|g| g == id) {
                continue;
            }
            given.push(id.to_string());
            let title =
                self.declared.get(&(class.to_string(), id.to_string())).map_or(id, |d| d.title.as_str());
            values.push((title.to_string(), attribute(value, "value").unwrap_or("").to_string()));
        }
        let mut defaults: Vec<(&(String, String), &Declared)> = self
            .declared
            .iter()
            .filter(|((c, id), d)| c == class && d.default.is_some() && !given.contains(id))
            .collect();
        defaults.sort_by(|a, b| a.0.cmp(b.0));
        for (_, declared) in defaults {
            values.push((declared.title.clone(), declared.default.clone().unwrap_or_default()));
        }
        values
    }

    fn note_times(&mut self, element: XmlNode) {
        let timed = TIME_ATTRIBUTES.iter().any(|t| attribute(element, t).is_some())
            || child(element, "spells").is_some();
        self.timed |= timed;
    }
}
