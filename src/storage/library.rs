//! The user's library of maps in browser storage: an index plus one entry per map.
//!
//! Rules that keep maps safe:
//! - an entry is only ever overwritten by the tab that holds its latest revision;
//!   anything else is a conflict the user decides;
//! - a damaged entry or index is set aside under its own key, never replaced;
//! - storage written by a newer Simpul is only read, never written;
//! - the index is derived data: it is rebuilt from the entries whenever they disagree;
//! - a deleted map goes to the trash (`trash`), and saves keep earlier versions
//!   (`history`); when storage is full, the oldest versions make room, never a map.

use super::key_value::{KeyValue, StoreError};
use crate::format;
use crate::i18n::Lang;
use crate::model::Map;
use serde::{Deserialize, Serialize};

/// The storage schema this Simpul writes. Entries and index carry it.
pub const SCHEMA: u64 = 1;
pub const INDEX_KEY: &str = "simpul.index";
pub const ENTRY_PREFIX: &str = "simpul.map.";
pub const SET_ASIDE_PREFIX: &str = "simpul.set-aside.";
pub const TRASH_PREFIX: &str = "simpul.trash.";
pub const HISTORY_PREFIX: &str = "simpul.history.";

/// What the maps list shows about one stored map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapSummary {
    pub key: String,
    pub title: String,
    pub revision: u64,
    pub saved_ms: f64,
    pub stakeholders: usize,
    /// The entry could not be read and could not be set aside (storage full): it is
    /// left exactly where it is and never loaded or written.
    #[serde(default)]
    pub damaged: bool,
}

#[derive(Serialize, Deserialize)]
pub(super) struct IndexDoc {
    pub(super) schema: u64,
    pub(super) maps: Vec<MapSummary>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct EntryDoc {
    pub(super) schema: u64,
    pub(super) revision: u64,
    /// Absent in entries written before it was kept.
    #[serde(default)]
    pub(super) saved_ms: f64,
    pub(super) map: serde_json::Value,
}

/// What storage holds for one map key right now, read from the entry itself (the
/// index may lag behind during another tab's save).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredRevision {
    Missing,
    At(u64),
    Unreadable,
}

/// The fields an entry starts with, as they are written; the map follows them.
/// The title and the number of stakeholders let the trash and the earlier
/// versions be listed from heads alone (a version of 5,000 stakeholders took
/// 100 ms to read whole).
#[derive(Serialize)]
struct EntryHeadOut<'t> {
    schema: u64,
    revision: u64,
    saved_ms: f64,
    title: &'t str,
    stakeholders: usize,
}

/// What a save needs to know of the entry it replaces.
struct BeforeSave {
    revision: u64,
    saved_ms: f64,
    /// The map replaced had stakeholders: worth keeping as a version.
    had_stakeholders: bool,
}

/// An entry read whole before a save, without building its map (for a map of
/// 5,000 stakeholders, building it took longer than a frame): the text must still
/// be whole JSON, and the map's stakeholders a list.
#[derive(Deserialize)]
struct WholeBeforeSave {
    schema: u64,
    revision: u64,
    #[serde(default)]
    saved_ms: f64,
    map: MapBeforeSave,
}

/// The fields an entry starts with, as Simpul writes it: a save reads them from the
/// entry's first characters alone.
#[derive(Deserialize)]
pub(super) struct EntryHead {
    pub(super) schema: u64,
    pub(super) revision: u64,
    #[serde(default)]
    pub(super) saved_ms: f64,
    /// The map's title and number of stakeholders; absent from entries written
    /// before they were kept in the head.
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    stakeholders: Option<usize>,
}

impl EntryHead {
    /// The map's title and number of stakeholders, when the head holds them.
    pub(super) fn title_and_count(self) -> Option<(String, usize)> {
        Some((self.title?, self.stakeholders?))
    }
}

/// How many characters of an entry (or a trashed map) hold its head: room for a
/// long title. A head that does not fit is read whole.
pub(super) const HEAD_CHARS: usize = 1000;

/// How an entry starts when Simpul writes it: its head fields, then the map.
pub(super) const MAP_FIELD: &str = ",\"map\":";

/// The head fields read from an entry's first characters, when it starts as
/// Simpul writes it (`{"schema":…,"revision":…,"saved_ms":…,"map":`), and where
/// the map's text starts.
pub(super) fn entry_head(head: &str) -> Option<(EntryHead, usize)> {
    head_before(head, MAP_FIELD)
}

/// The fields of a JSON object's text that come before `last_field` (`,"name":`),
/// read from its first characters, and where that field's value starts.
pub(super) fn head_before<T: serde::de::DeserializeOwned>(
    head: &str,
    last_field: &str,
) -> Option<(T, usize)> {
    let end = head.find(last_field)?;
    let fields = serde_json::from_str(&[&head[..end], "}"].concat()).ok()?;
    Some((fields, end + last_field.len()))
}

/// The head of the stored value under `store_key`, when it starts as Simpul writes
/// an entry (or a trashed map, with `last_field`).
pub(super) fn stored_head<T: serde::de::DeserializeOwned>(
    store: &impl KeyValue,
    store_key: &str,
    last_field: &str,
) -> Option<T> {
    let head = store.get_head(store_key, HEAD_CHARS).ok()??;
    head_before(&head, last_field).map(|(fields, _)| fields)
}

/// A stored entry's text, with its map's text found but not yet read: the page
/// reads a big map in steps ([`format::Parsing`], [`format::Decoding`]), since
/// reading 5,000 stakeholders at once held it for 117–163 ms.
pub struct EntryText {
    text: String,
    /// Where the map's text starts; it ends before the entry's closing brace.
    map_from: usize,
    revision: u64,
    saved_ms: f64,
}

impl EntryText {
    /// The map's own text, a `.simpul.json` file's.
    pub fn map_text(&self) -> &str {
        self.text.get(self.map_from..self.text.len() - 1).unwrap_or_default()
    }

    /// The length of the whole entry, in bytes.
    pub fn byte_len(&self) -> usize {
        self.text.len()
    }

    /// The map, parsed and then checked `elements` list elements at a time, with
    /// `pause()` awaited before each step (in the page: the next task). `None`
    /// when the text is not a map after all: [`Library::load`] then reads the
    /// entry, and sets it aside as damaged. Stored maps are not held to a map's
    /// limits (see [`format::Decoding::within_limits`]).
    pub async fn read_map<P: std::future::Future<Output = ()>>(
        &self,
        elements: usize,
        mut pause: impl FnMut() -> P,
    ) -> Option<Map> {
        let mut parsing = format::Parsing::new(self.map_text());
        crate::steps::in_steps(&mut pause, || parsing.read(elements)).await;
        let root = parsing.finish().ok()?;
        let mut decoding = format::Decoding::new(&root);
        crate::steps::in_steps(&mut pause, || decoding.read(elements)).await;
        decoding.finish().ok()
    }

    /// The entry, once `map` is read from [`Self::map_text`].
    pub fn loaded(&self, key: &str, map: Map) -> Loaded {
        let summary = summary_of(key, &map, self.revision, self.saved_ms);
        Loaded { map, summary }
    }
}

/// The first `chars` characters of `text` at most, cut at a character boundary.
pub(super) fn first_chars(text: &str, chars: usize) -> &str {
    text.char_indices().nth(chars).map_or(text, |(at, _)| &text[..at])
}

#[derive(Deserialize)]
struct MapBeforeSave {
    #[serde(default)]
    stakeholders: Vec<serde::de::IgnoredAny>,
}

/// Just the header of an entry, so checking a revision does not parse the map.
#[derive(Deserialize)]
struct EntryHeader {
    revision: u64,
}

/// A map read from storage, with the revision a later save must match.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub map: Map,
    pub summary: MapSummary,
}

/// Something the user must be told about their stored maps.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageProblem {
    #[error("Simpul cannot use this browser's storage ({0}). You can keep working, but nothing is saved: export your map to a file before you close the page.")]
    Unavailable(String),
    #[error("The browser's storage for Simpul is full, so your latest change is not saved yet. Export this map to a file, or delete maps you no longer need; Simpul tries again at your next change.")]
    Full,
    #[error("There is no room left in this browser's storage to move “{title}” to the trash, so it is still among your maps, unchanged. Empty the trash, or export other maps and delete them, then try again; or export this map to a file and delete it for good.")]
    NoRoomInTrash { key: String, title: String },
    #[error("The browser's storage failed ({0}). Your latest change may not be saved: export the map to a file to be safe.")]
    Failed(String),
    #[error("These maps were saved by a newer version of Simpul. To protect them, this version only reads them and saves nothing. Open the newest Simpul to keep working.")]
    NewerSchema,
    #[error("“{title}” was changed in another tab or window. Your latest change here was not saved, so neither version is lost: load the other version, or keep yours as a copy.")]
    Conflict { key: String, title: String },
    #[error("“{title}” was deleted in another tab or window. Your version here is not saved: keep it as a copy if you still need it.")]
    DeletedElsewhere { key: String, title: String },
    #[error("The saved copy of “{title}” could not be read. It was set aside unchanged, so nothing is lost: you can download it from the list of set-aside copies.")]
    Damaged { key: String, title: String },
    #[error("The list of your maps was damaged and has been rebuilt from the maps themselves. The damaged list was set aside.")]
    IndexRebuilt,
    #[error("No saved map has the key {0}.")]
    NotFound(String),
}

impl StorageProblem {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Id => match self {
                StorageProblem::Unavailable(detail) => format!("Simpul tidak dapat memakai penyimpanan peramban ini ({detail}). Anda tetap bisa bekerja, tetapi tidak ada yang tersimpan: ekspor peta ke berkas sebelum menutup halaman."),
                StorageProblem::Full => "Penyimpanan peramban untuk Simpul sudah penuh, jadi perubahan terakhir Anda belum tersimpan. Ekspor peta ini ke berkas, atau hapus peta yang tidak diperlukan lagi; Simpul mencoba lagi pada perubahan berikutnya.".into(),
                StorageProblem::NoRoomInTrash { title, .. } => format!("Penyimpanan peramban ini tidak punya ruang lagi untuk memindahkan “{title}” ke tempat sampah, jadi peta itu tetap ada di daftar peta Anda tanpa berubah. Kosongkan tempat sampah, atau ekspor lalu hapus peta lain, kemudian coba lagi; atau ekspor peta ini ke berkas lalu hapus permanen."),
                StorageProblem::Failed(detail) => format!("Penyimpanan peramban gagal ({detail}). Perubahan terakhir Anda mungkin belum tersimpan: ekspor peta ke berkas agar aman."),
                StorageProblem::NewerSchema => "Peta-peta ini disimpan oleh Simpul versi yang lebih baru. Untuk melindunginya, versi ini hanya membaca dan tidak menyimpan apa pun. Buka Simpul terbaru untuk melanjutkan.".into(),
                StorageProblem::Conflict { title, .. } => format!("“{title}” diubah di tab atau jendela lain. Perubahan terakhir Anda di sini tidak disimpan, jadi tidak ada versi yang hilang: muat versi yang lain, atau simpan versi Anda sebagai salinan."),
                StorageProblem::DeletedElsewhere { title, .. } => format!("“{title}” dihapus di tab atau jendela lain. Versi Anda di sini belum disimpan: simpan sebagai salinan jika masih diperlukan."),
                StorageProblem::Damaged { title, .. } => format!("Salinan tersimpan “{title}” tidak dapat dibaca. Salinan itu disisihkan tanpa diubah, jadi tidak ada yang hilang: Anda dapat mengunduhnya dari daftar salinan yang disisihkan."),
                StorageProblem::IndexRebuilt => "Daftar peta Anda rusak dan telah disusun ulang dari peta-petanya. Daftar yang rusak disisihkan.".into(),
                StorageProblem::NotFound(key) => format!("Tidak ada peta tersimpan dengan kunci {key}."),
            },
        }
    }
}

impl From<StoreError> for StorageProblem {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable(detail) => StorageProblem::Unavailable(detail),
            StoreError::Full => StorageProblem::Full,
            StoreError::Failed(detail) => StorageProblem::Failed(detail),
        }
    }
}

pub struct Library<S: KeyValue> {
    pub(super) store: S,
}

impl<S: KeyValue> Library<S> {
    pub fn new(store: S) -> Self {
        Self { store }
    }

    /// Stores `map` as a new entry of the library.
    pub fn create(&mut self, map: &Map, now_ms: f64) -> Result<MapSummary, StorageProblem> {
        self.create_written(map, &format::Encoding::new(map).finish(), now_ms)
    }

    /// [`Self::create`] for a map whose file text is written already (a big map's
    /// text is written a slice per task, see [`format::Encoding`]).
    pub fn create_written(
        &mut self,
        map: &Map,
        map_text: &str,
        now_ms: f64,
    ) -> Result<MapSummary, StorageProblem> {
        self.ensure_writable()?;
        let key = self.fresh_key(now_ms)?;
        self.write_entry(&key, map, map_text, 1, now_ms)?;
        let summary = summary_of(&key, map, 1, now_ms);
        self.upsert_index(summary.clone());
        Ok(summary)
    }

    /// Reads one map. A damaged entry is set aside and reported.
    pub fn load(&mut self, key: &str, now_ms: f64) -> Result<Loaded, StorageProblem> {
        match self.read_entry(key) {
            Ok((doc, map)) => {
                let summary = summary_of(key, &map, doc.revision, doc.saved_ms);
                Ok(Loaded { map, summary })
            }
            Err(EntryError::Store(error)) => Err(error.into()),
            Err(EntryError::Missing) => Err(StorageProblem::NotFound(key.to_string())),
            Err(EntryError::Newer) => Err(StorageProblem::NewerSchema),
            Err(EntryError::Damaged(raw)) => {
                let title = self.title_in_index(key).unwrap_or_else(|| key.to_string());
                Err(self.quarantine(key, &raw, title, now_ms))
            }
        }
    }

    /// The entry of `key` as text, for the page to read its map in steps and then
    /// make it [`EntryText::loaded`]. `None` for an entry that is missing, not
    /// laid out as Simpul writes it, or of a newer schema: [`Self::load`] reads
    /// those, and says what is wrong (a damaged entry is set aside only there).
    /// So is a map whose text turns out not to be a map.
    pub fn entry_text(&self, key: &str) -> Option<EntryText> {
        let text = self.store.get(&entry_key(key)).ok()??;
        let (head, map_from) = entry_head(first_chars(&text, HEAD_CHARS))?;
        if head.schema > SCHEMA || !text.ends_with('}') || map_from >= text.len() {
            return None;
        }
        Some(EntryText { text, map_from, revision: head.revision, saved_ms: head.saved_ms })
    }

    /// Saves a new revision of `key`, but only if the stored revision is still
    /// `expected_revision`: otherwise another tab saved since, and nothing is written.
    pub fn save(
        &mut self,
        key: &str,
        map: &Map,
        expected_revision: u64,
        now_ms: f64,
    ) -> Result<MapSummary, StorageProblem> {
        self.save_written(key, map, &format::Encoding::new(map).finish(), expected_revision, now_ms)
    }

    /// [`Self::save`] for a map whose file text is written already (`map_text`, as
    /// [`format::Encoding`] writes it).
    pub fn save_written(
        &mut self,
        key: &str,
        map: &Map,
        map_text: &str,
        expected_revision: u64,
        now_ms: f64,
    ) -> Result<MapSummary, StorageProblem> {
        self.ensure_writable()?;
        let title = map.title.clone();
        match self.read_before_save(key) {
            Ok(before) if before.revision == expected_revision => self.keep_version_of(key, &before, now_ms),
            Ok(_) => return Err(StorageProblem::Conflict { key: key.into(), title }),
            Err(EntryError::Missing) => {
                return Err(StorageProblem::DeletedElsewhere { key: key.into(), title })
            }
            Err(EntryError::Store(error)) => return Err(error.into()),
            Err(EntryError::Newer) => return Err(StorageProblem::NewerSchema),
            Err(EntryError::Damaged(_)) => return Err(StorageProblem::Damaged { key: key.into(), title }),
        }
        let revision = expected_revision + 1;
        self.write_entry(key, map, map_text, revision, now_ms)?;
        let summary = summary_of(key, map, revision, now_ms);
        self.upsert_index(summary.clone());
        Ok(summary)
    }

    /// Keeps the stored map `key` as a version now, if a save of
    /// `expected_revision` would keep one (see [`Self::save`]). A big map's save
    /// does it in a task of its own, ahead of writing, as each copies megabytes;
    /// the save then finds the version kept and keeps no second one.
    pub fn keep_version_before_save(&mut self, key: &str, expected_revision: u64, now_ms: f64) {
        if let Ok(before) = self.read_before_save(key) {
            if before.revision == expected_revision {
                self.keep_version_of(key, &before, now_ms);
            }
        }
    }

    /// Keeps the stored map a save replaces as a version, when one is due. An
    /// empty map is not worth a version (every new map starts as one).
    fn keep_version_of(&mut self, key: &str, before: &BeforeSave, now_ms: f64) {
        if before.had_stakeholders {
            self.keep_version(key, before.saved_ms, now_ms);
        }
    }

    /// The revision stored for `key` now, to notice another tab's save or delete.
    /// Read from the entry's head when it starts as Simpul writes it (another tab's
    /// every save of a big map would otherwise bring its megabytes into this one).
    pub fn stored_revision(&self, key: &str) -> StoredRevision {
        match self.store.get_head(&entry_key(key), HEAD_CHARS) {
            Ok(None) => return StoredRevision::Missing,
            Ok(Some(head)) => {
                if let Some((fields, _)) = entry_head(&head) {
                    return StoredRevision::At(fields.revision);
                }
            }
            Err(_) => return StoredRevision::Unreadable,
        }
        match self.store.get(&entry_key(key)) {
            Ok(None) => StoredRevision::Missing,
            Ok(Some(raw)) => match serde_json::from_str::<EntryHeader>(&raw) {
                Ok(header) => StoredRevision::At(header.revision),
                Err(_) => StoredRevision::Unreadable,
            },
            Err(_) => StoredRevision::Unreadable,
        }
    }

    /// Renames a stored map that is not open in this tab.
    pub fn rename(&mut self, key: &str, title: &str, now_ms: f64) -> Result<MapSummary, StorageProblem> {
        let mut loaded = self.load(key, now_ms)?;
        loaded.map.title = title.to_string();
        self.save(key, &loaded.map, loaded.summary.revision, now_ms)
    }

    /// The raw text of a set-aside copy, for download.
    pub fn set_aside_text(&self, set_aside_key: &str) -> Result<Option<String>, StorageProblem> {
        if !set_aside_key.starts_with(SET_ASIDE_PREFIX) {
            return Ok(None);
        }
        Ok(self.store.get(set_aside_key)?)
    }

    /// Deletes a set-aside copy once the user has decided it is not needed.
    pub fn discard_set_aside(&mut self, set_aside_key: &str) -> Result<(), StorageProblem> {
        if set_aside_key.starts_with(SET_ASIDE_PREFIX) {
            self.store.remove(set_aside_key)?;
        }
        Ok(())
    }

    pub(super) fn ensure_writable(&self) -> Result<(), StorageProblem> {
        match self.read_index() {
            Ok(Some(index)) if index.schema > SCHEMA => Err(StorageProblem::NewerSchema),
            Err(_) | Ok(_) => Ok(()),
        }
    }

    /// Moves a damaged entry out of the way under a set-aside key; if even that is
    /// impossible, leaves it untouched and marks it damaged in the index.
    fn quarantine(&mut self, key: &str, raw: &str, title: String, now_ms: f64) -> StorageProblem {
        match self.set_aside(&entry_key(key), raw, now_ms) {
            Ok(_) => {
                let _ = self.store.remove(&entry_key(key));
                self.drop_from_index(key);
            }
            Err(_) => {
                if let Ok(Some(mut index)) = self.read_index() {
                    if let Some(summary) = index.maps.iter_mut().find(|m| m.key == key) {
                        summary.damaged = true;
                    }
                    let _ = self.write_index(&index.maps);
                }
            }
        }
        StorageProblem::Damaged { key: key.to_string(), title }
    }

    /// Removes `key` from the index once its entry is gone. Best effort: the next
    /// catalogue drops index items whose entry is missing anyway.
    pub(super) fn drop_from_index(&mut self, key: &str) {
        if let Ok(Some(mut index)) = self.read_index() {
            index.maps.retain(|m| m.key != key);
            let _ = self.write_index(&index.maps);
        }
    }

    /// Copies `raw` to a new set-aside key and returns that key.
    pub(super) fn set_aside(
        &mut self,
        original_key: &str,
        raw: &str,
        now_ms: f64,
    ) -> Result<String, StorageProblem> {
        let base = format!("{SET_ASIDE_PREFIX}{original_key}.{}", now_ms as u64);
        let mut candidate = base.clone();
        let mut n = 1;
        while self.store.get(&candidate)?.is_some() {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.store.set(&candidate, raw)?;
        Ok(candidate)
    }

    pub(super) fn fresh_key(&self, now_ms: f64) -> Result<String, StorageProblem> {
        let base = format!("{:x}", now_ms.max(0.0) as u64);
        let mut candidate = base.clone();
        let mut n = 1;
        while self.store.get(&entry_key(&candidate))?.is_some() {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        Ok(candidate)
    }

    /// `Ok(None)` when there is no index yet; `Err(raw)` when it is unreadable.
    pub(super) fn read_index(&self) -> Result<Option<IndexDoc>, String> {
        match self.store.get(INDEX_KEY) {
            Ok(None) => Ok(None),
            Ok(Some(raw)) => serde_json::from_str(&raw).map(Some).map_err(|_| raw),
            // Reading failed; treat as no index, the entries are rescanned anyway.
            Err(_) => Ok(None),
        }
    }

    pub(super) fn write_index(&mut self, maps: &[MapSummary]) -> Result<(), StorageProblem> {
        let doc = IndexDoc { schema: SCHEMA, maps: maps.to_vec() };
        let text = to_json(&doc)?;
        Ok(self.store.set(INDEX_KEY, &text)?)
    }

    /// Puts or replaces one summary in the index, re-reading it first so that another
    /// tab's additions are kept.
    pub(super) fn upsert_index(&mut self, summary: MapSummary) {
        let mut maps = match self.read_index() {
            Ok(Some(index)) => index.maps,
            _ => Vec::new(),
        };
        match maps.iter_mut().find(|m| m.key == summary.key) {
            Some(existing) => *existing = summary,
            None => maps.push(summary),
        }
        // A failure here leaves the entry saved; the next catalogue repairs the index.
        let _ = self.write_index(&maps);
    }

    fn title_in_index(&self, key: &str) -> Option<String> {
        self.summary_in_index(key).map(|m| m.title)
    }

    pub(super) fn summary_in_index(&self, key: &str) -> Option<MapSummary> {
        let index = self.read_index().ok()??;
        index.maps.into_iter().find(|m| m.key == key)
    }

    /// The summary of entry `key`, read whole; one that does not read is listed
    /// as damaged under its key (a restored map comes back as it was, and the
    /// catalogue marks it).
    pub(super) fn summary_read_whole(&self, key: &str) -> MapSummary {
        match self.read_entry(key) {
            Ok((entry, map)) => summary_of(key, &map, entry.revision, entry.saved_ms),
            Err(_) => MapSummary {
                key: key.to_string(),
                title: key.to_string(),
                revision: 0,
                saved_ms: 0.0,
                stakeholders: 0,
                damaged: true,
            },
        }
    }

    pub(super) fn read_entry(&self, key: &str) -> Result<(EntryDoc, Map), EntryError> {
        let raw = self.store.get(&entry_key(key)).map_err(EntryError::Store)?.ok_or(EntryError::Missing)?;
        let doc: EntryDoc = match serde_json::from_str(&raw) {
            Ok(doc) => doc,
            Err(_) => return Err(EntryError::Damaged(raw)),
        };
        if doc.schema > SCHEMA {
            return Err(EntryError::Newer);
        }
        match format::decode_value(&doc.map) {
            Ok(map) => Ok((doc, map)),
            Err(_) => Err(EntryError::Damaged(raw)),
        }
    }

    /// What a save needs of the entry it replaces. Usually from the entry's first
    /// characters, where Simpul writes the schema, the revision, the time and the
    /// number of stakeholders (in an older entry's stead, the index says whether
    /// it had any); an entry that does not start so is read whole, and refused if
    /// it is not whole JSON.
    fn read_before_save(&self, key: &str) -> Result<BeforeSave, EntryError> {
        let head = self
            .store
            .get_head(&entry_key(key), HEAD_CHARS)
            .map_err(EntryError::Store)?
            .ok_or(EntryError::Missing)?;
        let Some((EntryHead { schema, revision, saved_ms, stakeholders, .. }, _)) = entry_head(&head) else {
            return self.read_whole_before_save(key);
        };
        if schema > SCHEMA {
            return Err(EntryError::Newer);
        }
        let had_stakeholders = match stakeholders {
            Some(n) => n > 0,
            None => match self.read_index() {
                Ok(Some(index)) => {
                    index.maps.iter().find(|m| m.key == key).is_none_or(|m| m.stakeholders > 0)
                }
                _ => true,
            },
        };
        Ok(BeforeSave { revision, saved_ms, had_stakeholders })
    }

    fn read_whole_before_save(&self, key: &str) -> Result<BeforeSave, EntryError> {
        let raw = self.store.get(&entry_key(key)).map_err(EntryError::Store)?.ok_or(EntryError::Missing)?;
        match serde_json::from_str::<WholeBeforeSave>(&raw) {
            Ok(whole) if whole.schema > SCHEMA => Err(EntryError::Newer),
            Ok(whole) => Ok(BeforeSave {
                revision: whole.revision,
                saved_ms: whole.saved_ms,
                had_stakeholders: !whole.map.stakeholders.is_empty(),
            }),
            Err(_) => Err(EntryError::Damaged(raw)),
        }
    }

    /// Writes an entry: its head (see [`entry_head`]), then the map's text as the
    /// last field. Joined as text, so the map is not written out a second time.
    fn write_entry(
        &mut self,
        key: &str,
        map: &Map,
        map_text: &str,
        revision: u64,
        now_ms: f64,
    ) -> Result<(), StorageProblem> {
        let head = EntryHeadOut {
            schema: SCHEMA,
            revision,
            saved_ms: now_ms,
            title: &map.title,
            stakeholders: map.stakeholders.len(),
        };
        let head = to_json(&head)?;
        let mut text = String::with_capacity(head.len() + map_text.len() + 8);
        text.push_str(head.strip_suffix('}').unwrap_or(&head));
        text.push_str(",\"map\":");
        text.push_str(map_text);
        text.push('}');
        self.set_making_room(&entry_key(key), &text)
    }

    /// Writes `value`; when storage is full, drops the oldest saved versions of
    /// any map, one at a time, until it fits. Maps themselves are never dropped.
    pub(super) fn set_making_room(&mut self, key: &str, value: &str) -> Result<(), StorageProblem> {
        self.making_room(|store| store.set(key, value))
    }

    /// Runs `write` until it fits, dropping the oldest saved versions of any map
    /// one at a time when storage is full; maps themselves are never dropped.
    pub(super) fn making_room<T>(
        &mut self,
        mut write: impl FnMut(&mut S) -> Result<T, StoreError>,
    ) -> Result<T, StorageProblem> {
        loop {
            match write(&mut self.store) {
                Err(StoreError::Full) => {
                    if !self.drop_oldest_version()? {
                        return Err(StorageProblem::Full);
                    }
                }
                other => return Ok(other?),
            }
        }
    }
}

pub(super) enum EntryError {
    Store(StoreError),
    Missing,
    Newer,
    Damaged(String),
}

/// A document as stored text (serialising plain data cannot fail, but is not unwrapped).
pub(super) fn to_json(doc: &impl Serialize) -> Result<String, StorageProblem> {
    serde_json::to_string(doc).map_err(|e| StorageProblem::Failed(e.to_string()))
}

pub(super) fn entry_key(key: &str) -> String {
    format!("{ENTRY_PREFIX}{key}")
}

pub(super) fn summary_of(key: &str, map: &Map, revision: u64, saved_ms: f64) -> MapSummary {
    MapSummary {
        key: key.to_string(),
        title: map.title.clone(),
        revision,
        saved_ms,
        stakeholders: map.stakeholders.len(),
        damaged: false,
    }
}
