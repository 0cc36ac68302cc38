//! The Findings region (PRODUCT.md §7): every finding grouped by severity, each
//! list item carrying `data-finding` and `data-subjects`. Choosing one highlights
//! its subjects in the table and selects the first stakeholder among them.
//!
//! A map with many findings opens on a summary of at most seven headlines (see
//! `analysis::findings::summary`); choosing one shows only the findings it stands
//! for. Within a severity, a code with more than ten findings is a group of its
//! own, with its count, paged apart.

use super::later::one_task_later;
use super::pager::Pager;
use super::state::AppState;
use crate::analysis::findings::{Code, Finding, Headline, Severity};
use crate::analysis::thresholds::GROUP_ABOVE;
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

/// `active_finding`'s position while a headline's findings are lit: no finding
/// of the list is then the active one.
pub(super) const HEADLINE_LIT: usize = usize::MAX - 1;

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || state.analysis.with(|a| a.findings.len());
    // The headline whose findings alone are listed, if one is chosen.
    let filter = RwSignal::new(None::<Headline>);
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
            <Show when=move || { count() > GROUP_ABOVE }>
                <Summary filter=filter/>
            </Show>
            <Show when=move || filter.with(Option::is_some)>
                <ShownOnly filter=filter/>
            </Show>
            {Severity::ALL.into_iter().map(|severity| view! { <SeverityGroup severity=severity filter=filter/> }).collect_view()}
            </div>
        </section>
    }
}

/// Each headline of the summary with what it says now, in the language shown.
fn headlines_said(state: AppState) -> Vec<(Headline, String)> {
    let lang = state.lang.get();
    state.content.with(|m| {
        state.analysis.with(|a| {
            a.summary
                .iter()
                .map(|h| {
                    let first = a.findings.iter().find(|f| h.covers(f));
                    (h.clone(), h.say(first, m, lang))
                })
                .collect()
        })
    })
}

/// Every stakeholder and sector the findings of `headline` name, to light them.
fn subjects_of(state: AppState, headline: &Headline) -> Vec<String> {
    state.analysis.with_untracked(|a| {
        let mut subjects: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for subject in a.findings.iter().filter(|f| headline.covers(f)).flat_map(|f| &f.subjects) {
            if seen.insert(subject.as_str()) {
                subjects.push(subject.clone());
            }
        }
        subjects
    })
}

/// The summary over many findings: each headline a button that lists only its
/// findings and lights them on the picture (pressed again, everything is back).
#[component]
fn Summary(filter: RwSignal<Option<Headline>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="finding-summary">
            <h3 id="findings-summary">{state.tr(Text::FindingsSummary)}</h3>
            <Headlines filter=filter class="finding-headlines" labelled_by="findings-summary"/>
        </div>
    }
}

/// The summary's headlines, each a button that lights its findings' subjects on
/// the picture and, given a `filter`, lists only its findings (the Findings
/// panel; workshop mode only lights them).
#[component]
pub(super) fn Headlines(
    #[prop(optional)] filter: Option<RwSignal<Option<Headline>>>,
    class: &'static str,
    #[prop(optional)] labelled_by: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <ol class=class aria-labelledby=(!labelled_by.is_empty()).then_some(labelled_by)>
            {move || headlines_said(state).into_iter().map(|(headline, said)| {
                let severity = headline.severity();
                let chosen = {
                    let headline = headline.clone();
                    move || match filter {
                        Some(filter) => filter.with(|f| f.as_ref() == Some(&headline)),
                        None => state.active_finding.with(|a| {
                            a.as_ref().is_some_and(|(p, subjects)| *p == HEADLINE_LIT && *subjects == subjects_of(state, &headline))
                        }),
                    }
                };
                let choose = {
                    let (headline, chosen) = (headline.clone(), chosen.clone());
                    move |_| {
                        if chosen() {
                            match filter {
                                Some(filter) => show_all(state, filter),
                                None => state.active_finding.set(None),
                            }
                            return;
                        }
                        state.active_finding.set(Some((HEADLINE_LIT, subjects_of(state, &headline))));
                        if let Some(filter) = filter {
                            filter.set(Some(headline.clone()));
                        }
                    }
                };
                view! {
                    <li class=format!("headline severity-{}", severity.code()) data-headline=headline.code.as_str()>
                        <button type="button" class="headline-button" aria-pressed=move || chosen().to_string() on:click=choose>
                            <span class="headline-severity">{move || state.t(severity_heading(severity))}</span>
                            <span class="headline-text">{said}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

fn show_all(state: AppState, filter: RwSignal<Option<Headline>>) {
    filter.set(None);
    if state.active_finding.with_untracked(|a| a.as_ref().is_some_and(|(p, _)| *p == HEADLINE_LIT)) {
        state.active_finding.set(None);
    }
}

/// Says which findings are listed while a headline is chosen, with the way back.
#[component]
fn ShownOnly(filter: RwSignal<Option<Headline>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let said = move || {
        let Some(headline) = filter.get() else { return String::new() };
        let (shown, all) = state
            .analysis
            .with(|a| (a.findings.iter().filter(|f| headline.covers(f)).count(), a.findings.len()));
        let first = state.analysis.with(|a| a.findings.iter().find(|f| headline.covers(f)).cloned());
        let what = state.content.with(|m| headline.say(first.as_ref(), m, state.lang.get()));
        state
            .t(Text::FindingsOfHeadline)
            .replacen("{}", &shown.to_string(), 1)
            .replacen("{}", &all.to_string(), 1)
            .replacen("{}", &what, 1)
    };
    view! {
        <p class="finding-filter">
            <span>{said}</span>" "
            <button type="button" class="quiet" on:click=move |_| show_all(state, filter)>{state.tr(Text::ShowAllFindings)}</button>
        </p>
    }
}

/// Which findings a list holds: those of `severity` (and of the chosen headline,
/// if any) and either of one grouped `code`, or of every code not grouped (by
/// `tally`, each code of the severity with how many of its findings are listed).
#[derive(Clone, Copy)]
struct Which {
    severity: Severity,
    group: Option<Code>,
    filter: RwSignal<Option<Headline>>,
    tally: Memo<Vec<(Code, usize)>>,
}

impl Which {
    /// Whether `finding` is listed, with `filter` and `tally` read by the caller.
    fn holds(&self, finding: &Finding, filter: Option<&Headline>, tally: &[(Code, usize)]) -> bool {
        finding.severity == self.severity
            && filter.is_none_or(|h| h.covers(finding))
            && match self.group {
                Some(code) => finding.code == code,
                None => !tally.iter().any(|(code, n)| *code == finding.code && *n > GROUP_ABOVE),
            }
    }
}

#[component]
fn SeverityGroup(severity: Severity, filter: RwSignal<Option<Headline>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Each code of this severity with how many of its findings are listed.
    let tally = Memo::new(move |_| {
        state.analysis.with(|a| {
            filter.with(|shown| {
                let mut tally: Vec<(Code, usize)> = Vec::new();
                for f in a
                    .findings
                    .iter()
                    .filter(|f| f.severity == severity && shown.as_ref().is_none_or(|h| h.covers(f)))
                {
                    match tally.iter_mut().find(|(code, _)| *code == f.code) {
                        Some((_, n)) => *n += 1,
                        None => tally.push((f.code, 1)),
                    }
                }
                tally
            })
        })
    });
    let count = move || tally.with(|t| t.iter().map(|(_, n)| n).sum::<usize>());
    // The grouped codes, apart from their counts: a group is built again only
    // when codes come into or leave the groups, so that an edit keeps each
    // group on the page it shows.
    let grouped = Memo::new(move |_| {
        tally.with(|t| t.iter().filter(|(_, n)| *n > GROUP_ABOVE).map(|(code, _)| *code).collect::<Vec<_>>())
    });
    let heading_id = format!("findings-{}", severity.code());
    let plain = Which { severity, group: None, filter, tally };
    view! {
        <Show when=move || count() != 0>
            <h3 id=heading_id.clone() class=format!("severity severity-{}", severity.code())>
                {move || state.t(severity_heading(severity))}
            </h3>
            <FindingList which=plain labelled_by=heading_id.clone()/>
            {move || grouped.get().into_iter().map(|code| {
                let group_id = format!("findings-{}", code.as_str());
                let n = move || tally.with(|t| t.iter().find(|(c, _)| *c == code).map_or(0, |(_, n)| *n));
                let which = Which { group: Some(code), ..plain };
                view! {
                    <details class="finding-group" open data-group=code.as_str()>
                        <summary>
                            <span class="group-title" id=group_id.clone()>{move || crate::analysis::findings::title(code, state.lang.get())}</span>" "
                            <span class="group-count">{move || n().to_string()}</span>
                        </summary>
                        <FindingList which=which labelled_by=group_id/>
                    </details>
                }
            }).collect_view()}
        </Show>
    }
}

/// One list of findings, a page at a time (a map of thousands of stakeholders can
/// have tens of thousands), with its pager.
#[component]
fn FindingList(which: Which, labelled_by: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = RwSignal::new(0);
    let count = move || {
        which.filter.with(|f| {
            which.tally.with(|g| {
                state.analysis.with(|a| a.findings.iter().filter(|x| which.holds(x, f.as_ref(), g)).count())
            })
        })
    };
    let pages = Signal::derive(move || Pages::new(count(), Pages::FINDINGS));
    // (position in the findings list, finding, its explanation) on the page shown;
    // built in a task of its own (see `later`).
    let items = one_task_later(
        move || {
            let shown = pages.get().rows(page.get());
            let lang = state.lang.get();
            which.filter.with(|f| {
                which.tally.with(|g| {
                    state.content.with(|m| {
                        state.analysis.with(|a| {
                            a.findings
                                .iter()
                                .enumerate()
                                .filter(|(_, x)| which.holds(x, f.as_ref(), g))
                                .skip(shown.start)
                                .take(shown.len())
                                .map(|(position, x)| (position, x.clone(), x.explain(m, lang)))
                                .collect::<Vec<_>>()
                        })
                    })
                })
            })
        },
        state.big_map,
    );
    let severity = which.severity;
    let pager_name = Signal::derive(move || match which.group {
        Some(code) => crate::analysis::findings::title(code, state.lang.get()).to_string(),
        None => state.t(severity_heading(severity)).to_string(),
    });
    view! {
        <Show when=move || count() != 0>
            <ul class="finding-list" aria-labelledby=labelled_by.clone()>
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
            <Pager pages=pages page=page list=severity_heading(severity) named=pager_name/>
        </Show>
    }
}
