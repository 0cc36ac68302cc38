//! The map as two CSV tables, stakeholders and links, with Kumu's column names
//! (`Label`, `Type`, `Description`, `Tags`; `From`, `To`, `Type`, `Direction`) plus
//! Simpul's own, so the files open in a spreadsheet and import into Kumu as they are.
//! Several values in one cell are separated by `|`, as Kumu does.

use super::xml::decimal;
use crate::model::Map;

/// Separates several values in one cell (tags, resources), as in Kumu.
pub const CELL_SEPARATOR: &str = " | ";

pub const STAKEHOLDER_COLUMNS: &[&str] = &[
    "ID",
    "Label",
    "Type",
    "Description",
    "Tags",
    "Power",
    "Interest",
    "Stance",
    "Resources",
    "X",
    "Y",
    "Pinned",
    "Community",
];
pub const LINK_COLUMNS: &[&str] =
    &["ID", "From", "To", "Type", "Direction", "Strength", "Description", "From ID", "To ID"];

/// Stakeholders, one row each; `Tags` holds the names of their sectors, and
/// `Community` each one's community (from 1), which imports ignore (it is computed).
pub fn stakeholders_csv(map: &Map) -> String {
    let communities = crate::analysis::communities(map);
    let rows = map.stakeholders.iter().zip(&communities.of).map(|(s, community)| {
        let sectors: Vec<&str> =
            s.sectors.iter().filter_map(|id| map.sector(id)).map(|sector| sector.name.as_str()).collect();
        let resources: Vec<&str> = s.resources.iter().map(|r| r.code()).collect();
        let (x, y) = s.pos_in_world.map_or((String::new(), String::new()), |p| (decimal(p.x), decimal(p.y)));
        vec![
            text(s.id.as_str()),
            text(&s.name),
            s.kind.code().to_string(),
            text(&s.notes),
            text(&sectors.join(CELL_SEPARATOR)),
            s.power.get().to_string(),
            s.interest.get().to_string(),
            s.stance.get().to_string(),
            resources.join(CELL_SEPARATOR),
            x,
            y,
            s.pinned.to_string(),
            (community + 1).to_string(),
        ]
    });
    write(STAKEHOLDER_COLUMNS, rows)
}

/// Links, one row each. `From` and `To` are names, as Kumu matches them; `From ID`
/// and `To ID` say exactly which stakeholder is meant when two share a name.
pub fn links_csv(map: &Map) -> String {
    let name =
        |id: &crate::model::StakeholderId| map.stakeholder(id).map_or(String::new(), |s| text(&s.name));
    let rows = map.links.iter().map(|l| {
        vec![
            text(l.id.as_str()),
            name(&l.from),
            name(&l.to),
            l.kind.code().to_string(),
            if l.directed { "directed" } else { "undirected" }.to_string(),
            l.strength.get().to_string(),
            text(&l.notes),
            text(l.from.as_str()),
            text(l.to.as_str()),
        ]
    });
    write(LINK_COLUMNS, rows)
}

/// Marks the file as UTF-8 for spreadsheets (Excel reads it as a local code page
/// otherwise, and Indonesian or other non-English names come out garbled).
pub const BYTE_ORDER_MARK: &str = "\u{FEFF}";

/// A CSV table of `columns` and `rows` (free text in the rows goes through [`text`]).
pub fn write(columns: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            quoted(&mut out, cell);
        }
        out.push_str("\r\n");
    };
    line(&mut columns.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// RFC 4180: a cell holding a comma, a quote or a line break is put in quotes, and
/// its quotes doubled. Written by hand because the `csv` crate's writer brings
/// float parsing (15 KB of download) for a check we never use; the tests read every
/// export back with that crate's reader.
fn quoted(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// A cell of free text. A spreadsheet runs a cell that starts with `=`, `+`, `-`
/// or `@` (or spaces, a tab or a carriage return before one) as a formula, so such
/// text is written after an apostrophe, which spreadsheets show as text. Text that
/// starts with an apostrophe gets one more, so that reading the file back
/// (`format::spreadsheet`, which trims each cell first) can always remove exactly
/// one. The first character that counts is the first after any white space, as
/// the reader sees the cell.
pub fn text(value: &str) -> String {
    match value.trim_start().chars().next() {
        Some('=' | '+' | '-' | '@' | '\'') => format!("'{value}"),
        _ => value.to_string(),
    }
}
