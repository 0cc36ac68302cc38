//! Eigenvector centrality by power iteration, as `networkx.eigenvector_centrality`
//! (max_iter 100, tol 1e-6).
//!
//! Like networkx it iterates with `A + I` (each step starts from the previous
//! vector), which converges on bipartite graphs too, starts from the uniform vector,
//! normalises by the Euclidean norm, and stops when the L1 change is below `n·tol`.
//! Where networkx would raise for lack of convergence, the last iterate is returned
//! and `converged` is false. `O(iterations · (n + m))`.

use crate::SimpleGraph;

pub const MAX_ITERATIONS: usize = 100;
pub const TOLERANCE: f64 = 1e-6;

pub struct Eigenvector {
    pub values: Vec<f64>,
    pub converged: bool,
}

pub fn eigenvector_centrality(graph: &SimpleGraph) -> Eigenvector {
    let n = graph.node_count();
    if n == 0 {
        return Eigenvector { values: Vec::new(), converged: true };
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..MAX_ITERATIONS {
        next.copy_from_slice(&x);
        for (v, &contribution) in x.iter().enumerate() {
            for &w in graph.neighbors(v) {
                next[w as usize] += contribution;
            }
        }
        let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = if norm == 0.0 { 1.0 } else { norm };
        next.iter_mut().for_each(|v| *v /= norm);
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < n as f64 * TOLERANCE {
            return Eigenvector { values: x, converged: true };
        }
    }
    Eigenvector { values: x, converged: false }
}
