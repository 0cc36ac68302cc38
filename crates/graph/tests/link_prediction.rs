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
