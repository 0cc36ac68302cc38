//! Findings about the shape of the network: cut-off stakeholders, silos, single
//! points of failure.

use super::{Code, Context, Detail, Finding};
use crate::analysis::thresholds::MIN_PART;

/// `gatekeeper`: removing the stakeholder splits its group into parts of which at
/// least two have at least `MIN_PART` stakeholders.
pub fn gatekeepers(cx: &Context, out: &mut Vec<Finding>) {
    for (v, parts) in &cx.cuts.articulation_points {
        if parts.iter().filter(|&&size| size >= MIN_PART).count() >= 2 {
            let mut sizes = parts.clone();
            sizes.sort_unstable_by(|a, b| b.cmp(a));
            out.push(Finding::new(Code::Gatekeeper, vec![cx.id(*v)], Detail::Parts(sizes)));
        }
    }
}

/// `isolated`: no link to any other stakeholder.
pub fn isolated(cx: &Context, out: &mut Vec<Finding>) {
    for v in 0..cx.map.stakeholders.len() {
        if cx.graph.degree(v) == 0 {
            out.push(Finding::new(Code::Isolated, vec![cx.id(v)], Detail::None));
        }
    }
}

/// `disconnected-groups`: more than one group of at least `MIN_PART`. Subjects are
/// the members of every such group but the largest (ties: the group whose first
/// stakeholder comes earliest in the map), in map order.
pub fn disconnected_groups(cx: &Context, out: &mut Vec<Finding>) {
    // Groups are ordered by their first member, so `max_by_key` keeping the first
    // of equals picks the earliest on ties.
    let sizable: Vec<&Vec<usize>> = cx.groups.members.iter().filter(|g| g.len() >= MIN_PART).collect();
    if sizable.len() < 2 {
        return;
    }
    let mut largest = 0;
    for (i, group) in sizable.iter().enumerate() {
        if group.len() > sizable[largest].len() {
            largest = i;
        }
    }
    let mut subjects: Vec<usize> = sizable
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != largest)
        .flat_map(|(_, g)| g.iter().copied())
        .collect();
    subjects.sort_unstable();
    let sizes = sizable.iter().map(|g| g.len()).collect();
    out.push(Finding::new(
        Code::DisconnectedGroups,
        subjects.into_iter().map(|v| cx.id(v)).collect(),
        Detail::Parts(sizes),
    ));
}

/// `fragile-bridge`: a bridge whose removal leaves two sides of at least `MIN_PART`.
pub fn fragile_bridges(cx: &Context, out: &mut Vec<Finding>) {
    for &((a, b), (side_a, side_b)) in &cx.cuts.bridges {
        if side_a >= MIN_PART && side_b >= MIN_PART {
            out.push(Finding::new(
                Code::FragileBridge,
                vec![cx.id(a), cx.id(b)],
                Detail::Parts(vec![side_a, side_b]),
            ));
        }
    }
}
