//! The open map shared in a workshop room (`crate::room`): opening and joining,
//! local edits sent to the room worker, the room's map applied as Commands, and
//! undo of one's own changes. The worker is started only here, so a page that
//! never uses a room never downloads it.

use super::*;
use crate::ui::on_demand::part;
use serde_json::{json, Value};
use simpul::room::join_link::{self, RoomId};

/// Where this browser keeps what it knows of a room: `{key, state}`, the stored
/// map the room fills and the Yjs document to rejoin with.
const ROOM_PREFIX: &str = "simpul.room.";
const NAME_KEY: &str = "simpul.name";
const RELAY_KEY: &str = "simpul.relay";

/// Someone in the room, as their browser tells the others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub name: String,
    /// A `#rrggbb` colour (checked by the room's client).
    pub colour: String,
    /// This browser.
    pub me: bool,
    /// The id of the stakeholder they have selected.
    pub selected: Option<String>,
}

/// A room this page is in, as its chip, its dialog and the rings on the picture
/// show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Room {
    pub id: String,
    pub link: String,
    /// `None` while connecting; `Some(false)` with the wait before the next try.
    pub online: Option<bool>,
    pub retry_ms: u64,
    pub people: Vec<Person>,
    pub qr: String,
}

thread_local! {
    /// The room this page is in, or was last in: it counts only while
    /// [`AppState::room_mark`] says the page is in a room. Held here rather than in
    /// `AppState` so that only the room's part uses it, and its code comes with the
    /// part (the first download keeps the mark alone). Not tied to any view, so
    /// that no view's end takes it away.
    static ROOM: ArcRwSignal<Option<Room>> = ArcRwSignal::new(None);
}

/// The room this page is in (see [`ROOM`]).
pub fn room() -> ArcRwSignal<Option<Room>> {
    ROOM.with(Clone::clone)
}

impl AppState {
    /// Joins the room in the address (`#room=<id>`), if it names one, and says
    /// whether it does: the room's part reads it (see [`Self::join_from_address_now`]).
    pub(super) fn join_from_address(&self) -> bool {
        let named = web::location_hash().is_some_and(|h| h.contains("room="));
        if named {
            self.call_room(RoomCall::FromAddress);
        }
        named
    }

    /// The room in the address: the page asks for a name, unless this browser has
    /// given one before, and joins. Meanwhile, or if the address names no room
    /// after all, the most recent map is shown.
    fn join_from_address_now(&self) {
        let Some(id) = web::location_hash().and_then(|h| join_link::room_in_fragment(&h)) else {
            return self.open_most_recent();
        };
        match BrowserStore::setting(NAME_KEY).filter(|n| !n.trim().is_empty()) {
            Some(name) => self.join_room_now(id.as_str(), &name),
            None => {
                self.joining.set(Some(id.as_str().to_string()));
                self.open_most_recent();
            }
        }
    }

    /// Opens a room on the open map (*Open a room*), or shows the one open.
    pub fn open_room(&self) {
        self.room_dialog.set(true);
        if !self.in_room() {
            self.call_room(RoomCall::Open);
        }
    }

    /// Joins room `id` as `name` (the Join button, or a reload of a room's page).
    pub fn join_room(&self, id: &str, name: &str) {
        self.call_room(RoomCall::Join { id: id.to_string(), name: name.to_string() });
    }

    /// Runs `call` in the room's part, whose code is fetched the first time a room
    /// is opened or joined: every other call is made in a room, so with the part
    /// there, and in order (a part that is there answers at once). If the part
    /// cannot be fetched, the page says so and stays out of the room.
    fn call_room(&self, call: RoomCall) {
        let state = *self;
        let entering = matches!(call, RoomCall::Open | RoomCall::Join { .. } | RoomCall::FromAddress);
        let from_address = matches!(call, RoomCall::FromAddress);
        leptos::task::spawn_local(async move {
            if room_part(state, call).await.is_err() && entering {
                state.room_dialog.set(false);
                state.notify(Notice::Problem(Text::PartUnfetched, String::new()));
                if from_address {
                    state.open_most_recent();
                }
            }
        });
    }

    fn open_room_now(&self) {
        let Some(id) = RoomId::parse(&web::random_hex()) else { return };
        let name = BrowserStore::setting(NAME_KEY).unwrap_or_else(|| self.t(Text::Facilitator).to_string());
        let seed = self.map.with_untracked(format::encode);
        web::replace_hash(&format!("room={}", id.as_str()));
        self.start_room(&id, &name, Some(seed), &Value::Null);
    }

    fn join_room_now(&self, id: &str, name: &str) {
        let Some(id) = RoomId::parse(id) else { return };
        self.joining.set(None);
        BrowserStore::keep_setting(NAME_KEY, name.trim());
        let kept: Value = BrowserStore::setting(&format!("{ROOM_PREFIX}{}", id.as_str()))
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        let key = kept.get("key").and_then(Value::as_str).map(str::to_string);
        let exists = key
            .as_ref()
            .is_some_and(|k| self.catalogue.with_untracked(|c| c.maps.iter().any(|m| &m.key == k)));
        self.start_room(&id, name.trim(), None, &kept);
        self.room_entering.set_value(true);
        match key.filter(|_| exists) {
            Some(key) => self.open(&key),
            None => self.start(Map::new(self.t(Text::RoomMapTitle))),
        }
    }

    /// Starts the room worker on room `id`: a new room with the map `seed`, or a
    /// room joined with what this browser kept of it (`kept`: the document, and
    /// the mark of this participant, which their dots are counted by).
    fn start_room(&self, id: &RoomId, name: &str, seed: Option<String>, kept: &Value) {
        let state = *self;
        // Undo in a room is the room's: the steps from before it are left behind.
        self.history.set_value(History::default());
        let relay = join_link::choose_relay(
            web::query_param("relay").as_deref(),
            BrowserStore::setting(RELAY_KEY).as_deref(),
            &web::page_hostname(),
        );
        BrowserStore::keep_setting(RELAY_KEY, &relay);
        let link = join_link::join_link(&web::page_address(), &relay, id);
        let colour =
            simpul::room::client::COLOURS[(web::now_ms() as usize) % simpul::room::client::COLOURS.len()];
        let author = kept
            .get("author")
            .and_then(Value::as_str)
            .filter(|a| a.len() == 6 && a.bytes().all(|b| b.is_ascii_hexdigit()))
            .map_or_else(|| web::random_hex()[..6].to_string(), str::to_string);
        room().set(Some(Room { id: id.as_str().to_string(), link: link.clone(), ..Room::default() }));
        self.room_mark.set(Some(author));
        web::room_start(move |text| state.on_room_message(&text));
        let start = json!({
            "do": "start",
            "relay": relay,
            "room": id.as_str(),
            "link": link,
            "name": name,
            "colour": colour,
            "lang": self.lang.get_untracked().code(),
            "state": kept.get("state"),
            "seed": seed,
        });
        web::room_post(&start.to_string());
    }

    /// Leaves the room: the map stays, stored, as an ordinary map.
    pub fn leave_room(&self) {
        web::room_post(r#"{"do":"leave"}"#);
        web::room_stop();
        self.room_mark.set(None);
        self.room_dialog.set(false);
        self.history.set_value(History::default());
        web::clear_hash();
        self.sync_history_flags();
    }

    /// What the ids of new links carry: this participant's mark in a room, nothing
    /// outside one.
    pub fn link_author(&self) -> String {
        self.room_mark.get_untracked().unwrap_or_default()
    }

    pub fn in_room(&self) -> bool {
        self.room_mark.with_untracked(Option::is_some)
    }

    /// A local edit, sent to the room as the map before and after it.
    pub(super) fn send_edit(&self, before: Map) {
        self.call_room(RoomCall::Edit { before, after: self.map.get_untracked() });
    }

    /// Undo and redo in a room are the room's: only this participant's changes.
    pub(super) fn room_step(&self, step: &'static str) {
        self.call_room(RoomCall::Step(step));
    }

    /// Tells the room what this participant has selected (the room's chip does,
    /// while the page is in a room).
    pub fn send_selection(&self, selected: Option<String>) {
        if self.in_room() {
            web::room_post(&json!({ "do": "select", "selected": selected }).to_string());
        }
    }

    /// What the room's part does for `call`.
    fn room_call_now(&self, call: RoomCall) {
        if !self.room_used.get_untracked() {
            self.room_used.set(true);
        }
        let post = |message: Value| web::room_post(&message.to_string());
        match call {
            RoomCall::Open => self.open_room_now(),
            RoomCall::FromAddress => self.join_from_address_now(),
            RoomCall::Join { id, name } => self.join_room_now(&id, &name),
            RoomCall::Edit { before, after } => {
                let seq = self
                    .room_seq
                    .try_update_value(|n| {
                        *n += 1;
                        *n
                    })
                    .unwrap_or_default();
                post(
                    json!({ "do": "edit", "seq": seq, "before": format::encode(&before), "after": format::encode(&after) }),
                );
            }
            RoomCall::Step(step) => post(json!({ "do": step })),
        }
    }

    fn on_room_message(&self, text: &str) {
        let Ok(message) = serde_json::from_str::<Value>(text) else { return };
        let room = room();
        let Some(id) = room.with_untracked(|r| r.as_ref().map(|r| r.id.clone())).filter(|_| self.in_room())
        else {
            return;
        };
        if let Some(map) = message.get("map").and_then(Value::as_str) {
            let seq = message.get("seq").and_then(Value::as_u64).unwrap_or_default();
            // An answer that does not yet hold the last local edit is passed
            // over: the one that does is on its way.
            if Some(seq) == self.room_seq.try_get_value() {
                self.apply_room_map(map);
            }
            let flag = |key: &str| message.get(key).and_then(Value::as_bool).unwrap_or(false);
            self.can_undo.set(flag("undo"));
            self.can_redo.set(flag("redo"));
            for problem in message.get("problems").and_then(Value::as_array).into_iter().flatten() {
                self.notify(Notice::Problem(
                    Text::RoomChangeRefused,
                    problem.as_str().unwrap_or_default().to_string(),
                ));
            }
        }
        if let Some(people) = message.get("people").and_then(Value::as_array) {
            let people = people
                .iter()
                .map(|p| {
                    let text = |k: &str| p.get(k).and_then(Value::as_str).map(str::to_string);
                    Person {
                        name: text("name").unwrap_or_default(),
                        colour: text("colour").unwrap_or_default(),
                        me: p.get("me").and_then(Value::as_bool).unwrap_or(false),
                        selected: text("selected"),
                    }
                })
                .collect();
            room.update(|r| {
                if let Some(r) = r {
                    r.people = people;
                }
            });
        }
        if let Some(status) = message.get("status").and_then(Value::as_str) {
            let retry_ms = message.get("retry_ms").and_then(Value::as_f64).unwrap_or_default() as u64;
            room.update(|r| {
                r.iter_mut().for_each(|r| {
                    r.online = Some(status == "online");
                    r.retry_ms = retry_ms;
                })
            });
        }
        if let Some(svg) = message.get("qr").and_then(Value::as_str) {
            let svg = svg.to_string();
            room.update(|r| {
                if let Some(r) = r {
                    r.qr = svg;
                }
            });
        }
        if let Some(doc_state) = message.get("state").and_then(Value::as_str) {
            let key = self.doc.with_untracked(|d| d.as_ref().and_then(|d| d.key.clone()));
            let kept = json!({ "key": key, "state": doc_state, "author": self.link_author() });
            BrowserStore::keep_setting(&format!("{ROOM_PREFIX}{id}"), &kept.to_string());
        }
        if let Some(why) = message.get("unreadable").and_then(Value::as_str) {
            self.notify(Notice::Problem(Text::RoomUnreadable, why.to_string()));
        }
    }

    /// The room's map, applied to the open map as Commands outside the undo
    /// history (undo in a room is the room's), then saved and analysed as any edit.
    fn apply_room_map(&self, text: &str) {
        let Ok(room_map) = format::decode(text) else { return };
        let Some(command) = self.map.with_untracked(|m| simpul::room::merge::commands_towards(m, &room_map))
        else {
            return;
        };
        let mut result = Ok(());
        self.map.update(|map| result = command.apply(map).map(drop));
        match result {
            Ok(()) => self.after_room_change(),
            Err(error) => self.notify(Notice::Edit(error)),
        }
    }
}

/// What the page asks of a room: each is done by the room's part.
enum RoomCall {
    Open,
    /// The room a link names, on the page's start.
    FromAddress,
    Join {
        id: String,
        name: String,
    },
    /// A local edit: the map before it and after it.
    Edit {
        before: Map,
        after: Map,
    },
    /// Undo, redo, or the room's map sent again (`refresh`).
    Step(&'static str),
}

part!(
    room,
    /// Opening and joining a room, what is sent to it, the handling of its
    /// messages and what else only a room uses.
    fn room_part(state: AppState, call: RoomCall) {
        state.room_call_now(call)
    }
);
