//! The Leptos user interface. Components render state and dispatch commands; they
//! hold no domain logic of their own.

mod app;
mod drawer;
mod canvas;
mod exports;
mod fields;
mod help;
mod inspector;
mod legend;
mod files;
mod findings;
mod later;
mod library;
mod links;
mod network;
mod notices;
mod pager;
mod power_grid;
mod print;
mod sector_matrix;
mod sectors;
mod sharing;
mod sorting;
mod splitter;
mod sheet_import;
mod stakeholder_panel;
mod stakeholders;
mod state;
mod toolbar;
mod trash;
mod versions;
mod views;
mod web;
mod workshop;
mod workspace;

pub use app::mount;
