//! The names by which spreadsheets and other tools' files call Simpul's fields, and
//! readers of the values they hold. Shared by the spreadsheet reader and the
//! readers of networks with attributes (GraphML, GEXF, PRSM).

use crate::i18n::Lang;
use crate::model::{Resource, Strength};

/// What a column or attribute means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Id,
    Name,
    Type,
    Description,
    Tags,
    Power,
    Interest,
    Stance,
    Resources,
    X,
    Y,
    Pinned,
    From,
    To,
    /// Gephi's and Onodo's name for a link's first end; where a sheet has both,
    /// `From` and `To` are dates (Onodo) and these are the ends.
    Source,
    Target,
    FromId,
    ToId,
    Direction,
    Strength,
    /// A number of any range (Gephi, networkx), scaled to strengths 1–3.
    Weight,
    /// What Simpul computes and its exports write (`Community`): not read back.
    Computed,
}

/// Each field with the names (lower case) that mean it: Kumu's, Onodo's, Gephi's,
/// PRSM's and Simpul's own, in English and Indonesian.
const NAMES: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "simpul id"]),
    (
        Field::Name,
        &[
            "label",
            "name",
            "nama",
            "stakeholder",
            "pemangku kepentingan",
            "actor",
            "aktor",
            "factor",
            "faktor",
        ],
    ),
    (
        Field::Type,
        &[
            "type",
            "kind",
            "jenis",
            "tipe",
            "category",
            "kategori",
            "group",
            "kelompok",
            "style",
            "relation type",
            "relationship",
            "relationship type",
            "jenis hubungan",
        ],
    ),
    (Field::Description, &["description", "deskripsi", "notes", "note", "catatan", "keterangan"]),
    (Field::Tags, &["tags", "tag", "sectors", "sector", "sektor"]),
    (Field::Power, &["power", "kekuasaan", "kuasa"]),
    (Field::Interest, &["interest", "kepentingan", "minat"]),
    (Field::Stance, &["stance", "sikap"]),
    (Field::Resources, &["resources", "sumber daya"]),
    (Field::X, &["x"]),
    (Field::Y, &["y"]),
    (Field::Pinned, &["pinned", "disematkan"]),
    (Field::From, &["from", "dari"]),
    (Field::Source, &["source", "sumber"]),
    (Field::To, &["to", "ke"]),
    (Field::Target, &["target", "tujuan"]),
    (Field::FromId, &["from id"]),
    (Field::ToId, &["to id"]),
    (Field::Direction, &["direction", "arah"]),
    (Field::Strength, &["strength", "kekuatan hubungan"]),
    (Field::Weight, &["weight", "bobot"]),
    (Field::Computed, &["community", "komunitas"]),
];

/// The field a column header or attribute name means, if any (any case; `_` as a space).
pub(super) fn field_of(name: &str) -> Option<Field> {
    let key = name.trim().to_lowercase().replace('_', " ");
    NAMES.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(field, _)| *field)
}

/// A whole number in `min..=max`, written as `3`, `+1` or `3.0`.
pub(super) fn score(raw: &str, min: i64, max: i64) -> Option<i64> {
    let raw = raw.trim();
    let whole = raw.strip_suffix(".0").or_else(|| raw.strip_suffix(",0")).unwrap_or(raw);
    whole.parse::<i64>().ok().filter(|v| (min..=max).contains(v))
}

/// A decimal number (a position), by the JSON number reader the app already has.
pub(super) fn number_of(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    serde_json::from_str::<f64>(raw).ok().filter(|v| v.is_finite())
}

/// Several values in one cell, separated by `|` (Kumu) or `;`.
pub(super) fn several(cell: &str) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for value in cell.split(['|', ';']).map(str::trim).filter(|v| !v.is_empty()) {
        if !values.iter().any(|v| v.eq_ignore_ascii_case(value)) {
            values.push(value.to_string());
        }
    }
    values
}

/// A resource by its code, or by its English or Indonesian name.
pub(super) fn resource_of(raw: &str) -> Option<Resource> {
    let lower = raw.trim().to_lowercase();
    Resource::from_code(&lower.replace(' ', "_")).or_else(|| {
        Resource::ALL.iter().copied().find(|&r| {
            [Lang::En, Lang::Id]
                .iter()
                .any(|&lang| crate::i18n::vocabulary::resource(r, lang).to_lowercase() == lower)
        })
    })
}

pub(super) fn yes(raw: &str) -> bool {
    matches!(raw.trim().to_lowercase().as_str(), "true" | "yes" | "ya" | "1" | "y")
}

/// A direction written in words: Kumu's `directed`/`mutual`, Gephi's `Directed`/
/// `Undirected` in the languages Gephi is translated into, or plain words. `None`
/// when the text says no direction (it is then, for a `Type` column, a type).
pub(super) fn direction_of(raw: &str) -> Option<bool> {
    const ONE_WAY: &[&str] = &[
        "directed",
        "one-way",
        "one way",
        "->",
        "satu arah",
        "berarah",
        "gerichtet",
        "dirigé",
        "orienté",
        "dirigido",
        "direcionado",
        "diretto",
        "orientato",
        "orientovaná",
        "направленный",
        "有向",
    ];
    const TWO_WAY: &[&str] = &[
        "undirected",
        "mutual",
        "two-way",
        "two way",
        "<->",
        "--",
        "dua arah",
        "tidak berarah",
        "ungerichtet",
        "non dirigé",
        "non orienté",
        "no dirigido",
        "não direcionado",
        "não dirigido",
        "non diretto",
        "non orientato",
        "neorientovaná",
        "ненаправленный",
        "无向",
        "無向",
    ];
    let word = raw.trim().to_lowercase();
    if ONE_WAY.contains(&word.as_str()) {
        Some(true)
    } else if TWO_WAY.contains(&word.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// Link weights as strengths 1–3: as they are when every weight is a whole number
/// from 1 to 3, otherwise scaled (the lowest weight to 1, the highest to 3, evenly
/// between). Also returns the range scaled, for the preview to say so. A missing
/// weight is the default strength.
pub(super) fn strengths_of(weights: &[Option<f64>]) -> (Vec<Strength>, Option<(f64, f64)>) {
    let present = weights.iter().flatten().copied().filter(|w| w.is_finite());
    let (low, high) = present.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), w| (lo.min(w), hi.max(w)));
    let as_is = weights.iter().flatten().all(|&w| w.fract() == 0.0 && (1.0..=3.0).contains(&w));
    let strength = |weight: Option<f64>| -> Strength {
        let Some(w) = weight.filter(|w| w.is_finite()) else { return Strength::DEFAULT };
        let level = if as_is {
            w
        } else if high > low {
            1.0 + 2.0 * (w - low) / (high - low)
        } else {
            Strength::DEFAULT.get().into()
        };
        Strength::new(level.round() as i64).unwrap_or_default()
    };
    let scaled = (!as_is && low.is_finite()).then_some((low, high));
    (weights.iter().map(|&w| strength(w)).collect(), scaled)
}
