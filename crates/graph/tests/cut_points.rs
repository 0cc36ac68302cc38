//! Articulation points and bridges, with the sizes of the parts they separate.

mod common;
use common::{graph, path, star};
use simpul_graph::{connected_groups, cut_points, CutPoints, SimpleGraph};

fn cuts(g: &SimpleGraph) -> CutPoints {
    let groups = connected_groups(g);
    cut_points(g, |v| groups.members[groups.group_of[v]].len())
}

#[test]
fn a_path_is_held_together_by_its_inner_vertices() {
    let c = cuts(&path(4));
    let points: Vec<(usize, Vec<usize>)> = c
        .articulation_points
        .into_iter()
        .map(|(v, mut parts)| {
            (v, {
                parts.sort();
                parts
            })
        })
        .collect();
    assert_eq!(points, vec![(1, vec![1, 2]), (2, vec![1, 2])]);
    assert_eq!(c.bridges, vec![((0, 1), (1, 3)), ((1, 2), (2, 2)), ((2, 3), (3, 1))]);
}

#[test]
fn a_star_s_centre_leaves_every_leaf_alone() {
    let c = cuts(&star(3));
    assert_eq!(c.articulation_points.len(), 1);
    let (centre, mut parts) = c.articulation_points[0].clone();
    parts.sort();
    assert_eq!((centre, parts), (0, vec![1, 1, 1]));
    assert_eq!(c.bridges.len(), 3);
}

#[test]
fn a_cycle_has_no_weak_point() {
    let c = cuts(&graph(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]));
    assert!(c.articulation_points.is_empty());
    assert!(c.bridges.is_empty());
}

#[test]
fn a_long_chain_does_not_overflow_the_stack() {
    let c = cuts(&path(50_000));
    assert_eq!(c.articulation_points.len(), 49_998);
    assert_eq!(c.bridges.len(), 49_999);
}
