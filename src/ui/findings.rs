//! The Findings region (PRODUCT.md §7): every finding grouped by severity, each
//! list item carrying `data-finding` and `data-subjects`. Choosing one highlights
//! its subjects in the table and selects the first stakeholder among them.
//!
//! A map with many findings opens on a summary of at most seven headlines (see
//! `analysis::findings::summary`); choosing one shows only the findings it stands
//! for. Within a severity, a code with more than ten findings is a group of its
//! own, with its count, paged apart.

use super::later::one_task_later;
use super::on_demand::{part, when_fetched};
use super::pager::Pager;
use super::state::AppState;
use leptos::prelude::*;
use simpul::analysis::findings::{Code, Explanation, Headline, Severity};
use simpul::analysis::thresholds::GROUP_ABOVE;
use simpul::i18n::Text;
use simpul::model::StakeholderId;
use simpul::pages::Pages;

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

/// The findings panel: its heading and count come with the first map; its lists
/// are fetched with the inspector as the page starts (the findings come from the
/// background worker a moment later anyway), the region busy until both are in.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || state.analysis.with(|a| a.findings.len());
    let fetched = RwSignal::new(false);
    view! {
        <section class="findings panel" aria-labelledby="findings-heading"
            aria-busy=move || (state.analysing.get() || !fetched.get()).to_string()>
            <div class="panel-head">
                <h2 id="findings-heading">{state.tr(Text::FindingsHeading)}</h2>
                <p class="map-meta" aria-hidden="true">{move || state.t(Text::FindingCount).replace("{}", &count().to_string())}</p>
            </div>
            {when_fetched(async move {
                let lists = findings_lists().await;
                fetched.set(true);
                lists
            })}
        </section>
    }
}

part!(panels, fn findings_lists() => view! { <FindingsLists/> });

#[component]
fn FindingsLists() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || state.analysis.with(|a| a.findings.len());
    // The headline whose findings alone are listed, if one is chosen.
    let filter = RwSignal::new(None::<Headline>);
    // The positions of the findings listed, by code, in one pass over them per
    // analysis (a map of 5,000 has 18,000): every list takes its part from here.
    let listed = Memo::new(move |_| {
        state.analysis.with(|a| {
            filter.with(|shown| {
                let mut by_code: Vec<(Code, Vec<u32>)> = Vec::new();
                let covered =
                    a.findings.iter().enumerate().filter(|(_, f)| shown.as_ref().is_none_or(|h| h.covers(f)));
                for (position, f) in covered {
                    match by_code.iter_mut().find(|(code, _)| *code == f.code) {
                        Some((_, positions)) => positions.push(position as u32),
                        None => by_code.push((f.code, vec![position as u32])),
                    }
                }
                by_code
            })
        })
    });
    view! {
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
            {Severity::ALL.into_iter().map(|severity| view! { <SeverityGroup severity=severity listed=listed/> }).collect_view()}
        </div>
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
/// panel; workshop mode only lights them, and keeps which is chosen itself).
#[component]
pub(super) fn Headlines(
    #[prop(optional)] filter: Option<RwSignal<Option<Headline>>>,
    class: &'static str,
    #[prop(optional)] labelled_by: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = filter.unwrap_or_else(|| RwSignal::new(None));
    view! {
        <ol class=class aria-labelledby=(!labelled_by.is_empty()).then_some(labelled_by)>
            {move || headlines_said(state).into_iter().map(|(headline, said)| {
                let severity = headline.severity();
                let pressed = {
                    let headline = headline.clone();
                    move || chosen.with(|c| c.as_ref() == Some(&headline))
                };
                let choose = {
                    let (headline, pressed) = (headline.clone(), pressed.clone());
                    move |_| {
                        if pressed() {
                            show_all(state, chosen);
                            return;
                        }
                        state.active_finding.set(Some((HEADLINE_LIT, subjects_of(state, &headline))));
                        chosen.set(Some(headline.clone()));
                    }
                };
                view! {
                    <li class=format!("headline severity-{}", severity.code()) data-headline=headline.code.as_str()>
                        <button type="button" class="headline-button" aria-pressed=move || pressed().to_string() on:click=choose>
                            <span class="headline-severity">{move || state.t(severity_heading(severity))}</span>
                            <span class="headline-text">{said}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// No headline chosen any more: every finding is listed, and theirs unlit.
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

/// The findings listed (see `FindingsPanel`): each code's positions, in order.
type Listed = Memo<Vec<(Code, Vec<u32>)>>;

/// Which findings a list holds: those of `severity`, either of one grouped
/// `code`, or of every code of the severity not grouped.
#[derive(Clone, Copy)]
struct Which {
    severity: Severity,
    group: Option<Code>,
    listed: Listed,
}

impl Which {
    /// The positions of its findings in the analysis's list, in order (a
    /// severity's codes come one after the other there).
    fn positions(&self) -> Vec<u32> {
        self.listed.with(|by_code| {
            by_code
                .iter()
                .filter(|(code, positions)| match self.group {
                    Some(group) => *code == group,
                    None => code.severity() == self.severity && positions.len() <= GROUP_ABOVE,
                })
                .flat_map(|(_, positions)| positions.iter().copied())
                .collect()
        })
    }
}

#[component]
fn SeverityGroup(severity: Severity, listed: Listed) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || {
        listed.with(|b| {
            b.iter().filter(|(code, _)| code.severity() == severity).map(|(_, p)| p.len()).sum::<usize>()
        })
    };
    // The grouped codes, apart from their counts: a group is built again only
    // when codes come into or leave the groups, so that an edit keeps each
    // group on the page it shows.
    let grouped = Memo::new(move |_| {
        listed.with(|b| {
            b.iter()
                .filter(|(code, positions)| code.severity() == severity && positions.len() > GROUP_ABOVE)
                .map(|(code, _)| *code)
                .collect::<Vec<_>>()
        })
    });
    let heading_id = format!("findings-{}", severity.code());
    let plain = Which { severity, group: None, listed };
    view! {
        <Show when=move || count() != 0>
            <h3 id=heading_id.clone() class=format!("severity severity-{}", severity.code())>
                {move || state.t(severity_heading(severity))}
            </h3>
            <FindingList which=plain labelled_by=heading_id.clone()/>
            {move || grouped.get().into_iter().map(|code| {
                let group_id = format!("findings-{}", code.as_str());
                let n = move || listed.with(|b| b.iter().find(|(c, _)| *c == code).map_or(0, |(_, p)| p.len()));
                let which = Which { group: Some(code), ..plain };
                view! {
                    <details class="finding-group" open data-group=code.as_str()>
                        <summary>
                            <span class="group-title" id=group_id.clone()>{move || simpul::analysis::findings::title(code, state.lang.get())}</span>" "
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
    let positions = Memo::new(move |_| which.positions());
    let count = move || positions.with(Vec::len);
    let per_page = if which.group.is_some() { Pages::FINDING_GROUP } else { Pages::FINDINGS };
    let pages = Signal::derive(move || Pages::new(count(), per_page));
    // (position in the findings list, finding, its explanation) on the page shown;
    // built in a task of its own (see `later`).
    let items = one_task_later(
        move || {
            let shown = pages.get().rows(page.get());
            let lang = state.lang.get();
            positions.with(|positions| {
                state.content.with(|m| {
                    state.analysis.with(|a| {
                        positions[shown.start.min(positions.len())..shown.end.min(positions.len())]
                            .iter()
                            .filter_map(|&p| {
                                let x = a.findings.get(p as usize)?;
                                Some((p as usize, x.clone(), x.explain(m, lang)))
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
        },
        state.big_map,
    );
    let severity = which.severity;
    let pager_name = Signal::derive(move || match which.group {
        Some(code) => simpul::analysis::findings::title(code, state.lang.get()).to_string(),
        None => state.t(severity_heading(severity)).to_string(),
    });
    view! {
        <Show when=move || count() != 0>
            <ul class="finding-list" aria-labelledby=labelled_by.clone()>
                // Keyed by the finding alone, not by where it is in the analysis's
                // list nor by its words: a finding that comes or goes moves those
                // after it, and each analysis of a growing map rewords many (their
                // numbers change). An item stays while its finding does; its
                // position and words follow in place (rebuilt, every item of every
                // list was the projector's work after each edit of a room).
                <For
                    each=move || items.get()
                    key=|(_, finding, _)| (finding.code.as_str(), finding.subjects.clone())
                    let:item
                >
                {
                    let (first, finding, first_words) = item;
                    let now = {
                        let (code, subjects) = (finding.code, finding.subjects.clone());
                        Memo::new(move |_| {
                            items.with(|items| {
                                items
                                    .iter()
                                    .find(|(_, f, _)| f.code == code && f.subjects == subjects)
                                    .map_or_else(|| (first, first_words.clone()), |(p, _, words)| (*p, words.clone()))
                            })
                        })
                    };
                    let position = move || now.with(|(p, _)| *p);
                    let words = move |part: fn(&Explanation) -> &String| move || now.with(|(_, w)| part(w).clone());
                    let subjects = finding.subjects.join(" ");
                    let active = move || state.active_finding.with(|a| a.as_ref().map(|(p, _)| *p) == Some(position()));
                    let choose = {
                        let subjects = finding.subjects.clone();
                        move |_| {
                            if active() {
                                state.active_finding.set(None);
                                return;
                            }
                            state.active_finding.set(Some((now.with_untracked(|(p, _)| *p), subjects.clone())));
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
                            <p class="finding-title"><strong>{words(|w| &w.title)}</strong></p>
                            <p>{words(|w| &w.message)}</p>
                            <p class="finding-action"><span class="label">{state.tr(Text::Suggestion)}</span>" "{words(|w| &w.action)}</p>
                            <button class="quiet" aria-pressed=move || active().to_string() on:click=choose>
                                {move || if active() { state.t(Text::StopHighlighting) } else { state.t(Text::ShowOnMap) }}
                                <span class="visually-hidden">": "{words(|w| &w.title)}</span>
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
