//! Betweenness and closeness centrality from breadth-first searches, 64 sources at
//! a time.
//!
//! Both need every shortest path from every stakeholder, so they share the pass:
//! Brandes' algorithm (2001) accumulates pair dependencies for betweenness, and the
//! same distances give closeness. The searches from 64 sources run together, one
//! bit per source (multi-source BFS, Then et al. 2014): each level reads a
//! vertex's neighbours once for every source that reached it at that level, and
//! only the (source, link) pairs on a shortest path do arithmetic. Searching one
//! source at a time read every link from every source, and its branches on
//! distances could not be predicted; this is about twice as fast on maps of 500
//! and 5,000.
//!
//! Complexity: `O(n·m)` time in the worst case, as Brandes; `O(64·n + m)` memory
//! (σ and δ for each of the 64 sources of a batch, about 1 KB per stakeholder).
//!
//! Definitions follow networkx exactly:
//! - `betweenness_centrality(G, normalized=True)`: the Brandes sum over all sources
//!   (each unordered pair counted from both ends) times `1 / ((n − 1)(n − 2))`, and
//!   left unscaled for `n ≤ 2` (where it is 0);
//! - `closeness_centrality(G, wf_improved=True)`: `(r − 1) / Σd`, times
//!   `(r − 1) / (n − 1)`, where `r` counts the nodes reachable from `u` including
//!   `u`; 0 when nothing is reachable.

use crate::SimpleGraph;

pub struct PathCentralities {
    pub betweenness: Vec<f64>,
    pub closeness: Vec<f64>,
}

/// Sources searched together: one bit of a `u64` each.
const BATCH: usize = 64;

/// A set of the batch's sources, one bit per source.
type Sources = u64;

/// Per stakeholder, one value for each source of the batch, and a spare that
/// stays 0 (see [`each_bit`]).
type PerSource = [f64; BATCH + 1];

pub fn path_centralities(graph: &SimpleGraph) -> PathCentralities {
    // Sources that are near each other reach the same stakeholders at the same
    // levels, so a batch of them shares more of each level's work.
    let (nearby, label) = graph.in_breadth_first_order();
    let found = Batches::new(nearby.node_count()).run(&nearby);
    PathCentralities {
        betweenness: label.iter().map(|&l| found.betweenness[l as usize]).collect(),
        closeness: label.iter().map(|&l| found.closeness[l as usize]).collect(),
    }
}

/// The searches' state, reused from batch to batch; every field is back to zero
/// (or empty) between batches.
struct Batches {
    /// The sources that have reached each stakeholder so far.
    seen: Vec<Sources>,
    /// The sources that reach each stakeholder at the level being found.
    reaching: Vec<Sources>,
    /// The sources for which each stakeholder is one level nearer than the level
    /// whose dependencies are being added up.
    nearer: Vec<Sources>,
    /// σ: the number of shortest paths from each source; during the dependency
    /// pass, a level's σ is replaced by its coefficient `(1 + δ) / σ`.
    paths: Vec<PerSource>,
    /// δ: each source's dependency on each stakeholder.
    dependency: Vec<PerSource>,
    /// Every (stakeholder, sources) pair found, level after level.
    found: Vec<(u32, Sources)>,
    /// Where each level starts in `found`, and where the last one ends.
    level_starts: Vec<usize>,
    /// Stakeholders reached for the first time at the level being found.
    touched: Vec<u32>,
}

impl Batches {
    fn new(n: usize) -> Self {
        Self {
            seen: vec![0; n],
            reaching: vec![0; n],
            nearer: vec![0; n],
            paths: vec![[0.0; BATCH + 1]; n],
            dependency: vec![[0.0; BATCH + 1]; n],
            found: Vec::new(),
            level_starts: Vec::new(),
            touched: Vec::new(),
        }
    }

    fn run(mut self, graph: &SimpleGraph) -> PathCentralities {
        let n = graph.node_count();
        let mut centralities = PathCentralities { betweenness: vec![0.0; n], closeness: vec![0.0; n] };
        for first in (0..n).step_by(BATCH) {
            let sources = first..(first + BATCH).min(n);
            self.search(graph, sources, &mut centralities.closeness);
            self.add_dependencies(graph, &mut centralities.betweenness);
            self.clear();
        }
        if n > 2 {
            let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
            centralities.betweenness.iter_mut().for_each(|b| *b *= scale);
        }
        centralities
    }

    /// Breadth first from every source of the batch at once, counting shortest
    /// paths (σ) and, per source, the distances that closeness needs.
    fn search(&mut self, graph: &SimpleGraph, sources: std::ops::Range<usize>, closeness: &mut [f64]) {
        let n = graph.node_count();
        self.found.clear();
        self.level_starts.clear();
        self.level_starts.push(0);
        for (bit, source) in sources.clone().enumerate() {
            self.seen[source] = 1 << bit;
            self.paths[source][bit] = 1.0;
            self.found.push((source as u32, 1 << bit));
        }
        let mut total_distance = [0u64; BATCH];
        let mut reached = [1u32; BATCH];
        for level in 1u64.. {
            let (from, to) = (self.level_starts[self.level_starts.len() - 1], self.found.len());
            self.level_starts.push(to);
            for i in from..to {
                let (v, at_v) = self.found[i];
                let v = v as usize;
                for &w in graph.neighbors(v) {
                    let w = w as usize;
                    // Sources for which `w` is one level beyond `v`: the link v–w
                    // is on their shortest paths to `w`.
                    let through_v = at_v & !self.seen[w];
                    if through_v == 0 {
                        continue;
                    }
                    if self.reaching[w] == 0 {
                        self.touched.push(w as u32);
                    }
                    self.reaching[w] |= through_v;
                    // Never one stakeholder twice: `v` has been seen by the sources it is at.
                    let Ok([paths_w, paths_v]) = self.paths.get_disjoint_mut([w, v]) else { continue };
                    each_bit(through_v, |bit| paths_w[bit] += paths_v[bit]);
                }
            }
            if self.touched.is_empty() {
                break;
            }
            let mut at_this_level = BitCounts::default();
            for &w in &self.touched {
                let w = w as usize;
                let at_w = std::mem::take(&mut self.reaching[w]);
                self.seen[w] |= at_w;
                self.found.push((w as u32, at_w));
                at_this_level.add(at_w);
            }
            at_this_level.for_each(|bit, count| {
                total_distance[bit] += level * count;
                reached[bit] += count as u32;
            });
            self.touched.clear();
        }

        // Closeness, Wasserman–Faust improved.
        for (bit, source) in sources.enumerate() {
            if total_distance[bit] > 0 && n > 1 {
                let r = f64::from(reached[bit] - 1);
                closeness[source] = (r / total_distance[bit] as f64) * (r / (n - 1) as f64);
            }
        }
    }

    /// Dependencies, farthest level first: `δ(v) = Σ σ(v) / σ(w) · (1 + δ(w))` over
    /// the `w` one level beyond `v`; each stakeholder's betweenness gains its δ
    /// from every source but itself.
    fn add_dependencies(&mut self, graph: &SimpleGraph, betweenness: &mut [f64]) {
        // `level_starts` holds the start of every level and the end of the last.
        let deepest = self.level_starts.len() - 2;
        for level in (1..=deepest).rev() {
            let nearer = self.level_starts[level - 1]..self.level_starts[level];
            let here = self.level_starts[level]..self.level_starts[level + 1];
            for &(v, at_v) in &self.found[nearer.clone()] {
                self.nearer[v as usize] = at_v;
            }
            for &(w, at_w) in &self.found[here] {
                let w = w as usize;
                let mut dependency_w = 0.0;
                for bit in bits(at_w) {
                    let delta = std::mem::take(&mut self.dependency[w][bit]);
                    dependency_w += delta;
                    self.paths[w][bit] = (1.0 + delta) / self.paths[w][bit];
                }
                betweenness[w] += dependency_w;
                let (paths, nearer) = (&self.paths, &self.nearer);
                let coefficient = &paths[w];
                for &v in graph.neighbors(w) {
                    let v = v as usize;
                    let through_w = at_w & nearer[v];
                    if through_w == 0 {
                        continue;
                    }
                    let (paths_v, dependency_v) = (&paths[v], &mut self.dependency[v]);
                    each_bit(through_w, |bit| dependency_v[bit] += paths_v[bit] * coefficient[bit]);
                }
                // `w`'s coefficients are spent: back to zero for the next batch
                // while its row is at hand (its δ was taken above).
                let paths_w = &mut self.paths[w];
                for bit in bits(at_w) {
                    paths_w[bit] = 0.0;
                }
            }
            for &(v, _) in &self.found[nearer] {
                self.nearer[v as usize] = 0;
            }
        }
    }

    /// Back to zero for the next batch. The dependency pass has zeroed every
    /// stakeholder's σ and δ but the sources'.
    fn clear(&mut self) {
        self.seen.fill(0);
        let sources = self.level_starts[1];
        for &(v, at_v) in &self.found[..sources] {
            let v = v as usize;
            for bit in bits(at_v) {
                self.paths[v][bit] = 0.0;
                self.dependency[v][bit] = 0.0;
            }
        }
    }
}

/// How many of the sets added had each bit, counted for all 64 bits at once: plane
/// `j` holds bit `j` of every count (a ripple-carry adder across the 64 lanes), so
/// adding a set costs a few word operations however many bits it has.
#[derive(Default)]
struct BitCounts {
    planes: [u64; 32],
    /// Planes in use.
    height: usize,
}

impl BitCounts {
    fn add(&mut self, set: Sources) {
        let mut carry = set;
        let mut j = 0;
        while carry != 0 && j < self.planes.len() {
            let plane = &mut self.planes[j];
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
            j += 1;
        }
        self.height = self.height.max(j);
    }

    /// Calls `each` with every bit that was counted and its count.
    fn for_each(&self, mut each: impl FnMut(usize, u64)) {
        let any = self.planes[..self.height].iter().fold(0, |any, plane| any | plane);
        for bit in bits(any) {
            let count = self.planes[..self.height]
                .iter()
                .enumerate()
                .fold(0, |count, (j, plane)| count | (((plane >> bit) & 1) << j));
            each(bit, count);
        }
    }
}

/// Calls `each` with the position of every set bit, lowest first, in rounds of
/// eight: a round's leftover calls get `BATCH`, the spare that holds 0 in every
/// row, and add nothing. Most sets have fewer than eight bits, so the loop runs
/// once and its end is predicted, where stopping after a varying count was
/// mispredicted for almost every set (a sixth of the time at 500 stakeholders).
#[inline(always)]
fn each_bit(mut set: Sources, mut each: impl FnMut(usize)) {
    while set != 0 {
        for _ in 0..8 {
            // `trailing_zeros` of an empty set is `BATCH`.
            each(set.trailing_zeros() as usize);
            set &= set.wrapping_sub(1);
        }
    }
}

/// The positions of the set bits, lowest first; each below `BATCH`.
fn bits(mut set: Sources) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if set == 0 {
            return None;
        }
        let bit = set.trailing_zeros() as usize;
        set &= set - 1;
        Some(bit % BATCH)
    })
}
