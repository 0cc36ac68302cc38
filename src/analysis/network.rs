//! The stakeholder–sector network (PRODUCT.md §2) and the compact graph the
//! metrics run on.

use crate::analysis::index::link_ends;
use crate::model::Map;
use petgraph::graph::{Graph, NodeIndex};
use petgraph::Directed;
use simpul_graph::SimpleGraph;

/// A node of the network: a stakeholder or a sector, by its index in the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetNode {
    Stakeholder(usize),
    Sector(usize),
}

/// An edge of the network: a link (from → to, as drawn; `link` is its index in
/// the map's links) or a membership (stakeholder → sector).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetEdge {
    Link { link: usize, directed: bool },
    Membership,
}

/// The whole network as a petgraph graph. Stakeholder `i` is node `i`; sector `j`
/// is node `stakeholders + j`.
pub struct Network {
    pub graph: Graph<NetNode, NetEdge, Directed, u32>,
    pub stakeholders: usize,
    pub sectors: usize,
    /// Each of the map's links' ends, as stakeholder indices, in the order of the
    /// map's links; `None` where an end is not on the map.
    pub link_ends: Vec<Option<(usize, usize)>>,
    /// Each stakeholder's sectors, as sector indices: stakeholder `i`'s are
    /// `sector_list[sector_start[i]..sector_start[i + 1]]`. The rules read them
    /// many times; walking the graph's edges each time cost more than the rules.
    sector_start: Vec<u32>,
    sector_list: Vec<u32>,
    /// Each sector's members, as stakeholder indices in map order (a stakeholder
    /// listing a sector twice is in it twice): the sectors' side of the same
    /// memberships, which two rules read.
    pub sector_members: Vec<Vec<u32>>,
}

impl Network {
    /// Builds the network. `O(n + s + l + memberships)`. References that do not
    /// resolve (impossible in a validated map) are skipped, never a panic.
    pub fn build(map: &Map) -> Self {
        let stakeholders = map.stakeholders.len();
        let sectors = map.sectors.len();
        let mut graph = Graph::with_capacity(stakeholders + sectors, map.links.len() + stakeholders);
        for i in 0..stakeholders {
            graph.add_node(NetNode::Stakeholder(i));
        }
        for j in 0..sectors {
            graph.add_node(NetNode::Sector(j));
        }
        let link_ends = link_ends(map);
        for (index, (link, ends)) in map.links.iter().zip(&link_ends).enumerate() {
            if let Some((a, b)) = *ends {
                graph.add_edge(
                    NodeIndex::new(a),
                    NodeIndex::new(b),
                    NetEdge::Link { link: index, directed: link.directed },
                );
            }
        }
        let sector_index: std::collections::HashMap<&str, usize, crate::analysis::index::IdHasher> =
            map.sectors.iter().enumerate().map(|(j, s)| (s.id.as_str(), j)).collect();
        let mut sector_start = Vec::with_capacity(stakeholders + 1);
        let mut sector_list = Vec::with_capacity(stakeholders);
        let mut sector_members: Vec<Vec<u32>> = vec![Vec::new(); sectors];
        sector_start.push(0);
        for (i, stakeholder) in map.stakeholders.iter().enumerate() {
            for sector in &stakeholder.sectors {
                if let Some(&j) = sector_index.get(sector.as_str()) {
                    graph.add_edge(NodeIndex::new(i), NodeIndex::new(stakeholders + j), NetEdge::Membership);
                    sector_list.push(j as u32);
                    sector_members[j].push(i as u32);
                }
            }
            sector_start.push(sector_list.len() as u32);
        }
        Self { graph, stakeholders, sectors, link_ends, sector_start, sector_list, sector_members }
    }

    /// The sectors of stakeholder `i`, as sector indices, in the order the
    /// stakeholder lists them.
    pub fn sectors_of(&self, i: usize) -> &[u32] {
        match (self.sector_start.get(i), self.sector_start.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.sector_list[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The undirected simple stakeholder graph: links only, direction dropped,
    /// parallel links collapsed, self-links removed.
    pub fn stakeholder_graph(&self) -> SimpleGraph {
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(self.graph.edge_count() * 2);
        for edge in self.graph.raw_edges() {
            if let NetEdge::Link { .. } = edge.weight {
                let (a, b) = (edge.source().index() as u32, edge.target().index() as u32);
                if a != b {
                    pairs.push((a, b));
                    pairs.push((b, a));
                }
            }
        }
        SimpleGraph::from_pairs(self.stakeholders, pairs)
    }
}
