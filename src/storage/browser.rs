//! localStorage as a [`KeyValue`].
//!
//! Written on web-sys directly: gloo-storage's `LocalStorage` throws (a wasm panic)
//! when storage is blocked, and its error conversion panics on exceptions that are
//! not `Error` objects. Here every failure becomes a [`StoreError`].

use super::key_value::{KeyValue, StoreError};
use wasm_bindgen::{JsCast, JsValue};

pub struct BrowserStore {
    storage: web_sys::Storage,
}

impl BrowserStore {
    /// Opens localStorage, or says why it cannot be used.
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("localStorage is missing".into()))?;
        Ok(Self { storage })
    }

    /// A small setting this browser keeps (the language, the panels, the name
    /// given in a room), or `None` when it has none or storage cannot be read.
    pub fn setting(key: &str) -> Option<String> {
        Self::open().ok()?.get(key).ok().flatten()
    }

    /// Keeps a small setting. A refusal is not worth an alert: the setting still
    /// applies for this visit.
    pub fn keep_setting(key: &str, value: &str) {
        if let Ok(mut store) = Self::open() {
            let _ = store.set(key, value);
        }
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(classify)
    }

    /// Cut in JavaScript, so that only the head crosses into the app: copying
    /// a whole map of 5,000 stakeholders across took 20 ms.
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        let get_item =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("getItem")).map_err(classify)?;
        let get_item: js_sys::Function = get_item.dyn_into().map_err(classify)?;
        let value = get_item.call1(&self.storage, &JsValue::from_str(key)).map_err(classify)?;
        Ok(value.dyn_into::<js_sys::JsString>().ok().map(|text| String::from(text.slice(0, chars as u32))))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn copy_wrapped(&mut self, from: &str, to: &str, before: &str, after: &str) -> Result<bool, StoreError> {
        // Read and written as a JavaScript string: it never crosses into wasm.
        let get_item =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("getItem")).map_err(classify)?;
        let get_item: js_sys::Function = get_item.dyn_into().map_err(classify)?;
        let value = get_item.call1(&self.storage, &JsValue::from_str(from)).map_err(classify)?;
        if value.is_null() || value.is_undefined() {
            return Ok(false);
        }
        let set_item =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("setItem")).map_err(classify)?;
        let set_item: js_sys::Function = set_item.dyn_into().map_err(classify)?;
        let wrapped = js_sys::JsString::from(before).concat(&value).concat(&JsValue::from_str(after));
        set_item.call2(&self.storage, &JsValue::from_str(to), &wrapped).map_err(classify)?;
        Ok(true)
    }

    fn copy_unwrapped(&mut self, from: &str, to: &str, after: &str, end: &str) -> Result<bool, StoreError> {
        // Cut and written as a JavaScript string: it never crosses into wasm.
        let get_item =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("getItem")).map_err(classify)?;
        let get_item: js_sys::Function = get_item.dyn_into().map_err(classify)?;
        let value = get_item.call1(&self.storage, &JsValue::from_str(from)).map_err(classify)?;
        let Ok(value) = value.dyn_into::<js_sys::JsString>() else { return Ok(false) };
        let at = value.index_of(after, 0);
        if at < 0 || !value.ends_with(end, value.length() as i32) {
            return Ok(false);
        }
        // Lengths in the string's own units (UTF-16), not bytes.
        let start = at as u32 + js_sys::JsString::from(after).length();
        let stop = value.length() - js_sys::JsString::from(end).length();
        if start > stop {
            return Ok(false);
        }
        let set_item =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("setItem")).map_err(classify)?;
        let set_item: js_sys::Function = set_item.dyn_into().map_err(classify)?;
        set_item
            .call2(&self.storage, &JsValue::from_str(to), &value.substring(start, stop))
            .map_err(classify)?;
        Ok(true)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Tells a full quota apart from blocked storage and other failures.
fn classify(error: JsValue) -> StoreError {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "SecurityError" | "InvalidAccessError" => StoreError::Unavailable(describe(&error)),
        _ => StoreError::Failed(describe(&error)),
    }
}

/// A JavaScript exception in words, for messages and logs.
pub fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}
