//! Link prediction: the best unlinked pairs by Adamic–Adar index plus shared groups.
//!
//! Score of an unlinked pair `(u, v)` = Σ over common neighbours `w` of
//! `1 / ln deg(w)` (as `networkx.adamic_adar_index`) + the number of `groups` (for
//! Simpul: sectors) holding both. Returns the best `k` pairs with a score above
//! zero, best first, ties by `(u, v)`.
//!
//! `O(Σ deg(w)² + Σ |group|² )` contributions, sorted once: cheaper than hashing
//! every pair, and deterministic.

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

struct Contribution {
    pair: u64,
    adamic_adar: f64,
    group: bool,
}

pub fn best_unlinked_pairs(graph: &SimpleGraph, groups: &[Vec<u32>], k: usize) -> Vec<LinkCandidate> {
    let key = |u: u32, v: u32| (u64::from(u.min(v)) << 32) | u64::from(u.max(v));
    let mut contributions: Vec<Contribution> = Vec::new();
    for w in 0..graph.node_count() {
        let neighbours = graph.neighbors(w);
        if neighbours.len() < 2 {
            continue;
        }
        let weight = 1.0 / (neighbours.len() as f64).ln();
        for (i, &u) in neighbours.iter().enumerate() {
            for &v in &neighbours[i + 1..] {
                if !graph.has_edge(u as usize, v as usize) {
                    contributions.push(Contribution { pair: key(u, v), adamic_adar: weight, group: false });
                }
            }
        }
    }
    for members in groups {
        for (i, &u) in members.iter().enumerate() {
            for &v in &members[i + 1..] {
                if u != v && !graph.has_edge(u as usize, v as usize) {
                    contributions.push(Contribution { pair: key(u, v), adamic_adar: 0.0, group: true });
                }
            }
        }
    }
    contributions.sort_unstable_by_key(|c| c.pair);

    let better = |a: &LinkCandidate, b: &LinkCandidate| b.score.total_cmp(&a.score).then(a.pair.cmp(&b.pair));
    let mut best: Vec<LinkCandidate> = Vec::with_capacity(k + 1);
    for run in contributions.chunk_by(|a, b| a.pair == b.pair) {
        let pair = run[0].pair;
        let mut candidate = LinkCandidate {
            pair: ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize),
            adamic_adar: 0.0,
            common_neighbours: 0,
            shared_groups: 0,
            score: 0.0,
        };
        for contribution in run {
            if contribution.group {
                candidate.shared_groups += 1;
            } else {
                candidate.adamic_adar += contribution.adamic_adar;
                candidate.common_neighbours += 1;
            }
        }
        candidate.score = candidate.adamic_adar + candidate.shared_groups as f64;
        if candidate.score <= 0.0 || k == 0 {
            continue;
        }
        if best.len() == k && best.last().is_some_and(|last| better(&candidate, last).is_ge()) {
            continue;
        }
        let at = best.partition_point(|kept| better(kept, &candidate).is_lt());
        best.insert(at, candidate);
        best.truncate(k);
    }
    best
}
