//! Sector × sector counts: how many linked pairs of stakeholders join each pair of
//! sectors, and how many stakeholders belong to both. Empty cells are the gaps.

use super::network::Network;
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
        let sectors_of: Vec<Vec<usize>> =
            (0..network.stakeholders).map(|v| network.sectors_of(v).collect()).collect();
        for (v, mine) in sectors_of.iter().enumerate() {
            for &i in mine {
                for &j in mine {
                    matrix.shared[i * size + j] += 1;
                }
            }
            for &w in graph.neighbors(v) {
                let w = w as usize;
                if w <= v {
                    continue;
                }
                for &i in mine {
                    for &j in &sectors_of[w] {
                        matrix.links[i * size + j] += 1;
                        if i != j {
                            matrix.links[j * size + i] += 1;
                        }
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
