//! Where points without a saved position start, deterministically from a seed.

/// Where the `index`-th point starts: at distance `12·√(index + ½)` from the origin
/// (so points fill a disc evenly, as on a sunflower), in a direction drawn from
/// `seed` and `index`. The same index and seed always give the same place.
/// No trigonometry: the direction is a point of the unit disc found by rejection,
/// which keeps sine and cosine out of the app's download.
pub fn initial_position(index: usize, seed: u64) -> (f64, f64) {
    const SPACING: f64 = 12.0;
    let radius = SPACING * (0.5 + index as f64).sqrt();
    let mut state = mix(seed ^ mix(index as u64));
    loop {
        state = mix(state);
        let x = (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0;
        state = mix(state);
        let y = (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0;
        let length = (x * x + y * y).sqrt();
        if length > 0.05 && length <= 1.0 {
            return (radius * x / length, radius * y / length);
        }
    }
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
