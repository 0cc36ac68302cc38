//! Degree centrality: degree / (n − 1), and 1.0 for a lone stakeholder (networkx).

mod common;
use common::{assert_close, graph, star};
use simpul_graph::degree_centrality;

#[test]
fn a_star_s_centre_touches_everyone() {
    assert_close(&degree_centrality(&star(4)), &[1.0, 0.25, 0.25, 0.25, 0.25]);
}

#[test]
fn one_stakeholder_alone_and_none_at_all() {
    assert_close(&degree_centrality(&graph(1, &[])), &[1.0]);
    assert!(degree_centrality(&graph(0, &[])).is_empty());
    assert_close(&degree_centrality(&graph(3, &[])), &[0.0, 0.0, 0.0]);
}
