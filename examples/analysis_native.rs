//! The full analysis timed natively, beside its time in wasm (`bench/analysis.mjs`
//! runs this with each generated map on standard input): how far the browser's
//! wasm is from the machine. An example, so that none of it is part of the app.
//!
//! Prints one line: `{"full_ms": …, "communities_ms": …}`, each the median of
//! `RUNS` (the first argument, 3 by default) after one warm-up.

use std::io::Read;
use std::time::Instant;

fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    work();
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("analysis_native: could not read the map from standard input");
        std::process::exit(2);
    }
    let map = match simpul::format::decode(&text) {
        Ok(map) => map,
        Err(invalid) => {
            eprintln!("analysis_native: not a map: {invalid}");
            std::process::exit(2);
        }
    };
    let full = median_ms(runs, || {
        std::hint::black_box(simpul::analysis::analyze(&map));
    });
    let link_ends = simpul::analysis::network::Network::build(&map).link_ends;
    let communities = median_ms(runs, || {
        std::hint::black_box(simpul::analysis::communities_of(&map, &link_ends));
    });
    println!("{{\"full_ms\": {full}, \"communities_ms\": {communities}}}");
}
