//! The page layout, global keyboard shortcuts and the panic guard.

use super::compare::CompareDialog;
use super::drawer::Drawer;
use super::files::{files_in, import_files, ImportMessages};
use super::findings::FindingsPanel;
use super::help::KeyboardHelp;
use super::inspector::Inspector;
use super::library::LibraryPanel;
use super::notices::Notices;
use super::print::PrintPreview;
use super::room::RoomDialogs;
use super::sharing::PreviewBanner;
use super::splitter::Splitter;
use super::state::{AppState, Notice};
use super::toolbar::Toolbar;
use super::views::MapViews;
use super::workshop::Workshop;
use super::workspace::{Panel, SheetTab, Workspace};
use leptos::ev;
use leptos::prelude::*;
use simpul::i18n::Text;

/// Starts the app: installs the panic guard and mounts the UI on `<body>`.
pub fn mount() {
    install_panic_guard();
    leptos::mount::mount_to_body(App);
}

/// A panic ends a wasm app. Report it in the console and tell the user plainly
/// that their saved maps are safe (every change was saved before it could happen).
fn install_panic_guard() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let document = web_sys::window().and_then(|w| w.document());
        if let Some((document, body)) = document.and_then(|d| d.body().map(|b| (d, b))) {
            if let Ok(banner) = document.create_element("div") {
                banner.set_class_name("fatal");
                let _ = banner.set_attribute("role", "alert");
                banner.set_text_content(Some(
                    "Simpul hit an internal error and stopped. Your saved maps are safe: reload the page. \
                     / Simpul mengalami galat internal dan berhenti. Peta tersimpan Anda aman: muat ulang halaman.",
                ));
                let _ = body.prepend_with_node_1(&banner);
            }
        }
    }));
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    provide_context(Workspace::load());

    // Undo and redo from anywhere except text fields, which have their own undo.
    let _shortcuts = window_event_listener(ev::keydown, move |event| {
        if super::web::in_text_field(&event) {
            return;
        }
        match event.key().as_str() {
            "?" => {
                event.prevent_default();
                state.help.update(|open| *open = !*open);
                return;
            }
            "Escape" if state.help.get_untracked() => {
                // Taken here: the same Escape must not also leave workshop mode.
                event.prevent_default();
                state.help.set(false);
                return;
            }
            "w" | "W"
                if !(event.ctrl_key() || event.meta_key() || event.alt_key())
                    && state.workshop.get_untracked().is_none() =>
            {
                event.prevent_default();
                super::workshop::enter(state);
                return;
            }
            _ => {}
        }
        if !(event.ctrl_key() || event.meta_key()) {
            return;
        }
        match event.key().to_ascii_lowercase().as_str() {
            "z" if event.shift_key() => {
                event.prevent_default();
                state.redo();
            }
            "z" => {
                event.prevent_default();
                state.undo();
            }
            "y" => {
                event.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });

    // A big map's save may still be waiting for its tasks when the tab is closed,
    // reloaded or put away: it is made before the page goes.
    let _leaving = window_event_listener(ev::pagehide, move |_| state.save_now());
    let _hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            state.save_now();
        }
    });

    // Another tab saved: refresh the list and warn if it touched the open map.
    let _storage = window_event_listener(ev::storage, move |event| {
        state.on_storage_changed(event.key());
    });

    // A share link pasted into the address bar of an open Simpul.
    let _hash = window_event_listener(ev::hashchange, move |_| {
        if let Some(hash) = super::web::location_hash().filter(|h| simpul::format::is_share_fragment(h)) {
            state.open_shared(hash);
        }
    });

    super::web::keep_available_offline(move || state.notify(Notice::Info(Text::UpdateReady, String::new())));

    let has_map = move || state.doc.with(Option::is_some);
    let workspace = expect_context::<Workspace>();
    // Choosing something shows it: in the phone's sheet, and in the side panel if
    // it was folded away.
    Effect::new(move |was: Option<bool>| {
        let chosen = state.selected.with(Option::is_some) || state.selected_link.with(Option::is_some);
        if chosen && was == Some(false) {
            workspace.sheet.set(SheetTab::Inspector);
            if !workspace.side_open.get_untracked() {
                workspace.side_open.set(true);
            }
        }
        chosen
    });
    let root = NodeRef::<leptos::html::Div>::new();
    // The panels' dragged sizes, as the custom properties the grid reads.
    Effect::new(move |_| {
        let Some(root) = root.get() else { return };
        let style = web_sys::HtmlElement::style(&root);
        for panel in [Panel::Library, Panel::Side, Panel::Drawer] {
            let _ = match workspace.size(panel).get() {
                Some(px) => style.set_property(panel.property(), &format!("{px}px")),
                None => style.remove_property(panel.property()).map(|_| ()),
            };
        }
    });
    // A file held over the workspace is said to import where it is dropped.
    let dropping = RwSignal::new(false);
    let on_drop = move |e: leptos::ev::DragEvent| {
        dropping.set(false);
        let Some(transfer) = e.data_transfer() else { return };
        e.prevent_default();
        import_files(state, files_in(transfer.files()));
    };

    view! {
        <div class="workspace" node_ref=root
            class:no-map=move || !has_map()
            class:library-open=move || workspace.library_open.get()
            class:side-folded=move || !workspace.side_open.get()
            class:drawer-open=move || workspace.drawer_open.get()
            data-sheet=move || workspace.sheet.get().code()
            on:dragover=move |e: leptos::ev::DragEvent| {
                e.prevent_default();
                if !dropping.get_untracked() {
                    dropping.set(true);
                }
            }
            // Leaving the window (no element to go to) ends the hint.
            on:dragleave=move |e: leptos::ev::DragEvent| if e.related_target().is_none() { dropping.set(false) }
            on:drop=on_drop
        >
            <div class="drop-hint" hidden=move || !dropping.get()><p>{state.tr(Text::DropToImport)}</p></div>
            <Toolbar/>
            <LibraryPanel/>
            <main class="stage" id="main">
                <PreviewBanner/>
                <Show
                    when=has_map
                    fallback=move || view! {
                        // A big map being read from storage (on reload, over a few
                        // tasks) is said so, rather than the welcome for a first visit.
                        <p class="hint opening" role="status" hidden=move || state.opening.with(Option::is_none)>
                            {state.tr(Text::OpeningMap)}
                        </p>
                        <section class="empty-state" hidden=move || state.opening.with(Option::is_some)>
                            <h2>{state.tr(Text::WelcomeTitle)}</h2>
                            <p>{state.tr(Text::WelcomeBody)}</p>
                            <button class="primary" on:click=move |_| state.new_map()>
                                {state.tr(Text::NewMap)}
                            </button>
                        </section>
                    }
                >
                    <MapViews/>
                </Show>
                <ImportMessages/>
            </main>
            <Show when=has_map>
                <aside class="side" class:rail=move || !workspace.side_open.get() aria-label=state.tr(Text::SidePanel)>
                    <Splitter panel=Panel::Side/>
                    <SideToggle/>
                    <div id="side-body" class="side-body" hidden=move || !workspace.side_open.get()>
                        <super::vote::VotePanel/>
                        <Inspector/>
                        <FindingsPanel/>
                    </div>
                </aside>
                <Drawer/>
            </Show>
            <SheetTabs/>
            <Notices/>
        </div>
        <Workshop/>
        <PrintPreview/>
        <CompareDialog/>
        <KeyboardHelp/>
        <RoomDialogs/>
    }
}

/// Folds the findings and inspector to a rail beside the picture, and opens them
/// again; the rail says how many findings wait there.
#[component]
fn SideToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = expect_context::<Workspace>().side_open;
    let count = move || state.analysis.with(|a| a.findings.len());
    let label = move || state.t(if open.get() { Text::HideSidePanel } else { Text::ShowSidePanel });
    view! {
        <div class="side-head">
            <button type="button" class="quiet rail-toggle side-toggle" aria-expanded=move || open.get().to_string()
                aria-controls="side-body"
                aria-label=label
                title=label
                on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true">{move || if open.get() { "»" } else { "«" }}</span>
            </button>
            <span class="side-count" aria-hidden="true" hidden=move || open.get()
                title=move || state.t(Text::FindingCount).replace("{}", &count().to_string())>
                {count}
            </span>
        </div>
    }
}

/// The phone's tabs for its one bottom sheet (hidden on wider screens).
#[component]
fn SheetTabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let workspace = expect_context::<Workspace>();
    let tabs = SheetTab::ALL.map(|tab| {
        let (icon, label) = match tab {
            SheetTab::Add => ("+", Text::SheetAdd),
            SheetTab::Findings => ("!", Text::FindingsHeading),
            SheetTab::Inspector => ("✎", Text::SheetInspector),
            SheetTab::Tables => ("▦", Text::SheetTables),
            SheetTab::Maps => ("☰", Text::YourMaps),
        };
        view! {
            <button type="button" class="sheet-tab" aria-pressed=move || (workspace.sheet.get() == tab).to_string()
                on:click=move |_| workspace.sheet.set(tab)>
                <span class="icon" aria-hidden="true">{icon}</span>
                <span class="sheet-tab-label">{state.tr(label)}</span>
            </button>
        }
    });
    view! {
        <nav class="sheet-tabs" aria-label=state.tr(Text::SheetTabs)>{tabs.into_iter().collect_view()}</nav>
    }
}
