//! Articulation points and bridges (Hopcroft–Tarjan), with the sizes of the parts
//! each one separates. `O(n + m)`, iterative, so a long chain of 5,000 stakeholders
//! cannot overflow the stack.
//!
//! For a vertex `v` of a group of `size` stakeholders, every DFS child `c` with
//! `low[c] ≥ disc[v]` is cut off with its whole subtree; whatever else remains
//! (`size − 1 − Σ cut subtrees`, when `v` is not the root) is one more part. A tree
//! edge `(p, c)` is a bridge when `low[c] > disc[p]`, leaving parts of `sub[c]` and
//! `size − sub[c]` stakeholders.

use crate::SimpleGraph;

pub struct CutPoints {
    /// Articulation points in map order, each with the sizes of the parts that
    /// removing it leaves in its group.
    pub articulation_points: Vec<(usize, Vec<usize>)>,
    /// Bridges as `(a, b)` with `a < b`, sorted, each with the sizes of its two sides.
    pub bridges: Vec<((usize, usize), (usize, usize))>,
}

pub fn cut_points(graph: &SimpleGraph, group_sizes: impl Fn(usize) -> usize) -> CutPoints {
    let n = graph.node_count();
    const UNSEEN: u32 = u32::MAX;
    let mut disc = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut parent = vec![usize::MAX; n];
    let mut subtree = vec![1usize; n];
    // Sizes of the parts cut off below each vertex, and how many DFS children it has.
    let mut cut_below: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut children = vec![0usize; n];
    let mut bridges = Vec::new();
    let mut time = 0u32;
    // (vertex, next neighbour position)
    let mut stack: Vec<(usize, usize)> = Vec::new();

    for root in 0..n {
        if disc[root] != UNSEEN {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        stack.push((root, 0));
        while let Some(&mut (v, ref mut position)) = stack.last_mut() {
            let neighbours = graph.neighbors(v);
            if *position < neighbours.len() {
                let w = neighbours[*position] as usize;
                *position += 1;
                if disc[w] == UNSEEN {
                    parent[w] = v;
                    children[v] += 1;
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    stack.push((w, 0));
                } else if w != parent[v] {
                    low[v] = low[v].min(disc[w]);
                }
                continue;
            }
            stack.pop();
            let p = parent[v];
            if p != usize::MAX {
                subtree[p] += subtree[v];
                low[p] = low[p].min(low[v]);
                if low[v] >= disc[p] {
                    cut_below[p].push(subtree[v]);
                }
                if low[v] > disc[p] {
                    let size = group_sizes(v);
                    let key = (p.min(v), p.max(v));
                    let sides =
                        if p < v { (size - subtree[v], subtree[v]) } else { (subtree[v], size - subtree[v]) };
                    bridges.push((key, sides));
                }
            }
        }
    }

    let mut articulation_points = Vec::new();
    for v in 0..n {
        let is_root = parent[v] == usize::MAX;
        let cut = &cut_below[v];
        let articulation = if is_root { children[v] >= 2 } else { !cut.is_empty() };
        if !articulation {
            continue;
        }
        let mut parts = cut.clone();
        if !is_root {
            let rest = group_sizes(v) - 1 - cut.iter().sum::<usize>();
            if rest > 0 {
                parts.push(rest);
            }
        }
        articulation_points.push((v, parts));
    }
    bridges.sort_unstable();
    CutPoints { articulation_points, bridges }
}
