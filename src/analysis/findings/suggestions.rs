//! `suggested-link`: the most promising introductions between unlinked stakeholders.
//!
//! Score = Adamic–Adar index (Σ over common partners w of 1 / ln deg(w), as
//! `networkx.adamic_adar_index`) + the number of shared sectors. The best
//! `SUGGESTED_LINKS` pairs with a score above zero are reported, ties in map order.
//! The scoring is `simpul_graph::best_unlinked_pairs`.

use super::{Code, Context, Detail, Finding};
use crate::analysis::thresholds::SUGGESTED_LINKS;

pub fn suggested_links(cx: &Context, out: &mut Vec<Finding>) {
    let sector_members = &cx.network.sector_members;
    for candidate in simpul_graph::best_unlinked_pairs(cx.graph, sector_members, SUGGESTED_LINKS) {
        let (u, v) = candidate.pair;
        let detail = Detail::Suggestion {
            common: candidate.common_neighbours,
            sectors: candidate.shared_groups,
            score: candidate.score,
        };
        out.push(Finding::new(Code::SuggestedLink, vec![cx.id(u), cx.id(v)], detail));
    }
}
