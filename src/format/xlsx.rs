//! XLSX workbooks (Kumu, Onodo and PRSM exports, or any Excel file) and zips of
//! CSV files, read as [`Sheet`]s: every worksheet in workbook order, cells as the
//! text the workbook stores (shared strings, inline strings, numbers as written).
//! Unpacking is bounded, so a small hostile zip cannot fill the memory.

use super::import_error::{ImportError, WorkbookFault};
use super::sheet::{column_of, read_csv, Sheet};
use std::io::{Cursor, Read};

/// The most a workbook may unpack to, all parts together.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Every worksheet of an XLSX workbook, or every CSV file of a zip.
pub fn read_zip(file: &str, bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::Damaged { file: file.into() })?;
    let mut budget = MAX_UNPACKED_BYTES;
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return read_workbook(file, &mut archive, &mut budget);
    }
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.to_lowercase().ends_with(".csv"))
        .map(|n| n.into_owned())
        .collect();
    if names.is_empty() {
        return Err(ImportError::NotAWorkbook { file: file.into(), fault: WorkbookFault::NothingInside });
    }
    let mut sheets = Vec::new();
    for name in names {
        let bytes =
            part(file, &mut archive, &name, &mut budget)?.ok_or_else(|| bad_part(file, &name, "missing"))?;
        let short = name.rsplit('/').next().unwrap_or(&name);
        sheets.push(read_csv(short, &bytes)?);
    }
    Ok(sheets)
}

fn read_workbook(file: &str, archive: &mut Archive, budget: &mut u64) -> Result<Vec<Sheet>, ImportError> {
    let text = |archive: &mut Archive, name: &str, budget: &mut u64| -> Result<Option<String>, ImportError> {
        match part(file, archive, name, budget)? {
            None => Ok(None),
            Some(bytes) => {
                String::from_utf8(bytes).map(Some).map_err(|_| bad_part(file, name, "not UTF-8 text"))
            }
        }
    };
    let workbook_xml = text(archive, "xl/workbook.xml", budget)?.unwrap_or_default();
    let workbook = parse_xml(file, "xl/workbook.xml", &workbook_xml)?;
    let rels_xml = text(archive, "xl/_rels/workbook.xml.rels", budget)?.unwrap_or_default();
    let targets = relationship_targets(&parse_xml(file, "xl/_rels/workbook.xml.rels", &rels_xml)?);
    let shared = match text(archive, "xl/sharedStrings.xml", budget)? {
        Some(xml) => shared_strings(&parse_xml(file, "xl/sharedStrings.xml", &xml)?),
        None => Vec::new(),
    };
    let mut sheets = Vec::new();
    for (name, rel_id) in sheet_list(&workbook) {
        let Some(target) = targets.iter().find(|(id, _)| *id == rel_id).map(|(_, t)| t.clone()) else {
            continue;
        };
        // Targets are relative to xl/, or absolute within the package.
        let path = target.strip_prefix('/').map_or_else(|| format!("xl/{target}"), str::to_string);
        let Some(xml) = text(archive, &path, budget)? else { continue };
        sheets.push(Sheet { name, rows: worksheet_rows(&parse_xml(file, &path, &xml)?, &shared) });
    }
    Ok(sheets)
}

fn bad_part(file: &str, part: &str, detail: impl std::fmt::Display) -> ImportError {
    ImportError::NotAWorkbook {
        file: file.into(),
        fault: WorkbookFault::BadPart { part: part.into(), detail: detail.to_string() },
    }
}

/// A part as an XML document, or why it is not one.
fn parse_xml<'x>(file: &str, name: &str, xml: &'x str) -> Result<roxmltree::Document<'x>, ImportError> {
    roxmltree::Document::parse(xml).map_err(|e| bad_part(file, name, e))
}

/// One part of the archive, unpacked within the remaining budget; `None` if absent.
fn part(
    file: &str,
    archive: &mut Archive,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, ImportError> {
    let Some(index) = archive.index_for_name(name) else { return Ok(None) };
    let entry = archive.by_index(index).map_err(|e| bad_part(file, name, e))?;
    let mut bytes = Vec::new();
    // Read one byte past the budget to know it was passed, whatever the entry claims.
    entry.take(*budget + 1).read_to_end(&mut bytes).map_err(|e| bad_part(file, name, e))?;
    let used = bytes.len() as u64;
    if used > *budget {
        return Err(ImportError::Unpacked { file: file.into(), limit: MAX_UNPACKED_BYTES });
    }
    *budget -= used;
    Ok(Some(bytes))
}

/// (sheet name, relationship id) in workbook order.
fn sheet_list(workbook: &roxmltree::Document) -> Vec<(String, String)> {
    workbook
        .descendants()
        .filter(|n| n.has_tag_name("sheet"))
        .filter_map(|n| {
            let rel = n.attributes().find(|a| a.name() == "id")?.value().to_string();
            Some((n.attribute("name").unwrap_or("").to_string(), rel))
        })
        .collect()
}

/// (relationship id, target) pairs.
fn relationship_targets(rels: &roxmltree::Document) -> Vec<(String, String)> {
    rels.descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .filter_map(|n| Some((n.attribute("Id")?.to_string(), n.attribute("Target")?.to_string())))
        .collect()
}

/// The shared strings table: each `<si>`'s text, runs of rich text joined.
fn shared_strings(doc: &roxmltree::Document) -> Vec<String> {
    doc.root_element().children().filter(|n| n.has_tag_name("si")).map(|si| text_of(si)).collect()
}

/// The text of `<t>` elements under a node, skipping phonetic runs (`<rPh>`).
fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.has_tag_name("t") && !n.ancestors().any(|a| a.has_tag_name("rPh")))
        .filter_map(|t| t.text())
        .collect()
}

/// The rows of a worksheet, placed by their `r` references (rows and cells may be
/// skipped when empty), with trailing empty cells dropped.
fn worksheet_rows(doc: &roxmltree::Document, shared: &[String]) -> Vec<Vec<String>> {
    /// A sheet claiming a row or column beyond these is clipped, not allocated.
    const MAX_ROWS: usize = 1_048_576;
    const MAX_COLUMNS: usize = 16_384;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in doc.descendants().filter(|n| n.has_tag_name("row")) {
        let number = row.attribute("r").and_then(|r| r.parse::<usize>().ok()).unwrap_or(rows.len() + 1);
        if number == 0 || number > MAX_ROWS || number <= rows.len() {
            continue;
        }
        // Empty rows between rows that hold something.
        rows.resize(number - 1, Vec::new());
        let mut cells: Vec<String> = Vec::new();
        for cell in row.children().filter(|n| n.has_tag_name("c")) {
            let column = cell.attribute("r").and_then(column_of).unwrap_or(cells.len());
            if column >= MAX_COLUMNS || column < cells.len() {
                continue;
            }
            let value = || cell.children().find(|n| n.has_tag_name("v")).and_then(|v| v.text()).unwrap_or("");
            let text = match cell.attribute("t") {
                Some("s") => value()
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| shared.get(i))
                    .cloned()
                    .unwrap_or_default(),
                Some("inlineStr") => {
                    cell.children().find(|n| n.has_tag_name("is")).map(text_of).unwrap_or_default()
                }
                Some("b") => if value() == "1" { "TRUE" } else { "FALSE" }.to_string(),
                _ => value().to_string(),
            };
            cells.resize(column, String::new());
            cells.push(text);
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    rows
}
