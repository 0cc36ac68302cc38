//! CSV export read back by a CSV reader: one row per stakeholder and link, Kumu's
//! column names, several values split by `|`, and no cell a spreadsheet would run
//! as a formula.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::format::csv_tables::{
    links_csv, stakeholders_csv, text, BYTE_ORDER_MARK, LINK_COLUMNS, STAKEHOLDER_COLUMNS,
};
use simpul::model::*;

fn rows(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = csv_text.strip_prefix(BYTE_ORDER_MARK).expect("a UTF-8 byte order mark first");
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let header = reader.headers().expect("a header row").iter().map(String::from).collect();
    let rows =
        reader.records().map(|r| r.expect("a well-formed row").iter().map(String::from).collect()).collect();
    (header, rows)
}

/// Whether a spreadsheet would run this cell as a formula.
fn runs_as_formula(cell: &str) -> bool {
    cell.trim_start_matches(['\t', '\r']).starts_with(['=', '+', '-', '@'])
}

fn check(map: &Map) {
    let (header, stakeholders) = rows(&stakeholders_csv(map));
    assert_eq!(header, STAKEHOLDER_COLUMNS);
    assert_eq!(stakeholders.len(), map.stakeholders.len());
    for (row, s) in stakeholders.iter().zip(&map.stakeholders) {
        assert_eq!(row[0], text(s.id.as_str()));
        assert_eq!(row[1], text(&s.name));
        assert_eq!(row[2], s.kind.code());
        assert_eq!(row[3], text(&s.notes));
        let sectors: Vec<String> = s.sectors.iter().map(|id| map.sector(id).unwrap().name.clone()).collect();
        assert_eq!(row[4], text(&sectors.join(" | ")));
        let numbers: Vec<i64> = row[5..8].iter().map(|c| c.parse().unwrap()).collect();
        assert_eq!(numbers, [s.power.get().into(), s.interest.get().into(), i64::from(s.stance.get())]);
        let resources: Vec<&str> = if row[8].is_empty() { vec![] } else { row[8].split(" | ").collect() };
        assert_eq!(resources, s.resources.iter().map(|r| r.code()).collect::<Vec<_>>());
        match s.pos_in_world {
            Some(p) => {
                let (x, y): (f64, f64) = (row[9].parse().unwrap(), row[10].parse().unwrap());
                assert!((x - p.x).abs() <= 0.05 + 1e-9 && (y - p.y).abs() <= 0.05 + 1e-9);
            }
            None => assert_eq!((row[9].as_str(), row[10].as_str()), ("", "")),
        }
        assert_eq!(row[11], s.pinned.to_string());
        for cell in [&row[0], &row[1], &row[3], &row[4]] {
            assert!(!runs_as_formula(cell), "{cell:?}");
        }
    }
    let (header, links) = rows(&links_csv(map));
    assert_eq!(header, LINK_COLUMNS);
    assert_eq!(links.len(), map.links.len());
    for (row, l) in links.iter().zip(&map.links) {
        let name = |id: &StakeholderId| text(&map.stakeholder(id).unwrap().name);
        assert_eq!(
            row,
            &[
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
        );
        assert!(row.iter().all(|cell| !runs_as_formula(cell)), "{row:?}");
    }
}

#[test]
fn formulas_are_written_as_text() {
    for (cell, written) in [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+62 811", "'+62 811"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        (" =1", "' =1"),
        (" 'petik", "' 'petik"),
        ("\tDinas", "\tDinas"),
        ("Dinas = Kota", "Dinas = Kota"),
        ("", ""),
    ] {
        assert_eq!(text(cell), written);
    }
    let mut map = Map::new("t");
    let mut s = Stakeholder::new(StakeholderId::new("=id"), "=HYPERLINK(\"http://evil\",\"klik\")");
    s.notes = "@cmd|' /C calc'!A0".into();
    s.stance = Stance::new(-2).unwrap();
    map.stakeholders.push(s);
    check(&map);
    let (_, rows) = rows(&stakeholders_csv(&map));
    assert_eq!(rows[0][7], "-2", "numbers are numbers, not text");
}

#[test]
fn names_with_commas_quotes_and_newlines_stay_in_their_cell() {
    let mut map = Map::new("t");
    map.stakeholders.push(Stakeholder::new(StakeholderId::new("a"), "Dinas \"Kebersihan\", Kota\nJakarta"));
    map.stakeholders.push(Stakeholder::new(StakeholderId::new("b"), "Warga RW 05 🤝"));
    map.links.push(Link::new(LinkId::new("l1"), StakeholderId::new("a"), StakeholderId::new("b")));
    check(&map);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_map_reads_back_row_by_row(map in support::any_map(8)) {
        check(&map);
    }
}
