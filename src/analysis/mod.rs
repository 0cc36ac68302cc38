//! The analysis of a map (PRODUCT.md §4): centralities equal to networkx's,
//! map-level structure, and the findings. Pure and deterministic; the UI reruns it
//! after every edit.

mod answer;
pub mod background;
pub mod ballot;
pub mod compare;
pub mod findings;
mod index;
pub mod mendelow;
pub mod network;
pub mod pentahelix;
pub mod sector_matrix;
pub mod thresholds;

/// The graph algorithms (a separate crate, built for speed).
pub use simpul_graph as algorithms;

use crate::model::{Map, StakeholderKind};
use findings::{Context, Finding};
use mendelow::Quadrant;
use network::Network;
use sector_matrix::SectorMatrix;
use serde::Serialize;

/// One stakeholder's metrics.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StakeholderMetrics {
    pub degree: f64,
    pub betweenness: f64,
    pub closeness: f64,
    pub eigenvector: f64,
    /// Its Louvain community, numbered from 0 in the order of their first member;
    /// `None` for a stakeholder added since the last analysis, until the next.
    pub community: Option<u32>,
    pub quadrant: Quadrant,
}

/// Map-level measures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapMeasures {
    pub stakeholders: usize,
    /// Distinct linked pairs.
    pub linked_pairs: usize,
    /// As `networkx.density` of the simple stakeholder graph.
    pub density: f64,
    /// Connected groups, isolated stakeholders included.
    pub groups: usize,
    /// Louvain communities (weighted by link strength), isolated stakeholders each one.
    pub communities: usize,
    /// The modularity of those communities.
    pub modularity: f64,
    /// Stakeholder ids, in map order.
    pub articulation_points: Vec<String>,
    /// Pairs of stakeholder ids.
    pub bridges: Vec<[String; 2]>,
    pub pentahelix_present: Vec<StakeholderKind>,
    pub pentahelix_missing: Vec<StakeholderKind>,
    /// False when eigenvector centrality did not converge (its values are then the
    /// best found, and the table says they are approximate).
    pub eigenvector_converged: bool,
}

/// Every map is analysed in the web worker, which sends the analysis back as JSON
/// (see `background`); the page reads it with `answer`, not a derived reader.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// By stakeholder, in map order.
    pub metrics: Vec<StakeholderMetrics>,
    pub map: MapMeasures,
    pub findings: Vec<Finding>,
    /// Links between sectors, for the sector matrix view (the gaps are findings).
    pub sector_matrix: SectorMatrix,
    /// What the findings add up to, for a map with many of them.
    pub summary: Vec<findings::Headline>,
}

/// Analyses the whole map. `O(n·m)` for the path centralities; everything else is
/// `O(n + m)` or bounded by sector memberships.
pub fn analyze(map: &Map) -> Analysis {
    let network = Network::build(map);
    let graph = network.stakeholder_graph();
    let n = graph.node_count();

    let degree = algorithms::degree_centrality(&graph);
    let paths = algorithms::path_centralities(&graph);
    let eigenvector = algorithms::eigenvector_centrality(&graph);
    let communities = communities_of(map, &network.link_ends);
    let groups = algorithms::connected_groups(&graph);
    let group_size = |v: usize| groups.members[groups.group_of[v]].len();
    let cuts = algorithms::cut_points(&graph, group_size);

    let metrics = (0..n)
        .map(|v| StakeholderMetrics {
            degree: degree[v],
            betweenness: paths.betweenness[v],
            closeness: paths.closeness[v],
            eigenvector: eigenvector.values[v],
            community: Some(communities.of[v]),
            quadrant: Quadrant::of(&map.stakeholders[v]),
        })
        .collect();

    let id = |v: usize| map.stakeholders[v].id.to_string();
    let (present, missing) = pentahelix::coverage(map);
    let density = if n > 1 { 2.0 * graph.edge_count() as f64 / (n * (n - 1)) as f64 } else { 0.0 };
    let measures = MapMeasures {
        stakeholders: n,
        linked_pairs: graph.edge_count(),
        density,
        groups: groups.members.len(),
        communities: communities.count,
        modularity: communities.modularity,
        articulation_points: cuts.articulation_points.iter().map(|(v, _)| id(*v)).collect(),
        bridges: cuts.bridges.iter().map(|((a, b), _)| [id(*a), id(*b)]).collect(),
        pentahelix_present: present,
        pentahelix_missing: missing,
        eigenvector_converged: eigenvector.converged,
    };

    let sector_matrix = SectorMatrix::build(&network, &graph);
    let context = Context {
        map,
        network: &network,
        graph: &graph,
        betweenness: &paths.betweenness,
        groups: &groups,
        cuts: &cuts,
        sector_matrix: &sector_matrix,
        communities: &communities,
    };
    let findings = findings::detect(&context);
    let sectors_with_members = (0..sector_matrix.size()).filter(|&i| sector_matrix.members(i) > 0).count();
    let summary = findings::summary::summarise(&findings, sectors_with_members);
    Analysis { metrics, map: measures, findings, sector_matrix, summary }
}

/// Louvain communities of the stakeholder graph weighted by link strength: a pair's
/// links add up, self-links are left out. Deterministic (seeded).
pub fn communities(map: &Map) -> algorithms::Communities {
    communities_of(map, &index::link_ends(map))
}

/// [`communities`] as the analysis finds them, with the links' ends already
/// resolved ([`Network::link_ends`]).
pub fn communities_of(map: &Map, link_ends: &[Option<(usize, usize)>]) -> algorithms::Communities {
    let edges: Vec<(u32, u32, f64)> = map
        .links
        .iter()
        .zip(link_ends)
        .filter_map(|(l, ends)| {
            let (a, b) = (*ends)?;
            (a != b).then(|| (a as u32, b as u32, f64::from(l.strength.get())))
        })
        .collect();
    algorithms::louvain(map.stakeholders.len(), &edges)
}
