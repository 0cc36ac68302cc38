//! Spreadsheets into maps. Sheets with a name column (Kumu's `Label`, Onodo's
//! `Name`…) hold stakeholders; sheets with `From` and `To` (or `Source` and
//! `Target`) hold links. Columns are found by their header, in English or
//! Indonesian, Kumu's names or Simpul's own. The result is a [`Draft`]: the rows
//! understood, the free-text types found with the kind each seems to mean, and every
//! row that could not be used as written, with its sheet, row and column. The user
//! corrects the kinds in a preview, then [`Draft::build`] makes the map.

use super::draft::{push_line, scaled, strengths_from_weights};
pub use super::draft::{Draft, DraftLink, DraftStakeholder, Place, RowProblem, RowProblemKind, TypeGuess};
use super::field_names::{direction_of, field_of, number_of, resource_of, several, yes, Field};
use super::import_error::ImportError;
use super::sheet::{column_letter, Sheet};
use crate::model::{PosInWorld, Score, Stance, Strength};
use std::collections::{HashMap, HashSet};

/// The column of each field in a header row, and its header for messages.
struct Columns(HashMap<Field, (usize, String)>);

impl Columns {
    fn of(header: &[String]) -> Self {
        let mut found = HashMap::new();
        for (i, cell) in header.iter().enumerate() {
            if let Some(field) = field_of(cell) {
                found.entry(field).or_insert((i, cell.trim().to_string()));
            }
        }
        // `Source` and `Target` are the ends (Gephi, Onodo); beside them, Onodo's
        // `From` and `To` are dates, kept in the notes like any other column.
        if found.contains_key(&Field::Source) && found.contains_key(&Field::Target) {
            for (end, name) in [(Field::From, Field::Source), (Field::To, Field::Target)] {
                found.remove(&end);
                if let Some(column) = found.remove(&name) {
                    found.insert(end, column);
                }
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
        Place::Row { sheet: sheet.into(), row, column: self.header(field) }
    }

    /// The column of `field` as a person finds it: its letter and header, `B (To)`.
    fn header(&self, field: Field) -> Option<String> {
        self.0.get(&field).map(|(i, header)| format!("{} ({header})", column_letter(*i)))
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
        scaled(self.get(row, field), (min, max, default), || self.place(sheet, number, field), problems)
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
/// that starts with an apostrophe), white space before it or not, after an
/// apostrophe; reading it back removes it. (Exports before white space counted
/// also put one before any text that began with a tab or a carriage return.)
fn unformula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest.starts_with(['\t', '\r'])
                || rest.trim_start().starts_with(['=', '+', '-', '@', '\'']) =>
        {
            rest
        }
        _ => cell,
    }
}

/// Reads the sheets into a draft titled `title`.
pub fn draft(sheets: &[Sheet], title: &str) -> Result<Draft, ImportError> {
    let mut draft = Draft { title: title.to_string(), ..Draft::default() };
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let is_links = |c: &Columns| {
        (c.has(Field::From) && c.has(Field::To)) || (c.has(Field::FromId) && c.has(Field::ToId))
    };
    let tables: Vec<(&Sheet, Columns)> =
        sheets.iter().filter_map(|s| s.rows.first().map(|h| (s, Columns::of(h)))).collect();
    if !tables.iter().any(|(_, c)| is_links(c) || c.has(Field::Name)) {
        return Err(ImportError::NothingToImport);
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
                sector_ids: Vec::new(),
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
        let first_link = draft.links.len();
        let mut weights = Vec::new();
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
            weights.push(number_of(columns.get(row, Field::Weight)));
            // A link's label (Gephi's edge table has one) leads its notes.
            let mut notes = columns.get(row, Field::Name).to_string();
            push_line(&mut notes, &columns.notes(row, &extras));
            let notes = notes.trim().to_string();
            // Gephi's `Type` holds the direction, not a kind of link.
            let type_cell = columns.get(row, Field::Type);
            let (type_text, direction) = match direction_of(type_cell) {
                Some(directed) => ("", Some(directed)),
                None => (type_cell, direction_of(columns.get(row, Field::Direction))),
            };
            draft.links.push(DraftLink {
                id: Some(columns.get(row, Field::Id)).filter(|id| !id.is_empty()).map(String::from),
                from,
                to,
                type_text: type_text.to_string(),
                directed: direction.unwrap_or(false),
                strength: Strength::new(strength).unwrap_or_default(),
                notes,
            });
        }
        // Without a strength column, a weight column gives the strengths.
        if !columns.has(Field::Strength) && columns.has(Field::Weight) {
            let place =
                Place::Row { sheet: sheet.name.clone(), row: 1, column: columns.header(Field::Weight) };
            strengths_from_weights(&mut draft.links[first_link..], &weights, place, &mut draft.problems);
        }
    }
    Ok(draft)
}

/// A map title from a file name: without its extension, nor the ` - stakeholders`
/// or ` - links` that Simpul's own CSV export adds.
pub fn title_of(file_name: &str) -> &str {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    stem.strip_suffix(" - stakeholders").or_else(|| stem.strip_suffix(" - links")).unwrap_or(stem)
}

/// Whether a chosen file, by its name, is for the spreadsheet import rather than a
/// map file. (ASCII lower case: the page calls this, see `letter_case`.)
pub fn is_spreadsheet(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    [".csv", ".tsv", ".xlsx", ".zip"].iter().any(|ext| lower.ends_with(ext))
}
