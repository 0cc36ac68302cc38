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

    #[wasm_bindgen(inline_js = r#"
let socket, url, handlers, retries = 0, timer, wanted = false;
function open() {
  clearTimeout(timer);
  let s;
  try { s = new WebSocket(url); } catch (e) { return retry(); }
  s.binaryType = 'arraybuffer';
  socket = s;
  s.onopen = () => { retries = 0; handlers.onOpen(); };
  s.onmessage = (e) => { if (e.data instanceof ArrayBuffer) handlers.onMessage(new Uint8Array(e.data)); };
  s.onclose = () => { if (socket !== s) return; socket = undefined; if (wanted) retry(); };
}
// Backoff: half a second, doubling up to ten, with jitter so that a room's
// clients do not all come back in the same instant.
function retry() {
  const wait = Math.round(Math.min(10000, 500 * 2 ** retries) * (0.75 + Math.random() / 2));
  retries++;
  handlers.onClose(wait);
  timer = setTimeout(open, wait);
}
self.addEventListener('online', () => { if (wanted && !socket) { retries = 0; open(); } });
export function connect(u, onOpen, onMessage, onClose) { url = u; handlers = { onOpen, onMessage, onClose }; wanted = true; open(); }
export function send(bytes) { if (socket && socket.readyState === 1) { socket.send(bytes); return true; } return false; }
export function disconnect() { wanted = false; clearTimeout(timer); const s = socket; socket = undefined; s?.close(); }
export function every(ms, f) { setInterval(f, ms); }
export function later(ms, f) { setTimeout(f, ms); }
export function reply(text) { postMessage(text); }
"#)]
    extern "C" {
        fn connect(url: &str, on_open: &JsValue, on_message: &JsValue, on_close: &JsValue);
        fn send(bytes: &[u8]) -> bool;
        fn disconnect();
        fn every(ms: u32, f: &JsValue);
        fn later(ms: u32, f: &JsValue);
        fn reply(text: &str);
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
    }

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
            later(2000, &Closure::once_into_js(save));
        }
    }

    fn save() {
        with_session(|session| {
            session.save_waiting = false;
            let state = base64::engine::general_purpose::STANDARD.encode(session.client.saved_state());
            post(json!({ "state": state }));
        });
    }

    fn post_people(session: &Session) {
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
        let outcome = client.set_presence(text("name"), text("colour"), None);
        let mut session = Session { client, lang, seq: 0, reported: Vec::new(), save_waiting: false };
        if let Some(svg) = qr::svg_of(text("link")) {
            post(json!({ "qr": svg }));
        }
        post_map(&mut session);
        post_people(&session);
        drop(outcome);
        SESSION.with(|s| *s.borrow_mut() = Some(session));
        let room = text("room");
        let url = format!("{}/{}", text("relay").trim_end_matches('/'), room);
        let on_open = Closure::<dyn FnMut()>::new(|| {
            post(json!({ "status": "online" }));
            with_session(|session| {
                let outcome = session.client.connected();
                follow(session, outcome);
            });
        });
        let on_message = Closure::<dyn FnMut(js_sys::Uint8Array)>::new(|bytes: js_sys::Uint8Array| {
            with_session(|session| match session.client.receive(&bytes.to_vec()) {
                Ok(outcome) => follow(session, outcome),
                Err(error) => post(json!({ "unreadable": error.to_string() })),
            });
        });
        let on_close = Closure::<dyn FnMut(f64)>::new(|wait: f64| {
            post(json!({ "status": "offline", "retry_ms": wait }));
        });
        connect(&url, on_open.as_ref(), on_message.as_ref(), on_close.as_ref());
        on_open.forget();
        on_message.forget();
        on_close.forget();
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
            Some("undo") => with_session(|session| {
                let outcome = session.client.undo();
                follow(session, Outcome { map_changed: true, ..outcome });
            }),
            Some("redo") => with_session(|session| {
                let outcome = session.client.redo();
                follow(session, Outcome { map_changed: true, ..outcome });
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
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            if let Some(text) = event.data().as_string() {
                handle(&text);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Presence is renewed so that others do not time this participant out, and
        // those who went quiet leave the list.
        every(
            15_000,
            &Closure::<dyn FnMut()>::new(|| {
                with_session(|session| {
                    let outcome = session.client.renew_presence();
                    follow(session, Outcome { people_changed: true, ..outcome });
                })
            })
            .into_js_value(),
        );
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
