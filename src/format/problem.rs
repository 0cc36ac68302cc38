//! What can be wrong with a map file, said so that a facilitator can fix it.

use crate::i18n::Lang;
use crate::model::OverLimit;
use std::fmt;

/// What kind of JSON value a field needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    WholeNumber,
    Number,
    TrueOrFalse,
    /// A vote's `dots`: each voter's list of option keys.
    VoterDots,
}

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            Expected::Object => lang.pick("an object { … }", "sebuah objek { … }"),
            Expected::List => lang.pick("a list [ … ]", "sebuah daftar [ … ]"),
            Expected::Text => lang.pick("text in quotes", "teks dalam tanda kutip"),
            Expected::WholeNumber => lang.pick("a whole number", "bilangan bulat"),
            Expected::Number => lang.pick("a number", "sebuah angka"),
            Expected::TrueOrFalse => lang.pick("true or false", "true atau false"),
            Expected::VoterDots => lang.pick(
                "an object of voters, each with a list of option keys",
                "sebuah objek berisi pemilih, masing-masing dengan daftar kunci pilihan",
            ),
        }
    }
}

/// One thing wrong with a file. The location is kept apart so that every problem
/// can be shown as `stakeholders[3].power: 9 is outside 1–5`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    #[error("the file is not valid JSON: {} (line {line}, column {column})", if *.ends_early { "it ends too early, as if it was cut off" } else { "there is something unexpected" })]
    Syntax { line: usize, column: usize, ends_early: bool },
    #[error("the file is empty")]
    Empty,
    #[error("the file could not be read ({reason})")]
    Unreadable { reason: String },
    #[error("the file is {bytes} bytes; Simpul opens map files of at most {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    /// A list longer than a map may be ([`crate::model::MapPart::limit`]).
    #[error("{}", .0.message(Lang::En))]
    TooMany(OverLimit),
    /// A problem described elsewhere in both languages (by the background worker).
    #[error("{en}")]
    Described { en: String, id: String },
    #[error("this is not a Simpul map file (\"format\" should be \"simpul-map\")")]
    NotSimpulMap,
    #[error("this map was made by a newer Simpul (file version {found}; this Simpul reads up to version {supported}); update Simpul to open it")]
    NewerVersion { found: u64, supported: u64 },
    #[error("{found} is not a file version Simpul knows")]
    UnknownVersion { found: String },
    #[error("is missing")]
    Missing,
    #[error("should be {}", .0.describe(Lang::En))]
    WrongType(Expected),
    #[error("{value} is outside {min}–{max}")]
    OutOfRange { value: String, min: i64, max: i64 },
    #[error("must not be empty")]
    Blank,
    #[error("the id \"{id}\" is already used at {first}")]
    DuplicateId { id: String, first: String },
    #[error("\"{value}\" is listed more than once")]
    Repeated { value: String },
    #[error("\"{value}\" is not one of: {}", .allowed.join(", "))]
    NotAllowed { value: String, allowed: Vec<&'static str> },
    #[error("no sector has the id \"{id}\"")]
    UnknownSector { id: String },
    #[error("no stakeholder has the id \"{id}\"")]
    UnknownStakeholder { id: String },
    #[error("\"{value}\" is not a colour like #2a9d8f")]
    BadColor { value: String },
    #[error("a position needs both x and y")]
    HalfPosition,
    #[error("{0}")]
    BadVote(crate::model::VoteProblem),
}

impl ProblemKind {
    /// The message in the given language; English is the `Display` text.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Id => self.message_id(),
        }
    }

    fn message_id(&self) -> String {
        match self {
            ProblemKind::Syntax { line, column, ends_early } => format!(
                "berkas ini bukan JSON yang sah: {} (baris {line}, kolom {column})",
                if *ends_early { "berkas berakhir terlalu cepat, seperti terpotong" } else { "ada sesuatu yang tidak terduga" }
            ),
            ProblemKind::Empty => "berkas ini kosong".into(),
            ProblemKind::Unreadable { reason } => format!("berkas ini tidak dapat dibaca ({reason})"),
            ProblemKind::TooLarge { bytes, limit } => {
                format!("berkas ini berukuran {bytes} bita; Simpul hanya membuka berkas peta paling besar {limit} bita")
            }
            ProblemKind::TooMany(over) => over.message(Lang::Id),
            ProblemKind::Described { id, .. } => id.clone(),
            ProblemKind::NotSimpulMap => {
                "ini bukan berkas peta Simpul (\"format\" seharusnya \"simpul-map\")".into()
            }
            ProblemKind::NewerVersion { found, supported } => format!(
                "peta ini dibuat oleh Simpul versi yang lebih baru (versi berkas {found}; Simpul ini membaca sampai versi {supported}); perbarui Simpul untuk membukanya"
            ),
            ProblemKind::UnknownVersion { found } => {
                format!("{found} bukan versi berkas yang dikenal Simpul")
            }
            ProblemKind::Missing => "tidak ada".into(),
            ProblemKind::WrongType(expected) => {
                format!("seharusnya {}", expected.describe(Lang::Id))
            }
            ProblemKind::OutOfRange { value, min, max } => {
                format!("{value} berada di luar rentang {min}–{max}")
            }
            ProblemKind::Blank => "tidak boleh kosong".into(),
            ProblemKind::DuplicateId { id, first } => {
                format!("id \"{id}\" sudah dipakai di {first}")
            }
            ProblemKind::Repeated { value } => format!("\"{value}\" tercantum lebih dari sekali"),
            ProblemKind::NotAllowed { value, allowed } => {
                format!("\"{value}\" bukan salah satu dari: {}", allowed.join(", "))
            }
            ProblemKind::UnknownSector { id } => format!("tidak ada sektor dengan id \"{id}\""),
            ProblemKind::UnknownStakeholder { id } => {
                format!("tidak ada pemangku kepentingan dengan id \"{id}\"")
            }
            ProblemKind::BadColor { value } => {
                format!("\"{value}\" bukan warna seperti #2a9d8f")
            }
            ProblemKind::HalfPosition => "posisi memerlukan x dan y sekaligus".into(),
            ProblemKind::BadVote(problem) => problem.message(Lang::Id),
        }
    }
}

/// A problem and where it is: a JSON path such as `stakeholders[3].power`, or empty
/// for the file as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Self { path: path.into(), kind }
    }

    /// `path: message`, or the message alone for whole-file problems.
    pub fn describe(&self, lang: Lang) -> String {
        if let ProblemKind::Described { .. } = self.kind {
            // Already a sentence, which may start with a file name.
            self.kind.message(lang)
        } else if self.path.is_empty() {
            capitalise(&self.kind.message(lang))
        } else {
            format!("{}: {}", self.path, self.kind.message(lang))
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Our messages begin with an ASCII letter; `char::to_uppercase` would bring
/// Unicode's case tables into the page (see `letter_case`).
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase()).chain(chars).collect(),
        None => String::new(),
    }
}

/// Every problem found in a file; never empty.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct Invalid {
    pub problems: Vec<Problem>,
}
