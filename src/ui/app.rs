//! The page layout, global keyboard shortcuts and the panic guard.

use super::files::FileActions;
use super::findings::FindingsPanel;
use super::library::LibraryPanel;
use super::links::LinksSection;
use super::map_header::MapHeader;
use super::notices::Notices;
use super::help::KeyboardHelp;
use super::print::PrintPreview;
use super::sectors::SectorsSection;
use super::sharing::PreviewBanner;
use super::stakeholder_panel::StakeholderPanel;
use super::stakeholders::StakeholdersSection;
use super::state::{AppState, Notice};
use super::views::MapViews;
use super::workshop::Workshop;
use crate::i18n::{Lang, Text};
use leptos::ev;
use leptos::prelude::*;

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
            "w" | "W" if !(event.ctrl_key() || event.meta_key() || event.alt_key()) && state.workshop.get_untracked().is_none() => {
                event.prevent_default();
                super::workshop::enter(state);
                return;
            }
            _ => {}
        }
        if !(event.ctrl_key() || event.meta_key()) {
            return;
        }
        match event.key().to_lowercase().as_str() {
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
        if let Some(hash) = super::web::location_hash().filter(|h| crate::format::is_share_fragment(h)) {
            state.open_shared(hash);
        }
    });

    super::web::keep_available_offline(move || state.notify(Notice::Info(Text::UpdateReady, String::new())));

    let has_map = move || state.doc.with(Option::is_some);

    view! {
        <header class="topbar">
            <h1 class="brand">"Simpul"</h1>
            <p class="tagline">{state.tr(Text::Tagline)}</p>
            <button class="quiet help-button" aria-keyshortcuts="?" on:click=move |_| state.help.set(true)>
                {state.tr(Text::KeyboardShortcuts)}
            </button>
            <label class="lang-switch">
                <span>{state.tr(Text::Language)}</span>
                <select on:change=move |e| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&e)) {
                        state.set_lang(lang);
                    }
                }>
                    <option value="en" selected=move || state.lang.get() == Lang::En>"English"</option>
                    <option value="id" selected=move || state.lang.get() == Lang::Id>"Bahasa Indonesia"</option>
                </select>
            </label>
        </header>
        <Notices/>
        <div class="layout">
            <LibraryPanel/>
            <main class="editor" id="main">
                <PreviewBanner/>
                <FileActions/>
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
                    <MapHeader/>
                    <MapViews/>
                    <div class="columns">
                        <div class="lists">
                            <StakeholdersSection/>
                            <LinksSection/>
                            <SectorsSection/>
                        </div>
                        <div class="side">
                            <FindingsPanel/>
                            <StakeholderPanel/>
                        </div>
                    </div>
                </Show>
            </main>
        </div>
        <Workshop/>
        <PrintPreview/>
        <KeyboardHelp/>
    }
}
