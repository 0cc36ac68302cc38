//! `suggested-link`: the most promising introductions between unlinked stakeholders.
//!
//! Score = Adamic–Adar index (Σ over common partners w of 1 / ln deg(w), as
//! `networkx.adamic_adar_index`) + the number of shared sectors. The best
//! `SUGGESTED_LINKS` pairs with a score above zero are reported, ties in map order.
//! The scoring is `simpul_graph::best_unlinked_pairs`.

use super::{Code, Context, Detail, Finding};
use crate::analysis::thresholds::SUGGESTED_LINKS;

pub fn suggested_links(cx: &Context, out: &mut Vec<Finding>) {
    let mut sector_members: Vec<Vec<u32>> = vec![Vec::new(); cx.network.sectors];
    for v in 0..cx.graph.node_count() {
        for sector in cx.network.sectors_of(v) {
            sector_members[sector].push(v as u32);
        }
    }
    for candidate in simpul_graph::best_unlinked_pairs(cx.graph, &sector_members, SUGGESTED_LINKS) {
        let (u, v) = candidate.pair;
        let detail = Detail::Suggestion {
            common: candidate.common_neighbours,
            sectors: candidate.shared_groups,
            score: candidate.score,
        };
        out.push(Finding::new(Code::SuggestedLink, vec![cx.id(u), cx.id(v)], detail));
    }
}
