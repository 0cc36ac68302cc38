//! The viewport: which part of the world the screen shows, and at what zoom.

use crate::model::PosInWorld;

/// A point on the drawing surface, in CSS pixels from its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PosOnScreen {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned box in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundsInWorld {
    pub min: PosInWorld,
    pub max: PosInWorld,
}

impl BoundsInWorld {
    /// The smallest box holding every point, each grown by its radius; `None` if empty.
    pub fn around(points: impl IntoIterator<Item = (PosInWorld, f64)>) -> Option<Self> {
        let mut bounds: Option<Self> = None;
        for (p, r) in points {
            let b = bounds.get_or_insert(Self { min: p, max: p });
            b.min.x = b.min.x.min(p.x - r);
            b.min.y = b.min.y.min(p.y - r);
            b.max.x = b.max.x.max(p.x + r);
            b.max.y = b.max.y.max(p.y + r);
        }
        bounds
    }

    pub fn contains(&self, p: PosInWorld, margin: f64) -> bool {
        p.x >= self.min.x - margin
            && p.x <= self.max.x + margin
            && p.y >= self.min.y - margin
            && p.y <= self.max.y + margin
    }
}

/// Maps world coordinates to the screen: `screen = (world − centre) · scale + size / 2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub center_in_world: PosInWorld,
    /// Screen pixels per world unit.
    pub scale: f64,
    pub width_on_screen: f64,
    pub height_on_screen: f64,
}

impl Viewport {
    pub const MIN_SCALE: f64 = 0.02;
    pub const MAX_SCALE: f64 = 8.0;

    pub fn new(width_on_screen: f64, height_on_screen: f64) -> Self {
        Self {
            center_in_world: PosInWorld { x: 0.0, y: 0.0 },
            scale: 1.0,
            width_on_screen: width_on_screen.max(1.0),
            height_on_screen: height_on_screen.max(1.0),
        }
    }

    pub fn to_screen(&self, p: PosInWorld) -> PosOnScreen {
        PosOnScreen {
            x: (p.x - self.center_in_world.x) * self.scale + self.width_on_screen / 2.0,
            y: (p.y - self.center_in_world.y) * self.scale + self.height_on_screen / 2.0,
        }
    }

    pub fn to_world(&self, p: PosOnScreen) -> PosInWorld {
        PosInWorld {
            x: (p.x - self.width_on_screen / 2.0) / self.scale + self.center_in_world.x,
            y: (p.y - self.height_on_screen / 2.0) / self.scale + self.center_in_world.y,
        }
    }

    /// The part of the world on screen.
    pub fn visible(&self) -> BoundsInWorld {
        BoundsInWorld {
            min: self.to_world(PosOnScreen { x: 0.0, y: 0.0 }),
            max: self.to_world(PosOnScreen { x: self.width_on_screen, y: self.height_on_screen }),
        }
    }

    /// Moves the picture by a drag of `(dx, dy)` screen pixels.
    pub fn pan_by(&mut self, dx_on_screen: f64, dy_on_screen: f64) {
        if dx_on_screen.is_finite() && dy_on_screen.is_finite() {
            self.center_in_world.x -= dx_on_screen / self.scale;
            self.center_in_world.y -= dy_on_screen / self.scale;
        }
    }

    /// Zooms by `factor`, keeping the world point under `anchor` where it is.
    pub fn zoom_at(&mut self, anchor: PosOnScreen, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let before = self.to_world(anchor);
        self.scale = (self.scale * factor).clamp(Self::MIN_SCALE, Self::MAX_SCALE);
        let after = self.to_world(anchor);
        self.center_in_world.x += before.x - after.x;
        self.center_in_world.y += before.y - after.y;
    }

    /// Shows all of `bounds`, centred, leaving `margin_on_screen` pixels around it.
    /// Never zooms in beyond 2 (a map of two stakeholders should not fill a wall).
    pub fn fit(&mut self, bounds: BoundsInWorld, margin_on_screen: f64) {
        self.fit_within(bounds, margin_on_screen, margin_on_screen);
    }

    /// As [`fit`](Self::fit), with `right_on_screen` pixels left on the right
    /// instead (where the legend stands over the picture), the picture centred in
    /// the room that leaves.
    pub fn fit_within(&mut self, bounds: BoundsInWorld, margin_on_screen: f64, right_on_screen: f64) {
        let w = (bounds.max.x - bounds.min.x).max(1.0);
        let h = (bounds.max.y - bounds.min.y).max(1.0);
        let room_w = (self.width_on_screen - margin_on_screen - right_on_screen).max(1.0);
        let room_h = (self.height_on_screen - 2.0 * margin_on_screen).max(1.0);
        self.scale = (room_w / w).min(room_h / h).clamp(Self::MIN_SCALE, 2.0);
        // The room's centre is left of the screen's by half the difference of the sides.
        let shift_on_screen = (right_on_screen - margin_on_screen) / 2.0;
        self.center_in_world = PosInWorld {
            x: (bounds.min.x + bounds.max.x) / 2.0 + shift_on_screen / self.scale,
            y: (bounds.min.y + bounds.max.y) / 2.0,
        };
    }

    pub fn resize(&mut self, width_on_screen: f64, height_on_screen: f64) {
        self.width_on_screen = width_on_screen.max(1.0);
        self.height_on_screen = height_on_screen.max(1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_world_are_inverse() {
        let mut v = Viewport::new(800.0, 600.0);
        v.pan_by(37.0, -12.0);
        v.zoom_at(PosOnScreen { x: 100.0, y: 50.0 }, 2.5);
        let p = PosInWorld { x: -42.0, y: 17.5 };
        let back = v.to_world(v.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-9 && (back.y - p.y).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let mut v = Viewport::new(800.0, 600.0);
        let anchor = PosOnScreen { x: 620.0, y: 110.0 };
        let under = v.to_world(anchor);
        v.zoom_at(anchor, 3.0);
        let again = v.to_world(anchor);
        assert!((under.x - again.x).abs() < 1e-9 && (under.y - again.y).abs() < 1e-9);
        assert_eq!(v.scale, 3.0);
        v.zoom_at(anchor, 1e9);
        assert_eq!(v.scale, Viewport::MAX_SCALE);
        v.zoom_at(anchor, f64::NAN);
        assert_eq!(v.scale, Viewport::MAX_SCALE);
    }

    #[test]
    fn fit_within_keeps_the_right_side_free() {
        let mut v = Viewport::new(1000.0, 600.0);
        let bounds = BoundsInWorld {
            min: PosInWorld { x: -500.0, y: -100.0 },
            max: PosInWorld { x: 500.0, y: 100.0 },
        };
        v.fit_within(bounds, 20.0, 300.0);
        for corner in [bounds.min, bounds.max] {
            let s = v.to_screen(corner);
            assert!(s.x >= 19.9 && s.x <= 700.1 && s.y >= 19.9 && s.y <= 580.1, "{s:?}");
        }
        // Centred in the room left: 20 px on the left, 300 on the right.
        let (left, right) = (v.to_screen(bounds.min).x, v.to_screen(bounds.max).x);
        assert!((left - 20.0).abs() < 1e-6 && (right - 700.0).abs() < 1e-6, "{left} {right}");
    }

    #[test]
    fn fit_shows_everything() {
        let mut v = Viewport::new(800.0, 600.0);
        let bounds = BoundsInWorld {
            min: PosInWorld { x: -1000.0, y: 200.0 },
            max: PosInWorld { x: 3000.0, y: 900.0 },
        };
        v.fit(bounds, 20.0);
        for corner in [bounds.min, bounds.max] {
            let s = v.to_screen(corner);
            assert!(s.x >= 19.9 && s.x <= 780.1 && s.y >= 19.9 && s.y <= 580.1, "{s:?}");
        }
    }
}
