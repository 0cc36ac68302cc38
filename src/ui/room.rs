//! Workshop rooms in the UI: *Open a room* in the toolbar, the room's dialog (the
//! join link, its QR code, who is in, the connection) and the name asked of
//! someone who opens a join link.

use super::on_demand::{part, when_fetched};
use super::state::AppState;
use super::toolbar::ToolButton;
use leptos::prelude::*;
use simpul::i18n::Text;

/// *Open a room*; in a room, how many are in it, which opens the room's dialog.
#[component]
pub fn RoomButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let in_room = move || state.room.with(Option::is_some);
    let count = move || state.room.with(|r| r.as_ref().map_or(0, |r| r.people.len()));
    let offline = move || state.room.with(|r| r.as_ref().is_some_and(|r| r.online == Some(false)));
    view! {
        <Show when=in_room fallback=move || view! {
            <ToolButton icon="◎" label=Text::OpenRoom class="room-tool" disabled=Signal::derive(move || state.doc.with(Option::is_none))
                on_click=Callback::new(move |_| state.open_room())/>
        }>
            <button type="button" class="room-chip" class:offline=offline on:click=move |_| state.room_dialog.set(true)>
                <b data-room-participants>{count}</b><span class="room-chip-text">" "{state.tr(Text::PeopleInRoom)}</span>
            </button>
        </Show>
    }
}

/// The room's dialog and the join form, when either is wanted: both come with the
/// room's part.
#[component]
pub fn RoomDialogs() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo: the dialogs stay as they are while people come and go (they change
    // the room, not whether a dialog is shown).
    let wanted = Memo::new(move |_| {
        (state.room_dialog.get() && state.room.with(Option::is_some)) || state.joining.with(Option::is_some)
    });
    move || wanted.get().then(|| when_fetched(room_dialogs()))
}

part!(room, fn room_dialogs() => view! { <Dialogs/> });

/// The dialog wanted now: the room's, or the join form.
#[component]
fn Dialogs() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The first half of `RoomDialogs`' test, made again here in the part: passing
    // that memo in put 0.3 KB more into the first download.
    let shown = Memo::new(move |_| state.room_dialog.get() && state.room.with(Option::is_some));
    view! {
        {move || shown.get().then(|| view! { <RoomDialog/> })}
        {move || state.joining.get().map(|id| view! { <JoinDialog id/> })}
    }
}

#[component]
fn RoomDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    super::web::focus_by_id("room-close");
    let room = move || state.room.get().unwrap_or_default();
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
