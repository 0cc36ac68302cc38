//! The page's background work, as a web worker (Trunk builds it from index.html's
//! `data-type="worker"` link), downloaded the first time it is needed. It keeps two
//! kinds of work off the page, so that the page never freezes:
//! - reading other tools' files (spreadsheets, Kumu, GraphML, GEXF, PRSM), whose
//!   CSV, zip and XML readers stay out of the app's first download (messages:
//!   `format::sheet_messages`);
//! - analysing maps (`analysis::background`);
//! - writing the exports for other tools and the picture as SVG (`export`).
//!
//! Each request is `{id, job, payload}` and each answer `{id, answer}`, a text
//! as UTF-8 bytes:
//! - `read`: `[[name, bytes], …]` (files) → the preview JSON, or the refusal;
//! - `build`: a JSON text of choices → the `.simpul.json` text of the map;
//! - `analyse`: a `.simpul.json` text (as UTF-8 bytes) → its analysis as JSON
//!   (empty if unreadable);
//! - `export`: an export's request (`export::request`, as UTF-8 bytes) → the
//!   exported file (GraphML, GEXF, CSV, Kumu blueprint, SVG), empty if unreadable.

#[cfg(target_arch = "wasm32")]
fn main() {
    use simpul::format::draft::Draft;
    use simpul::format::import::read_files;
    use simpul::format::sheet_messages::{choices, language, preview, refusal};
    use std::cell::RefCell;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    console_error_panic_hook::set_once();
    // A map's text, sent as UTF-8 bytes (empty if it is not UTF-8).
    let text_of = |payload: &JsValue| {
        payload
            .dyn_ref::<js_sys::Uint8Array>()
            .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
            .unwrap_or_default()
    };
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    // The draft of the last files read, waiting for the user's choices.
    let last = RefCell::new(None::<Draft>);
    let field =
        |data: &JsValue, name: &str| js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or_default();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        let payload = field(&data, "payload");
        let answer = match field(&data, "job").as_string().as_deref() {
            Some("read") => {
                let files: Vec<(String, Vec<u8>)> = js_sys::Array::from(&payload)
                    .iter()
                    .map(|pair| {
                        let pair = js_sys::Array::from(&pair);
                        (
                            pair.get(0).as_string().unwrap_or_default(),
                            js_sys::Uint8Array::new(&pair.get(1)).to_vec(),
                        )
                    })
                    .collect();
                let answer = match read_files(&files) {
                    Ok(draft) => {
                        let answer = preview(&draft);
                        *last.borrow_mut() = Some(draft);
                        answer
                    }
                    Err(error) => refusal(&error),
                };
                answer.to_string()
            }
            Some("build") => {
                let request: serde_json::Value =
                    serde_json::from_str(&payload.as_string().unwrap_or_default()).unwrap_or_default();
                let (kinds, link_kinds) = choices(&request);
                let lang = language(&request);
                last.borrow()
                    .as_ref()
                    .map(|draft| simpul::format::encode(&draft.build_in(lang, &kinds, &link_kinds)))
                    .unwrap_or_default()
            }
            Some("export") => simpul::export::answer(&text_of(&payload)),
            Some("analyse") => simpul::format::decode(&text_of(&payload))
                .map(|map| simpul::analysis::background::to_message(&simpul::analysis::analyze(&map)))
                .unwrap_or_default(),
            _ => String::new(),
        };
        let reply = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&reply, &JsValue::from_str("id"), &field(&data, "id"));
        // UTF-8 bytes, handed over without a copy: the page copies bytes into its
        // memory far faster than it re-encodes a string of megabytes.
        let bytes = js_sys::Uint8Array::from(answer.as_bytes());
        let _ = js_sys::Reflect::set(&reply, &JsValue::from_str("answer"), &bytes);
        let _ = reply_to.post_message_with_transfer(&reply, &js_sys::Array::of1(&bytes.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before this point would be lost: the page waits for this one.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "simpul-worker is the browser app's background worker: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
