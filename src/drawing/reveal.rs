//! The workshop's step-by-step reveal: a room sees the map grow in the order it
//! reasons about it, the actors first, then the sectors they work in, then how they
//! are linked, then power and interest, then the findings (a map with many opens
//! them on their summary) one at a time, and last
//! what the room chose when it voted (see [`crate::model::Vote`]). Each step
//! says what the pictures show; the findings step says which finding is up.

use crate::analysis::thresholds::GROUP_ABOVE;
use crate::model::Score;

/// One step of the reveal. `Finding(k)` shows the `k`-th finding of the analysis
/// (they come sorted by severity, so the most urgent first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Actors,
    Sectors,
    Links,
    PowerInterest,
    /// What many findings add up to (see `analysis::findings::summary`): a map
    /// with more than [`GROUP_ABOVE`] findings passes here before the first.
    Summary,
    Finding(usize),
    /// What changed since the map compared with (see `analysis::compare`), when
    /// a comparison is shown.
    Changes,
    /// The room's latest vote, ranked.
    Chosen,
}

/// What a room walks through: the findings of the map, and whether a comparison
/// is shown (which adds its step).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Walk {
    pub findings: usize,
    pub changes: bool,
}

impl From<usize> for Walk {
    /// A walk through `findings` findings, with no comparison.
    fn from(findings: usize) -> Self {
        Walk { findings, changes: false }
    }
}

impl Walk {
    /// The number of steps (all the findings count as one).
    pub fn steps(self) -> usize {
        STEPS + usize::from(self.changes)
    }
}

/// The number of steps a room walks through without a comparison (all the
/// findings count as one).
pub const STEPS: usize = 6;

/// What the network picture shows at a step. Outside the workshop, everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Sector hubs and the spokes to their members.
    pub sectors: bool,
    pub links: bool,
    /// Stakeholders sized by power; before that step all are drawn one size, so the
    /// room does not weigh actors before it has talked about power.
    pub power: bool,
}

impl Shown {
    pub const ALL: Shown = Shown { sectors: true, links: true, power: true };

    /// The power a stakeholder is drawn with (its size): its own once power is
    /// shown, the middle score before.
    pub fn drawn_power(self, power: Score) -> Score {
        if self.power {
            power
        } else {
            Score::DEFAULT
        }
    }
}

impl Step {
    /// 1 to [`Walk::steps`].
    pub fn number(self, walk: impl Into<Walk>) -> usize {
        match self {
            Step::Actors => 1,
            Step::Sectors => 2,
            Step::Links => 3,
            Step::PowerInterest => 4,
            Step::Summary | Step::Finding(_) => 5,
            Step::Changes => 6,
            Step::Chosen => walk.into().steps(),
        }
    }

    /// The step after this one in `walk`. After the last finding (or the findings
    /// step of a map without any) come what changed, if a comparison is shown,
    /// and what the room chose, which stays where it is.
    pub fn next(self, walk: impl Into<Walk>) -> Step {
        let Walk { findings, changes } = walk.into();
        match self {
            Step::Actors => Step::Sectors,
            Step::Sectors => Step::Links,
            Step::Links => Step::PowerInterest,
            Step::PowerInterest if findings > GROUP_ABOVE => Step::Summary,
            Step::PowerInterest | Step::Summary => Step::Finding(0),
            Step::Finding(k) if k + 1 < findings => Step::Finding(k + 1),
            Step::Finding(_) if changes => Step::Changes,
            Step::Finding(_) | Step::Changes | Step::Chosen => Step::Chosen,
        }
    }

    /// The step before this one in `walk`; the first stays where it is.
    pub fn previous(self, walk: impl Into<Walk>) -> Step {
        let Walk { findings, changes } = walk.into();
        match self {
            Step::Actors | Step::Sectors => Step::Actors,
            Step::Links => Step::Sectors,
            Step::PowerInterest => Step::Links,
            Step::Finding(0) if findings > GROUP_ABOVE => Step::Summary,
            Step::Finding(0) | Step::Summary => Step::PowerInterest,
            Step::Finding(k) => Step::Finding(k - 1),
            Step::Chosen if changes => Step::Changes,
            Step::Changes | Step::Chosen => Step::Finding(findings.saturating_sub(1)),
        }
    }

    /// The same step after an edit changed the number of findings, or the
    /// comparison was put away: a finding past the end becomes the last one, the
    /// summary of findings too few to need one becomes the first, and what
    /// changed without a comparison becomes what the room chose.
    pub fn within(self, walk: impl Into<Walk>) -> Step {
        let Walk { findings, changes } = walk.into();
        match self {
            Step::Finding(k) => Step::Finding(k.min(findings.saturating_sub(1))),
            Step::Summary if findings <= GROUP_ABOVE => Step::Finding(0),
            Step::Changes if !changes => Step::Chosen,
            other => other,
        }
    }

    /// The finding on show, if it exists among `findings`.
    pub fn finding(self, findings: usize) -> Option<usize> {
        match self {
            Step::Finding(k) if k < findings => Some(k),
            _ => None,
        }
    }

    /// At least this step: quick entry of a link moves an earlier step on to the
    /// links, so what was just typed is on the wall.
    pub fn at_least(self, other: Step) -> Step {
        if self.number(0) < other.number(0) {
            other
        } else {
            self
        }
    }

    pub fn shown(self) -> Shown {
        let n = self.number(0);
        Shown { sectors: n >= 2, links: n >= 3, power: n >= 4 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_forward_through_every_step_and_every_finding_then_stops() {
        let mut step = Step::Actors;
        let mut seen = vec![step];
        for _ in 0..10 {
            step = step.next(3);
            seen.push(step);
        }
        assert_eq!(
            &seen[..8],
            &[
                Step::Actors,
                Step::Sectors,
                Step::Links,
                Step::PowerInterest,
                Step::Finding(0),
                Step::Finding(1),
                Step::Finding(2),
                Step::Chosen,
            ]
        );
        assert!(seen[7..].iter().all(|s| *s == Step::Chosen));
        assert_eq!(Step::Chosen.number(0), STEPS);
    }

    #[test]
    fn walks_back_to_the_start_and_stays_there() {
        let mut step = Step::Chosen;
        let mut seen = Vec::new();
        for _ in 0..9 {
            step = step.previous(3);
            seen.push(step);
        }
        assert_eq!(
            seen,
            [
                Step::Finding(2),
                Step::Finding(1),
                Step::Finding(0),
                Step::PowerInterest,
                Step::Links,
                Step::Sectors,
                Step::Actors,
                Step::Actors,
                Step::Actors
            ]
        );
    }

    #[test]
    fn a_map_without_findings_has_a_findings_step_that_shows_none() {
        assert_eq!(Step::PowerInterest.next(0), Step::Finding(0));
        assert_eq!(Step::Finding(0).next(0), Step::Chosen);
        assert_eq!(Step::Chosen.previous(0), Step::Finding(0));
        assert_eq!(Step::Finding(0).finding(0), None);
        assert_eq!(Step::Finding(0).finding(1), Some(0));
    }

    #[test]
    fn many_findings_open_on_their_summary_and_few_go_without() {
        let many = GROUP_ABOVE + 1;
        assert_eq!(Step::PowerInterest.next(many), Step::Summary);
        assert_eq!(Step::Summary.next(many), Step::Finding(0));
        assert_eq!(Step::Finding(0).previous(many), Step::Summary);
        assert_eq!(Step::Summary.previous(many), Step::PowerInterest);
        assert_eq!(Step::Summary.number(0), Step::Finding(0).number(0));
        assert_eq!(Step::Summary.finding(many), None);
        assert_eq!(Step::PowerInterest.next(GROUP_ABOVE), Step::Finding(0));
        assert_eq!(Step::Finding(0).previous(GROUP_ABOVE), Step::PowerInterest);
        // An edit that leaves too few findings for a summary goes on to the first.
        assert_eq!(Step::Summary.within(GROUP_ABOVE), Step::Finding(0));
        assert_eq!(Step::Summary.within(many), Step::Summary);
    }

    #[test]
    fn a_comparison_adds_what_changed_before_what_the_room_chose() {
        let walk = Walk { findings: 2, changes: true };
        assert_eq!(Step::Finding(1).next(walk), Step::Changes);
        assert_eq!(Step::Changes.next(walk), Step::Chosen);
        assert_eq!(Step::Chosen.previous(walk), Step::Changes);
        assert_eq!(Step::Changes.previous(walk), Step::Finding(1));
        assert_eq!((Step::Changes.number(walk), Step::Chosen.number(walk), walk.steps()), (6, 7, 7));
        // Without one, there is no such step, and one on it goes on.
        assert_eq!(Step::Finding(1).next(2), Step::Chosen);
        assert_eq!(Step::Changes.within(2), Step::Chosen);
        assert_eq!(Step::Changes.within(walk), Step::Changes);
        assert!(Step::Changes.shown().links && Step::Changes.shown().power);
    }

    #[test]
    fn fewer_findings_after_an_edit_keep_the_step_on_the_last_one() {
        assert_eq!(Step::Finding(7).within(3), Step::Finding(2));
        assert_eq!(Step::Finding(1).within(3), Step::Finding(1));
        assert_eq!(Step::Links.within(0), Step::Links);
    }

    #[test]
    fn each_step_adds_one_layer_to_the_picture() {
        let shown: Vec<Shown> =
            [Step::Actors, Step::Sectors, Step::Links, Step::PowerInterest, Step::Finding(0)]
                .iter()
                .map(|s| s.shown())
                .collect();
        assert_eq!(shown[0], Shown { sectors: false, links: false, power: false });
        assert_eq!(shown[1], Shown { sectors: true, links: false, power: false });
        assert_eq!(shown[2], Shown { sectors: true, links: true, power: false });
        assert_eq!(shown[3], Shown::ALL);
        assert_eq!(shown[4], Shown::ALL);
        assert_eq!(Step::Finding(4).number(0), STEPS - 1);
        assert_eq!(Step::Chosen.shown(), Shown::ALL);
    }

    #[test]
    fn stakeholders_are_one_size_until_power_is_shown() {
        let strong = Score::new(5).unwrap();
        assert_eq!(Step::Links.shown().drawn_power(strong), Score::DEFAULT);
        assert_eq!(Step::PowerInterest.shown().drawn_power(strong), strong);
    }

    #[test]
    fn a_typed_link_moves_early_steps_on_to_the_links_only() {
        assert_eq!(Step::Actors.at_least(Step::Links), Step::Links);
        assert_eq!(Step::Sectors.at_least(Step::Links), Step::Links);
        assert_eq!(Step::PowerInterest.at_least(Step::Links), Step::PowerInterest);
        assert_eq!(Step::Finding(3).at_least(Step::Links), Step::Finding(3));
    }
}
