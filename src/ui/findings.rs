//! The Findings region (PRODUCT.md §7): every finding grouped by severity, each
//! list item carrying `data-finding` and `data-subjects`. Choosing one highlights
//! its subjects in the table and selects the first stakeholder among them.

use super::state::AppState;
use crate::analysis::findings::Severity;
use crate::i18n::Text;
use crate::model::StakeholderId;
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
        <section class="card findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{state.tr(Text::FindingsHeading)}</h2>
            <p class="map-meta" aria-hidden="true">{move || state.t(Text::FindingCount).replace("{}", &count().to_string())}</p>
            <Show when=move || count() == 0>
                <p class="hint">{state.tr(Text::NoFindings)}</p>
            </Show>
            {Severity::ALL.into_iter().map(|severity| view! { <SeverityGroup severity=severity/> }).collect_view()}
        </section>
    }
}

/// Findings listed per severity before "Show all": a map of thousands of
/// stakeholders can have tens of thousands of findings, and listing them all would
/// freeze the page.
pub(super) const FIRST_LISTED: usize = 250;

#[component]
fn SeverityGroup(severity: Severity) -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_all = RwSignal::new(false);
    let count = move || state.analysis.with(|a| a.findings.iter().filter(|f| f.severity == severity).count());
    let hidden = move || !show_all.get() && count() > FIRST_LISTED;
    // (position in the findings list, finding) for this severity.
    let items = move || {
        state.analysis.with(|a| {
            a.findings.iter().cloned().enumerate().filter(|(_, f)| f.severity == severity).collect::<Vec<_>>()
        })
    };
    let heading_id = format!("findings-{}", severity.code());
    view! {
        <Show when=move || !items().is_empty()>
            <h3 id=heading_id.clone() class=format!("severity severity-{}", severity.code())>
                {move || state.t(severity_heading(severity))}
            </h3>
            <ul class="finding-list" aria-labelledby=heading_id.clone()>
                {move || items().into_iter().take(if show_all.get() { usize::MAX } else { FIRST_LISTED }).map(|(position, finding)| {
                    let subjects = finding.subjects.join(" ");
                    let explanation = {
                        let finding = finding.clone();
                        Memo::new(move |_| state.content.with(|m| finding.explain(m, state.lang.get())))
                    };
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
                            <p class="finding-title"><strong>{move || explanation.get().title}</strong></p>
                            <p>{move || explanation.get().message}</p>
                            <p class="finding-action"><span class="label">{state.tr(Text::Suggestion)}</span>" "{move || explanation.get().action}</p>
                            <button class="quiet" aria-pressed=move || active().to_string() on:click=choose>
                                {move || if active() { state.t(Text::StopHighlighting) } else { state.t(Text::ShowOnMap) }}
                                <span class="visually-hidden">": "{move || explanation.get().title}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=hidden>
                <button class="quiet" on:click=move |_| show_all.set(true)>
                    {move || state.t(Text::ShowAllFindings).replace("{}", &count().to_string())}
                </button>
            </Show>
        </Show>
    }
}
