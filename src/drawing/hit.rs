//! What is under the pointer.

use super::look::radius;
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

/// The link whose line passes within `slack` world units of `p` (the last drawn
/// wins, as for stakeholders), as an index into the map's links. O(links).
pub fn link_at(map: &Map, layout: &MapLayout, p: PosInWorld, slack: f64) -> Option<usize> {
    let ends = layout.link_ends();
    (0..map.links.len()).rev().find(|&l| {
        let Some(Some((i, j))) = ends.get(l) else { return false };
        let (Some(a), Some(b)) = (layout.pos_in_world(*i), layout.pos_in_world(*j)) else { return false };
        let reach = slack + crate::drawing::look::link_width(map.links[l].strength) / 2.0;
        distance_to_segment(p, a, b) <= reach
    })
}

/// How far `p` is from the segment from `a` to `b`.
fn distance_to_segment(p: PosInWorld, a: PosInWorld, b: PosInWorld) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.x + t * dx, a.y + t * dy);
    ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt()
}
