//! The Leptos user interface. Components render state and dispatch commands; they
//! hold no domain logic of their own.

mod app;
mod canvas;
mod exports;
mod fields;
mod help;
mod files;
mod findings;
mod later;
mod library;
mod links;
mod map_header;
mod network;
mod notices;
mod pager;
mod power_grid;
mod print;
mod sector_matrix;
mod sectors;
mod sharing;
mod sheet_import;
mod stakeholder_panel;
mod stakeholders;
mod state;
mod trash;
mod versions;
mod views;
mod web;
mod workshop;

pub use app::mount;
