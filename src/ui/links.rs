//! Links: choose two stakeholders to link them, then edit or delete each link.

use super::fields::{scale_options, Choice};
use super::state::AppState;
use super::web;
use crate::edit::Command;
use crate::i18n::{vocabulary, Text};
use crate::model::{Link, LinkKind, StakeholderId, Strength};
use leptos::prelude::*;

fn kind_options(state: AppState) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = state.lang.get();
        LinkKind::ALL.iter().map(|k| (k.code().to_string(), vocabulary::link_kind(*k, lang).to_string())).collect()
    })
}

fn strength_options(state: AppState) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = state.lang.get();
        scale_options(Strength::all().map(|s| i64::from(s.get())), move |v| {
            format!("{v} – {}", Text::strength_word(v, lang))
        })
    })
}

fn stakeholder_options(state: AppState) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let mut options = vec![(String::new(), state.t(Text::Choose).to_string())];
        state.content.with(|m| {
            options.extend(m.stakeholders.iter().map(|s| (s.id.to_string(), s.name.clone())));
        });
        options
    })
}

#[component]
pub fn LinksSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new(LinkKind::default().code().to_string());
    let directed = RwSignal::new(false);
    let strength = RwSignal::new(Strength::DEFAULT.get().to_string());
    let add = move |_| {
        let (from_id, to_id) = (from.get_untracked(), to.get_untracked());
        if from_id.is_empty() || to_id.is_empty() {
            return;
        }
        let mut link = state.map.with_untracked(|m| {
            Link::new(m.fresh_link_id(), StakeholderId::new(from_id), StakeholderId::new(to_id))
        });
        link.kind = LinkKind::from_code(&kind.get_untracked()).unwrap_or_default();
        link.directed = directed.get_untracked();
        link.strength = strength.get_untracked().parse().ok().and_then(Strength::new).unwrap_or_default();
        let index = state.map.with_untracked(|m| m.links.len());
        state.dispatch(Command::InsertLink { index, link });
        to.set(String::new());
    };
    let can_link = move || state.content.with(|m| m.stakeholders.len() >= 2);
    let rows = move || state.content.with(|m| m.links.clone());
    view! {
        <section class="card" aria-labelledby="links-heading">
            <h2 id="links-heading">{state.tr(Text::LinksHeading)}</h2>
            <Show when=can_link fallback=move || view! { <p class="hint">{state.tr(Text::NeedTwoStakeholders)}</p> }>
                <div class="link-form" role="group" aria-label=state.tr(Text::AddLink)>
                    <Choice id="link-from" label=Signal::derive(move || state.t(Text::From).to_string())
                        options=stakeholder_options(state) value=from on_change=Callback::new(move |v| from.set(v))/>
                    <Choice id="link-to" label=Signal::derive(move || state.t(Text::To).to_string())
                        options=stakeholder_options(state) value=to on_change=Callback::new(move |v| to.set(v))/>
                    <Choice id="link-kind" label=Signal::derive(move || state.t(Text::LinkKind).to_string())
                        options=kind_options(state) value=kind on_change=Callback::new(move |v| kind.set(v))/>
                    <Choice id="link-strength" label=Signal::derive(move || state.t(Text::Strength).to_string())
                        options=strength_options(state) value=strength on_change=Callback::new(move |v| strength.set(v))/>
                    <label class="check">
                        <input type="checkbox" prop:checked=directed on:change=move |e| directed.set(event_target_checked(&e))/>
                        {state.tr(Text::Directed)}
                    </label>
                    <button on:click=add disabled=move || from.get().is_empty() || to.get().is_empty()>
                        {state.tr(Text::AddLink)}
                    </button>
                </div>
            </Show>
            <Show when=move || state.content.with(|m| !m.links.is_empty())>
                <table class="data">
                    <caption>{state.tr(Text::LinksTable)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{state.tr(Text::Between)}</th>
                            <th scope="col">{state.tr(Text::LinkKind)}</th>
                            <th scope="col">{state.tr(Text::Strength)}</th>
                            <th scope="col">{state.tr(Text::Directed)}</th>
                            <th scope="col">{state.tr(Text::Notes)}</th>
                            <th scope="col"><span class="visually-hidden">{state.tr(Text::Actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=web::row_key let:link>
                            <LinkRow link=link/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn LinkRow(link: Link) -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = {
        let (from, to, directed) = (link.from.clone(), link.to.clone(), link.directed);
        move || {
            state.content.with(|m| {
                let name = |id: &StakeholderId| m.stakeholder(id).map(|s| s.name.clone()).unwrap_or_default();
                format!("{} {} {}", name(&from), if directed { "→" } else { "—" }, name(&to))
            })
        }
    };
    let names = StoredValue::new(names);
    let label = move |what: Text| format!("{} ({})", state.t(what), names.with_value(|n| n()));
    let base = StoredValue::new(link.clone());
    let replace = move |change: Box<dyn FnOnce(&mut Link)>| {
        let mut link = base.get_value();
        change(&mut link);
        state.dispatch(Command::ReplaceLink(link));
    };
    let row = link.id.to_string();
    let id = link.id.clone();
    view! {
        <tr>
            <th scope="row">{move || names.with_value(|n| n())}</th>
            <td>
                <Choice id=format!("link-{row}-kind") hide_label=true
                    label=Signal::derive(move || label(Text::LinkKind))
                    options=kind_options(state) value=link.kind.code().to_string()
                    on_change=Callback::new(move |v: String| if let Some(k) = LinkKind::from_code(&v) {
                        replace(Box::new(move |l| l.kind = k));
                    })/>
            </td>
            <td>
                <Choice id=format!("link-{row}-strength") hide_label=true
                    label=Signal::derive(move || label(Text::Strength))
                    options=strength_options(state) value=link.strength.get().to_string()
                    on_change=Callback::new(move |v: String| if let Some(s) = v.parse().ok().and_then(Strength::new) {
                        replace(Box::new(move |l| l.strength = s));
                    })/>
            </td>
            <td>
                <input type="checkbox" prop:checked=link.directed aria-label=move || label(Text::Directed)
                    on:change=move |e| { let on = event_target_checked(&e); replace(Box::new(move |l| l.directed = on)); }/>
            </td>
            <td>
                <input class="notes-input" prop:value=link.notes.clone() aria-label=move || label(Text::Notes)
                    on:change=move |e| { let notes = event_target_value(&e); replace(Box::new(move |l| l.notes = notes)); }/>
            </td>
            <td>
                <button class="quiet danger" aria-label=move || label(Text::Delete)
                    on:click=move |_| state.dispatch(Command::RemoveLink(id.clone()))>
                    {state.tr(Text::Delete)}
                </button>
            </td>
        </tr>
    }
}
