//! The bar across the top of the workspace: the map's title, the File menu, import
//! and export, undo and redo, the keyboard help and the language. On a phone the
//! buttons show their icons alone; their names stay for screen readers.

use super::exports::MoreExports;
use super::files::ImportButton;
use super::on_demand::{part, when_fetched};
use super::sharing::ShareLinkButton;
use super::state::AppState;
use super::versions::EarlierVersions;
use leptos::prelude::*;
use simpul::edit::Command;
use simpul::i18n::{Lang, Text};
use wasm_bindgen::JsCast;

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_map = move || state.doc.with(Option::is_some);
    view! {
        <header class="toolbar">
            <h1 class="brand">"Simpul"</h1>
            <div class="title-field" hidden=move || !has_map()>
                <label for="map-title" class="visually-hidden">{state.tr(Text::Title)}</label>
                <input
                    id="map-title"
                    class="title-input"
                    placeholder=state.tr(Text::UntitledMap)
                    prop:value=move || state.map.with(|m| m.title.clone())
                    on:change=move |e| state.dispatch(Command::SetTitle(event_target_value(&e)))
                />
            </div>
            <FileMenu/>
            <ImportButton/>
            <ToolButton icon="⤓" label=Text::ExportMap disabled=Signal::derive(move || !has_map()) on_click=Callback::new(move |_| state.export())/>
            <span class="toolbar-gap" aria-hidden="true"></span>
            <ToolButton icon="↶" label=Text::Undo keys="Control+Z" class="icon-only" disabled=Signal::derive(move || !state.can_undo.get())
                on_click=Callback::new(move |_| state.undo())/>
            <ToolButton icon="↷" label=Text::Redo keys="Control+Shift+Z" class="icon-only" disabled=Signal::derive(move || !state.can_redo.get())
                on_click=Callback::new(move |_| state.redo())/>
            <span class="toolbar-gap" aria-hidden="true"></span>
            <super::room::RoomButton/>
            <ToolButton icon="▣" label=Text::WorkshopMode keys="W" class="workshop-tool" disabled=Signal::derive(move || !has_map())
                on_click=Callback::new(move |_| super::workshop::enter(state))/>
            <span class="toolbar-spring" aria-hidden="true"></span>
            <ToolButton icon="?" label=Text::KeyboardShortcuts keys="?" quiet=true on_click=Callback::new(move |_| state.help.set(true))/>
            <label class="lang-switch">
                <span class="visually-hidden">{state.tr(Text::Language)}</span>
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
    }
}

/// A toolbar button: an icon and its name, the name hidden on a phone but kept
/// as the button's accessible name.
#[component]
pub fn ToolButton(
    icon: &'static str,
    label: Text,
    on_click: Callback<()>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] keys: &'static str,
    #[prop(optional)] quiet: bool,
    /// Extra classes: `icon-only` shows the icon alone (the name stays its tooltip and accessible name).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button type="button" class=["tool ", class].concat() class:quiet-tool=quiet disabled=move || disabled.get() title=state.tr(label)
            aria-keyshortcuts=(!keys.is_empty()).then_some(keys)
            on:click=move |_| on_click.run(())>
            <span class="icon" aria-hidden="true">{icon}</span>
            <span class="tool-label">{state.tr(label)}</span>
        </button>
    }
}

/// The File menu: new map, share link, the other exports, print and backup. A
/// disclosure that closes when one of its actions is chosen, on Escape, and on a
/// click elsewhere.
#[component]
fn FileMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let menu = NodeRef::<leptos::html::Details>::new();
    let close = move || {
        if let Some(details) = menu.get_untracked() {
            details.set_open(false);
        }
    };
    let _outside = window_event_listener(leptos::ev::pointerdown, move |e| {
        let Some(details) = menu.get_untracked() else { return };
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| details.contains(Some(&n)));
        if details.open() && !inside {
            details.set_open(false);
        }
    });
    let opened = RwSignal::new(false);
    view! {
        <details class="menu" node_ref=menu
            on:toggle=move |_| if !opened.get_untracked() { opened.set(true) }
            // Escape closes the menu and gives the focus back to its button.
            on:keydown=move |e| if e.key() == "Escape" && menu.get_untracked().is_some_and(|d| d.open()) {
                e.prevent_default();
                e.stop_propagation();
                close();
                let summary = menu.get_untracked().and_then(|d| d.query_selector("summary").ok().flatten());
                if let Some(summary) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = summary.focus();
                }
            }
            // A chosen action closes the menu; the PNG size and the folds inside stay.
            on:click=move |e| {
                let chosen = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("button").ok().flatten());
                if chosen.is_some() {
                    close();
                }
            }
        >
            <summary class="tool"><span class="icon" aria-hidden="true">"☰"</span><span class="tool-label">{state.tr(Text::FileMenu)}</span></summary>
            // The menu's items are fetched the first time it opens.
            {move || opened.get().then(|| when_fetched(file_menu()))}
        </details>
    }
}

part!(file_menu, fn file_menu() => view! { <FileMenuItems/> });

/// The File menu's items.
#[component]
fn FileMenuItems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_map = move || state.doc.with(Option::is_some);
    view! {
        <div class="menu-panel">
            <div class="menu-group">
                <button type="button" class="menu-item" on:click=move |_| state.new_map()>{state.tr(Text::NewMap)}</button>
                <button type="button" class="menu-item" on:click=move |_| super::files::choose_file()>{state.tr(Text::OpenFile)}</button>
                <ShareLinkButton/>
                <button type="button" class="menu-item" disabled=move || !has_map() on:click=move |_| state.print.set(Some(super::paper::Paper::A4))>
                    {state.tr(Text::PrintLayout)}
                </button>
                <button type="button" class="menu-item" disabled=move || !has_map() on:click=move |_| state.compare.set(true)>
                    {state.tr(Text::CompareVersions)}
                </button>
                <button type="button" class="menu-item" disabled=move || state.catalogue.with(|c| c.maps.is_empty())
                    on:click=move |_| state.download_backup()>
                    {state.tr(Text::DownloadBackup)}
                </button>
            </div>
            <MoreExports/>
            <EarlierVersions/>
        </div>
    }
}
