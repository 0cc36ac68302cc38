//! Map files: Simpul's own `.simpul.json` (version 1, PRODUCT.md §3), its share
//! links and backups, and other tools' files, read (`import`) and written.

mod attributed;
pub mod backup;
pub mod csv_tables;
mod decode;
pub mod draft;
mod encode;
mod field_names;
pub mod foreign;
pub mod gexf;
mod gexf_import;
pub mod graphml;
mod graphml_import;
pub mod import;
pub mod import_error;
pub mod kind_words;
pub mod kumu;
pub mod lz_string;
mod parse;
mod problem;
pub mod prsm;
mod share_link;
pub mod sheet;
pub mod sheet_messages;
pub mod spreadsheet;
pub mod xlsx;
mod xml;
mod xml_source;

pub use decode::{decode, decode_value, parse_json, Decoding};
pub use encode::{as_file, encode, encode_value, file_name, file_stem, Encoding};
pub use parse::Parsing;
pub use problem::{Expected, Invalid, Problem, ProblemKind};
pub use share_link::{
    decode_fragment, encode_fragment, fragment_payload, is_share_fragment, ShareLinkError,
    COMFORTABLE_LINK_LENGTH, FRAGMENT_PREFIX, MAX_DECOMPRESSED_BYTES,
};
pub use xml::{decimal, escape as escape_xml, exact};

/// The value of the `format` field that marks a Simpul map file.
pub const FORMAT_NAME: &str = "simpul-map";
/// The file version this Simpul writes and the newest it reads.
pub const CURRENT_VERSION: u64 = 1;
/// Files larger than this are refused before parsing, so that a stray huge file
/// cannot freeze the page.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
