//! Spreadsheets into maps. Sheets with a name column (Kumu's `Label`, Onodo's
//! `Name`…) hold stakeholders; sheets with `From` and `To` (or `Source` and
//! `Target`) hold links. Columns are found by their header, in English or
//! Indonesian, Kumu's names or Simpul's own. The result is a [`Draft`]: the rows
//! understood, the free-text types found with the kind each seems to mean, and every
//! row that could not be used as written, with its sheet, row and column. The user
//! corrects the kinds in a preview, then [`Draft::build`] makes the map.

use super::kumu::{kind_of, link_kind_of};
use super::sheet::{column_letter, Sheet, SheetError};
use crate::i18n::Lang;
use crate::model::{
    fresh_id, Link, LinkId, LinkKind, Map, MapPart, OverLimit, PosInWorld, Resource, Score, Sector,
    Stakeholder, StakeholderId, StakeholderKind, Stance, Strength,
};
use std::collections::{BTreeMap, HashMap, HashSet};

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

/// Where a row problem is: sheet, row (as the spreadsheet counts) and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub sheet: String,
    pub row: usize,
    /// The column's letter and header, such as `B (To)`.
    pub column: Option<String>,
}

/// A row that could not be used as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblemKind {
    /// The row has no name; it is left out.
    NoName,
    /// A second row with the same name; it is left out.
    SameName { name: String },
    /// A value outside its scale; the default is used instead.
    OutOfScale { value: String, min: i64, max: i64, used: i64 },
    /// A link end names no stakeholder, so the stakeholder is added.
    AddedFromLink { name: String },
    /// A link without one of its ends; it is left out.
    LinkWithoutEnd,
    /// A link from a stakeholder to itself; it is left out.
    SelfLink { name: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub place: Place,
    pub kind: RowProblemKind,
}

impl RowProblem {
    pub fn describe(&self, lang: Lang) -> String {
        let Place { sheet, row, column } = &self.place;
        let place = match (column, lang) {
            (Some(c), Lang::En) => format!("{sheet}, row {row}, column {c}"),
            (Some(c), Lang::Id) => format!("{sheet}, baris {row}, kolom {c}"),
            (None, Lang::En) => format!("{sheet}, row {row}"),
            (None, Lang::Id) => format!("{sheet}, baris {row}"),
        };
        let what = match (&self.kind, lang) {
            (RowProblemKind::NoName, Lang::En) => "has no name; the row is left out".to_string(),
            (RowProblemKind::NoName, Lang::Id) => "tidak bernama; baris ini dilewati".to_string(),
            (RowProblemKind::SameName { name }, Lang::En) => {
                format!("“{name}” is already on an earlier row; this row is left out")
            }
            (RowProblemKind::SameName { name }, Lang::Id) => {
                format!("“{name}” sudah ada di baris sebelumnya; baris ini dilewati")
            }
            (RowProblemKind::OutOfScale { value, min, max, used }, Lang::En) => {
                format!("“{value}” is not a whole number from {min} to {max}; {used} is used")
            }
            (RowProblemKind::OutOfScale { value, min, max, used }, Lang::Id) => {
                format!("“{value}” bukan bilangan bulat dari {min} sampai {max}; dipakai {used}")
            }
            (RowProblemKind::AddedFromLink { name }, Lang::En) => {
                format!("no stakeholder is called “{name}”, so it is added")
            }
            (RowProblemKind::AddedFromLink { name }, Lang::Id) => {
                format!("tidak ada pemangku kepentingan bernama “{name}”, jadi ditambahkan")
            }
            (RowProblemKind::LinkWithoutEnd, Lang::En) => {
                "the link lacks one of its ends; the row is left out".into()
            }
            (RowProblemKind::LinkWithoutEnd, Lang::Id) => {
                "hubungan ini tidak lengkap ujungnya; baris ini dilewati".into()
            }
            (RowProblemKind::SelfLink { name }, Lang::En) => {
                format!("the link joins “{name}” to itself; the row is left out")
            }
            (RowProblemKind::SelfLink { name }, Lang::Id) => {
                format!("hubungan ini menghubungkan “{name}” dengan dirinya sendiri; baris ini dilewati")
            }
        };
        format!("{place}: {what}")
    }
}

/// A stakeholder as its row said it, before the kinds are chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftStakeholder {
    pub id: Option<String>,
    pub name: String,
    pub type_text: String,
    pub notes: String,
    pub sectors: Vec<String>,
    pub power: Score,
    pub interest: Score,
    pub stance: Stance,
    pub resources: Vec<Resource>,
    pub pos_in_world: Option<PosInWorld>,
    pub pinned: bool,
}

impl DraftStakeholder {
    /// A stakeholder known only by name, with the file format's defaults.
    pub fn named(name: &str) -> Self {
        Self {
            id: None,
            name: name.into(),
            type_text: String::new(),
            notes: String::new(),
            sectors: Vec::new(),
            power: Score::DEFAULT,
            interest: Score::DEFAULT,
            stance: Stance::DEFAULT,
            resources: Vec::new(),
            pos_in_world: None,
            pinned: false,
        }
    }
}

/// A link between two draft stakeholders (their positions in the draft).
#[derive(Clone, Debug, PartialEq)]
pub struct DraftLink {
    pub from: usize,
    pub to: usize,
    pub type_text: String,
    pub directed: bool,
    pub strength: Strength,
    pub notes: String,
}

/// A spreadsheet read and understood, waiting for the user's choice of kinds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub title: String,
    pub description: String,
    pub stakeholders: Vec<DraftStakeholder>,
    pub links: Vec<DraftLink>,
    pub problems: Vec<RowProblem>,
}

/// A free-text type found in the file, how often, and the kind it seems to mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeGuess<K> {
    /// The type as first written in the file.
    pub type_text: String,
    /// The type in lower case: the key of the user's choice in [`Draft::build`].
    pub key: String,
    pub count: usize,
    pub kind: K,
}

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

impl Draft {
    /// Every stakeholder type in the file, most frequent first, with the kind it
    /// seems to mean. An empty type is listed too (as "").
    pub fn stakeholder_types(&self) -> Vec<TypeGuess<StakeholderKind>> {
        guesses(self.stakeholders.iter().map(|s| s.type_text.as_str()), |t| kind_of(t).0)
    }

    /// Every link type in the file, with the kind it seems to mean.
    pub fn link_types(&self) -> Vec<TypeGuess<LinkKind>> {
        guesses(self.links.iter().map(|l| l.type_text.as_str()), link_kind_of)
    }

    /// The map, with each type given the kind chosen for it (or its guess).
    pub fn build(
        &self,
        kinds: &BTreeMap<String, StakeholderKind>,
        link_kinds: &BTreeMap<String, LinkKind>,
    ) -> Map {
        self.build_in(Lang::En, kinds, link_kinds)
    }

    /// [`Draft::build`], with the line that keeps a file's own type in the notes
    /// written in `lang` (the user's language: the notes are theirs to read).
    pub fn build_in(
        &self,
        lang: Lang,
        kinds: &BTreeMap<String, StakeholderKind>,
        link_kinds: &BTreeMap<String, LinkKind>,
    ) -> Map {
        let type_line = |text: &str| [lang.pick("Type: ", "Tipe: "), text].concat();
        let mut map = Map::new(self.title.clone());
        map.description = self.description.clone();
        let mut sector_by_name: HashMap<String, usize> = HashMap::new();
        let mut taken_ids: HashSet<String> = HashSet::new();
        let mut ids = Vec::with_capacity(self.stakeholders.len());
        for s in &self.stakeholders {
            let id = match &s.id {
                Some(id) if taken_ids.insert(id.clone()) => id.clone(),
                _ => {
                    let id = fresh_id(&s.name, "s", |c| taken_ids.contains(c));
                    taken_ids.insert(id.clone());
                    id
                }
            };
            let id = StakeholderId::new(id);
            ids.push(id.clone());
            let key = s.type_text.trim().to_lowercase();
            let kind = kinds.get(&key).copied().unwrap_or_else(|| kind_of(&s.type_text).0);
            let mut notes = s.notes.clone();
            // A type that is not a kind's code is kept, so nothing in the file is lost.
            if !s.type_text.is_empty() && StakeholderKind::from_code(&key).is_none() {
                push_line(&mut notes, &type_line(&s.type_text));
            }
            let mut stakeholder = Stakeholder::new(id, s.name.clone());
            stakeholder.kind = kind;
            stakeholder.notes = notes;
            stakeholder.power = s.power;
            stakeholder.interest = s.interest;
            stakeholder.stance = s.stance;
            stakeholder.resources = s.resources.clone();
            stakeholder.pos_in_world = s.pos_in_world;
            stakeholder.pinned = s.pinned;
            for name in &s.sectors {
                let index = *sector_by_name.entry(name.to_lowercase()).or_insert_with(|| {
                    let id = map.fresh_sector_id(name);
                    map.sectors.push(Sector { id, name: name.clone(), color: None });
                    map.sectors.len() - 1
                });
                let id = map.sectors[index].id.clone();
                if !stakeholder.sectors.contains(&id) {
                    stakeholder.sectors.push(id);
                }
            }
            map.stakeholders.push(stakeholder);
        }
        for (n, l) in self.links.iter().enumerate() {
            let mut link =
                Link::new(LinkId::new(format!("l{}", n + 1)), ids[l.from].clone(), ids[l.to].clone());
            let key = l.type_text.trim().to_lowercase();
            link.kind = link_kinds.get(&key).copied().unwrap_or_else(|| link_kind_of(&l.type_text));
            link.directed = l.directed;
            link.strength = l.strength;
            let mut notes = l.notes.clone();
            if !l.type_text.is_empty() && LinkKind::from_code(&key).is_none() {
                push_line(&mut notes, &type_line(&l.type_text));
            }
            link.notes = notes;
            map.links.push(link);
        }
        map
    }
}

/// Appends `line` to `notes`, on a line of its own.
fn push_line(notes: &mut String, line: &str) {
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}

/// Distinct types (compared in lower case, shown as first written), most frequent first.
fn guesses<'a, K: Copy>(
    types: impl Iterator<Item = &'a str>,
    guess: impl Fn(&str) -> K,
) -> Vec<TypeGuess<K>> {
    let mut found: Vec<TypeGuess<K>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for t in types {
        let key = t.trim().to_lowercase();
        match index.get(&key) {
            Some(&i) => found[i].count += 1,
            None => {
                index.insert(key.clone(), found.len());
                found.push(TypeGuess { type_text: t.trim().to_string(), key, count: 1, kind: guess(t) });
            }
        }
    }
    found.sort_by_key(|guess| std::cmp::Reverse(guess.count));
    found
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
