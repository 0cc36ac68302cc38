//! The Findings region (PRODUCT.md §7): every finding grouped by severity, each
//! list item carrying `data-finding` and `data-subjects`. Choosing one highlights
//! its subjects in the table and selects the first stakeholder among them.

use super::later::one_task_later;
use super::pager::Pager;
use super::state::AppState;
use crate::analysis::findings::Severity;
use crate::i18n::Text;
use crate::model::StakeholderId;
use crate::pages::Pages;
use leptos::prelude::*;

pub(super) fn severity_heading(severity: Severity) -> Text {
    match severity {
        Severity::High => Text::SeverityHigh,
        Severity::Medium => Text::SeverityMedium,
        Severity::Low => Text::SeverityLow,
    }
}

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || state.analysis.with(|a| a.findings.len());
    view! {
        <section class="findings panel" aria-labelledby="findings-heading" aria-busy=move || state.analysing.get().to_string()>
            <div class="panel-head">
                <h2 id="findings-heading">{state.tr(Text::FindingsHeading)}</h2>
                <p class="map-meta" aria-hidden="true">{move || state.t(Text::FindingCount).replace("{}", &count().to_string())}</p>
            </div>
            <div class="panel-body">
            <div role="status">
                // Said for a big map, whose analysis takes a while; a small map's
                // answer comes before it could be read.
                <Show when=move || state.analysing.get() && state.big_map.get()>
                    <p class="analysing">
                        {move || state.t(Text::Analysing).replace("{}", &state.content.with(|m| m.stakeholders.len()).to_string())}
                    </p>
                </Show>
            </div>
            <Show when=move || count() == 0 && !state.analysing.get()>
                <p class="hint">{state.tr(Text::NoFindings)}</p>
            </Show>
            {Severity::ALL.into_iter().map(|severity| view! { <SeverityGroup severity=severity/> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn SeverityGroup(severity: Severity) -> impl IntoView {
    let state = expect_context::<AppState>();
    // A map of thousands of stakeholders can have tens of thousands of findings:
    // they are listed a page at a time, as the tables are.
    let page = RwSignal::new(0);
    let count = move || state.analysis.with(|a| a.findings.iter().filter(|f| f.severity == severity).count());
    let pages = Signal::derive(move || Pages::new(count(), Pages::FINDINGS));
    // (position in the findings list, finding, its explanation) for this severity,
    // on the page shown; built in a task of its own (see `later`).
    let items = one_task_later(
        move || {
            let shown = pages.get().rows(page.get());
            let lang = state.lang.get();
            state.content.with(|m| {
                state.analysis.with(|a| {
                    a.findings
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| f.severity == severity)
                        .skip(shown.start)
                        .take(shown.len())
                        .map(|(position, f)| (position, f.clone(), f.explain(m, lang)))
                        .collect::<Vec<_>>()
                })
            })
        },
        state.big_map,
    );
    let heading_id = format!("findings-{}", severity.code());
    view! {
        <Show when=move || count() != 0>
            <h3 id=heading_id.clone() class=format!("severity severity-{}", severity.code())>
                {move || state.t(severity_heading(severity))}
            </h3>
            <ul class="finding-list" aria-labelledby=heading_id.clone()>
                // Keyed, so that an edit that adds or drops one finding rebuilds
                // only the items it moves, not every list of a big map.
                <For
                    each=move || items.get()
                    key=|(position, finding, explanation)| (*position, finding.code.as_str(), finding.subjects.clone(), explanation.message.clone())
                    let:item
                >
                {
                    let (position, finding, explanation) = item;
                    let subjects = finding.subjects.join(" ");
                    let active = move || state.active_finding.with(|a| a.as_ref().map(|(p, _)| *p) == Some(position));
                    let choose = {
                        let subjects = finding.subjects.clone();
                        move |_| {
                            if active() {
                                state.active_finding.set(None);
                                return;
                            }
                            state.active_finding.set(Some((position, subjects.clone())));
                            let first = state.map.with_untracked(|m| {
                                subjects.iter().find(|id| m.stakeholder(&StakeholderId::new(id.as_str())).is_some()).cloned()
                            });
                            if let Some(id) = first {
                                state.selected.set(Some(StakeholderId::new(id)));
                            }
                        }
                    };
                    view! {
                        <li class="finding" class:active=active data-finding=finding.code.as_str() data-subjects=subjects
                            data-severity=severity.code()>
                            <p class="finding-title"><strong>{explanation.title.clone()}</strong></p>
                            <p>{explanation.message}</p>
                            <p class="finding-action"><span class="label">{state.tr(Text::Suggestion)}</span>" "{explanation.action}</p>
                            <button class="quiet" aria-pressed=move || active().to_string() on:click=choose>
                                {move || if active() { state.t(Text::StopHighlighting) } else { state.t(Text::ShowOnMap) }}
                                <span class="visually-hidden">": "{explanation.title}</span>
                            </button>
                        </li>
                    }
                }
                </For>
            </ul>
            <Pager pages=pages page=page list=severity_heading(severity)/>
        </Show>
    }
}
