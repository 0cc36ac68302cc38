//! Workshop rooms: everyone in the room edits one map from their own device.
//!
//! The map is shared as a Yjs document ([`doc`]) over a stock y-websocket relay
//! ([`client`]). All of it but [`merge`] and [`join_link`] runs in the room worker
//! (`src/room_worker.rs`), a module the page loads only when a room is opened or
//! joined. The page sends the worker its map before and after each edit; the
//! worker sends back the room's map, which the page applies as Commands
//! ([`merge::commands_towards`]) like any other edit.

pub mod client;
pub mod doc;
pub mod join_link;
pub mod merge;
pub mod qr;

pub use client::{Participant, RoomClient};
pub use doc::{MapDoc, Reading};
pub use join_link::RoomId;
