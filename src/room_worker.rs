//! A workshop room's connection, as a web worker the page starts the first time a
//! room is opened or joined (Trunk builds it from index.html's `data-type="worker"`
//! link). It holds the room's map as a Yjs document ([`simpul::room::RoomClient`])
//! and the WebSocket to the relay, so that neither the Yjs code nor the QR code
//! is part of the page's first download.
//!
//! The page and the worker exchange JSON texts.
//!
//! Page → worker, by `do`:
//! - `start`: `{relay, room, link, name, colour, lang, state?, seed?}`: join `room`
//!   at `relay` (ws://host:port) with the document state this browser kept (base64)
//!   and, when the room is opened from a map, that map's `.simpul.json` text;
//! - `edit`: `{seq, before, after}`: one local edit, the map's text before and after;
//! - `undo`, `redo`: this participant's own last change;
//! - `select`: `{selected}`: the stakeholder this participant has selected;
//! - `refresh`: the room's map again (the page has just shown its stored copy);
//! - `leave`.
//!
//! Worker → page:
//! - `{map, seq, problems, undo, redo}`: the room's map (a `.simpul.json` text), the
//!   last local edit it includes, what a peer sent that could not be applied;
//! - `{people: [{name, colour, selected, me}]}`;
//! - `{status: "online" | "offline", retry_ms?}`;
//! - `{state}`: the document to keep (base64), at most every two seconds;
//! - `{qr}`: the join link's QR code as SVG;
//! - `{unreadable}`: the relay sent something that is not the protocol.

#[cfg(target_arch = "wasm32")]
mod shell {
    use base64::Engine;
    use serde_json::{json, Value};
    use simpul::format;
    use simpul::i18n::Lang;
    use simpul::model::Map;
    use simpul::room::client::Outcome;
    use simpul::room::{qr, RoomClient};
    use std::cell::RefCell;
    use std::sync::Arc;
    use wasm_bindgen::prelude::*;

    /// The relay's socket, and how it comes back after a loss.
    struct Connection {
        url: String,
        socket: Option<web_sys::WebSocket>,
        /// Tries since the last success: the next wait doubles with each.
        retries: u32,
        /// `false` once the room is left: no more tries.
        wanted: bool,
    }

    thread_local! {
        static CONNECTION: RefCell<Connection> =
            const { RefCell::new(Connection { url: String::new(), socket: None, retries: 0, wanted: false }) };
    }

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn later(ms: u32, f: impl FnOnce() + 'static) {
        let f = Closure::once_into_js(f);
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms as i32);
    }

    fn reply(text: &str) {
        let _ = scope().post_message(&JsValue::from_str(text));
    }

    fn send(bytes: &[u8]) -> bool {
        CONNECTION.with(|c| {
            c.borrow()
                .socket
                .as_ref()
                .filter(|s| s.ready_state() == web_sys::WebSocket::OPEN)
                .is_some_and(|s| s.send_with_u8_array(bytes).is_ok())
        })
    }

    fn connect(url: String) {
        CONNECTION.with(|c| {
            let mut c = c.borrow_mut();
            c.url = url;
            c.wanted = true;
            c.retries = 0;
        });
        open_socket();
    }

    fn disconnect() {
        let socket = CONNECTION.with(|c| {
            let mut c = c.borrow_mut();
            c.wanted = false;
            c.socket.take()
        });
        if let Some(socket) = socket {
            socket.set_onclose(None);
            let _ = socket.close();
        }
    }

    fn open_socket() {
        let url = CONNECTION.with(|c| c.borrow().url.clone());
        let Ok(socket) = web_sys::WebSocket::new(&url) else { return retry() };
        socket.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let on_open = Closure::<dyn FnMut()>::new(|| {
            CONNECTION.with(|c| c.borrow_mut().retries = 0);
            on_open();
        });
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            if let Some(buffer) = event.data().dyn_ref::<js_sys::ArrayBuffer>() {
                on_message(&js_sys::Uint8Array::new(buffer).to_vec());
            }
        });
        let this = socket.clone();
        let on_close = Closure::<dyn FnMut()>::new(move || {
            let ours = CONNECTION.with(|c| {
                let mut c = c.borrow_mut();
                let ours = c.socket.as_ref() == Some(&this);
                if ours {
                    c.socket = None;
                }
                ours && c.wanted
            });
            if ours {
                retry();
            }
        });
        socket.set_onopen(Some(on_open.into_js_value().unchecked_ref()));
        socket.set_onmessage(Some(on_message.into_js_value().unchecked_ref()));
        socket.set_onclose(Some(on_close.into_js_value().unchecked_ref()));
        CONNECTION.with(|c| c.borrow_mut().socket = Some(socket));
    }

    /// Backoff: half a second, doubling up to ten, with jitter so that a room's
    /// clients do not all come back in the same instant.
    fn retry() {
        let retries = CONNECTION.with(|c| {
            let mut c = c.borrow_mut();
            c.retries += 1;
            c.retries
        });
        let base = (500.0 * 2f64.powi(retries.min(5) as i32 - 1)).min(10_000.0);
        let wait = (base * (0.75 + js_sys::Math::random() / 2.0)) as u32;
        post(json!({ "status": "offline", "retry_ms": wait }));
        later(wait, || {
            if CONNECTION.with(|c| c.borrow().wanted && c.borrow().socket.is_none()) {
                open_socket();
            }
        });
    }

    /// A room joined: the client, and what the page last heard of it.
    struct Session {
        client: RoomClient,
        lang: Lang,
        /// The last local edit written into the document.
        seq: u64,
        /// The problems last reported, so that each is told once.
        reported: Vec<String>,
        /// A save of the document is waiting for its timer.
        save_waiting: bool,
        /// The room's map is to be read and posted when the timer comes: what
        /// peers send in the meantime goes with it.
        map_waiting: bool,
        /// The same for who is in the room.
        people_waiting: bool,
    }

    /// How long peers' changes gather before the map is read and posted. Thirty
    /// people typing at once send about 70 updates a second; reading the whole map
    /// and posting it for each kept the projector's machine so busy that updates
    /// reached the others late (bench/rooms.mjs: p95 337 ms with none, 9–16 ms
    /// with this wait; 23 ms with 50 ms, but more of the projector's tasks over
    /// the 100 ms bar).
    const GATHER_MS: u32 = 100;

    thread_local! {
        static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    }

    fn with_session(f: impl FnOnce(&mut Session)) {
        SESSION.with(|s| {
            if let Some(session) = s.borrow_mut().as_mut() {
                f(session);
            }
        });
    }

    fn now_ms() -> u64 {
        js_sys::Date::now() as u64
    }

    fn post(value: Value) {
        reply(&value.to_string());
    }

    fn map_of(text: Option<&str>) -> Option<Map> {
        format::decode(text?).ok()
    }

    /// Sends the relay what the client said, and tells the page what changed.
    fn follow(session: &mut Session, outcome: Outcome) {
        for message in &outcome.send {
            // While offline nothing is sent: the document keeps the change, and
            // the next connection's first exchange carries it.
            send(message);
        }
        if outcome.map_changed {
            post_map(session);
        }
        if outcome.people_changed {
            post_people(session);
        }
    }

    fn post_map(session: &mut Session) {
        session.map_waiting = false;
        let reading = session.client.read();
        let problems: Vec<String> = reading.problems.iter().map(|p| p.describe(session.lang)).collect();
        let new: Vec<&String> = problems.iter().filter(|p| !session.reported.contains(p)).collect();
        post(json!({
            "map": format::encode(&reading.map),
            "seq": session.seq,
            "problems": new,
            "undo": session.client.can_undo(),
            "redo": session.client.can_redo(),
        }));
        session.reported = problems;
        if !session.save_waiting {
            session.save_waiting = true;
            later(2000, save);
        }
    }

    fn save() {
        with_session(|session| {
            session.save_waiting = false;
            let state = base64::engine::general_purpose::STANDARD.encode(session.client.saved_state());
            post(json!({ "state": state }));
        });
    }

    fn post_people(session: &mut Session) {
        session.people_waiting = false;
        post(json!({ "people": session.client.people() }));
    }

    fn start(request: &Value) {
        let text = |key: &str| request.get(key).and_then(Value::as_str).unwrap_or_default();
        let lang = Lang::from_tag(text("lang")).unwrap_or(Lang::En);
        let saved = base64::engine::general_purpose::STANDARD.decode(text("state")).unwrap_or_default();
        let clock: Arc<dyn Fn() -> u64 + Send + Sync> = Arc::new(now_ms);
        let client_id = js_sys::Math::random().mul_add(9.0e15, 1.0) as u64;
        // A kept state that no longer reads is dropped: the room has the map.
        let client = RoomClient::new(client_id, &saved, clock.clone())
            .or_else(|_| RoomClient::new(client_id, &[], clock))
            .ok();
        let Some(mut client) = client else { return };
        if let Some(map) = map_of(request.get("seed").and_then(Value::as_str)) {
            client.seed(&map);
        }
        // Not sent now: the first messages of the connection carry it.
        let _ = client.set_presence(text("name"), text("colour"), None);
        let mut session = Session {
            client,
            lang,
            seq: 0,
            reported: Vec::new(),
            save_waiting: false,
            map_waiting: false,
            people_waiting: false,
        };
        if let Some(svg) = qr::svg_of(text("link")) {
            post(json!({ "qr": svg }));
        }
        post_map(&mut session);
        post_people(&mut session);
        SESSION.with(|s| *s.borrow_mut() = Some(session));
        let relay = simpul::room::join_link::relay_address(text("relay")).unwrap_or_default();
        let room = simpul::room::RoomId::parse(text("room"));
        if let (false, Some(room)) = (relay.is_empty(), room) {
            connect(format!("{relay}/{}", room.as_str()));
        }
    }

    fn on_open() {
        post(json!({ "status": "online" }));
        with_session(|session| {
            let outcome = session.client.connected();
            follow(session, outcome);
        });
    }

    /// A peer's message: answered at once, shown to the page after [`GATHER_MS`].
    fn on_message(bytes: &[u8]) {
        with_session(|session| match session.client.receive(bytes) {
            Ok(outcome) => {
                for message in &outcome.send {
                    send(message);
                }
                if outcome.map_changed && !session.map_waiting {
                    session.map_waiting = true;
                    later(GATHER_MS, || {
                        with_session(|session| {
                            if session.map_waiting {
                                post_map(session)
                            }
                        })
                    });
                }
                if outcome.people_changed && !session.people_waiting {
                    session.people_waiting = true;
                    later(GATHER_MS, || with_session(post_people));
                }
            }
            Err(error) => post(json!({ "unreadable": error.to_string() })),
        });
    }

    fn handle(text: &str) {
        let request: Value = serde_json::from_str(text).unwrap_or_default();
        let field = |key: &str| request.get(key).and_then(Value::as_str);
        match field("do") {
            Some("start") => start(&request),
            Some("edit") => with_session(|session| {
                let (Some(before), Some(after)) = (map_of(field("before")), map_of(field("after"))) else {
                    return;
                };
                session.seq = request.get("seq").and_then(Value::as_u64).unwrap_or(session.seq);
                let outcome = session.client.edit(&before, &after);
                follow(session, outcome);
            }),
            Some("refresh") => with_session(post_map),
            Some("undo") => with_session(|session| {
                let outcome = session.client.undo();
                follow(session, outcome);
            }),
            Some("redo") => with_session(|session| {
                let outcome = session.client.redo();
                follow(session, outcome);
            }),
            Some("select") => with_session(|session| {
                let outcome = session.client.select(field("selected"));
                follow(session, outcome);
            }),
            Some("leave") => {
                disconnect();
                SESSION.with(|s| *s.borrow_mut() = None);
            }
            _ => {}
        }
    }

    pub fn main() {
        console_error_panic_hook::set_once();
        let scope = scope();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            if let Some(text) = event.data().as_string() {
                handle(&text);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Presence is renewed so that others do not time this participant out, and
        // those who went quiet leave the list.
        let renew = Closure::<dyn FnMut()>::new(|| {
            with_session(|session| {
                let outcome = session.client.renew_presence();
                follow(session, Outcome { people_changed: true, ..outcome });
            })
        });
        let _ = scope.set_interval_with_callback_and_timeout_and_arguments_0(
            renew.into_js_value().unchecked_ref(),
            15_000,
        );
        // Back on the network: try at once rather than wait out the backoff.
        let online = Closure::<dyn FnMut()>::new(|| {
            if CONNECTION.with(|c| c.borrow().wanted && c.borrow().socket.is_none()) {
                CONNECTION.with(|c| c.borrow_mut().retries = 0);
                open_socket();
            }
        });
        let _ = scope.add_event_listener_with_callback("online", online.into_js_value().unchecked_ref());
        reply("ready");
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    shell::main();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "simpul-room is the browser app's room connection: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
