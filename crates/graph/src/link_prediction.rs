//! Link prediction: the best unlinked pairs by Adamic–Adar index plus shared groups.
//!
//! Score of an unlinked pair `(u, v)` = Σ over common neighbours `w` of
//! `1 / ln deg(w)` (as `networkx.adamic_adar_index`) + the number of `groups` (for
//! Simpul: sectors) holding both. Returns the best `k` pairs with a score above
//! zero, best first, ties by `(u, v)`.
//!
//! Each stakeholder `u` in turn gathers its candidates `v > u` in dense rows
//! (through each neighbour, then each shared group), then ranks them: `O(Σ_w
//! deg(w)² + Σ_g |g|²)` in all, no sorting of pairs and no hashing, and
//! deterministic.

use crate::SimpleGraph;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkCandidate {
    /// `u < v`.
    pub pair: (usize, usize),
    pub adamic_adar: f64,
    pub common_neighbours: usize,
    pub shared_groups: usize,
    pub score: f64,
}

pub fn best_unlinked_pairs(graph: &SimpleGraph, groups: &[Vec<u32>], k: usize) -> Vec<LinkCandidate> {
    let n = graph.node_count();
    if k == 0 {
        return Vec::new();
    }
    // The groups each node belongs to, as often as it is listed in each.
    let mut groups_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (g, members) in groups.iter().enumerate() {
        for &u in members {
            if let Some(of) = groups_of.get_mut(u as usize) {
                of.push(g);
            }
        }
    }
    let weight: Vec<f64> = (0..n)
        .map(|w| match graph.degree(w) {
            0 | 1 => 0.0,
            d => 1.0 / (d as f64).ln(),
        })
        .collect();
    // Dense rows for the candidates of one `u`, cleared through `touched`.
    let mut adamic_adar = vec![0.0; n];
    let mut common = vec![0usize; n];
    let mut shared = vec![0usize; n];
    let mut touched: Vec<usize> = Vec::new();
    // `gathered[v] == u + 1` once `v` is among `u`'s candidates.
    let mut gathered = vec![0usize; n];
    // `linked_to[v] == u + 1` while `u`'s candidates are gathered and `v` is `u` or
    // one of its neighbours.
    let mut linked_to = vec![0usize; n];

    let better = |a: &LinkCandidate, b: &LinkCandidate| b.score.total_cmp(&a.score).then(a.pair.cmp(&b.pair));
    let mut best: Vec<LinkCandidate> = Vec::with_capacity(k + 1);
    for u in 0..n {
        let stamp = u + 1;
        linked_to[u] = stamp;
        for &w in graph.neighbors(u) {
            linked_to[w as usize] = stamp;
        }
        for &w in graph.neighbors(u) {
            let w = w as usize;
            if graph.degree(w) < 2 {
                continue;
            }
            // Neighbours are sorted: only those after `u` can be candidates.
            let after_u = graph.neighbors(w).partition_point(|&v| v as usize <= u);
            for &v in &graph.neighbors(w)[after_u..] {
                let v = v as usize;
                if linked_to[v] != stamp {
                    if gathered[v] != stamp {
                        gathered[v] = stamp;
                        touched.push(v);
                    }
                    adamic_adar[v] += weight[w];
                    common[v] += 1;
                }
            }
        }
        for &g in &groups_of[u] {
            for &v in &groups[g] {
                let v = v as usize;
                if v > u && v < n && linked_to[v] != stamp {
                    if gathered[v] != stamp {
                        gathered[v] = stamp;
                        touched.push(v);
                    }
                    shared[v] += 1;
                }
            }
        }
        for &v in &touched {
            let (index, shared_groups) =
                (std::mem::take(&mut adamic_adar[v]), std::mem::take(&mut shared[v]));
            let candidate = LinkCandidate {
                pair: (u, v),
                adamic_adar: index,
                common_neighbours: std::mem::take(&mut common[v]),
                shared_groups,
                score: index + shared_groups as f64,
            };
            if candidate.score <= 0.0 {
                continue;
            }
            if best.len() == k && best.last().is_some_and(|last| better(&candidate, last).is_ge()) {
                continue;
            }
            let at = best.partition_point(|kept| better(kept, &candidate).is_lt());
            best.insert(at, candidate);
            best.truncate(k);
        }
        touched.clear();
    }
    best
}
