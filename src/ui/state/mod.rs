//! The app's state and the only ways to change it. Components read signals and call
//! these methods; every map edit goes through [`AppState::dispatch`], which applies
//! the command, records its inverse for undo, and autosaves.

mod comparing;
mod editing;
mod importing;
mod maps;
mod notices;
mod room;
mod saving;
mod voting;

pub use comparing::{choice, Compared};
pub use room::room;

use super::on_demand::{part, Unfetched};
use super::web;
use leptos::prelude::*;
use saving::Saving;
use simpul::analysis::{background, Analysis};
use simpul::edit::{Command, EditError, History};
use simpul::format::{self, Problem, ShareLinkError};
use simpul::i18n::{Lang, Text};
use simpul::model::{Link, Map, PosInWorld, StakeholderId};
use simpul::storage::{
    browser::BrowserStore, Catalogue, Library, StorageProblem, StoredRevision, ENTRY_PREFIX,
};

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
    /// A problem outside storage and edits (the worker could not analyse the map):
    /// an alert that stays until dismissed or resolved.
    Problem(Text, String),
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
    simpul::steps::in_steps(web::next_task, || encoding.write(ELEMENTS_PER_TASK)).await;
    encoding.finish()
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
    pub selected_link: RwSignal<Option<simpul::model::LinkId>>,
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
    pub sheet_import: RwSignal<Option<std::sync::Arc<simpul::format::sheet_messages::SheetPreview>>>,
    /// The keyboard help is open.
    pub help: RwSignal<bool>,
    /// Workshop (projector) mode, at this step of the reveal; `None` outside it.
    pub workshop: RwSignal<Option<simpul::drawing::reveal::Step>>,
    /// The print preview, open on this paper.
    pub print: RwSignal<Option<super::paper::Paper>>,
    /// The dialog that takes snapshots and compares versions is open.
    pub compare: RwSignal<bool>,
    /// What changed since a map compared with, marked on the picture.
    pub compared: RwSignal<Option<Compared>>,
    /// While this page is in a workshop room, this participant's mark in the ids of
    /// the links they draw (six random hexadecimal digits, see
    /// [`Map::fresh_link_id_by`]); `None` outside a room. All the page itself keeps of
    /// a room: the rest (who is in, the link, the connection) is the room's part's
    /// ([`room()`]), so that its code is not in the first download.
    pub room_mark: RwSignal<Option<String>>,
    /// This page has used a room (opened or joined one, or had one named in its
    /// address): the room's views are shown from then on, each deciding for itself
    /// what to show (`ui::room::room_view`).
    pub room_used: RwSignal<bool>,
    /// The room's dialog (link, QR code, who is in) is open.
    pub room_dialog: RwSignal<bool>,
    /// A room in the address waits for the participant's name.
    pub joining: RwSignal<Option<String>>,
    /// Counts local edits sent to the room.
    room_seq: StoredValue<u64>,
    /// The room's own map is about to be shown: showing it does not leave the room.
    room_entering: StoredValue<bool>,
}

fn store() -> Result<Library<BrowserStore>, StorageProblem> {
    BrowserStore::open().map(Library::new).map_err(StorageProblem::from)
}

impl AppState {
    pub fn new() -> Self {
        let remembered = BrowserStore::setting(LANG_KEY);
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
            compare: RwSignal::new(false),
            compared: RwSignal::new(None),
            help: RwSignal::new(false),
            workshop: RwSignal::new(None),
            sheet_import: RwSignal::new(None),
            room_mark: RwSignal::new(None),
            room_used: RwSignal::new(false),
            room_dialog: RwSignal::new(false),
            joining: RwSignal::new(None),
            room_seq: StoredValue::new(0),
            room_entering: StoredValue::new(false),
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
        // A share link in the address is shown at once, as a preview; a room's
        // link joins the room; otherwise the user's most recent map.
        match web::location_hash().filter(|h| format::is_share_fragment(h)) {
            Some(hash) => state.open_shared(hash),
            None => {
                if !state.join_from_address() {
                    state.open_most_recent();
                }
            }
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
                let answer = read_answer(web::analyse_in_worker(&text).await)
                    .await
                    .unwrap_or_else(|Unfetched| Err(state.t(Text::PartUnfetched).to_string()));
                // Shown in a task of its own: reading the answer of 5,000
                // stakeholders and then updating every view that shows it took
                // 90 ms together.
                web::next_task().await;
                let analysis = match answer {
                    Ok(analysis) => {
                        state.analysis_recovered();
                        analysis
                    }
                    Err(reason) => {
                        state.analysis_failed(reason);
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
    pub(super) fn open_most_recent(&self) {
        let state = *self;
        let mut recent = state.catalogue.with_untracked(|c| {
            c.maps.iter().filter(|m| !m.damaged).map(|m| (m.saved_ms, m.key.clone())).collect::<Vec<_>>()
        });
        simpul::order::sort_with(&mut recent, &|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
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

    /// Shows `map`, which lives where `doc` says, in place of the open map, with a
    /// fresh history (`close` leaves no map open). A big map's save still waiting for its task is made first: it
    /// is of the map shown until now.
    fn show_map(&self, map: Map, doc: Option<OpenDoc>) {
        self.save_now();
        // Another map replaces the room's: the room is left (its map stays stored).
        let entering = self.room_entering.try_update_value(std::mem::take).unwrap_or(false);
        if self.in_room() && !entering {
            self.leave_room();
        }
        // A stored map still being read was asked for before this one.
        self.open_requests.update_value(|n| *n += 1);
        self.opening.set(None);
        // A big map shows its lists and news at once, its findings as they come.
        self.first_analysis_pending.set(!background::is_big(&map));
        self.map.set(map);
        self.doc.set(doc);
        self.reset_history();
        if entering {
            // The room's map as it is now, over what this browser had stored.
            self.room_step("refresh");
        }
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
        BrowserStore::keep_setting(LANG_KEY, lang.code());
    }

    // ----- notices -------------------------------------------------------------
}

part!(
    panels,
    /// Reads the worker's answer. The reading comes with the panels that show the
    /// findings, which are fetched as soon as the first map is shown, long before
    /// the worker (a larger download) can answer.
    fn read_answer(answer: Result<String, String>) -> Result<Analysis, String> {
        answer.and_then(|t| {
            background::from_message(&t).ok_or_else(|| String::from("no analysis in the answer"))
        })
    }
);
