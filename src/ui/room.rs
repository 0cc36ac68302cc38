//! Workshop rooms in the UI: *Open a room* in the toolbar, the room's dialog (the
//! join link, its QR code, who is in, the connection) and the name asked of
//! someone who opens a join link.

use super::canvas::{Ring, RingAt};
use super::network::PeersOnPicture;
use super::on_demand::{part, when_fetched};
use super::state::{room, AppState};
use super::toolbar::ToolButton;
use leptos::prelude::*;
use simpul::i18n::Text;
use simpul::model::StakeholderId;

/// *Open a room*, and the room's chip (which hides the button while the page is
/// in a room: see `style/shell.css`).
#[component]
pub fn RoomButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <ToolButton icon="◎" label=Text::OpenRoom class="room-tool" disabled=Signal::derive(move || state.doc.with(Option::is_none))
            on_click=Callback::new(move |_| state.open_room())/>
        {room_view(state, RoomView::Chip)}
    }
}

/// A view of the room's, each in its place on the page.
// Made once for each place (the network view's handle is large); never boxed, so
// that it stays `Copy` for the one closure `room_view` makes.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
pub enum RoomView {
    /// In the toolbar: how many are in the room.
    Chip,
    /// The room's dialog or the join form, whichever is wanted.
    Dialogs,
    /// The open vote, in the side panel.
    Votes,
    /// What the others have selected, on the picture.
    PeerRings(PeersOnPicture),
}

/// `which` view of the room's, from the first time this page uses a room (opens
/// or joins one, or has one named in its address) on: each decides for itself what
/// to show. Before that, nothing, and no code of the room's is fetched. One
/// function for every place, and one entry into the room's part, so that the first
/// download holds their code once.
#[inline(never)]
pub fn room_view(state: AppState, which: RoomView) -> impl IntoView {
    move || state.room_used.get().then(|| when_fetched(room_view_part(which)))
}

part!(room, fn room_view_part(which: RoomView) => match which {
    RoomView::Chip => view! { <RoomChip/> }.into_any(),
    RoomView::Dialogs => view! { <Dialogs/> }.into_any(),
    RoomView::Votes => view! { <super::vote::RoomVotes/> }.into_any(),
    RoomView::PeerRings(picture) => view! { <PeerRings picture/> }.into_any(),
});

/// In a room, how many are in it, which opens the room's dialog; and the room is
/// told what this participant has selected.
#[component]
fn RoomChip() -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| {
        let selected = state.selected.with(|s| s.as_ref().map(ToString::to_string));
        state.send_selection(selected);
    });
    // A handle of this view's on the page's one room signal.
    let room = RwSignal::from(room());
    let count = move || room.with(|r| r.as_ref().map_or(0, |r| r.people.len()));
    let offline = move || room.with(|r| r.as_ref().is_some_and(|r| r.online == Some(false)));
    view! {
        <Show when=move || state.room_mark.with(Option::is_some)>
            <button type="button" class="room-chip" class:offline=offline on:click=move |_| state.room_dialog.set(true)>
                <b data-room-participants>{count}</b><span class="room-chip-text">" "{state.tr(Text::PeopleInRoom)}</span>
            </button>
        </Show>
    }
}

/// What the others in the room have selected, ringed on the picture in their
/// colours (the network view shows this while the page is in a room).
#[component]
fn PeerRings(picture: PeersOnPicture) -> impl IntoView {
    let state = expect_context::<AppState>();
    let room = RwSignal::from(room());
    Effect::new(move |_| {
        let in_room = state.room_mark.with(Option::is_some);
        let peers: Vec<Ring> = room.with(|room| {
            let Some(room) = room.as_ref().filter(|_| in_room) else { return Vec::new() };
            state.map.with(|map| {
                room.people
                    .iter()
                    .filter(|p| !p.me)
                    .filter_map(|p| {
                        let i = map.stakeholder_index(&StakeholderId::new(p.selected.as_deref()?))?;
                        Some(Ring {
                            at: RingAt::Stakeholder(i),
                            colour: p.colour.clone(),
                            label: p.name.clone(),
                            dashed: false,
                        })
                    })
                    .collect()
            })
        });
        picture.show(peers);
    });
    on_cleanup(move || picture.show(Vec::new()));
}

/// The room's dialog and the join form, when either is wanted.
#[component]
pub fn RoomDialogs() -> impl IntoView {
    room_view(expect_context::<AppState>(), RoomView::Dialogs)
}

/// The dialog wanted now: the room's, or the join form.
#[component]
fn Dialogs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = Memo::new(move |_| state.room_dialog.get() && state.room_mark.with(Option::is_some));
    view! {
        {move || shown.get().then(|| view! { <RoomDialog/> })}
        {move || state.joining.get().map(|id| view! { <JoinDialog id/> })}
    }
}

#[component]
fn RoomDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    super::web::focus_by_id("room-close");
    let handle = RwSignal::from(room());
    let room = move || handle.get().unwrap_or_default();
    let status = move || {
        let room = room();
        match room.online {
            None => state.t(Text::RoomConnecting).to_string(),
            Some(true) => state.t(Text::RoomOnline).to_string(),
            Some(false) => {
                state.t(Text::RoomOffline).replace("{}", &room.retry_ms.div_ceil(1000).to_string())
            }
        }
    };
    let people = move || {
        room()
            .people
            .into_iter()
            .map(|person| {
                view! {
                    <li>
                        <span class="room-dot" style:background-color=person.colour aria-hidden="true"></span>
                        {person.name}
                        {person.me.then(|| view! { " (" {state.tr(Text::RoomYou)} ")" })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="help-backdrop">
            <div class="room card" role="dialog" aria-modal="true" aria-labelledby="room-heading"
                on:keydown=move |e| if e.key() == "Escape" { state.room_dialog.set(false) }>
                <h2 id="room-heading">{state.tr(Text::RoomHeading)}</h2>
                <p>{state.tr(Text::RoomExplained)}</p>
                <div class="room-qr" role="img" aria-label=state.tr(Text::RoomQrCode) inner_html=move || room().qr></div>
                <label class="room-link">
                    <span>{state.tr(Text::RoomLink)}</span>
                    <input readonly data-room-link prop:value=move || room().link
                        on:focus=|e| super::web::select_field(&e)/>
                </label>
                <p role="status" class="room-status">{status}</p>
                <h3>{move || room().people.len()}" "{state.tr(Text::PeopleInRoom)}</h3>
                <ul class="room-people">{people}</ul>
                <super::vote::HoldVote/>
                <p class="room-safety">{state.tr(Text::RoomSafety)}</p>
                <div class="room-actions">
                    <button on:click=move |_| state.leave_room()>{state.tr(Text::LeaveRoom)}</button>
                    <button id="room-close" class="primary" on:click=move |_| state.room_dialog.set(false)>{state.tr(Text::Close)}</button>
                </div>
            </div>
        </div>
    }
}

#[component]
fn JoinDialog(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    super::web::focus_by_id("join-name");
    let name = RwSignal::new(String::new());
    let join = move || {
        let chosen = name.get_untracked();
        if !chosen.trim().is_empty() {
            state.join_room(&id, &chosen);
        }
    };
    view! {
        <div class="help-backdrop">
            <div class="room card" role="dialog" aria-modal="true" aria-labelledby="join-heading">
                <form on:submit=move |e| { e.prevent_default(); join(); }>
                    <h2 id="join-heading">{state.tr(Text::JoinHeading)}</h2>
                    <p>{state.tr(Text::JoinExplained)}</p>
                    <label for="join-name">{state.tr(Text::YourName)}</label>
                    <input id="join-name" required maxlength="40" autocomplete="nickname"
                        on:input=move |e| name.set(event_target_value(&e))/>
                    <button type="submit" class="primary">{state.tr(Text::Join)}</button>
                </form>
            </div>
        </div>
    }
}
