//! The app's state and the only ways to change it. Components read signals and call
//! these methods; every map edit goes through [`AppState::dispatch`], which applies
//! the command, records its inverse for undo, and autosaves.

use super::web;
use crate::analysis::{background, Analysis};
use crate::edit::{Command, EditError, History};
use crate::format::{self, Problem, ShareLinkError};
use crate::i18n::{Lang, Text};
use crate::model::{Link, Map, PosInWorld, StakeholderId};
use crate::storage::{
    browser::BrowserStore, Catalogue, KeyValue, Library, StorageProblem, StoredRevision, ENTRY_PREFIX,
};
use leptos::prelude::*;

/// Where the open map lives in storage. `key` is `None` while it could not be stored
/// yet (storage unavailable or full); every change tries again.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDoc {
    pub key: Option<String>,
    pub revision: u64,
    /// A map opened from a share link: shown, never saved, until the user chooses
    /// "Save to my maps".
    pub preview: bool,
}

/// Something the user must hear about, shown in a live region until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(StorageProblem),
    Edit(EditError),
    Link(ShareLinkError),
    /// Informational: rendered in the polite status region.
    Info(Text, String),
}

const LANG_KEY: &str = "simpul.lang";

/// How long a piece of news (a map opened, saved, restored) stays on screen.
const NEWS_SHOWN_MS: u64 = 10_000;

/// A map file longer than this (about 180 stakeholders) is imported a step per
/// task: for 500 stakeholders, reading, checking and showing the map in one task
/// took 150 ms.
const BIG_FILE_BYTES: usize = 64 * 1024;

/// How many elements (sectors, stakeholders, links) of a big map are read from a
/// file, or written out for storage or the worker, per task: about 10 ms of work.
const ELEMENTS_PER_TASK: usize = 4000;

/// `map`'s `.simpul.json` text, written out a slice of elements per task from the
/// next task on: a big map's takes tens of milliseconds.
pub(super) async fn encode_in_steps(map: &Map) -> String {
    let mut encoding = format::Encoding::new(map);
    crate::steps::in_steps(web::next_task, || encoding.write(ELEMENTS_PER_TASK)).await;
    encoding.finish()
}

/// A big map's saves, made in tasks after its changes (see `AppState::autosave`).
#[derive(Default)]
struct Saving {
    /// A change is not saved yet, nor is a save of it under way.
    pending: bool,
    /// The save being written out, a slice per task.
    under_way: Option<SaveUnderWay>,
    /// A task chain is making the saves.
    running: bool,
}

/// A save of a snapshot of the open map, written out a slice per task.
struct SaveUnderWay {
    /// Where the map lives, when the snapshot was taken.
    doc: OpenDoc,
    /// Which opening of a map the snapshot is of (`AppState::opened`).
    opened: u64,
    text: format::Encoding<Map>,
}

/// The pictures of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapView {
    Network,
    Grid,
    Matrix,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub catalogue: RwSignal<Catalogue>,
    pub doc: RwSignal<Option<OpenDoc>>,
    pub map: RwSignal<Map>,
    /// The map without its layout (positions and pins): what the analysis and the
    /// table read, so that moving stakeholders around reruns neither.
    pub content: Memo<Map>,
    /// Counts opened maps: the network view starts a fresh layout when it changes.
    pub opened: RwSignal<u64>,
    /// The picture shown above the table.
    pub view: RwSignal<MapView>,
    /// Focus mode: only the selected stakeholder and its neighbours stay lit.
    pub focus: RwSignal<bool>,
    history: StoredValue<History>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub notices: RwSignal<Vec<(u32, Notice)>>,
    next_notice: StoredValue<u32>,
    /// A big map's saves (see `autosave`).
    saving: StoredValue<Saving>,
    /// Counts requests to show a map: a stored map read in steps is shown only if
    /// no other map was asked for or shown meanwhile.
    open_requests: StoredValue<u64>,
    /// The stored map being read, a big one over several tasks (its key).
    pub opening: RwSignal<Option<String>>,
    pub selected: RwSignal<Option<StakeholderId>>,
    /// The link shown in the inspector; choosing a stakeholder lets it go.
    pub selected_link: RwSignal<Option<crate::model::LinkId>>,
    /// The share link last copied, and whether the clipboard took it.
    pub shared_link: RwSignal<Option<(String, bool)>>,
    /// The analysis of the open map. A memo of the map alone, so it reruns after
    /// each edit and never for other UI changes. The map is analysed in the
    /// background worker: until its answer comes, this is the last answer carried
    /// over to the map as it is now (`analysis::background`).
    pub analysis: Memo<Analysis>,
    /// A map too big to handle in one task (`analysis::background::is_big`): its
    /// lists are built, and it is saved, in tasks of their own.
    pub big_map: Memo<bool>,
    /// The last analysis the worker sent, with the map it is of.
    worker_analysis: RwSignal<Option<std::sync::Arc<(Map, Analysis)>>>,
    /// The map just opened (unless big) has no analysis of its own yet: its table
    /// and its news wait for it rather than show metrics carried over from nothing.
    pub first_analysis_pending: RwSignal<bool>,
    /// News waiting for the first analysis of the map just opened.
    news_waiting: StoredValue<Vec<Notice>>,
    /// The map's analysis is under way in the worker: the findings and metrics
    /// shown are not yet those of the map as it is now.
    pub analysing: Memo<bool>,
    /// The finding the user chose (its position in the findings list) and the
    /// subjects it highlights.
    pub active_finding: RwSignal<Option<(usize, Vec<String>)>>,
    /// Problems of the last refused import, shown until the next import.
    pub import_problems: RwSignal<Vec<Problem>>,
    /// A spreadsheet read and waiting in the import preview for the user's kinds.
    pub sheet_import: RwSignal<Option<std::sync::Arc<super::sheet_import::SheetPreview>>>,
    /// The keyboard help is open.
    pub help: RwSignal<bool>,
    /// Workshop (projector) mode, at this step of the reveal; `None` outside it.
    pub workshop: RwSignal<Option<crate::drawing::reveal::Step>>,
    /// The print preview, open on this paper.
    pub print: RwSignal<Option<super::print::Paper>>,
}

fn store() -> Result<Library<BrowserStore>, StorageProblem> {
    BrowserStore::open().map(Library::new).map_err(StorageProblem::from)
}

impl AppState {
    pub fn new() -> Self {
        let remembered = BrowserStore::open().ok().and_then(|s| s.get(LANG_KEY).ok().flatten());
        let forced = web::query_param("lang");
        let browser = web::browser_languages();
        let lang = Lang::choose(forced.as_deref(), remembered.as_deref(), browser.iter().map(String::as_str));
        web::set_document_lang(lang.code());
        let map = RwSignal::new(Map::default());
        let content = Memo::new(move |_| map.with(Map::without_layout));
        let worker_analysis = RwSignal::new(None::<std::sync::Arc<(Map, Analysis)>>);
        let big_map = Memo::new(move |_| content.with(background::is_big));
        let first_analysis_pending = RwSignal::new(false);
        // The one comparison of the map with the worker's last answer: the
        // analysis shown and the busy state both follow it.
        let analysing = Memo::new(move |_| {
            content.with(|now| worker_analysis.with(|answer| answer.as_ref().is_none_or(|a| a.0 != *now)))
        });
        // Every analysis runs in the background worker (the page renders, the
        // worker computes): until its answer for the map as it is now comes, the
        // last answer is carried over to it.
        let analysis = Memo::new(move |_| {
            content.with(|now| {
                worker_analysis.with(|answer| match answer.as_deref() {
                    Some((_, analysis)) if !analysing.get() => analysis.clone(),
                    answer => background::carry_over_answer(answer, now),
                })
            })
        });
        let state = Self {
            lang: RwSignal::new(lang),
            catalogue: RwSignal::new(Catalogue::default()),
            doc: RwSignal::new(None),
            map,
            content,
            opened: RwSignal::new(0),
            view: RwSignal::new(MapView::Network),
            focus: RwSignal::new(false),
            analysis,
            big_map,
            worker_analysis,
            first_analysis_pending,
            news_waiting: StoredValue::new(Vec::new()),
            analysing,
            active_finding: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            next_notice: StoredValue::new(0),
            saving: StoredValue::new(Saving::default()),
            open_requests: StoredValue::new(0),
            opening: RwSignal::new(None),
            selected: RwSignal::new(None),
            selected_link: RwSignal::new(None),
            shared_link: RwSignal::new(None),
            import_problems: RwSignal::new(Vec::new()),
            print: RwSignal::new(None),
            help: RwSignal::new(false),
            workshop: RwSignal::new(None),
            sheet_import: RwSignal::new(None),
        };
        state.analyse_in_the_worker();
        // The map just opened has its own analysis (an answer about a map opened
        // before it leaves it waiting; a map opened again may have it already).
        Effect::new(move |_| {
            if state.first_analysis_pending.get() && !state.analysing.get() {
                state.first_analysis_done();
            }
        });
        Effect::new(move |_| {
            if state.selected.with(Option::is_some) {
                state.selected_link.set(None);
            }
        });
        state.refresh_catalogue();
        // A share link in the address is shown at once, as a preview; otherwise the
        // user's most recent map.
        match web::location_hash().filter(|h| format::is_share_fragment(h)) {
            Some(hash) => state.open_shared(hash),
            None => state.open_most_recent(),
        }
        state
    }

    /// Sends the map to the background worker whenever its analysis is out of
    /// date, one map at a time: edits made while the worker works are analysed
    /// together when its answer comes. If the worker cannot answer, the user is
    /// told why, and the findings stay as they were.
    fn analyse_in_the_worker(&self) {
        let state = *self;
        let in_flight = StoredValue::new(false);
        Effect::new(move |_| {
            state.worker_analysis.track();
            if !state.analysing.get() || in_flight.get_value() {
                return;
            }
            in_flight.set_value(true);
            let map = state.content.get_untracked();
            leptos::task::spawn_local(async move {
                // Written out in tasks of their own: the map has just changed, and
                // the task that changed it has its own work to do.
                let text = encode_in_steps(&map).await;
                let answer = web::analyse_in_worker(&text).await.and_then(|t| {
                    background::from_message(&t).ok_or_else(|| String::from("no analysis in the answer"))
                });
                // Shown in a task of its own: reading the answer of 5,000
                // stakeholders and then updating every view that shows it took
                // 90 ms together.
                web::next_task().await;
                let analysis = match answer {
                    Ok(analysis) => analysis,
                    Err(reason) => {
                        state.notify(Notice::Info(Text::AnalysisUnavailable, reason));
                        state
                            .worker_analysis
                            .with_untracked(|last| background::carry_over_answer(last.as_deref(), &map))
                    }
                };
                in_flight.set_value(false);
                state.worker_analysis.set(Some(std::sync::Arc::new((map, analysis))));
            });
        });
    }

    /// Reopens the most recently saved map, so a reload lands where the user was; if
    /// it cannot be read, the next most recent.
    fn open_most_recent(&self) {
        let state = *self;
        let mut recent = state.catalogue.with_untracked(|c| {
            c.maps.iter().filter(|m| !m.damaged).map(|m| (m.saved_ms, m.key.clone())).collect::<Vec<_>>()
        });
        recent.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut keys = recent.into_iter().map(|(_, key)| key);
        let Some(mut key) = keys.next() else { return };
        let mut request = state.begin_opening(&key);
        leptos::task::spawn_local(async move {
            while !state.open_stored(key, request).await {
                let Some(next) = keys.next() else { return };
                key = next;
                request = state.begin_opening(&key);
            }
        });
    }

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

    /// Leaves no map open.
    fn close(&self) {
        self.save_now();
        // The doc first: the views of an open map go before its map is emptied.
        self.doc.set(None);
        self.first_analysis_done();
        self.map.set(Map::default());
        self.reset_history();
    }

    /// Shows `map`, which lives where `doc` says, in place of the open map, with a
    /// fresh history (`close` leaves no map open). A big map's save still waiting for its task is made first: it
    /// is of the map shown until now.
    fn show_map(&self, map: Map, doc: Option<OpenDoc>) {
        self.save_now();
        // A stored map still being read was asked for before this one.
        self.open_requests.update_value(|n| *n += 1);
        self.opening.set(None);
        // A big map shows its lists and news at once, its findings as they come.
        self.first_analysis_pending.set(!background::is_big(&map));
        self.map.set(map);
        self.doc.set(doc);
        self.reset_history();
    }

    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }

    /// A text that follows the language switch, for use in views. Every text in the
    /// UI goes through this one closure type, so the view code for reactive text is
    /// compiled once rather than once per text (a large part of the download).
    pub fn tr(&self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || text.get(lang.get())
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        web::set_document_lang(lang.code());
        if let Ok(mut store) = BrowserStore::open() {
            // Not worth an alert: the language still applies for this visit.
            let _ = store.set(LANG_KEY, lang.code());
        }
    }

    // ----- notices -------------------------------------------------------------

    pub fn notify(&self, notice: Notice) {
        // News of a map just opened ("Imported … as a new map") comes with its
        // findings: it waits for the map's first analysis.
        if matches!(notice, Notice::Info(..)) && self.first_analysis_pending.get_untracked() {
            self.news_waiting.update_value(|waiting| waiting.push(notice));
            return;
        }
        let already = self.notices.with_untracked(|n| n.iter().any(|(_, existing)| existing == &notice));
        if already {
            return;
        }
        let id = self
            .next_notice
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default();
        // News goes away by itself; problems stay until dismissed.
        if matches!(notice, Notice::Info(..)) {
            let state = *self;
            set_timeout(move || state.dismiss(id), std::time::Duration::from_millis(NEWS_SHOWN_MS));
        }
        self.notices.update(|n| n.push((id, notice)));
    }

    /// The map just opened has its analysis, or is closed: its news can be told.
    fn first_analysis_done(&self) {
        self.first_analysis_pending.set(false);
        let waiting = self.news_waiting.try_update_value(std::mem::take).unwrap_or_default();
        for notice in waiting {
            self.notify(notice);
        }
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|(i, _)| *i != id));
    }

    /// Conflicts concern the map that was open; once another map is open, or a
    /// copy is kept, they are settled. Other storage warnings stay until dismissed.
    fn clear_conflict_notices(&self) {
        self.notices.update(|n| {
            n.retain(|(_, notice)| {
                !matches!(
                    notice,
                    Notice::Storage(
                        StorageProblem::Conflict { .. } | StorageProblem::DeletedElsewhere { .. }
                    )
                )
            })
        });
    }

    // ----- library -------------------------------------------------------------

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
        let path = crate::example_maps::example_path(stem, self.lang.get_untracked());
        leptos::task::spawn_local(async move {
            state.open_as_new_map(web::fetch_text(&path).await, Text::OpenedExample);
        });
    }

    /// Opens a `.simpul.json` text that arrived asynchronously (an example, the
    /// background worker's map) as a new map and says so with `notice`; `false`, with
    /// the problems listed, when it could not be had or read.
    fn open_as_new_map(&self, text: Result<String, String>, notice: Text) -> bool {
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
    fn begin_opening(&self, key: &str) -> u64 {
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
    async fn open_stored(&self, key: String, request: u64) -> bool {
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
    fn show_stored(&self, map: Map, key: String, revision: u64) {
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
    fn remove_map(
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
    pub fn versions(&self) -> Vec<crate::storage::Version> {
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
                            crate::steps::in_steps(web::next_task, || encoding.write(ELEMENTS_PER_TASK)).await;
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

    /// Applies one change to the open map, records it for undo and autosaves.
    pub fn dispatch(&self, command: Command) {
        let mut result = Ok(());
        self.map.update(|map| {
            result = self.history.try_update_value(|h| h.apply(map, command)).unwrap_or(Ok(()));
        });
        match result {
            Ok(()) => self.after_change(),
            Err(error) => self.notify(Notice::Edit(error)),
        }
    }

    /// Writes positions the layout settled on. Not an edit: it is not undone, but
    /// it is saved, so the map reopens as it was left.
    pub fn record_positions(&self, positions: &[(usize, PosInWorld)]) {
        if positions.is_empty() {
            return;
        }
        self.map.update(|map| {
            for &(i, p) in positions {
                if let Some(s) = map.stakeholders.get_mut(i) {
                    s.pos_in_world = Some(p);
                }
            }
        });
        self.autosave();
    }

    /// Moves a stakeholder and pins it there (an undoable edit).
    pub fn move_stakeholder(&self, index: usize, to: PosInWorld) {
        let moved = self.map.with_untracked(|m| {
            m.stakeholders.get(index).map(|s| {
                let mut s = s.clone();
                s.pos_in_world = Some(crate::layout::rounded(to));
                s.pinned = true;
                s
            })
        });
        if let Some(s) = moved {
            self.dispatch(Command::ReplaceStakeholder(s));
        }
    }

    /// One line of quick entry: a name, or a link such as `A > B` (see
    /// [`crate::quick_entry`]). Selects the stakeholder it names; says whether the
    /// line was a link.
    pub fn enter_line(&self, line: &str) -> bool {
        let Some(entry) = crate::quick_entry::parse(line) else { return false };
        let Some((command, id)) = self.map.with_untracked(|m| crate::quick_entry::command(m, &entry)) else {
            return false;
        };
        self.dispatch(command);
        self.selected.set(Some(id));
        matches!(entry, crate::quick_entry::Entry::Link { .. })
    }

    /// Links two stakeholders with a partnership (the most common kind; the links
    /// table edits it further). Ignores a stakeholder linked to itself.
    pub fn link_stakeholders(&self, a: usize, b: usize) {
        let command = self.map.with_untracked(|m| {
            let (from, to) = (m.stakeholders.get(a)?, m.stakeholders.get(b)?);
            (a != b).then(|| Command::InsertLink {
                index: m.links.len(),
                link: Link::new(m.fresh_link_id(), from.id.clone(), to.id.clone()),
            })
        });
        if let Some(command) = command {
            self.dispatch(command);
        }
    }

    pub fn undo(&self) {
        let mut changed = false;
        self.map.update(|map| changed = self.history.try_update_value(|h| h.undo(map)).unwrap_or(false));
        if changed {
            self.after_change();
        }
    }

    pub fn redo(&self) {
        let mut changed = false;
        self.map.update(|map| changed = self.history.try_update_value(|h| h.redo(map)).unwrap_or(false));
        if changed {
            self.after_change();
        }
    }

    fn after_change(&self) {
        self.sync_history_flags();
        // A deleted stakeholder cannot stay selected.
        let gone = self.selected.with_untracked(|s| {
            s.as_ref().is_some_and(|id| self.map.with_untracked(|m| m.stakeholder(id).is_none()))
        });
        if gone {
            self.selected.set(None);
        }
        self.autosave();
    }

    /// Saves the open map after a change: at once, or for a big map a few tasks
    /// later. The change's own task updates the analysis, the tables and the
    /// picture; a big map's save is written out in tasks of its own, a slice per
    /// task (writing 5,000 stakeholders in one go froze the page). Changes made
    /// meanwhile are saved together, by the next save.
    fn autosave(&self) {
        if !self.big_map.get_untracked() {
            self.persist();
            return;
        }
        let start = self.saving.try_update_value(|saving| {
            saving.pending = true;
            !std::mem::replace(&mut saving.running, true)
        });
        if start == Some(true) {
            self.save_in_tasks();
        }
    }

    /// The task chain that makes a big map's saves: takes a snapshot of the map,
    /// writes it out a slice per task and stores it, then starts again while
    /// changes are waiting.
    fn save_in_tasks(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            loop {
                web::next_task().await;
                let Some(under_way) = state.saving.try_with_value(|s| s.under_way.is_some()) else { return };
                if under_way {
                    let done = state.saving.try_update_value(|s| {
                        s.under_way.as_mut().is_none_or(|u| u.text.write(ELEMENTS_PER_TASK))
                    });
                    if done == Some(true) {
                        state.finish_save_under_way();
                    }
                } else if !state.start_save() {
                    state.saving.update_value(|s| s.running = false);
                    return;
                }
            }
        });
    }

    /// Takes a snapshot of the open map for a save written out in tasks, if a
    /// change waits to be saved; `false` when there is nothing to save.
    fn start_save(&self) -> bool {
        if self.saving.try_update_value(|s| std::mem::take(&mut s.pending)) != Some(true) {
            return false;
        }
        // A preview is never written.
        let Some(doc) = self.doc.get_untracked().filter(|d| !d.preview) else { return true };
        // The version this save keeps, if one is due, is copied now rather than in
        // the task that writes the map: each copies megabytes.
        if let (Some(key), Ok(mut library)) = (&doc.key, store()) {
            library.keep_version_before_save(key, doc.revision, web::now_ms());
        }
        let text = format::Encoding::new(self.map.get_untracked());
        let opened = self.opened.get_untracked();
        self.saving.update_value(|s| s.under_way = Some(SaveUnderWay { doc, opened, text }));
        true
    }

    /// Writes out and stores the rest of the save under way, if there is one.
    fn finish_save_under_way(&self) {
        let Some(save) = self.saving.try_update_value(|s| s.under_way.take()).flatten() else { return };
        let SaveUnderWay { doc, opened, text } = save;
        let (map, text) = text.finish_with_map();
        let now = web::now_ms();
        let result = store().and_then(|mut library| match &doc.key {
            Some(key) => library.save_written(key, &map, &text, doc.revision, now),
            None => library.create_written(&map, &text, now),
        });
        self.saved(result, self.opened.get_untracked() == opened);
    }

    /// Makes the open map's saves that wait for their tasks now: before another
    /// map replaces it, before storage is read for the map it is, and before the
    /// page is closed or hidden.
    pub fn save_now(&self) {
        self.finish_save_under_way();
        if self.saving.try_update_value(|s| std::mem::take(&mut s.pending)) == Some(true) {
            self.persist();
        }
    }

    fn reset_history(&self) {
        self.history.set_value(History::default());
        self.opened.update(|n| *n += 1);
        self.focus.set(false);
        self.selected.set(None);
        self.selected_link.set(None);
        self.active_finding.set(None);
        self.sync_history_flags();
    }

    fn sync_history_flags(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// Autosave: writes the open map, creating its entry if it has none yet. A
    /// preview is never written. A save under way is stored first, so the
    /// revisions follow each other.
    fn persist(&self) {
        self.finish_save_under_way();
        let Some(doc) = self.doc.get_untracked().filter(|d| !d.preview) else { return };
        let now = web::now_ms();
        let result = self.map.with_untracked(|map| {
            store().and_then(|mut library| match &doc.key {
                Some(key) => library.save(key, map, doc.revision, now),
                None => library.create(map, now),
            })
        });
        self.saved(result, true);
    }

    /// After a save: the open doc's new revision (when the map saved is still
    /// the one open), the library's list, and the user told of a failure.
    fn saved(&self, result: Result<crate::storage::MapSummary, StorageProblem>, still_open: bool) {
        match result {
            Ok(summary) => {
                if still_open {
                    self.doc.set(Some(OpenDoc {
                        key: Some(summary.key.clone()),
                        revision: summary.revision,
                        preview: false,
                    }));
                }
                // The save worked, so earlier save failures are over.
                self.notices.update(|n| {
                    n.retain(|(_, notice)| {
                        !matches!(
                            notice,
                            Notice::Storage(
                                StorageProblem::Full
                                    | StorageProblem::Unavailable(_)
                                    | StorageProblem::Failed(_)
                            )
                        )
                    })
                });
                self.catalogue.update(|c| match c.maps.iter_mut().find(|m| m.key == summary.key) {
                    Some(existing) => *existing = summary,
                    None => c.maps.push(summary),
                });
            }
            Err(problem) => self.notify(Notice::Storage(problem)),
        }
    }

    /// After a conflict: drop this tab's unsaved change and load the stored version.
    pub fn load_theirs(&self, key: &str) {
        self.open(key);
        self.refresh_catalogue();
    }

    /// After a conflict: keep this tab's version as a new map beside the other.
    pub fn keep_mine_as_copy(&self) {
        let mut map = self.map.get_untracked();
        map.title = format!("{} ({})", map.title, self.t(Text::CopySuffix));
        self.clear_conflict_notices();
        self.start(map);
    }

    /// Another tab wrote storage: refresh the list, and warn if it was our map.
    /// `changed_key` is `None` when the other tab cleared all storage.
    pub fn on_storage_changed(&self, changed_key: Option<String>) {
        self.refresh_catalogue();
        let Some(OpenDoc { key: Some(key), revision, .. }) = self.doc.get_untracked() else { return };
        let entry = format!("{ENTRY_PREFIX}{key}");
        if changed_key.is_some_and(|k| k != entry) {
            return;
        }
        let Ok(library) = store() else { return };
        let title = self.map.with_untracked(|m| m.title.clone());
        match library.stored_revision(&key) {
            StoredRevision::At(stored) if stored != revision => {
                self.notify(Notice::Storage(StorageProblem::Conflict { key, title }))
            }
            StoredRevision::Missing => {
                self.notify(Notice::Storage(StorageProblem::DeletedElsewhere { key, title }))
            }
            StoredRevision::At(_) | StoredRevision::Unreadable => {}
        }
    }

    // ----- files ---------------------------------------------------------------

    /// Opens a `.simpul.json` file as a new map, or lists its problems and changes
    /// nothing. Returns `false` for a Kumu project, which goes through the import
    /// preview (the background worker reads it) so its types can be given kinds.
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
        if format::kumu::is_kumu(&root) {
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
    async fn add_from_backup(&self, mut maps: Vec<Map>, big: bool) {
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
        if let Some(preview) = super::sheet_import::SheetPreview::from_answer(&answer) {
            self.import_problems.set(Vec::new());
            self.sheet_import.set(Some(std::sync::Arc::new(preview)));
            return;
        }
        let text = |lang: &str| {
            answer["refused"][lang].as_str().unwrap_or("the spreadsheet could not be read").to_string()
        };
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

    pub fn export(&self) {
        let (name, text) = self.map.with_untracked(|m| (format::file_name(m), format::encode(m)));
        if let Err(detail) = web::download(&name, "application/json", &text) {
            self.notify(Notice::Storage(StorageProblem::Failed(detail)));
        }
    }
}

/// A stored map, read as [`Library::load`] reads it; a big one (an entry longer
/// than [`BIG_FILE_BYTES`]) parsed and checked a slice of elements per task, and
/// handed on in the task after: for 5,000 stakeholders, reading it at once held
/// the page for 117–163 ms. An entry that does not read so is read by `load`,
/// which sets it aside if it is damaged.
async fn load_in_steps(key: &str) -> Result<crate::storage::Loaded, StorageProblem> {
    let entry = store()?.entry_text(key).filter(|entry| entry.byte_len() > BIG_FILE_BYTES);
    if let Some(entry) = entry {
        if let Some(map) = entry.read_map(ELEMENTS_PER_TASK, web::next_task).await {
            web::next_task().await;
            return Ok(entry.loaded(key, map));
        }
    }
    store()?.load(key, web::now_ms())
}

/// A file's JSON, parsed a slice of elements per task when the text is big (see
/// [`format::Parsing`]).
async fn parse_in_steps(text: &str) -> Result<serde_json::Value, format::Invalid> {
    if text.len() <= BIG_FILE_BYTES {
        return format::parse_json(text);
    }
    let mut parsing = format::Parsing::new(text);
    crate::steps::in_steps(web::next_task, || parsing.read(ELEMENTS_PER_TASK)).await;
    parsing.finish()
}

/// The maps of a backup, each checked a slice of elements per task when `big`. The
/// maps of a backup are not held to a map's limits: they were in a library, and
/// one stored before the limits must come back whole.
async fn decode_backup_in_steps(root: &serde_json::Value, big: bool) -> Result<Vec<Map>, format::Invalid> {
    let mut read = Vec::new();
    for value in format::backup::maps_in(root)? {
        let mut decoding = format::Decoding::new(value);
        if big {
            crate::steps::in_steps(web::next_task, || decoding.read(ELEMENTS_PER_TASK)).await;
        }
        read.push(decoding.finish());
    }
    format::backup::gather(read)
}

/// A map from outside (a file, a link), checked a slice of elements per task when
/// `big`; refused if it holds more than a map may.
async fn decode_in_steps(root: &serde_json::Value, big: bool) -> Result<Map, format::Invalid> {
    let mut decoding = format::Decoding::new(root).within_limits();
    if big {
        crate::steps::in_steps(web::next_task, || decoding.read(ELEMENTS_PER_TASK)).await;
    }
    decoding.finish()
}
