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

use crate::SimpleGraph;

pub struct PathCentralities {
    pub betweenness: Vec<f64>,
    pub closeness: Vec<f64>,
}

pub fn path_centralities(graph: &SimpleGraph) -> PathCentralities {
    let n = graph.node_count();
    let mut betweenness = vec![0.0f64; n];
    let mut closeness = vec![0.0f64; n];

    // Buffers reused across sources. Predecessors of `w` on shortest paths are
    // written to `predecessors[first_slot[w]..]`, one slot per neighbour at most,
    // so the dependency pass visits only them rather than every neighbour.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut distance = vec![u32::MAX; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];
    let first_slot: Vec<usize> = (0..n)
        .scan(0usize, |slot, v| {
            let first = *slot;
            *slot += graph.degree(v);
            Some(first)
        })
        .collect();
    let mut predecessor_count = vec![0u32; n];
    let mut predecessors = vec![0u32; graph.edge_count() * 2];

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
            let sigma_v = sigma[v];
            for &w in graph.neighbors(v) {
                let w = w as usize;
                let d = distance[w];
                if d == u32::MAX {
                    distance[w] = next;
                    total_distance += u64::from(next);
                    order.push(w as u32);
                } else if d != next {
                    continue;
                }
                sigma[w] += sigma_v;
                predecessors[first_slot[w] + predecessor_count[w] as usize] = v as u32;
                predecessor_count[w] += 1;
            }
        }

        // Closeness of `source`, Wasserman–Faust improved.
        let reached = order.len();
        if total_distance > 0 && n > 1 {
            let r = (reached - 1) as f64;
            closeness[source] = (r / total_distance as f64) * (r / (n - 1) as f64);
        }

        // Dependencies, farthest first.
        for &w in order.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + delta[w]) / sigma[w];
            let first = first_slot[w];
            for &v in &predecessors[first..first + predecessor_count[w] as usize] {
                let v = v as usize;
                delta[v] += sigma[v] * coefficient;
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
            predecessor_count[v] = 0;
        }
    }

    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        betweenness.iter_mut().for_each(|b| *b *= scale);
    }
    PathCentralities { betweenness, closeness }
}
