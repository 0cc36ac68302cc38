//! The analysis compiled to WebAssembly for the Node benchmark (`bench/analysis.mjs`).
//! An example, so that none of it is part of the app's download.
//!
//! Build: `cargo build --release --target wasm32-unknown-unknown --example analysis_wasm`
//! then `wasm-bindgen --target nodejs`; `scripts/bench.sh` does both.

#[cfg(target_arch = "wasm32")]
mod api {
    use simpul::analysis::{algorithms, analyze, network::Network};
    use simpul::format::decode;
    use simpul::model::Map;
    use wasm_bindgen::prelude::*;

    /// A decoded map held on the wasm side, so timings exclude JSON parsing.
    #[wasm_bindgen]
    pub struct BenchMap {
        map: Map,
        /// The links' ends, resolved once as the analysis resolves them for
        /// everything it computes.
        link_ends: Vec<Option<(usize, usize)>>,
    }

    #[wasm_bindgen]
    impl BenchMap {
        #[wasm_bindgen(constructor)]
        pub fn new(json: &str) -> Result<BenchMap, String> {
            let map = decode(json).map_err(|e| e.to_string())?;
            let link_ends = Network::build(&map).link_ends;
            Ok(BenchMap { map, link_ends })
        }

        /// The full analysis: every metric, map measure and finding. Returns the
        /// number of findings so the work cannot be optimised away.
        pub fn analyze(&self) -> usize {
            analyze(&self.map).findings.len()
        }

        /// Louvain communities alone, as the full analysis finds them (its links'
        /// ends already resolved); returns how many.
        pub fn communities(&self) -> usize {
            simpul::analysis::communities_of(&self.map, &self.link_ends).count
        }

        /// Betweenness alone, built from the map as the full analysis builds it.
        pub fn betweenness(&self) -> Vec<f64> {
            let graph = Network::build(&self.map).stakeholder_graph();
            algorithms::path_centralities(&graph).betweenness
        }

        /// `[degree, betweenness, closeness, eigenvector]` per stakeholder, flattened.
        pub fn metrics(&self) -> Vec<f64> {
            analyze(&self.map)
                .metrics
                .iter()
                .flat_map(|m| [m.degree, m.betweenness, m.closeness, m.eigenvector])
                .collect()
        }

        /// Finding codes, for a glance at what a generated map produces.
        pub fn finding_codes(&self) -> Vec<String> {
            analyze(&self.map).findings.iter().map(|f| f.code.as_str().to_string()).collect()
        }
    }

    /// The network view's layout of a map, stepped from JavaScript.
    #[wasm_bindgen]
    pub struct BenchLayout {
        layout: simpul::layout::MapLayout,
    }

    #[wasm_bindgen]
    impl BenchLayout {
        #[wasm_bindgen(constructor)]
        pub fn new(json: &str, seed: u64) -> Result<BenchLayout, String> {
            let map = decode(json).map_err(|e| e.to_string())?;
            Ok(BenchLayout { layout: simpul::layout::MapLayout::new(&map, seed) })
        }

        /// One layout step, as the view runs once per frame.
        pub fn step(&mut self) {
            self.layout.simulation_mut().step();
        }

        pub fn is_settled(&self) -> bool {
            self.layout.simulation().is_settled()
        }

        /// Every body's position, flattened `[x0, y0, x1, y1, …]`: the map's
        /// stakeholders, then its sector hubs.
        pub fn positions(&self) -> Vec<f64> {
            let sim = self.layout.simulation();
            (0..sim.len()).flat_map(|i| sim.position(i).map_or([f64::NAN; 2], |(x, y)| [x, y])).collect()
        }

        /// The springs as pairs of bodies, flattened `[a0, b0, a1, b1, …]`: each
        /// link's ends, then each membership (stakeholder, sector hub).
        pub fn springs(&self) -> Vec<u32> {
            let hub = self.layout.first_hub();
            let links = self.layout.link_ends().iter().flatten().map(|&(a, b)| [a as u32, b as u32]);
            let memberships = self.layout.memberships().iter().map(|&(s, h)| [s as u32, (hub + h) as u32]);
            links.chain(memberships).flatten().collect()
        }

        /// Sum of all coordinates, so the work cannot be optimised away.
        pub fn checksum(&self) -> f64 {
            let sim = self.layout.simulation();
            (0..sim.len()).filter_map(|i| sim.position(i)).map(|(x, y)| x + y).sum()
        }
    }
}
