//! Why a file from another tool could not be imported at all, in the user's language.
//! (A file that opens with some rows or elements left out is not refused: those are
//! listed in the import preview instead, see `draft::RowProblem`.)

use super::foreign::Foreign;
use crate::i18n::Lang;
use crate::model::OverLimit;

/// Why a file from another tool could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: row {row} could not be read as CSV ({detail})")]
    Csv { file: String, row: usize, detail: String },
    #[error("{file} is damaged, or it is not really an XLSX workbook or a zip file")]
    Damaged { file: String },
    #[error("{file} is not a workbook Simpul can read: {fault}")]
    NotAWorkbook { file: String, fault: WorkbookFault },
    #[error("{file} is a Kumu file Simpul cannot read: {detail}")]
    NotKumu { file: String, detail: String },
    #[error("{file} unpacks to more than {limit} bytes, more than Simpul reads")]
    Unpacked { file: String, limit: u64 },
    #[error("no sheet or file has a column for names (Label or Name) or for links (From and To)")]
    NothingToImport,
    #[error("{}", .0.message(Lang::En))]
    TooMany(OverLimit),
    /// A format Simpul does not read, named with what to export instead.
    #[error("{file}: {}", .format.refusal(Lang::En))]
    Unsupported { file: String, format: Foreign },
    /// XML that its reader could not parse, with the line where it stopped.
    #[error("{file} is a damaged {format} file: line {line}, {detail}")]
    BadXml { file: String, format: &'static str, line: u32, detail: String },
    /// A GraphML or GEXF file without a graph in it.
    #[error("{file} is a {format} file with no graph in it")]
    NoGraph { file: String, format: &'static str },
    /// A PRSM file that does not decompress to a PRSM map.
    #[error("{file} is not a PRSM map Simpul can read: {detail}")]
    NotPrsm { file: String, detail: String },
}

/// What is wrong inside a zip or workbook. Details from the zip and XML readers are
/// technical and kept as they are, in brackets.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookFault {
    #[error("it holds neither a workbook nor CSV files")]
    NothingInside,
    #[error("its part {part} is damaged ({detail})")]
    BadPart { part: String, detail: String },
}

impl WorkbookFault {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (WorkbookFault::NothingInside, Lang::Id) => "isinya bukan buku kerja maupun berkas CSV".into(),
            (WorkbookFault::BadPart { part, detail }, Lang::Id) => {
                format!("bagiannya, {part}, rusak ({detail})")
            }
        }
    }
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (ImportError::Csv { file, row, detail }, Lang::Id) => {
                format!("{file}: baris {row} tidak dapat dibaca sebagai CSV ({detail})")
            }
            (ImportError::Damaged { file }, Lang::Id) => {
                format!("{file} rusak, atau sebenarnya bukan buku kerja XLSX maupun berkas zip")
            }
            (ImportError::NotAWorkbook { file, fault }, Lang::Id) => {
                format!("{file} bukan buku kerja yang dapat dibaca Simpul: {}", fault.message(Lang::Id))
            }
            (ImportError::NotKumu { file, detail }, Lang::Id) => {
                format!("{file} adalah berkas Kumu yang tidak dapat dibaca Simpul: {detail}")
            }
            (ImportError::Unpacked { file, limit }, Lang::Id) => {
                format!("{file} membengkak menjadi lebih dari {limit} bita saat dibuka, melebihi batas Simpul")
            }
            (ImportError::TooMany(over), Lang::Id) => over.message(Lang::Id),
            (ImportError::Unsupported { file, format }, Lang::Id) => {
                format!("{file}: {}", format.refusal(Lang::Id))
            }
            (ImportError::BadXml { file, format, line, detail }, Lang::Id) => {
                format!("{file} adalah berkas {format} yang rusak: baris {line}, {detail}")
            }
            (ImportError::NoGraph { file, format }, Lang::Id) => {
                format!("{file} adalah berkas {format} tanpa graf di dalamnya")
            }
            (ImportError::NotPrsm { file, detail }, Lang::Id) => {
                format!("{file} bukan peta PRSM yang dapat dibaca Simpul: {detail}")
            }
            (ImportError::NothingToImport, Lang::Id) => {
                "tidak ada lembar atau berkas dengan kolom nama (Label atau Name) atau kolom hubungan (From dan To)".into()
            }
        }
    }
}
