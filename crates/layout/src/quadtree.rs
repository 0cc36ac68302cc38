//! The Barnes–Hut quadtree: far-away groups of points push as one body at their
//! centre of charge, so repulsion costs `O(n log n)` per step instead of `O(n²)`.

const NONE: u32 = u32::MAX;
/// Beyond this depth points are (nearly) coincident; they share a leaf.
const MAX_DEPTH: u32 = 40;

#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Centre and half the side of the square this cell covers.
    cx: f64,
    cy: f64,
    half: f64,
    /// Sum of the charges below, and their charge-weighted centre (sums until
    /// [`QuadTree::finish`] divides them).
    charge: f64,
    x: f64,
    y: f64,
    /// First child; the four children are consecutive. `NONE` for a leaf.
    children: u32,
    /// The point held by a leaf (`NONE` if empty); further coincident points are
    /// only counted in `charge`.
    body: u32,
}

/// A quadtree rebuilt at every step; its storage is kept between steps.
#[derive(Clone, Debug, Default)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
    stack: Vec<u32>,
}

impl QuadTree {
    /// Builds the tree over the points. `O(n · depth)`.
    pub(crate) fn build(&mut self, xs: &[f64], ys: &[f64], charges: &[f64]) {
        self.cells.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (&x, &y) in xs.iter().zip(ys) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if xs.is_empty() {
            return;
        }
        let half = ((x1 - x0).max(y1 - y0) / 2.0).max(1.0) * 1.000_001;
        self.cells.push(Cell::leaf((x0 + x1) / 2.0, (y0 + y1) / 2.0, half));
        for body in 0..xs.len() {
            self.insert(body, xs, ys, charges);
        }
        for cell in &mut self.cells {
            if cell.charge != 0.0 {
                cell.x /= cell.charge;
                cell.y /= cell.charge;
            }
        }
    }

    fn insert(&mut self, body: usize, xs: &[f64], ys: &[f64], charges: &[f64]) {
        let (x, y, charge) = (xs[body], ys[body], charges[body]);
        let mut at = 0usize;
        let mut depth = 0;
        loop {
            self.cells[at].add(x, y, charge);
            let cell = self.cells[at];
            if cell.children != NONE {
                at = cell.children as usize + cell.quadrant(x, y);
                depth += 1;
                continue;
            }
            if cell.body == NONE {
                self.cells[at].body = body as u32;
                return;
            }
            if depth >= MAX_DEPTH {
                return; // coincident with the leaf's point: counted in the charge only
            }
            // Split the leaf, move its point into a child, and go on down with ours.
            let first = self.cells.len() as u32;
            let quarter = cell.half / 2.0;
            for q in 0..4 {
                let cx = cell.cx + if q & 1 == 1 { quarter } else { -quarter };
                let cy = cell.cy + if q & 2 == 2 { quarter } else { -quarter };
                self.cells.push(Cell::leaf(cx, cy, quarter));
            }
            self.cells[at].children = first;
            self.cells[at].body = NONE;
            let old = cell.body as usize;
            let child = first as usize + cell.quadrant(xs[old], ys[old]);
            self.cells[child].add(xs[old], ys[old], charges[old]);
            self.cells[child].body = old as u32;
            at = first as usize + cell.quadrant(x, y);
            depth += 1;
        }
    }

    /// The velocity change that repulsion gives point `i` at `(x, y)`: the sum over
    /// the tree of `charge · d / |d|²`, taking a far cell (side / distance < θ) as
    /// one body. `alpha` scales it, as every force in the simulation.
    pub(crate) fn push_on(&mut self, i: u32, x: f64, y: f64, theta: f64, alpha: f64) -> (f64, f64) {
        const MIN_DISTANCE_SQUARED: f64 = 1.0;
        let theta_squared = theta * theta;
        let (mut fx, mut fy) = (0.0, 0.0);
        self.stack.clear();
        if !self.cells.is_empty() {
            self.stack.push(0);
        }
        while let Some(at) = self.stack.pop() {
            let cell = &self.cells[at as usize];
            if cell.charge == 0.0 {
                continue;
            }
            let dx = cell.x - x;
            let dy = cell.y - y;
            let mut l = dx * dx + dy * dy;
            let width = cell.half * 2.0;
            let far = width * width / theta_squared < l;
            if cell.children != NONE && !far {
                for q in 0..4 {
                    self.stack.push(cell.children + q);
                }
                continue;
            }
            if cell.children == NONE && cell.body == i {
                // Our own leaf: only the coincident points that share it push us,
                // and they sit on top of us; the simulation jiggles those apart.
                continue;
            }
            if l < MIN_DISTANCE_SQUARED {
                l = (MIN_DISTANCE_SQUARED * l).sqrt().max(1e-9);
            }
            fx += dx * cell.charge * alpha / l;
            fy += dy * cell.charge * alpha / l;
        }
        (fx, fy)
    }
}

impl Cell {
    fn leaf(cx: f64, cy: f64, half: f64) -> Self {
        Self { cx, cy, half, charge: 0.0, x: 0.0, y: 0.0, children: NONE, body: NONE }
    }

    fn add(&mut self, x: f64, y: f64, charge: f64) {
        self.charge += charge;
        self.x += x * charge;
        self.y += y * charge;
    }

    fn quadrant(&self, x: f64, y: f64) -> usize {
        usize::from(x >= self.cx) | (usize::from(y >= self.cy) << 1)
    }
}

#[cfg(test)]
mod tests {
    use super::QuadTree;

    /// The exact repulsion on point `i`, with the tree's clamp for very near points.
    fn exact(i: usize, xs: &[f64], ys: &[f64], charges: &[f64]) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        for j in 0..xs.len() {
            if j == i {
                continue;
            }
            let (dx, dy) = (xs[j] - xs[i], ys[j] - ys[i]);
            let mut l = dx * dx + dy * dy;
            if l < 1.0 {
                l = l.sqrt().max(1e-9);
            }
            fx += dx * charges[j] / l;
            fy += dy * charges[j] / l;
        }
        (fx, fy)
    }

    fn scattered(n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let xs = (0..n).map(|i| ((i * 37) % 101) as f64 * 3.0 - 150.0).collect();
        let ys = (0..n).map(|i| ((i * 53) % 97) as f64 * 2.5 - 120.0).collect();
        (xs, ys, vec![-30.0; n])
    }

    #[test]
    fn with_theta_zero_every_point_is_visited_and_the_push_is_exact() {
        let (xs, ys, charges) = scattered(60);
        let mut tree = QuadTree::default();
        tree.build(&xs, &ys, &charges);
        for i in 0..xs.len() {
            let (fx, fy) = tree.push_on(i as u32, xs[i], ys[i], 1e-9, 1.0);
            let (ex, ey) = exact(i, &xs, &ys, &charges);
            assert!((fx - ex).abs() < 1e-9 && (fy - ey).abs() < 1e-9, "point {i}: {fx},{fy} vs {ex},{ey}");
        }
    }

    #[test]
    fn the_root_holds_all_the_charge_at_its_centre_of_charge() {
        let (xs, ys, charges) = scattered(25);
        let mut tree = QuadTree::default();
        tree.build(&xs, &ys, &charges);
        let root = tree.cells[0];
        assert!((root.charge - (-30.0 * 25.0)).abs() < 1e-9);
        let mean_x = xs.iter().sum::<f64>() / 25.0;
        assert!((root.x - mean_x).abs() < 1e-9);
    }

    #[test]
    fn coincident_points_share_a_leaf_instead_of_splitting_forever() {
        let xs = vec![5.0; 1_000];
        let ys = vec![-2.0; 1_000];
        let mut tree = QuadTree::default();
        tree.build(&xs, &ys, &vec![-1.0; 1_000]);
        assert!(tree.cells.len() < 4 * 41 + 1, "{} cells", tree.cells.len());
        let (fx, fy) = tree.push_on(0, 5.0, -2.0, 0.9, 1.0);
        assert!(fx.is_finite() && fy.is_finite());
    }

    #[test]
    fn an_empty_tree_pushes_nothing() {
        let mut tree = QuadTree::default();
        tree.build(&[], &[], &[]);
        assert_eq!(tree.push_on(0, 1.0, 1.0, 0.9, 1.0), (0.0, 0.0));
    }
}
