//! PRSM's own map files (`.prsm`): the plain JSON of PRSM 1.x and 2.x, and the
//! compressed form PRSM 3 saves (lz-string's `compressToUTF16`). Factors become
//! stakeholders with their style's name as their type; links keep their arrows as
//! directions and their style's name as their type; notes (plain or Quill rich
//! text) become notes; attributes PRSM users added are kept in the notes.

use super::attributed::{AttributedGraph, Edge, Node};
use super::draft::{one_line, Draft};
use super::import_error::ImportError;
use super::lz_string::{decompress_from_utf16, LzError};
use crate::model::PosInWorld;
use serde_json::Value;

/// A decompressed map may be this many UTF-16 units: past any real map, and a bound
/// on what a crafted file can make the reader hold.
const MAX_DECOMPRESSED_UNITS: usize = 32 * 1024 * 1024;

/// Whether a JSON tree is a PRSM map: `nodes` and `edges` lists beside PRSM's own
/// fields (its `version`, and its `room` or `mapTitle`), and none of Simpul's or
/// Kumu's. Another tool's `{nodes, edges}` is not taken for one.
pub fn is_prsm(root: &Value) -> bool {
    root.get("format").is_none()
        && root.get("elements").is_none()
        && root.get("version").is_some()
        && (root.get("room").is_some() || root.get("mapTitle").is_some())
        && root.get("nodes").is_some_and(Value::is_array)
        && root.get("edges").is_some_and(Value::is_array)
}

/// Reads PRSM 3's compressed file.
pub fn read_compressed(file: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    let fail = |detail: &str| ImportError::NotPrsm { file: file.into(), detail: detail.into() };
    let text = std::str::from_utf8(bytes).map_err(|_| fail("the file is not UTF-8 text"))?;
    let text = text.trim_start_matches('\u{FEFF}').trim_end_matches(['\n', '\r']);
    let units = decompress_from_utf16(text, MAX_DECOMPRESSED_UNITS).map_err(|e| match e {
        LzError::Damaged => fail("it does not decompress (the file is damaged)"),
        LzError::TooLarge => fail("it decompresses to more than Simpul reads"),
    })?;
    let json = String::from_utf16(&units).map_err(|_| fail("it decompresses to damaged text"))?;
    let root: Value =
        serde_json::from_str(&json).map_err(|_| fail("it decompresses to something other than a map"))?;
    if !is_prsm(&root) {
        return Err(fail("it decompresses to something other than a map"));
    }
    read(file, &root)
}

/// Reads a PRSM map's JSON tree.
pub fn read(_file: &str, root: &Value) -> Result<Draft, ImportError> {
    let text = |v: &Value| v.as_str().map(str::to_string);
    let mut graph = AttributedGraph {
        title: root.get("mapTitle").and_then(text).unwrap_or_default(),
        description: root.get("description").map(rich_text).unwrap_or_default(),
        ..AttributedGraph::default()
    };
    let styles = root.get("styles").or_else(|| root.get("samples"));
    let style_name = |kind: &str, group: &str| -> Option<String> {
        let style = styles?.get(kind)?.get(group)?;
        style.get("groupLabel").and_then(text).filter(|l| !l.trim().is_empty())
    };
    // Attributes the map's users added: field → title.
    let added: Vec<(String, String)> = root
        .get("attributeTitles")
        .and_then(Value::as_object)
        .map(|titles| {
            titles.iter().filter_map(|(field, title)| Some((field.clone(), text(title)?))).collect()
        })
        .unwrap_or_default();
    for item in root["nodes"].as_array().into_iter().flatten() {
        let mut node = Node {
            id: id_of(item.get("id")),
            label: item.get("label").and_then(text).map(|l| one_line(&l)),
            ..Node::default()
        };
        let group = group_of(item, "grp", "group");
        if let Some(group) = &group {
            let name = style_name("nodes", group).unwrap_or_else(|| style_number(group));
            node.attributes.push(("style".into(), name));
        }
        let note = item.get("note").or_else(|| item.get("title")).map(rich_text).unwrap_or_default();
        if !note.trim().is_empty() {
            node.attributes.push(("note".into(), note));
        }
        for (field, title) in &added {
            if let Some(value) = item.get(field).and_then(scalar) {
                node.attributes.push((title.clone(), value));
            }
        }
        let coordinate = |name: &str| item.get(name).and_then(Value::as_f64).filter(|v| v.is_finite());
        if let (Some(x), Some(y)) = (coordinate("x"), coordinate("y")) {
            node.pos_in_world = Some(PosInWorld { x, y });
        }
        graph.nodes.push(node);
    }
    for item in root["edges"].as_array().into_iter().flatten() {
        let group = group_of(item, "grp", "group");
        let style = group.as_deref().and_then(|g| styles?.get("edges")?.get(g));
        let directed = arrows(item.get("arrows")).or_else(|| arrows(style.and_then(|s| s.get("arrows"))));
        let mut edge = Edge {
            id: item.get("id").map(|id| id_of(Some(id))),
            source: id_of(item.get("from")),
            target: id_of(item.get("to")),
            directed: directed.unwrap_or(true),
            label: item.get("label").and_then(text).map(|l| one_line(&l)).filter(|l| !l.is_empty()),
            weight: item.get("width").and_then(Value::as_f64),
            ..Edge::default()
        };
        if let Some(name) = group.as_deref().and_then(|g| style_name("edges", g)) {
            edge.attributes.push(("style".into(), name));
        }
        let note = item.get("note").or_else(|| item.get("title")).map(rich_text).unwrap_or_default();
        if !note.trim().is_empty() {
            edge.attributes.push(("note".into(), note));
        }
        graph.edges.push(edge);
    }
    Ok(graph.into_draft("factor", "link"))
}

/// An id as text, whether the file wrote it as a string or a number.
fn id_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A node's or edge's style group: `grp` (`group3`), or the number of old files.
fn group_of(item: &Value, name: &str, old_name: &str) -> Option<String> {
    match item.get(name).or_else(|| item.get(old_name))? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(format!("group{n}")),
        _ => None,
    }
}

/// `group3` → `Style 4`, as PRSM numbers its styles for people.
fn style_number(group: &str) -> String {
    let digits: String = group.chars().filter(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) => format!("Style {}", n + 1),
        Err(_) => group.to_string(),
    }
}

/// Whether arrows show a direction: `"to"`, `"to, from"` or `{to: {enabled: true}}`.
fn arrows(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::String(s) => Some(!s.trim().is_empty()),
        Value::Object(ends) => {
            let on = |end: &Value| match end {
                Value::Bool(b) => *b,
                Value::Object(o) => o.get("enabled").and_then(Value::as_bool).unwrap_or(true),
                _ => false,
            };
            Some(ends.values().any(on))
        }
        _ => None,
    }
}

/// Text from a note: plain text (with old files' `<br>`), Quill rich text
/// (`{ops: [{insert}]}`), or PRSM's description (`{text: {ops}}`).
fn rich_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.replace("<br>", "\n").replace("<p>", "\n").trim().to_string(),
        Value::Object(o) => {
            if let Some(inner) = o.get("text") {
                return rich_text(inner);
            }
            o.get("ops")
                .and_then(Value::as_array)
                .map(|ops| {
                    ops.iter().filter_map(|op| op.get("insert").and_then(Value::as_str)).collect::<String>()
                })
                .unwrap_or_default()
                .trim()
                .to_string()
        }
        _ => String::new(),
    }
}

/// A scalar attribute value as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
