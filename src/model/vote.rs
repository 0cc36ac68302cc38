//! A dot vote a room held: each participant places a few dots on the findings or
//! stakeholders they think matter most, and the tallies say what the room chose.
//! Kept in the map (the file's optional `votes` list), so the result travels with it.

use serde::{Serialize, Serializer};

/// What a vote's options are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VoteOn {
    #[default]
    Findings,
    Stakeholders,
}

impl VoteOn {
    pub const ALL: [VoteOn; 2] = [VoteOn::Findings, VoteOn::Stakeholders];

    pub fn code(self) -> &'static str {
        match self {
            VoteOn::Findings => "findings",
            VoteOn::Stakeholders => "stakeholders",
        }
    }
}

/// One thing to vote for, as it stood when the vote started: what the room voted
/// on stays readable even after the map changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VoteOption {
    /// Unique within the vote: a stakeholder's id, or a finding's code and subjects.
    pub key: String,
    pub label: String,
    /// The stakeholders (or sectors) the option is about, lit on the picture.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
}

/// A dot vote. `dots` holds each voter (a participant's stable id) with the option
/// keys of the dots they placed, sorted by voter so every client writes them
/// alike; an option may get several of one voter's dots. (A list rather than a
/// `BTreeMap`: the page's download is smaller by the tree's code.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vote {
    pub id: String,
    pub question: String,
    pub on: VoteOn,
    pub dots_each: u8,
    pub open: bool,
    pub options: Vec<VoteOption>,
    #[serde(serialize_with = "voters_as_object")]
    pub dots: Vec<(String, Vec<String>)>,
}

/// The file writes `dots` as `{ "<voter>": ["<key>", …] }`.
fn voters_as_object<S: Serializer>(dots: &[(String, Vec<String>)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(dots.iter().map(|(voter, keys)| (voter, keys)))
}

/// One option's result.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally<'v> {
    pub option: &'v VoteOption,
    pub dots: usize,
    /// How many voters placed at least one dot on it.
    pub voters: usize,
}

impl Vote {
    /// Dots each participant places unless the facilitator says otherwise.
    pub const DEFAULT_DOTS: u8 = 3;
    pub const MAX_DOTS: u8 = 10;
    /// Options on one ballot: more cannot be read on a phone.
    pub const MAX_OPTIONS: usize = 500;
    /// Voters one vote keeps.
    pub const MAX_VOTERS: usize = 500;
    /// Votes one map keeps; starting another drops the oldest.
    pub const MAX_VOTES: usize = 50;

    /// The dots `voter` has placed, in order.
    pub fn dots_of(&self, voter: &str) -> &[String] {
        self.voter_at(voter).map_or(&[], |at| self.dots[at].1.as_slice())
    }

    fn voter_at(&self, voter: &str) -> Result<usize, usize> {
        self.dots.binary_search_by(|(v, _)| v.as_str().cmp(voter))
    }

    /// How many dots `voter` may still place.
    pub fn dots_left(&self, voter: &str) -> usize {
        usize::from(self.dots_each).saturating_sub(self.dots_of(voter).len())
    }

    pub fn option(&self, key: &str) -> Option<&VoteOption> {
        self.options.iter().find(|o| o.key == key)
    }

    /// The vote with one more of `voter`'s dots on `key`; `None` when the vote is
    /// closed, the voter has no dots left or there is no such option.
    pub fn with_dot(&self, voter: &str, key: &str) -> Option<Vote> {
        if !self.open || self.dots_left(voter) == 0 || self.option(key).is_none() {
            return None;
        }
        let mut vote = self.clone();
        match self.voter_at(voter) {
            Ok(at) => vote.dots[at].1.push(key.to_string()),
            Err(_) if self.dots.len() >= Self::MAX_VOTERS => return None,
            Err(at) => vote.dots.insert(at, (voter.to_string(), vec![key.to_string()])),
        }
        Some(vote)
    }

    /// The vote with one of `voter`'s dots taken off `key`; `None` when closed or
    /// when there is none there.
    pub fn without_dot(&self, voter: &str, key: &str) -> Option<Vote> {
        let at = self.voter_at(voter).ok()?;
        let dot = self.dots[at].1.iter().rposition(|k| k == key)?;
        if !self.open {
            return None;
        }
        let mut vote = self.clone();
        vote.dots[at].1.remove(dot);
        if vote.dots[at].1.is_empty() {
            vote.dots.remove(at);
        }
        Some(vote)
    }

    /// Each option's dots and voters (how many placed at least one there), in the
    /// ballot's order.
    pub fn counts(&self) -> Vec<(usize, usize)> {
        self.options
            .iter()
            .map(|option| {
                self.dots.iter().fold((0, 0), |(dots, voters), (_, mine)| {
                    let on_it = mine.iter().filter(|k| **k == option.key).count();
                    (dots + on_it, voters + usize::from(on_it > 0))
                })
            })
            .collect()
    }

    /// Every option with its dots, most dots first; ties keep the ballot's order.
    pub fn tallies(&self) -> Vec<Tally<'_>> {
        let mut tallies: Vec<Tally> = Vec::with_capacity(self.options.len());
        for (option, (dots, voters)) in self.options.iter().zip(self.counts()) {
            // Placed after every option with at least as many dots: an insertion
            // sort, stable, and without a second sort routine in the page.
            let at = tallies.iter().position(|t| t.dots < dots).unwrap_or(tallies.len());
            tallies.insert(at, Tally { option, dots, voters });
        }
        tallies
    }

    /// Every dot placed.
    pub fn total_dots(&self) -> usize {
        self.dots.iter().map(|(_, keys)| keys.len()).sum()
    }

    /// What makes the vote invalid, if anything: the rules the file reader, an
    /// edit and a peer's update are all held to.
    pub fn problem(&self) -> Option<VoteProblem> {
        if self.id.trim().is_empty() {
            return Some(VoteProblem::BlankId);
        }
        if !(1..=Self::MAX_DOTS).contains(&self.dots_each) {
            return Some(VoteProblem::DotsEach);
        }
        if self.options.is_empty() || self.options.len() > Self::MAX_OPTIONS {
            return Some(VoteProblem::Options);
        }
        for (i, option) in self.options.iter().enumerate() {
            if option.key.trim().is_empty() || self.options[..i].iter().any(|o| o.key == option.key) {
                return Some(VoteProblem::OptionKey(option.key.clone()));
            }
        }
        if self.dots.len() > Self::MAX_VOTERS {
            return Some(VoteProblem::Voters);
        }
        if self.dots.windows(2).any(|pair| pair[0].0 >= pair[1].0) {
            return Some(VoteProblem::VoterOrder);
        }
        for (voter, keys) in &self.dots {
            if keys.len() > usize::from(self.dots_each) {
                return Some(VoteProblem::TooManyDots(voter.clone()));
            }
            if let Some(key) = keys.iter().find(|k| self.option(k).is_none()) {
                return Some(VoteProblem::UnknownOption(key.clone()));
            }
        }
        None
    }
}

/// Why a vote is not valid.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VoteProblem {
    #[error("a vote needs an id")]
    BlankId,
    #[error("each participant places 1 to 10 dots")]
    DotsEach,
    #[error("a vote has 1 to 500 options")]
    Options,
    #[error("the option \"{0}\" is blank or listed twice")]
    OptionKey(String),
    #[error("a vote keeps at most 500 voters")]
    Voters,
    #[error("each voter must be listed once, in order")]
    VoterOrder,
    #[error("\"{0}\" placed more dots than each participant has")]
    TooManyDots(String),
    #[error("a dot is on \"{0}\", which is not an option of this vote")]
    UnknownOption(String),
    #[error("the id \"{0}\" is used by two votes")]
    DuplicateId(String),
    #[error("a map keeps at most 50 votes")]
    TooManyVotes,
    #[error("should be an option {{ \"key\": …, \"label\": … }}")]
    BadOption,
}

impl VoteProblem {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::En => self.to_string(),
            crate::i18n::Lang::Id => match self {
                VoteProblem::BlankId => "pemungutan suara memerlukan id".into(),
                VoteProblem::DotsEach => "setiap peserta menaruh 1 sampai 10 titik".into(),
                VoteProblem::Options => "pemungutan suara memiliki 1 sampai 500 pilihan".into(),
                VoteProblem::OptionKey(key) => format!("pilihan \"{key}\" kosong atau tercantum dua kali"),
                VoteProblem::Voters => "pemungutan suara menyimpan paling banyak 500 pemilih".into(),
                VoteProblem::VoterOrder => "setiap pemilih harus tercantum sekali, berurutan".into(),
                VoteProblem::TooManyDots(voter) => {
                    format!("\"{voter}\" menaruh lebih banyak titik daripada jatah setiap peserta")
                }
                VoteProblem::UnknownOption(key) => {
                    format!("ada titik pada \"{key}\", yang bukan pilihan pemungutan suara ini")
                }
                VoteProblem::DuplicateId(id) => format!("id \"{id}\" dipakai oleh dua pemungutan suara"),
                VoteProblem::TooManyVotes => "sebuah peta menyimpan paling banyak 50 pemungutan suara".into(),
                VoteProblem::BadOption => "seharusnya sebuah pilihan { \"key\": …, \"label\": … }".into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot() -> Vote {
        Vote {
            id: "v1".into(),
            question: "What first?".into(),
            on: VoteOn::Stakeholders,
            dots_each: 2,
            open: true,
            options: ["a", "b", "c"]
                .map(|k| VoteOption { key: k.into(), label: k.to_uppercase(), subjects: vec![k.into()] })
                .to_vec(),
            dots: Vec::new(),
        }
    }

    #[test]
    fn dots_are_limited_and_tallied() {
        let vote = ballot();
        let vote = vote.with_dot("ana", "b").and_then(|v| v.with_dot("ana", "b")).unwrap();
        assert_eq!(vote.dots_left("ana"), 0);
        assert!(vote.with_dot("ana", "a").is_none(), "no dots left");
        let vote = vote.with_dot("budi", "c").unwrap();
        assert!(vote.with_dot("budi", "z").is_none(), "no such option");
        let tallies: Vec<(&str, usize, usize)> =
            vote.tallies().iter().map(|t| (t.option.key.as_str(), t.dots, t.voters)).collect();
        assert_eq!(tallies, [("b", 2, 1), ("c", 1, 1), ("a", 0, 0)]);
        assert_eq!(vote.total_dots(), 3);
        let vote = vote.without_dot("ana", "b").unwrap();
        assert_eq!(vote.dots_of("ana"), ["b"]);
        assert!(vote.without_dot("ana", "c").is_none());
        assert!(vote.problem().is_none());
    }

    #[test]
    fn a_closed_vote_takes_no_dots() {
        let mut vote = ballot().with_dot("ana", "a").unwrap();
        vote.open = false;
        assert!(vote.with_dot("budi", "a").is_none());
        assert!(vote.without_dot("ana", "a").is_none());
    }

    #[test]
    fn invalid_votes_are_named() {
        let mut vote = ballot();
        vote.dots = vec![("ana".into(), vec!["a".into(), "a".into(), "a".into()])];
        assert_eq!(vote.problem(), Some(VoteProblem::TooManyDots("ana".into())));
        vote.dots = vec![("ana".into(), vec!["zz".into()])];
        assert_eq!(vote.problem(), Some(VoteProblem::UnknownOption("zz".into())));
        vote.dots = vec![("budi".into(), vec!["a".into()]), ("ana".into(), vec!["a".into()])];
        assert_eq!(vote.problem(), Some(VoteProblem::VoterOrder));
        vote.dots.clear();
        vote.dots_each = 11;
        assert_eq!(vote.problem(), Some(VoteProblem::DotsEach));
        vote.dots_each = 3;
        vote.options.push(vote.options[0].clone());
        assert_eq!(vote.problem(), Some(VoteProblem::OptionKey("a".into())));
        vote.options.clear();
        assert_eq!(vote.problem(), Some(VoteProblem::Options));
    }
}
