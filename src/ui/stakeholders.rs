//! Stakeholders: quick entry by name and Enter, and the table of everyone on the map.

use super::state::AppState;
use crate::edit::Command;
use crate::i18n::{vocabulary, Text};
use crate::model::{Stakeholder, StakeholderId};
use leptos::prelude::*;

#[component]
pub fn StakeholdersSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(String::new());
    let add = move || {
        let name = draft.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        let id = state.map.with_untracked(|m| m.fresh_stakeholder_id(&name));
        let index = state.map.with_untracked(|m| m.stakeholders.len());
        let stakeholder = Stakeholder::new(id.clone(), name.trim());
        state.dispatch(Command::InsertStakeholder { index, stakeholder });
        state.selected.set(Some(id));
        draft.set(String::new());
    };
    let rows = move || state.map.with(|m| m.stakeholders.clone());
    view! {
        <section class="card" aria-labelledby="stakeholders-heading">
            <h2 id="stakeholders-heading">{move || state.t(Text::StakeholdersHeading)}</h2>
            <div class="quick-add">
                <label for="add-stakeholder">{move || state.t(Text::AddStakeholder)}</label>
                <input
                    id="add-stakeholder"
                    placeholder=move || state.t(Text::AddStakeholderHint)
                    prop:value=move || draft.get()
                    on:input=move |e| draft.set(event_target_value(&e))
                    on:keydown=move |e| if e.key() == "Enter" { add() }
                />
                <button on:click=move |_| add()>{move || state.t(Text::Add)}</button>
            </div>
            <Show
                when=move || state.map.with(|m| !m.stakeholders.is_empty())
                fallback=move || view! { <p class="hint">{move || state.t(Text::NoStakeholdersYet)}</p> }
            >
                <table class="data">
                    <caption>{move || state.t(Text::StakeholdersTable)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || state.t(Text::Name)}</th>
                            <th scope="col">{move || state.t(Text::Kind)}</th>
                            <th scope="col">{move || state.t(Text::Power)}</th>
                            <th scope="col">{move || state.t(Text::Interest)}</th>
                            <th scope="col">{move || state.t(Text::Stance)}</th>
                            <th scope="col">{move || state.t(Text::Sectors)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|s| format!("{:?}", s) let:stakeholder>
                            <StakeholderRow stakeholder=stakeholder/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn StakeholderRow(stakeholder: Stakeholder) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id: StakeholderId = stakeholder.id.clone();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| state.selected.with(|s| s.as_ref() == Some(&id)))
    };
    let sector_names = {
        let sectors = stakeholder.sectors.clone();
        move || {
            state.map.with(|m| {
                sectors.iter().filter_map(|s| m.sector(s)).map(|s| s.name.clone()).collect::<Vec<_>>().join(", ")
            })
        }
    };
    let kind = stakeholder.kind;
    let stance = stakeholder.stance.get();
    let name = stakeholder.name.clone();
    view! {
        <tr class:selected=selected>
            <th scope="row">
                <button class="link-button" aria-pressed=move || selected.get().to_string()
                    on:click=move |_| state.selected.set(Some(id.clone()))>
                    {name}
                </button>
            </th>
            <td>{move || vocabulary::stakeholder_kind(kind, state.lang.get())}</td>
            <td class="num">{stakeholder.power.get()}</td>
            <td class="num">{stakeholder.interest.get()}</td>
            <td>{move || format!("{stance:+} {}", vocabulary::stance(stance, state.lang.get()))}</td>
            <td>{sector_names}</td>
        </tr>
    }
}
