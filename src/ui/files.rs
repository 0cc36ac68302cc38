//! Importing files: *Import map file* (PRODUCT.md §7), a file dropped on the
//! workspace, and what an import says before it changes anything.

use super::on_demand::{part, when_fetched};
use super::sheet_import::SheetImportPreview;
use super::state::AppState;
use super::web;
use leptos::prelude::*;
use simpul::format::{spreadsheet, Problem, ProblemKind, MAX_FILE_BYTES};
use simpul::i18n::Text;
use wasm_bindgen::JsCast;

/// The files a file chooser offers: Simpul maps and every other tool's file the
/// import reads.
pub(super) const READABLE_FILES: &str =
    ".json,.simpul.json,application/json,.csv,.tsv,.xlsx,.zip,.graphml,.xml,.gexf,.prsm";
const FILE_INPUT_ID: &str = "import-map-file";

/// *Import map file* (PRODUCT.md §7): the file input itself, styled as a button.
#[component]
pub fn ImportButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_file = move |event: leptos::ev::Event| {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let files = files_in(input.files());
        // Let the same file be chosen again after it is fixed.
        input.set_value("");
        import_files(state, files);
    };
    view! {
        <label class="tool file-button">
            <span class="icon" aria-hidden="true">"⤒"</span>
            <span class="tool-label">{state.tr(Text::ImportMapFile)}</span>
            <input id=FILE_INPUT_ID type="file" multiple
                accept=READABLE_FILES on:change=on_file/>
        </label>
    }
}

/// The files of a chosen or dropped list, taken out before the list is emptied.
pub fn files_in(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default()
}

/// Opens the browser's file chooser of *Import map file* (the File menu's *Open a file…*).
pub fn choose_file() {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(FILE_INPUT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        input.click();
    }
}

/// Imports files chosen or dropped anywhere on the workspace: a Simpul map file or
/// backup opens at once; anything else (spreadsheets, one or several; Kumu, PRSM,
/// GraphML, GEXF) goes to the background worker, which reads it into the import
/// preview or names what it is and what to export instead.
pub fn import_files(state: AppState, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    if let Some(big) = files.iter().find(|f| f.size() as usize > MAX_FILE_BYTES) {
        let kind = ProblemKind::TooLarge { bytes: big.size() as usize, limit: MAX_FILE_BYTES };
        state.import_problems.set(vec![Problem::new("", kind)]);
        return;
    }
    // What reads the files is fetched the first time a file comes.
    leptos::task::spawn_local(async move {
        if read_files(state, files).await.is_err() {
            let reason = state.t(Text::PartUnfetched).to_string();
            state.import_problems.set(vec![Problem::new("", ProblemKind::Unreadable { reason })]);
        }
    });
}

part!(
    import,
    /// Reads the files (a part fetched when first used, see `on_demand`): a
    /// Simpul map opens; anything else goes to the background worker's preview.
    fn read_files(state: AppState, files: Vec<web_sys::File>) {
        let Some(file) = files.first().cloned() else { return };
        if files.len() > 1 || spreadsheet::is_spreadsheet(&file.name()) {
            leptos::task::spawn_local(preview(state, files));
            return;
        }
        leptos::task::spawn_local(async move {
            match web::read_text(&file).await {
                // Only JSON can be a Simpul map: anything else (unless it is named as
                // JSON, or empty, which are refused here with the reason) goes to the
                // worker, which tells the other formats apart.
                Ok(text) if !is_json_like(&file.name(), &text) => preview(state, files).await,
                Ok(text) => {
                    if !state.import_text(text).await {
                        preview(state, files).await;
                    }
                }
                Err(reason) => {
                    state.import_problems.set(vec![Problem::new("", ProblemKind::Unreadable { reason })]);
                }
            }
        });
    }
);

/// Whether a chosen file is for the page's map-file reader: JSON (a Simpul map or
/// backup, or Kumu and PRSM, which the reader hands on), a file named as JSON, or
/// an empty file.
fn is_json_like(name: &str, text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.is_empty() || start.starts_with(['{', '[']) || name.to_ascii_lowercase().ends_with(".json")
}

/// What an import has to say before anything is imported: the problems of a
/// refused file, and the preview of a spreadsheet or a foreign project. Shown over
/// the map, where the eye is.
#[component]
pub fn ImportMessages() -> impl IntoView {
    view! {
        <ImportProblems/>
        <SheetImportPreview/>
    }
}

/// Spreadsheets and Kumu files: read by the background worker into the import preview.
async fn preview(state: AppState, files: Vec<web_sys::File>) {
    match web::read_spreadsheets(&files).await {
        Ok(answer) => state.show_spreadsheet(&answer),
        Err(reason) => state.import_problems.set(vec![Problem::new("", ProblemKind::Unreadable { reason })]),
    }
}

/// Problems of a refused file listed one by one; the rest are counted.
const FIRST_LISTED: usize = 100;

/// The region is there from the start, so that screen readers announce what
/// comes into it; what lists the problems is fetched the first time there are some.
#[component]
fn ImportProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div role="alert" class="import-problems-region">
            {move || (!state.import_problems.with(Vec::is_empty)).then(|| when_fetched(problem_list()))}
        </div>
    }
}

part!(import, fn problem_list() => view! { <ProblemList/> });

#[component]
fn ProblemList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problems = move || state.import_problems.get();
    view! {
        <section class="import-problems" aria-labelledby="import-problems-heading">
            <h2 id="import-problems-heading">
                {move || match state.import_problems.with(Vec::len) {
                    1 => state.t(Text::ImportRefusedOne).to_string(),
                    n => state.t(Text::ImportRefused).replace("{}", &n.to_string()),
                }}
            </h2>
            <p>{state.tr(Text::ImportRefusedNothingChanged)}</p>
            // The first problems name what to fix; a file wrong throughout
            // would otherwise list thousands, and freeze the page doing it.
            <ul>
                {move || problems().into_iter().take(FIRST_LISTED).map(|p| {
                    let text = move || p.describe(state.lang.get());
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
            <Show when=move || state.import_problems.with(|p| p.len() > FIRST_LISTED)>
                <p>{move || {
                    let more = state.import_problems.with(Vec::len).saturating_sub(FIRST_LISTED);
                    state.t(Text::AndMore).replace("{}", &more.to_string())
                }}</p>
            </Show>
            <button class="quiet" on:click=move |_| state.import_problems.set(Vec::new())>
                {state.tr(Text::Dismiss)}
            </button>
        </section>
    }
}
