//! Where points without a saved position start, deterministically from a seed.

/// The `index`-th point of a sunflower (phyllotaxis) spiral, turned by an angle taken
/// from `seed`. Points spread evenly around the origin with no two alike, and the
/// same index and seed always give the same place (d3-force starts the same way).
pub fn initial_position(index: usize, seed: u64) -> (f64, f64) {
    const SPACING: f64 = 12.0;
    let golden_angle = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let turn = (mix(seed) % 3600) as f64 / 3600.0 * std::f64::consts::TAU;
    let radius = SPACING * (0.5 + index as f64).sqrt();
    let angle = index as f64 * golden_angle + turn;
    (radius * angle.cos(), radius * angle.sin())
}

/// SplitMix64's output function: a seed becomes well-spread bits.
pub(crate) fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A tiny deterministic jiggle in (−1e-6, 1e-6), to separate points that coincide.
pub(crate) fn jiggle(state: &mut u64) -> f64 {
    *state = mix(*state);
    ((*state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 2e-6
}
