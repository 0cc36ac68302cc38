//! Connected groups: in the order of their first member, members in map order.

mod common;
use common::graph;
use simpul_graph::connected_groups;

#[test]
fn groups_follow_the_map_order() {
    let g = connected_groups(&graph(6, &[(3, 5), (0, 4), (4, 1)]));
    assert_eq!(g.members, vec![vec![0, 1, 4], vec![2], vec![3, 5]]);
    assert_eq!(g.group_of, vec![0, 0, 1, 2, 0, 2]);
}

#[test]
fn no_stakeholders_no_groups() {
    let g = connected_groups(&graph(0, &[]));
    assert!(g.members.is_empty() && g.group_of.is_empty());
}
