//! Eigenvector centrality: the exact principal eigenvector (unit norm, non-negative),
//! each group of a disconnected graph measured on its own and weighted by its size.

mod common;
use common::{assert_close, graph, star};
use simpul_graph::{eigenvector_centrality, KRYLOV};

#[test]
fn a_triangle_is_even() {
    let e = eigenvector_centrality(&graph(3, &[(0, 1), (1, 2), (0, 2)]));
    assert!(e.converged);
    let third = 1.0 / 3f64.sqrt();
    assert_close(&e.values, &[third, third, third]);
}

#[test]
fn a_star_is_exact_although_it_is_bipartite() {
    // The leading eigenvector of a star of 3 leaves: centre 1/√2, leaves 1/√6.
    let e = eigenvector_centrality(&star(3));
    assert!(e.converged);
    let leaf = 1.0 / 6f64.sqrt();
    for (found, want) in e.values.iter().zip([1.0 / 2f64.sqrt(), leaf, leaf, leaf]) {
        assert!((found - want).abs() < 1e-12, "{:?}", e.values);
    }
}

#[test]
fn a_path_has_the_sine_eigenvector() {
    // The path of n nodes: λ = 2cos(π/(n+1)), x_i ∝ sin(iπ/(n+1)).
    for n in [2usize, 5, 17, KRYLOV + 40] {
        let edges: Vec<(u32, u32)> = (0..n as u32 - 1).map(|i| (i, i + 1)).collect();
        let e = eigenvector_centrality(&graph(n, &edges));
        assert!(e.converged, "{n}");
        let raw: Vec<f64> =
            (1..=n).map(|i| (i as f64 * std::f64::consts::PI / (n as f64 + 1.0)).sin()).collect();
        let norm = raw.iter().map(|v| v * v).sum::<f64>().sqrt();
        for (found, want) in e.values.iter().zip(raw.iter().map(|v| v / norm)) {
            assert!((found - want).abs() < 1e-9, "path of {n}: {found} against {want}");
        }
    }
}

#[test]
fn each_group_is_measured_on_its_own_weighted_by_its_size() {
    // A triangle (3 of 6 stakeholders), a linked pair (2 of 6), one alone.
    let e = eigenvector_centrality(&graph(6, &[(0, 1), (1, 2), (0, 2), (3, 4)]));
    assert!(e.converged);
    let (triangle, pair) = ((3.0f64 / 6.0).sqrt() / 3f64.sqrt(), (2.0f64 / 6.0).sqrt() / 2f64.sqrt());
    assert_close(&e.values, &[triangle, triangle, triangle, pair, pair, 0.0]);
    let norm: f64 = e.values.iter().map(|v| v * v).sum::<f64>().sqrt();
    assert!((norm - (5.0f64 / 6.0).sqrt()).abs() < 1e-12, "the lone stakeholder's share is 0");
}

#[test]
fn the_vector_has_unit_length_and_nothing_is_negative() {
    let e = eigenvector_centrality(&graph(6, &[(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5)]));
    let norm: f64 = e.values.iter().map(|v| v * v).sum::<f64>().sqrt();
    assert!((norm - 1.0).abs() < 1e-12);
    assert!(e.values.iter().all(|v| *v >= 0.0));
}

#[test]
fn an_empty_map_converges_at_once() {
    let e = eigenvector_centrality(&graph(0, &[]));
    assert!(e.converged && e.values.is_empty());
}

/// A connected map of sector clusters, as partnerships are and as power iteration
/// found hard: `sectors` groups of `size`, about `inside` links per stakeholder in
/// its sector and one outside, from a fixed seed.
fn clustered(sectors: usize, size: usize, inside: f64) -> simpul_graph::SimpleGraph {
    let n = sectors * size;
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let (p_in, p_out) = (inside / (size - 1) as f64, 1.0 / (n - size) as f64);
    let mut edges = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let p = if a / size == b / size { p_in } else { p_out };
            if random() < p {
                edges.push((a as u32, b as u32));
            }
        }
    }
    // A ring through the sectors keeps the map in one group.
    for s in 0..sectors {
        edges.push(((s * size) as u32, (((s + 1) % sectors) * size) as u32));
    }
    graph(n, &edges)
}

/// The Perron vector is the only unit, non-negative eigenvector of a connected
/// graph: a small residual proves the values exact without a stored reference.
fn assert_exact(g: &simpul_graph::SimpleGraph) {
    let e = eigenvector_centrality(g);
    assert!(e.converged);
    let x = &e.values;
    let ax: Vec<f64> = (0..x.len()).map(|v| g.neighbors(v).iter().map(|&w| x[w as usize]).sum()).collect();
    let lambda: f64 = ax.iter().zip(x).map(|(a, b)| a * b).sum();
    let residual = ax.iter().zip(x).map(|(a, b)| (a - lambda * b).powi(2)).sum::<f64>().sqrt();
    assert!(residual <= 1e-9 * lambda, "residual {residual} for λ = {lambda}");
    assert!(x.iter().all(|v| *v >= 0.0));
    assert!((x.iter().map(|v| v * v).sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn clustered_maps_of_500_and_5000_are_exact() {
    assert_exact(&clustered(20, 25, 11.0));
    assert_exact(&clustered(200, 25, 11.0));
}
