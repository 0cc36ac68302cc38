//! The open map's title and description, with undo and redo and its earlier versions.

use super::state::AppState;
use super::versions::EarlierVersions;
use crate::edit::Command;
use crate::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn MapHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="map-header" aria-label=state.tr(Text::MapDetails)>
            <div class="field wide">
                <label for="map-title">{state.tr(Text::Title)}</label>
                <input
                    id="map-title"
                    class="title-input"
                    prop:value=move || state.map.with(|m| m.title.clone())
                    on:change=move |e| state.dispatch(Command::SetTitle(event_target_value(&e)))
                />
            </div>
            <div class="field wide">
                <label for="map-description">{state.tr(Text::Description)}</label>
                <textarea
                    id="map-description"
                    rows="2"
                    prop:value=move || state.map.with(|m| m.description.clone())
                    on:change=move |e| state.dispatch(Command::SetDescription(event_target_value(&e)))
                ></textarea>
            </div>
            <EarlierVersions/>
            <div class="history-actions">
                <button on:click=move |_| state.undo() disabled=move || !state.can_undo.get()
                    aria-keyshortcuts="Control+Z">
                    {state.tr(Text::Undo)}
                </button>
                <button on:click=move |_| state.redo() disabled=move || !state.can_redo.get()
                    aria-keyshortcuts="Control+Shift+Z">
                    {state.tr(Text::Redo)}
                </button>
            </div>
        </section>
    }
}
