//! The messages between the page and the background worker (src/worker.rs).
//! The worker reads the files and answers with a preview; the page answers with
//! the kind chosen for each type; the worker builds the map and answers with its
//! `.simpul.json` text, which the page opens like any map file. So the page needs
//! no spreadsheet code at all, only JSON it already reads.

use super::import_error::ImportError;
use super::spreadsheet::{Draft, TypeGuess};
use crate::i18n::Lang;
use crate::model::{LinkKind, StakeholderKind};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// `{"refused": {"en", "id"}}` for files that could not be read at all.
pub fn refusal(error: &ImportError) -> Value {
    json!({ "refused": { "en": error.message(Lang::En), "id": error.message(Lang::Id) } })
}

/// `{"preview": {title, stakeholders, links, types, link_types, problems}}`: each
/// type as `[key, as written, rows, guessed kind code]`, each problem `[en, id]`.
pub fn preview(draft: &Draft) -> Value {
    fn types<K: Copy>(guesses: Vec<TypeGuess<K>>, code: fn(K) -> &'static str) -> Value {
        guesses.into_iter().map(|t| json!([t.key, t.type_text, t.count, code(t.kind)])).collect()
    }
    let problems: Vec<Value> =
        draft.problems.iter().map(|p| json!([p.describe(Lang::En), p.describe(Lang::Id)])).collect();
    json!({ "preview": {
        "title": draft.title,
        "stakeholders": draft.stakeholders.len(),
        "links": draft.links.len(),
        "types": types(draft.stakeholder_types(), StakeholderKind::code),
        "link_types": types(draft.link_types(), LinkKind::code),
        "problems": problems,
    }})
}

/// The page's choices, `{"kinds": {key: code}, "link_kinds": {key: code}}`; unknown
/// codes are ignored (the guess stands).
/// The language the user imports in (`"lang"`), English if unsaid.
pub fn language(request: &Value) -> crate::i18n::Lang {
    request["lang"].as_str().and_then(crate::i18n::Lang::from_tag).unwrap_or(crate::i18n::Lang::En)
}

pub fn choices(request: &Value) -> (BTreeMap<String, StakeholderKind>, BTreeMap<String, LinkKind>) {
    fn read<K>(value: &Value, from: fn(&str) -> Option<K>) -> BTreeMap<String, K> {
        value
            .as_object()
            .map(|o| o.iter().filter_map(|(k, v)| Some((k.clone(), from(v.as_str()?)?))).collect())
            .unwrap_or_default()
    }
    (read(&request["kinds"], StakeholderKind::from_code), read(&request["link_kinds"], LinkKind::from_code))
}

/// A type found in the file: its key, as written, how many rows, the guessed kind code.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeRow {
    pub key: String,
    pub shown: String,
    pub count: u64,
    pub guess: String,
}

/// The worker's preview ([`preview`]) as the page reads it back.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetPreview {
    pub title: String,
    pub stakeholders: u64,
    pub links: u64,
    pub types: Vec<TypeRow>,
    pub link_types: Vec<TypeRow>,
    /// Each problem in English and Indonesian.
    pub problems: Vec<(String, String)>,
}

impl SheetPreview {
    pub fn from_answer(answer: &Value) -> Option<Self> {
        let p = answer.get("preview")?;
        let text = |v: &Value| v.as_str().unwrap_or("").to_string();
        let rows = |v: &Value| -> Vec<TypeRow> {
            v.as_array()
                .map(|list| {
                    list.iter()
                        .map(|t| TypeRow {
                            key: text(&t[0]),
                            shown: text(&t[1]),
                            count: t[2].as_u64().unwrap_or(0),
                            guess: text(&t[3]),
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        Some(Self {
            title: text(&p["title"]),
            stakeholders: p["stakeholders"].as_u64().unwrap_or(0),
            links: p["links"].as_u64().unwrap_or(0),
            types: rows(&p["types"]),
            link_types: rows(&p["link_types"]),
            problems: p["problems"]
                .as_array()
                .map(|l| l.iter().map(|x| (text(&x[0]), text(&x[1]))).collect())
                .unwrap_or_default(),
        })
    }
}
