//! Pentahelix coverage: which of Academia, Business, Community, Government and
//! Media take part.

use crate::model::{Map, StakeholderKind};

/// The five helices, in the order findings list them.
pub const HELICES: [StakeholderKind; 5] = [
    StakeholderKind::Government,
    StakeholderKind::Business,
    StakeholderKind::Community,
    StakeholderKind::Academia,
    StakeholderKind::Media,
];

/// The helices present and those missing, each in [`HELICES`] order.
pub fn coverage(map: &Map) -> (Vec<StakeholderKind>, Vec<StakeholderKind>) {
    HELICES.iter().partition(|kind| map.stakeholders.iter().any(|s| s.kind == **kind))
}
