//! Metrics equal networkx's on classic networks and edge cases (eigenvector: the exact
//! principal eigenvector, numpy's, per group on a disconnected map). The fixtures are
//! made by `scripts/reference_metrics.py` with networkx; this test only reads them.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use simpul::analysis::analyze;
use simpul::format::decode_value;
use std::path::Path;

fn fixtures() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/networkx");
    let mut all: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("fixture text");
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&text).expect("fixture json"),
            )
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(all.len() >= 12, "fixtures are missing: run scripts/reference_metrics.py");
    all
}

fn close(name: &str, what: &str, got: f64, want: f64, tolerance: f64) {
    assert!((got - want).abs() <= tolerance, "{name}: {what} is {got}, networkx says {want}");
}

#[test]
fn centralities_equal_networkx() {
    for (name, fixture) in fixtures() {
        let map = decode_value(&fixture["map"]).unwrap_or_else(|e| panic!("{name}: {e}"));
        let analysis = analyze(&map);
        let expected = &fixture["expected"];
        let metrics = expected["metrics"].as_object().expect("metrics");
        assert_eq!(analysis.metrics.len(), metrics.len(), "{name}");
        for (stakeholder, got) in map.stakeholders.iter().zip(&analysis.metrics) {
            let want = &metrics[stakeholder.id.as_str()];
            let label = format!("{name}/{}", stakeholder.id);
            close(&label, "degree", got.degree, want["degree"].as_f64().unwrap(), 1e-9);
            close(&label, "betweenness", got.betweenness, want["betweenness"].as_f64().unwrap(), 1e-9);
            close(&label, "closeness", got.closeness, want["closeness"].as_f64().unwrap(), 1e-9);
            if let Some(eigenvector) = want["eigenvector"].as_f64() {
                close(&label, "eigenvector", got.eigenvector, eigenvector, 1e-6);
            }
        }
    }
}

/// Newman's modularity of the analysis's communities, computed here from the map:
/// the stakeholder graph weighted by link strength (a pair's links add up).
fn modularity_of(map: &simpul::model::Map, community: &[Option<u32>]) -> f64 {
    let index: std::collections::HashMap<&str, usize> =
        map.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let (mut inside, mut total) = (std::collections::HashMap::new(), std::collections::HashMap::new());
    let mut m = 0.0;
    for link in map.links.iter().filter(|l| l.from != l.to) {
        let (a, b) = (index[link.from.as_str()], index[link.to.as_str()]);
        let w = f64::from(link.strength.get());
        m += w;
        *total.entry(community[a]).or_insert(0.0) += w;
        *total.entry(community[b]).or_insert(0.0) += w;
        if community[a] == community[b] {
            *inside.entry(community[a]).or_insert(0.0) += w;
        }
    }
    if m == 0.0 {
        return 0.0;
    }
    total.iter().map(|(c, d)| inside.get(c).copied().unwrap_or(0.0) / m - (d / (2.0 * m)).powi(2)).sum()
}

#[test]
fn communities_are_as_good_as_networkx_best_louvain() {
    for (name, fixture) in fixtures() {
        let map = decode_value(&fixture["map"]).unwrap();
        let analysis = analyze(&map);
        let community: Vec<Option<u32>> = analysis.metrics.iter().map(|m| m.community).collect();
        let modularity = analysis.map.modularity;
        close(&name, "modularity", modularity, modularity_of(&map, &community), 1e-9);
        let best = fixture["expected"]["best_louvain_modularity"].as_f64().unwrap();
        // Issue 18 asks for 0.01; refined, every reference network is within 0.001.
        assert!(modularity >= best - 0.001, "{name}: modularity {modularity}, networkx's best {best}");
        assert_eq!(
            analysis.map.communities,
            community.iter().collect::<std::collections::HashSet<_>>().len()
        );
    }
}

#[test]
fn map_measures_equal_networkx() {
    for (name, fixture) in fixtures() {
        let map = decode_value(&fixture["map"]).unwrap();
        let measures = analyze(&map).map;
        let expected = &fixture["expected"];
        close(&name, "density", measures.density, expected["density"].as_f64().unwrap(), 1e-12);
        assert_eq!(measures.groups as u64, expected["groups"].as_u64().unwrap(), "{name}: groups");
        let mut points = measures.articulation_points.clone();
        points.sort();
        let want: Vec<String> = expected["articulation_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(points, want, "{name}: articulation points");
        let mut bridges: Vec<Vec<String>> = measures
            .bridges
            .iter()
            .map(|[a, b]| {
                let mut pair = vec![a.clone(), b.clone()];
                pair.sort();
                pair
            })
            .collect();
        bridges.sort();
        let want: Vec<Vec<String>> = serde_json::from_value(expected["bridges"].clone()).unwrap();
        assert_eq!(bridges, want, "{name}: bridges");
    }
}
