//! Betweenness (normalised) and closeness (Wasserman–Faust) as networkx gives them.

mod common;
use common::{assert_close, graph, path, star};
use simpul_graph::path_centralities;

#[test]
fn on_a_path_the_middle_carries_the_traffic() {
    // 0–1–2–3: vertex 1 lies on the shortest paths 0–2 and 0–3; 2/((n−1)(n−2)) scales.
    let p = path_centralities(&path(4));
    assert_close(&p.betweenness, &[0.0, 2.0 / 3.0, 2.0 / 3.0, 0.0]);
    // Closeness of 0: 3 / (1 + 2 + 3); of 1: 3 / (1 + 1 + 2).
    assert_close(&p.closeness, &[0.5, 0.75, 0.75, 0.5]);
}

#[test]
fn a_star_s_centre_lies_between_every_pair_of_leaves() {
    let p = path_centralities(&star(4));
    assert_close(&p.betweenness, &[1.0, 0.0, 0.0, 0.0, 0.0]);
    let leaf = 4.0 / 7.0;
    assert_close(&p.closeness, &[1.0, leaf, leaf, leaf, leaf]);
}

#[test]
fn closeness_is_scaled_by_how_much_of_the_map_is_reachable() {
    // 0–1 and a lone 2: r = 2 of n = 3, so (1/1) · (1/2).
    let p = path_centralities(&graph(3, &[(0, 1)]));
    assert_close(&p.closeness, &[0.5, 0.5, 0.0]);
    assert_close(&p.betweenness, &[0.0, 0.0, 0.0]);
}

#[test]
fn two_stakeholders_or_fewer_are_never_between() {
    let p = path_centralities(&path(2));
    assert_close(&p.betweenness, &[0.0, 0.0]);
    assert_close(&p.closeness, &[1.0, 1.0]);
    assert!(path_centralities(&graph(0, &[])).betweenness.is_empty());
}

/// Brandes one source at a time, as written in his paper: the reference the
/// batched searches must equal.
fn one_source_at_a_time(g: &simpul_graph::SimpleGraph) -> (Vec<f64>, Vec<f64>) {
    let n = g.node_count();
    let (mut betweenness, mut closeness) = (vec![0.0; n], vec![0.0; n]);
    for s in 0..n {
        let mut distance = vec![usize::MAX; n];
        let mut sigma = vec![0.0; n];
        let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut order = vec![s];
        distance[s] = 0;
        sigma[s] = 1.0;
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            for &w in g.neighbors(v) {
                let w = w as usize;
                if distance[w] == usize::MAX {
                    distance[w] = distance[v] + 1;
                    order.push(w);
                }
                if distance[w] == distance[v] + 1 {
                    sigma[w] += sigma[v];
                    predecessors[w].push(v);
                }
            }
        }
        let total: usize = order.iter().map(|&v| distance[v]).sum();
        if total > 0 {
            let r = (order.len() - 1) as f64;
            closeness[s] = r / total as f64 * r / (n - 1) as f64;
        }
        let mut delta = vec![0.0; n];
        for &w in order.iter().rev() {
            for &v in &predecessors[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                betweenness[w] += delta[w];
            }
        }
    }
    let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
    (betweenness.iter().map(|b| b * scale).collect(), closeness)
}

#[test]
fn searches_in_batches_equal_one_source_at_a_time() {
    // 230 stakeholders (four batches, the last one partial) in three groups that
    // never meet, each a ring with chords, and four alone.
    let mut edges = Vec::new();
    for (first, size) in [(0u32, 101u32), (101, 70), (171, 55)] {
        for i in 0..size {
            let v = first + i;
            edges.push((v, first + (i + 1) % size));
            edges.push((v, first + (i * 7 + 3) % size));
        }
    }
    let g = graph(230, &edges.into_iter().filter(|(a, b)| a != b).collect::<Vec<_>>());
    let found = path_centralities(&g);
    let (betweenness, closeness) = one_source_at_a_time(&g);
    for (found, expected) in [(&found.betweenness, &betweenness), (&found.closeness, &closeness)] {
        for (f, e) in found.iter().zip(expected) {
            assert!((f - e).abs() <= 1e-12 * e.abs().max(1.0), "{f} vs {e}");
        }
    }
    assert!(found.betweenness.iter().any(|&b| b > 0.01), "the test graph has stakeholders in between");
    assert_eq!(found.closeness[229], 0.0, "the last stakeholder is alone");
}
