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
