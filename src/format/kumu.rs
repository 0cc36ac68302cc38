//! Kumu JSON import: a full project export (`elements`, `connections`, `maps`,
//! attributes under `attributes`, ids like `elem-…`) or a blueprint (`elements` and
//! `connections` with their fields at the top level, connections naming elements
//! by label), read into a spreadsheet `Draft` so that it goes through the same import
//! preview: Kumu's free-text types get the kinds their English or Indonesian words
//! suggest, for the user to correct; tags become sectors. Also the Kumu blueprint
//! export.

use super::draft::{Draft, DraftLink, DraftStakeholder, Place, RowProblem, RowProblemKind};
use super::problem::{Invalid, Problem, ProblemKind};
use crate::model::{PosInWorld, Strength};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Whether a JSON tree looks like a Kumu project or blueprint.
pub fn is_kumu(root: &Value) -> bool {
    root.get("format").is_none() && root.get("elements").is_some_and(Value::is_array)
}

/// A Kumu file as a draft for the import preview, where the user chooses the kind
/// each Kumu type stands for. A blueprint's connection naming no element adds it;
/// a project's naming no element, or any joining an element to itself, is left out.
/// Each is listed.
pub fn kumu_draft(root: &Value) -> Result<Draft, Invalid> {
    let fail = |path: &str, kind| Invalid { problems: vec![Problem::new(path, kind)] };
    let elements = root
        .get("elements")
        .and_then(Value::as_array)
        .ok_or_else(|| fail("elements", ProblemKind::Missing))?;
    let connections = match root.get("connections") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(fail("connections", ProblemKind::WrongType(super::Expected::List))),
    };
    let positions = positions(root);
    let title =
        root.get("name").and_then(Value::as_str).filter(|t| !t.trim().is_empty()).unwrap_or("Kumu map");
    let mut draft = Draft {
        title: title.to_string(),
        description: root.get("description").and_then(Value::as_str).unwrap_or_default().to_string(),
        ..Draft::default()
    };
    let mut by_key: HashMap<String, usize> = HashMap::new(); // Kumu id or lower-case label → index
    for (i, element) in elements.iter().enumerate() {
        let field = |name: &str| attribute(element, name);
        let label = field("label")
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| format!("Element {}", i + 1));
        let kumu_id = element.get("_id").or_else(|| element.get("id")).and_then(Value::as_str);
        let place = kumu_id.and_then(|k| positions.get(k));
        if let Some(kumu_id) = kumu_id {
            by_key.insert(kumu_id.to_string(), i);
        }
        by_key.entry(label.to_lowercase()).or_insert(i);
        draft.stakeholders.push(DraftStakeholder {
            type_text: field("element type").or_else(|| field("type")).unwrap_or_default().trim().to_string(),
            notes: field("description").unwrap_or_default(),
            sectors: tags(element),
            pos_in_world: place.map(|&(x, y, _)| PosInWorld { x, y }),
            pinned: place.is_some_and(|&(_, _, pinned)| pinned),
            ..DraftStakeholder::named(&label)
        });
    }
    // A blueprint names elements by label; as Kumu does, a connection naming an
    // element the blueprint lacks brings that element. (A project's connections
    // name elements by id, so a missing one is an error of the file.)
    let blueprint = !elements.iter().any(|e| e.get("_id").is_some());
    for (i, connection) in connections.iter().enumerate() {
        // Named as in the file itself: its `connections` list.
        let place = Place::row("connections", i + 1);
        let mut end = |name: &str, draft: &mut Draft| {
            let raw = connection.get(name).and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.get("_id").and_then(Value::as_str).map(str::to_string))
            })?;
            let found = by_key.get(&raw).or_else(|| by_key.get(&raw.trim().to_lowercase())).copied();
            match found {
                Some(index) => Some(index),
                None if blueprint && !raw.trim().is_empty() => {
                    let label = raw.trim().to_string();
                    let kind = RowProblemKind::AddedFromLink { name: label.clone() };
                    draft.problems.push(RowProblem { place: place.clone(), kind });
                    by_key.insert(label.to_lowercase(), draft.stakeholders.len());
                    draft.stakeholders.push(DraftStakeholder::named(&label));
                    Some(draft.stakeholders.len() - 1)
                }
                None => None,
            }
        };
        let (Some(from), Some(to)) = (end("from", &mut draft), end("to", &mut draft)) else {
            draft.problems.push(RowProblem { place, kind: RowProblemKind::LinkWithoutEnd });
            continue;
        };
        if from == to {
            let kind = RowProblemKind::SelfLink { name: draft.stakeholders[from].name.clone() };
            draft.problems.push(RowProblem { place, kind });
            continue;
        }
        let field = |name: &str| attribute(connection, name);
        let direction = connection.get("direction").and_then(Value::as_str).unwrap_or("directed");
        let strength = ["strength", "weight"]
            .iter()
            .find_map(|name| number(connection, name))
            .and_then(|v| Strength::new((v.round() as i64).clamp(1, 3)))
            .unwrap_or_default();
        let mut notes = field("description").unwrap_or_default();
        if let Some(label) = field("label").filter(|l| !l.trim().is_empty()) {
            notes = if notes.is_empty() { label } else { format!("{label}\n\n{notes}") };
        }
        draft.links.push(DraftLink {
            id: None,
            from,
            to,
            type_text: field("connection type")
                .or_else(|| field("type"))
                .unwrap_or_default()
                .trim()
                .to_string(),
            directed: direction == "directed",
            strength,
            notes,
        });
    }
    Ok(draft)
}

/// A field of an element or connection as text: from `attributes` (project export)
/// or the top level (blueprint); numbers are written as text, lists joined.
fn attribute(item: &Value, name: &str) -> Option<String> {
    let value = item.get("attributes").and_then(|a| a.get(name)).or_else(|| item.get(name))?;
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(list) => Some(list.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")),
        _ => None,
    }
}

fn number(item: &Value, name: &str) -> Option<f64> {
    let value = item.get("attributes").and_then(|a| a.get(name)).or_else(|| item.get(name))?;
    // Text is read by serde_json's number parser: `str::parse` would add core's
    // float parser (15 KB of download) for this one field.
    value.as_f64().or_else(|| value.as_str().and_then(|s| serde_json::from_str::<f64>(s.trim()).ok()))
}

/// An element's tags: a list, or text separated by `|` or commas.
fn tags(element: &Value) -> Vec<String> {
    let value = element.get("attributes").and_then(|a| a.get("tags")).or_else(|| element.get("tags"));
    let raw: Vec<String> = match value {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        Some(Value::String(text)) => text.split(['|', ',']).map(str::to_string).collect(),
        _ => Vec::new(),
    };
    raw.into_iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()
}

/// Element positions on the project's default map (or its first): Kumu id → (x, y, pinned).
fn positions(root: &Value) -> HashMap<String, (f64, f64, bool)> {
    let maps = root.get("maps").and_then(Value::as_array);
    let default = root.get("defaultMap").and_then(Value::as_str);
    let chosen = maps.and_then(|maps| {
        maps.iter()
            .find(|m| default.is_some() && m.get("_id").and_then(Value::as_str) == default)
            .or_else(|| maps.first())
    });
    let mut found = HashMap::new();
    for placed in chosen.and_then(|m| m.get("elements")).and_then(Value::as_array).into_iter().flatten() {
        let (Some(element), Some(position)) =
            (placed.get("element").and_then(Value::as_str), placed.get("position"))
        else {
            continue;
        };
        let (Some(x), Some(y)) =
            (position.get("x").and_then(Value::as_f64), position.get("y").and_then(Value::as_f64))
        else {
            continue;
        };
        if x.is_finite() && y.is_finite() {
            let pinned = placed.get("pinned").and_then(Value::as_bool).unwrap_or(false);
            found.entry(element.to_string()).or_insert((
                (x * 10.0).round() / 10.0,
                (y * 10.0).round() / 10.0,
                pinned,
            ));
        }
    }
    found
}

/// The map as a Kumu blueprint (`elements` and `connections`), which Kumu's JSON
/// import reads: elements by label, with Simpul's fields as attributes, sectors as
/// tags; connections name their ends by label, as Kumu matches them.
pub fn to_kumu_blueprint(map: &crate::model::Map) -> String {
    let elements: Vec<Value> = map
        .stakeholders
        .iter()
        .map(|s| {
            let tags: Vec<&str> =
                s.sectors.iter().filter_map(|id| map.sector(id)).map(|sector| sector.name.as_str()).collect();
            let resources: Vec<&str> = s.resources.iter().map(|r| r.code()).collect();
            json!({
                "label": s.name,
                "type": s.kind.code(),
                "description": s.notes,
                "tags": tags,
                "power": s.power.get(),
                "interest": s.interest.get(),
                "stance": s.stance.get(),
                "resources": resources,
                "simpul id": s.id.as_str(),
            })
        })
        .collect();
    let label =
        |id: &crate::model::StakeholderId| map.stakeholder(id).map_or(String::new(), |s| s.name.clone());
    let connections: Vec<Value> = map
        .links
        .iter()
        .map(|l| {
            json!({
                "from": label(&l.from),
                "to": label(&l.to),
                "type": l.kind.code(),
                "direction": if l.directed { "directed" } else { "undirected" },
                "strength": l.strength.get(),
                "description": l.notes,
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "elements": elements, "connections": connections }))
        .unwrap_or_default()
}
