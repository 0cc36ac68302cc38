//! Betweenness and closeness centrality from one breadth-first search per source.
//!
//! Both need every shortest path from every stakeholder, so they share the pass:
//! Brandes' algorithm (2001) accumulates pair dependencies for betweenness, and the
//! same distances give closeness. `O(n·m)` time, `O(n + m)` memory.
//!
//! Definitions follow networkx exactly:
//! - `betweenness_centrality(G, normalized=True)`: the Brandes sum over all sources
//!   (each unordered pair counted from both ends) times `1 / ((n − 1)(n − 2))`, and
//!   left unscaled for `n ≤ 2` (where it is 0);
//! - `closeness_centrality(G, wf_improved=True)`: `(r − 1) / Σd`, times
//!   `(r − 1) / (n − 1)`, where `r` counts the nodes reachable from `u` including
//!   `u`; 0 when nothing is reachable.

use crate::analysis::network::SimpleGraph;

pub struct PathCentralities {
    pub betweenness: Vec<f64>,
    pub closeness: Vec<f64>,
}

pub fn path_centralities(graph: &SimpleGraph) -> PathCentralities {
    let n = graph.node_count();
    let mut betweenness = vec![0.0f64; n];
    let mut closeness = vec![0.0f64; n];

    // Buffers reused across sources.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut distance = vec![u32::MAX; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];

    for source in 0..n {
        order.clear();
        distance[source] = 0;
        sigma[source] = 1.0;
        order.push(source as u32);
        let mut head = 0;
        let mut total_distance: u64 = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let next = distance[v] + 1;
            for &w in graph.neighbors(v) {
                let w = w as usize;
                if distance[w] == u32::MAX {
                    distance[w] = next;
                    total_distance += u64::from(next);
                    order.push(w as u32);
                }
                if distance[w] == next {
                    sigma[w] += sigma[v];
                }
            }
        }

        // Closeness of `source`, Wasserman–Faust improved.
        let reached = order.len();
        if total_distance > 0 && n > 1 {
            let r = (reached - 1) as f64;
            closeness[source] = (r / total_distance as f64) * (r / (n - 1) as f64);
        }

        // Dependencies, farthest first; predecessors are the neighbours one step closer.
        for &w in order.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + delta[w]) / sigma[w];
            let closer = distance[w].wrapping_sub(1);
            for &v in graph.neighbors(w) {
                let v = v as usize;
                if distance[v] == closer {
                    delta[v] += sigma[v] * coefficient;
                }
            }
            if w != source {
                betweenness[w] += delta[w];
            }
        }

        for &v in &order {
            let v = v as usize;
            distance[v] = u32::MAX;
            sigma[v] = 0.0;
            delta[v] = 0.0;
        }
    }

    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        betweenness.iter_mut().for_each(|b| *b *= scale);
    }
    PathCentralities { betweenness, closeness }
}
