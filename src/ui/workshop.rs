//! Workshop (projector) mode: the map on a wall for a room. Full screen, white on
//! black with large type, the editing chrome hidden (the style sheet lays out
//! `html.workshop`), the map revealed step by step from the keyboard (see
//! [`simpul::drawing::reveal`]), and a quick-entry field for what the room calls out.

use super::fields::QuickAdd;
use super::findings::{severity_heading, Headlines, HEADLINE_LIT};
use super::on_demand::{kept_once, part, when_fetched};
use super::state::{AppState, MapView};
use super::web;
use leptos::ev;
use leptos::prelude::*;
use simpul::drawing::reveal::{Step, Walk};
use simpul::i18n::Text;
use wasm_bindgen::JsCast;

const STAGE_ID: &str = "workshop-stage";
const ADD_ID: &str = "workshop-add";

/// Opens workshop mode on the open map, at the first step.
pub fn enter(state: AppState) {
    if state.doc.with_untracked(Option::is_some) {
        state.help.set(false);
        state.workshop.set(Some(Step::Actors));
    }
}

fn go(state: AppState, to: impl FnOnce(Step, Walk) -> Step) {
    let walk = untrack(|| walk(state));
    state.workshop.update(|w| *w = w.map(|step| to(step, walk)));
}

/// What the room walks through now: the findings, and a comparison if one is shown.
fn walk(state: AppState) -> Walk {
    Walk {
        findings: state.analysis.with(|a| a.findings.len()),
        changes: state.compared.with(Option::is_some),
    }
}

/// `active_finding`'s position while the step of what changed lights the new
/// and the changed.
const CHANGES_LIT: usize = usize::MAX - 2;

/// Workshop mode, fetched the first time it is entered and kept from then on, so
/// that its effects see it leave.
#[component]
pub fn Workshop() -> impl IntoView {
    let state = expect_context::<AppState>();
    let entered = kept_once(move || state.workshop.with(Option::is_some));
    move || entered.get().then(|| when_fetched(workshop_mode()))
}

part!(workshop, fn workshop_mode() => view! { <WorkshopMode/> });

#[component]
fn WorkshopMode() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on = move || state.workshop.with(Option::is_some);

    // Full screen and the projector's style follow the mode. Leaving full screen by
    // the browser's own means leaves the mode; the page then is as it was.
    let on_leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || state.workshop.set(None))
        .into_js_value()
        .unchecked_into::<js_sys::Function>();
    Effect::new(move |was: Option<bool>| {
        let now = on();
        if was.unwrap_or(false) != now {
            web::projector(now, &on_leave);
            if now {
                web::focus_by_id(STAGE_ID);
            } else {
                state.active_finding.set(None);
                state.view.set(MapView::Network);
            }
        }
        now
    });

    // Each step shows its picture; the findings step lights the finding's subjects.
    // An edit that removes findings keeps the step on the last one.
    Effect::new(move |_| {
        let Some(step) = state.workshop.get() else { return };
        let walk = walk(state);
        let findings = walk.findings;
        if step.within(walk) != step {
            state.workshop.set(Some(step.within(walk)));
            return;
        }
        let view = if step == Step::PowerInterest { MapView::Grid } else { MapView::Network };
        if state.view.get_untracked() != view {
            state.view.set(view);
        }
        let active = match step {
            Step::Chosen => state.map.with(chosen_subjects).map(|subjects| (usize::MAX, subjects)),
            // What changed lights the new and the changed.
            Step::Changes => state.compared.with(|c| {
                c.as_ref().map(|c| (CHANGES_LIT, c.added.iter().chain(&c.changed).cloned().collect()))
            }),
            // The summary lights what the room chooses among its headlines.
            Step::Summary => {
                state.active_finding.with_untracked(|a| a.clone().filter(|(p, _)| *p == HEADLINE_LIT))
            }
            _ => step.finding(findings).and_then(|k| {
                state.analysis.with_untracked(|a| a.findings.get(k).map(|f| (k, f.subjects.clone())))
            }),
        };
        if state.active_finding.with_untracked(|a| *a != active) {
            state.active_finding.set(active);
        }
    });

    let _keys = window_event_listener(ev::keydown, move |event| {
        if state.workshop.with_untracked(Option::is_none)
            || event.default_prevented()
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || state.help.get_untracked()
        {
            return;
        }
        let key = event.key();
        if web::in_text_field(&event) {
            // Escape in the entry field goes back to the steps; other keys type.
            if key == "Escape" {
                web::focus_now(STAGE_ID);
                event.prevent_default();
            }
            return;
        }
        match (web::target_tag(&event).as_deref(), key.as_str()) {
            // A focused button takes Space and Enter itself.
            (Some("BUTTON"), " " | "Enter") => return,
            (_, "ArrowRight" | "ArrowDown" | "PageDown" | " ") => go(state, Step::next),
            (_, "ArrowLeft" | "ArrowUp" | "PageUp") => go(state, |s, n| s.previous(n)),
            (_, "Home") => go(state, |_, _| Step::Actors),
            (_, "n" | "N") => web::focus_now(ADD_ID),
            (_, "Escape") => state.workshop.set(None),
            _ => return,
        }
        event.prevent_default();
    });

    view! {
        <Show when=on>
            <WorkshopBar/>
        </Show>
    }
}

/// The strip under the picture: where the reveal is, the finding on show, the
/// entry field and the step buttons.
#[component]
fn WorkshopBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let step = move || state.workshop.get().unwrap_or(Step::Actors);
    let findings = move || state.analysis.with(|a| a.findings.len());
    let caption =
        move || {
            let (step, walk) = (step(), walk(state));
            let of = state
                .t(Text::WorkshopStepOf)
                .replacen("{}", &step.number(walk).to_string(), 1)
                .replacen("{}", &walk.steps().to_string(), 1);
            let what = match step {
                Step::Actors => state.t(Text::StepActors).to_string(),
                Step::Sectors => state.t(Text::StepSectors).to_string(),
                Step::Links => state.t(Text::StepLinks).to_string(),
                Step::PowerInterest => state.t(Text::StepPowerInterest).to_string(),
                Step::Summary => state.t(Text::StepSummary).replace("{}", &findings().to_string()),
                Step::Finding(_) if findings() == 0 => state.t(Text::FindingsHeading).to_string(),
                Step::Finding(k) => state
                    .t(Text::StepFinding)
                    .replacen("{}", &(k + 1).to_string(), 1)
                    .replacen("{}", &findings().to_string(), 1),
                Step::Changes => state.t(Text::ChangedSince).replace(
                    "{}",
                    &state.compared.with(|c| c.as_ref().map(|c| c.since.clone()).unwrap_or_default()),
                ),
                Step::Chosen => state.t(Text::StepChosen).to_string(),
            };
            [of.as_str(), " · ", &what].concat()
        };
    let finding = move || {
        match step() {
            Step::Chosen => return Some(view! { <Chosen/> }.into_any()),
            Step::Summary => return Some(view! { <Summary/> }.into_any()),
            Step::Changes => return Some(view! { <ChangesSince/> }.into_any()),
            _ => {}
        }
        let Step::Finding(k) = step() else { return None };
        let Some(finding) = state.analysis.with(|a| a.findings.get(k).cloned()) else {
            return Some(
                view! { <div class="workshop-finding"><p>{state.t(Text::NoFindings)}</p></div> }.into_any(),
            );
        };
        let explanation = state.content.with(|m| finding.explain(m, state.lang.get()));
        let severity = finding.severity;
        Some(
            view! {
                <div class=format!("workshop-finding severity-{}", severity.code()) data-shows=finding.subjects.join(" ")>
                    <p class="workshop-finding-title">
                        <span class="severity-label">{state.t(severity_heading(severity))}</span>
                        " · "{explanation.title}
                    </p>
                    <p>{explanation.message}</p>
                    <p><span class="label">{state.t(Text::Suggestion)}</span>" "{explanation.action}</p>
                </div>
            }
            .into_any(),
        )
    };
    // A typed link shows at once: an earlier step moves on to the links.
    let add = Callback::new(move |line: String| {
        if state.enter_line(&line) {
            state.workshop.update(|w| *w = w.map(|s| s.at_least(Step::Links)));
        }
    });
    view! {
        <section id=STAGE_ID class="workshop-bar" tabindex="-1" aria-label=state.tr(Text::WorkshopMode)>
            <div class="workshop-caption" aria-live="polite" aria-atomic="true">
                <h1 class="workshop-step">{caption}</h1>
                {finding}
            </div>
            <div class="workshop-controls">
                <QuickAdd id=ADD_ID label=Text::WorkshopAdd hint=Text::WorkshopAddHint on_add=add/>
                <div class="workshop-nav">
                    <button type="button" aria-keyshortcuts="ArrowLeft" disabled=move || step() == Step::Actors
                        on:click=move |_| go(state, |s, n| s.previous(n))>
                        {state.tr(Text::StepPrevious)}
                    </button>
                    <button type="button" aria-keyshortcuts="ArrowRight" disabled=move || step().next(walk(state)) == step()
                        on:click=move |_| go(state, Step::next)>
                        {state.tr(Text::StepNext)}
                    </button>
                    // While the room votes, its tallies are a press away from any step.
                    {move || {
                        let dots = state.map.with(|m| m.open_vote().map(simpul::model::Vote::total_dots))?;
                        (step() != Step::Chosen).then(|| view! {
                            <button type="button" class="workshop-vote" on:click=move |_| state.workshop.set(Some(Step::Chosen))>
                                {state.t(Text::ShowVote).replace("{}", &dots.to_string())}
                            </button>
                        })
                    }}
                    <button type="button" aria-keyshortcuts="Escape" on:click=move |_| state.workshop.set(None)>
                        {state.tr(Text::WorkshopLeave)}
                    </button>
                </div>
            </div>
            <p class="workshop-keys" aria-hidden="true">{state.tr(Text::WorkshopKeys)}</p>
        </section>
    }
}

/// The options of the map's latest vote that got the most dots (up to three, and
/// all that tie with the third): whom the picture lights at the last step.
fn chosen_subjects(map: &simpul::model::Map) -> Option<Vec<String>> {
    let vote = map.votes.last()?;
    let tallies = vote.tallies();
    let third = tallies.get(CHOSEN_LIT - 1).map_or(1, |t| t.dots.max(1));
    let subjects: Vec<String> = tallies
        .iter()
        .take_while(|t| t.dots >= third)
        .flat_map(|t| t.option.subjects.iter().cloned())
        .collect();
    (!subjects.is_empty()).then_some(subjects)
}

/// Options the last step lights on the picture.
const CHOSEN_LIT: usize = 3;
/// Options the last step lists.
const CHOSEN_LISTED: usize = 10;

/// The last step: the room's latest vote, ranked, with its dots.
#[component]
fn Chosen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ranked = move || {
        state.map.with(|map| {
            let vote = map.votes.last()?;
            let rows: Vec<(String, usize)> = vote
                .tallies()
                .iter()
                .filter(|t| t.dots > 0)
                .take(CHOSEN_LISTED)
                .map(|t| (t.option.label.clone(), t.dots))
                .collect();
            Some((vote.question.clone(), vote.open, rows))
        })
    };
    view! {
        <div class="workshop-finding workshop-chosen">
            {move || match ranked() {
                None => view! { <p>{state.tr(Text::NoVoteYet)}</p> }.into_any(),
                Some((question, open, rows)) => view! {
                    <p class="workshop-finding-title">{question}</p>
                    <ol class="chosen-list">
                        {rows.into_iter().map(|(label, dots)| view! {
                            <li><span>{label}</span>" "<b>{state.t(Text::DotCount).replace("{}", &dots.to_string())}</b></li>
                        }).collect_view()}
                    </ol>
                    {(!open).then(|| view! { <p class="label">{state.tr(Text::VoteClosed)}</p> })}
                }.into_any(),
            }}
        </div>
    }
}

/// The findings of a map with many, in short: each headline lights its findings'
/// subjects on the picture when chosen.
#[component]
fn Summary() -> impl IntoView {
    view! {
        <div class="workshop-finding workshop-summary">
            <Headlines class="workshop-headlines"/>
        </div>
    }
}

/// What changed since the map compared with, in counts; the picture marks each.
#[component]
fn ChangesSince() -> impl IntoView {
    let state = expect_context::<AppState>();
    let counts = move || {
        state.compared.with(|c| {
            c.as_ref().map(|c| {
                let people = state
                    .t(Text::ChangeCounts)
                    .replacen("{}", &c.added.len().to_string(), 1)
                    .replacen("{}", &c.removed.len().to_string(), 1)
                    .replacen("{}", &c.changed.len().to_string(), 1);
                let findings = state
                    .t(Text::FindingsSinceCounts)
                    .replacen("{}", &c.findings_resolved.to_string(), 1)
                    .replacen("{}", &c.findings_new.to_string(), 1);
                (people, findings)
            })
        })
    };
    view! {
        <div class="workshop-finding workshop-changes">
            {move || counts().map(|(people, findings)| view! {
                <p><span class="label">{state.t(Text::StakeholdersHeading)}": "</span>{people}</p>
                <p><span class="label">{state.t(Text::FindingsHeading)}": "</span>{findings}</p>
                <p class="hint">{state.t(Text::ChangeMarks)}</p>
            })}
        </div>
    }
}
