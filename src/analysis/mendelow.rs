//! The Mendelow power–interest grid.

use super::thresholds::HIGH;
use crate::i18n::Lang;
use crate::model::Stakeholder;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    ManageClosely,
    KeepSatisfied,
    KeepInformed,
    Monitor,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] =
        [Quadrant::ManageClosely, Quadrant::KeepSatisfied, Quadrant::KeepInformed, Quadrant::Monitor];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.code() == code)
    }

    pub fn of(stakeholder: &Stakeholder) -> Quadrant {
        match (stakeholder.power.get() >= HIGH, stakeholder.interest.get() >= HIGH) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "manage_closely",
            Quadrant::KeepSatisfied => "keep_satisfied",
            Quadrant::KeepInformed => "keep_informed",
            Quadrant::Monitor => "monitor",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Quadrant::ManageClosely => lang.pick("Manage closely", "Kelola dengan erat"),
            Quadrant::KeepSatisfied => lang.pick("Keep satisfied", "Jaga kepuasannya"),
            Quadrant::KeepInformed => lang.pick("Keep informed", "Terus beri informasi"),
            Quadrant::Monitor => lang.pick("Monitor", "Pantau"),
        }
    }
}
