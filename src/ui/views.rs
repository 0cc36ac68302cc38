//! The pictures of the map, one at a time behind tabs: network, power–interest
//! grid, sector matrix. The network stays mounted (its layout keeps its state);
//! the others are built when shown.

use super::fields::QuickAdd;
use super::network::NetworkView;
use super::on_demand::{part, when_fetched};
use super::power_grid::PowerGrid;
use super::sector_matrix::SectorMatrixView;
use super::state::{AppState, MapView};
use leptos::prelude::*;
use simpul::i18n::Text;

#[component]
pub fn MapViews() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tabs = [
        (MapView::Network, Text::NetworkView, "view-network"),
        (MapView::Grid, Text::GridView, "view-grid"),
        (MapView::Matrix, Text::MatrixView, "view-matrix"),
    ];
    let shown = move |v: MapView| state.view.get() == v;
    view! {
        <section class="map-views" aria-label=state.tr(Text::MapPictures)>
            <AddBar/>
            <div class="view-bar floating">
            <div role="tablist" class="tabs view-tabs" aria-label=state.tr(Text::MapPictures)>
                {tabs.into_iter().map(|(v, label, id)| view! {
                    <button type="button" role="tab" id=format!("{id}-tab") aria-controls=id
                        aria-selected=move || shown(v).to_string()
                        tabindex=move || if shown(v) { "0" } else { "-1" }
                        on:click=move |_| state.view.set(v)
                        on:keydown=move |e| {
                            // Arrow keys move between tabs, as in every tab list.
                            let step = match e.key().as_str() { "ArrowRight" => 1, "ArrowLeft" => 2, _ => 0 };
                            if step > 0 {
                                let next = tabs[(tabs.iter().position(|t| t.0 == v).unwrap_or(0) + step) % 3];
                                state.view.set(next.0);
                                super::web::focus_by_id(&format!("{}-tab", next.2));
                            }
                        }>
                        {state.tr(label)}
                    </button>
                }).collect_view()}
            </div>
            </div>
            <div role="tabpanel" id="view-network" aria-labelledby="view-network-tab" class="view-panel"
                hidden=move || !shown(MapView::Network)>
                <NetworkView/>
            </div>
            <Show when=move || shown(MapView::Grid)>
                <div role="tabpanel" id="view-grid" aria-labelledby="view-grid-tab" class="view-panel">
                    {when_fetched(power_grid())}
                </div>
            </Show>
            <Show when=move || shown(MapView::Matrix)>
                <div role="tabpanel" id="view-matrix" aria-labelledby="view-matrix-tab" class="view-panel">
                    {when_fetched(sector_matrix())}
                </div>
            </Show>
        </section>
    }
}

part!(grid, fn power_grid() => view! { <PowerGrid/> });
part!(matrix, fn sector_matrix() => view! { <SectorMatrixView/> });

/// The field that adds a stakeholder (or a link typed as `A > B`), floating over
/// the map; on a phone, the sheet's first tab.
#[component]
fn AddBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let add = Callback::new(move |line: String| {
        state.enter_line(&line);
    });
    view! {
        <div class="add-bar floating">
            <QuickAdd id="add-stakeholder" label=Text::AddStakeholder hint=Text::AddStakeholderHint on_add=add hide_label=true/>
        </div>
    }
}
