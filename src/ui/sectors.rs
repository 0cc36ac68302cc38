//! Sectors: add by name, rename, colour, delete (members leave the sector, undoably).

use super::fields::QuickAdd;
use super::later::one_task_later_in_sight;
use super::on_demand::{part, when_fetched};
use super::pager::Pager;
use super::state::AppState;
use super::web;
use super::workspace::{DrawerTab, Workspace};
use leptos::prelude::*;
use simpul::edit::Command;
use simpul::i18n::Text;
use simpul::model::{Color, Sector, SectorId};
use simpul::pages::Pages;

/// Fetched with the other tables once the first map is shown.
#[component]
pub fn SectorsSection() -> impl IntoView {
    when_fetched(sectors_section())
}

part!(panels, fn sectors_section() => view! { <SectorsSectionBody/> });

#[component]
fn SectorsSectionBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Built in a task of its own (see `later`): a big map's hundreds of sector
    // rows, each with a colour picker, were a large part of the task opening it.
    // A page at a time too: 200 rows took the page over 100 ms to build.
    let pages = Signal::derive(move || Pages::new(state.content.with(|m| m.sectors.len()), Pages::SECTORS));
    let page = RwSignal::new(0);
    let add = Callback::new(move |name: String| {
        let (id, index) = state.map.with_untracked(|m| (m.fresh_sector_id(&name), m.sectors.len()));
        state.dispatch(Command::InsertSector { index, sector: Sector { id, name, color: None } });
        // The new sector is last: show it (the page is kept inside the list).
        page.set(usize::MAX);
    });
    let rows = one_task_later_in_sight(
        move || {
            let shown = pages.get().rows(page.get());
            state.content.with(|m| m.sectors.get(shown).map(<[Sector]>::to_vec).unwrap_or_default())
        },
        state.big_map,
        expect_context::<Workspace>().table_in_sight(DrawerTab::Sectors),
    );
    // Every sector's member count in one pass over the stakeholders, not one pass
    // per sector.
    let members = Memo::new(move |_| {
        state.content.with(|m| {
            let mut counts = std::collections::HashMap::<SectorId, usize>::new();
            for sector in m.stakeholders.iter().flat_map(|s| &s.sectors) {
                *counts.entry(sector.clone()).or_default() += 1;
            }
            counts
        })
    });
    view! {
        <div class="drawer-section">
            <QuickAdd id="add-sector" label=Text::AddSector hint=Text::AddSectorHint on_add=add/>
            <ul class="sector-list">
                <For each=move || rows.get() key=web::row_key let:sector>
                    <SectorRow sector=sector members=members/>
                </For>
            </ul>
            <Pager pages=pages page=page list=Text::SectorsHeading/>
        </div>
    }
}

#[component]
fn SectorRow(sector: Sector, members: Memo<std::collections::HashMap<SectorId, usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let base = StoredValue::new(sector.clone());
    let name_label = move |what: Text| format!("{} ({})", state.t(what), base.with_value(|s| s.name.clone()));
    let members = {
        let id = sector.id.clone();
        move || members.with(|counts| counts.get(&id).copied().unwrap_or(0))
    };
    let delete = move |_| {
        let id = base.with_value(|s| s.id.clone());
        let command = state.map.with_untracked(|m| Command::delete_sector(m, &id));
        state.dispatch(command);
    };
    let color = sector.color.as_ref().map_or("#888888".to_string(), |c| c.as_str().to_string());
    view! {
        <li class="sector-row">
            <input type="color" prop:value=color aria-label=move || name_label(Text::Colour)
                on:change=move |e| {
                    let mut s = base.get_value();
                    s.color = Color::parse(&event_target_value(&e));
                    state.dispatch(Command::ReplaceSector(s));
                }/>
            <input class="sector-name" prop:value=sector.name.clone() aria-label=move || name_label(Text::Name)
                on:change=move |e| {
                    let mut s = base.get_value();
                    s.name = event_target_value(&e);
                    state.dispatch(Command::ReplaceSector(s));
                }/>
            <span class="map-meta">{move || state.t(Text::MemberCount).replace("{}", &members().to_string())}</span>
            <button class="quiet danger" aria-label=move || name_label(Text::Delete) on:click=delete>
                {state.tr(Text::Delete)}
            </button>
        </li>
    }
}
