//! The browser APIs the UI uses, each behind a small function that cannot panic.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `value` with `digits` decimals, formatted by JavaScript: Rust's float
/// formatting would add several kilobytes to the download for this alone.
pub fn fixed(value: f64, digits: u8) -> String {
    js_sys::Number::from(value).to_fixed(digits).map(String::from).unwrap_or_else(|_| String::from("–"))
}

/// A cheap identity for a row of data, for `<For>` keys: the row's JSON, so that a
/// row is rebuilt exactly when its content changes (and `Debug`, with its float
/// formatting, stays out of the download).
pub fn row_key<T: serde::Serialize>(row: &T) -> String {
    serde_json::to_string(row).unwrap_or_default()
}

/// Appends a `tag` element holding `text` (as text, never markup) to `parent`:
/// for what is built as plain elements rather than views (the print sheet, a
/// comparison's tables).
pub fn append_text(parent: &web_sys::Element, tag: &str, text: &str) -> Option<web_sys::Element> {
    let element = parent.owner_document()?.create_element(tag).ok()?;
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A moment as the user's clock shows it, in the language `lang` (a BCP 47 code):
/// the browser formats it, so no date tables ship in the wasm.
pub fn local_time(ms: f64, lang: &str) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(ms)).to_locale_string(lang, &options).into()
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The tag name (`INPUT`, `BUTTON`…) of the element an event is aimed at.
pub fn target_tag(event: &web_sys::Event) -> Option<String> {
    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.tag_name())
}

/// Whether a key goes to a text field or a list, which keep their keys (and
/// their own undo) to themselves: shortcuts leave those alone.
pub fn in_text_field(event: &web_sys::Event) -> bool {
    matches!(target_tag(event).as_deref(), Some("INPUT" | "TEXTAREA" | "SELECT"))
}

/// A query parameter of the page's address, such as `lang` in `?lang=id`.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let navigator = window.navigator();
    let listed: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Sets `<html lang>` so screen readers pronounce the text correctly.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// The page's fragment, such as `#m=…`, if any.
pub fn location_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    (!hash.is_empty()).then_some(hash)
}

/// The page's address without its fragment, to build share links on.
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let href = location.href().unwrap_or_default();
    match href.find('#') {
        Some(cut) => href[..cut].to_string(),
        None => href,
    }
}

/// Starts the room worker (once); each of its messages goes to `on_message`.
pub fn room_start(on_message: impl FnMut(String) + 'static) {
    let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(String)>::new(on_message);
    room_start_js(on_message.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_message.forget();
}

/// The page's host name, without its port (an IPv6 address in brackets).
pub fn page_hostname() -> String {
    web_sys::window().and_then(|w| w.location().hostname().ok()).unwrap_or_default()
}

/// Selects the whole text of the field an event came from: a link shown to be
/// copied is selected as it takes the focus.
pub fn select_field(event: &web_sys::Event) {
    if let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    }
}

/// Sets the address's fragment without reloading or adding history.
pub fn replace_hash(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{}#{fragment}", page_address())),
        );
    }
}

/// Removes the fragment from the address bar without reloading or adding history.
pub fn clear_hash() {
    if let Some(window) = web_sys::window() {
        let address = page_address();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export async function deflateRawBase64Url(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function inflateBase64Url(payload, limit) {
  let bytes;
  try {
    const b64 = payload.trim().replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '==='.slice((b64.length + 3) % 4));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw 'base64';
  }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        throw 'too-large';
      }
      chunks.push(value);
    }
  } catch (e) {
    throw e === 'too-large' ? e : 'deflate';
  }
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) { joined.set(chunk, at); at += chunk.length; }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(joined);
  } catch {
    throw 'deflate';
  }
}

// The background worker (src/worker.rs), started on first use. Requests carry an
// id, so a spreadsheet read and a map's analysis can be under way together. If the
// worker fails, every request waiting on it is refused and the next one starts a
// new worker.
let background;
let nextRequest = 0;
const waiting = new Map();
function askWorker(job, payload, transfer) {
  if (!background) {
    background = new Promise((resolve, reject) => {
      const worker = new Worker('./simpul-worker_loader.js');
      worker.onmessage = (e) => {
        if (e.data === 'ready') return resolve(worker);
        const request = waiting.get(e.data?.id);
        waiting.delete(e.data?.id);
        request?.resolve(e.data.answer);
      };
      worker.onerror = (e) => {
        const why = String(e.message ?? 'worker');
        background = undefined;
        worker.terminate();
        for (const request of waiting.values()) request.reject(why);
        waiting.clear();
        reject(why);
      };
    });
  }
  return background.then((worker) => new Promise((resolve, reject) => {
    const id = ++nextRequest;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, job, payload }, transfer);
  }));
}

export async function readSpreadsheets(files) {
  const pairs = await Promise.all(files.map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())]));
  return askWorker('read', pairs, pairs.map(([, bytes]) => bytes.buffer));
}

export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw `${response.status} ${response.statusText}`;
  return response.text();
}

export function askSpreadsheetWorker(text) {
  return askWorker('build', text, []);
}

export function analyseInWorker(bytes) {
  return askWorker('analyse', bytes, [bytes.buffer]);
}

export function exportInWorker(bytes) {
  return askWorker('export', bytes, [bytes.buffer]);
}

// A workshop room's connection (src/room_worker.rs), started when a room is
// opened or joined. Its messages are JSON texts, handed to `onMessage`.
let room;
export function roomStart(onMessage) {
  if (!room) {
    room = new Promise((resolve) => {
      const worker = new Worker('./simpul-room_loader.js');
      worker.onmessage = (e) => (e.data === 'ready' ? resolve(worker) : onMessage(e.data));
      worker.onerror = (e) => onMessage(JSON.stringify({ unreadable: String(e.message ?? 'worker') }));
    });
  }
}
export function roomPost(text) { room?.then((worker) => worker.postMessage(text)); }
export function roomStop() { room?.then((worker) => worker.terminate()); room = undefined; }
export function randomHex() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function projector(on, onLeave) {
  const root = document.documentElement;
  root.classList.toggle('workshop', on);
  if (on) {
    if (root.requestFullscreen && !document.fullscreenElement) root.requestFullscreen().catch(() => {});
    // Leaving full screen (Esc, F11, the browser's own button) leaves the workshop too.
    document.onfullscreenchange = () => { if (!document.fullscreenElement) onLeave(); };
  } else {
    document.onfullscreenchange = null;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  }
}

export function registerServiceWorker(onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  // The first visit's worker takes over silently; any later one is a new version.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) onUpdate();
    controlled = true;
  });
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = deflateRawBase64Url)]
    async fn deflate_raw_base64url(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = inflateBase64Url)]
    async fn inflate_base64url(payload: &str, limit: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = readSpreadsheets)]
    async fn read_spreadsheets_js(files: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = fetchText)]
    async fn fetch_text_js(url: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = askSpreadsheetWorker)]
    async fn ask_spreadsheet_worker_js(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = analyseInWorker)]
    async fn analyse_in_worker_js(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = exportInWorker)]
    async fn export_in_worker_js(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = projector)]
    fn projector_js(on: bool, on_leave: &js_sys::Function);
    #[wasm_bindgen(js_name = roomStart)]
    fn room_start_js(on_message: &js_sys::Function);
    #[wasm_bindgen(js_name = roomPost)]
    pub fn room_post(text: &str);
    #[wasm_bindgen(js_name = roomStop)]
    pub fn room_stop();
    /// 16 random bytes from the browser's cryptographic generator, in hexadecimal.
    #[wasm_bindgen(js_name = randomHex)]
    pub fn random_hex() -> String;
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker(on_update: &wasm_bindgen::closure::Closure<dyn FnMut()>);
}

/// Installs the service worker (scripts/service-worker.js) that keeps the app
/// working offline after one visit; `on_update` runs when a newer version has taken
/// over, so the page can say that a reload brings it. Without service workers (or
/// on a file: page) the app simply stays online-only.
pub fn keep_available_offline(on_update: impl FnMut() + 'static) {
    let on_update = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(on_update);
    register_service_worker(&on_update);
    // Lives as long as the page.
    on_update.forget();
}

/// Puts the page in projector mode (full screen where the browser allows it, and
/// the `workshop` class on `<html>` that the style sheet lays out for a wall) or
/// takes it out. `on_leave` runs when the user leaves full screen by the browser's
/// own means, such as Esc.
pub fn projector(on: bool, on_leave: &js_sys::Function) {
    projector_js(on, on_leave);
}

/// Why a link's payload could not be inflated.
pub enum InflateFailure {
    NotBase64,
    NotDeflate,
    TooLarge,
}

/// base64url then raw DEFLATE, inflated by the browser and stopped as soon as it
/// passes `limit` bytes: the reverse of [`compress_for_link`].
pub async fn inflate_link_payload(payload: &str, limit: usize) -> Result<String, InflateFailure> {
    match inflate_base64url(payload, limit as f64).await {
        Ok(text) => text.as_string().ok_or(InflateFailure::NotDeflate),
        Err(reason) => Err(match reason.as_string().as_deref() {
            Some("base64") => InflateFailure::NotBase64,
            Some("too-large") => InflateFailure::TooLarge,
            _ => InflateFailure::NotDeflate,
        }),
    }
}

/// Raw DEFLATE then base64url (no padding) of `text`, by the browser's own
/// compressor: the same format as `format::encode_fragment`, without shipping a
/// compressor in the download.
pub async fn compress_for_link(text: &str) -> Option<String> {
    deflate_raw_base64url(text).await.ok()?.as_string()
}

/// Copies `text` to the clipboard; `false` when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Offers `text` to the user as a downloaded file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let url = object_url(text, mime).ok_or("the browser could not hold the file")?;
    let offered = download_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    offered
}

/// A `blob:` URL holding `text`, for an image or a download; revoke it when done.
pub fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Offers what `url` holds (a blob or a `data:` URL) as a downloaded file.
pub fn download_url(file_name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "not an anchor")?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// Reads spreadsheet files in the background worker (src/worker.rs, fetched the
/// first time): its preview or refusal, as JSON (`format::sheet_messages`).
pub async fn read_spreadsheets(files: &[web_sys::File]) -> Result<String, String> {
    let list: js_sys::Array = files.iter().collect();
    worker_answer(read_spreadsheets_js(list).await)
}

/// Sends the user's choices to the background worker: the `.simpul.json` text of the map.
pub async fn ask_spreadsheet_worker(request: &str) -> Result<String, String> {
    worker_answer(ask_spreadsheet_worker_js(request).await)
}

/// Analyses a map (its `.simpul.json` text) in the background worker: the analysis
/// as JSON (`analysis::background`), empty if the worker could not read the map.
pub async fn analyse_in_worker(map: &str) -> Result<String, String> {
    // Sent as UTF-8 bytes, which cross by a copy, where a string of a big map is
    // re-encoded on the way (as the answer is, see `text_of`).
    worker_answer(analyse_in_worker_js(js_sys::Uint8Array::from(map.as_bytes())).await)
}

/// Writes an export (its request from `export::request`) in the background
/// worker: the exported file's text, empty if the worker could not read the map.
pub async fn export_in_worker(request: &str) -> Result<String, String> {
    worker_answer(export_in_worker_js(js_sys::Uint8Array::from(request.as_bytes())).await)
}

/// The text of a file of the app itself (an example map).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    text_of(fetch_text_js(url).await, "not text")
}

fn worker_answer(answer: Result<JsValue, JsValue>) -> Result<String, String> {
    text_of(answer, "the background worker gave no answer")
}

/// The text a JavaScript promise resolved to (a string, or UTF-8 bytes as the
/// background worker answers), or why there is none: its rejection (our snippets
/// reject with a string) or `not_text`.
fn text_of(answer: Result<JsValue, JsValue>, not_text: &str) -> Result<String, String> {
    let answer = answer.map_err(|e| e.as_string().unwrap_or_else(|| describe(e)))?;
    if let Some(bytes) = answer.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(utf8(bytes.to_vec()));
    }
    answer.as_string().ok_or_else(|| not_text.into())
}

/// Text from UTF-8 bytes, any that are not UTF-8 as U+FFFD (as the browser's own
/// decoding). Copying bytes into the app and checking them takes a few ms for
/// megabytes, where handing over a string of them took 20–110 ms at once.
fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Resolves in a later task: work after it runs once the browser has had the
/// chance to paint and handle input, so a long job split by it never freezes the
/// page for its whole length.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads a chosen file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    // Read as bytes (see `utf8`): a 10 MB file's text took 110 ms to hand over.
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(utf8(js_sys::Uint8Array::new(&buffer).to_vec()))
}

fn describe(error: JsValue) -> String {
    simpul::storage::browser::describe(&error)
}

/// Moves keyboard focus to the element with this id after the next frame, once the
/// view has re-rendered (a re-scored chip is drawn anew in its new cell).
pub fn focus_by_id(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || focus_now(&id));
}

/// Moves keyboard focus to the element with this id at once: the keys typed right
/// after a shortcut that opens a field must land in it.
pub fn focus_now(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// A canvas that is never attached to the page, to paint into off screen.
pub fn new_canvas() -> Option<web_sys::HtmlCanvasElement> {
    web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()
}

/// The 2D drawing context of a canvas.
pub fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The 2D context of a canvas painted in slices: kept in memory rather than on a
/// graphics card, so that [`rasterise_now`] is cheap.
pub fn context_2d_in_memory(
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<web_sys::CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &JsValue::from_str("willReadFrequently"), &JsValue::TRUE).ok()?;
    canvas.get_context_with_context_options("2d", &options).ok().flatten()?.dyn_into().ok()
}

/// Makes the browser rasterise what was drawn on `ctx` now, in this task: it
/// otherwise records the drawing and rasterises all of it at once, when the
/// picture is shown, which is the freeze that painting in slices avoids.
pub fn rasterise_now(ctx: &web_sys::CanvasRenderingContext2d) {
    let _ = ctx.get_image_data(0.0, 0.0, 1.0, 1.0);
}
