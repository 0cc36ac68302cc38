//! Findings about power: who depends on whom, who is unheard, who dominates.

use super::{Code, Context, Detail, Finding};
use crate::analysis::network::NetEdge;
use crate::analysis::thresholds::*;
use petgraph::graph::NodeIndex;
use std::collections::HashSet;

/// `one-way-dependency`: a directed link A→B with power(A) − power(B) ≥ the gap,
/// and no link back from B or undirected between them. One finding per ordered pair.
pub fn one_way_dependencies(cx: &Context, out: &mut Vec<Finding>) {
    let links = cx.map.links.iter().zip(&cx.network.link_ends).filter_map(|(l, ends)| Some((l, (*ends)?)));
    let mut reported = HashSet::new();
    for (_, (a, b)) in links.filter(|(l, _)| l.directed) {
        let gap =
            i64::from(cx.map.stakeholders[a].power.get()) - i64::from(cx.map.stakeholders[b].power.get());
        if a != b && gap >= ONE_WAY_POWER_GAP && !has_channel(cx, b, a) && reported.insert((a, b)) {
            out.push(Finding::new(Code::OneWayDependency, vec![cx.id(a), cx.id(b)], Detail::None));
        }
    }
}

/// Whether `from` can reach `to` directly: a directed link `from → to`, or an
/// undirected link between them drawn either way. `O(degree)`: only the few
/// pairs with a wide enough power gap are looked up.
fn has_channel(cx: &Context, from: usize, to: usize) -> bool {
    let graph = &cx.network.graph;
    let (from, to) = (NodeIndex::new(from), NodeIndex::new(to));
    graph.edges_connecting(from, to).any(|e| matches!(e.weight(), NetEdge::Link { .. }))
        || graph
            .edges_connecting(to, from)
            .any(|e| matches!(e.weight(), NetEdge::Link { directed: false, .. }))
}

/// `unheard-voice`: high interest, low power, no link to anyone of high power.
pub fn unheard_voices(cx: &Context, out: &mut Vec<Finding>) {
    for (v, s) in cx.map.stakeholders.iter().enumerate() {
        if s.interest.get() < UNHEARD_INTEREST || s.power.get() > LOW_POWER {
            continue;
        }
        let reaches_power =
            cx.graph.neighbors(v).iter().any(|&w| cx.map.stakeholders[w as usize].power.get() >= HIGH);
        if !reaches_power {
            out.push(Finding::new(Code::UnheardVoice, vec![cx.id(v)], Detail::None));
        }
    }
}

/// `opposed-powerful`: stance at or below opposed and high power.
pub fn opposed_powerful(cx: &Context, out: &mut Vec<Finding>) {
    for (v, s) in cx.map.stakeholders.iter().enumerate() {
        if s.stance.get() <= OPPOSED_STANCE && s.power.get() >= HIGH {
            out.push(Finding::new(Code::OpposedPowerful, vec![cx.id(v)], Detail::None));
        }
    }
}

/// `hub-dominance`: on maps of enough stakeholders, an endpoint of more than half
/// of all linked pairs, or holding more than half of all betweenness.
pub fn hub_dominance(cx: &Context, out: &mut Vec<Finding>) {
    let n = cx.map.stakeholders.len();
    if n < HUB_MIN_STAKEHOLDERS {
        return;
    }
    let pairs = cx.graph.edge_count() as f64;
    let total_betweenness: f64 = cx.betweenness.iter().sum();
    for v in 0..n {
        let pair_share = if pairs > 0.0 { cx.graph.degree(v) as f64 / pairs } else { 0.0 };
        let betweenness_share =
            if total_betweenness > 0.0 { cx.betweenness[v] / total_betweenness } else { 0.0 };
        if pair_share > HUB_SHARE || betweenness_share > HUB_SHARE {
            let detail = Detail::Shares { pairs: pair_share, betweenness: betweenness_share };
            out.push(Finding::new(Code::HubDominance, vec![cx.id(v)], detail));
        }
    }
}

/// `hidden-broker`: low power, betweenness above zero and at least the
/// ⌈n/10⌉-th largest.
pub fn hidden_brokers(cx: &Context, out: &mut Vec<Finding>) {
    let n = cx.map.stakeholders.len();
    if n == 0 {
        return;
    }
    let mut ranked = cx.betweenness.to_vec();
    ranked.sort_by(|a, b| b.total_cmp(a));
    let rank = n.div_ceil(BROKER_TOP_DIVISOR);
    let cutoff = ranked[rank - 1];
    for (v, s) in cx.map.stakeholders.iter().enumerate() {
        let b = cx.betweenness[v];
        if s.power.get() <= LOW_POWER && b > 0.0 && b >= cutoff {
            out.push(Finding::new(Code::HiddenBroker, vec![cx.id(v)], Detail::None));
        }
    }
}
