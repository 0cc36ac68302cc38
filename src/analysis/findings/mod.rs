//! Findings: what the analysis tells a facilitator that a picture alone does not
//! (PRODUCT.md §4). Each has a stable code, a severity, its subjects (stakeholder
//! ids, sector ids or a kind's name) and an explanation with a suggested action in
//! both languages.

mod coverage;
mod power;
mod structure;
mod suggestions;
pub mod summary;
mod text;

use super::network::Network;
use crate::model::Map;
use serde::Serialize;
use simpul_graph::{CutPoints, Groups, SimpleGraph};

pub use summary::Headline;
pub use text::{title, Explanation};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::High, Severity::Medium, Severity::Low];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    OneWayDependency,
    UnheardVoice,
    OpposedPowerful,
    HubDominance,
    Gatekeeper,
    HiddenBroker,
    CrossSectorGap,
    Isolated,
    DisconnectedGroups,
    FragileBridge,
    MissingPentahelix,
    SuggestedLink,
    SectorSplit,
}

impl Code {
    pub const ALL: [Code; 13] = [
        Code::OneWayDependency,
        Code::UnheardVoice,
        Code::OpposedPowerful,
        Code::HubDominance,
        Code::Gatekeeper,
        Code::HiddenBroker,
        Code::CrossSectorGap,
        Code::Isolated,
        Code::DisconnectedGroups,
        Code::FragileBridge,
        Code::MissingPentahelix,
        Code::SuggestedLink,
        Code::SectorSplit,
    ];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::OneWayDependency => "one-way-dependency",
            Code::UnheardVoice => "unheard-voice",
            Code::OpposedPowerful => "opposed-powerful",
            Code::HubDominance => "hub-dominance",
            Code::Gatekeeper => "gatekeeper",
            Code::HiddenBroker => "hidden-broker",
            Code::CrossSectorGap => "cross-sector-gap",
            Code::Isolated => "isolated",
            Code::DisconnectedGroups => "disconnected-groups",
            Code::FragileBridge => "fragile-bridge",
            Code::MissingPentahelix => "missing-pentahelix",
            Code::SuggestedLink => "suggested-link",
            Code::SectorSplit => "sector-split",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::UnheardVoice
            | Code::OpposedPowerful
            | Code::DisconnectedGroups
            | Code::OneWayDependency => Severity::High,
            Code::HubDominance
            | Code::Gatekeeper
            | Code::FragileBridge
            | Code::CrossSectorGap
            | Code::SectorSplit
            | Code::Isolated
            | Code::MissingPentahelix => Severity::Medium,
            Code::HiddenBroker | Code::SuggestedLink => Severity::Low,
        }
    }
}

/// The numbers behind a finding, kept for its explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Detail {
    None,
    /// Sizes of the parts a gatekeeper or bridge separates, of the groups, or of a
    /// split sector's communities.
    Parts(Vec<usize>),
    /// Hub dominance: share of linked pairs and of betweenness, 0–1.
    Shares {
        pairs: f64,
        betweenness: f64,
    },
    /// Suggested link: common partners, shared sectors and the score.
    Suggestion {
        common: usize,
        sectors: usize,
        score: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub subjects: Vec<String>,
    pub detail: Detail,
}

impl Finding {
    fn new(code: Code, subjects: Vec<String>, detail: Detail) -> Self {
        Self { code, severity: code.severity(), subjects, detail }
    }
}

/// What the rules read; computed once per analysis.
pub struct Context<'a> {
    pub map: &'a Map,
    pub network: &'a Network,
    pub graph: &'a SimpleGraph,
    pub betweenness: &'a [f64],
    pub groups: &'a Groups,
    pub cuts: &'a CutPoints,
    pub sector_matrix: &'a crate::analysis::sector_matrix::SectorMatrix,
    pub communities: &'a simpul_graph::Communities,
}

impl Context<'_> {
    fn id(&self, stakeholder: usize) -> String {
        self.map.stakeholders[stakeholder].id.to_string()
    }
}

/// Every finding, most severe first; within a severity, in the order of the rule
/// table and then of the map.
pub fn detect(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    power::one_way_dependencies(context, &mut findings);
    power::unheard_voices(context, &mut findings);
    power::opposed_powerful(context, &mut findings);
    power::hub_dominance(context, &mut findings);
    structure::gatekeepers(context, &mut findings);
    power::hidden_brokers(context, &mut findings);
    coverage::cross_sector_gaps(context, &mut findings);
    coverage::sector_splits(context, &mut findings);
    structure::isolated(context, &mut findings);
    structure::disconnected_groups(context, &mut findings);
    structure::fragile_bridges(context, &mut findings);
    coverage::missing_pentahelix(context, &mut findings);
    suggestions::suggested_links(context, &mut findings);
    // Stable sort: rule and map order survive within each severity.
    findings.sort_by_key(|f| f.severity);
    findings
}
