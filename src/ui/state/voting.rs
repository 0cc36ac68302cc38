//! Dot votes in a room: the facilitator starts one on the findings or the
//! stakeholders, each participant places and takes back their dots. Every step is
//! a Command like any edit, so the room, undo and autosave carry it.

use super::*;
use simpul::analysis::ballot;
use simpul::model::{Vote, VoteOn};

impl AppState {
    /// Starts a vote on the open map, closing any vote still open.
    pub fn start_vote(&self, on: VoteOn, dots_each: u8) {
        let author = self.link_author();
        let lang = self.lang.get_untracked();
        let command = self.map.with_untracked(|map| {
            let options = match on {
                VoteOn::Findings => {
                    self.analysis.with_untracked(|a| ballot::findings_ballot(map, &a.findings, lang))
                }
                VoteOn::Stakeholders => ballot::stakeholders_ballot(map),
            };
            (!options.is_empty()).then(|| {
                Command::start_vote(map, ballot::new_vote(map, on, options, dots_each, &author, lang))
            })
        });
        match command {
            Some(command) => self.dispatch(command),
            None => self.notify(Notice::Info(Text::NothingToVoteOn, String::new())),
        }
    }

    /// One more of this participant's dots on the open vote's option `key`.
    pub fn place_dot(&self, key: &str) {
        let voter = self.link_author();
        self.change_open_vote(|vote| vote.with_dot(&voter, key));
    }

    /// One of this participant's dots back off `key`.
    pub fn take_dot(&self, key: &str) {
        let voter = self.link_author();
        self.change_open_vote(|vote| vote.without_dot(&voter, key));
    }

    /// Ends the open vote: its tallies stay, as the room's choice.
    pub fn close_vote(&self) {
        self.change_open_vote(|vote| Some(Vote { open: false, ..vote.clone() }));
    }

    fn change_open_vote(&self, change: impl FnOnce(&Vote) -> Option<Vote>) {
        let command = self.map.with_untracked(|map| {
            let index = map.votes.iter().rposition(|v| v.open)?;
            Some(Command::PutVote { index, vote: change(&map.votes[index])? })
        });
        if let Some(command) = command {
            self.dispatch(command);
        }
    }
}
