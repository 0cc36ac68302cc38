//! The map as a Yjs document: what everyone in a room edits at once.
//!
//! Layout of the document (kept stable: other clients of the room read it too):
//! - `meta`: a map with `title` and `description`;
//! - `sectors`, `stakeholders`, `links`: maps from an element's id to a map of its
//!   fields, as the `.simpul.json` file writes them, plus `at` (its place in the
//!   list). A stakeholder's `x`, `y` and `pinned` are there only while it is pinned:
//!   each browser lays out the rest itself.
//! - `votes`: the same for the map's dot votes, except that each voter's dots are
//!   an entry of their own (`dot:<voter>`, a list of option keys), so that a room
//!   voting at once keeps every dot.
//!
//! Each field is its own entry, so two people who change different fields of one
//! stakeholder at once both keep their change; the same field, and the last write
//! wins everywhere alike.
//!
//! Reading goes through the file reader ([`crate::format::decode_value`]), so a
//! peer's update is checked as strictly as a file: an element that would make the
//! map invalid keeps its last valid version (or stays out), and the problem is
//! reported, never applied.

use crate::format::{Decoding, Expected, Problem, ProblemKind, CURRENT_VERSION, FORMAT_NAME};
use crate::model::{LinkId, Map, MapPart, OverLimit, SectorId, StakeholderId, Vote, VoteProblem};
use serde_json::{Map as Object, Value};
use std::collections::HashMap;
use yrs::{Any, Doc, Map as _, MapPrelim, MapRef, Out, ReadTxn, Transact, TransactionMut};

/// The lists of a map, in the order the file holds them.
const LISTS: [&str; 4] = ["sectors", "stakeholders", "links", "votes"];

/// The prefix of a vote's entries that hold one voter's dots.
const DOTS_OF: &str = "dot:";

/// The most elements of the list `key` a map may hold.
fn limit(key: &str) -> usize {
    MapPart::ALL.into_iter().find(|p| p.file_key() == key).map_or(Vote::MAX_VOTES, MapPart::limit)
}

/// The map of one room as a Yjs document.
pub struct MapDoc {
    doc: Doc,
    meta: MapRef,
    lists: [MapRef; 4],
    /// The last map read without problems: what an invalid element falls back to.
    last_good: Map,
}

/// The map the document holds now, and what in it could not be applied.
#[derive(Debug, Default)]
pub struct Reading {
    pub map: Map,
    pub problems: Vec<Problem>,
}

impl Default for MapDoc {
    fn default() -> Self {
        Self::with_doc(Doc::new())
    }
}

impl MapDoc {
    /// A document with a fixed client id (tests, and a client that rejoins keeps
    /// its own).
    pub fn with_client_id(client_id: u64) -> Self {
        Self::with_doc(Doc::with_client_id(client_id & ((1 << 53) - 1)))
    }

    fn with_doc(doc: Doc) -> Self {
        let meta = doc.get_or_insert_map("meta");
        let lists = LISTS.map(|key| doc.get_or_insert_map(key));
        Self { doc, meta, lists, last_good: Map::default() }
    }

    pub fn doc(&self) -> &Doc {
        &self.doc
    }

    /// The shared types an undo manager watches.
    pub fn roots(&self) -> impl Iterator<Item = &MapRef> {
        std::iter::once(&self.meta).chain(&self.lists)
    }

    /// Writes what changed from `before` to `after` (the page's map before and
    /// after one edit) as one transaction of `origin`: only the fields that changed,
    /// so changes others made meanwhile to other fields stay.
    pub fn write(&self, before: &Map, after: &Map, origin: &str) {
        let mut txn = self.doc.transact_mut_with(origin);
        for (key, old, new) in
            [("title", &before.title, &after.title), ("description", &before.description, &after.description)]
        {
            if old != new {
                self.meta.insert(&mut txn, key, new.as_str());
            }
        }
        for (key, root) in LISTS.iter().zip(&self.lists) {
            let old: HashMap<String, Object<String, Value>> = elements(before, key).into_iter().collect();
            let new = elements(after, key);
            for (at, (id, fields)) in new.iter().enumerate() {
                match (old.get(id), element(root, &txn, id)) {
                    (Some(old_fields), Some(entry)) => {
                        write_changed_fields(&mut txn, &entry, old_fields, fields)
                    }
                    // New here, or removed by someone else meanwhile: written whole.
                    _ => {
                        let mut prelim: MapPrelim =
                            fields.iter().map(|(k, v)| (k.clone(), any_of(v))).collect();
                        prelim.insert("at".into(), Any::Number(yrs::any::Number::Int(at as i64)).into());
                        root.insert(&mut txn, id.as_str(), prelim);
                    }
                }
            }
            let kept: std::collections::HashSet<&str> = new.iter().map(|(id, _)| id.as_str()).collect();
            for id in old.keys().filter(|id| !kept.contains(id.as_str())) {
                root.remove(&mut txn, id);
            }
        }
    }

    /// The map the document holds, checked as a file is. Elements that fail the
    /// check keep their last valid version, or are left out, and are listed.
    pub fn read(&mut self) -> Reading {
        let txn = self.doc.transact();
        let mut problems = Vec::new();
        let mut root = Object::new();
        root.insert("format".into(), FORMAT_NAME.into());
        root.insert("version".into(), CURRENT_VERSION.into());
        let last_good = [&self.last_good.title, &self.last_good.description];
        for (key, last) in ["title", "description"].into_iter().zip(last_good) {
            // Text, or nothing yet; anything else keeps the last valid text.
            let text = match self.meta.get(&txn, key) {
                Some(Out::Any(Any::String(s))) => s.to_string(),
                None => String::new(),
                Some(_) => {
                    problems.push(Problem::new(key, ProblemKind::WrongType(Expected::Text)));
                    last.clone()
                }
            };
            root.insert(key.into(), Value::String(text));
        }
        for (key, list) in LISTS.iter().zip(&self.lists) {
            let mut items: Vec<(f64, String, Object<String, Value>)> = list
                .iter(&txn)
                .map(|(id, out)| {
                    let mut fields = match out {
                        Out::YMap(entry) => fields_of(&entry, &txn),
                        _ => Object::new(),
                    };
                    let at = fields.remove("at").and_then(|v| v.as_f64()).unwrap_or(f64::MAX);
                    fields.insert("id".into(), Value::String(id.to_string()));
                    if *key == "votes" {
                        gather_dots(&mut fields);
                    }
                    (at, id.to_string(), fields)
                })
                .collect();
            items.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            if items.len() > limit(key) {
                let kind = match MapPart::ALL.into_iter().find(|p| p.file_key() == *key) {
                    Some(part) => ProblemKind::TooMany(OverLimit { part, count: items.len() }),
                    None => ProblemKind::BadVote(VoteProblem::TooManyVotes),
                };
                problems.push(Problem::new(*key, kind));
                items.truncate(limit(key));
            }
            let values = items.into_iter().map(|(_, _, fields)| Value::Object(fields)).collect();
            root.insert((*key).into(), Value::Array(values));
        }
        drop(txn);
        let mut root = Value::Object(root);
        // Each round sets aside the elements the reader refused; setting one aside
        // can only break elements that refer to it, so a few rounds settle.
        for _ in 0..4 {
            match Decoding::new(&root).finish() {
                Ok(map) => {
                    self.last_good = map.clone();
                    return Reading { map, problems };
                }
                Err(invalid) => {
                    let refused = refused_elements(&invalid.problems);
                    problems.extend(invalid.problems);
                    if refused.is_empty() {
                        break;
                    }
                    fall_back(&mut root, &refused, &self.last_good);
                }
            }
        }
        Reading { map: self.last_good.clone(), problems }
    }
}

/// The elements of one list of `map`, each as its id and the fields the document
/// keeps for it.
fn elements(map: &Map, key: &str) -> Vec<(String, Object<String, Value>)> {
    fn values<T: serde::Serialize>(list: &[T]) -> Vec<Value> {
        list.iter().filter_map(|e| serde_json::to_value(e).ok()).collect()
    }
    let values = match key {
        "sectors" => values(&map.sectors),
        "stakeholders" => values(&map.stakeholders),
        "links" => values(&map.links),
        _ => values(&map.votes),
    };
    values
        .into_iter()
        .filter_map(|value| match value {
            Value::Object(mut fields) => {
                let id = fields.remove("id")?.as_str()?.to_string();
                // Where an unpinned stakeholder sits is each browser's own layout.
                if key == "stakeholders" && fields.get("pinned") != Some(&Value::Bool(true)) {
                    fields.remove("x");
                    fields.remove("y");
                }
                if let Some(Value::Object(dots)) = fields.remove("dots") {
                    fields.extend(dots.into_iter().map(|(voter, keys)| ([DOTS_OF, &voter].concat(), keys)));
                }
                Some((id, fields))
            }
            _ => None,
        })
        .collect()
}

fn element(root: &MapRef, txn: &TransactionMut, id: &str) -> Option<MapRef> {
    match root.get(txn, id) {
        Some(Out::YMap(entry)) => Some(entry),
        _ => None,
    }
}

fn write_changed_fields(
    txn: &mut TransactionMut,
    entry: &MapRef,
    old: &Object<String, Value>,
    new: &Object<String, Value>,
) {
    for (key, value) in new {
        if old.get(key) != Some(value) {
            entry.insert(txn, key.as_str(), any_of(value));
        }
    }
    for key in old.keys().filter(|key| !new.contains_key(*key)) {
        entry.remove(txn, key);
    }
}

fn fields_of<T: ReadTxn>(entry: &MapRef, txn: &T) -> Object<String, Value> {
    entry
        .iter(txn)
        .filter_map(|(key, out)| match out {
            Out::Any(any) => Some((key.to_string(), value_of(&any))),
            _ => None,
        })
        .collect()
}

/// A JSON value as Yjs stores it.
pub(crate) fn any_of(value: &Value) -> Any {
    match value {
        Value::Null => Any::Null,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) => Any::Number(match n.as_i64() {
            Some(whole) => yrs::any::Number::Int(whole),
            None => yrs::any::Number::Float(n.as_f64().unwrap_or(0.0)),
        }),
        Value::String(s) => Any::String(s.as_str().into()),
        Value::Array(items) => Any::Array(items.iter().map(any_of).collect()),
        Value::Object(fields) => {
            Any::Map(std::sync::Arc::new(fields.iter().map(|(k, v)| (k.clone(), any_of(v))).collect()))
        }
    }
}

/// A Yjs value as JSON. Whole numbers become integers (a JavaScript client writes
/// every number as a float), so that a power of 3 reads as the file's 3; binary
/// data becomes null, which the reader reports as a wrong type.
pub(crate) fn value_of(any: &Any) -> Value {
    match any {
        Any::Null | Any::Undefined | Any::Buffer(_) => Value::Null,
        Any::Bool(b) => Value::Bool(*b),
        Any::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(whole), _) if whole.abs() < 1 << 53 => Value::from(whole),
            (_, Some(x)) => serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number),
            _ => Value::Null,
        },
        Any::String(s) => Value::String(s.to_string()),
        Any::Array(items) => Value::Array(items.iter().map(value_of).collect()),
        Any::Map(fields) => Value::Object(fields.iter().map(|(k, v)| (k.clone(), value_of(v))).collect()),
    }
}

/// A vote's `dot:<voter>` entries back into the file's `dots` object.
fn gather_dots(fields: &mut Object<String, Value>) {
    let voters: Vec<String> = fields.keys().filter(|k| k.starts_with(DOTS_OF)).cloned().collect();
    let mut dots = Object::new();
    for entry in voters {
        if let Some(keys) = fields.remove(&entry) {
            dots.insert(entry[DOTS_OF.len()..].to_string(), keys);
        }
    }
    fields.insert("dots".into(), Value::Object(dots));
}

/// The elements the reader's problems name, as (list, index): `stakeholders[3].power`.
fn refused_elements(problems: &[Problem]) -> Vec<(&'static str, usize)> {
    let mut refused: Vec<(&'static str, usize)> = problems
        .iter()
        .filter_map(|problem| {
            let key = LISTS.iter().find(|key| problem.path.starts_with(&format!("{key}[")))?;
            let rest = &problem.path[key.len() + 1..];
            let index = rest[..rest.find(']')?].parse().ok()?;
            Some((*key, index))
        })
        .collect();
    refused.sort_unstable();
    refused.dedup();
    refused
}

/// Puts back each refused element's last valid version, or leaves it out.
fn fall_back(root: &mut Value, refused: &[(&'static str, usize)], last_good: &Map) {
    for key in LISTS {
        let Some(Value::Array(items)) = root.get_mut(key) else { continue };
        let mut index = 0;
        items.retain_mut(|item| {
            let this = index;
            index += 1;
            if !refused.contains(&(key, this)) {
                return true;
            }
            let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
            match last_valid(last_good, key, id) {
                Some(previous) if previous != *item => {
                    *item = previous;
                    true
                }
                _ => false,
            }
        });
    }
}

/// The last valid version of the element `id` of the list `key`, as the file
/// writes it. (An unpinned stakeholder has no position there: the document never
/// holds one.)
fn last_valid(last_good: &Map, key: &str, id: &str) -> Option<Value> {
    let value = match key {
        "sectors" => serde_json::to_value(last_good.sector(&SectorId::new(id))?),
        "stakeholders" => serde_json::to_value(last_good.stakeholder(&StakeholderId::new(id))?),
        "links" => serde_json::to_value(last_good.link(&LinkId::new(id))?),
        _ => serde_json::to_value(last_good.vote(id)?),
    };
    value.ok()
}
