//! Spreadsheet import: the Kumu sample workbooks import with every element and
//! connection (checked against openpyxl's reading, tests/fixtures/sheets); Simpul's
//! own CSV export reads back; Indonesian headers, semicolons and zips of CSV files
//! work; every unusable row is reported with its sheet, row and column; broken and
//! oversized files are refused; no input makes the reader panic.
// Property tests need proptest, which is a native-only dev dependency.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use simpul::format::csv_tables::{links_csv, stakeholders_csv};
use simpul::format::import::read_files;
use simpul::format::import_error::ImportError;
use simpul::format::sheet::read_csv;
use simpul::format::spreadsheet::{title_of, RowProblemKind};
use simpul::format::xlsx::{read_zip, MAX_UNPACKED_BYTES};
use simpul::i18n::Lang;
use simpul::model::*;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/kumu/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn reference(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/fixtures/sheets/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

fn name_of(map: &Map, id: &StakeholderId) -> String {
    map.stakeholder(id).unwrap().name.clone()
}

#[test]
fn the_kumu_workbooks_import_with_every_element_and_connection() {
    for stem in ["paypal-mafia", "snap-to-tutorial-data"] {
        let file = format!("{stem}.xlsx");
        let draft = read_files(&[(file.clone(), sample(&file))]).unwrap_or_else(|e| panic!("{file}: {e}"));
        let map = draft.build(&BTreeMap::new(), &BTreeMap::new());
        let expected = reference(stem);
        let labels: Vec<&str> =
            expected["elements"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        // Every element, in order, and no stakeholder that is not an element or a connection's end.
        let names: Vec<&str> = map.stakeholders.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(&names[..labels.len()], &labels[..], "{file}");
        let pairs: Vec<(String, String)> = expected["connections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
            .collect();
        for extra in &names[labels.len()..] {
            assert!(pairs.iter().any(|(a, b)| a == extra || b == extra), "{file}: {extra} came from nowhere");
        }
        // Every connection, between the elements it names.
        let links: Vec<(String, String)> =
            map.links.iter().map(|l| (name_of(&map, &l.from), name_of(&map, &l.to))).collect();
        let usable: Vec<(String, String)> =
            pairs.into_iter().filter(|(a, b)| !a.is_empty() && !b.is_empty() && a != b).collect();
        assert_eq!(links, usable, "{file}");
        assert_eq!(map.title, stem);
    }
}

#[test]
fn kumu_workbook_columns_become_fields_and_notes() {
    let draft = read_files(&[("paypal-mafia.xlsx".into(), sample("paypal-mafia.xlsx"))]).unwrap();
    let types: Vec<(String, usize)> =
        draft.stakeholder_types().into_iter().map(|t| (t.type_text, t.count)).collect();
    assert!(types.iter().any(|(t, n)| t == "Person" && *n > 10), "{types:?}");
    let link_types: Vec<String> = draft.link_types().into_iter().map(|t| t.type_text).collect();
    assert!(link_types.contains(&"Employee/Founder".to_string()), "{link_types:?}");
    // The user says a "Person" is from the community and "Company" is business.
    let kinds = BTreeMap::from([
        ("person".to_string(), StakeholderKind::Community),
        ("company".to_string(), StakeholderKind::Business),
    ]);
    let map = draft.build(&kinds, &BTreeMap::new());
    let botha = map.stakeholders.iter().find(|s| s.name == "Roelof Botha").unwrap();
    assert_eq!(botha.kind, StakeholderKind::Community);
    assert!(botha.notes.starts_with("Roelof Botha is a partner at Sequoia Capital"), "{}", botha.notes);
    assert!(
        botha.notes.contains("Image: http://s3.amazonaws.com/"),
        "extra columns are kept: {}",
        botha.notes
    );
    assert!(botha.notes.ends_with("Type: Person"));
    // Imported in Indonesian, the kept type says so in Indonesian.
    let in_indonesian = draft.build_in(simpul::i18n::Lang::Id, &kinds, &BTreeMap::new());
    let botha_id = in_indonesian.stakeholders.iter().find(|s| s.name == "Roelof Botha").unwrap();
    assert!(botha_id.notes.ends_with("Tipe: Person"), "{}", botha_id.notes);
    // Tags become sectors.
    let sector = map.sectors.iter().find(|s| s.name == "PayPal-Mafia").expect("the tag is a sector");
    assert!(botha.sectors.contains(&sector.id));
}

fn rich_map() -> Map {
    let mut map = Map::new("Kesehatan Bali");
    map.sectors = vec![
        Sector { id: SectorId::new("health"), name: "Kesehatan".into(), color: None },
        Sector { id: SectorId::new("water"), name: "Air, sanitasi".into(), color: None },
    ];
    let people = [
        ("dinkes", "Dinas Kesehatan \"Provinsi\" Bali", StakeholderKind::Government, 5, 4, 1),
        ("banjar", "<img src=x onerror=alert(1)> Banjar Adat", StakeholderKind::Community, 2, 5, 2),
        ("pt", "=HYPERLINK(\"http://evil.example\",\"x\")", StakeholderKind::Business, 4, 1, -2),
        ("unud", "Universitas Udayana", StakeholderKind::Academia, 3, 3, 0),
        ("twin", "Universitas Udayana", StakeholderKind::Academia, 1, 1, 0),
    ];
    for (i, (id, name, kind, power, interest, stance)) in people.into_iter().enumerate() {
        let mut s = Stakeholder::new(StakeholderId::new(id), name);
        s.kind = kind;
        s.power = Score::new(power).unwrap();
        s.interest = Score::new(interest).unwrap();
        s.stance = Stance::new(stance).unwrap();
        s.notes = format!("line one, with comma\nline \"two\" {i}");
        s.resources = vec![Resource::Funding, Resource::LocalKnowledge];
        s.sectors = if i % 2 == 0 {
            vec![SectorId::new("health"), SectorId::new("water")]
        } else {
            vec![SectorId::new("water")]
        };
        if i == 1 {
            s.pos_in_world = Some(PosInWorld { x: -12.5, y: 40.0 });
            s.pinned = true;
        }
        map.stakeholders.push(s);
    }
    let mut link = Link::new(LinkId::new("l1"), StakeholderId::new("dinkes"), StakeholderId::new("banjar"));
    link.kind = LinkKind::Funding;
    link.directed = true;
    link.strength = Strength::new(3).unwrap();
    link.notes = "-5 % budget".into();
    map.links.push(link);
    let mut link = Link::new(LinkId::new("l2"), StakeholderId::new("twin"), StakeholderId::new("pt"));
    link.kind = LinkKind::Conflict;
    map.links.push(link);
    map
}

#[test]
fn simpuls_own_csv_export_reads_back() {
    let map = rich_map();
    let files = [
        ("Kesehatan Bali - stakeholders.csv".to_string(), stakeholders_csv(&map).into_bytes()),
        ("Kesehatan Bali - links.csv".to_string(), links_csv(&map).into_bytes()),
    ];
    let draft = read_files(&files).unwrap();
    assert_eq!(draft.problems, []);
    let back = draft.build(&BTreeMap::new(), &BTreeMap::new());
    assert_eq!(back.title, "Kesehatan Bali");
    assert_eq!(back.stakeholders.len(), map.stakeholders.len());
    let sector_names = |m: &Map, s: &Stakeholder| {
        s.sectors.iter().map(|id| m.sector(id).unwrap().name.clone()).collect::<Vec<_>>()
    };
    for (a, b) in map.stakeholders.iter().zip(&back.stakeholders) {
        assert_eq!(
            (&a.id, &a.name, a.kind, a.power, a.interest, a.stance),
            (&b.id, &b.name, b.kind, b.power, b.interest, b.stance)
        );
        assert_eq!(
            (&a.notes, &a.resources, a.pos_in_world, a.pinned),
            (&b.notes, &b.resources, b.pos_in_world, b.pinned)
        );
        assert_eq!(sector_names(&map, a), sector_names(&back, b));
    }
    for (a, b) in map.links.iter().zip(&back.links) {
        assert_eq!(
            (&a.from, &a.to, a.kind, a.directed, a.strength, &a.notes),
            (&b.from, &b.to, b.kind, b.directed, b.strength, &b.notes)
        );
    }
    // And as one zip of the two files.
    let mut zipped = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zipped));
        for (name, bytes) in &files {
            writer.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    let from_zip = read_files(&[("Kesehatan Bali.zip".into(), zipped)])
        .unwrap()
        .build(&BTreeMap::new(), &BTreeMap::new());
    assert_eq!(from_zip.stakeholders, back.stakeholders);
    assert_eq!(from_zip.links, back.links);
}

#[test]
fn indonesian_headers_and_semicolons_are_understood() {
    let csv = "Nama;Jenis;Sektor;Kekuasaan;Kepentingan;Sikap\n\
               Bappeda Kota;Pemerintah kota;Perencanaan | Air;5;4;+1\n\
               Yayasan Air Bersih;Yayasan;Air;2;5;2\n";
    let links = "Dari;Ke;Jenis hubungan;Arah\nYayasan Air Bersih;Bappeda Kota;Hibah;satu arah\n";
    let draft =
        read_files(&[("peta.csv".into(), csv.into()), ("hubungan.csv".into(), links.into())]).unwrap();
    assert_eq!(draft.problems, []);
    let map = draft.build(&BTreeMap::new(), &BTreeMap::new());
    assert_eq!(map.stakeholders[0].kind, StakeholderKind::Government);
    assert_eq!(map.stakeholders[1].kind, StakeholderKind::Ngo);
    assert_eq!(map.stakeholders[0].power.get(), 5);
    assert_eq!(map.stakeholders[0].stance.get(), 1);
    assert_eq!(map.sectors.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Perencanaan", "Air"]);
    assert_eq!(map.stakeholders[1].sectors, [map.sectors[1].id.clone()]);
    assert_eq!((map.links[0].kind, map.links[0].directed), (LinkKind::Funding, true));
    assert_eq!(map.title, "peta");
}

#[test]
fn every_unusable_row_is_reported_with_sheet_row_and_column() {
    let people =
        "Label,Type,Power\nDinas,Government,9\n,Community,2\nDinas,Business,3\nWarga,Community,tinggi\n";
    let links = "From,To,Type,Strength\nDinas,Warga,funding,7\nDinas,Dinas,partnership,1\nDinas,,partnership,1\nWarga,Pasar,service,2\n";
    let draft =
        read_files(&[("people.csv".into(), people.into()), ("links.csv".into(), links.into())]).unwrap();
    let described: Vec<String> = draft.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert_eq!(
        described,
        [
            "people.csv, row 2, column C (Power): “9” is not a whole number from 1 to 5; 3 is used",
            "people.csv, row 3, column A (Label): has no name; the row is left out",
            "people.csv, row 4, column A (Label): “Dinas” is already on an earlier row; this row is left out",
            "people.csv, row 5, column C (Power): “tinggi” is not a whole number from 1 to 5; 3 is used",
            "links.csv, row 2, column D (Strength): “7” is not a whole number from 1 to 3; 1 is used",
            "links.csv, row 3, column B (To): the link joins “Dinas” to itself; the row is left out",
            "links.csv, row 4, column A (From): the link lacks one of its ends; the row is left out",
            "links.csv, row 5, column B (To): no stakeholder is called “Pasar”, so it is added",
        ]
    );
    assert_eq!(
        draft.problems[1].describe(Lang::Id),
        "people.csv, baris 3, kolom A (Label): tidak bernama; baris ini dilewati"
    );
    assert!(matches!(draft.problems[7].kind, RowProblemKind::AddedFromLink { .. }));
    let map = draft.build(&BTreeMap::new(), &BTreeMap::new());
    assert_eq!(
        map.stakeholders.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Dinas", "Warga", "Pasar"]
    );
    assert_eq!(map.links.len(), 2);
}

#[test]
fn files_that_are_not_spreadsheets_are_refused_clearly() {
    assert_eq!(
        read_files(&[("notes.csv".into(), b"just, some\nwords, here\n".to_vec())]),
        Err(ImportError::NothingToImport)
    );
    let broken = read_files(&[("book.xlsx".into(), b"PK\x03\x04 this is no zip".to_vec())]).unwrap_err();
    assert_eq!(broken, ImportError::Damaged { file: "book.xlsx".into() });
    assert_eq!(
        broken.to_string(),
        "book.xlsx is damaged, or it is not really an XLSX workbook or a zip file"
    );
    assert_eq!(
        broken.message(Lang::Id),
        "book.xlsx rusak, atau sebenarnya bukan buku kerja XLSX maupun berkas zip"
    );
    // A zip without a workbook or CSV files inside.
    let mut empty = Vec::new();
    zip::ZipWriter::new(std::io::Cursor::new(&mut empty)).finish().unwrap();
    let refused = read_files(&[("photos.zip".into(), empty)]).unwrap_err();
    assert!(
        refused.to_string().starts_with("photos.zip is not a workbook Simpul can read: it holds neither"),
        "{refused}"
    );
}

#[test]
fn a_zip_that_unpacks_beyond_the_limit_is_refused() {
    let mut zipped = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zipped));
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        writer.start_file("huge.csv", options).unwrap();
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..=(MAX_UNPACKED_BYTES >> 20) {
            writer.write_all(&zeros).unwrap();
        }
        writer.finish().unwrap();
    }
    assert!(zipped.len() < 1 << 20, "the bomb is small: {}", zipped.len());
    assert_eq!(
        read_zip("bomb.zip", &zipped),
        Err(ImportError::Unpacked { file: "bomb.zip".into(), limit: MAX_UNPACKED_BYTES })
    );
}

#[test]
fn titles_come_from_file_names() {
    assert_eq!(title_of("Kesehatan Bali - stakeholders.csv"), "Kesehatan Bali");
    assert_eq!(title_of("paypal-mafia.xlsx"), "paypal-mafia");
    assert_eq!(title_of("no extension"), "no extension");
}

#[test]
fn text_read_back_from_a_csv_export_is_the_text_trimmed() {
    // White space before an apostrophe or a formula's sign, as a random map found.
    let names = [" '\r¡", " =1+1", "'\t=x", "\tDinas", "''", "'=", " @Kota", "-5 Warga"];
    let mut map = Map::new("m");
    for (i, name) in names.iter().enumerate() {
        map.stakeholders.push(Stakeholder::new(StakeholderId::new(format!("s{i}")), *name));
    }
    let files = [("m - stakeholders.csv".to_string(), stakeholders_csv(&map).into_bytes())];
    let back = read_files(&files).unwrap().build(&BTreeMap::new(), &BTreeMap::new());
    let read: Vec<&str> = back.stakeholders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(read, names.map(str::trim));
    // An export from before white space counted: a tab after the apostrophe.
    let old = read_csv("m.csv", b"Label\r\n'\tDinas\r\n").unwrap();
    let draft = simpul::format::spreadsheet::draft(&[old], "m").unwrap();
    assert_eq!(draft.build(&BTreeMap::new(), &BTreeMap::new()).stakeholders[0].name, "Dinas");
}

#[test]
fn windows_excel_csv_reads_as_text() {
    let sheet = read_csv("a.csv", b"Name\r\nCaf\xe9 Kopi\r\n").unwrap();
    assert_eq!(sheet.rows[1], ["Café Kopi"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any bytes, as a CSV or as a would-be workbook: a draft or an error, never a panic.
    #[test]
    fn any_bytes_give_a_draft_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400), zip_header in any::<bool>()) {
        let bytes = if zip_header { [b"PK\x03\x04".as_slice(), &bytes].concat() } else { bytes };
        let _ = read_files(&[("x.csv".into(), bytes)]);
    }

    /// Any valid map's CSV export reads back with the same stakeholders and links.
    #[test]
    fn csv_exports_read_back(map in support::any_map(8)) {
        let files = [("m - stakeholders.csv".to_string(), stakeholders_csv(&map).into_bytes()), ("m - links.csv".to_string(), links_csv(&map).into_bytes())];
        let Ok(draft) = read_files(&files) else { return Ok(()) };
        let back = draft.build(&BTreeMap::new(), &BTreeMap::new());
        // Cells are read trimmed, and a nameless or self-joined row cannot be used.
        let ids: HashMap<&str, &Stakeholder> = back.stakeholders.iter().map(|s| (s.id.as_str(), s)).collect();
        for s in &map.stakeholders {
            let b = ids.get(s.id.as_str()).copied();
            prop_assert!(b.is_some(), "{} is missing", s.id.as_str());
            let b = b.unwrap();
            prop_assert_eq!(b.name.as_str(), s.name.trim());
            prop_assert_eq!((b.kind, b.power, b.interest, b.stance, &b.resources), (s.kind, s.power, s.interest, s.stance, &s.resources));
        }
        let joined = map.links.iter().filter(|l| l.from != l.to).count();
        prop_assert_eq!(back.links.len(), joined);
    }
}

#[test]
fn the_worker_messages_carry_the_preview_and_the_choices() {
    use simpul::format::sheet_messages::{choices, preview, refusal, SheetPreview};
    let draft = read_files(&[("paypal-mafia.xlsx".into(), sample("paypal-mafia.xlsx"))]).unwrap();
    let shown = preview(&draft);
    let p = &shown["preview"];
    assert_eq!(p["title"], "paypal-mafia");
    assert_eq!(p["stakeholders"], draft.stakeholders.len());
    assert_eq!(p["links"], draft.links.len());
    let person = p["types"].as_array().unwrap().iter().find(|t| t[1] == "Person").expect("Person is listed");
    assert_eq!((person[0].as_str(), person[3].as_str()), (Some("person"), Some("other")));
    assert_eq!(p["problems"].as_array().unwrap().len(), draft.problems.len());
    // The page reads the same preview back.
    let read = SheetPreview::from_answer(&shown).expect("the page reads the preview");
    assert_eq!(
        (read.title.as_str(), read.stakeholders, read.links),
        ("paypal-mafia", draft.stakeholders.len() as u64, draft.links.len() as u64)
    );
    let row = read.types.iter().find(|t| t.shown == "Person").expect("Person is read back");
    assert_eq!((row.key.as_str(), row.guess.as_str()), ("person", "other"));
    assert_eq!(read.problems.len(), draft.problems.len());
    assert_eq!(SheetPreview::from_answer(&refusal(&ImportError::NothingToImport)), None);
    // The page's choices, as JSON, become the kinds of the built map.
    let request =
        serde_json::json!({ "kinds": { "person": "community", "company": "nonsense" }, "link_kinds": {} });
    let (kinds, link_kinds) = choices(&request);
    assert_eq!(kinds, BTreeMap::from([("person".to_string(), StakeholderKind::Community)]));
    let map = draft.build(&kinds, &link_kinds);
    let text = simpul::format::encode(&map);
    assert_eq!(simpul::format::decode(&text).unwrap(), map, "the worker's answer opens as the same map");
    let refused = refusal(&ImportError::NothingToImport);
    assert!(refused["refused"]["id"].as_str().unwrap().starts_with("tidak ada lembar"));
}

#[test]
fn workbooks_whose_links_name_ends_by_id_are_joined() {
    // As PRSM (Factors/Links) and Onodo (nodes/relations) workbooks may be laid out.
    let factors =
        "Id,Label,Style,Note\nf1,Water board,Government agency,Runs the pipes\nf2,Fishers,Community group,\n";
    let links = "From,To,Style\nf1,f2,information\n";
    let nodes = "Name,Type,Description\nBappeda,Dinas,\nWarga,Komunitas,\n";
    let relations = "source,target,relationship_type\nWarga,Bappeda,Konflik lahan\n";
    for files in [
        [("factors.csv", factors), ("links.csv", links)],
        [("nodes.csv", nodes), ("relations.csv", relations)],
    ] {
        let files: Vec<(String, Vec<u8>)> =
            files.iter().map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())).collect();
        let draft = read_files(&files).unwrap();
        assert_eq!(draft.problems, [], "{files:?}");
        let map = draft.build(&BTreeMap::new(), &BTreeMap::new());
        assert_eq!(map.stakeholders.len(), 2);
        assert_eq!(map.links.len(), 1);
        assert_eq!(map.stakeholders[0].kind, StakeholderKind::Government);
        assert_eq!(map.stakeholders[1].kind, StakeholderKind::Community);
    }
}

#[test]
fn kumu_json_goes_through_the_same_preview() {
    let path = format!("{}/tests/fixtures/kumu/snap-to-tutorial-project.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let project: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let draft = read_files(&[("project.json".into(), bytes)]).unwrap();
    assert_eq!(draft.stakeholders.len(), project["elements"].as_array().unwrap().len());
    assert_eq!(draft.links.len(), project["connections"].as_array().unwrap().len());
    let types = draft.stakeholder_types();
    assert_eq!((types[0].type_text.as_str(), types[0].count), ("State", draft.stakeholders.len()));
    let map =
        draft.build(&BTreeMap::from([("state".to_string(), StakeholderKind::Government)]), &BTreeMap::new());
    assert!(map.stakeholders.iter().all(|s| s.kind == StakeholderKind::Government));
    assert_eq!(map.title, project["name"].as_str().unwrap());

    let bad = read_files(&[("bad.json".into(), br#"{"elements": [], "connections": {"a": 1}}"#.to_vec())])
        .unwrap_err();
    assert!(matches!(bad, ImportError::NotKumu { .. }), "{bad:?}");
    assert!(bad.to_string().starts_with("bad.json is a Kumu file Simpul cannot read: connections"), "{bad}");
}

#[test]
fn a_workbook_with_a_damaged_part_names_the_part_in_both_languages() {
    let mut zipped = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut zipped));
        writer.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(b"<workbook><sheets>").unwrap();
        writer.finish().unwrap();
    }
    let error = read_files(&[("book.xlsx".into(), zipped)]).unwrap_err();
    let en = error.message(Lang::En);
    let id = error.message(Lang::Id);
    assert!(
        en.starts_with("book.xlsx is not a workbook Simpul can read: its part xl/workbook.xml is damaged ("),
        "{en}"
    );
    assert!(
        id.starts_with(
            "book.xlsx bukan buku kerja yang dapat dibaca Simpul: bagiannya, xl/workbook.xml, rusak ("
        ),
        "{id}"
    );
}
