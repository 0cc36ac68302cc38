//! The dot vote as a room sees it: each option with its tally, this participant's
//! dots and the buttons to place and take them back (the projector shows the
//! same tallies live), and the facilitator's form to hold a vote.

use super::state::AppState;
use leptos::prelude::*;
use simpul::i18n::Text;
use simpul::model::{Vote, VoteOn};

/// The open vote of a room this page is in; nothing otherwise.
#[component]
pub fn VotePanel() -> impl IntoView {
    super::room::room_view(expect_context::<AppState>(), super::room::RoomView::Votes)
}

#[component]
pub(super) fn RoomVotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let voter = Memo::new(move |_| state.room_mark.get());
    let vote = Memo::new(move |_| {
        voter.with(Option::is_some).then(|| state.map.with(|m| m.open_vote().cloned())).flatten()
    });
    // A vote that opens is put in front of each participant: on a phone the
    // sheet turns to it, and a folded side panel opens.
    let workspace = expect_context::<super::workspace::Workspace>();
    Effect::new(move |was: Option<Option<String>>| {
        let now = vote.with(|v| v.as_ref().map(|v| v.id.clone()));
        if now.is_some() && was.is_some_and(|was| was != now) {
            workspace.sheet.set(super::workspace::SheetTab::Findings);
            workspace.side_open.set(true);
        }
        now
    });
    let voter = move || voter.get().unwrap_or_default();
    // Each option's dots (ballot order) and the most any has: counted once per
    // change, for every row.
    let counts = Memo::new(move |_| {
        let dots: Vec<usize> = vote.with(|v| {
            v.as_ref().map(|v| v.counts().into_iter().map(|(dots, _)| dots).collect()).unwrap_or_default()
        });
        let most = dots.iter().copied().max().unwrap_or(0);
        (dots, most)
    });
    let ballot = Memo::new(move |_| {
        vote.with(|v| {
            v.as_ref().map(|v| v.options.iter().map(|o| (o.key.clone(), o.label.clone())).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    });
    view! {
        <Show when=move || vote.with(Option::is_some)>
            <section class="vote-panel" aria-labelledby="vote-heading">
                <h2 id="vote-heading">{state.tr(Text::VoteHeading)}</h2>
                <p class="vote-question">{move || vote.with(|v| v.as_ref().map(|v| v.question.clone()))}</p>
                <p class="vote-left" role="status">{move || vote.with(|v| {
                    let v = v.as_ref()?;
                    Some(state.t(Text::DotsLeft).replacen("{}", &v.dots_left(&voter()).to_string(), 1)
                        .replacen("{}", &v.dots_each.to_string(), 1))
                })}</p>
                <ol class="vote-options">{move || {
                    // Built again only for a new ballot: the rows follow the tallies
                    // themselves, so a button keeps its focus as dots come in.
                    ballot.get().into_iter().enumerate().map(|(at, (key, label))| view! { <VoteRow at key label vote counts voter=Signal::derive(voter)/> }).collect_view()
                }}</ol>
                <p class="vote-totals">{move || vote.with(|v| v.as_ref().map(|v| {
                    state.t(Text::VoteTotals).replacen("{}", &v.total_dots().to_string(), 1)
                        .replacen("{}", &v.dots.len().to_string(), 1)
                }))}</p>
                <button type="button" class="quiet" on:click=move |_| state.close_vote()>{state.tr(Text::CloseVote)}</button>
            </section>
        </Show>
    }
}

/// One option (the `at`-th of the ballot): its label, its tally as a number and a
/// bar, and this participant's dots.
#[component]
fn VoteRow(
    at: usize,
    key: String,
    label: String,
    vote: Memo<Option<Vote>>,
    counts: Memo<(Vec<usize>, usize)>,
    voter: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let counts = {
        let key = key.clone();
        Memo::new(move |_| {
            let (dots, most) = counts.with(|(dots, most)| (dots.get(at).copied().unwrap_or(0), *most));
            let (mine, left) = vote.with(|v| {
                v.as_ref().map_or((0, 0), |v| {
                    voter.with(|me| (v.dots_of(me).iter().filter(|k| **k == key).count(), v.dots_left(me)))
                })
            });
            (dots, most, mine, left)
        })
    };
    let add_label = state.t(Text::AddDot).replace("{}", &label);
    let take_label = state.t(Text::TakeDot).replace("{}", &label);
    let (add_key, take_key) = (key.clone(), key.clone());
    view! {
        <li class="vote-option" data-vote-option=key>
            <span class="vote-label">{label}</span>
            <span class="vote-tally" data-vote-tally>{move || counts.get().0}</span>
            <span class="vote-bar" aria-hidden="true">
                <span style:width=move || {
                    let (dots, most, ..) = counts.get();
                    format!("{}%", (dots * 100).checked_div(most).unwrap_or(0))
                }></span>
            </span>
            <span class="vote-mine" title=move || state.t(Text::YourDots).replace("{}", &counts.get().2.to_string())>
                {move || "●".repeat(counts.get().2)}
            </span>
            <button type="button" class="vote-take" aria-label=take_label.clone() title=take_label
                disabled=move || counts.get().2 == 0 on:click=move |_| state.take_dot(&take_key)>"−"</button>
            <button type="button" class="vote-add" aria-label=add_label.clone() title=add_label
                disabled=move || counts.get().3 == 0 on:click=move |_| state.place_dot(&add_key)>"+"</button>
        </li>
    }
}

/// The facilitator's form in the room's dialog: how many dots each, and a vote
/// on the findings or on the stakeholders.
#[component]
pub fn HoldVote() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dots = NodeRef::<leptos::html::Input>::new();
    let start = move |on: VoteOn| {
        let each = dots.get_untracked().and_then(|field| field.value().trim().parse::<u8>().ok());
        state.start_vote(on, each.unwrap_or(Vote::DEFAULT_DOTS));
        state.room_dialog.set(false);
    };
    view! {
        <details class="room-vote">
            <summary>{state.tr(Text::HoldVote)}</summary>
            <p>{state.tr(Text::HoldVoteExplained)}</p>
            <label class="vote-dots-each">
                <span>{state.tr(Text::DotsEach)}</span>
                <input type="number" min="1" max="10" value="3" node_ref=dots/>
            </label>
            <div class="vote-starts">
                <button type="button" class="primary" on:click=move |_| start(VoteOn::Findings)>{state.tr(Text::VoteOnFindings)}</button>
                <button type="button" class="primary" on:click=move |_| start(VoteOn::Stakeholders)>{state.tr(Text::VoteOnStakeholders)}</button>
            </div>
        </details>
    }
}
