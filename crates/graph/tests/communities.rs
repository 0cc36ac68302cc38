//! Louvain communities: hand-checked partitions and modularity, determinism, weights.

use simpul_graph::{louvain, modularity};

/// Two triangles joined by one edge: Louvain finds the triangles, Q = 5/14.
#[test]
fn two_triangles_joined_by_a_bridge_are_two_communities() {
    let edges = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)];
    let c = louvain(6, &edges);
    assert_eq!(c.of, vec![0, 0, 0, 1, 1, 1]);
    assert_eq!(c.count, 2);
    // Each triangle: 3 of 7 edges inside, degree sum 7 of 14: 2 · (3/7 − 1/4) = 5/14.
    assert!((c.modularity - 5.0 / 14.0).abs() < 1e-12, "{}", c.modularity);
}

#[test]
fn weights_decide_where_a_node_belongs() {
    // Node 2 sits between the pairs {0, 1} and {3, 4}; its heavy links pull it right.
    let edges = [(0, 1, 3.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 3.0), (2, 4, 3.0), (3, 4, 3.0)];
    let c = louvain(5, &edges);
    assert_eq!(c.of[2], c.of[3]);
    assert_ne!(c.of[2], c.of[0]);
}

#[test]
fn isolated_nodes_are_communities_of_their_own_and_no_edges_mean_no_modularity() {
    let c = louvain(3, &[]);
    assert_eq!((c.of, c.count, c.modularity), (vec![0, 1, 2], 3, 0.0));
    let c = louvain(4, &[(0, 1, 1.0)]);
    assert_eq!(c.of, vec![0, 0, 1, 2]);
}

#[test]
fn the_same_graph_gives_the_same_communities() {
    let edges: Vec<(u32, u32, f64)> =
        (0..40u32).flat_map(|v| [(v, (v + 1) % 40, 1.0), (v, (v * 7 + 3) % 40, 2.0)]).collect();
    assert_eq!(louvain(40, &edges), louvain(40, &edges));
}

#[test]
fn modularity_is_newmans() {
    // A 4-cycle split in two halves along two of its edges: 2 · (1/4 − 1/4) = 0.
    let adjacency = vec![
        vec![(1, 1.0), (3, 1.0)],
        vec![(0, 1.0), (2, 1.0)],
        vec![(1, 1.0), (3, 1.0)],
        vec![(2, 1.0), (0, 1.0)],
    ];
    assert!(modularity(&adjacency, &[0, 0, 1, 1], 2).abs() < 1e-12);
    // All in one: 1 − 1 = 0; each alone: −Σ (2/8)² = −1/4.
    assert!(modularity(&adjacency, &[0, 0, 0, 0], 1).abs() < 1e-12);
    assert!((modularity(&adjacency, &[0, 1, 2, 3], 4) + 0.25).abs() < 1e-12);
}

/// A path of twelve: the best split is three runs of four (Q = 9/11 − 162/484).
/// One order of visits alone merges unevenly (Q ≈ 0.475); a sparse map gets
/// several orders and each is refined on the way down.
#[test]
fn a_path_of_twelve_is_three_runs_of_four() {
    let edges: Vec<(u32, u32, f64)> = (1..12u32).map(|v| (v - 1, v, 1.0)).collect();
    let c = louvain(12, &edges);
    assert_eq!(c.of, vec![0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    assert!((c.modularity - (9.0 / 11.0 - 162.0 / 484.0)).abs() < 1e-12, "{}", c.modularity);
}

/// Two cliques of five joined through a sixth node that links twice to each:
/// the joint may sit on either side, and refinement must leave every clique whole.
#[test]
fn dense_cliques_stay_whole() {
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    for base in [0u32, 5] {
        for a in base..base + 5 {
            for b in a + 1..base + 5 {
                edges.push((a, b, 1.0));
            }
        }
    }
    edges.extend([(10, 0, 1.0), (10, 1, 1.0), (10, 5, 1.0), (10, 6, 1.0)]);
    let c = louvain(11, &edges);
    assert_eq!(c.count, 2);
    assert!(c.of[..5].iter().all(|&x| x == c.of[0]));
    assert!(c.of[5..10].iter().all(|&x| x == c.of[5]));
    assert_ne!(c.of[0], c.of[5]);
}
