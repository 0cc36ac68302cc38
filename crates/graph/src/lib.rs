//! Graph algorithms for Simpul's analysis, on an undirected simple graph stored in
//! compressed sparse rows. One algorithm per file, each with its complexity; the
//! definitions follow networkx so that results can be checked against it.
//!
//! A crate of its own so that it alone can be built for speed while the app is
//! built for download size.

mod communities;
mod cut_points;
mod degree;
mod eigenvector;
mod groups;
mod link_prediction;
mod shortest_paths;

pub use communities::{louvain, modularity, Communities, SPARSE_DEGREE, SPARSE_TRIES};
pub use cut_points::{cut_points, CutPoints};
pub use degree::degree_centrality;
pub use eigenvector::{eigenvector_centrality, Eigenvector, KRYLOV, MAX_RESTARTS, TOLERANCE};
pub use groups::{connected_groups, Groups};
pub use link_prediction::{best_unlinked_pairs, LinkCandidate};
pub use shortest_paths::{path_centralities, PathCentralities};

/// An undirected simple graph in compressed sparse rows: the neighbours of `v` are
/// `targets[offsets[v]..offsets[v + 1]]`, sorted and distinct. Cache-friendly for
/// the all-pairs passes, which dominate analysis time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SimpleGraph {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl SimpleGraph {
    /// From directed pairs that already list both directions of every edge; a pair
    /// naming a vertex beyond `nodes` is left out. The pairs are put in rows by
    /// their first end (a counting sort), then each short row is sorted and its
    /// repeats dropped: cheaper than sorting all the pairs together.
    pub fn from_pairs(nodes: usize, pairs: Vec<(u32, u32)>) -> Self {
        let inside = |&&(a, b): &&(u32, u32)| (a as usize) < nodes && (b as usize) < nodes;
        let mut row_start = vec![0usize; nodes + 1];
        for &(a, _) in pairs.iter().filter(inside) {
            row_start[a as usize + 1] += 1;
        }
        for v in 0..nodes {
            row_start[v + 1] += row_start[v];
        }
        let mut next = row_start.clone();
        let mut rows = vec![0u32; row_start[nodes]];
        for &(a, b) in pairs.iter().filter(inside) {
            rows[next[a as usize]] = b;
            next[a as usize] += 1;
        }
        let mut offsets = Vec::with_capacity(nodes + 1);
        let mut targets = Vec::with_capacity(rows.len());
        offsets.push(0u32);
        for v in 0..nodes {
            let row = &mut rows[row_start[v]..row_start[v + 1]];
            row.sort_unstable();
            let first = targets.len();
            for &b in row.iter() {
                if targets.len() == first || targets.last() != Some(&b) {
                    targets.push(b);
                }
            }
            offsets.push(targets.len() as u32);
        }
        Self { offsets, targets }
    }

    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Distinct linked pairs.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    pub fn neighbors(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }

    pub fn degree(&self, v: usize) -> usize {
        (self.offsets[v + 1] - self.offsets[v]) as usize
    }

    pub fn has_edge(&self, a: usize, b: usize) -> bool {
        self.neighbors(a).binary_search(&(b as u32)).is_ok()
    }

    /// The same graph with its vertices numbered in breadth-first order, one
    /// component after another, and each vertex's new number (`label[v]`).
    /// Neighbours then sit close together in memory, which the all-pairs passes
    /// read over and over; a map's own order (as typed, or sector by sector
    /// interleaved) scatters them.
    pub fn in_breadth_first_order(&self) -> (SimpleGraph, Vec<u32>) {
        let order = groups::BreadthFirst::of(self).order;
        let mut label = vec![0u32; order.len()];
        for (i, &v) in order.iter().enumerate() {
            label[v as usize] = i as u32;
        }
        let mut offsets = Vec::with_capacity(order.len() + 1);
        let mut targets = Vec::with_capacity(self.targets.len());
        offsets.push(0u32);
        for &v in &order {
            let first = targets.len();
            targets.extend(self.neighbors(v as usize).iter().map(|&w| label[w as usize]));
            targets[first..].sort_unstable();
            offsets.push(targets.len() as u32);
        }
        (SimpleGraph { offsets, targets }, label)
    }
}
