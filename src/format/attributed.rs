//! A network as GraphML, GEXF and PRSM files hold one — nodes and edges with named
//! attributes, positions, colours and sizes — and how Simpul gives it meaning: the
//! attributes are matched to Simpul's fields by name (as spreadsheet columns are),
//! what matches nothing is kept in the notes, and the result is a [`Draft`] for the
//! import preview. Each format's reader only fills an [`AttributedGraph`].

use super::draft::{
    push_line, scaled, strengths_from_weights, Draft, DraftLink, DraftStakeholder, Place, RowProblem,
    RowProblemKind,
};
use super::field_names::{direction_of, field_of, number_of, resource_of, several, yes, Field};
use super::xml::decimal;
use crate::model::{fresh_id, Color, PosInWorld, Score, Sector, SectorId, Stance, Strength};
use std::collections::HashMap;

/// A node as the file gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    pub id: String,
    pub line: Option<u32>,
    pub label: Option<String>,
    /// Every other attribute, by its name in the file, in the file's order.
    pub attributes: Vec<(String, String)>,
    pub pos_in_world: Option<PosInWorld>,
    /// A colour as `#rrggbb`.
    pub colour: Option<String>,
    pub size: Option<f64>,
    /// The names of the groups (yEd group nodes, GEXF parents) it is inside.
    pub groups: Vec<String>,
}

/// An edge as the file gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edge {
    pub id: Option<String>,
    pub line: Option<u32>,
    pub source: String,
    pub target: String,
    pub directed: bool,
    pub weight: Option<f64>,
    pub label: Option<String>,
    pub attributes: Vec<(String, String)>,
}

/// A whole network read from a file, before it means anything to Simpul.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttributedGraph {
    pub title: String,
    pub description: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Sectors the file declares (Simpul's own GraphML, yEd's group colours).
    pub sectors: Vec<Sector>,
    /// What the reader itself had to say (hyperedges, times left out…).
    pub problems: Vec<RowProblem>,
}

impl AttributedGraph {
    /// The sector a group of nodes stands for (a yEd group node, a GEXF parent),
    /// added the first time its name is met, with a fresh id and the group's
    /// colour; its name is returned, for the group's members to list.
    pub fn sector_for_group(&mut self, name: String, colour: Option<&str>) -> String {
        if !self.sectors.iter().any(|s| s.name.eq_ignore_ascii_case(&name)) {
            let taken = |c: &str| self.sectors.iter().any(|s| s.id.as_str() == c);
            let id = SectorId::new(fresh_id(&name, "sector", taken));
            let color = colour.and_then(Color::parse);
            self.sectors.push(Sector { id, name: name.clone(), color });
        }
        name
    }

    /// The draft for the import preview.
    ///
    /// - A node's name is its label, or a `label`/`name` attribute, or its id, as
    ///   written (readers put labels that tools break over lines on one line).
    /// - Attributes named as Simpul's fields (`type`, `power`, `sectors`, … in the
    ///   words spreadsheets use) fill them; the others are kept in the notes as
    ///   `name: value` lines.
    /// - Without any type attribute, node colours are offered as types.
    /// - Without any power attribute, node sizes are read as power 1–5.
    /// - An edge's kind is its `type` attribute or else its label; without a
    ///   `strength`, its weight gives the strength (scaled when outside 1–3).
    /// - An edge to an id no node has adds that node; an edge from a node to itself
    ///   and a node whose id is taken are left out; each is listed.
    pub fn into_draft(self, node_word: &'static str, edge_word: &'static str) -> Draft {
        let AttributedGraph { title, description, nodes, edges, sectors, mut problems } = self;
        let mut draft = Draft { title, description, sectors, ..Draft::default() };
        let field = |name: &str| field_of(name);
        let any_type = nodes.iter().any(|n| n.attributes.iter().any(|(k, _)| field(k) == Some(Field::Type)));
        let any_power =
            nodes.iter().any(|n| n.attributes.iter().any(|(k, _)| field(k) == Some(Field::Power)));
        let colours_as_types = !any_type && nodes.iter().any(|n| n.colour.is_some());
        if colours_as_types {
            problems.push(RowProblem { place: Place::File, kind: RowProblemKind::ColoursAsTypes });
        }
        let powers = if any_power { None } else { sizes_as_power(&nodes, &mut problems) };
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (n, node) in nodes.into_iter().enumerate() {
            let place = || Place::Element { what: node_word, id: node.id.clone(), line: node.line };
            if by_id.contains_key(&node.id) {
                problems.push(RowProblem {
                    place: place(),
                    kind: RowProblemKind::SameId { id: node.id.clone() },
                });
                continue;
            }
            let mut stakeholder = DraftStakeholder::named(&node.id);
            stakeholder.id = Some(node.id.clone()).filter(|id| !id.trim().is_empty());
            let mut label = node.label.clone();
            let mut notes = String::new();
            let mut extra = Vec::new();
            for (key, raw) in &node.attributes {
                // Names and notes are kept as written; codes and numbers are trimmed.
                let value = raw.trim();
                let mut scale = |min: i64, max: i64, default: i64| {
                    scaled(value, (min, max, default), place, &mut problems)
                };
                match field(key) {
                    Some(Field::Name) if label.is_none() => label = Some(raw.to_string()),
                    Some(Field::Type) => stakeholder.type_text = value.to_string(),
                    Some(Field::Description) => push_line(&mut notes, raw),
                    Some(Field::Tags) => stakeholder.sectors.extend(several(value)),
                    Some(Field::Power) => {
                        let level = scale(Score::MIN, Score::MAX, Score::DEFAULT.get().into());
                        stakeholder.power = Score::new(level).unwrap_or_default();
                    }
                    Some(Field::Interest) => {
                        let level = scale(Score::MIN, Score::MAX, Score::DEFAULT.get().into());
                        stakeholder.interest = Score::new(level).unwrap_or_default();
                    }
                    Some(Field::Stance) => {
                        let level = scale(Stance::MIN, Stance::MAX, Stance::DEFAULT.get().into());
                        stakeholder.stance = Stance::new(level).unwrap_or_default();
                    }
                    Some(Field::Resources) => {
                        stakeholder.resources =
                            several(value).iter().filter_map(|r| resource_of(r)).collect();
                    }
                    Some(Field::Pinned) => stakeholder.pinned = yes(value),
                    // Read as the position below when the file gives no other.
                    Some(Field::X | Field::Y) => {}
                    Some(Field::Id | Field::Computed) => {}
                    _ if key == "simpul sector ids" => {
                        let ids: Vec<String> = serde_json::from_str(value).unwrap_or_default();
                        stakeholder.sector_ids = ids;
                    }
                    _ => extra.push((key.as_str(), value)),
                }
            }
            stakeholder.pos_in_world = node.pos_in_world.or_else(|| {
                let coordinate = |f: Field| {
                    node.attributes.iter().find(|(k, _)| field(k) == Some(f)).and_then(|(_, v)| number_of(v))
                };
                Some(PosInWorld { x: coordinate(Field::X)?, y: coordinate(Field::Y)? })
            });
            for (key, value) in extra.into_iter().filter(|(_, v)| !v.is_empty()) {
                push_line(&mut notes, &format!("{key}: {value}"));
            }
            stakeholder.notes = notes;
            if colours_as_types {
                stakeholder.type_text = node.colour.clone().unwrap_or_default();
            }
            if let Some(power) = powers.as_ref().and_then(|p| p[n]) {
                stakeholder.power = power;
            }
            for group in &node.groups {
                if !stakeholder.sectors.iter().any(|s| s.eq_ignore_ascii_case(group)) {
                    stakeholder.sectors.push(group.clone());
                }
            }
            stakeholder.name =
                label.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| match node.id.trim() {
                    "" => format!("{node_word} {}", n + 1),
                    _ => node.id.clone(),
                });
            by_id.insert(node.id.clone(), draft.stakeholders.len());
            draft.stakeholders.push(stakeholder);
        }
        let any_strength =
            edges.iter().any(|e| e.attributes.iter().any(|(k, _)| field(k) == Some(Field::Strength)));
        let mut weights = Vec::new();
        for edge in edges {
            let place = |id: &str| Place::Element { what: edge_word, id: id.to_string(), line: edge.line };
            let edge_name = edge.id.clone().unwrap_or_else(|| format!("{} → {}", edge.source, edge.target));
            let mut end = |id: &str, draft: &mut Draft, problems: &mut Vec<RowProblem>| -> Option<usize> {
                if id.trim().is_empty() {
                    return None;
                }
                if let Some(&index) = by_id.get(id) {
                    return Some(index);
                }
                let kind = RowProblemKind::AddedFromLink { name: id.to_string() };
                problems.push(RowProblem { place: place(&edge_name), kind });
                by_id.insert(id.to_string(), draft.stakeholders.len());
                let mut added = DraftStakeholder::named(id);
                added.id = Some(id.to_string());
                draft.stakeholders.push(added);
                Some(by_id[id])
            };
            let (Some(from), Some(to)) =
                (end(&edge.source, &mut draft, &mut problems), end(&edge.target, &mut draft, &mut problems))
            else {
                problems.push(RowProblem { place: place(&edge_name), kind: RowProblemKind::LinkWithoutEnd });
                continue;
            };
            if from == to {
                let kind = RowProblemKind::SelfLink { name: draft.stakeholders[from].name.clone() };
                problems.push(RowProblem { place: place(&edge_name), kind });
                continue;
            }
            let mut link = DraftLink {
                id: edge.id.clone().filter(|id| !id.trim().is_empty()),
                from,
                to,
                type_text: String::new(),
                directed: edge.directed,
                strength: Strength::DEFAULT,
                notes: String::new(),
            };
            let mut type_found = false;
            let mut extra = Vec::new();
            for (key, raw) in &edge.attributes {
                let value = raw.trim();
                match field(key) {
                    Some(Field::Type) => match direction_of(value) {
                        Some(directed) => link.directed = directed,
                        None => {
                            link.type_text = value.to_string();
                            type_found = true;
                        }
                    },
                    Some(Field::Direction) => link.directed = direction_of(value).unwrap_or(link.directed),
                    Some(Field::Description) => push_line(&mut link.notes, raw),
                    Some(Field::Strength) => {
                        let bounds = (Strength::MIN, Strength::MAX, Strength::DEFAULT.get().into());
                        let level = scaled(value, bounds, || place(&edge_name), &mut problems);
                        link.strength = Strength::new(level).unwrap_or_default();
                    }
                    Some(Field::Weight | Field::Id | Field::Source | Field::Target) => {}
                    _ if key.eq_ignore_ascii_case("directed") => link.directed = yes(value),
                    _ => extra.push((key.as_str(), value)),
                }
            }
            match edge.label.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                Some(label) if !type_found => link.type_text = label.to_string(),
                // A label that is not the type leads the notes, on a line of its own.
                Some(label) => {
                    let mut notes = label.to_string();
                    push_line(&mut notes, &link.notes);
                    link.notes = notes.trim_end().to_string();
                }
                None => {}
            }
            for (key, value) in extra.into_iter().filter(|(_, v)| !v.is_empty()) {
                push_line(&mut link.notes, &format!("{key}: {value}"));
            }
            weights.push(edge.weight.or_else(|| {
                edge.attributes
                    .iter()
                    .find(|(k, _)| field(k) == Some(Field::Weight))
                    .and_then(|(_, v)| number_of(v))
            }));
            draft.links.push(link);
        }
        if !any_strength {
            strengths_from_weights(&mut draft.links, &weights, Place::File, &mut problems);
        }
        draft.problems = problems;
        draft
    }
}

/// Node sizes as power 1–5, the smallest to 1 and the largest to 5, when sizes vary.
fn sizes_as_power(nodes: &[Node], problems: &mut Vec<RowProblem>) -> Option<Vec<Option<Score>>> {
    let sizes = nodes.iter().filter_map(|n| n.size).filter(|s| s.is_finite());
    let (low, high) = sizes.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| (lo.min(s), hi.max(s)));
    if high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let kind = RowProblemKind::SizesAsPower { low: decimal(low), high: decimal(high) };
    problems.push(RowProblem { place: Place::File, kind });
    let level = |s: f64| Score::new((1.0 + 4.0 * (s - low) / (high - low)).round() as i64);
    Some(nodes.iter().map(|n| n.size.filter(|s| s.is_finite()).and_then(level)).collect())
}
