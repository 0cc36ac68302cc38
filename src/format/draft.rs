//! A map read from another tool's file (a spreadsheet, a Kumu project, GraphML,
//! GEXF or PRSM), waiting for the user's choice of kinds in the import preview: its
//! stakeholders and links as the file wrote them, the free-text types with the kinds
//! they seem to mean, and every row or element that could not be used as written.
//! Every reader builds one; `Draft::build` makes the map.

use super::field_names::{score, strengths_of};
use super::kind_words::{kind_of, link_kind_of};
use super::xml::decimal;
use crate::i18n::Lang;
use crate::model::{
    fresh_id, Link, LinkId, LinkKind, Map, PosInWorld, Resource, Score, Sector, SectorId, Stakeholder,
    StakeholderId, StakeholderKind, Stance, Strength,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where a problem is, as the person who made the file would find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A spreadsheet row (as the spreadsheet counts rows), or an item of a JSON list.
    Row {
        sheet: String,
        row: usize,
        /// The column's letter and header, such as `B (To)`.
        column: Option<String>,
    },
    /// An element of a GraphML, GEXF or PRSM file: what it is (`node`, `edge`), its
    /// id as the file writes it, and for XML its line.
    Element { what: &'static str, id: String, line: Option<u32> },
    /// The file as a whole.
    File,
}

impl Place {
    /// A spreadsheet row, or an item of a list.
    pub fn row(sheet: &str, row: usize) -> Self {
        Place::Row { sheet: sheet.into(), row, column: None }
    }

    fn describe(&self, lang: Lang) -> Option<String> {
        Some(match (self, lang) {
            (Place::Row { sheet, row, column: Some(c) }, Lang::En) => {
                format!("{sheet}, row {row}, column {c}")
            }
            (Place::Row { sheet, row, column: Some(c) }, Lang::Id) => {
                format!("{sheet}, baris {row}, kolom {c}")
            }
            (Place::Row { sheet, row, column: None }, Lang::En) => format!("{sheet}, row {row}"),
            (Place::Row { sheet, row, column: None }, Lang::Id) => format!("{sheet}, baris {row}"),
            (Place::Element { what, id, line: Some(line) }, Lang::En) => {
                format!("{what} “{id}” (line {line})")
            }
            (Place::Element { what, id, line: Some(line) }, Lang::Id) => {
                format!("{what} “{id}” (baris {line})")
            }
            (Place::Element { what, id, line: None }, _) => format!("{what} “{id}”"),
            (Place::File, _) => return None,
        })
    }
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
    /// A second element with an id already taken; it is left out.
    SameId { id: String },
    /// An edge joining more than two nodes (a GraphML hyperedge); it is left out.
    Hyperedge,
    /// Times (GEXF spells, `start` and `end`): the map shows the network as a whole.
    TimesIgnored,
    /// Link weights outside 1–3, scaled to strengths 1–3 (lowest to 1, highest to 3).
    WeightsScaled { low: String, high: String },
    /// Node sizes, read as power 1–5 (smallest to 1, largest to 5) for want of a power.
    SizesAsPower { low: String, high: String },
    /// Node colours, offered as types for want of a type attribute.
    ColoursAsTypes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub place: Place,
    pub kind: RowProblemKind,
}

impl RowProblem {
    pub fn describe(&self, lang: Lang) -> String {
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
            (RowProblemKind::SameId { id }, Lang::En) => {
                format!("the id “{id}” is already taken by an earlier element; this one is left out")
            }
            (RowProblemKind::SameId { id }, Lang::Id) => {
                format!("id “{id}” sudah dipakai elemen sebelumnya; elemen ini dilewati")
            }
            (RowProblemKind::Hyperedge, Lang::En) => {
                "a hyperedge joins more than two nodes, which a link cannot; it is left out".into()
            }
            (RowProblemKind::Hyperedge, Lang::Id) => {
                "hyperedge menghubungkan lebih dari dua simpul, yang tidak bisa dilakukan hubungan; dilewati"
                    .into()
            }
            (RowProblemKind::TimesIgnored, Lang::En) => {
                "times (spells, start and end) are left out: the map shows the network as a whole".into()
            }
            (RowProblemKind::TimesIgnored, Lang::Id) => {
                "waktu (spell, start dan end) dilewati: peta menampilkan jaringan secara keseluruhan".into()
            }
            (RowProblemKind::WeightsScaled { low, high }, Lang::En) => {
                format!("link weights from {low} to {high} are scaled to strengths 1 to 3")
            }
            (RowProblemKind::WeightsScaled { low, high }, Lang::Id) => {
                format!("bobot hubungan dari {low} sampai {high} diskalakan menjadi kekuatan 1 sampai 3")
            }
            (RowProblemKind::SizesAsPower { low, high }, Lang::En) => {
                format!("no power is given, so node sizes from {low} to {high} are read as power 1 to 5")
            }
            (RowProblemKind::SizesAsPower { low, high }, Lang::Id) => {
                format!("kekuasaan tidak tercantum, jadi ukuran simpul dari {low} sampai {high} dibaca sebagai kekuasaan 1 sampai 5")
            }
            (RowProblemKind::ColoursAsTypes, Lang::En) => {
                "nodes have colours but no type: each colour is offered as a type, to give a kind".into()
            }
            (RowProblemKind::ColoursAsTypes, Lang::Id) => {
                "simpul berwarna tetapi tanpa tipe: setiap warna ditawarkan sebagai tipe untuk diberi jenis"
                    .into()
            }
        };
        match self.place.describe(lang) {
            Some(place) => format!("{place}: {what}"),
            None => what,
        }
    }
}

/// A stakeholder as its row said it, before the kinds are chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftStakeholder {
    pub id: Option<String>,
    pub name: String,
    pub type_text: String,
    pub notes: String,
    /// Sector names, matched to the draft's declared sectors or made new ones.
    pub sectors: Vec<String>,
    /// Ids of declared sectors (Simpul's own GraphML); when given, the names are not used.
    pub sector_ids: Vec<String>,
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
            sector_ids: Vec::new(),
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
    /// The link's id in the file, kept when it is a valid, unused id.
    pub id: Option<String>,
    pub from: usize,
    pub to: usize,
    pub type_text: String,
    pub directed: bool,
    pub strength: Strength,
    pub notes: String,
}

/// A file read and understood, waiting for the user's choice of kinds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub title: String,
    pub description: String,
    /// Sectors the file declares with their ids and colours (Simpul's own GraphML,
    /// yEd's groups). A stakeholder's sector names are matched to these first, by
    /// name; other names become new sectors.
    pub sectors: Vec<Sector>,
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
        for sector in &self.sectors {
            if map.sector(&sector.id).is_none() && !sector.id.as_str().is_empty() {
                sector_by_name.entry(sector.name.to_lowercase()).or_insert(map.sectors.len());
                map.sectors.push(sector.clone());
            }
        }
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
            for id in &s.sector_ids {
                let id = SectorId::new(id.as_str());
                if map.sector(&id).is_some() && !stakeholder.sectors.contains(&id) {
                    stakeholder.sectors.push(id);
                }
            }
            let names = if s.sector_ids.is_empty() { &s.sectors[..] } else { &[] };
            for name in names {
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
        // A link without an id of its own gets `l<n>`, never one another link has in the file.
        let file_ids: HashSet<&str> = self.links.iter().filter_map(|l| l.id.as_deref()).collect();
        let mut taken_links: HashSet<String> = HashSet::new();
        for (n, l) in self.links.iter().enumerate() {
            let id = match &l.id {
                Some(id) if !id.is_empty() && taken_links.insert(id.clone()) => id.clone(),
                _ => {
                    fresh_id(&format!("l{}", n + 1), "l", |c| taken_links.contains(c) || file_ids.contains(c))
                }
            };
            taken_links.insert(id.clone());
            let mut link = Link::new(LinkId::new(id), ids[l.from].clone(), ids[l.to].clone());
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

/// `raw` as a whole number in `min..=max` ([`score`]), or `default`, with an
/// out-of-scale problem at `place` when `raw` held something else.
pub(super) fn scaled(
    raw: &str,
    (min, max, default): (i64, i64, i64),
    place: impl FnOnce() -> Place,
    problems: &mut Vec<RowProblem>,
) -> i64 {
    score(raw, min, max).unwrap_or_else(|| {
        if !raw.is_empty() {
            let kind = RowProblemKind::OutOfScale { value: raw.into(), min, max, used: default };
            problems.push(RowProblem { place: place(), kind });
        }
        default
    })
}

/// Gives `links` the strengths their `weights` make ([`strengths_of`]), and says at
/// `place` when the weights were scaled.
pub(super) fn strengths_from_weights(
    links: &mut [DraftLink],
    weights: &[Option<f64>],
    place: Place,
    problems: &mut Vec<RowProblem>,
) {
    let (strengths, scaled) = strengths_of(weights);
    for (link, strength) in links.iter_mut().zip(strengths) {
        link.strength = strength;
    }
    if let Some((low, high)) = scaled {
        let kind = RowProblemKind::WeightsScaled { low: decimal(low), high: decimal(high) };
        problems.push(RowProblem { place, kind });
    }
}

/// A label on one line: tools break long labels over lines (PRSM, yEd).
pub(super) fn one_line(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends `line` to `notes`, on a line of its own.
pub(super) fn push_line(notes: &mut String, line: &str) {
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
