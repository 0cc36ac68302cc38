//! Stakeholder id → position in the map, built once per analysis.

use crate::model::{Map, StakeholderId};
use std::collections::HashMap;

pub struct StakeholderIndex<'m> {
    by_id: HashMap<&'m str, usize>,
}

impl<'m> StakeholderIndex<'m> {
    pub fn new(map: &'m Map) -> Self {
        Self { by_id: map.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect() }
    }

    pub fn get(&self, id: &StakeholderId) -> Option<usize> {
        self.by_id.get(id.as_str()).copied()
    }
}
