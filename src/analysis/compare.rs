//! What changed between two versions of a map: a baseline and the map months
//! later, a snapshot and today, or maps of one partnership from two sources.
//! Stakeholders, links and sectors added, removed and changed (which fields, old
//! → new); each stakeholder's metrics before and after; the findings resolved and
//! the new ones.
//!
//! Things are matched by id first, then, among those left, by name with case
//! and spacing ignored (maps from different sources give one organisation
//! different ids). Links are matched by id, then by their two ends and kind, then
//! by their two ends. `O(n + m)` besides the two analyses.

use super::findings::Code;
use super::{analyze, Analysis};
use crate::letter_case::lower;
use crate::model::{Link, Map, Stakeholder};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The difference from an older map to a newer one.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    pub stakeholders: Changes,
    pub links: Changes,
    pub sectors: Changes,
    /// Each stakeholder in both maps whose metrics moved, in the newer map's order.
    pub metrics: Vec<MetricChange>,
    /// Findings of the older map no longer found, and findings only the newer has.
    pub findings_resolved: Vec<FindingRef>,
    pub findings_new: Vec<FindingRef>,
}

/// What was added, removed and changed of one sort of thing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changes {
    /// In the newer map only (its ids and names).
    pub added: Vec<Named>,
    /// In the older map only (its ids and names).
    pub removed: Vec<Named>,
    /// In both, with fields that differ (the newer map's id and name).
    pub changed: Vec<Changed>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    /// A stakeholder's or sector's name; a link's "From → To".
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Changed {
    pub id: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// One field's value before and after, as text (a kind or link type by its code,
/// sectors by their names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// A stakeholder's metrics in the older map and in the newer one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricChange {
    pub id: String,
    pub name: String,
    pub degree: [f64; 2],
    pub betweenness: [f64; 2],
    pub eigenvector: [f64; 2],
    /// Its community in each map, counted from 1. The numbers of two maps are
    /// their own: what compares is who shares one.
    pub community: [Option<u32>; 2],
}

/// A finding by its code and subjects, as ids of the map it is found in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingRef {
    pub code: Code,
    pub subjects: Vec<String>,
}

/// Metrics closer than this count as unchanged (the analysis is exact to 1e-9).
const SAME: f64 = 1e-9;

/// How `old` became `new`.
pub fn compare(old: &Map, new: &Map) -> Comparison {
    compare_analysed(old, &analyze(old), new, &analyze(new))
}

/// [`compare`] of maps already analysed.
pub fn compare_analysed(
    old: &Map,
    old_analysis: &Analysis,
    new: &Map,
    new_analysis: &Analysis,
) -> Comparison {
    let people = pair_up(
        &old.stakeholders.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect::<Vec<_>>(),
        &new.stakeholders.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect::<Vec<_>>(),
    );
    let sectors = pair_up(
        &old.sectors.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect::<Vec<_>>(),
        &new.sectors.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect::<Vec<_>>(),
    );
    let mut comparison = Comparison::default();

    // Sectors.
    for (i, sector) in old.sectors.iter().enumerate() {
        let Some(j) = sectors[i] else {
            comparison.sectors.removed.push(Named { id: sector.id.to_string(), name: sector.name.clone() });
            continue;
        };
        let now = &new.sectors[j];
        let colour =
            |c: &Option<crate::model::Color>| c.as_ref().map_or_else(String::new, |c| c.as_str().to_string());
        let mut fields = Vec::new();
        field(&mut fields, "name", &sector.name, &now.name);
        field(&mut fields, "color", &colour(&sector.color), &colour(&now.color));
        if !fields.is_empty() {
            comparison.sectors.changed.push(Changed {
                id: now.id.to_string(),
                name: now.name.clone(),
                fields,
            });
        }
    }
    let matched_sectors: Vec<bool> = matched_in_new(&sectors, new.sectors.len());
    for (sector, _) in new.sectors.iter().zip(&matched_sectors).filter(|(_, matched)| !**matched) {
        comparison.sectors.added.push(Named { id: sector.id.to_string(), name: sector.name.clone() });
    }

    // Stakeholders and their metrics.
    for (i, person) in old.stakeholders.iter().enumerate() {
        let Some(j) = people[i] else {
            comparison
                .stakeholders
                .removed
                .push(Named { id: person.id.to_string(), name: person.name.clone() });
            continue;
        };
        let now = &new.stakeholders[j];
        let fields = stakeholder_fields(old, person, new, now);
        if !fields.is_empty() {
            comparison.stakeholders.changed.push(Changed {
                id: now.id.to_string(),
                name: now.name.clone(),
                fields,
            });
        }
    }
    let matched_people = matched_in_new(&people, new.stakeholders.len());
    for (j, person) in new.stakeholders.iter().enumerate() {
        if !matched_people[j] {
            comparison
                .stakeholders
                .added
                .push(Named { id: person.id.to_string(), name: person.name.clone() });
        }
    }
    let old_of_new: Vec<Option<usize>> = {
        let mut back = vec![None; new.stakeholders.len()];
        for (i, j) in people.iter().enumerate() {
            if let Some(j) = j {
                back[*j] = Some(i);
            }
        }
        back
    };
    for (j, now) in new.stakeholders.iter().enumerate() {
        let (Some(i), Some(after)) = (old_of_new[j], new_analysis.metrics.get(j)) else { continue };
        let Some(before) = old_analysis.metrics.get(i) else { continue };
        let moved = (before.degree - after.degree).abs() > SAME
            || (before.betweenness - after.betweenness).abs() > SAME
            || (before.eigenvector - after.eigenvector).abs() > SAME;
        if moved {
            comparison.metrics.push(MetricChange {
                id: now.id.to_string(),
                name: now.name.clone(),
                degree: [before.degree, after.degree],
                betweenness: [before.betweenness, after.betweenness],
                eigenvector: [before.eigenvector, after.eigenvector],
                community: [before.community.map(|c| c + 1), after.community.map(|c| c + 1)],
            });
        }
    }

    // Links, their ends seen through the stakeholders' pairing.
    compare_links(old, new, &people, &mut comparison.links);

    // Findings: an old finding whose subjects, carried over to the new map, name
    // the same finding there is unchanged.
    let mut carried: HashMap<&str, &str> = HashMap::new();
    for (i, j) in people.iter().enumerate() {
        if let Some(j) = j {
            carried.insert(old.stakeholders[i].id.as_str(), new.stakeholders[*j].id.as_str());
        }
    }
    for (i, j) in sectors.iter().enumerate() {
        if let Some(j) = j {
            carried.insert(old.sectors[i].id.as_str(), new.sectors[*j].id.as_str());
        }
    }
    let key = |code: Code, mut subjects: Vec<String>| {
        subjects.sort_unstable();
        (code, subjects)
    };
    let new_keys: Vec<(Code, Vec<String>)> =
        new_analysis.findings.iter().map(|f| key(f.code, f.subjects.clone())).collect();
    let old_keys: Vec<(Code, Vec<String>)> = old_analysis
        .findings
        .iter()
        .map(|f| {
            let subjects = f
                .subjects
                .iter()
                .map(|id| carried.get(id.as_str()).map_or_else(|| id.clone(), |c| c.to_string()));
            key(f.code, subjects.collect())
        })
        .collect();
    let (in_new, in_old): (HashSet<_>, HashSet<_>) = (new_keys.iter().collect(), old_keys.iter().collect());
    for (f, k) in old_analysis.findings.iter().zip(&old_keys) {
        if !in_new.contains(k) {
            comparison.findings_resolved.push(FindingRef { code: f.code, subjects: f.subjects.clone() });
        }
    }
    for (f, k) in new_analysis.findings.iter().zip(&new_keys) {
        if !in_old.contains(k) {
            comparison.findings_new.push(FindingRef { code: f.code, subjects: f.subjects.clone() });
        }
    }
    comparison
}

/// A name as it is matched: lower case, spaces trimmed and runs of them as one.
fn normalised(name: &str) -> String {
    lower(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// For each of `old` (id, name), its partner in `new`: the same id, else the same
/// normalised name among those not yet paired (each partner used once).
fn pair_up(old: &[(&str, &str)], new: &[(&str, &str)]) -> Vec<Option<usize>> {
    let by_id: HashMap<&str, usize> = new.iter().enumerate().map(|(j, (id, _))| (*id, j)).collect();
    let mut taken = vec![false; new.len()];
    let mut pairs: Vec<Option<usize>> = old
        .iter()
        .map(|(id, _)| {
            let j = *by_id.get(id)?;
            taken[j] = true;
            Some(j)
        })
        .collect();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, (_, name)) in new.iter().enumerate().rev() {
        if !taken[j] {
            by_name.entry(normalised(name)).or_default().push(j);
        }
    }
    for (i, (_, name)) in old.iter().enumerate() {
        if pairs[i].is_none() {
            pairs[i] = by_name.get_mut(&normalised(name)).and_then(Vec::pop);
        }
    }
    pairs
}

/// Which of `len` things of the newer map have a partner in the older.
fn matched_in_new(pairs: &[Option<usize>], len: usize) -> Vec<bool> {
    let mut matched = vec![false; len];
    for j in pairs.iter().flatten() {
        matched[*j] = true;
    }
    matched
}

fn field(fields: &mut Vec<FieldChange>, name: &'static str, before: &str, after: &str) {
    if before != after {
        fields.push(FieldChange { field: name, before: before.to_string(), after: after.to_string() });
    }
}

fn stakeholder_fields(old: &Map, before: &Stakeholder, new: &Map, after: &Stakeholder) -> Vec<FieldChange> {
    let sectors = |map: &Map, s: &Stakeholder| {
        let mut names: Vec<&str> =
            s.sectors.iter().filter_map(|id| map.sector(id)).map(|sector| sector.name.as_str()).collect();
        names.sort_unstable();
        names.join(", ")
    };
    let resources = |s: &Stakeholder| s.resources.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    let mut fields = Vec::new();
    field(&mut fields, "name", &before.name, &after.name);
    field(&mut fields, "kind", before.kind.code(), after.kind.code());
    field(&mut fields, "sectors", &sectors(old, before), &sectors(new, after));
    field(&mut fields, "power", &before.power.get().to_string(), &after.power.get().to_string());
    field(&mut fields, "interest", &before.interest.get().to_string(), &after.interest.get().to_string());
    field(&mut fields, "stance", &before.stance.get().to_string(), &after.stance.get().to_string());
    field(&mut fields, "resources", &resources(before), &resources(after));
    field(&mut fields, "notes", &before.notes, &after.notes);
    fields
}

/// Links matched by id (with the same ends), then by ends and kind, then by ends.
fn compare_links(old: &Map, new: &Map, people: &[Option<usize>], out: &mut Changes) {
    let old_index: HashMap<&str, usize> =
        old.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let new_index: HashMap<&str, usize> =
        new.stakeholders.iter().enumerate().map(|(j, s)| (s.id.as_str(), j)).collect();
    // A link's ends as indices of the newer map (an end gone since is `None`).
    let ends_then = |l: &Link| {
        let end = |id: &str| old_index.get(id).and_then(|&i| people[i]);
        (end(l.from.as_str()), end(l.to.as_str()))
    };
    let ends_now =
        |l: &Link| (new_index.get(l.from.as_str()).copied(), new_index.get(l.to.as_str()).copied());
    let same_ends = |a: (Option<usize>, Option<usize>), b: (Option<usize>, Option<usize>), directed: bool| {
        a.0.is_some() && a.1.is_some() && (a == b || (!directed && a == (b.1, b.0)))
    };
    let mut taken = vec![false; new.links.len()];
    let mut partner: Vec<Option<usize>> = vec![None; old.links.len()];
    let by_id: HashMap<&str, usize> = new.links.iter().enumerate().map(|(j, l)| (l.id.as_str(), j)).collect();
    for (i, link) in old.links.iter().enumerate() {
        if let Some(&j) = by_id.get(link.id.as_str()) {
            if same_ends(ends_then(link), ends_now(&new.links[j]), link.directed && new.links[j].directed) {
                partner[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    // The links left in the newer map, by their two ends (either way round).
    let unordered = |(a, b): (usize, usize)| (a.min(b), a.max(b));
    let mut by_ends: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, l) in new.links.iter().enumerate().filter(|(j, _)| !taken[*j]) {
        if let (Some(a), Some(b)) = ends_now(l) {
            by_ends.entry(unordered((a, b))).or_default().push(j);
        }
    }
    for with_kind in [true, false] {
        for (i, link) in old.links.iter().enumerate() {
            let then = ends_then(link);
            let (Some(a), Some(b), None) = (then.0, then.1, partner[i]) else { continue };
            let Some(candidates) = by_ends.get(&unordered((a, b))) else { continue };
            let found = candidates.iter().copied().find(|&j| {
                let l = &new.links[j];
                !taken[j]
                    && (!with_kind || l.kind == link.kind)
                    && same_ends(then, ends_now(l), link.directed && l.directed)
            });
            if let Some(j) = found {
                partner[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    let name = |map: &Map, l: &Link| {
        let of = |id: &crate::model::StakeholderId| {
            map.stakeholder(id).map_or_else(|| id.to_string(), |s| s.name.clone())
        };
        format!("{} → {}", of(&l.from), of(&l.to))
    };
    for (i, link) in old.links.iter().enumerate() {
        let Some(j) = partner[i] else {
            out.removed.push(Named { id: link.id.to_string(), name: name(old, link) });
            continue;
        };
        let now = &new.links[j];
        let mut fields = Vec::new();
        field(&mut fields, "kind", link.kind.code(), now.kind.code());
        field(&mut fields, "directed", &link.directed.to_string(), &now.directed.to_string());
        field(&mut fields, "strength", &link.strength.get().to_string(), &now.strength.get().to_string());
        field(&mut fields, "notes", &link.notes, &now.notes);
        if !fields.is_empty() {
            out.changed.push(Changed { id: now.id.to_string(), name: name(new, now), fields });
        }
    }
    for (j, link) in new.links.iter().enumerate() {
        if !taken[j] {
            out.added.push(Named { id: link.id.to_string(), name: name(new, link) });
        }
    }
}

/// The columns of [`Comparison::to_csv`].
pub const CSV_COLUMNS: &[&str] = &["Thing", "Change", "ID", "Name", "Field", "Before", "After"];

impl Comparison {
    /// Whether the two maps are the same in every way compared.
    pub fn is_empty(&self) -> bool {
        *self == Comparison::default()
    }

    /// The comparison as one CSV table, a row per thing added or removed, per
    /// field changed and per metric moved, and per finding resolved or new (its
    /// subjects' ids in the ID column).
    pub fn to_csv(&self) -> String {
        use crate::format::csv_tables::{text, write};
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (thing, changes) in
            [("stakeholder", &self.stakeholders), ("link", &self.links), ("sector", &self.sectors)]
        {
            for (change, list) in [("added", &changes.added), ("removed", &changes.removed)] {
                for n in list {
                    rows.push(vec![
                        thing.into(),
                        change.into(),
                        text(&n.id),
                        text(&n.name),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
            for c in &changes.changed {
                for f in &c.fields {
                    rows.push(vec![
                        thing.into(),
                        "changed".into(),
                        text(&c.id),
                        text(&c.name),
                        f.field.into(),
                        text(&f.before),
                        text(&f.after),
                    ]);
                }
            }
        }
        let community = |c: Option<u32>| c.map_or_else(String::new, |c| c.to_string());
        for m in &self.metrics {
            for (name, [before, after]) in
                [("degree", m.degree), ("betweenness", m.betweenness), ("eigenvector", m.eigenvector)]
            {
                rows.push(vec![
                    "metric".into(),
                    "changed".into(),
                    text(&m.id),
                    text(&m.name),
                    name.into(),
                    before.to_string(),
                    after.to_string(),
                ]);
            }
            rows.push(vec![
                "metric".into(),
                "changed".into(),
                text(&m.id),
                text(&m.name),
                "community".into(),
                community(m.community[0]),
                community(m.community[1]),
            ]);
        }
        for (change, list) in [("resolved", &self.findings_resolved), ("new", &self.findings_new)] {
            for f in list {
                rows.push(vec![
                    "finding".into(),
                    change.into(),
                    text(&f.subjects.join(" ")),
                    f.code.as_str().into(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        write(CSV_COLUMNS, rows.into_iter())
    }
}
