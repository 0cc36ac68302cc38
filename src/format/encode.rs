//! Writes a [`Map`] as a version 1 `.simpul.json` file.

use super::{CURRENT_VERSION, FORMAT_NAME};
use crate::model::Map;
use serde::Serialize;

#[derive(Serialize)]
struct FileV1<'m> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    map: &'m Map,
}

/// The file's text: pretty-printed, so that it stays readable and diffs well.
pub fn encode(map: &Map) -> String {
    let file = FileV1 { format: FORMAT_NAME, version: CURRENT_VERSION, map };
    // A map holds only strings, bounded integers, booleans and finite floats, all of
    // which serde_json writes without error.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The file as something to serialise, for embedding in storage entries without
/// building its JSON tree first (a tree of 5,000 stakeholders costs as much again).
pub fn as_file(map: &Map) -> impl Serialize + '_ {
    FileV1 { format: FORMAT_NAME, version: CURRENT_VERSION, map }
}

/// The file's JSON tree, for embedding in storage entries and share links.
pub fn encode_value(map: &Map) -> serde_json::Value {
    let file = FileV1 { format: FORMAT_NAME, version: CURRENT_VERSION, map };
    serde_json::to_value(&file).unwrap_or(serde_json::Value::Null)
}

/// A file name for the map: `<title>.simpul.json`, with characters that file
/// systems refuse replaced.
pub fn file_name(map: &Map) -> String {
    format!("{}.simpul.json", file_stem(map))
}

/// The map's title as the start of a file name (`map` when it has none), for
/// every file exported from it.
pub fn file_stem(map: &Map) -> String {
    let cleaned: String = map
        .title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    if cleaned.trim().is_empty() {
        "map".to_string()
    } else {
        cleaned
    }
}
