//! Degree centrality, as `networkx.degree_centrality`: degree / (n − 1).
//!
//! `O(n)`. A map of one stakeholder gives 1.0, as networkx does.

use crate::SimpleGraph;

pub fn degree_centrality(graph: &SimpleGraph) -> Vec<f64> {
    let n = graph.node_count();
    if n <= 1 {
        return vec![1.0; n];
    }
    let scale = 1.0 / (n - 1) as f64;
    (0..n).map(|v| graph.degree(v) as f64 * scale).collect()
}
