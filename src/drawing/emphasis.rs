//! What the picture brings forward: a finding's subjects, or one stakeholder and
//! its neighbours (focus). Everything else is dimmed.

use crate::model::Map;
use std::collections::HashSet;

/// Per stakeholder and per sector: lit or dimmed. `None` lights everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Emphasis {
    pub stakeholders: Option<Vec<bool>>,
    pub sectors: Option<Vec<bool>>,
}

impl Emphasis {
    /// Lights the stakeholders and sectors whose ids are `subjects` (a finding's);
    /// a sector subject also lights its members.
    pub fn subjects(map: &Map, subjects: &[String]) -> Self {
        let ids: HashSet<&str> = subjects.iter().map(String::as_str).collect();
        let sectors: Vec<bool> = map.sectors.iter().map(|s| ids.contains(s.id.as_str())).collect();
        let stakeholders = map
            .stakeholders
            .iter()
            .map(|s| ids.contains(s.id.as_str()) || s.sectors.iter().any(|x| ids.contains(x.as_str())))
            .collect();
        Self { stakeholders: Some(stakeholders), sectors: Some(sectors) }
    }

    /// Lights stakeholder `center`, everyone linked to it, and its sectors.
    pub fn focus(map: &Map, center: usize) -> Self {
        let Some(me) = map.stakeholders.get(center) else { return Self::default() };
        let mut lit: HashSet<&str> = HashSet::from([me.id.as_str()]);
        for link in &map.links {
            if link.from == me.id {
                lit.insert(link.to.as_str());
            } else if link.to == me.id {
                lit.insert(link.from.as_str());
            }
        }
        Self {
            stakeholders: Some(map.stakeholders.iter().map(|s| lit.contains(s.id.as_str())).collect()),
            sectors: Some(map.sectors.iter().map(|s| me.sectors.contains(&s.id)).collect()),
        }
    }

    pub fn stakeholder_lit(&self, i: usize) -> bool {
        self.stakeholders.as_ref().is_none_or(|lit| lit.get(i).copied().unwrap_or(true))
    }

    pub fn sector_lit(&self, i: usize) -> bool {
        self.sectors.as_ref().is_none_or(|lit| lit.get(i).copied().unwrap_or(true))
    }

    pub fn is_active(&self) -> bool {
        self.stakeholders.is_some()
    }
}
