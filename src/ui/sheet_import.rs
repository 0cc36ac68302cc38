//! The import preview of another tool's file (a spreadsheet, Kumu, GraphML, GEXF,
//! PRSM): what the background worker found, each free-text type with the Simpul
//! kind it seems to mean (the user can change it), and every row or element that
//! could not be used as written. Nothing is imported until the
//! user accepts.

use super::on_demand::{part, when_fetched};
use super::state::AppState;
use leptos::prelude::*;
use simpul::format::sheet_messages::{SheetPreview, TypeRow};
use simpul::i18n::{vocabulary, Lang, Text};
use simpul::model::{LinkKind, StakeholderKind};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Row problems listed before "… and N more".
const FIRST_LISTED: usize = 100;
/// Types listed with a picker; a column of free text (one type per row) would
/// otherwise list thousands. The rest keep the kind Simpul guessed.
const TYPES_LISTED: usize = 60;

#[component]
pub fn SheetImportPreview() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || state.sheet_import.get().map(|preview| when_fetched(sheet_preview(preview)))
}

part!(sheet_import, fn sheet_preview(preview: Arc<SheetPreview>) => view! { <Preview preview=preview/> });

/// The kinds to choose from: (code, name in the language).
type Options = fn(Lang) -> Vec<(&'static str, &'static str)>;

fn stakeholder_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    StakeholderKind::ALL.iter().map(|&k| (k.code(), vocabulary::stakeholder_kind(k, lang))).collect()
}

fn link_options(lang: Lang) -> Vec<(&'static str, &'static str)> {
    LinkKind::ALL.iter().map(|&k| (k.code(), vocabulary::link_kind(k, lang))).collect()
}

/// One table of types, each with a kind picker that records the choice.
fn type_table(
    state: AppState,
    caption: Text,
    types: Vec<TypeRow>,
    options: Options,
    choices: StoredValue<BTreeMap<String, String>>,
) -> impl IntoView {
    let unlisted = types.len().saturating_sub(TYPES_LISTED);
    let rows = types
        .into_iter()
        .take(TYPES_LISTED)
        .map(|TypeRow { key, shown, count, guess }| {
            let label = {
                let shown = shown.clone();
                move || state.t(Text::KindForType).replace("{}", &shown)
            };
            let listed = move || {
                options(state.lang.get())
                    .into_iter()
                    .map(|(code, name)| view! { <option value=code selected=code == guess>{name}</option> })
                    .collect_view()
            };
            let choose = move |e: leptos::ev::Event| {
                let code = event_target_value(&e);
                choices.update_value(|map| {
                    map.insert(key.clone(), code);
                });
            };
            view! {
                <tr>
                    <th scope="row">{move || if shown.is_empty() { state.t(Text::NoType).to_string() } else { shown.clone() }}</th>
                    <td class="num">{count}</td>
                    <td><select aria-label=label on:change=choose>{listed}</select></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data">
            <caption>{state.tr(caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{state.tr(Text::TypeInFile)}</th>
                    <th scope="col" class="num">{state.tr(Text::Rows)}</th>
                    <th scope="col">{state.tr(Text::KindInSimpul)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {(unlisted > 0).then(|| view! {
            <p class="hint">{move || state.t(Text::MoreTypesGuessed).replace("{}", &unlisted.to_string())}</p>
        })}
    }
}

#[component]
fn Preview(preview: Arc<SheetPreview>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let guesses = |types: &[TypeRow]| {
        types.iter().map(|t| (t.key.clone(), t.guess.clone())).collect::<BTreeMap<_, _>>()
    };
    let kinds = StoredValue::new(guesses(&preview.types));
    let link_kinds = StoredValue::new(guesses(&preview.link_types));
    let summary = {
        let p = preview.clone();
        move || {
            state
                .t(Text::SheetImportSummary)
                .replacen("{}", &p.stakeholders.to_string(), 1)
                .replacen("{}", &p.links.to_string(), 1)
                .replacen("{}", &p.title, 1)
        }
    };
    let problem_count = preview.problems.len();
    let problems = {
        let p = preview.clone();
        move || {
            let lang = state.lang.get();
            p.problems
                .iter()
                .take(FIRST_LISTED)
                .map(|(en, id)| view! { <li>{lang.pick(en, id).to_string()}</li> })
                .collect_view()
        }
    };
    let accept = move |_| {
        let lang = state.lang.get_untracked().code();
        let choices = serde_json::json!({ "kinds": kinds.get_value(), "link_kinds": link_kinds.get_value(), "lang": lang });
        state.accept_spreadsheet(choices);
    };
    super::web::focus_by_id("sheet-import-heading");
    view! {
        <section class="card sheet-import" aria-labelledby="sheet-import-heading">
            <h2 id="sheet-import-heading" tabindex="-1">{state.tr(Text::SheetImportHeading)}</h2>
            <p>{summary}</p>
            {type_table(state, Text::StakeholderTypes, preview.types.clone(), stakeholder_options, kinds)}
            {(!preview.link_types.is_empty()).then(|| type_table(state, Text::LinkTypes, preview.link_types.clone(), link_options, link_kinds))}
            {(problem_count > 0).then(|| view! {
                <h3>{move || state.t(Text::RowsNeedAttention).replace("{}", &problem_count.to_string())}</h3>
                <ul class="row-problems">{problems}</ul>
                {(problem_count > FIRST_LISTED).then(|| view! {
                    <p>{move || state.t(Text::AndMore).replace("{}", &(problem_count - FIRST_LISTED).to_string())}</p>
                })}
            })}
            <div class="actions">
                <button class="primary" on:click=accept>{state.tr(Text::ImportAsNewMap)}</button>
                <button on:click=move |_| state.sheet_import.set(None)>{state.tr(Text::Cancel)}</button>
            </div>
        </section>
    }
}
