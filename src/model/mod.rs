//! The stakeholder map as the user edits it: plain data, no browser, no analysis state.

mod entities;
mod ids;
mod kinds;
mod limits;
mod map;
mod scales;
mod vote;

pub use entities::{Color, Link, PosInWorld, Sector, Stakeholder};
pub use ids::{LinkId, SectorId, StakeholderId};
pub use kinds::{LinkKind, Resource, StakeholderKind};
pub use limits::{MapPart, OverLimit};
pub use map::{fresh_id, Map};
pub use scales::{Score, Stance, Strength};
pub use vote::{Tally, Vote, VoteOn, VoteOption, VoteProblem};
