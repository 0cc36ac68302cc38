//! The files a map is exported as for other tools (GraphML, GEXF, the CSV tables,
//! a Kumu blueprint) and its picture as SVG. They are written in the background
//! worker, which keeps their writers out of the page's first download: the page
//! sends [`request`], the worker answers with [`answer`].

use crate::drawing::{svg, CommunityFill, Emphasis};
use crate::format::{csv_tables, gexf, graphml, kumu};
use crate::i18n::Lang;
use crate::layout::MapLayout;
use crate::model::Map;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Graphml,
    Gexf,
    StakeholdersCsv,
    LinksCsv,
    KumuBlueprint,
    /// The network picture, with the legend in the language given, if any, and
    /// its stakeholders coloured by community or by kind.
    Svg {
        legend: Option<Lang>,
        by_community: bool,
    },
}

/// The SVG's codes: with or without a legend (in which language), and by kind;
/// by community, each with this after it.
const BY_COMMUNITY: &str = "+community";

impl ExportKind {
    fn code(self) -> String {
        let code = match self {
            ExportKind::Graphml => "graphml",
            ExportKind::Gexf => "gexf",
            ExportKind::StakeholdersCsv => "stakeholders-csv",
            ExportKind::LinksCsv => "links-csv",
            ExportKind::KumuBlueprint => "kumu",
            ExportKind::Svg { legend: None, .. } => "svg",
            ExportKind::Svg { legend: Some(Lang::En), .. } => "svg-en",
            ExportKind::Svg { legend: Some(Lang::Id), .. } => "svg-id",
        };
        match self {
            ExportKind::Svg { by_community: true, .. } => [code, BY_COMMUNITY].concat(),
            _ => code.to_string(),
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        let (code, by_community) = match code.strip_suffix(BY_COMMUNITY) {
            Some(svg) if svg.starts_with("svg") => (svg, true),
            _ => (code, false),
        };
        Some(match code {
            "graphml" => ExportKind::Graphml,
            "gexf" => ExportKind::Gexf,
            "stakeholders-csv" => ExportKind::StakeholdersCsv,
            "links-csv" => ExportKind::LinksCsv,
            "kumu" => ExportKind::KumuBlueprint,
            "svg" => ExportKind::Svg { legend: None, by_community },
            "svg-en" => ExportKind::Svg { legend: Some(Lang::En), by_community },
            "svg-id" => ExportKind::Svg { legend: Some(Lang::Id), by_community },
            _ => return None,
        })
    }
}

/// The file `map` is exported as.
pub fn write(kind: ExportKind, map: &Map) -> String {
    match kind {
        ExportKind::Graphml => graphml::to_graphml(map),
        ExportKind::Gexf => gexf::to_gexf(map),
        ExportKind::StakeholdersCsv => csv_tables::stakeholders_csv(map),
        ExportKind::LinksCsv => csv_tables::links_csv(map),
        ExportKind::KumuBlueprint => kumu::to_kumu_blueprint(map),
        ExportKind::Svg { legend, by_community } => {
            // The communities as the page's analysis finds them: the same seeded
            // Louvain on the same map.
            let fill = by_community.then(|| {
                let of: Vec<Option<u32>> =
                    crate::analysis::communities(map).of.into_iter().map(Some).collect();
                CommunityFill::new(&of)
            });
            svg::render(map, &MapLayout::settled(map), &Emphasis::default(), legend, fill.as_ref())
        }
    }
}

/// The worker's request: the kind on the first line, then the map's `.simpul.json` text.
pub fn request(kind: ExportKind, map_text: &str) -> String {
    [kind.code().as_str(), "\n", map_text].concat()
}

/// The worker's answer to [`request`]: the exported file, or empty if the request
/// does not name an export or its map does not read (the page then says so).
pub fn answer(request: &str) -> String {
    let Some((code, map_text)) = request.split_once('\n') else { return String::new() };
    if code == COMPARE {
        return compare_answer(map_text);
    }
    match (ExportKind::from_code(code), crate::format::decode(map_text)) {
        (Some(kind), Ok(map)) => write(kind, &map),
        _ => String::new(),
    }
}

/// The first line of a request to compare two maps.
const COMPARE: &str = "compare";
/// Between the two maps of a comparison's request: a character a JSON text never
/// holds raw.
const BETWEEN_MAPS: char = '\u{1}';

/// The worker's request to compare the map in `old_text` with the one in
/// `new_text` (see `analysis::compare`); [`answer`] gives `{"changes": …, "csv": …}`.
pub fn compare_request(old_text: &str, new_text: &str) -> String {
    let mut request = String::with_capacity(old_text.len() + new_text.len() + 10);
    request.push_str(COMPARE);
    request.push('\n');
    request.push_str(old_text);
    request.push(BETWEEN_MAPS);
    request.push_str(new_text);
    request
}

fn compare_answer(maps: &str) -> String {
    let Some((old, new)) = maps.split_once(BETWEEN_MAPS) else { return String::new() };
    match (crate::format::decode(old), crate::format::decode(new)) {
        (Ok(old), Ok(new)) => {
            let changes = crate::analysis::compare::compare(&old, &new);
            serde_json::json!({ "changes": changes, "csv": changes.to_csv() }).to_string()
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stakeholder, StakeholderId};

    #[test]
    fn a_request_answers_with_the_file_written_in_the_page_before() {
        let mut map = Map::new("Kota <Hijau>");
        map.stakeholders.push(Stakeholder::new(StakeholderId::new("a"), "Dinas & Co"));
        let text = crate::format::encode(&map);
        for kind in [
            ExportKind::Graphml,
            ExportKind::StakeholdersCsv,
            ExportKind::LinksCsv,
            ExportKind::KumuBlueprint,
            ExportKind::Svg { legend: Some(Lang::Id), by_community: false },
            ExportKind::Svg { legend: None, by_community: false },
            ExportKind::Svg { legend: Some(Lang::En), by_community: true },
        ] {
            assert_eq!(answer(&request(kind, &text)), write(kind, &map), "{kind:?}");
            assert!(!write(kind, &map).is_empty(), "{kind:?}");
        }
        assert!(
            answer(&request(ExportKind::Svg { legend: Some(Lang::Id), by_community: false }, &text))
                .contains("Lainnya"),
            "the legend speaks Indonesian"
        );
    }

    #[test]
    fn a_comparison_is_answered_with_its_changes_and_csv() {
        let old = Map::new("Baseline");
        let mut new = old.clone();
        new.stakeholders.push(Stakeholder::new(StakeholderId::new("a"), "Dinas"));
        let text = answer(&compare_request(&crate::format::encode(&old), &crate::format::encode(&new)));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(value["changes"]["stakeholders"]["added"][0]["name"], "Dinas");
        assert!(value["csv"].as_str().is_some_and(|csv| csv.contains("stakeholder,added,a,Dinas")));
        assert_eq!(answer(&compare_request("{", "{}")), "");
        assert_eq!(answer("compare\nno separator"), "");
    }

    #[test]
    fn a_broken_request_answers_empty() {
        assert_eq!(answer("graphml"), "");
        assert_eq!(answer("pdf\n{}"), "");
        assert_eq!(answer("graphml\n{not json"), "");
    }
}
