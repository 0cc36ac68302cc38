//! The Leptos user interface. Components render state and dispatch commands; they
//! hold no domain logic of their own.

mod app;
mod canvas;
mod compare;
mod drawer;
mod exports;
mod fields;
mod files;
mod findings;
mod help;
mod inspector;
mod later;
mod legend;
mod library;
mod links;
mod network;
mod notices;
mod on_demand;
mod pager;
mod paper;
mod power_grid;
mod print;
mod room;
mod rows_in_view;
mod sector_matrix;
mod sectors;
mod sharing;
mod sheet_import;
mod sorting;
mod splitter;
mod stakeholder_panel;
mod stakeholders;
mod state;
mod toolbar;
mod trash;
mod versions;
mod views;
mod vote;
mod web;
mod workshop;
mod workspace;

pub use app::mount;
