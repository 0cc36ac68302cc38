//! The browser APIs the UI uses, each behind a small function that cannot panic.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `value` with `digits` decimals, formatted by JavaScript: Rust's float
/// formatting would add several kilobytes to the download for this alone.
pub fn fixed(value: f64, digits: u8) -> String {
    js_sys::Number::from(value)
        .to_fixed(digits)
        .map(String::from)
        .unwrap_or_else(|_| String::from("–"))
}

/// A cheap identity for a row of data, for `<For>` keys: the row's JSON, so that a
/// row is rebuilt exactly when its content changes (and `Debug`, with its float
/// formatting, stays out of the download).
pub fn row_key<T: serde::Serialize>(row: &T) -> String {
    serde_json::to_string(row).unwrap_or_default()
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
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

/// Offers `text` to the user as a downloaded file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "not an anchor")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a chosen file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "the file is not text".into())
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
