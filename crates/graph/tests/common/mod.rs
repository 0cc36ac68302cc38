//! Small graphs whose centralities are known by hand (and agree with networkx).

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use simpul_graph::SimpleGraph;

/// The graph on `nodes` vertices with these undirected edges.
pub fn graph(nodes: usize, edges: &[(u32, u32)]) -> SimpleGraph {
    let pairs = edges.iter().flat_map(|&(a, b)| [(a, b), (b, a)]).collect();
    SimpleGraph::from_pairs(nodes, pairs)
}

/// 0 – 1 – 2 – … – (n − 1).
pub fn path(n: usize) -> SimpleGraph {
    let edges: Vec<(u32, u32)> = (1..n as u32).map(|v| (v - 1, v)).collect();
    graph(n, &edges)
}

/// Vertex 0 linked to each of `leaves` others.
pub fn star(leaves: usize) -> SimpleGraph {
    let edges: Vec<(u32, u32)> = (1..=leaves as u32).map(|v| (0, v)).collect();
    graph(leaves + 1, &edges)
}

pub fn assert_close(found: &[f64], expected: &[f64]) {
    assert_eq!(found.len(), expected.len(), "{found:?} vs {expected:?}");
    for (f, e) in found.iter().zip(expected) {
        assert!((f - e).abs() < 1e-6, "{found:?} vs {expected:?}");
    }
}
