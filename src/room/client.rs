//! One participant's side of a room: the map's Yjs document, who is in the room
//! (Yjs awareness) and the y-websocket protocol spoken with the relay. No browser
//! in here: the room worker feeds it the relay's messages and sends what it returns,
//! and the tests drive two clients against each other the same way.

use super::doc::{MapDoc, Reading};
use crate::model::Map;
use std::sync::Arc;
use yrs::encoding::read::Cursor;
use yrs::sync::protocol::MessageReader;
use yrs::sync::{Awareness, Message, SyncMessage};
use yrs::undo::Options;
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::Encode;
use yrs::{ReadTxn, StateVector, Transact, UndoManager, Update};

/// The origin of this participant's own transactions: what undo undoes.
const OWN: &str = "own";

/// A room's relay sent something that is not the Yjs protocol, or an update
/// that does not apply.
#[derive(Debug, thiserror::Error)]
#[error("the room sent a message Simpul cannot read ({0})")]
pub struct Unreadable(String);

/// Someone in the room, as their awareness state says.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Participant {
    pub name: String,
    pub colour: String,
    /// The stakeholder they have selected.
    pub selected: Option<String>,
    /// This browser's own participant.
    pub me: bool,
}

/// What the client asks its transport to do after an event.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Binary messages for the relay, in order.
    pub send: Vec<Vec<u8>>,
    /// The map changed (a peer's update arrived, or undo/redo changed it).
    pub map_changed: bool,
    /// Who is in the room changed.
    pub people_changed: bool,
}

pub struct RoomClient {
    doc: MapDoc,
    awareness: Awareness,
    undo: UndoManager,
    /// A clock in milliseconds (the browser's, or a test's).
    now: Arc<dyn Fn() -> u64 + Send + Sync>,
    /// How this participant appears to the others: name and colour.
    me: (String, String),
    /// The stakeholder this participant has selected.
    selected: Option<String>,
}

/// The colours participants wear, one each while there are enough: each is
/// legible as a ring and a name on the page's light picture and on the
/// projector's dark one.
pub const COLOURS: [&str; 8] =
    ["#e76f51", "#2a9d8f", "#8338ec", "#f4a261", "#1d4e89", "#d62828", "#588157", "#b5179e"];

/// Awareness states older than this are gone (y-protocols' own timeout).
const AWAY_AFTER_MS: u64 = 30_000;

impl RoomClient {
    /// A client of a document holding `saved` (a state this browser kept from an
    /// earlier visit, in Yjs's update format; empty for none).
    pub fn new(
        client_id: u64,
        saved: &[u8],
        now: Arc<dyn Fn() -> u64 + Send + Sync>,
    ) -> Result<Self, Unreadable> {
        let doc = MapDoc::with_client_id(client_id);
        if !saved.is_empty() {
            let update = Update::decode_v1(saved).map_err(|e| Unreadable(e.to_string()))?;
            doc.doc().transact_mut().apply_update(update).map_err(|e| Unreadable(e.to_string()))?;
        }
        let clock = now.clone();
        let awareness = Awareness::with_clock(doc.doc().clone(), move || clock());
        let clock = now.clone();
        let options = Options {
            // Each edit is its own step, as outside a room.
            capture_timeout_millis: 0,
            tracked_origins: Default::default(),
            capture_transaction: None,
            timestamp: Arc::new(move || clock()),
            init_undo_stack: Vec::new(),
            init_redo_stack: Vec::new(),
        };
        let mut undo = UndoManager::with_options(options);
        for root in doc.roots() {
            undo.expand_scope(doc.doc(), root);
        }
        undo.include_origin(OWN);
        Ok(Self { doc, awareness, undo, now, me: Default::default(), selected: None })
    }

    pub fn client_id(&self) -> u64 {
        self.awareness.client_id().get()
    }

    /// The map as the room has it now, checked (see [`MapDoc::read`]).
    pub fn read(&mut self) -> Reading {
        self.doc.read()
    }

    /// The whole document, to keep in this browser: rejoining merges from it.
    pub fn saved_state(&self) -> Vec<u8> {
        self.doc.doc().transact().encode_state_as_update_v1(&StateVector::default())
    }

    /// The first messages on a new connection: our state vector (the relay answers
    /// with what we lack, and asks for what it lacks) and our awareness.
    pub fn connected(&self) -> Outcome {
        let sv = self.doc.doc().transact().state_vector();
        let mut send = vec![Message::Sync(SyncMessage::SyncStep1(sv)).encode_v1()];
        send.extend(self.own_awareness());
        Outcome { send, ..Outcome::default() }
    }

    /// One local edit: the page's map before and after it. Written as one
    /// transaction of our own (undo undoes it) and sent as one update.
    pub fn edit(&mut self, before: &Map, after: &Map) -> Outcome {
        let sv = self.doc.doc().transact().state_vector();
        self.doc.write(before, after, OWN);
        self.undo.reset();
        self.changes_since(&sv)
    }

    /// Puts a whole map into the room as it opens. Not an edit of this
    /// participant's: undo does not take the map away again.
    pub fn seed(&mut self, map: &Map) -> Outcome {
        let sv = self.doc.doc().transact().state_vector();
        let current = self.doc.read().map;
        self.doc.write(&current, map, "seed");
        self.changes_since(&sv)
    }

    /// Takes back this participant's last change; nothing when there is none.
    pub fn undo(&mut self) -> Outcome {
        let sv = self.doc.doc().transact().state_vector();
        if self.undo.undo_blocking() {
            self.changes_since(&sv)
        } else {
            Outcome::default()
        }
    }

    pub fn redo(&mut self) -> Outcome {
        let sv = self.doc.doc().transact().state_vector();
        if self.undo.redo_blocking() {
            self.changes_since(&sv)
        } else {
            Outcome::default()
        }
    }

    pub fn can_undo(&self) -> bool {
        self.undo.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.undo.can_redo()
    }

    /// Sets what the room sees of us (name, colour, selection) and sends it.
    pub fn set_presence(&mut self, name: &str, colour: &str, selected: Option<&str>) -> Outcome {
        self.me = (name.to_string(), colour.to_string());
        self.selected = selected.map(str::to_string);
        let state = serde_json::json!({ "user": { "name": name, "color": colour }, "selected": selected });
        self.awareness.set_local_state_raw(state.to_string());
        Outcome { send: self.own_awareness(), people_changed: true, ..Outcome::default() }
    }

    /// A colour nobody else in the room wears, when someone who came into the
    /// document before us (a lower client id) wears ours: two people of one
    /// colour could not tell their rings on the picture apart. Nothing to send
    /// when ours is free, or when every colour of [`COLOURS`] is taken.
    fn colour_of_my_own(&mut self) -> Outcome {
        let me = self.client_id();
        let mine = self.me.1.clone();
        let worn: Vec<(u64, String)> = self
            .people_with_ids()
            .into_iter()
            .filter(|(id, p)| *id != me && !p.me)
            .map(|(id, p)| (id, p.colour))
            .collect();
        if mine.is_empty() || !worn.iter().any(|(id, c)| *id < me && c.eq_ignore_ascii_case(&mine)) {
            return Outcome::default();
        }
        let free = COLOURS.iter().find(|c| !worn.iter().any(|(_, w)| w.eq_ignore_ascii_case(c)));
        match free {
            Some(colour) => {
                let (name, selected) = (self.me.0.clone(), self.selected.clone());
                self.set_presence(&name, colour, selected.as_deref())
            }
            None => Outcome::default(),
        }
    }

    /// Tells the room which stakeholder this participant has selected.
    pub fn select(&mut self, selected: Option<&str>) -> Outcome {
        let (name, colour) = self.me.clone();
        self.set_presence(&name, &colour, selected)
    }

    /// Our awareness again, so that others do not time us out (every 15 s).
    pub fn renew_presence(&self) -> Outcome {
        Outcome { send: self.own_awareness(), ..Outcome::default() }
    }

    fn own_awareness(&self) -> Vec<Vec<u8>> {
        self.awareness
            .update_with_clients([self.awareness.client_id()])
            .map(|update| vec![Message::Awareness(update).encode_v1()])
            .unwrap_or_default()
    }

    /// Handles one binary message from the relay.
    pub fn receive(&mut self, data: &[u8]) -> Result<Outcome, Unreadable> {
        let mut outcome = Outcome::default();
        let mut decoder = DecoderV1::new(Cursor::new(data));
        let messages: Vec<Message> = MessageReader::new(&mut decoder)
            .collect::<Result<_, _>>()
            .map_err(|e| Unreadable(e.to_string()))?;
        for message in messages {
            match message {
                Message::Sync(SyncMessage::SyncStep1(sv)) => {
                    let update = self.doc.doc().transact().encode_state_as_update_v1(&sv);
                    outcome.send.push(Message::Sync(SyncMessage::SyncStep2(update)).encode_v1());
                }
                Message::Sync(SyncMessage::SyncStep2(bytes)) | Message::Sync(SyncMessage::Update(bytes)) => {
                    let update = Update::decode_v1(&bytes).map_err(|e| Unreadable(e.to_string()))?;
                    self.doc
                        .doc()
                        .transact_mut()
                        .apply_update(update)
                        .map_err(|e| Unreadable(e.to_string()))?;
                    outcome.map_changed = true;
                }
                Message::Awareness(update) => {
                    self.awareness.apply_update(update).map_err(|e| Unreadable(e.to_string()))?;
                    outcome.people_changed = true;
                    outcome.send.extend(self.colour_of_my_own().send);
                }
                Message::AwarenessQuery => outcome.send.extend(self.own_awareness()),
                // The stock relay sends neither; nothing to do for either.
                Message::Auth(_) | Message::Custom(..) => {}
            }
        }
        Ok(outcome)
    }

    /// Everyone in the room whose presence is fresh, this browser first.
    pub fn people(&self) -> Vec<Participant> {
        self.people_with_ids().into_iter().map(|(_, p)| p).collect()
    }

    /// [`Self::people`] with each one's client id.
    fn people_with_ids(&self) -> Vec<(u64, Participant)> {
        let now = (self.now)();
        let me = self.client_id();
        let mut people: Vec<(u64, Participant)> = self
            .awareness
            .iter()
            .filter(|(id, state)| id.get() == me || now.saturating_sub(state.last_updated) < AWAY_AFTER_MS)
            .map(|(id, state)| (id.get(), state))
            .filter_map(|(id, state)| {
                let json: serde_json::Value = serde_json::from_str(state.data.as_deref()?).ok()?;
                let user = json.get("user")?;
                let text = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(str::to_string);
                Some((
                    id,
                    Participant {
                        // A peer's name is only ever shown as text, and kept short.
                        name: text(user.get("name"))?.chars().take(40).collect(),
                        colour: text(user.get("color"))
                            .filter(|c| crate::model::Color::parse(c).is_some())?,
                        selected: text(json.get("selected")),
                        me: id == me,
                    },
                ))
            })
            .collect();
        people.sort_by_key(|(id, p)| (!p.me, *id));
        people
    }

    fn changes_since(&self, sv: &StateVector) -> Outcome {
        // Deletions leave the state vector as it was, so the update is sent even
        // then: it carries the whole delete set.
        let update = self.doc.doc().transact().encode_state_as_update_v1(sv);
        let message = Message::Sync(SyncMessage::Update(update)).encode_v1();
        Outcome { send: vec![message], map_changed: true, ..Outcome::default() }
    }
}
