//! The stakeholder–sector network (PRODUCT.md §2) and the compact graph the
//! metrics run on.

use crate::analysis::index::link_ends;
use crate::model::{LinkId, Map};
use petgraph::graph::{Graph, NodeIndex};
use petgraph::Directed;
use simpul_graph::SimpleGraph;

/// A node of the network: a stakeholder or a sector, by its index in the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetNode {
    Stakeholder(usize),
    Sector(usize),
}

/// An edge of the network: a link (from → to, as drawn) or a membership
/// (stakeholder → sector).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetEdge {
    Link { link: LinkId, directed: bool },
    Membership,
}

/// The whole network as a petgraph graph. Stakeholder `i` is node `i`; sector `j`
/// is node `stakeholders + j`.
pub struct Network {
    pub graph: Graph<NetNode, NetEdge, Directed, u32>,
    pub stakeholders: usize,
    pub sectors: usize,
    /// Each of the map's links' ends, as stakeholder indices (see [`link_ends`]).
    pub link_ends: Vec<Option<(usize, usize)>>,
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
        for (link, ends) in map.links.iter().zip(&link_ends) {
            if let Some((a, b)) = *ends {
                graph.add_edge(
                    NodeIndex::new(a),
                    NodeIndex::new(b),
                    NetEdge::Link { link: link.id.clone(), directed: link.directed },
                );
            }
        }
        let sector_index: std::collections::HashMap<&str, usize, crate::analysis::index::IdHasher> =
            map.sectors.iter().enumerate().map(|(j, s)| (s.id.as_str(), j)).collect();
        for (i, stakeholder) in map.stakeholders.iter().enumerate() {
            for sector in &stakeholder.sectors {
                if let Some(&j) = sector_index.get(sector.as_str()) {
                    graph.add_edge(NodeIndex::new(i), NodeIndex::new(stakeholders + j), NetEdge::Membership);
                }
            }
        }
        Self { graph, stakeholders, sectors, link_ends }
    }

    /// The sectors of stakeholder `i`, as sector indices.
    pub fn sectors_of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.graph.edges(NodeIndex::new(i)).filter_map(move |e| {
            match (e.weight(), self.graph[petgraph::visit::EdgeRef::target(&e)]) {
                (NetEdge::Membership, NetNode::Sector(j)) => Some(j),
                _ => None,
            }
        })
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
