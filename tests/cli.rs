//! The `simpul` command line: JSON analysis, validation exit codes, no panics.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn simpul(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_simpul"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // A command that refuses its arguments exits without reading standard input,
    // so the write may meet a closed pipe: the output and exit code tell the story.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("the CLI ends")
}

const MAP: &str = r#"{"format": "simpul-map", "version": 1, "title": "T",
  "stakeholders": [
    {"id": "dinas", "name": "Dinas", "kind": "government", "power": 5, "interest": 5},
    {"id": "warga", "name": "Warga", "kind": "community", "power": 1, "interest": 5},
    {"id": "pabrik", "name": "Pabrik", "kind": "business", "power": 4, "stance": -2}],
  "links": [{"id": "l1", "from": "dinas", "to": "warga", "kind": "funding", "directed": true}]}"#;

#[test]
fn analyze_prints_metrics_map_measures_and_findings() {
    let out = simpul(&["analyze", "-"], MAP.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let dinas = &report["metrics"]["dinas"];
    for key in ["degree", "betweenness", "closeness", "eigenvector"] {
        assert!(dinas[key].is_f64(), "{key} missing in {dinas}");
    }
    assert_eq!(dinas["degree"], 0.5);
    // Dinas and Warga are one community (from 1), Pabrik, unlinked, another.
    assert_eq!(
        (dinas["community"].as_u64(), report["metrics"]["pabrik"]["community"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(report["map"]["communities"], 2);
    assert!(report["map"]["modularity"].is_f64());
    assert_eq!(dinas["quadrant"], "manage_closely");
    assert_eq!(report["map"]["groups"], 2);
    let codes: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(
        codes.contains(&"one-way-dependency")
            && codes.contains(&"opposed-powerful")
            && codes.contains(&"isolated"),
        "{codes:?}"
    );
    let finding = &report["findings"][0];
    assert!(
        finding["severity"].is_string() && finding["subjects"].is_array() && finding["message"].is_string()
    );
}

#[test]
fn analyze_speaks_bahasa_indonesia_on_request() {
    let out = simpul(&["analyze", "-", "--lang", "id"], MAP.as_bytes());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Warga bergantung pada Dinas"), "{text}");
}

#[test]
fn validate_exits_zero_for_a_valid_map_and_one_with_every_problem() {
    let ok = simpul(&["validate", "-"], MAP.as_bytes());
    assert_eq!(ok.status.code(), Some(0));
    let bad =
        MAP.replace("\"power\": 5", "\"power\": 9").replace("\"kind\": \"business\"", "\"kind\": \"bisnis\"");
    let out = simpul(&["validate", "-"], bad.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stakeholders[0].power: 9 is outside 1–5"), "{stderr}");
    assert!(stderr.contains("stakeholders[2].kind: \"bisnis\" is not one of"), "{stderr}");
}

#[test]
fn unusable_input_gives_a_message_never_a_panic() {
    for (args, stdin) in [
        (vec!["validate", "-"], vec![0xff, 0xfe, 0x00, 0x41]),
        (vec!["analyze", "/definitely/not/here.simpul.json"], vec![]),
        (vec!["frobnicate", "-"], vec![]),
        (vec!["analyze"], vec![]),
        (vec!["analyze", "-", "--lang", "fr"], vec![]),
    ] {
        let out = simpul(&args, &stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked") && !stderr.is_empty(), "{args:?}: {stderr}");
    }
    let out = simpul(&["analyze", "-"], b"{\"format\": \"simpul-map\", \"version\": 1, \"links\": [");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn export_writes_graphml_and_refuses_unknown_formats() {
    let out = simpul(&["export", "graphml", "-"], MAP.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = String::from_utf8(out.stdout).expect("UTF-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    let nodes: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("node")).filter_map(|n| n.attribute("id")).collect();
    assert_eq!(nodes, ["dinas", "warga", "pabrik"]);
    let bad = simpul(&["export", "pdf", "-"], MAP.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown export format \"pdf\""));
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/foreign/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_format_the_app_reads_is_read_from_its_bytes() {
    // A yEd file named .xml, a compressed PRSM map, GEXF, and two Gephi tables.
    let out = simpul(&["import", &fixture("yed.graphml")], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let map = simpul::format::decode(&String::from_utf8(out.stdout).unwrap()).expect("a valid map");
    assert_eq!(map.stakeholders.len(), 4);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line"), "what was left out is listed");

    let out = simpul(&["validate", "-"], &std::fs::read(fixture("madani.prsm")).unwrap());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 stakeholders, 3 links"));

    let out = simpul(&["analyze", &fixture("gephi.gexf"), "--lang", "id"], b"");
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["metrics"]["0"]["degree"].is_f64());

    let out = simpul(&["import", &fixture("gephi-nodes.csv"), &fixture("gephi-edges.csv")], b"");
    let map = simpul::format::decode(&String::from_utf8(out.stdout).unwrap()).expect("a valid map");
    assert_eq!((map.stakeholders.len(), map.links.len()), (3, 3));

    let out = simpul(&["export", "gexf", &fixture("networkx.graphml")], b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains("<gexf"));
}

#[test]
fn formats_simpul_does_not_read_are_named_in_the_refusal() {
    for (name, said) in [("network.gml", "GML"), ("old.xls", ".xls"), ("map.pdf", "PDF")] {
        let out = simpul(&["import", &fixture(name)], b"");
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said) && !stderr.contains("panicked"), "{name}: {stderr}");
        let out = simpul(&["validate", &fixture(name), "--lang", "id"], b"");
        let in_indonesian = String::from_utf8_lossy(&out.stderr);
        assert!(in_indonesian.contains(said) && in_indonesian != stderr, "{in_indonesian}");
    }
}

#[test]
fn diff_prints_what_changed_as_json_or_csv() {
    let dir = std::env::temp_dir().join(format!("simpul-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let old = dir.join("old.simpul.json");
    let new = dir.join("new.simpul.json");
    std::fs::write(&old, MAP).expect("written");
    // Months later: Pabrik gone, Warga's power up, a new link from Warga back to Dinas.
    let later = MAP
        .replace(
            r#",
    {"id": "pabrik", "name": "Pabrik", "kind": "business", "power": 4, "stance": -2}"#,
            "",
        )
        .replace(r#""power": 1, "interest": 5"#, r#""power": 3, "interest": 5"#)
        .replace(
            r#""directed": true}]"#,
            r#""directed": true}, {"id": "l2", "from": "warga", "to": "dinas", "kind": "information"}]"#,
        )
        .replace(r#""title": "T""#, r#""title": "T later""#);
    std::fs::write(&new, &later).expect("written");
    let (old, new) = (old.to_string_lossy().to_string(), new.to_string_lossy().to_string());

    let out = simpul(&["diff", &old, &new], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["old"], "T");
    assert_eq!(report["new"], "T later");
    let changes = &report["changes"];
    assert_eq!(changes["stakeholders"]["removed"][0]["id"], "pabrik");
    assert_eq!(
        changes["stakeholders"]["changed"][0]["fields"][0],
        serde_json::json!({"field": "power", "before": "1", "after": "3"})
    );
    assert_eq!(changes["links"]["added"][0]["name"], "Warga → Dinas");
    // Warga has a channel back now: the one-way dependency is resolved.
    let resolved = changes["findings_resolved"].as_array().expect("a list");
    assert!(resolved.iter().any(|f| f["code"] == "one-way-dependency"), "{resolved:?}");

    let out = simpul(&["diff", &old, &new, "--csv"], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader.headers().expect("a header").iter().map(str::to_string).collect();
    assert_eq!(headers, ["Thing", "Change", "ID", "Name", "Field", "Before", "After"]);
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("a row").iter().map(str::to_string).collect()).collect();
    assert!(
        rows.contains(&["stakeholder", "removed", "pabrik", "Pabrik", "", "", ""].map(String::from).to_vec()),
        "{rows:?}"
    );
    assert!(rows.contains(
        &["stakeholder", "changed", "warga", "Warga", "power", "1", "3"].map(String::from).to_vec()
    ));
    assert!(rows.iter().any(|r| r[0] == "metric" && r[2] == "warga" && r[4] == "betweenness"));

    // Two files or nothing.
    let out = simpul(&["diff", &old], b"");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
