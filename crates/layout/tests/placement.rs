//! Where a stakeholder without a saved place starts: deterministic, on a sunflower
//! disc (distance 12·√(index + ½)), and spread in direction.

use simpul_layout::initial_position;

#[test]
fn the_same_index_and_seed_give_the_same_place() {
    for i in 0..50 {
        assert_eq!(initial_position(i, 7), initial_position(i, 7));
    }
    let moved = (0..50).filter(|&i| initial_position(i, 7) != initial_position(i, 8)).count();
    assert_eq!(moved, 50, "another seed turns every point");
}

#[test]
fn points_sit_at_the_sunflower_distance() {
    for i in [0usize, 1, 10, 999, 5_000] {
        let (x, y) = initial_position(i, 42);
        let expected = 12.0 * (0.5 + i as f64).sqrt();
        assert!(((x * x + y * y).sqrt() - expected).abs() < 1e-9, "index {i}");
    }
}

#[test]
fn directions_cover_every_quadrant() {
    let mut quadrants = [0usize; 4];
    for i in 0..400 {
        let (x, y) = initial_position(i, 3);
        quadrants[usize::from(x >= 0.0) | (usize::from(y >= 0.0) << 1)] += 1;
    }
    assert!(quadrants.iter().all(|&q| q > 60), "{quadrants:?}");
}
