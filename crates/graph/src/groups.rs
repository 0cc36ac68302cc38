//! Connected groups of stakeholders, as `networkx.connected_components`.
//! `O(n + m)` breadth-first search.

use crate::SimpleGraph;

/// Groups in the order of their first stakeholder in the map; members in map order.
/// `group_of[v]` is the index of `v`'s group.
pub struct Groups {
    pub members: Vec<Vec<usize>>,
    pub group_of: Vec<usize>,
}

pub fn connected_groups(graph: &SimpleGraph) -> Groups {
    let n = graph.node_count();
    let mut group_of = vec![usize::MAX; n];
    let mut members = Vec::new();
    let mut queue = Vec::new();
    for start in 0..n {
        if group_of[start] != usize::MAX {
            continue;
        }
        let group = members.len();
        group_of[start] = group;
        queue.clear();
        queue.push(start);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for &w in graph.neighbors(v) {
                let w = w as usize;
                if group_of[w] == usize::MAX {
                    group_of[w] = group;
                    queue.push(w);
                }
            }
        }
        let mut group_members = queue.clone();
        group_members.sort_unstable();
        members.push(group_members);
    }
    Groups { members, group_of }
}
