//! The best unlinked pairs: Adamic–Adar over common neighbours plus shared groups.

mod common;
use common::{graph, path, star};
use simpul_graph::best_unlinked_pairs;

#[test]
fn the_two_ends_of_a_short_path_share_a_neighbour() {
    let found = best_unlinked_pairs(&path(3), &[], 5);
    assert_eq!(found.len(), 1);
    let c = found[0];
    assert_eq!(c.pair, (0, 2));
    assert_eq!(c.common_neighbours, 1);
    assert!((c.adamic_adar - 1.0 / 2f64.ln()).abs() < 1e-12);
    assert_eq!(c.shared_groups, 0);
    assert!((c.score - c.adamic_adar).abs() < 1e-12);
}

#[test]
fn shared_groups_add_to_the_score_and_linked_pairs_never_come_back() {
    // 0 and 3 share nothing but a sector; 1 and 2 are linked already.
    let g = graph(4, &[(1, 2)]);
    let found = best_unlinked_pairs(&g, &[vec![0, 3], vec![1, 2]], 5);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pair, (0, 3));
    assert_eq!(found[0].shared_groups, 1);
    assert_eq!(found[0].score, 1.0);
}

#[test]
fn best_first_ties_by_pair_and_at_most_k() {
    // The leaves of a star all share the centre: 6 equal pairs, ordered by pair.
    let found = best_unlinked_pairs(&star(4), &[], 4);
    let pairs: Vec<(usize, usize)> = found.iter().map(|c| c.pair).collect();
    assert_eq!(pairs, vec![(1, 2), (1, 3), (1, 4), (2, 3)]);
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(best_unlinked_pairs(&star(4), &[], 0).is_empty());
}

/// Every unlinked pair scored one by one, as the definition reads: the reference
/// the gathering by rows must equal.
fn every_pair(
    graph: &simpul_graph::SimpleGraph,
    groups: &[Vec<u32>],
    k: usize,
) -> Vec<(usize, usize, f64, usize)> {
    let n = graph.node_count();
    let mut all = Vec::new();
    for u in 0..n {
        for v in u + 1..n {
            if graph.has_edge(u, v) {
                continue;
            }
            let common: Vec<usize> =
                (0..n).filter(|&w| graph.has_edge(u, w) && graph.has_edge(v, w)).collect();
            let adamic_adar: f64 = common.iter().map(|&w| 1.0 / (graph.degree(w) as f64).ln()).sum();
            let holds = |g: &Vec<u32>, x: usize| g.iter().filter(|&&m| m as usize == x).count();
            let shared: usize = groups.iter().map(|g| holds(g, u) * holds(g, v)).sum();
            let score = adamic_adar + shared as f64;
            if score > 0.0 {
                all.push((u, v, score, common.len()));
            }
        }
    }
    all.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    all.truncate(k);
    all
}

#[test]
fn equals_scoring_every_pair_on_random_graphs_with_groups() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut random = move |bound: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % bound
    };
    for round in 0..40 {
        let n = 2 + random(40) as u32;
        let edges: Vec<(u32, u32)> = (0..random(3 * u64::from(n)))
            .map(|_| (random(u64::from(n)) as u32, random(u64::from(n)) as u32))
            .filter(|(a, b)| a != b)
            .collect();
        let g = graph(n as usize, &edges);
        // Groups may list a member twice, as the scoring must then count it twice.
        let groups: Vec<Vec<u32>> =
            (0..random(5)).map(|_| (0..random(8)).map(|_| random(u64::from(n)) as u32).collect()).collect();
        let k = 1 + random(12) as usize;
        let found: Vec<(usize, usize, f64, usize)> = best_unlinked_pairs(&g, &groups, k)
            .iter()
            .map(|c| (c.pair.0, c.pair.1, c.score, c.common_neighbours))
            .collect();
        let want = every_pair(&g, &groups, k);
        assert_eq!(found.len(), want.len(), "round {round}: {found:?} against {want:?}");
        for (f, w) in found.iter().zip(&want) {
            assert_eq!((f.0, f.1, f.3), (w.0, w.1, w.3), "round {round}: {found:?} against {want:?}");
            assert!((f.2 - w.2).abs() < 1e-12, "round {round}");
        }
    }
}
