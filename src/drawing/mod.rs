//! How the network view looks, independent of where it is drawn: the viewport
//! (world ↔ screen), the visual vocabulary (shape and colour by kind, size by power,
//! dashes by link kind), hit testing, the workshop's reveal, and an SVG rendering.
//! The canvas in `ui` and the SVG export draw the same picture from these.

pub mod communities;
pub mod emphasis;
pub mod hit;
pub mod labels;
pub mod legend;
pub mod look;
pub mod reveal;
pub mod slices;
pub mod svg;
pub mod viewport;

pub use communities::CommunityFill;
pub use emphasis::Emphasis;
pub use viewport::{BoundsInWorld, PosOnScreen, Viewport};

use crate::layout::MapLayout;
use crate::model::{Map, PosInWorld};

/// What an exported picture must show: every stakeholder and hub with room for
/// its name. A map with nothing placed gets a small empty square.
pub fn picture_bounds(map: &Map, layout: &MapLayout) -> BoundsInWorld {
    let stakeholders = (0..map.stakeholders.len())
        .filter_map(|i| Some((layout.pos_in_world(i)?, look::radius(map.stakeholders[i].power) + 60.0)));
    let hubs =
        (0..map.sectors.len()).filter_map(|h| Some((layout.hub_in_world(h)?, look::HUB_RADIUS + 60.0)));
    BoundsInWorld::around(stakeholders.chain(hubs)).unwrap_or(BoundsInWorld {
        min: PosInWorld { x: 0.0, y: 0.0 },
        max: PosInWorld { x: 100.0, y: 100.0 },
    })
}
