//! One test per finding rule of PRODUCT.md §4: a map where it must fire, and maps
//! where it must not.
#![cfg(not(target_arch = "wasm32"))]

use simpul::analysis::analyze;
use simpul::analysis::findings::{Code, Severity};
use simpul::analysis::thresholds;
use simpul::i18n::Lang;
use simpul::model::*;

/// A small map builder: stakeholders default to kind `other`, power 3, interest 3.
#[derive(Default)]
struct Build(Map);

impl Build {
    fn people(mut self, ids: &[&str]) -> Self {
        for id in ids {
            self.0.stakeholders.push(Stakeholder::new(StakeholderId::new(*id), id.to_uppercase()));
        }
        self
    }
    fn with(mut self, id: &str, change: impl FnOnce(&mut Stakeholder)) -> Self {
        let s = self.0.stakeholders.iter_mut().find(|s| s.id.as_str() == id).expect("known id");
        change(s);
        self
    }
    fn power(self, id: &str, power: i64) -> Self {
        self.with(id, |s| s.power = Score::new(power).unwrap())
    }
    fn interest(self, id: &str, interest: i64) -> Self {
        self.with(id, |s| s.interest = Score::new(interest).unwrap())
    }
    fn kind(self, id: &str, kind: StakeholderKind) -> Self {
        self.with(id, |s| s.kind = kind)
    }
    fn sector(mut self, id: &str, members: &[&str]) -> Self {
        self.0.sectors.push(Sector { id: SectorId::new(id), name: format!("Sector {id}"), color: None });
        for member in members {
            self = self.with(member, |s| s.sectors.push(SectorId::new(id)));
        }
        self
    }
    fn add_link(mut self, a: &str, b: &str, directed: bool) -> Self {
        let id = self.0.fresh_link_id();
        let mut link = Link::new(id, StakeholderId::new(a), StakeholderId::new(b));
        link.directed = directed;
        self.0.links.push(link);
        self
    }
    fn link(self, a: &str, b: &str) -> Self {
        self.add_link(a, b, false)
    }
    fn arrow(self, a: &str, b: &str) -> Self {
        self.add_link(a, b, true)
    }
    fn chain(mut self, ids: &[&str]) -> Self {
        for pair in ids.windows(2) {
            self = self.link(pair[0], pair[1]);
        }
        self
    }
    fn subjects(&self, code: Code) -> Vec<Vec<String>> {
        analyze(&self.0).findings.into_iter().filter(|f| f.code == code).map(|f| f.subjects).collect()
    }
}

fn ids(groups: &[&[&str]]) -> Vec<Vec<String>> {
    groups.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect()
}

const NONE: &[&[&str]] = &[];

#[test]
fn one_way_dependency() {
    let base = || {
        Build::default()
            .people(&["dinas", "warga", "mid"])
            .power("dinas", 5)
            .power("warga", 2)
            .power("mid", 3)
    };
    let fires = base().arrow("dinas", "warga").arrow("dinas", "warga");
    assert_eq!(
        fires.subjects(Code::OneWayDependency),
        ids(&[&["dinas", "warga"]]),
        "one finding per ordered pair"
    );
    assert_eq!(
        base().arrow("dinas", "warga").arrow("warga", "dinas").subjects(Code::OneWayDependency),
        ids(NONE)
    );
    assert_eq!(
        base().arrow("dinas", "warga").link("warga", "dinas").subjects(Code::OneWayDependency),
        ids(NONE)
    );
    // An undirected link is a channel back whichever way it was drawn.
    assert_eq!(
        base().arrow("dinas", "warga").link("dinas", "warga").subjects(Code::OneWayDependency),
        ids(NONE)
    );
    // A gap of 2 is below the threshold; a link the other way round is not a dependency of the stronger.
    assert_eq!(base().arrow("dinas", "mid").subjects(Code::OneWayDependency), ids(NONE));
    assert_eq!(base().arrow("warga", "dinas").subjects(Code::OneWayDependency), ids(NONE));
    assert_eq!(base().link("dinas", "warga").subjects(Code::OneWayDependency), ids(NONE));
}

#[test]
fn unheard_voice() {
    let base = || {
        Build::default()
            .people(&["ibu", "rt", "bupati"])
            .power("ibu", 2)
            .interest("ibu", 5)
            .power("rt", 3)
            .power("bupati", 4)
    };
    assert_eq!(base().link("ibu", "rt").subjects(Code::UnheardVoice), ids(&[&["ibu"]]));
    assert_eq!(base().subjects(Code::UnheardVoice), ids(&[&["ibu"]]), "isolated counts too");
    assert_eq!(base().link("ibu", "rt").arrow("bupati", "ibu").subjects(Code::UnheardVoice), ids(NONE));
    assert_eq!(base().interest("ibu", 3).subjects(Code::UnheardVoice), ids(NONE));
    assert_eq!(base().power("ibu", 3).subjects(Code::UnheardVoice), ids(NONE));
}

#[test]
fn opposed_powerful() {
    let base = || Build::default().people(&["pabrik"]).power("pabrik", 4);
    assert_eq!(
        base().with("pabrik", |s| s.stance = Stance::new(-1).unwrap()).subjects(Code::OpposedPowerful),
        ids(&[&["pabrik"]])
    );
    assert_eq!(
        base().with("pabrik", |s| s.stance = Stance::new(0).unwrap()).subjects(Code::OpposedPowerful),
        ids(NONE)
    );
    let weak = base().power("pabrik", 3).with("pabrik", |s| s.stance = Stance::new(-2).unwrap());
    assert_eq!(weak.subjects(Code::OpposedPowerful), ids(NONE));
}

#[test]
fn hub_dominance() {
    let star = Build::default()
        .people(&["hub", "a", "b", "c", "d"])
        .link("hub", "a")
        .link("hub", "b")
        .link("hub", "c")
        .link("hub", "d");
    assert_eq!(star.subjects(Code::HubDominance), ids(&[&["hub"]]));
    // Too small a map to judge.
    let small =
        Build::default().people(&["hub", "a", "b", "c"]).link("hub", "a").link("hub", "b").link("hub", "c");
    assert_eq!(small.subjects(Code::HubDominance), ids(NONE));
    let ring =
        Build::default().people(&["a", "b", "c", "d", "e", "f"]).chain(&["a", "b", "c", "d", "e", "f", "a"]);
    assert_eq!(ring.subjects(Code::HubDominance), ids(NONE));
    // Betweenness alone is enough: the middle of a path carries over half of it.
    let path = Build::default().people(&["a", "b", "c", "d", "e"]).chain(&["a", "b", "c", "d", "e"]);
    assert_eq!(path.subjects(Code::HubDominance), ids(NONE), "c carries 4 of 10 pair-paths, under half");
    // Betweenness alone is enough: two cliques of four joined only through h. h is an
    // endpoint of 8 of 20 pairs (40%) but carries every path between the cliques.
    let cliques = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"];
    let mut joined = Build::default().people(&cliques).people(&["h"]);
    for side in [&cliques[..4], &cliques[4..]] {
        for (i, x) in side.iter().enumerate() {
            for y in &side[i + 1..] {
                joined = joined.link(x, y);
            }
        }
    }
    for x in cliques {
        joined = joined.link("h", x);
    }
    assert_eq!(joined.subjects(Code::HubDominance), ids(&[&["h"]]));
}

#[test]
fn gatekeeper() {
    let path = |n: usize| {
        let names: Vec<&str> = ["a", "b", "c", "d", "e"][..n].to_vec();
        Build::default().people(&names).chain(&names)
    };
    assert_eq!(path(3).subjects(Code::Gatekeeper), ids(NONE), "parts of one stakeholder each");
    assert_eq!(path(4).subjects(Code::Gatekeeper), ids(NONE), "only one part of two");
    assert_eq!(path(5).subjects(Code::Gatekeeper), ids(&[&["c"]]));
    let triangles = Build::default()
        .people(&["a", "b", "c", "g", "d", "e", "f"])
        .chain(&["a", "b", "c", "a"])
        .chain(&["d", "e", "f", "d"])
        .link("c", "g")
        .link("g", "d");
    assert_eq!(triangles.subjects(Code::Gatekeeper), ids(&[&["c"], &["g"], &["d"]]));
    let explanation = analyze(&triangles.0)
        .findings
        .into_iter()
        .find(|f| f.code == Code::Gatekeeper && f.subjects == ["g"])
        .unwrap();
    assert_eq!(
        explanation.explain(&triangles.0, Lang::En).message,
        "Without G, its group would split into 2 parts (3 + 3 stakeholders)."
    );
}

#[test]
fn hidden_broker() {
    let path = || Build::default().people(&["a", "b", "c", "d", "e"]).chain(&["a", "b", "c", "d", "e"]);
    assert_eq!(
        path().power("c", 1).power("b", 2).subjects(Code::HiddenBroker),
        ids(&[&["c"]]),
        "b is not in the top ⌈5/10⌉ = 1"
    );
    assert_eq!(path().power("c", 3).power("b", 1).subjects(Code::HiddenBroker), ids(NONE));
    // Zero betweenness never makes a broker, even at the top.
    let pair = Build::default().people(&["a", "b"]).link("a", "b").power("a", 1);
    assert_eq!(pair.subjects(Code::HiddenBroker), ids(NONE));
    // With 11 stakeholders the top 2 count: both centres of a double star.
    let mut names = vec!["x", "y"];
    names.extend(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    let mut double = Build::default().people(&names).link("x", "y").power("x", 2).power("y", 1);
    for leaf in ["1", "2", "3", "4"] {
        double = double.link("x", leaf);
    }
    for leaf in ["5", "6", "7", "8", "9"] {
        double = double.link("y", leaf);
    }
    assert_eq!(double.subjects(Code::HiddenBroker), ids(&[&["x"], &["y"]]));
    assert_eq!(thresholds::BROKER_TOP_DIVISOR, 10);
}

#[test]
fn sector_split() {
    // Two tight triangles joined by one link between non-members; the health
    // sector has two members in each triangle, so two communities.
    let base = || {
        Build::default()
            .people(&["a", "b", "x", "c", "d", "y", "lone"])
            .chain(&["a", "b", "x", "a"])
            .chain(&["c", "d", "y", "c"])
            .link("x", "y")
            .sector("health", &["a", "b", "c", "d", "lone"])
    };
    assert_eq!(base().subjects(Code::SectorSplit), ids(&[&["health"]]));
    let found = analyze(&base().0).findings.into_iter().find(|f| f.code == Code::SectorSplit).unwrap();
    assert_eq!(found.severity, Severity::Medium);
    assert_eq!(
        found.detail,
        simpul::analysis::findings::Detail::Parts(vec![2, 2]),
        "a member with no link is not counted"
    );
    let text = found.explain(&base().0, Lang::En);
    assert!(text.message.contains("fall into 2 communities (2 and 2 members)"), "{}", text.message);
    assert!(found.explain(&base().0, Lang::Id).message.contains("komunitas"));
    // One link between members of the two camps closes the gap.
    assert_eq!(base().link("b", "c").subjects(Code::SectorSplit), ids(NONE));
    // A sector within one community is not split.
    assert_eq!(base().sector("edu", &["a", "b"]).subjects(Code::SectorSplit), ids(&[&["health"]]));
    const _: () = assert!(thresholds::SPLIT_MIN_COMMUNITIES == 2);
}

#[test]
fn cross_sector_gap() {
    let base = || {
        Build::default()
            .people(&["puskesmas", "sekolah", "bank"])
            .sector("health", &["puskesmas"])
            .sector("edu", &["sekolah"])
    };
    assert_eq!(base().subjects(Code::CrossSectorGap), ids(&[&["health", "edu"]]));
    assert_eq!(base().link("puskesmas", "sekolah").subjects(Code::CrossSectorGap), ids(NONE));
    assert_eq!(
        base()
            .with("bank", |s| s.sectors = vec![SectorId::new("health"), SectorId::new("edu")])
            .subjects(Code::CrossSectorGap),
        ids(NONE)
    );
    // A sector with no members is not a gap; an indirect path does not close one.
    let empty = base().sector("waste", &[]).link("puskesmas", "sekolah");
    assert_eq!(empty.subjects(Code::CrossSectorGap), ids(NONE));
    let indirect = base().link("puskesmas", "bank").link("bank", "sekolah");
    assert_eq!(indirect.subjects(Code::CrossSectorGap), ids(&[&["health", "edu"]]));
}

#[test]
fn isolated() {
    let map = Build::default().people(&["a", "b", "loner", "selfie"]).link("a", "b").link("selfie", "selfie");
    assert_eq!(map.subjects(Code::Isolated), ids(&[&["loner"], &["selfie"]]));
    assert_eq!(Build::default().people(&["a", "b"]).link("a", "b").subjects(Code::Isolated), ids(NONE));
}

#[test]
fn disconnected_groups() {
    let map = Build::default().people(&["a", "d", "b", "e", "c", "f"]).chain(&["a", "b", "c"]).link("d", "e");
    assert_eq!(map.subjects(Code::DisconnectedGroups), ids(&[&["d", "e"]]), "f is alone, not a group");
    // Ties: the group whose first stakeholder comes earliest is the largest.
    let tie = Build::default().people(&["c", "a", "d", "b"]).link("a", "b").link("c", "d");
    assert_eq!(tie.subjects(Code::DisconnectedGroups), ids(&[&["a", "b"]]));
    let one = Build::default().people(&["a", "b", "c"]).link("a", "b");
    assert_eq!(one.subjects(Code::DisconnectedGroups), ids(NONE));
}

#[test]
fn fragile_bridge() {
    let triangles = Build::default()
        .people(&["a", "b", "c", "d", "e", "f"])
        .chain(&["a", "b", "c", "a"])
        .chain(&["d", "e", "f", "d"])
        .link("c", "d");
    assert_eq!(triangles.subjects(Code::FragileBridge), ids(&[&["c", "d"]]));
    let leaf =
        Build::default().people(&["a", "b", "c", "leaf"]).chain(&["a", "b", "c", "a"]).link("c", "leaf");
    assert_eq!(leaf.subjects(Code::FragileBridge), ids(NONE));
    let parallel = Build::default()
        .people(&["a", "b", "c", "d"])
        .link("a", "b")
        .link("c", "d")
        .link("b", "c")
        .link("c", "b");
    assert_eq!(
        parallel.subjects(Code::FragileBridge),
        ids(&[&["b", "c"]]),
        "parallel links are one relationship"
    );
}

#[test]
fn missing_pentahelix() {
    use StakeholderKind::*;
    let five = Build::default()
        .people(&["g", "b", "c", "n", "d"])
        .kind("g", Government)
        .kind("b", Business)
        .kind("c", Community)
        .kind("n", Ngo)
        .kind("d", Donor);
    assert_eq!(five.subjects(Code::MissingPentahelix), ids(&[&["academia"], &["media"]]));
    let four = Build::default().people(&["g", "b", "c", "n"]).kind("g", Government);
    assert_eq!(four.subjects(Code::MissingPentahelix), ids(NONE));
    let complete = five.kind("n", Academia).kind("d", Media);
    assert_eq!(complete.subjects(Code::MissingPentahelix), ids(NONE));
}

#[test]
fn suggested_link() {
    let map =
        Build::default().people(&["a", "b", "c", "d"]).link("a", "b").link("b", "c").sector("s", &["c", "d"]);
    // a–c share partner b (1/ln 2 ≈ 1.44); c–d share a sector (1). Linked pairs never appear.
    assert_eq!(map.subjects(Code::SuggestedLink), ids(&[&["a", "c"], &["c", "d"]]));
    let none = Build::default().people(&["a", "b", "c"]).link("a", "b");
    assert_eq!(none.subjects(Code::SuggestedLink), ids(NONE));
    // At most five, best first, ties in map order.
    let star = Build::default()
        .people(&["h", "1", "2", "3", "4"])
        .link("h", "1")
        .link("h", "2")
        .link("h", "3")
        .link("h", "4");
    assert_eq!(
        star.subjects(Code::SuggestedLink),
        ids(&[&["1", "2"], &["1", "3"], &["1", "4"], &["2", "3"], &["2", "4"]])
    );
}

#[test]
fn findings_come_most_severe_first_and_explain_themselves_in_both_languages() {
    let map = Build::default()
        .people(&["dinas", "warga", "pabrik", "loner", "x", "y"])
        .power("dinas", 5)
        .power("warga", 2)
        .interest("warga", 5)
        .power("pabrik", 4)
        .with("pabrik", |s| s.stance = Stance::new(-2).unwrap())
        .arrow("dinas", "warga")
        .link("x", "y");
    let analysis = analyze(&map.0);
    let severities: Vec<Severity> = analysis.findings.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    for finding in &analysis.findings {
        let (en, id) = (finding.explain(&map.0, Lang::En), finding.explain(&map.0, Lang::Id));
        assert_ne!(en.message, id.message);
        assert_ne!(en.action, id.action);
        assert!(!en.title.is_empty() && !id.title.is_empty());
        if let Some(subject) =
            finding.subjects.first().and_then(|s| map.0.stakeholder(&StakeholderId::new(s.as_str())))
        {
            assert!(en.message.contains(&subject.name) && id.message.contains(&subject.name), "{en:?}");
        }
    }
    let one_way = analysis.findings.iter().find(|f| f.code == Code::OneWayDependency).unwrap();
    assert_eq!(
        one_way.explain(&map.0, Lang::En).message,
        "WARGA depends on DINAS through a one-way link (power 5 against 2), with no channel back."
    );
    assert_eq!(
        one_way.explain(&map.0, Lang::Id).message,
        "WARGA bergantung pada DINAS lewat hubungan satu arah (pengaruh 5 lawan 2), tanpa saluran balik."
    );
}
