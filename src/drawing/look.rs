//! The visual vocabulary. Every distinction has a second signal besides colour:
//! kinds have shapes, link kinds have dash patterns, direction has arrowheads,
//! strength has width, stance has a printed mark.

use crate::model::{LinkKind, Score, StakeholderKind, Stance, Strength};

/// A stakeholder's outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    TriangleDown,
    Pentagon,
    Hexagon,
    Star,
}

/// One shape and one colour per kind. Colours are the Okabe–Ito palette, which
/// stays distinguishable with the common colour-vision deficiencies.
pub fn kind_look(kind: StakeholderKind) -> (Shape, &'static str) {
    match kind {
        StakeholderKind::Government => (Shape::Square, "#0072b2"),
        StakeholderKind::Business => (Shape::Diamond, "#e69f00"),
        StakeholderKind::Community => (Shape::Circle, "#009e73"),
        StakeholderKind::Academia => (Shape::Triangle, "#cc79a7"),
        StakeholderKind::Media => (Shape::Hexagon, "#56b4e9"),
        StakeholderKind::Ngo => (Shape::Pentagon, "#d55e00"),
        StakeholderKind::Donor => (Shape::Star, "#f0e442"),
        StakeholderKind::Other => (Shape::TriangleDown, "#8c8c8c"),
    }
}

/// Radius in world units: power 1 → 9, power 5 → 21, so power reads as area.
pub fn radius(power: Score) -> f64 {
    6.0 + 3.0 * power.get() as f64
}

/// Radius of a sector hub in world units.
pub const HUB_RADIUS: f64 = 7.0;

/// The stance as a mark printed beside the stakeholder.
pub fn stance_mark(stance: Stance) -> &'static str {
    match stance.get() {
        2 => "++",
        1 => "+",
        -1 => "−",
        -2 => "−−",
        _ => "",
    }
}

/// Dash pattern (on, off, … in world units; empty = solid) and colour per link kind.
pub fn link_look(kind: LinkKind) -> (&'static [f64], &'static str) {
    match kind {
        LinkKind::Partnership => (&[], "#4a5360"),
        LinkKind::Funding => (&[10.0, 4.0], "#1e6b3a"),
        LinkKind::Information => (&[2.0, 4.0], "#1d4e89"),
        LinkKind::Regulation => (&[10.0, 3.0, 2.0, 3.0], "#6a3d9a"),
        LinkKind::Service => (&[5.0, 5.0], "#8a5a00"),
        LinkKind::Conflict => (&[14.0, 3.0, 2.0, 3.0, 2.0, 3.0], "#a4262c"),
    }
}

/// The link colours on the projector's black background: the same hues, light
/// enough to stand out at 3:1 or more (the dashes still tell the kinds apart).
pub fn link_colour_on_dark(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Partnership => "#d7dde5",
        LinkKind::Funding => "#6fd68f",
        LinkKind::Information => "#8cc4ff",
        LinkKind::Regulation => "#c9a7ff",
        LinkKind::Service => "#ffc66b",
        LinkKind::Conflict => "#ff8a8a",
    }
}

/// Line width in world units: strength 1 → 1.5, 3 → 4.5.
pub fn link_width(strength: Strength) -> f64 {
    1.5 * strength.get() as f64
}

/// The corners of `shape` around the origin for radius 1 (empty for a circle).
/// Polygons are scaled to look as large as the circle of the same radius. Tables
/// rather than trigonometry, which would add sine and cosine to the download.
pub fn unit_outline(shape: Shape) -> &'static [(f64, f64)] {
    match shape {
        Shape::Circle => &[],
        Shape::Square => SQUARE,
        Shape::Diamond => DIAMOND,
        Shape::Triangle => TRIANGLE,
        Shape::TriangleDown => TRIANGLE_DOWN,
        Shape::Pentagon => PENTAGON,
        Shape::Hexagon => HEXAGON,
        Shape::Star => STAR,
    }
}

const SQUARE: &[(f64, f64)] = &[(0.8839, 0.8839), (-0.8839, 0.8839), (-0.8839, -0.8839), (0.8839, -0.8839)];
const DIAMOND: &[(f64, f64)] = &[(1.3000, 0.0000), (0.0000, 1.3000), (-1.3000, 0.0000), (0.0000, -1.3000)];
const TRIANGLE: &[(f64, f64)] = &[(0.0000, -1.4000), (1.2124, 0.7000), (-1.2124, 0.7000)];
const TRIANGLE_DOWN: &[(f64, f64)] = &[(0.0000, 1.4000), (-1.2124, -0.7000), (1.2124, -0.7000)];
const PENTAGON: &[(f64, f64)] =
    &[(0.0000, -1.1500), (1.0937, -0.3554), (0.6760, 0.9304), (-0.6760, 0.9304), (-1.0937, -0.3554)];
const HEXAGON: &[(f64, f64)] = &[
    (1.1000, 0.0000),
    (0.5500, 0.9526),
    (-0.5500, 0.9526),
    (-1.1000, 0.0000),
    (-0.5500, -0.9526),
    (0.5500, -0.9526),
];
const STAR: &[(f64, f64)] = &[
    (0.0000, -1.4500),
    (0.3821, -0.5259),
    (1.3790, -0.4481),
    (0.6182, 0.2009),
    (0.8523, 1.1731),
    (0.0000, 0.6500),
    (-0.8523, 1.1731),
    (-0.6182, 0.2009),
    (-1.3790, -0.4481),
    (-0.3821, -0.5259),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_shape_and_colour() {
        let looks: Vec<_> = StakeholderKind::ALL.iter().map(|k| kind_look(*k)).collect();
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert_ne!(a.0, b.0, "shapes repeat");
                assert_ne!(a.1, b.1, "colours repeat");
            }
        }
    }

    #[test]
    fn outlines_are_regular_around_the_origin() {
        for shape in [
            Shape::Square,
            Shape::Diamond,
            Shape::Triangle,
            Shape::TriangleDown,
            Shape::Pentagon,
            Shape::Hexagon,
        ] {
            let corners = unit_outline(shape);
            let radii: Vec<f64> = corners.iter().map(|(x, y)| (x * x + y * y).sqrt()).collect();
            assert!(radii.iter().all(|r| (r - radii[0]).abs() < 1e-3), "{shape:?}: {radii:?}");
            let (cx, cy) = corners.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
            assert!(cx.abs() < 1e-3 && cy.abs() < 1e-3, "{shape:?} is centred");
        }
        assert_eq!(unit_outline(Shape::Star).len(), 10);
    }

    #[test]
    fn every_link_kind_has_its_own_dash_pattern() {
        let dashes: Vec<_> = LinkKind::ALL.iter().map(|k| link_look(*k).0).collect();
        for (i, a) in dashes.iter().enumerate() {
            assert!(dashes[i + 1..].iter().all(|b| b != a), "dash patterns repeat");
        }
    }

    /// WCAG relative luminance of a `#rrggbb` colour.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn the_projector_colours_stand_out_on_black() {
        // Graphics need 3:1 against their background (WCAG 1.4.11).
        let on_black = |hex: &str| (luminance(hex) + 0.05) / 0.05;
        for &kind in LinkKind::ALL {
            let colour = link_colour_on_dark(kind);
            assert!(on_black(colour) >= 3.0, "{kind:?} {colour}: {:.2}", on_black(colour));
        }
        for &kind in StakeholderKind::ALL {
            let colour = kind_look(kind).1;
            assert!(on_black(colour) >= 3.0, "{kind:?} {colour}: {:.2}", on_black(colour));
        }
    }
}
