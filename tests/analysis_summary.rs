//! The summary over the findings: at most seven headlines, ranked by severity and
//! reach, each standing for exactly the findings it counts.
#![cfg(not(target_arch = "wasm32"))]

use simpul::analysis::analyze;
use simpul::analysis::findings::summary::summarise;
use simpul::analysis::findings::{Code, Headline};
use simpul::analysis::thresholds::HEADLINES;
use simpul::model::*;
use std::collections::HashSet;

/// Sectors `x0`…`x{n-1}`, one member each (`p0`…), the members from `p1` on in a
/// chain of links and `p0` alone: `x0` never reaches any other sector.
fn sectors_in_a_chain(n: usize) -> Map {
    let mut map = Map::default();
    for i in 0..n {
        map.sectors.push(Sector {
            id: SectorId::new(format!("x{i}")),
            name: format!("Sector {i}"),
            color: None,
        });
        let mut s = Stakeholder::new(StakeholderId::new(format!("p{i}")), format!("P{i}"));
        s.sectors.push(SectorId::new(format!("x{i}")));
        map.stakeholders.push(s);
    }
    for i in 2..n {
        let id = map.fresh_link_id();
        map.links.push(Link::new(
            id,
            StakeholderId::new(format!("p{}", i - 1)),
            StakeholderId::new(format!("p{i}")),
        ));
    }
    map
}

/// Each headline's count and reach are those of the findings it covers.
fn assert_counts_hold(map: &Map) -> (Vec<Headline>, Vec<simpul::analysis::findings::Finding>) {
    let analysis = analyze(map);
    for h in &analysis.summary {
        let covered: Vec<_> = analysis.findings.iter().filter(|f| h.covers(f)).collect();
        assert_eq!(h.count, covered.len(), "{h:?}");
        let named: HashSet<&str> =
            covered.iter().flat_map(|f| f.subjects.iter().map(String::as_str)).collect();
        assert_eq!(h.reach, named.len(), "{h:?}");
    }
    (analysis.summary, analysis.findings)
}

#[test]
fn many_findings_come_to_seven_headlines_most_severe_and_widest_first() {
    let map = sectors_in_a_chain(14);
    let (summary, findings) = assert_counts_hold(&map);
    assert!(findings.len() > 50, "{} findings", findings.len());
    assert_eq!(summary.len(), HEADLINES);
    let ranks: Vec<_> = summary.iter().map(|h| (h.severity(), std::cmp::Reverse(h.reach))).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted, "{summary:?}");
    // Every gap, then the sector cut off from all 13 others, then the two ends of
    // the chain (cut off from all but their one neighbour).
    let gaps: Vec<_> = summary.iter().filter(|h| h.code == Code::CrossSectorGap).collect();
    assert_eq!(gaps[0].about, None);
    assert_eq!(gaps[0].count, findings.iter().filter(|f| f.code == Code::CrossSectorGap).count());
    assert_eq!((gaps[1].about.as_deref(), gaps[1].count, gaps[1].of), (Some("x0"), 13, 13));
    assert_eq!(gaps.len(), 4, "the code's own and three sectors: {gaps:?}");
    assert!(gaps[2..].iter().all(|h| h.count == 12 && h.about.is_some()), "{gaps:?}");
}

#[test]
fn a_sector_in_every_gap_is_said_once_by_its_name() {
    // Twelve sectors all linked to each other but x0.
    let mut map = sectors_in_a_chain(13);
    for i in 1..13 {
        for j in (i + 2)..13 {
            let id = map.fresh_link_id();
            map.links.push(Link::new(
                id,
                StakeholderId::new(format!("p{i}")),
                StakeholderId::new(format!("p{j}")),
            ));
        }
    }
    let (summary, _) = assert_counts_hold(&map);
    let gaps: Vec<_> = summary.iter().filter(|h| h.code == Code::CrossSectorGap).collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!((gaps[0].about.as_deref(), gaps[0].count, gaps[0].of), (Some("x0"), 12, 12));
}

#[test]
fn a_small_map_has_one_headline_per_code_found() {
    let map = sectors_in_a_chain(5);
    let (summary, findings) = assert_counts_hold(&map);
    let codes: HashSet<Code> = findings.iter().map(|f| f.code).collect();
    let headed: HashSet<Code> = summary.iter().map(|h| h.code).collect();
    assert_eq!(codes.len().min(HEADLINES), headed.len(), "{summary:?}");
}

#[test]
fn no_findings_no_headlines() {
    assert_eq!(summarise(&[], 0), Vec::new());
}

#[test]
fn headlines_speak_both_languages_and_name_what_they_are_about() {
    use simpul::i18n::Lang;
    let map = sectors_in_a_chain(14);
    let analysis = analyze(&map);
    let said = |lang| {
        analysis
            .summary
            .iter()
            .map(|h| h.say(analysis.findings.iter().find(|f| h.covers(f)), &map, lang))
            .collect::<Vec<_>>()
    };
    let (en, id) = (said(Lang::En), said(Lang::Id));
    assert!(en.contains(&"Sector 0 never reaches 13 of 13 sectors".to_string()), "{en:?}");
    assert!(id.contains(&"Sector 0 tak pernah terhubung dengan 13 dari 13 sektor".to_string()), "{id:?}");
    let gaps = analysis.findings.iter().filter(|f| f.code == Code::CrossSectorGap).count();
    assert!(en.contains(&format!("{gaps} pairs of sectors never talk")), "{en:?}");
    // A headline of one finding is its title and whom it is about.
    let isolated = Headline { code: Code::Isolated, about: None, count: 1, reach: 1, of: 0 };
    let first = analysis.findings.iter().find(|f| isolated.covers(f));
    assert_eq!(isolated.say(first, &map, Lang::En), "Isolated stakeholder: P0");
    assert_eq!(isolated.say(first, &map, Lang::Id), "Pemangku kepentingan terisolasi: P0");
}
