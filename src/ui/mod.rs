//! The Leptos user interface. Components render state and dispatch commands; they
//! hold no domain logic of their own.

mod app;
mod fields;
mod files;
mod findings;
mod library;
mod links;
mod map_header;
mod notices;
mod sectors;
mod sharing;
mod stakeholder_panel;
mod stakeholders;
mod state;
mod web;

pub use app::mount;
