//! A file's JSON parsed a slice of list elements at a time: the same tree as
//! [`parse_json`], without one long call (parsing 2 MB, 5,000 stakeholders and
//! 15,000 links, took the page 60 ms at once).

use super::decode::{json_body, parse_json};
use super::problem::Invalid;
use serde_json::value::RawValue;
use serde_json::{Map as Object, Value};
use std::collections::BTreeMap;

/// [`parse_json`] in steps. [`Parsing::new`] splits the text into its top-level
/// fields and each list into its elements, as text: serde_json checks the whole
/// syntax as it splits, but builds no tree. [`Parsing::read`] then parses the
/// elements a slice at a time. Text that does not split so (not JSON, not an
/// object, too large) is parsed whole by [`Parsing::finish`], which so gives
/// `parse_json`'s answer, problems and all.
pub struct Parsing<'t> {
    text: &'t str,
    /// The top-level fields, or `None` when the text is left to `finish`.
    fields: Option<Vec<(String, Field<'t>)>>,
    /// The field, and its element, parsed next.
    at: (usize, usize),
}

enum Field<'t> {
    Parsed(Value),
    /// A list: its elements as text, and those parsed so far.
    List { elements: Vec<&'t RawValue>, parsed: Vec<Value> },
}

impl<'t> Parsing<'t> {
    /// Splits the text: one pass over it, an allocation per element.
    pub fn new(text: &'t str) -> Self {
        Self { text, fields: split(text), at: (0, 0) }
    }

    /// Parses up to `elements` more list elements; `true` once none is left.
    pub fn read(&mut self, elements: usize) -> bool {
        let Some(fields) = self.fields.as_mut() else { return true };
        let mut budget = elements;
        while let Some((_, field)) = fields.get_mut(self.at.0) {
            if let Field::List { elements, parsed } = field {
                while let Some(raw) = elements.get(self.at.1) {
                    if budget == 0 {
                        return false;
                    }
                    match serde_json::from_str(raw.get()) {
                        Ok(value) => parsed.push(value),
                        // Cannot happen for text serde_json has just split; if it
                        // does, `finish` parses the whole text and says why.
                        Err(_) => {
                            self.fields = None;
                            return true;
                        }
                    }
                    self.at.1 += 1;
                    budget -= 1;
                }
            }
            self.at = (self.at.0 + 1, 0);
        }
        true
    }

    /// The whole tree, parsing whatever is left.
    pub fn finish(mut self) -> Result<Value, Invalid> {
        self.read(usize::MAX);
        let Some(fields) = self.fields else { return parse_json(self.text) };
        let object: Object<String, Value> = fields
            .into_iter()
            .map(|(key, field)| match field {
                Field::Parsed(value) => (key, value),
                Field::List { parsed, .. } => (key, Value::Array(parsed)),
            })
            .collect();
        Ok(Value::Object(object))
    }
}

/// The top-level fields of a JSON object, lists split into their elements; `None`
/// for anything `parse_json` would refuse or not give an object for.
fn split(text: &str) -> Option<Vec<(String, Field<'_>)>> {
    // `parse_json`'s own refusals (too large, empty) are left to it.
    let body = json_body(text).ok()?;
    // A repeated key keeps its last value, as in a parsed tree.
    let fields: BTreeMap<String, &RawValue> = serde_json::from_str(body).ok()?;
    fields
        .into_iter()
        .map(|(key, raw)| {
            let field = if raw.get().starts_with('[') {
                Field::List { elements: serde_json::from_str(raw.get()).ok()?, parsed: Vec::new() }
            } else {
                Field::Parsed(serde_json::from_str(raw.get()).ok()?)
            };
            Some((key, field))
        })
        .collect()
}
