//! The maps in this browser's library: opening, creating, renaming, copying,
//! deleting to the trash and back, earlier versions, the backup, set-aside copies.

use super::*;

impl AppState {
    /// Leaves no map open.
    pub(super) fn close(&self) {
        self.save_now();
        // The doc first: the views of an open map go before its map is emptied.
        self.doc.set(None);
        self.first_analysis_done();
        self.map.set(Map::default());
        self.reset_history();
    }

    pub fn refresh_catalogue(&self) {
        match store() {
            Ok(mut library) => {
                let catalogue = library.catalogue(web::now_ms());
                for problem in &catalogue.problems {
                    self.notify(Notice::Storage(problem.clone()));
                }
                self.catalogue.set(catalogue);
            }
            Err(problem) => self.notify(Notice::Storage(problem)),
        }
    }

    /// Starts a new, empty map and stores it.
    pub fn new_map(&self) {
        let title = self.t(Text::UntitledMap).to_string();
        self.start(Map::new(title));
    }

    /// Opens a bundled example, in the language of the UI, as a new map.
    pub fn open_example(&self, stem: &'static str) {
        let state = *self;
        let path = simpul::example_maps::example_path(stem, self.lang.get_untracked());
        leptos::task::spawn_local(async move {
            state.open_as_new_map(web::fetch_text(&path).await, Text::OpenedExample);
        });
    }

    /// Opens a `.simpul.json` text that arrived asynchronously (an example, the
    /// background worker's map) as a new map and says so with `notice`; `false`, with
    /// the problems listed, when it could not be had or read.
    pub(super) fn open_as_new_map(&self, text: Result<String, String>, notice: Text) -> bool {
        let map = match text {
            Ok(text) => format::decode(&text).map_err(|invalid| invalid.problems),
            Err(reason) => Err(vec![format::Problem::new("", format::ProblemKind::Unreadable { reason })]),
        };
        match map {
            Ok(map) => {
                let title = map.title.clone();
                self.import_problems.set(Vec::new());
                self.start(map);
                self.notify(Notice::Info(notice, title));
                true
            }
            Err(problems) => {
                self.import_problems.set(problems);
                false
            }
        }
    }

    /// Opens `map` as a new entry of the library (used by New, Import, Duplicate).
    /// It is never written over an existing map.
    pub fn start(&self, map: Map) {
        self.show_map(map, Some(OpenDoc { key: None, revision: 0, preview: false }));
        self.autosave();
    }

    /// Opens a stored map, a big one read over several tasks; tells the user when
    /// it cannot be read.
    pub fn open(&self, key: &str) {
        let state = *self;
        let request = self.begin_opening(key);
        let key = key.to_string();
        leptos::task::spawn_local(async move {
            state.open_stored(key, request).await;
        });
    }

    /// The first, synchronous part of opening `key`: the waiting save is made
    /// (the map to open may be the one it is of), and the map is marked as being
    /// opened. Returns the request's number for [`Self::open_stored`].
    pub(super) fn begin_opening(&self, key: &str) -> u64 {
        self.save_now();
        self.opening.set(Some(key.to_string()));
        self.open_requests
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default()
    }

    /// Reads the stored map `key` and shows it, unless another map was asked for
    /// or shown since `request` (then it is dropped unseen). `false`, after
    /// telling the user, when it cannot be read.
    pub(super) async fn open_stored(&self, key: String, request: u64) -> bool {
        let result = load_in_steps(&key).await;
        if self.open_requests.try_get_value() != Some(request) {
            return true;
        }
        match result {
            Ok(loaded) => {
                self.show_stored(loaded.map, key, loaded.summary.revision);
                true
            }
            Err(problem) => {
                self.opening.set(None);
                self.notify(Notice::Storage(problem));
                self.refresh_catalogue();
                false
            }
        }
    }

    /// Shows a map as it is stored under `key`, at `revision`.
    pub(super) fn show_stored(&self, map: Map, key: String, revision: u64) {
        self.show_map(map, Some(OpenDoc { key: Some(key), revision, preview: false }));
        self.clear_conflict_notices();
    }

    pub fn is_open(&self, key: &str) -> bool {
        self.doc.with(|d| d.as_ref().and_then(|d| d.key.as_deref()) == Some(key))
    }

    pub fn rename(&self, key: &str, title: String) {
        if self.is_open(key) {
            self.dispatch(Command::SetTitle(title));
            return;
        }
        if let Err(problem) = store().and_then(|mut l| l.rename(key, &title, web::now_ms())) {
            self.notify(Notice::Storage(problem));
        }
        self.refresh_catalogue();
    }

    pub fn duplicate(&self, key: &str) {
        // The copy is of the map as it is, with the changes still to be saved.
        self.save_now();
        let state = *self;
        let key = key.to_string();
        leptos::task::spawn_local(async move {
            match load_in_steps(&key).await {
                Ok(mut loaded) => {
                    loaded.map.title = format!("{} ({})", loaded.map.title, state.t(Text::CopySuffix));
                    state.start(loaded.map);
                }
                Err(problem) => state.notify(Notice::Storage(problem)),
            }
        });
    }

    /// Moves a map to the trash (restorable until the trash is emptied).
    pub fn delete(&self, key: &str) {
        self.remove_map(key, |l| l.delete(key, web::now_ms()), Text::MovedToTrash);
    }

    /// Deletes a map for good, without the trash, when the trash has no room for
    /// it and the user says so.
    pub fn delete_for_good(&self, key: &str) {
        self.remove_map(key, |l| l.delete_for_good(key), Text::DeletedForGood);
    }

    /// Takes map `key` out of the library with `remove`, closing it if it is
    /// open, and says so with `done`.
    pub(super) fn remove_map(
        &self,
        key: &str,
        remove: impl FnOnce(&mut Library<BrowserStore>) -> Result<(), StorageProblem>,
        done: Text,
    ) {
        // Saved first, so the trash holds the map as it is (and the waiting save
        // does not find its entry gone).
        self.save_now();
        let title =
            self.catalogue.with_untracked(|c| c.maps.iter().find(|m| m.key == key).map(|m| m.title.clone()));
        match store().and_then(|mut l| remove(&mut l)) {
            Ok(()) => {
                if self.is_open(key) {
                    self.close();
                }
                self.notify(Notice::Info(done, title.unwrap_or_default()));
            }
            Err(problem) => self.notify(Notice::Storage(problem)),
        }
        self.refresh_catalogue();
    }

    /// Brings a map back from the trash and opens it.
    pub fn restore(&self, trash_key: &str) {
        match store().and_then(|mut l| l.restore(trash_key, web::now_ms())) {
            Ok(summary) => {
                self.refresh_catalogue();
                self.open(&summary.key);
                self.notify(Notice::Info(Text::RestoredFromTrash, summary.title));
            }
            Err(problem) => {
                self.notify(Notice::Storage(problem));
                self.refresh_catalogue();
            }
        }
    }

    /// Deletes one trashed map for good (`None`: all of them).
    pub fn purge(&self, trash_key: Option<&str>) {
        let done = store().and_then(|mut l| match trash_key {
            Some(key) => l.purge(key),
            None => l.empty_trash(),
        });
        if let Err(problem) = done {
            self.notify(Notice::Storage(problem));
        }
        self.refresh_catalogue();
    }

    /// The saved versions of the open map, newest first.
    pub fn versions(&self) -> Vec<simpul::storage::Version> {
        let key = self.doc.with(|d| d.as_ref().and_then(|d| d.key.clone()));
        key.and_then(|key| store().ok()?.versions(&key).ok()).unwrap_or_default()
    }

    /// Opens a saved version as a new map, so nothing is overwritten.
    pub fn open_version(&self, version_key: &str, saved_ms: f64) {
        match store().and_then(|l| l.version_map(version_key)) {
            Ok(mut map) => {
                let when = web::local_time(saved_ms, self.lang.get_untracked().code());
                map.title = format!("{} ({})", map.title, self.t(Text::VersionOf).replace("{}", &when));
                let title = map.title.clone();
                self.start(map);
                self.notify(Notice::Info(Text::OpenedVersion, title));
            }
            Err(problem) => self.notify(Notice::Storage(problem)),
        }
    }

    /// Downloads every map of the library in one backup file. A big map is read
    /// and written out a slice per task, as it is opened and saved.
    pub fn download_backup(&self) {
        self.save_now();
        if let Err(problem) = store() {
            self.notify(Notice::Storage(problem));
            return;
        }
        let keys: Vec<String> = self
            .catalogue
            .with_untracked(|c| c.maps.iter().filter(|m| !m.damaged).map(|m| m.key.clone()).collect());
        let state = *self;
        leptos::task::spawn_local(async move {
            let mut texts = Vec::with_capacity(keys.len());
            for key in &keys {
                match load_in_steps(key).await {
                    Ok(loaded) => {
                        let mut encoding = format::Encoding::new(&loaded.map);
                        if background::is_big(&loaded.map) {
                            simpul::steps::in_steps(web::next_task, || encoding.write(ELEMENTS_PER_TASK))
                                .await;
                        }
                        texts.push(encoding.finish());
                    }
                    // A map that cannot be read is left out of the backup, and the user told why.
                    Err(problem) => state.notify(Notice::Storage(problem)),
                }
            }
            if texts.len() < keys.len() {
                state.refresh_catalogue();
            }
            let text = format::backup::from_map_texts(&texts, web::now_ms());
            let name = ["simpul-backup-", &web::today(), ".json"].concat();
            if let Err(reason) = web::download(&name, "application/json", &text) {
                state.notify(Notice::Storage(StorageProblem::Failed(reason)));
            }
        });
    }

    pub fn set_aside_text(&self, key: &str) -> Option<String> {
        store().ok()?.set_aside_text(key).ok().flatten()
    }

    pub fn discard_set_aside(&self, key: &str) {
        if let Err(problem) = store().and_then(|mut l| l.discard_set_aside(key)) {
            self.notify(Notice::Storage(problem));
        }
        self.refresh_catalogue();
    }

    // ----- editing -------------------------------------------------------------
}

/// A stored map, read as [`Library::load`] reads it; a big one (an entry longer
/// than [`BIG_FILE_BYTES`]) parsed and checked a slice of elements per task, and
/// handed on in the task after: for 5,000 stakeholders, reading it at once held
/// the page for 117–163 ms. An entry that does not read so is read by `load`,
/// which sets it aside if it is damaged.
pub(super) async fn load_in_steps(key: &str) -> Result<simpul::storage::Loaded, StorageProblem> {
    let entry = store()?.entry_text(key).filter(|entry| entry.byte_len() > BIG_FILE_BYTES);
    if let Some(entry) = entry {
        if let Some(map) = entry.read_map(ELEMENTS_PER_TASK, web::next_task).await {
            web::next_task().await;
            return Ok(entry.loaded(key, map));
        }
    }
    store()?.load(key, web::now_ms())
}
