//! The spreadsheet reader as a web worker (Trunk builds it from index.html's
//! `data-type="worker"` link), downloaded only when someone imports a spreadsheet,
//! so the CSV, zip and XML readers stay out of the app's first download, and a large
//! workbook is read without freezing the page. Messages: see `format::sheet_messages`.
//! - `[[name, bytes], …]` (files) → the preview JSON, or the refusal;
//! - a JSON text of choices → the `.simpul.json` text of the map.

#[cfg(target_arch = "wasm32")]
fn main() {
    use simpul::format::sheet_messages::{choices, language, preview, refusal};
    use simpul::format::spreadsheet::{read_files, Draft};
    use std::cell::RefCell;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    // The draft of the last files read, waiting for the user's choices.
    let last = RefCell::new(None::<Draft>);
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        let answer = if let Some(request) = data.as_string() {
            let request: serde_json::Value = serde_json::from_str(&request).unwrap_or_default();
            let (kinds, link_kinds) = choices(&request);
            let lang = language(&request);
            last.borrow().as_ref().map(|draft| simpul::format::encode(&draft.build_in(lang, &kinds, &link_kinds))).unwrap_or_default()
        } else {
            let files: Vec<(String, Vec<u8>)> = js_sys::Array::from(&data)
                .iter()
                .map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    (pair.get(0).as_string().unwrap_or_default(), js_sys::Uint8Array::new(&pair.get(1)).to_vec())
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
        };
        let _ = reply_to.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before this point would be lost: the page waits for this one.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("simpul-sheets is the browser app's spreadsheet worker: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
