//! Connected groups of stakeholders, as `networkx.connected_components`, from one
//! breadth-first walk over the whole graph. `O(n + m)`.

use crate::SimpleGraph;

/// Groups in the order of their first stakeholder in the map; members in map order.
/// `group_of[v]` is the index of `v`'s group.
pub struct Groups {
    pub members: Vec<Vec<usize>>,
    pub group_of: Vec<usize>,
}

pub fn connected_groups(graph: &SimpleGraph) -> Groups {
    let walk = BreadthFirst::of(graph);
    let mut group_of = vec![usize::MAX; graph.node_count()];
    let members = walk
        .groups()
        .enumerate()
        .map(|(group, run)| {
            let mut members: Vec<usize> = run.iter().map(|&v| v as usize).collect();
            members.iter().for_each(|&v| group_of[v] = group);
            members.sort_unstable();
            members
        })
        .collect();
    Groups { members, group_of }
}

/// Every vertex once, breadth first from vertex 0, then from the first vertex not
/// yet reached, and so on: each connected group is one run of `order`, in the
/// order of its first vertex. `O(n + m)`.
pub(crate) struct BreadthFirst {
    pub order: Vec<u32>,
    /// Where each group's run starts in `order`.
    starts: Vec<usize>,
}

impl BreadthFirst {
    pub fn of(graph: &SimpleGraph) -> Self {
        let n = graph.node_count();
        let mut reached = vec![false; n];
        let mut order: Vec<u32> = Vec::with_capacity(n);
        let mut starts = Vec::new();
        for start in 0..n {
            if reached[start] {
                continue;
            }
            reached[start] = true;
            starts.push(order.len());
            order.push(start as u32);
            let mut head = order.len() - 1;
            while head < order.len() {
                let v = order[head] as usize;
                head += 1;
                for &w in graph.neighbors(v) {
                    if !reached[w as usize] {
                        reached[w as usize] = true;
                        order.push(w);
                    }
                }
            }
        }
        BreadthFirst { order, starts }
    }

    /// Each connected group's vertices, as they were reached.
    pub fn groups(&self) -> impl Iterator<Item = &[u32]> {
        let ends = self.starts.iter().skip(1).copied().chain([self.order.len()]);
        self.starts.iter().zip(ends).map(|(&start, end)| &self.order[start..end])
    }
}
