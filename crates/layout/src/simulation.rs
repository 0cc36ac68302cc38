//! The simulation: bodies, springs and the step that moves them.

use crate::placement::{initial_position, jiggle, mix};
use crate::quadtree::QuadTree;

/// No coordinate ever leaves `[-BOUND, BOUND]`, whatever the input.
pub const BOUND: f64 = 1.0e6;

/// Barnes–Hut accuracy: a cell whose side is under `THETA` times its distance acts
/// as one body (d3-force's default).
const THETA: f64 = 0.9;
/// Below this the layout counts as settled (d3-force's `alphaMin`).
const ALPHA_MIN: f64 = 0.001;
/// Cooling per step: from 1 to `ALPHA_MIN` in 300 steps (d3-force's default).
const ALPHA_DECAY: f64 = 0.022_763_277;
/// The share of velocity kept from one step to the next.
const VELOCITY_KEPT: f64 = 0.6;
/// The pull of every body towards the origin, so separate groups stay in view.
const GRAVITY: f64 = 0.04;
/// The largest move in one step, so a bad input cannot fling a point away.
const MAX_SPEED: f64 = 500.0;

/// One point of the layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Body {
    /// Where it is, if known; otherwise it starts on a spiral around the origin.
    pub pos: Option<(f64, f64)>,
    /// A pinned body stays where it is and only pushes and pulls the others.
    pub pinned: bool,
    /// How strongly it pushes others away (positive; d3-force's default is 30).
    pub repulsion: f64,
}

/// A spring pulling two bodies towards `length` apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spring {
    pub a: u32,
    pub b: u32,
    pub length: f64,
    /// Scales the default stiffness `1 / min(degree(a), degree(b))`, which keeps
    /// hubs from being yanked around by their many springs.
    pub stiffness: f64,
}

/// A running layout. Construct it, call [`step`](Self::step) once per frame until
/// [`is_settled`](Self::is_settled), read [`position`](Self::position).
#[derive(Clone, Debug)]
pub struct Simulation {
    x: Vec<f64>,
    y: Vec<f64>,
    vx: Vec<f64>,
    vy: Vec<f64>,
    pinned: Vec<bool>,
    /// Negative: the quadtree sums these, and a negative sum pushes.
    charge: Vec<f64>,
    springs: Vec<Spring>,
    /// Per spring: the resolved stiffness, and the share of the correction that
    /// moves `b` (the end with fewer springs moves more).
    spring_k: Vec<f64>,
    spring_bias: Vec<f64>,
    alpha: f64,
    tree: QuadTree,
    random: u64,
}

impl Simulation {
    /// `O(n + m)`. Springs naming a body that does not exist, or a body twice, are
    /// ignored. Bodies without a position start on a spiral turned by `seed`.
    pub fn new(bodies: &[Body], springs: &[Spring], seed: u64) -> Self {
        let n = bodies.len();
        let mut sim = Self {
            x: Vec::with_capacity(n),
            y: Vec::with_capacity(n),
            vx: vec![0.0; n],
            vy: vec![0.0; n],
            pinned: bodies.iter().map(|b| b.pinned).collect(),
            charge: bodies.iter().map(|b| -finite_or(b.repulsion, 30.0).abs()).collect(),
            springs: Vec::with_capacity(springs.len()),
            spring_k: Vec::with_capacity(springs.len()),
            spring_bias: Vec::with_capacity(springs.len()),
            alpha: 1.0,
            tree: QuadTree::default(),
            random: mix(seed ^ 0x5151),
        };
        for (i, body) in bodies.iter().enumerate() {
            let (x, y) = match body.pos {
                Some((x, y)) if x.is_finite() && y.is_finite() => (clamp(x), clamp(y)),
                _ => initial_position(i, seed),
            };
            sim.x.push(x);
            sim.y.push(y);
        }
        let mut degree = vec![0u32; n];
        for spring in springs {
            let (a, b) = (spring.a as usize, spring.b as usize);
            if a < n && b < n && a != b {
                degree[a] += 1;
                degree[b] += 1;
                sim.springs.push(*spring);
            }
        }
        for spring in &sim.springs {
            let (da, db) = (f64::from(degree[spring.a as usize]), f64::from(degree[spring.b as usize]));
            sim.spring_k.push(finite_or(spring.stiffness, 1.0).clamp(0.0, 2.0) / da.min(db));
            sim.spring_bias.push(da / (da + db));
        }
        sim
    }

    pub fn len(&self) -> usize {
        self.x.len()
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    pub fn position(&self, i: usize) -> Option<(f64, f64)> {
        Some((*self.x.get(i)?, *self.y.get(i)?))
    }

    /// The current temperature: 1 when started, below 0.001 when settled.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// True once the layout has cooled down and stepping would barely move anything.
    pub fn is_settled(&self) -> bool {
        self.alpha < ALPHA_MIN
    }

    /// Sets the temperature: 0 stops the layout where it is, 1 starts it afresh.
    pub fn set_alpha(&mut self, alpha: f64) {
        self.alpha = if alpha.is_finite() { alpha.clamp(0.0, 1.0) } else { 0.0 };
    }

    /// Warms the layout up again (after a change to the map), to at least `alpha`.
    pub fn reheat(&mut self, alpha: f64) {
        self.alpha = self.alpha.max(alpha.clamp(0.0, 1.0));
    }

    /// Puts body `i` at a place (a drag), and pins or frees it.
    pub fn place(&mut self, i: usize, x: f64, y: f64, pinned: bool) {
        if i < self.len() && x.is_finite() && y.is_finite() {
            self.x[i] = clamp(x);
            self.y[i] = clamp(y);
            self.vx[i] = 0.0;
            self.vy[i] = 0.0;
            self.pinned[i] = pinned;
        }
    }

    pub fn set_pinned(&mut self, i: usize, pinned: bool) {
        if let Some(p) = self.pinned.get_mut(i) {
            *p = pinned;
        }
    }

    /// One step: `O(n log n + m)`. Cools the layout, applies repulsion, springs and
    /// gravity to the velocities, then moves every free body.
    pub fn step(&mut self) {
        let n = self.len();
        if n == 0 {
            self.alpha = 0.0;
            return;
        }
        self.alpha -= self.alpha * ALPHA_DECAY;
        let alpha = self.alpha;

        // Springs first, on the positions each body is about to reach (as d3-force).
        for (s, spring) in self.springs.iter().enumerate() {
            let (a, b) = (spring.a as usize, spring.b as usize);
            let mut dx = self.x[b] + self.vx[b] - self.x[a] - self.vx[a];
            let mut dy = self.y[b] + self.vy[b] - self.y[a] - self.vy[a];
            if dx == 0.0 {
                dx = jiggle(&mut self.random);
            }
            if dy == 0.0 {
                dy = jiggle(&mut self.random);
            }
            let distance = (dx * dx + dy * dy).sqrt();
            let pull = (distance - spring.length) / distance * alpha * self.spring_k[s];
            let (px, py) = (dx * pull, dy * pull);
            let bias = self.spring_bias[s];
            self.vx[b] -= px * bias;
            self.vy[b] -= py * bias;
            self.vx[a] += px * (1.0 - bias);
            self.vy[a] += py * (1.0 - bias);
        }

        self.tree.build(&self.x, &self.y, &self.charge);
        for i in 0..n {
            let (fx, fy) = self.tree.push_on(i as u32, self.x[i], self.y[i], THETA, alpha);
            self.vx[i] += fx - self.x[i] * GRAVITY * alpha;
            self.vy[i] += fy - self.y[i] * GRAVITY * alpha;
        }

        for i in 0..n {
            if self.pinned[i] {
                self.vx[i] = 0.0;
                self.vy[i] = 0.0;
                continue;
            }
            let (vx, vy) = (self.vx[i] * VELOCITY_KEPT, self.vy[i] * VELOCITY_KEPT);
            // A non-finite velocity can only come from a degenerate input; drop it.
            let (vx, vy) = if vx.is_finite() && vy.is_finite() { (vx, vy) } else { (0.0, 0.0) };
            let speed = (vx * vx + vy * vy).sqrt();
            let scale = if speed > MAX_SPEED { MAX_SPEED / speed } else { 1.0 };
            self.vx[i] = vx * scale;
            self.vy[i] = vy * scale;
            self.x[i] = clamp(self.x[i] + self.vx[i]);
            self.y[i] = clamp(self.y[i] + self.vy[i]);
        }
    }
}

fn clamp(v: f64) -> f64 {
    v.clamp(-BOUND, BOUND)
}

fn finite_or(v: f64, fallback: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        fallback
    }
}
