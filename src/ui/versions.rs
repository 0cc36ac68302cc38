//! Earlier versions of the open map (see `storage::history`): read from storage
//! only while the list is open, each openable as a copy.

use super::state::AppState;
use super::web;
use leptos::prelude::*;
use simpul::i18n::Text;

#[component]
pub fn EarlierVersions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    // Re-read after each save while open (the doc's revision changes).
    let versions = move || {
        state.doc.track();
        if open.get() {
            state.versions()
        } else {
            Vec::new()
        }
    };
    view! {
        <details class="versions" on:toggle=move |e| {
            let now_open = event_target::<web_sys::HtmlDetailsElement>(&e).open();
            open.set(now_open);
        }>
            <summary>{state.tr(Text::EarlierVersions)}</summary>
            <p class="hint small">{state.tr(Text::VersionsExplained)}</p>
            {move || {
                let list = versions();
                if list.is_empty() {
                    return view! { <p class="hint small">{state.t(Text::NoVersionsYet)}</p> }.into_any();
                }
                view! {
                    <ul class="version-list">
                        {list.into_iter().map(|v| {
                            let key = StoredValue::new(v.key.clone());
                            let saved_ms = v.saved_ms;
                            let when = web::local_time(saved_ms, state.lang.get_untracked().code());
                            let meta = Text::stakeholder_count(v.stakeholders, state.lang.get_untracked());
                            view! {
                                <li>
                                    <span class="version-time">{when.clone()}</span>" · "<span class="map-meta">{meta}</span>" "
                                    <button class="quiet" aria-label=format!("{} {}", state.t(Text::OpenAsCopy), when)
                                        on:click=move |_| state.open_version(&key.get_value(), saved_ms)>
                                        {state.tr(Text::OpenAsCopy)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </details>
    }
}
