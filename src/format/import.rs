//! Any file from another tool into a draft for the import preview: its format told
//! from its bytes (`foreign`), then read by the reader of that format. Files Simpul
//! does not read are refused by name, with what to export instead.

use super::draft::Draft;
use super::foreign::Foreign;
use super::import_error::ImportError;
use super::spreadsheet::{self, title_of};
use crate::i18n::Lang;
use crate::model::{MapPart, OverLimit};
use std::collections::HashSet;

/// Reads chosen files into one draft, titled after the first file (or the title the
/// file gives itself): one GraphML, GEXF, PRSM or Kumu file, or spreadsheets (CSV
/// files, an XLSX workbook, a zip of CSV files). Returns every reason a file
/// cannot be read, in place of a draft.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Draft, ImportError> {
    if let [(name, bytes)] = files {
        let title = title_of(name);
        let draft = match Foreign::of(name, bytes) {
            Foreign::Json => Some(json_draft(name, bytes)?),
            Foreign::GraphMl => Some(super::graphml_import::read(name, bytes)?),
            Foreign::Gexf => Some(super::gexf_import::read(name, bytes)?),
            Foreign::PrsmCompressed => Some(super::prsm::read_compressed(name, bytes)?),
            Foreign::Zip | Foreign::Csv => None,
            format => return Err(ImportError::Unsupported { file: name.clone(), format }),
        };
        if let Some(mut draft) = draft {
            if draft.title.trim().is_empty() {
                draft.title = title.to_string();
            }
            return within_limits(draft);
        }
    }
    let mut sheets = Vec::new();
    for (name, bytes) in files {
        match Foreign::of(name, bytes) {
            Foreign::Zip => sheets.extend(super::xlsx::read_zip(name, bytes)?),
            Foreign::Csv | Foreign::Unknown => sheets.push(super::sheet::read_csv(name, bytes)?),
            format => return Err(ImportError::Unsupported { file: name.clone(), format }),
        }
    }
    let title = files.first().map_or("", |(name, _)| title_of(name));
    within_limits(spreadsheet::draft(&sheets, title)?)
}

/// The draft, or why its map would be refused: more sectors, stakeholders or
/// links than a map may hold ([`MapPart::limit`]), said before the preview. The
/// sectors are those `Draft::build` makes: every declared one, and one per other
/// name (in any case).
fn within_limits(draft: Draft) -> Result<Draft, ImportError> {
    let sectors = || {
        let declared: HashSet<String> = draft.sectors.iter().map(|s| s.name.to_lowercase()).collect();
        let named: HashSet<String> = draft
            .stakeholders
            .iter()
            .flat_map(|s| &s.sectors)
            .map(|name| name.to_lowercase())
            .filter(|name| !declared.contains(name))
            .collect();
        draft.sectors.len() + named.len()
    };
    let count = |part| match part {
        MapPart::Sectors => sectors(),
        MapPart::Stakeholders => draft.stakeholders.len(),
        MapPart::Links => draft.links.len(),
    };
    match MapPart::first_over(count) {
        Some((part, count)) => Err(ImportError::TooMany(OverLimit { part, count })),
        None => Ok(draft),
    }
}

/// A foreign JSON map: a Kumu project or blueprint, or a plain PRSM map; any other
/// JSON is refused as unknown.
fn json_draft(name: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    let unknown = || ImportError::Unsupported { file: name.into(), format: Foreign::Unknown };
    let text = std::str::from_utf8(bytes).map_err(|_| unknown())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let root: serde_json::Value = serde_json::from_str(text).map_err(|_| unknown())?;
    if super::kumu::is_kumu(&root) {
        let draft = super::kumu::kumu_draft(&root).map_err(|invalid| ImportError::NotKumu {
            file: name.into(),
            detail: invalid.problems.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>().join("; "),
        })?;
        return Ok(draft);
    }
    if super::prsm::is_prsm(&root) {
        return super::prsm::read(name, &root);
    }
    Err(unknown())
}
