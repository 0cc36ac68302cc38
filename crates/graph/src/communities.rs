//! Communities by the Louvain method (Blondel et al. 2008), weighted, seeded and so
//! deterministic, with the modularity of the result (resolution 1, as
//! `networkx.community.modularity`).
//!
//! Each level moves one node at a time (in an order shuffled from the seed) to the
//! neighbouring community that gains the most modularity, then revisits only the
//! neighbours of nodes that moved, until no move gains; the communities then
//! become the nodes of the next level. It stops when a level moves
//! nothing. Louvain is greedy, so the order matters a little: [`louvain`] runs the
//! seeds `0..TRIES` and keeps the best partition, which on the classic networks is
//! within 0.01 of the best networkx finds over ten seeds.
//! `O(TRIES · levels · passes · (n + m))`, in practice a few passes over the graph.

/// Seeds tried; the partition of highest modularity is kept.
pub const TRIES: u64 = 4;

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
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nodes];
    for &(a, b, w) in edges {
        let (a, b) = (a as usize, b as usize);
        if a != b && a < nodes && b < nodes && w > 0.0 && w.is_finite() {
            adjacency[a].push((b, w));
            adjacency[b].push((a, w));
        }
    }
    let base = Level { adjacency, inner: vec![0.0; nodes] };
    let mut best: Option<Communities> = None;
    for seed in 0..TRIES {
        let found = one_try(&base, seed);
        if best.as_ref().is_none_or(|b| found.modularity > b.modularity + 1e-12) {
            best = Some(found);
        }
    }
    best.unwrap_or(Communities { of: Vec::new(), count: 0, modularity: 0.0 })
}

/// A level of the method: a weighted graph whose nodes are the previous level's
/// communities, with the weight inside each (`inner`, each internal edge once).
struct Level {
    adjacency: Vec<Vec<(usize, f64)>>,
    inner: Vec<f64>,
}

fn one_try(base: &Level, seed: u64) -> Communities {
    let nodes = base.adjacency.len();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
    let mut membership: Vec<usize> = (0..nodes).collect();
    let mut level = Level { adjacency: base.adjacency.clone(), inner: base.inner.clone() };
    // Each level gains modularity, so this ends; the bound is a guard.
    for _ in 0..64 {
        let Some(moved) = move_nodes(&level, &mut rng) else { break };
        for m in membership.iter_mut() {
            *m = moved[*m];
        }
        level = aggregate(&level, &moved);
    }
    let (of, count) = numbered(&membership);
    let modularity = modularity(&base.adjacency, &of, count);
    Communities { of, count, modularity }
}

/// One level's moves: each node's community (numbered 0..k), or `None` if nothing moved.
fn move_nodes(level: &Level, rng: &mut Rng) -> Option<Vec<usize>> {
    let n = level.adjacency.len();
    let degree: Vec<f64> = (0..n)
        .map(|v| level.adjacency[v].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * level.inner[v])
        .collect();
    let two_m: f64 = degree.iter().sum();
    if two_m <= 0.0 {
        return None;
    }
    let mut community: Vec<usize> = (0..n).collect();
    let mut total = degree.clone();
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
        for &(w, weight) in &level.adjacency[v] {
            let c = community[w];
            if weight_to[c] == 0.0 {
                touched.push(c);
            }
            weight_to[c] += weight;
        }
        total[home] -= degree[v];
        let gain = |c: usize| weight_to[c] - total[c] * degree[v] / two_m;
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
            for &(w, _) in &level.adjacency[v] {
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
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (v, &c) in community.iter().enumerate() {
        members[c].push(v);
    }
    let mut inner = vec![0.0; k];
    let mut weight_to = vec![0.0; k];
    let mut touched: Vec<usize> = Vec::new();
    let mut adjacency = Vec::with_capacity(k);
    for (c, members) in members.iter().enumerate() {
        for &v in members {
            inner[c] += level.inner[v];
            for &(w, weight) in &level.adjacency[v] {
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
        adjacency.push(touched.iter().map(|&d| (d, std::mem::take(&mut weight_to[d]))).collect());
        touched.clear();
    }
    Level { adjacency, inner }
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
    let mut inside = vec![0.0; count];
    let mut degree = vec![0.0; count];
    let mut two_m = 0.0;
    for (v, neighbours) in adjacency.iter().enumerate() {
        for &(w, weight) in neighbours {
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
