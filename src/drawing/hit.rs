//! What is under the pointer.

use super::look::{radius, HUB_RADIUS};
use crate::layout::MapLayout;
use crate::model::{Map, PosInWorld};

/// The stakeholder drawn at `p` (the topmost: the last drawn), within `slack`
/// world units of its outline. `O(n)`.
pub fn stakeholder_at(map: &Map, layout: &MapLayout, p: PosInWorld, slack: f64) -> Option<usize> {
    map.stakeholders.iter().enumerate().rev().find_map(|(i, s)| {
        let c = layout.pos_in_world(i)?;
        let reach = radius(s.power) + slack;
        ((c.x - p.x).powi(2) + (c.y - p.y).powi(2) <= reach * reach).then_some(i)
    })
}

/// The sector hub at `p`, as a sector index.
pub fn hub_at(map: &Map, layout: &MapLayout, p: PosInWorld, slack: f64) -> Option<usize> {
    let first = layout.first_hub();
    (0..map.sectors.len()).rev().find(|&h| {
        layout.simulation().position(first + h).is_some_and(|(x, y)| {
            let reach = HUB_RADIUS + slack;
            (x - p.x).powi(2) + (y - p.y).powi(2) <= reach * reach
        })
    })
}
