//! `suggested-link`: the most promising introductions between unlinked stakeholders.
//!
//! Score = Adamic–Adar index (Σ over common partners w of 1 / ln deg(w), as
//! `networkx.adamic_adar_index`) + the number of shared sectors. The best
//! `SUGGESTED_LINKS` pairs with a score above zero are reported, ties in map order.
//! `O(Σ deg(w)² + Σ |members(sector)|²)`.

use super::{Code, Context, Detail, Finding};
use crate::analysis::thresholds::SUGGESTED_LINKS;
use std::collections::HashMap;

#[derive(Default, Clone, Copy)]
struct Candidate {
    adamic_adar: f64,
    common: usize,
    sectors: usize,
}

pub fn suggested_links(cx: &Context, out: &mut Vec<Finding>) {
    let graph = cx.graph;
    let n = graph.node_count();
    let mut candidates: HashMap<(u32, u32), Candidate> = HashMap::new();
    for w in 0..n {
        let neighbours = graph.neighbors(w);
        if neighbours.len() < 2 {
            continue;
        }
        let weight = 1.0 / (neighbours.len() as f64).ln();
        for (k, &u) in neighbours.iter().enumerate() {
            for &v in &neighbours[k + 1..] {
                if !graph.has_edge(u as usize, v as usize) {
                    let c = candidates.entry((u, v)).or_default();
                    c.adamic_adar += weight;
                    c.common += 1;
                }
            }
        }
    }
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); cx.network.sectors];
    for v in 0..n {
        for sector in cx.network.sectors_of(v) {
            members[sector].push(v as u32);
        }
    }
    for sector_members in &mut members {
        sector_members.sort_unstable();
        for (k, &u) in sector_members.iter().enumerate() {
            for &v in &sector_members[k + 1..] {
                if !graph.has_edge(u as usize, v as usize) {
                    candidates.entry((u, v)).or_default().sectors += 1;
                }
            }
        }
    }
    let mut ranked: Vec<((u32, u32), Candidate, f64)> = candidates
        .into_iter()
        .map(|(pair, c)| (pair, c, c.adamic_adar + c.sectors as f64))
        .filter(|(_, _, score)| *score > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    for ((u, v), c, score) in ranked.into_iter().take(SUGGESTED_LINKS) {
        let detail = Detail::Suggestion { common: c.common, sectors: c.sectors, score };
        out.push(Finding::new(Code::SuggestedLink, vec![cx.id(u as usize), cx.id(v as usize)], detail));
    }
}
