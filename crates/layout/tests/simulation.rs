//! The layout's invariants: finite, bounded, deterministic, pinned bodies stay, and
//! it does what a layout is for (linked bodies end closer than unlinked ones).

use simpul_layout::{Body, Simulation, Spring, BOUND};

fn free(pos: Option<(f64, f64)>) -> Body {
    Body { pos, pinned: false, repulsion: 30.0 }
}

/// A ring of `n` bodies plus chords, the shape of a small partnership map.
fn ring(n: usize) -> (Vec<Body>, Vec<Spring>) {
    let bodies = vec![free(None); n];
    let mut springs: Vec<Spring> = (0..n)
        .map(|i| Spring { a: i as u32, b: ((i + 1) % n) as u32, length: 40.0, stiffness: 1.0 })
        .collect();
    springs.extend((0..n).step_by(3).map(|i| Spring {
        a: i as u32,
        b: ((i * 7 + 5) % n) as u32,
        length: 40.0,
        stiffness: 1.0,
    }));
    (bodies, springs)
}

fn run(sim: &mut Simulation, steps: usize) {
    for _ in 0..steps {
        sim.step();
    }
}

fn positions(sim: &Simulation) -> Vec<(f64, f64)> {
    (0..sim.len()).filter_map(|i| sim.position(i)).collect()
}

#[test]
fn settles_within_three_hundred_steps_and_stays_finite_and_bounded() {
    let (bodies, springs) = ring(200);
    let mut sim = Simulation::new(&bodies, &springs, 7);
    let mut steps = 0;
    while !sim.is_settled() {
        sim.step();
        steps += 1;
        assert!(steps <= 300, "still not settled after 300 steps");
        for (x, y) in positions(&sim) {
            assert!(x.is_finite() && y.is_finite());
            assert!(x.abs() <= BOUND && y.abs() <= BOUND);
        }
    }
    assert!(steps > 100, "settled suspiciously fast: {steps}");
}

#[test]
fn the_same_seed_gives_the_same_layout_and_another_seed_another() {
    let (bodies, springs) = ring(60);
    let mut a = Simulation::new(&bodies, &springs, 42);
    let mut b = Simulation::new(&bodies, &springs, 42);
    let mut c = Simulation::new(&bodies, &springs, 43);
    run(&mut a, 120);
    run(&mut b, 120);
    run(&mut c, 120);
    assert_eq!(positions(&a), positions(&b));
    assert_ne!(positions(&a), positions(&c));
}

#[test]
fn pinned_bodies_never_move_and_pull_their_neighbours() {
    let mut bodies = vec![free(None); 10];
    bodies[0] = Body { pos: Some((500.0, -300.0)), pinned: true, repulsion: 30.0 };
    let springs: Vec<Spring> = (1..10).map(|i| Spring { a: 0, b: i, length: 30.0, stiffness: 1.0 }).collect();
    let mut sim = Simulation::new(&bodies, &springs, 1);
    run(&mut sim, 300);
    assert_eq!(sim.position(0), Some((500.0, -300.0)));
    for i in 1..10 {
        let (x, y) = sim.position(i).unwrap_or_default();
        let distance = ((x - 500.0).powi(2) + (y + 300.0).powi(2)).sqrt();
        assert!(distance < 120.0, "body {i} is {distance} from its pinned hub");
    }
}

#[test]
fn linked_bodies_end_closer_than_unlinked_ones() {
    // Two cliques of 8, no link between them.
    let bodies = vec![free(None); 16];
    let mut springs = Vec::new();
    for group in [0u32, 8] {
        for a in group..group + 8 {
            for b in a + 1..group + 8 {
                springs.push(Spring { a, b, length: 30.0, stiffness: 1.0 });
            }
        }
    }
    let mut sim = Simulation::new(&bodies, &springs, 3);
    run(&mut sim, 300);
    let p = positions(&sim);
    let mean = |pairs: &mut dyn Iterator<Item = (usize, usize)>| {
        let (sum, count) = pairs.fold((0.0, 0.0), |(s, c), (a, b)| {
            (s + ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt(), c + 1.0)
        });
        sum / count
    };
    let inside = mean(&mut (0..8).flat_map(|a| (a + 1..8).map(move |b| (a, b))));
    let across = mean(&mut (0..8).flat_map(|a| (8..16).map(move |b| (a, b))));
    assert!(inside * 2.0 < across, "inside {inside}, across {across}");
}

#[test]
fn degenerate_input_stays_finite() {
    // Every body on the same spot, a NaN position, infinite repulsion, bad springs.
    let mut bodies = vec![free(Some((1.0, 1.0))); 50];
    bodies[3].pos = Some((f64::NAN, 2.0));
    bodies[4].repulsion = f64::INFINITY;
    bodies[5].pos = Some((1e300, -1e300));
    let springs = vec![
        Spring { a: 0, b: 0, length: 10.0, stiffness: 1.0 },
        Spring { a: 0, b: 999, length: 10.0, stiffness: 1.0 },
        Spring { a: 1, b: 2, length: f64::NAN, stiffness: f64::NAN },
        Spring { a: 2, b: 6, length: -5.0, stiffness: 1e9 },
    ];
    let mut sim = Simulation::new(&bodies, &springs, 9);
    run(&mut sim, 300);
    for (x, y) in positions(&sim) {
        assert!(x.is_finite() && y.is_finite(), "({x}, {y})");
        assert!(x.abs() <= BOUND && y.abs() <= BOUND);
    }
    // Coincident bodies were pushed apart.
    let p = positions(&sim);
    assert!(p.iter().skip(6).any(|q| (q.0 - p[7].0).abs() + (q.1 - p[7].1).abs() > 1.0));
}

#[test]
fn barnes_hut_repulsion_matches_the_exact_sum_closely() {
    // No springs, no pins: compare one step against an exact O(n²) step.
    let bodies: Vec<Body> = (0..300).map(|_| free(None)).collect();
    let mut sim = Simulation::new(&bodies, &[], 11);
    let before = positions(&sim);
    sim.step();
    let after = positions(&sim);
    let alpha = sim.alpha();
    let mut worst: f64 = 0.0;
    let mut scale: f64 = 0.0;
    for i in 0..before.len() {
        let (mut fx, mut fy) = (0.0, 0.0);
        for j in 0..before.len() {
            if i == j {
                continue;
            }
            let (dx, dy) = (before[j].0 - before[i].0, before[j].1 - before[i].1);
            let l = (dx * dx + dy * dy).max(1.0);
            fx += dx * -30.0 * alpha / l;
            fy += dy * -30.0 * alpha / l;
        }
        fx -= before[i].0 * 0.04 * alpha;
        fy -= before[i].1 * 0.04 * alpha;
        let (ex, ey) = (before[i].0 + fx * 0.6, before[i].1 + fy * 0.6);
        worst = worst.max((ex - after[i].0).abs().max((ey - after[i].1).abs()));
        scale = scale.max((fx * 0.6).abs().max((fy * 0.6).abs()));
    }
    assert!(worst < 0.1 * scale, "worst error {worst} against moves up to {scale}");
}

#[test]
fn an_empty_layout_is_settled_after_one_step() {
    let mut sim = Simulation::new(&[], &[], 0);
    sim.step();
    assert!(sim.is_settled());
    assert_eq!(sim.position(0), None);
}
