//! Writes a [`Map`] as a version 1 `.simpul.json` file.

use super::{CURRENT_VERSION, FORMAT_NAME};
use crate::model::{Map, Sector};
use serde::Serialize;
use std::borrow::Borrow;

#[derive(Serialize)]
struct FileV1<'m> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    map: &'m Map,
}

/// The file's text: pretty-printed, so that it stays readable and diffs well.
pub fn encode(map: &Map) -> String {
    let file = FileV1 { format: FORMAT_NAME, version: CURRENT_VERSION, map };
    // A map holds only strings, bounded integers, booleans and finite floats, all of
    // which serde_json writes without error.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The file as something to serialise, for embedding in storage entries without
/// building its JSON tree first (a tree of 5,000 stakeholders costs as much again).
pub fn as_file(map: &Map) -> impl Serialize + '_ {
    FileV1 { format: FORMAT_NAME, version: CURRENT_VERSION, map }
}

/// A map's file text, compact as storage and the background worker take it,
/// written a slice of stakeholders and links at a time: for 5,000 stakeholders
/// and 15,000 links writing it in one go took more than half the 100 ms the page
/// may freeze for. The finished text is the same as serialising [`as_file`].
///
/// `M` is the map or a reference to it, so the encoding can own a snapshot of a
/// map that changes meanwhile.
pub struct Encoding<M> {
    map: M,
    bytes: Vec<u8>,
    /// The next element to write: the stakeholders first, then the links.
    next: usize,
}

/// The fields a file starts with, up to its stakeholders. The same names and order
/// as [`FileV1`] and [`Map`] serialise to (a test holds them to it).
#[derive(Serialize)]
struct Head<'m> {
    format: &'static str,
    version: u64,
    title: &'m str,
    description: &'m str,
    sectors: &'m [Sector],
}

impl<M: Borrow<Map>> Encoding<M> {
    /// Starts the text with everything before the stakeholders (title,
    /// description, sectors: a few hundred elements at most).
    pub fn new(map: M) -> Self {
        let m = map.borrow();
        let head = Head {
            format: FORMAT_NAME,
            version: CURRENT_VERSION,
            title: &m.title,
            description: &m.description,
            sectors: &m.sectors,
        };
        // About 200 bytes a stakeholder and 100 a link; growing the buffer as it
        // fills would copy the text several times over.
        let mut bytes = Vec::with_capacity(256 + 200 * m.stakeholders.len() + 100 * m.links.len());
        // Serialising plain data into a Vec cannot fail (see `encode`).
        let _ = serde_json::to_writer(&mut bytes, &head);
        bytes.pop(); // the head's closing brace: the lists follow
        bytes.extend_from_slice(b",\"stakeholders\":[");
        Self { map, bytes, next: 0 }
    }

    /// Writes up to `elements` more stakeholders and links; `true` once the text
    /// is complete.
    pub fn write(&mut self, elements: usize) -> bool {
        let m = self.map.borrow();
        let (stakeholders, links) = (m.stakeholders.len(), m.links.len());
        let end = self.next.saturating_add(elements).min(stakeholders + links);
        while self.next < end {
            let i = self.next;
            if i < stakeholders {
                if i > 0 {
                    self.bytes.push(b',');
                }
                let _ = serde_json::to_writer(&mut self.bytes, &m.stakeholders[i]);
                if i + 1 == stakeholders {
                    self.bytes.extend_from_slice(b"],\"links\":[");
                }
            } else {
                if i > stakeholders {
                    self.bytes.push(b',');
                }
                let _ = serde_json::to_writer(&mut self.bytes, &m.links[i - stakeholders]);
            }
            self.next += 1;
        }
        self.next == stakeholders + links
    }

    /// The whole text, writing whatever is left.
    pub fn finish(self) -> String {
        self.finish_with_map().1
    }

    /// The map, and its whole text (see [`Self::finish`]).
    pub fn finish_with_map(mut self) -> (M, String) {
        self.write(usize::MAX);
        let m = self.map.borrow();
        if m.stakeholders.is_empty() {
            self.bytes.extend_from_slice(b"],\"links\":[");
        }
        self.bytes.push(b']');
        if !m.votes.is_empty() {
            self.bytes.extend_from_slice(b",\"votes\":");
            let _ = serde_json::to_writer(&mut self.bytes, &m.votes);
        }
        self.bytes.push(b'}');
        // serde_json writes UTF-8 only.
        (self.map, String::from_utf8(self.bytes).unwrap_or_default())
    }

    /// The map being written.
    pub fn map(&self) -> &Map {
        self.map.borrow()
    }
}

/// The file's JSON tree, for embedding in storage entries and share links.
pub fn encode_value(map: &Map) -> serde_json::Value {
    let file = FileV1 { format: FORMAT_NAME, version: CURRENT_VERSION, map };
    serde_json::to_value(&file).unwrap_or(serde_json::Value::Null)
}

/// A file name for the map: `<title>.simpul.json`, with characters that file
/// systems refuse replaced.
pub fn file_name(map: &Map) -> String {
    format!("{}.simpul.json", file_stem(map))
}

/// The map's title as the start of a file name (`map` when it has none), for
/// every file exported from it.
pub fn file_stem(map: &Map) -> String {
    let cleaned: String = map
        .title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    if cleaned.trim().is_empty() {
        "map".to_string()
    } else {
        cleaned
    }
}
