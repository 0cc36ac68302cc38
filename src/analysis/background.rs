//! Analysing maps in the web worker without freezing the page (issue 7: no task
//! over 100 ms). The path centralities cost `O(n·m)`: 15 ms for 500 stakeholders,
//! 2 s for 5,000. Every map is sent to the worker after each change, and until its
//! answer comes the page shows the last analysis carried over to the map as it is
//! now; a map too big for one task also has its lists built, and is saved, in
//! tasks of their own (`is_big`).

use super::mendelow::Quadrant;
use super::{Analysis, StakeholderMetrics};
use crate::model::Map;
use std::collections::{HashMap, HashSet};

/// The work a map's analysis costs, in units of about 15 ns in the browser
/// (measured on the 500-stakeholder benchmark map: 1,000,000 units, 15 ms).
pub fn cost(map: &Map) -> u64 {
    let (n, m, s) = (map.stakeholders.len() as u64, map.links.len() as u64, map.sectors.len() as u64);
    n.saturating_mul(n.saturating_add(m)).saturating_add(s.saturating_mul(s))
}

/// The most analysis work that fits between two frames: about 25 ms.
pub const IN_PAGE_COST: u64 = 1_600_000;

/// Whether `map`'s analysis would fit between two frames: a bigger map is handled
/// in slices (`is_big`), and its Findings say it is being analysed.
pub fn fits_in_page(map: &Map) -> bool {
    cost(map) <= IN_PAGE_COST
}

/// The worker's last `answer` (an analysis and the map it is of) carried over to
/// `now`: with no answer yet, every stakeholder with zero metrics and no finding.
pub fn carry_over_answer(answer: Option<&(Map, Analysis)>, now: &Map) -> Analysis {
    match answer {
        Some((analysed, analysis)) => carry_over(analysis, analysed, now),
        None => carry_over(&Analysis::default(), &Map::default(), now),
    }
}

/// The analysis of `analysed` made to fit `now` while the analysis of `now` runs:
/// each stakeholder keeps its metrics if it was there before (zero if it is new,
/// with its quadrant from its scores now); findings about a stakeholder or sector
/// that has gone are dropped. Map measures and the sector matrix stay as they were.
pub fn carry_over(analysis: &Analysis, analysed: &Map, now: &Map) -> Analysis {
    let before: HashMap<&str, &StakeholderMetrics> =
        analysed.stakeholders.iter().map(|s| s.id.as_str()).zip(&analysis.metrics).collect();
    let metrics = now
        .stakeholders
        .iter()
        .map(|s| {
            let quadrant = Quadrant::of(s);
            match before.get(s.id.as_str()) {
                Some(m) => StakeholderMetrics { quadrant, ..**m },
                None => StakeholderMetrics {
                    degree: 0.0,
                    betweenness: 0.0,
                    closeness: 0.0,
                    eigenvector: 0.0,
                    community: None,
                    quadrant,
                },
            }
        })
        .collect();
    let present: HashSet<&str> = subject_ids(now).collect();
    let gone: HashSet<&str> = subject_ids(analysed).filter(|id| !present.contains(id)).collect();
    let findings = analysis
        .findings
        .iter()
        .filter(|f| !f.subjects.iter().any(|subject| gone.contains(subject.as_str())))
        .cloned()
        .collect();
    // The summary's counts stay as they were until the answer; a headline about
    // a sector that has gone goes with it.
    let summary = analysis
        .summary
        .iter()
        .filter(|h| !h.about.as_deref().is_some_and(|about| gone.contains(about)))
        .cloned()
        .collect();
    Analysis {
        metrics,
        map: analysis.map.clone(),
        findings,
        sector_matrix: analysis.sector_matrix.clone(),
        summary,
    }
}

/// The ids a finding can name as its subjects: stakeholders' and sectors'.
fn subject_ids(map: &Map) -> impl Iterator<Item = &str> {
    map.stakeholders.iter().map(|s| s.id.as_str()).chain(map.sectors.iter().map(|s| s.id.as_str()))
}

/// Stakeholders and links together beyond which a map's lists are built, and the
/// map saved, each in a task of its own (about 50–100 ms of work apiece here).
pub const BIG_MAP_ELEMENTS: usize = 1_000;

/// Whether `map` is handled in slices: analysed in the worker, or with lists too
/// long to build in the task that opens or changes it.
pub fn is_big(map: &Map) -> bool {
    map.stakeholders.len() + map.links.len() > BIG_MAP_ELEMENTS || !fits_in_page(map)
}

/// The analysis as the worker sends it.
pub fn to_message(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).unwrap_or_default()
}

/// The worker's answer read back; `None` if it is not an analysis (the page then
/// says so and keeps the findings it shows).
pub fn from_message(text: &str) -> Option<Analysis> {
    super::answer::read(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{Link, Stakeholder, StakeholderId};

    fn chain(n: usize) -> Map {
        let mut map = Map::default();
        for i in 0..n {
            map.stakeholders.push(Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("S {i}")));
        }
        for i in 1..n {
            map.links.push(Link::new(
                crate::model::LinkId::new(format!("l{i}")),
                StakeholderId::new(format!("s{}", i - 1)),
                StakeholderId::new(format!("s{i}")),
            ));
        }
        map
    }

    #[test]
    fn small_maps_fit_in_the_page_and_big_ones_do_not() {
        assert!(fits_in_page(&chain(300)));
        assert!(!fits_in_page(&chain(2_000)));
    }

    #[test]
    fn a_map_is_big_for_its_lists_or_for_its_analysis() {
        assert!(!is_big(&chain(300)));
        assert!(is_big(&chain(600)), "1,199 stakeholders and links");
        let mut dense = chain(2);
        dense.sectors = (0..1_300)
            .map(|i| crate::model::Sector {
                id: crate::model::SectorId::new(format!("x{i}")),
                name: format!("X {i}"),
                color: None,
            })
            .collect();
        assert!(is_big(&dense), "1,300 sectors: an analysis too long for a frame");
    }

    #[test]
    fn a_removed_stakeholder_takes_its_metrics_and_findings_along() {
        let before = chain(5);
        let analysis = analyze(&before);
        assert!(analysis.findings.iter().any(|f| f.subjects.contains(&"s1".to_string())));
        let mut now = before.clone();
        now.stakeholders.remove(1);
        now.links.retain(|l| l.from.as_str() != "s1" && l.to.as_str() != "s1");
        now.stakeholders.push(Stakeholder::new(StakeholderId::new("new"), "New"));
        let carried = carry_over(&analysis, &before, &now);
        assert_eq!(carried.metrics.len(), now.stakeholders.len());
        // s2 keeps its own numbers, though it moved up a place.
        assert_eq!(carried.metrics[1].betweenness, analysis.metrics[2].betweenness);
        assert_eq!(carried.metrics[4].betweenness, 0.0);
        assert!(carried.findings.iter().all(|f| !f.subjects.contains(&"s1".to_string())));
        assert!(carried.findings.len() < analysis.findings.len());
    }
}
