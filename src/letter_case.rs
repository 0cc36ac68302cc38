//! Lower case for text from people (names, notes), as Unicode defines it, without
//! shipping Unicode's case tables in the page: in the browser it is the browser's
//! own `toLowerCase`, whose tables the browser has anyway; natively it is Rust's
//! `str::to_lowercase`. Both follow Unicode's default case conversion, final sigma
//! included. Keeping core's tables (about 24 KB, 8 KB gzip) out of the first
//! download is the whole point: the page must not call `to_lowercase` or
//! `to_uppercase` itself (code the worker alone runs may).

/// `text` in lower case.
pub fn lower(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_are_lowered() {
        assert_eq!(lower("Dinas ÜNÏCÖDÉ"), "dinas ünïcödé");
        assert_eq!(lower("ΟΔΟΣ"), "οδος");
    }
}
