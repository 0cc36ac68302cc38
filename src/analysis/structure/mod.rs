//! How the stakeholder graph hangs together: groups, articulation points, bridges.

mod cut_points;
mod groups;

pub use cut_points::{cut_points, CutPoints};
pub use groups::{connected_groups, Groups};
