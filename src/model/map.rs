//! A whole stakeholder map and the lookups every other module needs.

use super::entities::{Link, Sector, Stakeholder};
use super::ids::{LinkId, SectorId, StakeholderId};
use super::vote::Vote;
use serde::Serialize;

/// A map: its sectors, stakeholders and links, in the order the user made them.
///
/// The order is meaningful (tables, ties in analysis) and is kept by the file format.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Map {
    pub title: String,
    pub description: String,
    pub sectors: Vec<Sector>,
    pub stakeholders: Vec<Stakeholder>,
    pub links: Vec<Link>,
    /// The dot votes rooms held on this map, oldest first (the file's optional
    /// `votes`, which readers before it ignore).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
}

impl Map {
    pub fn new(title: impl Into<String>) -> Self {
        Self { title: title.into(), ..Self::default() }
    }

    /// The same map with no positions or pins: the part that analysis reads.
    pub fn without_layout(&self) -> Map {
        let mut map = self.clone();
        for s in &mut map.stakeholders {
            s.pos_in_world = None;
            s.pinned = false;
        }
        map
    }

    pub fn sector(&self, id: &SectorId) -> Option<&Sector> {
        self.sectors.iter().find(|s| &s.id == id)
    }

    pub fn stakeholder(&self, id: &StakeholderId) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| &s.id == id)
    }

    pub fn link(&self, id: &LinkId) -> Option<&Link> {
        self.links.iter().find(|l| &l.id == id)
    }

    pub fn vote(&self, id: &str) -> Option<&Vote> {
        self.votes.iter().find(|v| v.id == id)
    }

    /// The vote the room holds now, if one is open (the latest).
    pub fn open_vote(&self) -> Option<&Vote> {
        self.votes.iter().rev().find(|v| v.open)
    }

    pub fn sector_index(&self, id: &SectorId) -> Option<usize> {
        self.sectors.iter().position(|s| &s.id == id)
    }

    pub fn stakeholder_index(&self, id: &StakeholderId) -> Option<usize> {
        self.stakeholders.iter().position(|s| &s.id == id)
    }

    pub fn link_index(&self, id: &LinkId) -> Option<usize> {
        self.links.iter().position(|l| &l.id == id)
    }

    /// A readable id derived from `name` that no sector uses yet.
    pub fn fresh_sector_id(&self, name: &str) -> SectorId {
        SectorId::new(fresh_id(name, "sector", |c| self.sector(&SectorId::new(c)).is_some()))
    }

    /// A readable id derived from `name` that no stakeholder uses yet.
    pub fn fresh_stakeholder_id(&self, name: &str) -> StakeholderId {
        StakeholderId::new(fresh_id(name, "s", |c| self.stakeholder(&StakeholderId::new(c)).is_some()))
    }

    /// The next free link id of the form `l1`, `l2`, ….
    pub fn fresh_link_id(&self) -> LinkId {
        self.fresh_link_id_by("")
    }

    /// A fresh link id that carries `author` (`l-<author>`, `l-<author>-1`, …): in a
    /// workshop room each participant has their own, so two links drawn at the
    /// same moment on two phones never get the same id (one would replace the other).
    pub fn fresh_link_id_by(&self, author: &str) -> LinkId {
        let base = if author.is_empty() { String::new() } else { format!("l {author}") };
        LinkId::new(fresh_id(&base, "l", |c| self.link(&LinkId::new(c)).is_some()))
    }
}

/// Turns `name` into a short lowercase slug (`Dinas Lingkungan Hidup` → `dinas-lingkungan-hidup`),
/// falling back to `fallback`, and appends a number until `taken` says no.
pub fn fresh_id(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for c in crate::letter_case::lower(name).chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 32 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { fallback } else { slug };
    if !slug.is_empty() && !taken(base) {
        return base.to_string();
    }
    (1u64..)
        .map(|n| format!("{base}{}{n}", if slug.is_empty() { "" } else { "-" }))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_readable_and_unique() {
        let mut map = Map::new("t");
        let id = map.fresh_stakeholder_id("Dinas Lingkungan Hidup (DLH)");
        assert_eq!(id.as_str(), "dinas-lingkungan-hidup-dlh");
        map.stakeholders.push(Stakeholder::new(id.clone(), "x"));
        assert_eq!(
            map.fresh_stakeholder_id("Dinas Lingkungan Hidup (DLH)").as_str(),
            "dinas-lingkungan-hidup-dlh-1"
        );
        assert_eq!(map.fresh_stakeholder_id("!!!").as_str(), "s1");
        assert_eq!(map.fresh_link_id().as_str(), "l1");
        map.links.push(Link::new(LinkId::new("l1"), id.clone(), id));
        assert_eq!(map.fresh_link_id().as_str(), "l2");
        assert_eq!(map.fresh_link_id_by("3fa9c1").as_str(), "l-3fa9c1");
        map.links.push(Link::new(LinkId::new("l-3fa9c1"), StakeholderId::new("a"), StakeholderId::new("b")));
        assert_eq!(map.fresh_link_id_by("3fa9c1").as_str(), "l-3fa9c1-1");
    }
}
