//! Sector × sector counts: how many linked pairs of stakeholders join each pair of
//! sectors, and how many stakeholders belong to both. Empty cells are the gaps.
//!
//! A linked pair joins sectors `i` and `j` when one end is in `i` and the other in
//! `j`; it counts once in a cell however many of its ends' sectors make it so (two
//! stakeholders both in health and education are one pair in the health ×
//! education cell, not two), and however many links join the pair. The list a cell
//! shows ([`pairs_between`]) follows the same rule, so the list and the number agree.

use super::network::Network;
use crate::model::{LinkKind, Map, SectorId, StakeholderId};
use simpul_graph::SimpleGraph;

/// Written by the worker with serde; read back in the page by `analysis::answer`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct SectorMatrix {
    size: usize,
    /// Linked stakeholder pairs with one end in sector `i` and the other in `j`.
    links: Vec<u32>,
    /// Stakeholders in both `i` and `j` (on the diagonal: members of `i`).
    shared: Vec<u32>,
}

impl SectorMatrix {
    /// `O(Σ over linked pairs of |sectors(a)|·|sectors(b)| + Σ over stakeholders of |sectors|²)`.
    pub fn build(network: &Network, graph: &SimpleGraph) -> Self {
        let size = network.sectors;
        let mut matrix = Self { size, links: vec![0; size * size], shared: vec![0; size * size] };
        let mut cells: Vec<(usize, usize)> = Vec::new();
        for v in 0..network.stakeholders {
            let mine = network.sectors_of(v);
            for &i in mine {
                for &j in mine {
                    matrix.shared[i as usize * size + j as usize] += 1;
                }
            }
            for &w in graph.neighbors(v) {
                let w = w as usize;
                if w <= v {
                    continue;
                }
                // Each cell this pair joins, once: unordered sector pairs.
                cells.clear();
                for &i in mine {
                    for &j in network.sectors_of(w) {
                        cells.push((i.min(j) as usize, i.max(j) as usize));
                    }
                }
                cells.sort_unstable();
                cells.dedup();
                for &(i, j) in &cells {
                    matrix.links[i * size + j] += 1;
                    if i != j {
                        matrix.links[j * size + i] += 1;
                    }
                }
            }
        }
        matrix
    }

    /// A matrix from its cells, row by row; `None` unless both have `size²` cells.
    pub fn from_cells(size: usize, links: Vec<u32>, shared: Vec<u32>) -> Option<Self> {
        let cells = size.checked_mul(size)?;
        (links.len() == cells && shared.len() == cells).then_some(Self { size, links, shared })
    }

    pub fn size(&self) -> usize {
        self.size
    }

    pub fn links(&self, i: usize, j: usize) -> u32 {
        self.links[i * self.size + j]
    }

    pub fn shared(&self, i: usize, j: usize) -> u32 {
        self.shared[i * self.size + j]
    }

    pub fn members(&self, i: usize) -> u32 {
        self.shared(i, i)
    }
}

/// A linked pair of stakeholders that a cell counts: its two ends, in the order of
/// its first link, and the kind of each link between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedPair {
    pub from: StakeholderId,
    pub to: StakeholderId,
    pub kinds: Vec<LinkKind>,
}

/// The linked pairs that join sectors `i` and `j` (by their place in the map's
/// list), in the order of their first link: what the cell `(i, j)` counts. A link
/// from a stakeholder to itself joins nothing. `O(l · sectors per stakeholder)`.
pub fn pairs_between(map: &Map, i: usize, j: usize) -> Vec<LinkedPair> {
    let (Some(a), Some(b)) = (map.sectors.get(i), map.sectors.get(j)) else { return Vec::new() };
    let in_sector = |id: &StakeholderId, sector: &SectorId| {
        map.stakeholder(id).is_some_and(|s| s.sectors.contains(sector))
    };
    let mut pairs: Vec<LinkedPair> = Vec::new();
    for link in &map.links {
        let joins = (in_sector(&link.from, &a.id) && in_sector(&link.to, &b.id))
            || (in_sector(&link.from, &b.id) && in_sector(&link.to, &a.id));
        if !joins || link.from == link.to {
            continue;
        }
        let same = |p: &LinkedPair| {
            (p.from == link.from && p.to == link.to) || (p.from == link.to && p.to == link.from)
        };
        match pairs.iter_mut().find(|p| same(p)) {
            Some(pair) => pair.kinds.push(link.kind),
            None => pairs.push(LinkedPair {
                from: link.from.clone(),
                to: link.to.clone(),
                kinds: vec![link.kind],
            }),
        }
    }
    pairs
}
