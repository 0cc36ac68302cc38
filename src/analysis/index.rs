//! Stakeholder id → position in the map, built once per analysis.

use crate::model::{Map, StakeholderId};
use std::collections::HashMap;

/// foldhash rather than the standard SipHash: resolving the links' ends was a
/// tenth of the communities' time in wasm. It is seeded per run, so a file cannot
/// choose ids that all collide.
pub type IdHasher = foldhash::fast::RandomState;

pub struct StakeholderIndex<'m> {
    by_id: HashMap<&'m str, usize, IdHasher>,
}

impl<'m> StakeholderIndex<'m> {
    pub fn new(map: &'m Map) -> Self {
        Self { by_id: map.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect() }
    }

    pub fn get(&self, id: &StakeholderId) -> Option<usize> {
        self.by_id.get(id.as_str()).copied()
    }
}

/// Each link's ends as positions in the map (`from`, `to`), in the order of
/// `map.links`; `None` for a link whose end is not on the map (impossible in a
/// validated map). Resolved once, so that the rules and the communities do not
/// look every id up again.
pub fn link_ends(map: &Map) -> Vec<Option<(usize, usize)>> {
    let index = StakeholderIndex::new(map);
    map.links.iter().map(|l| Some((index.get(&l.from)?, index.get(&l.to)?))).collect()
}
