//! Maps that come from outside: files (maps, backups, Kumu and spreadsheets through
//! the worker's preview), share links and their preview, and the map going out as
//! a file or a link.

use super::*;
use crate::ui::on_demand::part;

impl AppState {
    /// Shows the map in a share link as a preview that changes none of the user's
    /// maps. If the link cannot be read, says why and shows the user's own maps.
    /// The browser inflates the link (bounded); Rust validates the map.
    pub fn open_shared(&self, fragment: String) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let payload = format::fragment_payload(&fragment);
            let result = match web::inflate_link_payload(payload, format::MAX_DECOMPRESSED_BYTES).await {
                Ok(json) => match parse_in_steps(&json).await {
                    Ok(root) => decode_in_steps(&root, json.len() > BIG_FILE_BYTES)
                        .await
                        .map_err(ShareLinkError::Invalid),
                    Err(invalid) => Err(ShareLinkError::Invalid(invalid)),
                },
                Err(web::InflateFailure::NotBase64) => Err(ShareLinkError::NotBase64),
                Err(web::InflateFailure::NotDeflate) => Err(ShareLinkError::NotDeflate),
                Err(web::InflateFailure::TooLarge) => Err(ShareLinkError::TooLarge),
            };
            match result {
                Ok(map) => state.show_map(map, Some(OpenDoc { key: None, revision: 0, preview: true })),
                Err(error) => {
                    state.notify(Notice::Link(error));
                    if state.doc.with_untracked(Option::is_none) {
                        state.open_most_recent();
                    }
                }
            }
        });
    }

    pub fn is_preview(&self) -> bool {
        self.doc.with(|d| d.as_ref().is_some_and(|d| d.preview))
    }

    /// Keeps the previewed map as a new map of the library.
    pub fn save_preview(&self) {
        self.doc.update(|d| {
            if let Some(d) = d {
                d.preview = false;
            }
        });
        web::clear_hash();
        self.persist();
        let title = self.map.with_untracked(|m| m.title.clone());
        self.notify(Notice::Info(Text::SavedFromLink, title));
    }

    /// Leaves the preview for the user's own maps.
    pub fn close_preview(&self) {
        web::clear_hash();
        self.close();
        self.open_most_recent();
    }

    /// Opens a `.simpul.json` file as a new map, or lists its problems and changes
    /// nothing. Returns `false` for a Kumu project or a PRSM map, which go through
    /// the import preview (the background worker reads them) so that their types can
    /// be given kinds.
    pub async fn import_text(&self, text: String) -> bool {
        // A big file is read in steps, a task each (parsing and checking a
        // slice of elements, showing): for 5,000 stakeholders, parsing
        // or checking the whole file at once took most of the 100 ms the page may
        // freeze for.
        let big = text.len() > BIG_FILE_BYTES;
        let root = match parse_in_steps(&text).await {
            Ok(root) => root,
            Err(invalid) => {
                self.import_problems.set(invalid.problems);
                return true;
            }
        };
        drop(text);
        if format::foreign::is_other_tools_json(&root) {
            return false;
        }
        if format::backup::is_backup(&root) {
            match decode_backup_in_steps(&root, big).await {
                Ok(maps) => {
                    drop(root);
                    self.add_from_backup(maps, big).await;
                }
                Err(invalid) => self.import_problems.set(invalid.problems),
            }
            return true;
        }
        match decode_in_steps(&root, big).await {
            Ok(map) => {
                drop(root);
                self.import_problems.set(Vec::new());
                let title = map.title.clone();
                if big || background::is_big(&map) {
                    web::next_task().await;
                }
                self.start(map);
                self.notify(Notice::Info(Text::ImportedAsNewMap, title));
            }
            Err(invalid) => self.import_problems.set(invalid.problems),
        }
        true
    }

    /// Adds every map of a backup to the library as new maps (never over one that
    /// exists) and opens the first. From a big file, a map is stored per task.
    pub(super) async fn add_from_backup(&self, mut maps: Vec<Map>, big: bool) {
        self.import_problems.set(Vec::new());
        let mut first = None;
        let mut added = 0usize;
        for (i, map) in maps.iter().enumerate() {
            if big {
                web::next_task().await;
            }
            match store().and_then(|mut l| l.create(map, web::now_ms())) {
                Ok(summary) => {
                    first.get_or_insert((summary.key, summary.revision, i));
                    added += 1;
                }
                Err(problem) => {
                    self.notify(Notice::Storage(problem));
                    break;
                }
            }
        }
        self.refresh_catalogue();
        let total = maps.len();
        if let Some((key, revision, i)) = first {
            // Shown as it was just stored, not read back: reading back a map of
            // 5,000 stakeholders parsed it again, in one task of 200 ms.
            self.save_now();
            self.show_stored(maps.swap_remove(i), key, revision);
        }
        self.notify(Notice::Info(Text::BackupRestored, format!("{added}/{total}")));
    }

    /// Shows the background worker's answer in the import preview, or lists why
    /// the files were refused.
    pub fn show_spreadsheet(&self, answer: &str) {
        let answer: serde_json::Value = serde_json::from_str(answer).unwrap_or_default();
        if let Some(preview) = simpul::format::sheet_messages::SheetPreview::from_answer(&answer) {
            self.import_problems.set(Vec::new());
            self.sheet_import.set(Some(std::sync::Arc::new(preview)));
            return;
        }
        let text =
            |lang: &str| answer["refused"][lang].as_str().unwrap_or("the file could not be read").to_string();
        let kind = format::ProblemKind::Described { en: text("en"), id: text("id") };
        self.import_problems.set(vec![format::Problem::new("", kind)]);
    }

    /// Opens the previewed spreadsheet as a new map, with the kinds the user chose
    /// (type key → kind code), built by the background worker.
    pub fn accept_spreadsheet(&self, choices: serde_json::Value) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let answer = web::ask_spreadsheet_worker(&choices.to_string()).await;
            if state.open_as_new_map(answer, Text::ImportedAsNewMap) {
                state.sheet_import.set(None);
            }
        });
    }

    /// The share link of the open map (`None` if the browser cannot compress).
    pub async fn share_link(&self) -> Option<String> {
        let json =
            self.map.with_untracked(|m| serde_json::to_string(&format::encode_value(m)).unwrap_or_default());
        let payload = web::compress_for_link(&json).await?;
        Some(format!("{}{}{payload}", web::page_address(), format::FRAGMENT_PREFIX))
    }

    /// Downloads the open map as its file (*Export map*). The file's writer comes
    /// with the File menu's part, fetched now if the menu has not been opened.
    pub fn export(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            if export_map(state).await.is_err() {
                state.notify(Notice::Problem(Text::PartUnfetched, String::new()));
            }
        });
    }
}

part!(
    file_menu,
    /// The pretty-printed file, which only an export writes (storage and the
    /// worker take the compact text).
    fn export_map(state: AppState) {
        let (name, text) = state.map.with_untracked(|m| (format::file_name(m), format::encode(m)));
        if let Err(detail) = web::download(&name, "application/json", &text) {
            state.notify(Notice::Storage(StorageProblem::Failed(detail)));
        }
    }
);

/// A file's JSON, parsed a slice of elements per task when the text is big (see
/// [`format::Parsing`]).
pub(super) async fn parse_in_steps(text: &str) -> Result<serde_json::Value, format::Invalid> {
    if text.len() <= BIG_FILE_BYTES {
        return format::parse_json(text);
    }
    let mut parsing = format::Parsing::new(text);
    simpul::steps::in_steps(web::next_task, || parsing.read(ELEMENTS_PER_TASK)).await;
    parsing.finish()
}

/// The maps of a backup, each checked a slice of elements per task when `big`. The
/// maps of a backup are not held to a map's limits: they were in a library, and
/// one stored before the limits must come back whole.
pub(super) async fn decode_backup_in_steps(
    root: &serde_json::Value,
    big: bool,
) -> Result<Vec<Map>, format::Invalid> {
    let mut read = Vec::new();
    for value in format::backup::maps_in(root)? {
        let mut decoding = format::Decoding::new(value);
        if big {
            simpul::steps::in_steps(web::next_task, || decoding.read(ELEMENTS_PER_TASK)).await;
        }
        read.push(decoding.finish());
    }
    format::backup::gather(read)
}

/// A map from outside (a file, a link), checked a slice of elements per task when
/// `big`; refused if it holds more than a map may.
pub(super) async fn decode_in_steps(root: &serde_json::Value, big: bool) -> Result<Map, format::Invalid> {
    let mut decoding = format::Decoding::new(root).within_limits();
    if big {
        simpul::steps::in_steps(web::next_task, || decoding.read(ELEMENTS_PER_TASK)).await;
    }
    decoding.finish()
}
