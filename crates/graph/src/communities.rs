//! Communities by the Louvain method (Blondel et al. 2008), weighted, seeded and so
//! deterministic, with the modularity of the result (resolution 1, as
//! `networkx.community.modularity`).
//!
//! Each level moves one node at a time (in an order shuffled from the seed) to the
//! neighbouring community that gains the most modularity, then revisits only the
//! neighbours of nodes that moved, until no move gains; the communities then
//! become the nodes of the next level. It stops when a level moves nothing. Then
//! the partition is refined on the way back down (Rotta & Noack 2011): each level's
//! nodes, from the top, start in their community and move again, so that a node
//! merged too early can still leave.
//!
//! Louvain is greedy, so the order of visits matters. On a dense map the orders
//! agree to a few thousandths, and one refined order scores as well as several
//! unrefined (on the generated maps of 500 and 5,000: 0.8050 and 0.8364 against at
//! best 0.8022 and 0.8346 from three orders, and networkx's best of ten seeds
//! 0.8043 and 0.8357). On a sparse map (fewer than [`SPARSE_DEGREE`] links per
//! stakeholder: chains, trees, loose networks) many partitions score nearly
//! alike and the order decides which one the moves reach, so [`louvain`] tries
//! [`SPARSE_TRIES`] seeds and keeps the best; such maps have few links, so the tries
//! cost little. Every reference network is then within 0.001 of the best networkx
//! finds over ten seeds (`tests/analysis_networkx.rs`).
//! `O(tries · levels · passes · (n + m))`, in practice a few passes over the graph.

/// Seeds tried on a sparse map; the partition of highest modularity is kept.
pub const SPARSE_TRIES: u64 = 3;

/// Below this average number of links per node, a map is sparse.
pub const SPARSE_DEGREE: f64 = 3.0;

/// Communities of a graph: each node's community, numbered in the order of their
/// first member (so community 0 holds node 0), and the partition's modularity.
#[derive(Clone, Debug, PartialEq)]
pub struct Communities {
    pub of: Vec<u32>,
    pub count: usize,
    pub modularity: f64,
}

/// Louvain communities of the graph on `nodes` nodes with these weighted edges
/// (each undirected pair once; a pair given twice adds up; self-edges are ignored).
pub fn louvain(nodes: usize, edges: &[(u32, u32, f64)]) -> Communities {
    let kept = |&&(a, b, w): &&(u32, u32, f64)| {
        a != b && (a as usize) < nodes && (b as usize) < nodes && w > 0.0 && w.is_finite()
    };
    // Each node's edges in the order the edges come, as adjacency lists would hold them.
    let mut start = vec![0; nodes + 1];
    for &(a, b, _) in edges.iter().filter(kept) {
        start[a as usize + 1] += 1;
        start[b as usize + 1] += 1;
    }
    for v in 0..nodes {
        start[v + 1] += start[v];
    }
    let mut next = start.clone();
    let mut to = vec![0; start[nodes]];
    let mut weight = vec![0.0; start[nodes]];
    for &(a, b, w) in edges.iter().filter(kept) {
        for (from, other) in [(a, b), (b, a)] {
            let at = &mut next[from as usize];
            to[*at] = other;
            weight[*at] = w;
            *at += 1;
        }
    }
    let base = Level { start, to, weight, inner: vec![0.0; nodes] };
    let sparse = (base.to.len() as f64) < SPARSE_DEGREE * nodes as f64;
    let tries = if sparse { SPARSE_TRIES } else { 1 };
    let mut best: Option<Communities> = None;
    for seed in 0..tries {
        let found = one_try(&base, seed);
        if best.as_ref().is_none_or(|b| found.modularity > b.modularity + 1e-12) {
            best = Some(found);
        }
    }
    best.unwrap_or(Communities { of: Vec::new(), count: 0, modularity: 0.0 })
}

/// A level of the method: a weighted graph whose nodes are the previous level's
/// communities, with the weight inside each (`inner`, each internal edge once).
/// Its edges lie in two arrays, node by node (node `v`'s at `start[v]..start[v + 1]`):
/// a level is read many times over and built once, and each try starts from the
/// first level without copying it.
struct Level {
    start: Vec<usize>,
    to: Vec<u32>,
    weight: Vec<f64>,
    inner: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.inner.len()
    }

    /// Node `v`'s neighbours and the weight of the edge to each.
    fn neighbours(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let edges = self.start[v]..self.start[v + 1];
        self.to[edges.clone()].iter().zip(&self.weight[edges]).map(|(&w, &weight)| (w as usize, weight))
    }
}

fn one_try(base: &Level, seed: u64) -> Communities {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
    // Up: `levels[i]` is built from the level below it (`base` for `i = 0`) and
    // `moved[i]`, that level's nodes' communities.
    let mut levels: Vec<Level> = Vec::new();
    let mut moved: Vec<Vec<usize>> = Vec::new();
    // Each level gains modularity, so this ends; the bound is a guard.
    for _ in 0..64 {
        let level = levels.last().unwrap_or(base);
        let Some(communities) = move_nodes(level, &mut rng, None) else { break };
        levels.push(aggregate(level, &communities));
        moved.push(communities);
    }
    // Down: each level's nodes start in their community (a node of the top level is
    // one) and move again.
    let mut community: Vec<usize> = (0..levels.last().unwrap_or(base).len()).collect();
    for i in (0..moved.len()).rev() {
        let level = if i == 0 { base } else { &levels[i - 1] };
        let projected: Vec<usize> = moved[i].iter().map(|&c| community[c]).collect();
        community = move_nodes(level, &mut rng, Some(&projected)).unwrap_or(projected);
    }
    let (of, count) = numbered(&community);
    let modularity = level_modularity(base, &of, count);
    Communities { of, count, modularity }
}

/// One level's moves, each node starting alone or in its community of `from`:
/// each node's community (numbered 0..k), or `None` if nothing moved.
fn move_nodes(level: &Level, rng: &mut Rng, from: Option<&[usize]>) -> Option<Vec<usize>> {
    let n = level.len();
    let degree: Vec<f64> =
        (0..n).map(|v| level.neighbours(v).map(|(_, w)| w).sum::<f64>() + 2.0 * level.inner[v]).collect();
    let two_m: f64 = degree.iter().sum();
    if two_m <= 0.0 {
        return None;
    }
    let mut community: Vec<usize> = from.map_or_else(|| (0..n).collect(), <[usize]>::to_vec);
    // Each community's total degree.
    let mut total = vec![0.0; n];
    for (v, &c) in community.iter().enumerate() {
        total[c] += degree[v];
    }
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut weight_to = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut any = false;
    // Every node once in the shuffled order, then again only those whose
    // neighbour has moved away from them (Traag et al. 2019's fast local moving):
    // a node none of whose neighbours changed would stay where it is.
    let mut queue: std::collections::VecDeque<usize> = order.into();
    let mut queued = vec![true; n];
    while let Some(v) = queue.pop_front() {
        queued[v] = false;
        let home = community[v];
        for (w, weight) in level.neighbours(v) {
            let c = community[w];
            if weight_to[c] == 0.0 {
                touched.push(c);
            }
            weight_to[c] += weight;
        }
        total[home] -= degree[v];
        let share = degree[v] / two_m;
        let gain = |c: usize| weight_to[c] - total[c] * share;
        let (mut best, mut best_gain) = (home, gain(home));
        for &c in &touched {
            let g = gain(c);
            if g > best_gain + 1e-12 || (g > best_gain - 1e-12 && c == home) {
                best = c;
                best_gain = g;
            }
        }
        total[best] += degree[v];
        community[v] = best;
        for &c in &touched {
            weight_to[c] = 0.0;
        }
        touched.clear();
        if best != home {
            any = true;
            for (w, _) in level.neighbours(v) {
                if !queued[w] && community[w] != best {
                    queued[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    any.then(|| numbered(&community).0.into_iter().map(|c| c as usize).collect())
}

/// The next level: one node per community, edges summed, internal weight kept.
/// Each community's edges are summed in a dense row, in the order of its members
/// and their neighbours, and listed by the neighbouring community's number.
fn aggregate(level: &Level, community: &[usize]) -> Level {
    let k = community.iter().max().map_or(0, |m| m + 1);
    // The nodes by community, each community's in their own order (a counting sort).
    let mut first = vec![0; k + 1];
    for &c in community {
        first[c + 1] += 1;
    }
    for c in 0..k {
        first[c + 1] += first[c];
    }
    let mut by_community = vec![0; community.len()];
    let mut next_place = first.clone();
    for (v, &c) in community.iter().enumerate() {
        by_community[next_place[c]] = v;
        next_place[c] += 1;
    }
    let members = (0..k).map(|c| &by_community[first[c]..first[c + 1]]);
    let mut inner = vec![0.0; k];
    let mut weight_to = vec![0.0; k];
    let mut touched: Vec<usize> = Vec::new();
    let mut next =
        Level { start: Vec::with_capacity(k + 1), to: Vec::new(), weight: Vec::new(), inner: Vec::new() };
    next.start.push(0);
    for (c, members) in members.enumerate() {
        for &v in members {
            inner[c] += level.inner[v];
            for (w, weight) in level.neighbours(v) {
                let d = community[w];
                if c == d {
                    // Each internal edge is seen from both ends.
                    inner[c] += weight / 2.0;
                } else {
                    if weight_to[d] == 0.0 {
                        touched.push(d);
                    }
                    weight_to[d] += weight;
                }
            }
        }
        touched.sort_unstable();
        for &d in &touched {
            next.to.push(d as u32);
            next.weight.push(std::mem::take(&mut weight_to[d]));
        }
        next.start.push(next.to.len());
        touched.clear();
    }
    next.inner = inner;
    next
}

/// Communities renumbered in the order of their first member (each below the
/// number of nodes).
fn numbered(community: &[usize]) -> (Vec<u32>, usize) {
    let mut number = vec![u32::MAX; community.len()];
    let mut count = 0u32;
    let of = community
        .iter()
        .map(|&c| {
            if number[c] == u32::MAX {
                number[c] = count;
                count += 1;
            }
            number[c]
        })
        .collect();
    (of, count as usize)
}

/// Newman's modularity of a partition: `Σ_c L_c/m − (d_c / 2m)²`; 0 without edges.
pub fn modularity(adjacency: &[Vec<(usize, f64)>], of: &[u32], count: usize) -> f64 {
    let mut level =
        Level { start: vec![0], to: Vec::new(), weight: Vec::new(), inner: vec![0.0; adjacency.len()] };
    for neighbours in adjacency {
        for &(w, weight) in neighbours {
            level.to.push(w as u32);
            level.weight.push(weight);
        }
        level.start.push(level.to.len());
    }
    level_modularity(&level, of, count)
}

fn level_modularity(level: &Level, of: &[u32], count: usize) -> f64 {
    let mut inside = vec![0.0; count];
    let mut degree = vec![0.0; count];
    let mut two_m = 0.0;
    for v in 0..level.len() {
        for (w, weight) in level.neighbours(v) {
            two_m += weight;
            degree[of[v] as usize] += weight;
            if of[v] == of[w] {
                inside[of[v] as usize] += weight;
            }
        }
    }
    if two_m <= 0.0 {
        return 0.0;
    }
    (0..count).map(|c| inside[c] / two_m - (degree[c] / two_m).powi(2)).sum()
}

/// xorshift64*: small, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound as u64) as usize
    }
}
