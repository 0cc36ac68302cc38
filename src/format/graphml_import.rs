//! GraphML import, as yEd, Gephi, networkx, igraph, Cytoscape and Simpul write it:
//! typed `<key>`s with defaults, `<data>` for nodes, edges and the graph, the
//! graph's `edgedefault` and each edge's `directed`, parallel edges (kept as links),
//! yEd's labels, geometry and colours, and yEd's group nodes with their nested
//! graphs, flattened: each group becomes a sector of the stakeholders inside it.

use super::attributed::{AttributedGraph, Edge, Node};
use super::draft::{one_line, Draft, Place, RowProblem, RowProblemKind};
use super::field_names::number_of;
use super::import_error::ImportError;
use super::xml_source::{
    attribute, child, children, hex_colour, line_of, normal_colour, text_of, with_document,
};
use crate::model::{Color, PosInWorld, Sector, SectorId};
use roxmltree::{Document, Node as XmlNode};
use std::collections::HashMap;

/// A declared `<key>`: what its data means.
#[derive(Clone, Debug)]
struct Key {
    name: String,
    /// `node`, `edge`, `graph` or `all`.
    domain: String,
    /// yEd's graphics (`nodegraphics`, `edgegraphics`), read for labels and looks.
    graphics: bool,
    default: Option<String>,
}

/// Reads a GraphML file into a draft for the import preview.
pub fn read(file: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    with_document(file, "GraphML", bytes, |document| {
        let root = document.root_element();
        let graph = child(root, "graph")
            .ok_or_else(|| ImportError::NoGraph { file: file.into(), format: "GraphML" })?;
        let keys: HashMap<String, Key> = children(root, "key")
            .filter_map(|k| {
                let id = attribute(k, "id")?.to_string();
                let graphics = attribute(k, "yfiles.type").is_some_and(|t| t.ends_with("graphics"));
                let name = attribute(k, "attr.name").unwrap_or(&id).to_string();
                let domain = attribute(k, "for").unwrap_or("all").to_string();
                let default = child(k, "default").map(text_of);
                Some((id, Key { name, domain, graphics, default }))
            })
            .collect();
        let mut reader = Reader { document, keys, graph: AttributedGraph::default() };
        for (key, value) in reader.data_of(graph, "graph") {
            match key.to_lowercase().as_str() {
                "title" | "name" | "label" => reader.graph.title = value,
                "description" => reader.graph.description = value,
                "simpul sectors" => reader.graph.sectors = declared_sectors(&value),
                _ => {}
            }
        }
        let directed = attribute(graph, "edgedefault").is_none_or(|d| d == "directed");
        reader.walk(graph, directed, &[]);
        Ok(reader.graph.into_draft("node", "edge"))
    })
}

struct Reader<'a, 'input> {
    document: &'a Document<'input>,
    keys: HashMap<String, Key>,
    graph: AttributedGraph,
}

impl<'a, 'input> Reader<'a, 'input> {
    /// Nodes and edges of one graph, and of the graphs nested in its group nodes.
    fn walk(&mut self, graph: XmlNode<'a, 'input>, directed: bool, groups: &[String]) {
        for element in graph.children().filter(XmlNode::is_element) {
            match element.tag_name().name() {
                "node" => match child(element, "graph") {
                    Some(inner) => {
                        let name = self.group(element);
                        let mut inside = groups.to_vec();
                        inside.push(name);
                        let directed = attribute(inner, "edgedefault").map_or(directed, |d| d == "directed");
                        self.walk(inner, directed, &inside);
                    }
                    None => {
                        let node = self.node(element, groups);
                        self.graph.nodes.push(node);
                    }
                },
                "edge" => {
                    let edge = self.edge(element, directed);
                    self.graph.edges.push(edge);
                }
                "hyperedge" => {
                    let id = attribute(element, "id").unwrap_or("").to_string();
                    let line = Some(line_of(self.document, element));
                    let place = Place::Element { what: "hyperedge", id, line };
                    self.graph.problems.push(RowProblem { place, kind: RowProblemKind::Hyperedge });
                }
                _ => {}
            }
        }
    }

    /// A group node: becomes a sector named by its label, coloured by its fill.
    fn group(&mut self, element: XmlNode) -> String {
        let id = attribute(element, "id").unwrap_or("");
        let node = self.node(element, &[]);
        let name = node.label.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| id.to_string());
        self.graph.sector_for_group(one_line(&name), node.colour.as_deref())
    }

    fn node(&self, element: XmlNode, groups: &[String]) -> Node {
        let mut node = Node {
            id: attribute(element, "id").unwrap_or("").to_string(),
            line: Some(line_of(self.document, element)),
            groups: groups.to_vec(),
            ..Node::default()
        };
        let (mut x, mut y, mut rgb) = (None, None, [None, None, None]);
        for (name, value) in self.data_of(element, "node") {
            match name.to_lowercase().as_str() {
                "r" | "red" => rgb[0] = number_of(&value),
                "g" | "green" => rgb[1] = number_of(&value),
                "b" | "blue" => rgb[2] = number_of(&value),
                "color" | "colour" | "warna" if normal_colour(&value).is_some() => {
                    node.colour = normal_colour(&value)
                }
                "size" => node.size = number_of(&value),
                "x" => x = number_of(&value),
                "y" => y = number_of(&value),
                _ => node.attributes.push((name, value)),
            }
        }
        if let [Some(r), Some(g), Some(b)] = rgb {
            node.colour = Some(hex_colour(r, g, b));
        }
        if let (Some(x), Some(y)) = (x, y) {
            node.pos_in_world = Some(PosInWorld { x, y });
        }
        // yEd: the label, geometry and fill of the node's (first) realizer.
        for graphics in self.graphics_of(element) {
            if node.label.is_none() {
                node.label = descendant(graphics, "NodeLabel")
                    .map(|l| one_line(&text_of(l)))
                    .filter(|l| !l.is_empty());
            }
            if node.pos_in_world.is_none() {
                node.pos_in_world = descendant(graphics, "Geometry").and_then(|g| {
                    let number = |name| attribute(g, name).and_then(number_of);
                    let (w, h) = (number("width").unwrap_or(0.0), number("height").unwrap_or(0.0));
                    Some(PosInWorld { x: number("x")? + w / 2.0, y: number("y")? + h / 2.0 })
                });
            }
            if node.colour.is_none() {
                node.colour =
                    descendant(graphics, "Fill").and_then(|f| attribute(f, "color")).and_then(normal_colour);
            }
        }
        node
    }

    fn edge(&self, element: XmlNode, directed: bool) -> Edge {
        let mut edge = Edge {
            id: attribute(element, "id").map(String::from),
            line: Some(line_of(self.document, element)),
            source: attribute(element, "source").unwrap_or("").to_string(),
            target: attribute(element, "target").unwrap_or("").to_string(),
            directed: attribute(element, "directed").map_or(directed, |d| d == "true" || d == "1"),
            ..Edge::default()
        };
        for (name, value) in self.data_of(element, "edge") {
            match name.to_lowercase().as_str() {
                "label" | "name" if edge.label.is_none() => edge.label = Some(value),
                "weight" => edge.weight = number_of(&value),
                _ => edge.attributes.push((name, value)),
            }
        }
        for graphics in self.graphics_of(element) {
            if edge.label.is_none() {
                edge.label = descendant(graphics, "EdgeLabel")
                    .map(|l| one_line(&text_of(l)))
                    .filter(|l| !l.is_empty());
            }
        }
        edge
    }

    /// An element's attribute values by name: its `<data>`, then the defaults of the
    /// keys for its domain that it has no data for. yEd's graphics are left out.
    fn data_of(&self, element: XmlNode, domain: &str) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> = Vec::new();
        let mut given: Vec<&str> = Vec::new();
        for data in children(element, "data") {
            let Some(id) = attribute(data, "key") else { continue };
            given.push(id);
            match self.keys.get(id) {
                Some(key) if key.graphics => {}
                Some(key) => values.push((key.name.clone(), text_of(data))),
                None => values.push((id.to_string(), text_of(data))),
            }
        }
        let mut defaults: Vec<(&String, &Key)> = self
            .keys
            .iter()
            .filter(|(id, key)| {
                (key.domain == domain || key.domain == "all")
                    && !given.contains(&id.as_str())
                    && !key.graphics
            })
            .collect();
        defaults.sort_by(|a, b| a.0.cmp(b.0));
        for (_, key) in defaults {
            if let Some(default) = &key.default {
                values.push((key.name.clone(), default.clone()));
            }
        }
        values
    }

    /// yEd's graphics data of an element.
    fn graphics_of(&self, element: XmlNode<'a, 'input>) -> Vec<XmlNode<'a, 'input>> {
        children(element, "data")
            .filter(|d| attribute(*d, "key").and_then(|k| self.keys.get(k)).is_some_and(|k| k.graphics))
            .collect()
    }
}

/// The first descendant element with the local name `name`.
fn descendant<'a, 'input>(node: XmlNode<'a, 'input>, name: &str) -> Option<XmlNode<'a, 'input>> {
    node.descendants().find(|d| d.is_element() && d.tag_name().name() == name)
}

/// The sectors Simpul's own GraphML declares (`simpul sectors`, a JSON list).
fn declared_sectors(json: &str) -> Vec<Sector> {
    let Ok(serde_json::Value::Array(list)) = serde_json::from_str(json) else { return Vec::new() };
    list.iter()
        .filter_map(|s| {
            let id = s.get("id")?.as_str().filter(|id| !id.is_empty())?;
            let name = s.get("name")?.as_str().filter(|n| !n.trim().is_empty())?;
            let color = s.get("color").and_then(serde_json::Value::as_str).and_then(Color::parse);
            Some(Sector { id: SectorId::new(id), name: name.to_string(), color })
        })
        .collect()
}
