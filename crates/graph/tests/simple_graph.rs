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

#[test]
fn numbering_in_breadth_first_order_keeps_every_link() {
    // Two groups numbered so that neighbours are far apart, and one alone.
    let g = graph(7, &[(0, 6), (6, 3), (3, 0), (1, 5), (2, 4)]);
    let (nearby, label) = g.in_breadth_first_order();
    assert_eq!(nearby.node_count(), 7);
    assert_eq!(nearby.edge_count(), g.edge_count());
    let mut labels = label.clone();
    labels.sort_unstable();
    assert_eq!(labels, (0..7).collect::<Vec<u32>>(), "each stakeholder gets its own number");
    for v in 0..7 {
        let mut moved: Vec<u32> = g.neighbors(v).iter().map(|&w| label[w as usize]).collect();
        moved.sort_unstable();
        assert_eq!(nearby.neighbors(label[v] as usize), moved.as_slice());
    }
    // A group's stakeholders are numbered one after another.
    assert_eq!([label[0], label[3], label[6]], [0, 1, 2]);
    assert_eq!([label[1], label[5]], [3, 4]);
}

#[test]
fn repeated_pairs_count_once_and_a_vertex_beyond_the_graph_is_left_out() {
    let pairs = vec![(1, 0), (0, 1), (0, 1), (1, 0), (2, 0), (0, 2), (0, 9), (9, 0), (2, 1), (1, 2)];
    let g = SimpleGraph::from_pairs(3, pairs);
    assert_eq!(g.edge_count(), 3);
    assert_eq!(g.neighbors(0), [1, 2]);
    assert_eq!(g.neighbors(1), [0, 2]);
    assert_eq!(g.neighbors(2), [0, 1]);
}
