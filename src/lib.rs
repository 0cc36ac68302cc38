//! Simpul: stakeholder maps for cross-sector partnerships.
//!
//! The core (`model`, `format`, `edit`, `i18n`, `storage`) is plain Rust with no
//! browser dependency and is tested natively; `ui` and the browser storage backend
//! exist only in the WebAssembly build.

pub mod analysis;
pub mod drawing;
pub mod edit;
pub mod example_maps;
pub mod export;
pub mod format;
pub mod i18n;
pub mod layout;
pub mod letter_case;
pub mod model;
pub mod pages;
pub mod quick_entry;
pub mod room;
pub mod steps;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
