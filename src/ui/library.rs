//! The maps library: every map stored in this browser, with new, open, rename,
//! duplicate and delete (to the trash), the trash, a backup of all maps, and
//! copies that were set aside as damaged.

use super::on_demand::{kept_once, part, when_fetched};
use super::splitter::Splitter;
use super::state::AppState;
use super::trash::TrashSection;
use super::web;
use super::workspace::{Panel, SheetTab, Workspace};
use leptos::prelude::*;
use simpul::example_maps::EXAMPLE_MAPS;
use simpul::i18n::Text;
use simpul::storage::MapSummary;

#[component]
pub fn LibraryPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let workspace = expect_context::<Workspace>();
    let open = workspace.library_open;
    // The phone's sheet shows the library on its *Maps* tab, open or not.
    let opened = kept_once(move || open.get() || workspace.sheet.get() == SheetTab::Maps);
    view! {
        <nav class="library" class:rail=move || !open.get() aria-labelledby="library-heading">
            <div class="library-head">
                <button type="button" class="quiet rail-toggle" aria-expanded=move || open.get().to_string()
                    aria-controls="library-body"
                    aria-label=move || state.t(if open.get() { Text::HideLibrary } else { Text::ShowLibrary })
                    on:click=move |_| open.update(|o| *o = !*o)>
                    <span aria-hidden="true">{move || if open.get() { "«" } else { "☰" }}</span>
                </button>
                <h2 id="library-heading" class:visually-hidden=move || !open.get()>{state.tr(Text::YourMaps)}</h2>
            </div>
            <button class="primary new-map" on:click=move |_| state.new_map()>
                <span class="icon" aria-hidden="true">"+"</span><span class="tool-label">{state.tr(Text::NewMap)}</span>
            </button>
            <div id="library-body" class="library-body" hidden=move || !open.get()>
                // Fetched the first time the library opens, then kept.
                {move || opened.get().then(|| when_fetched(library_body()))}
            </div>
            <Show when=move || open.get()>
                <Splitter panel=Panel::Library/>
            </Show>
        </nav>
    }
}

part!(panels, fn library_body() => view! { <LibraryBody/> });

/// The library's examples, maps, trash, backup and set-aside copies.
#[component]
fn LibraryBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let maps = move || state.catalogue.with(|c| c.maps.clone());
    let set_aside = move || state.catalogue.with(|c| c.set_aside.clone());
    view! {
            <details class="examples">
                <summary>{state.tr(Text::NewFromExample)}</summary>
                <ul>
                    {EXAMPLE_MAPS.iter().map(|&(stem, en, id)| view! {
                        <li>
                            <button class="link-button" on:click=move |_| state.open_example(stem)>
                                {move || state.lang.get().pick(en, id)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
            <Show when=move || state.catalogue.with(|c| c.maps.is_empty())>
                <p class="hint">{state.tr(Text::NoMapsYet)}</p>
            </Show>
            <ul class="map-list">
                <For each=maps key=|m| (m.key.clone(), m.title.clone(), m.stakeholders, m.damaged) let:summary>
                    <MapItem summary=summary/>
                </For>
            </ul>
            <TrashSection/>
            <div class="backup">
                <button class="quiet" disabled=move || state.catalogue.with(|c| c.maps.is_empty())
                    on:click=move |_| state.download_backup()>
                    {state.tr(Text::DownloadBackup)}
                </button>
                <p class="hint small">{state.tr(Text::BackupExplained)}</p>
            </div>
            <Show when=move || state.catalogue.with(|c| !c.set_aside.is_empty())>
                <h3>{state.tr(Text::SetAsideCopies)}</h3>
                <p class="hint">{state.tr(Text::SetAsideExplained)}</p>
                <ul class="set-aside-list">
                    <For each=set_aside key=|k| k.clone() let:key>
                        <SetAsideItem key=key/>
                    </For>
                </ul>
            </Show>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Idle,
    Renaming,
}

#[component]
fn MapItem(summary: MapSummary) -> impl IntoView {
    let state = expect_context::<AppState>();
    let mode = RwSignal::new(Mode::Idle);
    let key = StoredValue::new(summary.key.clone());
    let title = StoredValue::new(summary.title.clone());
    let current = move || state.is_open(&key.get_value());
    let opening = move || state.opening.with(|k| k.as_deref() == Some(key.get_value().as_str()));
    let shown_title = move || {
        let t = title.get_value();
        if t.trim().is_empty() {
            state.t(Text::UntitledMap).to_string()
        } else {
            t
        }
    };
    let draft = RwSignal::new(summary.title.clone());
    let commit_rename = move || {
        let new_title = draft.get_untracked();
        if !new_title.trim().is_empty() {
            state.rename(&key.get_value(), new_title);
        }
        mode.set(Mode::Idle);
    };
    let count = summary.stakeholders;
    let damaged = summary.damaged;
    view! {
        <li class="map-item" class:current=current>
            <Show when=move || mode.get() == Mode::Renaming fallback=move || view! {
                <button
                    class="map-open"
                    aria-current=move || current().then_some("true")
                    aria-busy=move || opening().then_some("true")
                    disabled=damaged
                    on:click=move |_| state.open(&key.get_value())
                >
                    <span class="map-title">{shown_title}</span>
                    <span class="map-meta">
                        {move || if damaged {
                            state.t(Text::DamagedEntry).to_string()
                        } else if opening() {
                            state.t(Text::OpeningMap).to_string()
                        } else {
                            Text::stakeholder_count(count, state.lang.get())
                        }}
                    </span>
                </button>
            }>
                <label class="visually-hidden" for=move || format!("rename-{}", key.get_value())>
                    {state.tr(Text::NewTitle)}
                </label>
                <input
                    id=move || format!("rename-{}", key.get_value())
                    prop:value=move || draft.get()
                    on:input=move |e| draft.set(event_target_value(&e))
                    on:keydown=move |e| match e.key().as_str() {
                        "Enter" => commit_rename(),
                        "Escape" => mode.set(Mode::Idle),
                        _ => {}
                    }
                />
                <button on:click=move |_| commit_rename()>{state.tr(Text::Save)}</button>
                <button class="quiet" on:click=move |_| mode.set(Mode::Idle)>{state.tr(Text::Cancel)}</button>
            </Show>
            <Show when=move || mode.get() == Mode::Idle>
                <div class="map-actions">
                    <button class="quiet" disabled=damaged
                        aria-label=move || format!("{} {}", state.t(Text::Rename), shown_title())
                        on:click=move |_| { draft.set(title.get_value()); mode.set(Mode::Renaming); }>
                        {state.tr(Text::Rename)}
                    </button>
                    <button class="quiet" disabled=damaged
                        aria-label=move || format!("{} {}", state.t(Text::Duplicate), shown_title())
                        on:click=move |_| state.duplicate(&key.get_value())>
                        {state.tr(Text::Duplicate)}
                    </button>
                    <button class="quiet danger"
                        aria-label=move || format!("{} {}", state.t(Text::Delete), shown_title())
                        on:click=move |_| state.delete(&key.get_value())>
                        {state.tr(Text::Delete)}
                    </button>
                </div>
            </Show>
        </li>
    }
}

#[component]
fn SetAsideItem(key: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = StoredValue::new(key);
    let confirming = RwSignal::new(false);
    let download = move |_| {
        if let Some(text) = state.set_aside_text(&key.get_value()) {
            let _ = web::download(&format!("{}.txt", key.get_value()), "text/plain", &text);
        }
    };
    view! {
        <li>
            <code>{move || key.get_value()}</code>
            <button on:click=download>{state.tr(Text::Download)}</button>
            <Show when=move || confirming.get() fallback=move || view! {
                <button class="quiet danger" on:click=move |_| confirming.set(true)>{state.tr(Text::Discard)}</button>
            }>
                <button class="danger" on:click=move |_| state.discard_set_aside(&key.get_value())>
                    {state.tr(Text::DiscardForGood)}
                </button>
                <button on:click=move |_| confirming.set(false)>{state.tr(Text::Cancel)}</button>
            </Show>
        </li>
    }
}
