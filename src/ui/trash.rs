//! The trash in the maps library: deleted maps, most recent first, each with
//! Restore and Delete for good, and Empty the trash (confirmed).

use super::state::AppState;
use super::web;
use leptos::prelude::*;
use simpul::i18n::Text;
use simpul::storage::Trashed;

#[component]
pub fn TrashSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let trash = move || state.catalogue.with(|c| c.trash.clone());
    let count = move || state.catalogue.with(|c| c.trash.len());
    let confirming = RwSignal::new(false);
    view! {
        <Show when=move || count() != 0>
            <details class="trash">
                <summary>{move || state.t(Text::TrashCount).replace("{}", &count().to_string())}</summary>
                <p class="hint small">{state.tr(Text::TrashExplained)}</p>
                <ul class="trash-list">
                    <For each=trash key=|t| t.key.clone() let:item>
                        <TrashItem item=item/>
                    </For>
                </ul>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button class="quiet danger" on:click=move |_| confirming.set(true)>{state.tr(Text::EmptyTrash)}</button>
                }>
                    <div class="confirm" role="group" aria-label=state.tr(Text::EmptyTrash)>
                        <p>{state.tr(Text::ConfirmEmptyTrash)}</p>
                        <button class="danger" on:click=move |_| { confirming.set(false); state.purge(None); }>
                            {state.tr(Text::YesEmptyTrash)}
                        </button>
                        <button on:click=move |_| confirming.set(false)>{state.tr(Text::Cancel)}</button>
                    </div>
                </Show>
            </details>
        </Show>
    }
}

#[component]
fn TrashItem(item: Trashed) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = StoredValue::new(item.key.clone());
    let title = if item.title.trim().is_empty() {
        state.t(Text::UntitledMap).to_string()
    } else {
        item.title.clone()
    };
    let named = StoredValue::new(title.clone());
    let deleted_ms = item.deleted_ms;
    let count = item.stakeholders;
    view! {
        <li class="trash-item">
            <span class="map-title">{title}</span>
            <span class="map-meta">
                {move || {
                    let when = web::local_time(deleted_ms, state.lang.get().code());
                    [Text::stakeholder_count(count, state.lang.get()), state.t(Text::DeletedAt).replace("{}", &when)].join(", ")
                }}
            </span>
            <div class="map-actions">
                <button class="quiet" aria-label=move || format!("{} {}", state.t(Text::Restore), named.get_value())
                    on:click=move |_| state.restore(&key.get_value())>
                    {state.tr(Text::Restore)}
                </button>
                <button class="quiet danger" aria-label=move || format!("{} {}", state.t(Text::DeleteForever), named.get_value())
                    on:click=move |_| state.purge(Some(&key.get_value()))>
                    {state.tr(Text::DeleteForever)}
                </button>
            </div>
        </li>
    }
}
