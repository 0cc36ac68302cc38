//! Keeping maps in the browser, with a trash and saved versions. The library logic is pure and tested natively over
//! [`MemoryStore`]; `browser::BrowserStore` (built for the browser only) is the localStorage backend.

#[cfg(target_arch = "wasm32")]
pub mod browser;
mod catalogue;
mod history;
mod key_value;
mod library;
mod memory;
mod snapshots;
mod trash;

pub use catalogue::Catalogue;
pub use history::{Version, VERSIONS_PER_MAP, VERSION_EVERY_MS};
pub use key_value::{KeyValue, StoreError};
pub use library::{
    EntryText, Library, Loaded, MapSummary, StorageProblem, StoredRevision, ENTRY_PREFIX, HISTORY_PREFIX,
    INDEX_KEY, SCHEMA, SET_ASIDE_PREFIX, TRASH_PREFIX,
};
pub use memory::MemoryStore;
pub use snapshots::{Snapshot, SNAPSHOT_PREFIX};
pub use trash::Trashed;
