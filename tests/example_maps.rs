//! The bundled example maps: each exists in both languages, opens without a problem,
//! says the same map in both (only words change), carries the title the library
//! lists, and has findings worth discussing in a workshop.

use simpul::analysis::{analyze, findings::Severity};
use simpul::example_maps::{example_path, EXAMPLE_MAPS};
use simpul::format::decode;
use simpul::i18n::Lang;
use simpul::model::Map;
use std::collections::HashSet;

fn load(stem: &str, lang: Lang) -> Map {
    let path = format!("{}/public/{}", env!("CARGO_MANIFEST_DIR"), example_path(stem, lang));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    decode(&text).unwrap_or_else(|e| panic!("{path}: {:?}", e.problems))
}

#[test]
fn there_are_six_examples_from_the_case_studies() {
    assert!(EXAMPLE_MAPS.len() >= 6);
    let stems: HashSet<&str> = EXAMPLE_MAPS.iter().map(|e| e.0).collect();
    assert_eq!(stems.len(), EXAMPLE_MAPS.len());
}

#[test]
fn each_example_says_the_same_map_in_both_languages() {
    for &(stem, title_en, title_id) in EXAMPLE_MAPS {
        let (en, id) = (load(stem, Lang::En), load(stem, Lang::Id));
        assert_eq!((en.title.as_str(), id.title.as_str()), (title_en, title_id), "{stem}");
        assert_ne!(en.description, id.description, "{stem}: the description is translated");
        // The same stakeholders, scores and links; names of organisations as they are.
        let people = |m: &Map| {
            m.stakeholders
                .iter()
                .map(|s| {
                    (s.id.clone(), s.name.clone(), s.kind, s.power, s.interest, s.stance, s.sectors.clone())
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(people(&en), people(&id), "{stem}");
        assert_eq!(en.links, id.links, "{stem}");
        for (a, b) in en.stakeholders.iter().zip(&id.stakeholders) {
            assert!(a.notes.is_empty() || a.notes != b.notes, "{stem}: {} has its note translated", a.name);
        }
        for (a, b) in en.sectors.iter().zip(&id.sectors) {
            assert_eq!(a.id, b.id);
        }
    }
}

#[test]
fn each_example_has_findings_worth_discussing() {
    for &(stem, _, _) in EXAMPLE_MAPS {
        let map = load(stem, Lang::En);
        assert!(map.stakeholders.len() >= 8, "{stem}");
        let findings = analyze(&map).findings;
        let kinds: HashSet<_> = findings.iter().map(|f| f.code).collect();
        assert!(kinds.len() >= 5, "{stem}: only {kinds:?}");
        assert!(findings.iter().any(|f| f.severity == Severity::High), "{stem}: nothing of high severity");
    }
}
