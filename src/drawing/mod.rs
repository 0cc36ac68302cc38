//! How the network view looks, independent of where it is drawn: the viewport
//! (world ↔ screen), the visual vocabulary (shape and colour by kind, size by power,
//! dashes by link kind), hit testing, and an SVG rendering. The canvas in `ui` and
//! the SVG export draw the same picture from these.

pub mod emphasis;
pub mod hit;
pub mod look;
pub mod svg;
pub mod viewport;

pub use emphasis::Emphasis;
pub use viewport::{BoundsInWorld, PosOnScreen, Viewport};
