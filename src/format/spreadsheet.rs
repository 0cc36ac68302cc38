//! Spreadsheets into maps. Sheets with a name column (Kumu's `Label`, Onodo's
//! `Name`…) hold stakeholders; sheets with `From` and `To` (or `Source` and
//! `Target`) hold links. Columns are found by their header, in English or
//! Indonesian, Kumu's names or Simpul's own. The result is a [`Draft`]: the rows
//! understood, the free-text types found with the kind each seems to mean, and every
//! row that could not be used as written, with its sheet, row and column. The user
//! corrects the kinds in a preview, then [`Draft::build`] makes the map.

use super::draft::push_line;
pub use super::draft::{Draft, DraftLink, DraftStakeholder, Place, RowProblem, RowProblemKind, TypeGuess};
use super::sheet::{column_letter, Sheet, SheetError};
use crate::i18n::Lang;
use crate::model::{MapPart, OverLimit, PosInWorld, Resource, Score, Stance, Strength};
use std::collections::{HashMap, HashSet};

/// What each column means, with the headers (lower case) that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
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
    FromId,
    ToId,
    Direction,
    Strength,
}

const HEADERS: &[(Field, &[&str])] = &[
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
    (Field::From, &["from", "source", "dari", "sumber"]),
    (Field::To, &["to", "target", "ke", "tujuan"]),
    (Field::FromId, &["from id"]),
    (Field::ToId, &["to id"]),
    (Field::Direction, &["direction", "arah"]),
    (Field::Strength, &["strength", "weight", "bobot", "kekuatan hubungan"]),
];

/// The column of each field in a header row, and its header for messages.
struct Columns(HashMap<Field, (usize, String)>);

impl Columns {
    fn of(header: &[String]) -> Self {
        let mut found = HashMap::new();
        for (i, cell) in header.iter().enumerate() {
            let key = cell.trim().to_lowercase().replace('_', " ");
            if let Some((field, _)) = HEADERS.iter().find(|(_, names)| names.contains(&key.as_str())) {
                found.entry(*field).or_insert((i, cell.trim().to_string()));
            }
        }
        Columns(found)
    }

    fn has(&self, field: Field) -> bool {
        self.0.contains_key(&field)
    }

    fn get<'r>(&self, row: &'r [String], field: Field) -> &'r str {
        self.0.get(&field).and_then(|(i, _)| row.get(*i)).map_or("", |s| unformula(s.trim()).trim())
    }

    fn place(&self, sheet: &str, row: usize, field: Field) -> Place {
        let column = self.0.get(&field).map(|(i, header)| format!("{} ({header})", column_letter(*i)));
        Place { sheet: sheet.into(), row, column }
    }

    /// The whole number in `field` within `(min, max)`, or `default`, with a problem
    /// at `(sheet, row)` when the cell held something else.
    fn scale(
        &self,
        row: &[String],
        field: Field,
        (min, max, default): (i64, i64, i64),
        (sheet, number): (&str, usize),
        problems: &mut Vec<RowProblem>,
    ) -> i64 {
        let raw = self.get(row, field);
        score(raw, min, max).unwrap_or_else(|| {
            if !raw.is_empty() {
                let kind = RowProblemKind::OutOfScale { value: raw.into(), min, max, used: default };
                problems.push(RowProblem { place: self.place(sheet, number, field), kind });
            }
            default
        })
    }

    /// The description, then each of the `extras` columns as a line `Header: value`.
    fn notes(&self, row: &[String], extras: &[(usize, &str)]) -> String {
        let mut notes = self.get(row, Field::Description).to_string();
        for (i, header) in extras {
            if let Some(value) = row.get(*i).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                push_line(&mut notes, &format!("{header}: {value}"));
            }
        }
        notes
    }

    /// Columns no field claims: kept in the notes as `Header: value`.
    fn extras<'h>(&self, header: &'h [String]) -> Vec<(usize, &'h str)> {
        let used: HashSet<usize> = self.0.values().map(|(i, _)| *i).collect();
        header
            .iter()
            .enumerate()
            .filter(|(i, h)| !used.contains(i) && !h.trim().is_empty())
            .map(|(i, h)| (i, h.trim()))
            .collect()
    }
}

/// Simpul's CSV export writes text that a spreadsheet would run as a formula (or
/// that starts with an apostrophe) after an apostrophe; reading it back removes it.
fn unformula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

/// Reads the sheets into a draft titled `title`.
pub fn draft(sheets: &[Sheet], title: &str) -> Result<Draft, SheetError> {
    let mut draft = Draft { title: title.to_string(), ..Draft::default() };
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let is_links = |c: &Columns| {
        (c.has(Field::From) && c.has(Field::To)) || (c.has(Field::FromId) && c.has(Field::ToId))
    };
    let tables: Vec<(&Sheet, Columns)> =
        sheets.iter().filter_map(|s| s.rows.first().map(|h| (s, Columns::of(h)))).collect();
    if !tables.iter().any(|(_, c)| is_links(c) || c.has(Field::Name)) {
        return Err(SheetError::NothingToImport);
    }
    // Stakeholders first, so that links can name any of them.
    for (sheet, columns) in tables.iter().filter(|(_, c)| !is_links(c) && c.has(Field::Name)) {
        let extras = columns.extras(&sheet.rows[0]);
        for (i, row) in sheet.rows.iter().enumerate().skip(1) {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let number = i + 1;
            let name = columns.get(row, Field::Name);
            let key = name.to_lowercase();
            if name.is_empty() {
                draft.problems.push(RowProblem {
                    place: columns.place(&sheet.name, number, Field::Name),
                    kind: RowProblemKind::NoName,
                });
                continue;
            }
            let id = Some(columns.get(row, Field::Id)).filter(|id| !id.is_empty()).map(String::from);
            // Rows with ids (Simpul's own export) are told apart by id, others by name.
            let seen = match &id {
                Some(id) => by_id.contains_key(id),
                None => by_name.contains_key(&key),
            };
            if seen {
                let kind = RowProblemKind::SameName { name: name.into() };
                draft
                    .problems
                    .push(RowProblem { place: columns.place(&sheet.name, number, Field::Name), kind });
                continue;
            }
            let at = (sheet.name.as_str(), number);
            let mut scale = |field, min, max, default: i64| {
                columns.scale(row, field, (min, max, default), at, &mut draft.problems)
            };
            let power = Score::new(scale(Field::Power, Score::MIN, Score::MAX, Score::DEFAULT.get().into()))
                .unwrap_or_default();
            let interest =
                Score::new(scale(Field::Interest, Score::MIN, Score::MAX, Score::DEFAULT.get().into()))
                    .unwrap_or_default();
            let stance =
                Stance::new(scale(Field::Stance, Stance::MIN, Stance::MAX, Stance::DEFAULT.get().into()))
                    .unwrap_or_default();
            let notes = columns.notes(row, &extras);
            let pos_in_world =
                match (number_of(columns.get(row, Field::X)), number_of(columns.get(row, Field::Y))) {
                    (Some(x), Some(y)) => Some(PosInWorld { x, y }),
                    _ => None,
                };
            let index = draft.stakeholders.len();
            by_name.entry(key).or_insert(index);
            if let Some(id) = &id {
                by_id.entry(id.clone()).or_insert(index);
            }
            draft.stakeholders.push(DraftStakeholder {
                id,
                name: name.to_string(),
                type_text: columns.get(row, Field::Type).to_string(),
                notes,
                sectors: several(columns.get(row, Field::Tags)),
                power,
                interest,
                stance,
                resources: several(columns.get(row, Field::Resources))
                    .iter()
                    .filter_map(|r| resource_of(r))
                    .collect(),
                pos_in_world,
                pinned: pos_in_world.is_some() && yes(columns.get(row, Field::Pinned)),
            });
        }
    }
    for (sheet, columns) in tables.iter().filter(|(_, c)| is_links(c)) {
        let extras = columns.extras(&sheet.rows[0]);
        for (i, row) in sheet.rows.iter().enumerate().skip(1) {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let number = i + 1;
            let mut end = |name_field: Field, id_field: Field, draft: &mut Draft| -> Option<usize> {
                if let Some(&index) =
                    Some(columns.get(row, id_field)).filter(|id| !id.is_empty()).and_then(|id| by_id.get(id))
                {
                    return Some(index);
                }
                let name = columns.get(row, name_field);
                if name.is_empty() {
                    return None;
                }
                let key = name.to_lowercase();
                // By name (Kumu), or by the stakeholders' ids (workbooks whose links
                // name their ends by id, as PRSM's and Onodo's may).
                if let Some(&index) = by_name.get(&key).or_else(|| by_id.get(name)) {
                    return Some(index);
                }
                // As Kumu does: a link may bring a stakeholder the stakeholders sheet lacks.
                let kind = RowProblemKind::AddedFromLink { name: name.into() };
                draft
                    .problems
                    .push(RowProblem { place: columns.place(&sheet.name, number, name_field), kind });
                let index = draft.stakeholders.len();
                by_name.insert(key, index);
                draft.stakeholders.push(DraftStakeholder::named(name));
                Some(index)
            };
            let from = end(Field::From, Field::FromId, &mut draft);
            let to = end(Field::To, Field::ToId, &mut draft);
            let (Some(from), Some(to)) = (from, to) else {
                draft.problems.push(RowProblem {
                    place: columns.place(&sheet.name, number, Field::From),
                    kind: RowProblemKind::LinkWithoutEnd,
                });
                continue;
            };
            if from == to {
                let kind = RowProblemKind::SelfLink { name: draft.stakeholders[from].name.clone() };
                draft
                    .problems
                    .push(RowProblem { place: columns.place(&sheet.name, number, Field::To), kind });
                continue;
            }
            let bounds = (Strength::MIN, Strength::MAX, Strength::DEFAULT.get().into());
            let strength =
                columns.scale(row, Field::Strength, bounds, (&sheet.name, number), &mut draft.problems);
            let notes = columns.notes(row, &extras);
            draft.links.push(DraftLink {
                from,
                to,
                type_text: columns.get(row, Field::Type).to_string(),
                directed: directed(columns.get(row, Field::Direction)),
                strength: Strength::new(strength).unwrap_or_default(),
                notes,
            });
        }
    }
    Ok(draft)
}

/// A whole number in `min..=max`, written as `3`, `+1` or `3.0`.
fn score(raw: &str, min: i64, max: i64) -> Option<i64> {
    let raw = raw.trim();
    let whole = raw.strip_suffix(".0").or_else(|| raw.strip_suffix(",0")).unwrap_or(raw);
    whole.parse::<i64>().ok().filter(|v| (min..=max).contains(v))
}

/// A decimal number (a position), by the JSON number reader the app already has.
fn number_of(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    serde_json::from_str::<f64>(raw).ok().filter(|v| v.is_finite())
}

/// Several values in one cell, separated by `|` (Kumu) or `;`.
fn several(cell: &str) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for value in cell.split(['|', ';']).map(str::trim).filter(|v| !v.is_empty()) {
        if !values.iter().any(|v| v.eq_ignore_ascii_case(value)) {
            values.push(value.to_string());
        }
    }
    values
}

/// A resource by its code, or by its English or Indonesian name.
fn resource_of(raw: &str) -> Option<Resource> {
    let lower = raw.trim().to_lowercase();
    Resource::from_code(&lower.replace(' ', "_")).or_else(|| {
        Resource::ALL.iter().copied().find(|&r| {
            [Lang::En, Lang::Id]
                .iter()
                .any(|&lang| crate::i18n::vocabulary::resource(r, lang).to_lowercase() == lower)
        })
    })
}

fn yes(raw: &str) -> bool {
    matches!(raw.trim().to_lowercase().as_str(), "true" | "yes" | "ya" | "1" | "y")
}

/// Kumu's `directed`, or one-way in other words; `mutual`, `undirected` or nothing
/// is two-way.
fn directed(raw: &str) -> bool {
    matches!(
        raw.trim().to_lowercase().as_str(),
        "directed" | "one-way" | "one way" | "->" | "satu arah" | "berarah"
    )
}

/// Reads chosen files (CSV files, an XLSX workbook, or a zip of CSV files) into one
/// draft, titled after the first file.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Draft, SheetError> {
    if let [(name, bytes)] = files {
        if let Some(root) = kumu_json(bytes) {
            let draft = super::kumu::kumu_draft(&root).map_err(|invalid| SheetError::NotKumu {
                file: name.clone(),
                detail: invalid.problems.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>().join("; "),
            })?;
            return within_limits(draft);
        }
    }
    let mut sheets = Vec::new();
    for (name, bytes) in files {
        if super::sheet::is_zip(bytes) {
            sheets.extend(super::xlsx::read_zip(name, bytes)?);
        } else {
            sheets.push(super::sheet::read_csv(name, bytes)?);
        }
    }
    let title = files.first().map_or("", |(name, _)| title_of(name));
    within_limits(draft(&sheets, title)?)
}

/// The draft, or why its map would be refused: more sectors, stakeholders or
/// links than a map may hold ([`MapPart::limit`]), said before the preview.
fn within_limits(draft: Draft) -> Result<Draft, SheetError> {
    let sectors = || {
        draft
            .stakeholders
            .iter()
            .flat_map(|s| &s.sectors)
            .map(|name| name.to_lowercase())
            .collect::<HashSet<_>>()
            .len()
    };
    let count = |part| match part {
        MapPart::Sectors => sectors(),
        MapPart::Stakeholders => draft.stakeholders.len(),
        MapPart::Links => draft.links.len(),
    };
    match MapPart::first_over(count) {
        Some((part, count)) => Err(SheetError::TooMany(OverLimit { part, count })),
        None => Ok(draft),
    }
}

/// A Kumu project or blueprint (JSON with `elements`), if these bytes are one.
fn kumu_json(bytes: &[u8]) -> Option<serde_json::Value> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let root: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    super::kumu::is_kumu(&root).then_some(root)
}

/// A map title from a file name: without its extension, nor the ` - stakeholders`
/// or ` - links` that Simpul's own CSV export adds.
pub fn title_of(file_name: &str) -> &str {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    stem.strip_suffix(" - stakeholders").or_else(|| stem.strip_suffix(" - links")).unwrap_or(stem)
}

/// Whether a chosen file, by its name, is for the spreadsheet import rather than a
/// map file.
pub fn is_spreadsheet(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    [".csv", ".tsv", ".xlsx", ".zip"].iter().any(|ext| lower.ends_with(ext))
}
