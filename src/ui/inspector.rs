//! The inspector, beside the map: the selected stakeholder or link with every
//! field editable in place, its metrics and the findings about it; with nothing
//! selected, the map's own details. Selecting on the picture, in a finding or in
//! a table shows it here, and the map stays where it is.

use super::fields::{link_kind_options, strength_options, Choice};
use super::later::one_task_later;
use super::on_demand::{part, when_fetched};
use super::stakeholder_panel::StakeholderForm;
use super::state::AppState;
use super::web;
use leptos::prelude::*;
use simpul::edit::Command;
use simpul::i18n::Text;
use simpul::model::{Link, LinkId, LinkKind, Strength};

/// The inspector, fetched with the findings panel once the first map is shown.
#[component]
pub fn Inspector() -> impl IntoView {
    when_fetched(inspector())
}

part!(panels, fn inspector() => view! { <InspectorBody/> });

#[component]
fn InspectorBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The selected stakeholder's id while it exists: the form is rebuilt when the
    // selection changes, not at every change of the map (each would rebuild a
    // check box per sector).
    let stakeholder = Memo::new(move |_| {
        let id = state.selected.get()?;
        state.map.with(|m| m.stakeholder(&id).is_some()).then_some(id)
    });
    // A big map's form is built in a task of its own (see `later`): with a check
    // box per sector it was a large part of the task of an edit that selects.
    let stakeholder = one_task_later(move || stakeholder.get().into_iter().collect(), state.big_map);
    let link = Memo::new(move |_| {
        let id = state.selected_link.get()?;
        state.map.with(|m| m.links.iter().any(|l| l.id == id)).then_some(id)
    });
    view! {
        <div class="inspector-region">
            {move || match (stakeholder.with(|c| c.first().cloned()), link.get()) {
                // Rebuilt when the selection changes, so fields never show another's values.
                (Some(id), _) => view! {
                    <section class="inspector panel" aria-labelledby="inspector-heading">
                        <div class="panel-head">
                            <h2 id="inspector-heading">{state.tr(Text::EditStakeholder)}</h2>
                            <button type="button" class="quiet close" on:click=move |_| state.selected.set(None)>{state.tr(Text::Close)}</button>
                        </div>
                        <div class="panel-body">
                            <StakeholderForm id=id.clone()/>
                            <StakeholderMetrics id=id.clone()/>
                            <FindingsAbout ids=vec![id.to_string()]/>
                        </div>
                    </section>
                }.into_any(),
                (None, Some(id)) => view! {
                    <section class="inspector panel" aria-labelledby="inspector-heading">
                        <div class="panel-head">
                            <h2 id="inspector-heading">{state.tr(Text::EditLinkHeading)}</h2>
                            <button type="button" class="quiet close" on:click=move |_| state.selected_link.set(None)>{state.tr(Text::Close)}</button>
                        </div>
                        <div class="panel-body"><LinkForm id=id/></div>
                    </section>
                }.into_any(),
                (None, None) => view! { <MapDetails/> }.into_any(),
            }}
        </div>
    }
}

/// With nothing selected: what the map is about, its size and its earlier versions.
#[component]
fn MapDetails() -> impl IntoView {
    let state = expect_context::<AppState>();
    let counts = move || {
        state.content.with(|m| {
            state
                .t(Text::MapCounts)
                .replacen("{}", &m.stakeholders.len().to_string(), 1)
                .replacen("{}", &m.links.len().to_string(), 1)
                .replacen("{}", &m.sectors.len().to_string(), 1)
        })
    };
    view! {
        <section class="inspector panel map-details" aria-labelledby="inspector-heading">
            <div class="panel-head"><h2 id="inspector-heading">{state.tr(Text::MapDetails)}</h2></div>
            <div class="panel-body">
                <p class="map-meta">{counts}</p>
                <div class="field wide">
                    <label for="map-description">{state.tr(Text::Description)}</label>
                    <textarea
                        id="map-description"
                        rows="2"
                        prop:value=move || state.map.with(|m| m.description.clone())
                        on:change=move |e| state.dispatch(Command::SetDescription(event_target_value(&e)))
                    ></textarea>
                </div>
                <p class="hint small">{state.tr(Text::SelectToEdit)}</p>
            </div>
        </section>
    }
}

/// The selected stakeholder's place in the network, in numbers.
#[component]
fn StakeholderMetrics(id: simpul::model::StakeholderId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let metrics = Memo::new(move |_| {
        let index = state.content.with(|m| m.stakeholder_index(&id))?;
        state.analysis.with(|a| a.metrics.get(index).copied())
    });
    let row = move |label: Text, value: fn(&simpul::analysis::StakeholderMetrics) -> f64| {
        view! {
            <div class="metric">
                <dt>{state.tr(label)}</dt>
                <dd>{move || metrics.get().map(|m| web::fixed(value(&m), 3)).unwrap_or_default()}</dd>
            </div>
        }
    };
    view! {
        <h3>{state.tr(Text::InNetwork)}</h3>
        <dl class="metrics" aria-busy=move || state.analysing.get().to_string()>
            <div class="metric wide">
                <dt>{state.tr(Text::Quadrant)}</dt>
                <dd>{move || metrics.get().map(|m| m.quadrant.label(state.lang.get())).unwrap_or_default()}</dd>
            </div>
            {row(Text::Degree, |m| m.degree)}
            {row(Text::Betweenness, |m| m.betweenness)}
            {row(Text::Closeness, |m| m.closeness)}
            {row(Text::Eigenvector, |m| m.eigenvector)}
            <div class="metric">
                <dt>{state.tr(Text::Community)}</dt>
                <dd>{move || metrics.get().map(|m| super::stakeholders::community_number(m.community)).unwrap_or_default()}</dd>
            </div>
        </dl>
    }
}

/// The findings whose subjects include all of `ids`, each choosable to light it on the map.
#[component]
fn FindingsAbout(ids: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ids = StoredValue::new(ids);
    let about = Memo::new(move |_| {
        let lang = state.lang.get();
        state.content.with(|m| {
            state.analysis.with(|a| {
                a.findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| ids.with_value(|ids| ids.iter().all(|id| f.subjects.contains(id))))
                    .take(MOST_ABOUT)
                    .map(|(position, f)| {
                        (position, f.subjects.clone(), f.severity.code(), f.explain(m, lang).title)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <h3>{state.tr(Text::FindingsAboutIt)}</h3>
        <Show when=move || !about.with(Vec::is_empty) fallback=move || view! { <p class="hint small">{state.tr(Text::NoFindingsAboutIt)}</p> }>
            <ul class="about-list">
                {move || about.get().into_iter().map(|(position, subjects, severity, title)| {
                    let active = move || state.active_finding.with(|a| a.as_ref().map(|(p, _)| *p) == Some(position));
                    view! {
                        <li class=format!("about severity-{severity}")>
                            <button type="button" class="link-button" aria-pressed=move || active().to_string()
                                on:click=move |_| {
                                    let next = (!active()).then(|| (position, subjects.clone()));
                                    state.active_finding.set(next);
                                }>
                                {title}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// How many findings about one stakeholder the inspector lists: a hub of a big map
/// can be the subject of hundreds; the Findings panel has them all.
const MOST_ABOUT: usize = 12;

/// Every field of the selected link, each change one command.
#[component]
fn LinkForm(id: LinkId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let live = {
        let id = id.clone();
        Memo::new(move |_| state.map.with(|m| m.links.iter().find(|l| l.id == id).cloned()))
    };
    let run = move |change: Box<dyn FnOnce(&mut Link)>| {
        if let Some(mut link) = live.get_untracked() {
            change(&mut link);
            state.dispatch(Command::ReplaceLink(link));
        }
    };
    let ends = move || {
        let Some(link) = live.get() else { return String::new() };
        state
            .content
            .with(|m| super::links::between(m, std::slice::from_ref(&link)).pop().unwrap_or_default())
    };
    // The link's two ends, which its findings name: a memo, so that changing the
    // link's kind or strength does not rebuild the list of its findings.
    let ends_ids = Memo::new(move |_| {
        live.with(|l| l.as_ref().map(|l| vec![l.from.to_string(), l.to.to_string()])).unwrap_or_default()
    });
    let field = move |f: fn(&Link) -> String| {
        Signal::derive(move || live.with(|l| l.as_ref().map(f)).unwrap_or_default())
    };
    view! {
        <p class="link-ends"><strong>{ends}</strong></p>
        <Choice id="edit-link-kind" label=Signal::derive(move || state.t(Text::LinkKind).to_string())
            options=Signal::derive(move || link_kind_options(state.lang.get()))
            value=field(|l| l.kind.code().to_string())
            on_change=Callback::new(move |v: String| if let Some(k) = LinkKind::from_code(&v) {
                run(Box::new(move |l| l.kind = k));
            })/>
        <Choice id="edit-link-strength" label=Signal::derive(move || state.t(Text::Strength).to_string())
            options=Signal::derive(move || strength_options(state.lang.get()))
            value=field(|l| l.strength.get().to_string())
            on_change=Callback::new(move |v: String| if let Some(s) = v.parse().ok().and_then(Strength::new) {
                run(Box::new(move |l| l.strength = s));
            })/>
        <label class="check">
            <input type="checkbox" prop:checked=move || live.with(|l| l.as_ref().is_some_and(|l| l.directed))
                on:change=move |e| { let on = event_target_checked(&e); run(Box::new(move |l| l.directed = on)); }/>
            {state.tr(Text::Directed)}
        </label>
        <div class="field wide">
            <label for="edit-link-notes">{state.tr(Text::Notes)}</label>
            <textarea id="edit-link-notes" rows="3" prop:value=field(|l| l.notes.clone())
                on:change=move |e| { let notes = event_target_value(&e); run(Box::new(move |l| l.notes = notes)); }></textarea>
        </div>
        <div class="panel-actions">
            <button class="danger" on:click=move |_| {
                state.dispatch(Command::RemoveLink(id.clone()));
                state.selected_link.set(None);
            }>{state.tr(Text::DeleteLink)}</button>
        </div>
        {move || {
            let ids = ends_ids.get();
            (!ids.is_empty()).then(|| view! { <FindingsAbout ids=ids/> })
        }}
    }
}
