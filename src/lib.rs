//! Simpul: stakeholder maps for cross-sector partnerships.
//!
//! The core (`model`, `format`, `edit`, `i18n`, `storage`) is plain Rust with no
//! browser dependency and is tested natively; the browser storage backend exists
//! only in the WebAssembly build. The views are the page's binary (`src/main.rs`,
//! `src/ui`), so that the workers, which link this library, hold none of them.

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
pub mod order;
pub mod pages;
pub mod quick_entry;
pub mod room;
pub mod steps;
pub mod storage;
