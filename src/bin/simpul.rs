//! The Simpul command line, for planners who check many map files and for scripts.
//!
//! ```text
//! simpul analyze FILE [--lang en|id]   metrics, map measures and findings as JSON
//! simpul validate FILE [--lang en|id]  exit 0 if valid; otherwise every problem
//! simpul export FORMAT FILE            the map in another format, on standard output
//! simpul import FILE… [--lang en|id]   another tool's file(s) as a .simpul.json map
//! simpul diff OLD NEW [--csv]          what changed from OLD to NEW, as JSON (or CSV)
//! ```
//! `FILE` is any file the app reads: a Simpul map, a Kumu or PRSM map, GraphML,
//! GEXF, an XLSX workbook or CSV files, told apart by their bytes. Types are given
//! the kinds they seem to mean, as the app's import preview first proposes; what
//! the import left out or changed is listed on standard error.
//! Export formats: `graphml`, `gexf`, `stakeholders-csv`, `links-csv`, `kumu` (a
//! blueprint). `FILE` may be `-` for standard input. Exit codes: 0 success, 1 the
//! map is invalid, 2 the command or the file could not be used (a format Simpul
//! does not read is named, with what to export instead).

use serde_json::{json, Map as JsonObject, Value};
use simpul::analysis::analyze;
use simpul::format::foreign::{is_other_tools_json, Foreign};
use simpul::format::import::read_files as read_foreign;
use simpul::format::{decode_value, parse_json, Invalid, Problem, ProblemKind, MAX_FILE_BYTES};
use simpul::i18n::Lang;
use simpul::model::Map;
use std::collections::BTreeMap;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: simpul analyze FILE [--lang en|id]\n       simpul validate FILE [--lang en|id]\n       simpul export FORMAT FILE\n       simpul import FILE... [--lang en|id]\n       simpul diff OLD NEW [--csv]\nFORMAT is one of: graphml, gexf, stakeholders-csv, links-csv, kumu\nFILE is a Simpul map or any file the app imports (Kumu, PRSM, GraphML, GEXF, XLSX, CSV);\nit may be - for standard input.";

/// Writes a map in one export format.
type Exporter = fn(&Map) -> String;

/// Export formats by name, each a pure function of the map.
const EXPORTS: &[(&str, Exporter)] = &[
    ("graphml", simpul::format::graphml::to_graphml),
    ("gexf", simpul::format::gexf::to_gexf),
    ("stakeholders-csv", simpul::format::csv_tables::stakeholders_csv),
    ("links-csv", simpul::format::csv_tables::links_csv),
    ("kumu", simpul::format::kumu::to_kumu_blueprint),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut positional = Vec::new();
    let mut lang = Lang::En;
    let mut csv = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--lang" => {
                let tag = rest.next().ok_or(USAGE)?;
                lang =
                    Lang::from_tag(tag).ok_or_else(|| format!("unknown language {tag:?}: use en or id"))?;
            }
            "--csv" => csv = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ => positional.push(arg.as_str()),
        }
    }
    if let ["import", files @ ..] = &positional[..] {
        if files.is_empty() {
            return Err(USAGE.into());
        }
        return Ok(match load(files, lang)? {
            Some(map) => {
                print!("{}", simpul::format::encode(&map));
                ExitCode::SUCCESS
            }
            None => ExitCode::from(1),
        });
    }
    if let ["diff", old, new] = positional[..] {
        let (Some(old_map), Some(new_map)) = (load(&[old], lang)?, load(&[new], lang)?) else {
            return Ok(ExitCode::from(1));
        };
        let comparison = simpul::analysis::compare::compare(&old_map, &new_map);
        if csv {
            print!("{}", comparison.to_csv());
        } else {
            let report = json!({ "old": old_map.title, "new": new_map.title, "changes": comparison });
            println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if positional.first() == Some(&"diff") {
        return Err(USAGE.into());
    }
    let (command, export, file) = match positional[..] {
        ["export", format, file] => {
            let export = EXPORTS
                .iter()
                .find(|(name, _)| *name == format)
                .ok_or_else(|| format!("unknown export format {format:?}\n{USAGE}"))?;
            ("export", Some(export.1), file)
        }
        [command, file] => (command, None, file),
        _ => return Err(USAGE.into()),
    };
    if !matches!(command, "validate" | "analyze" | "analyse" | "export") {
        return Err(format!("unknown command {command:?}\n{USAGE}"));
    }
    let Some(map) = load(&[file], lang)? else {
        return Ok(ExitCode::from(1));
    };
    match command {
        "validate" => {
            println!(
                "{}",
                lang.pick(
                    format!(
                        "{file}: valid ({} stakeholders, {} links, {} sectors)",
                        map.stakeholders.len(),
                        map.links.len(),
                        map.sectors.len()
                    ),
                    format!(
                        "{file}: sah ({} pemangku kepentingan, {} hubungan, {} sektor)",
                        map.stakeholders.len(),
                        map.links.len(),
                        map.sectors.len()
                    ),
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        "analyze" | "analyse" => {
            let report = analysis_json(&map, lang);
            println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
            Ok(ExitCode::SUCCESS)
        }
        "export" => match export {
            Some(export) => {
                print!("{}", export(&map));
                Ok(ExitCode::SUCCESS)
            }
            None => Err(USAGE.into()),
        },
        _ => Err(USAGE.into()),
    }
}

/// The map in `files`: a Simpul map file, or other tools' files read as the app's
/// import reads them. `None` after reporting an invalid map on standard error; an
/// error when the files are not a map Simpul reads.
fn load(files: &[&str], lang: Lang) -> Result<Option<Map>, String> {
    let mut read_files = Vec::new();
    for file in files {
        read_files.push((file.to_string(), read(file)?));
    }
    // A Simpul map file is parsed once here; another tool's JSON goes on to the importers.
    if let [(file, bytes)] = &read_files[..] {
        if Foreign::of(file, bytes) == Foreign::Json {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                format!("{file}: not a text file (invalid UTF-8 at byte {})", e.valid_up_to())
            })?;
            match parse_json(text) {
                Ok(root) if is_other_tools_json(&root) => {}
                parsed => {
                    return Ok(match parsed.and_then(|root| decode_value(&root)) {
                        Ok(map) => Some(map),
                        Err(invalid) => {
                            report(file, &invalid, lang);
                            None
                        }
                    });
                }
            }
        }
    }
    if let Some((file, bytes)) = read_files.iter().find(|(_, bytes)| bytes.len() > MAX_FILE_BYTES) {
        let problem = Problem::new("", ProblemKind::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
        report(file, &Invalid { problems: vec![problem] }, lang);
        return Ok(None);
    }
    match read_foreign(&read_files) {
        Ok(draft) => {
            for problem in &draft.problems {
                eprintln!("{}", problem.describe(lang));
            }
            Ok(Some(draft.build_in(lang, &BTreeMap::new(), &BTreeMap::new())))
        }
        Err(error) => Err(error.message(lang)),
    }
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES as u64 + 1;
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    // Over the limit is reported with the limit named.
    result.map_err(|e| format!("{file}: cannot read the file: {e}"))?;
    Ok(bytes)
}

fn report(file: &str, invalid: &Invalid, lang: Lang) {
    let count = invalid.problems.len();
    eprintln!("{}", lang.pick(format!("{file}: {count} problem(s)"), format!("{file}: {count} masalah")));
    for problem in &invalid.problems {
        eprintln!("  {}", problem.describe(lang));
    }
}

fn analysis_json(map: &Map, lang: Lang) -> Value {
    let analysis = analyze(map);
    let metrics: JsonObject<String, Value> = map
        .stakeholders
        .iter()
        .zip(&analysis.metrics)
        .map(|(s, m)| {
            let value = json!({
                "degree": m.degree,
                "betweenness": m.betweenness,
                "closeness": m.closeness,
                "eigenvector": m.eigenvector,
                "community": m.community.map(|c| c + 1),
                "quadrant": m.quadrant.code(),
            });
            (s.id.to_string(), value)
        })
        .collect();
    let findings: Vec<Value> = analysis
        .findings
        .iter()
        .map(|f| {
            let explanation = f.explain(map, lang);
            json!({
                "code": f.code.as_str(),
                "severity": f.severity.code(),
                "subjects": f.subjects,
                "title": explanation.title,
                "message": explanation.message,
                "action": explanation.action,
            })
        })
        .collect();
    json!({ "metrics": metrics, "map": analysis.map, "findings": findings })
}
