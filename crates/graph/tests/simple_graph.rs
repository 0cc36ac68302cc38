//! The compressed sparse rows: neighbours sorted and distinct, both directions kept.

mod common;
use common::graph;
use simpul_graph::SimpleGraph;

#[test]
fn neighbours_are_sorted_and_each_pair_is_counted_once() {
    let g = graph(4, &[(2, 0), (0, 1), (0, 2), (3, 0)]);
    assert_eq!(g.node_count(), 4);
    assert_eq!(g.edge_count(), 3);
    assert_eq!(g.neighbors(0), [1, 2, 3]);
    assert_eq!(g.neighbors(2), [0]);
    assert_eq!(g.degree(0), 3);
    assert!(g.has_edge(3, 0) && g.has_edge(0, 3));
    assert!(!g.has_edge(1, 2));
}

#[test]
fn an_empty_graph_has_no_vertices() {
    let g = SimpleGraph::default();
    assert_eq!(g.node_count(), 0);
    assert_eq!(g.edge_count(), 0);
    let isolated = graph(3, &[]);
    assert_eq!(isolated.node_count(), 3);
    assert!(isolated.neighbors(1).is_empty());
}
