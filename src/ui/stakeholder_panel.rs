//! The inspector's form for every field of the selected stakeholder. Each change
//! is one command, so each can be undone on its own.

use super::fields::{score_options, stakeholder_kind_options, stance_options, Choice};
use super::state::AppState;
use leptos::prelude::*;
use simpul::edit::Command;
use simpul::i18n::{vocabulary, Text};
use simpul::model::{Resource, Score, Stakeholder, StakeholderId, StakeholderKind, Stance};

#[component]
pub(super) fn StakeholderForm(id: StakeholderId) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The stakeholder as it is now, found once per change of the map and read by
    // every field.
    let live = {
        let id = id.clone();
        Memo::new(move |_| state.map.with(|m| m.stakeholder(&id).cloned()))
    };
    // Reads the live stakeholder, changes one field, dispatches a replace.
    let edit = move |change: Box<dyn FnOnce(&mut Stakeholder)>| {
        if let Some(mut s) = live.get_untracked() {
            change(&mut s);
            state.dispatch(Command::ReplaceStakeholder(s));
        }
    };
    let edit = StoredValue::new(edit);
    let field = move |f: fn(&Stakeholder) -> String| {
        Signal::derive(move || live.with(|l| l.as_ref().map(f)).unwrap_or_default())
    };
    let run = move |change: Box<dyn FnOnce(&mut Stakeholder)>| edit.with_value(|e| e(change));

    let score_choice = move |key: &'static str,
                             label: Text,
                             get: fn(&Stakeholder) -> String,
                             set: fn(&mut Stakeholder, Score)| {
        let options = Signal::derive(move || score_options(state.lang.get()));
        view! {
            <Choice
                id=key
                label=Signal::derive(move || state.t(label).to_string())
                options=options
                value=field(get)
                on_change=Callback::new(move |v: String| {
                    if let Some(score) = v.parse().ok().and_then(Score::new) {
                        run(Box::new(move |s| set(s, score)));
                    }
                })
            />
        }
    };

    let sectors = Memo::new(move |_| state.content.with(|m| m.sectors.clone()));
    let delete = {
        let id = id.clone();
        move |_| {
            let command = state.map.with_untracked(|m| Command::delete_stakeholder(m, &id));
            state.dispatch(command);
        }
    };
    view! {
        <div class="field">
            <label for="edit-name">{state.tr(Text::Name)}</label>
            <input id="edit-name" prop:value=field(|s| s.name.clone())
                on:change=move |e| {
                    let name = event_target_value(&e);
                    run(Box::new(move |s| s.name = name));
                }/>
        </div>
        <Choice
            id="edit-kind"
            label=Signal::derive(move || state.t(Text::Kind).to_string())
            options=Signal::derive(move || stakeholder_kind_options(state.lang.get()))
            value=field(|s| s.kind.code().to_string())
            on_change=Callback::new(move |v: String| {
                if let Some(kind) = StakeholderKind::from_code(&v) {
                    run(Box::new(move |s| s.kind = kind));
                }
            })
        />
        {score_choice("edit-power", Text::Power, |s| s.power.get().to_string(), |s, v| s.power = v)}
        {score_choice("edit-interest", Text::Interest, |s| s.interest.get().to_string(), |s, v| s.interest = v)}
        <Choice
            id="edit-stance"
            label=Signal::derive(move || state.t(Text::Stance).to_string())
            options=Signal::derive(move || stance_options(state.lang.get()))
            value=field(|s| s.stance.get().to_string())
            on_change=Callback::new(move |v: String| {
                if let Some(stance) = v.parse().ok().and_then(Stance::new) {
                    run(Box::new(move |s| s.stance = stance));
                }
            })
        />
        <fieldset class="checks">
            <legend>{state.tr(Text::Sectors)}</legend>
            <Show when=move || state.content.with(|m| m.sectors.is_empty())>
                <p class="hint">{state.tr(Text::NoSectorsYet)}</p>
            </Show>
            {move || sectors.get().into_iter().map(|sector| {
                let sector_id = sector.id.clone();
                let checked = {
                    let sector_id = sector_id.clone();
                    move || live.with(|l| l.as_ref().is_some_and(|s| s.sectors.contains(&sector_id)))
                };
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=checked on:change=move |e| {
                            let on = event_target_checked(&e);
                            let sector_id = sector_id.clone();
                            run(Box::new(move |s| {
                                s.sectors.retain(|x| x != &sector_id);
                                if on { s.sectors.push(sector_id); }
                            }));
                        }/>
                        {sector.name.clone()}
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="checks">
            <legend>{state.tr(Text::Resources)}</legend>
            {Resource::ALL.iter().copied().map(|resource| {
                let checked = move || live.with(|l| l.as_ref().is_some_and(|s| s.resources.contains(&resource)));
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=checked on:change=move |e| {
                            let on = event_target_checked(&e);
                            run(Box::new(move |s| {
                                s.resources.retain(|r| *r != resource);
                                if on {
                                    // Keep the vocabulary's order, so files diff cleanly.
                                    s.resources.push(resource);
                                    simpul::order::sort_with(&mut s.resources, &Ord::cmp);
                                }
                            }));
                        }/>
                        {move || vocabulary::resource(resource, state.lang.get())}
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <div class="field wide">
            <label for="edit-notes">{state.tr(Text::Notes)}</label>
            <textarea id="edit-notes" rows="4" prop:value=field(|s| s.notes.clone())
                on:change=move |e| {
                    let notes = event_target_value(&e);
                    run(Box::new(move |s| s.notes = notes));
                }></textarea>
        </div>
        <label class="check">
            <input type="checkbox" prop:checked=move || live.with(|l| l.as_ref().is_some_and(|s| s.pinned))
                on:change=move |e| {
                    let on = event_target_checked(&e);
                    run(Box::new(move |s| s.pinned = on));
                }/>
            {state.tr(Text::Pinned)}
        </label>
        <div class="panel-actions">
            <button class="danger" on:click=delete>{state.tr(Text::DeleteStakeholder)}</button>
        </div>
    }
}
