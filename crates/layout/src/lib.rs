//! Force-directed layout for Simpul's network view.
//!
//! A [`Simulation`] moves points a little at each [`Simulation::step`], so the view
//! can run one step per animation frame and draw in between: the picture settles in
//! front of the user instead of freezing the page. The forces are the well-tried
//! ones of d3-force (many-body repulsion, springs, a gentle pull to the centre,
//! velocity decay and a cooling "alpha"), with the repulsion approximated by a
//! Barnes–Hut quadtree so that one step is `O(n log n)`.
//!
//! Invariants, tested: positions are always finite and within [`BOUND`]; the same
//! input and seed give the same positions; pinned points never move.

mod placement;
mod quadtree;
mod simulation;

pub use placement::initial_position;
pub use simulation::{Body, Simulation, Spring, BOUND};
