//! Eigenvector centrality by power iteration on A + I, as networkx (Euclidean norm).

mod common;
use common::{assert_close, graph, star};
use simpul_graph::{eigenvector_centrality, MAX_ITERATIONS, TOLERANCE};

#[test]
fn a_triangle_is_even() {
    let e = eigenvector_centrality(&graph(3, &[(0, 1), (1, 2), (0, 2)]));
    assert!(e.converged);
    let third = 1.0 / 3f64.sqrt();
    assert_close(&e.values, &[third, third, third]);
}

#[test]
fn a_star_converges_although_it_is_bipartite() {
    // The leading eigenvector of a star of 3 leaves: centre 1/√2, leaves 1/√6.
    let e = eigenvector_centrality(&star(3));
    assert!(e.converged);
    let leaf = 1.0 / 6f64.sqrt();
    let expected = [1.0 / 2f64.sqrt(), leaf, leaf, leaf];
    for (found, want) in e.values.iter().zip(expected) {
        assert!((found - want).abs() < 1e-3, "{:?}", e.values);
    }
}

// networkx's defaults, which the reference values were computed with.
const _: () = assert!(MAX_ITERATIONS == 100 && TOLERANCE == 1e-6);

#[test]
fn the_vector_has_unit_length_and_nothing_is_negative() {
    let e = eigenvector_centrality(&graph(6, &[(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5)]));
    let norm: f64 = e.values.iter().map(|v| v * v).sum::<f64>().sqrt();
    assert!((norm - 1.0).abs() < 1e-9);
    assert!(e.values.iter().all(|v| *v >= 0.0));
}

#[test]
fn an_empty_map_converges_at_once() {
    let e = eigenvector_centrality(&graph(0, &[]));
    assert!(e.converged && e.values.is_empty());
}
