//! The Simpul command line, for planners who check many map files and for scripts.
//!
//! ```text
//! simpul analyze FILE [--lang en|id]   metrics, map measures and findings as JSON
//! simpul validate FILE [--lang en|id]  exit 0 if valid; otherwise every problem
//! simpul export FORMAT FILE            the map in another format, on standard output
//! ```
//! Export formats: `graphml`, `stakeholders-csv`, `links-csv`, `kumu` (a blueprint).
//! `FILE` may be `-` for standard input. Exit codes: 0 success, 1 the map is
//! invalid, 2 the command or the file could not be used.

use serde_json::{json, Map as JsonObject, Value};
use simpul::analysis::analyze;
use simpul::format::{decode, Invalid, MAX_FILE_BYTES};
use simpul::i18n::Lang;
use simpul::model::Map;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: simpul analyze FILE [--lang en|id]\n       simpul validate FILE [--lang en|id]\n       simpul export FORMAT FILE\nFORMAT is one of: graphml, stakeholders-csv, links-csv, kumu\nFILE may be - for standard input.";

/// Writes a map in one export format.
type Exporter = fn(&Map) -> String;

/// Export formats by name, each a pure function of the map.
const EXPORTS: &[(&str, Exporter)] = &[
    ("graphml", simpul::format::graphml::to_graphml),
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
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--lang" => {
                let tag = rest.next().ok_or(USAGE)?;
                lang =
                    Lang::from_tag(tag).ok_or_else(|| format!("unknown language {tag:?}: use en or id"))?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ => positional.push(arg.as_str()),
        }
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
    let text = read(file)?;
    let map = match decode(&text) {
        Ok(map) => map,
        Err(invalid) => {
            report(file, &invalid, lang);
            return Ok(ExitCode::from(1));
        }
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

fn read(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES as u64 + 1;
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("{file}: cannot read the file: {e}"))?;
    // Over the limit is reported by the decoder with the limit named.
    String::from_utf8(bytes).map_err(|e| {
        format!("{file}: not a text file (invalid UTF-8 at byte {})", e.utf8_error().valid_up_to())
    })
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
