//! The backup file: every map of the library in one `.json` file, each in the map
//! file format, so a whole browser's work can be carried to another machine or kept
//! safe. Reading one refuses the whole file if any map in it has a problem, and lists
//! every problem by map (`maps[2].stakeholders[0].name: …`), like a map file.

use super::{decode_value, Encoding, Invalid, Problem, ProblemKind};
use crate::model::Map;
use serde_json::{json, Value};

/// The value of `format` that marks a backup.
pub const BACKUP_FORMAT: &str = "simpul-backup";
pub const BACKUP_VERSION: u64 = 1;

/// The backup of `maps`, saved at `saved_ms` (milliseconds since 1970).
pub fn encode(maps: &[Map], saved_ms: f64) -> String {
    let texts: Vec<String> = maps.iter().map(|map| Encoding::new(map).finish()).collect();
    from_map_texts(&texts, saved_ms)
}

/// The backup of the maps whose file texts are `map_texts`, each as
/// [`Encoding`] writes it (the page writes a big map's a slice per task): one map
/// a line, so the file stays readable without being written out twice.
pub fn from_map_texts(map_texts: &[String], saved_ms: f64) -> String {
    let head =
        json!({ "format": BACKUP_FORMAT, "version": BACKUP_VERSION, "saved_ms": saved_ms }).to_string();
    let mut text =
        String::with_capacity(head.len() + map_texts.iter().map(|t| t.len() + 2).sum::<usize>() + 16);
    text.push_str(head.strip_suffix('}').unwrap_or(&head));
    text.push_str(",\"maps\":[");
    for (i, map) in map_texts.iter().enumerate() {
        text.push_str(if i == 0 { "\n" } else { ",\n" });
        text.push_str(map);
    }
    text.push_str("\n]}\n");
    text
}

/// Whether a parsed file is a backup (rather than a map or another tool's file).
pub fn is_backup(root: &Value) -> bool {
    root.get("format").and_then(Value::as_str) == Some(BACKUP_FORMAT)
}

/// The maps of a backup, in their order, or every problem found.
pub fn decode(root: &Value) -> Result<Vec<Map>, Invalid> {
    gather(maps_in(root)?.iter().map(decode_value).collect())
}

/// Each of the backup's maps as read (the `i`-th for its `i`-th map, read at once
/// or in steps): the maps, or every problem, placed in the backup
/// (`maps[2].stakeholders[0].name`).
pub fn gather(read: Vec<Result<Map, Invalid>>) -> Result<Vec<Map>, Invalid> {
    let mut maps = Vec::with_capacity(read.len());
    let mut problems = Vec::new();
    for (i, result) in read.into_iter().enumerate() {
        match result {
            Ok(map) => maps.push(map),
            Err(invalid) => problems.extend(invalid.problems.into_iter().map(|p| {
                let path =
                    if p.path.is_empty() { format!("maps[{i}]") } else { format!("maps[{i}].{}", p.path) };
                Problem::new(path, p.kind)
            })),
        }
    }
    if problems.is_empty() {
        Ok(maps)
    } else {
        Err(Invalid { problems })
    }
}

/// The backup's maps, not yet read (each is read as a map file is), or why the
/// file is not a backup this Simpul reads.
pub fn maps_in(root: &Value) -> Result<&[Value], Invalid> {
    let fail = |path: &str, kind| Err(Invalid { problems: vec![Problem::new(path, kind)] });
    if !is_backup(root) {
        return fail("", ProblemKind::NotSimpulMap);
    }
    match root.get("version").map(|v| (v, v.as_u64())) {
        None => return fail("version", ProblemKind::Missing),
        Some((_, Some(v))) if v > BACKUP_VERSION => {
            return fail("version", ProblemKind::NewerVersion { found: v, supported: BACKUP_VERSION })
        }
        Some((_, Some(BACKUP_VERSION))) => {}
        Some((v, _)) => return fail("version", ProblemKind::UnknownVersion { found: v.to_string() }),
    }
    let Some(list) = root.get("maps") else { return fail("maps", ProblemKind::Missing) };
    match list.as_array() {
        Some(list) => Ok(list),
        None => fail("maps", ProblemKind::WrongType(super::Expected::List)),
    }
}
