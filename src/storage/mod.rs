//! Keeping maps in the browser. The library logic is pure and tested natively over
//! [`MemoryStore`]; [`browser::BrowserStore`] is the localStorage backend.

mod key_value;
mod library;
mod memory;
#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use key_value::{KeyValue, StoreError};
pub use library::{
    Catalogue, Library, Loaded, MapSummary, StorageProblem, StoredRevision, ENTRY_PREFIX, INDEX_KEY, SCHEMA,
    SET_ASIDE_PREFIX,
};
pub use memory::MemoryStore;
