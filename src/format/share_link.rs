//! Share links (PRODUCT.md §3): `#m=` + base64url (no padding) of the raw-DEFLATE
//! compressed map JSON. Decoding is bounded: a link that would inflate beyond
//! [`MAX_DECOMPRESSED_BYTES`] is refused before it can use that much memory.

use super::{decode_value, encode_value, Invalid};
use crate::i18n::Lang;
use crate::model::Map;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// What starts a share link's fragment.
pub const FRAGMENT_PREFIX: &str = "#m=";
/// The largest map JSON a share link may inflate to.
pub const MAX_DECOMPRESSED_BYTES: usize = 5 * 1024 * 1024;
/// Links longer than this are cut by some chat apps and mail clients.
pub const COMFORTABLE_LINK_LENGTH: usize = 2000;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ShareLinkError {
    #[error(
        "this link does not contain a map: it is damaged or incomplete (perhaps cut off when it was sent)"
    )]
    NotBase64,
    #[error("this link's map data is damaged (perhaps the link was cut off when it was sent)")]
    NotDeflate,
    #[error("this link's map is larger than {} MB, more than Simpul opens from a link", MAX_DECOMPRESSED_BYTES / (1024 * 1024))]
    TooLarge,
    #[error("the map in this link has problems: {0}")]
    Invalid(Invalid),
}

impl ShareLinkError {
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Id, ShareLinkError::NotBase64) => "tautan ini tidak berisi peta: tautannya rusak atau tidak lengkap (mungkin terpotong saat dikirim)".into(),
            (Lang::Id, ShareLinkError::NotDeflate) => "data peta dalam tautan ini rusak (mungkin tautannya terpotong saat dikirim)".into(),
            (Lang::Id, ShareLinkError::TooLarge) => format!(
                "peta dalam tautan ini lebih besar dari {} MB, melebihi batas yang dibuka Simpul dari tautan",
                MAX_DECOMPRESSED_BYTES / (1024 * 1024)
            ),
            (Lang::Id, ShareLinkError::Invalid(invalid)) => format!(
                "peta dalam tautan ini bermasalah: {}",
                invalid.problems.iter().map(|p| p.describe(Lang::Id)).collect::<Vec<_>>().join("; ")
            ),
        }
    }
}

/// The fragment for `map`, starting with `#m=`.
pub fn encode_fragment(map: &Map) -> String {
    let json = serde_json::to_vec(&encode_value(map)).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Whether `fragment` (with or without its `#`) is a share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with("m=")
}

/// The base64url payload of a share link's fragment (`#m=…` or `m=…`).
pub fn fragment_payload(fragment: &str) -> &str {
    fragment.trim_start_matches('#').trim_start_matches("m=").trim()
}

/// Reads the map in a share link's fragment (`#m=…` or `m=…`).
pub fn decode_fragment(fragment: &str) -> Result<Map, ShareLinkError> {
    let payload = fragment_payload(fragment);
    // Tolerate padding and the standard alphabet, which some tools produce.
    let payload: String = payload
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    let compressed = URL_SAFE_NO_PAD.decode(payload.as_bytes()).map_err(|_| ShareLinkError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_DECOMPRESSED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareLinkError::TooLarge,
            _ => ShareLinkError::NotDeflate,
        })?;
    let value: serde_json::Value = serde_json::from_slice(&json).map_err(|_| ShareLinkError::NotDeflate)?;
    decode_value(&value).map_err(ShareLinkError::Invalid)
}
