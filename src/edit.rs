//! Every change to a map is a [`Command`]. Applying one returns its inverse, so undo,
//! redo and autosave all go through the same door, and a map that was valid stays valid.

use crate::i18n::Lang;
use crate::model::{
    Link, LinkId, Map, MapPart, Sector, SectorId, Stakeholder, StakeholderId, Vote, VoteProblem,
};

/// One change to a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SetTitle(String),
    SetDescription(String),
    InsertSector {
        index: usize,
        sector: Sector,
    },
    ReplaceSector(Sector),
    RemoveSector(SectorId),
    InsertStakeholder {
        index: usize,
        stakeholder: Stakeholder,
    },
    ReplaceStakeholder(Stakeholder),
    RemoveStakeholder(StakeholderId),
    InsertLink {
        index: usize,
        link: Link,
    },
    ReplaceLink(Link),
    RemoveLink(LinkId),
    /// Adds a vote at `index`, or replaces the vote with its id (a dot placed).
    PutVote {
        index: usize,
        vote: Vote,
    },
    RemoveVote(String),
    /// Several changes that undo as one.
    Batch(Vec<Command>),
}

/// Why a command could not be applied. The map is left as it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("a name must not be empty")]
    BlankName,
    #[error("the id \"{0}\" is already used")]
    DuplicateId(String),
    #[error("nothing has the id \"{0}\"")]
    NotFound(String),
    #[error("no sector has the id \"{0}\"")]
    UnknownSector(String),
    #[error("no stakeholder has the id \"{0}\"")]
    UnknownStakeholder(String),
    #[error("an id must not be empty")]
    BlankId,
    #[error("\"{0}\" is still in use")]
    InUse(String),
    /// The map already holds as many of these as a map may ([`MapPart::limit`]).
    #[error("{0}")]
    BadVote(VoteProblem),
    #[error("the map already holds {} {}, the most Simpul keeps responsive; start a new map for the rest", .0.limit(), .0.name(Lang::En))]
    MapFull(MapPart),
}

impl EditError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Id => match self {
                EditError::BlankName => "nama tidak boleh kosong".into(),
                EditError::DuplicateId(id) => format!("id \"{id}\" sudah dipakai"),
                EditError::NotFound(id) => format!("tidak ada yang ber-id \"{id}\""),
                EditError::UnknownSector(id) => format!("tidak ada sektor dengan id \"{id}\""),
                EditError::UnknownStakeholder(id) => {
                    format!("tidak ada pemangku kepentingan dengan id \"{id}\"")
                }
                EditError::BlankId => "id tidak boleh kosong".into(),
                EditError::InUse(id) => format!("\"{id}\" masih dipakai"),
                EditError::BadVote(problem) => problem.message(Lang::Id),
                EditError::MapFull(part) => format!(
                    "peta ini sudah berisi {} {}, jumlah terbanyak yang tetap lancar di Simpul; buat peta baru untuk sisanya",
                    part.limit(),
                    part.name(Lang::Id)
                ),
            },
        }
    }
}

impl Command {
    /// Removes a sector and takes it out of every stakeholder that belonged to it.
    pub fn delete_sector(map: &Map, id: &SectorId) -> Command {
        let mut steps: Vec<Command> = map
            .stakeholders
            .iter()
            .filter(|s| s.sectors.contains(id))
            .map(|s| {
                let mut changed = s.clone();
                changed.sectors.retain(|x| x != id);
                Command::ReplaceStakeholder(changed)
            })
            .collect();
        steps.push(Command::RemoveSector(id.clone()));
        Command::Batch(steps)
    }

    /// Removes a stakeholder together with every link that touches it.
    pub fn delete_stakeholder(map: &Map, id: &StakeholderId) -> Command {
        let mut steps: Vec<Command> =
            map.links.iter().filter(|l| l.touches(id)).map(|l| Command::RemoveLink(l.id.clone())).collect();
        steps.push(Command::RemoveStakeholder(id.clone()));
        Command::Batch(steps)
    }

    /// Opens `vote`, closing any vote still open (one at a time) and, when the map
    /// keeps as many votes as it may, dropping the oldest.
    pub fn start_vote(map: &Map, vote: Vote) -> Command {
        let mut steps: Vec<Command> = map
            .votes
            .iter()
            .enumerate()
            .filter(|(_, v)| v.open)
            .map(|(index, v)| Command::PutVote { index, vote: Vote { open: false, ..v.clone() } })
            .collect();
        if let Some(oldest) = map.votes.first().filter(|_| map.votes.len() >= Vote::MAX_VOTES) {
            steps.push(Command::RemoveVote(oldest.id.clone()));
        }
        steps.push(Command::PutVote { index: usize::MAX, vote });
        Command::Batch(steps)
    }

    /// How many more of `part` the map holds after this command (negative if fewer).
    fn growth(&self, part: MapPart) -> isize {
        match (self, part) {
            (Command::Batch(steps), _) => steps.iter().map(|step| step.growth(part)).sum(),
            (Command::InsertSector { .. }, MapPart::Sectors)
            | (Command::InsertStakeholder { .. }, MapPart::Stakeholders)
            | (Command::InsertLink { .. }, MapPart::Links) => 1,
            (Command::RemoveSector(_), MapPart::Sectors)
            | (Command::RemoveStakeholder(_), MapPart::Stakeholders)
            | (Command::RemoveLink(_), MapPart::Links) => -1,
            _ => 0,
        }
    }

    /// Applies the command. On success the map has changed and the returned command
    /// undoes it; on error the map is unchanged.
    pub fn apply(self, map: &mut Map) -> Result<Command, EditError> {
        match self {
            Command::SetTitle(title) => Ok(Command::SetTitle(std::mem::replace(&mut map.title, title))),
            Command::SetDescription(text) => {
                Ok(Command::SetDescription(std::mem::replace(&mut map.description, text)))
            }
            Command::InsertSector { index, sector } => {
                check_name(&sector.name)?;
                if sector.id.as_str().trim().is_empty() {
                    return Err(EditError::BlankId);
                }
                if map.sector(&sector.id).is_some() {
                    return Err(EditError::DuplicateId(sector.id.to_string()));
                }
                let id = sector.id.clone();
                map.sectors.insert(index.min(map.sectors.len()), sector);
                Ok(Command::RemoveSector(id))
            }
            Command::ReplaceSector(sector) => {
                check_name(&sector.name)?;
                let index =
                    map.sector_index(&sector.id).ok_or_else(|| EditError::NotFound(sector.id.to_string()))?;
                Ok(Command::ReplaceSector(std::mem::replace(&mut map.sectors[index], sector)))
            }
            Command::RemoveSector(id) => {
                let index = map.sector_index(&id).ok_or_else(|| EditError::NotFound(id.to_string()))?;
                if map.stakeholders.iter().any(|s| s.sectors.contains(&id)) {
                    // Members must be moved out first (see `delete_sector`), or the map
                    // would hold a dangling reference.
                    return Err(EditError::InUse(id.to_string()));
                }
                Ok(Command::InsertSector { index, sector: map.sectors.remove(index) })
            }
            Command::InsertStakeholder { index, stakeholder } => {
                check_stakeholder(map, &stakeholder)?;
                if map.stakeholder(&stakeholder.id).is_some() {
                    return Err(EditError::DuplicateId(stakeholder.id.to_string()));
                }
                let id = stakeholder.id.clone();
                map.stakeholders.insert(index.min(map.stakeholders.len()), stakeholder);
                Ok(Command::RemoveStakeholder(id))
            }
            Command::ReplaceStakeholder(stakeholder) => {
                check_stakeholder(map, &stakeholder)?;
                let index = map
                    .stakeholder_index(&stakeholder.id)
                    .ok_or_else(|| EditError::NotFound(stakeholder.id.to_string()))?;
                Ok(Command::ReplaceStakeholder(std::mem::replace(&mut map.stakeholders[index], stakeholder)))
            }
            Command::RemoveStakeholder(id) => {
                let index = map.stakeholder_index(&id).ok_or_else(|| EditError::NotFound(id.to_string()))?;
                if map.links.iter().any(|l| l.touches(&id)) {
                    // Links must go first (see `delete_stakeholder`).
                    return Err(EditError::InUse(id.to_string()));
                }
                Ok(Command::InsertStakeholder { index, stakeholder: map.stakeholders.remove(index) })
            }
            Command::InsertLink { index, link } => {
                check_link(map, &link)?;
                if map.link(&link.id).is_some() {
                    return Err(EditError::DuplicateId(link.id.to_string()));
                }
                let id = link.id.clone();
                map.links.insert(index.min(map.links.len()), link);
                Ok(Command::RemoveLink(id))
            }
            Command::ReplaceLink(link) => {
                check_link(map, &link)?;
                let index =
                    map.link_index(&link.id).ok_or_else(|| EditError::NotFound(link.id.to_string()))?;
                Ok(Command::ReplaceLink(std::mem::replace(&mut map.links[index], link)))
            }
            Command::RemoveLink(id) => {
                let index = map.link_index(&id).ok_or_else(|| EditError::NotFound(id.to_string()))?;
                Ok(Command::InsertLink { index, link: map.links.remove(index) })
            }
            Command::PutVote { index, vote } => {
                if let Some(problem) = vote.problem() {
                    return Err(EditError::BadVote(problem));
                }
                match map.votes.iter().position(|v| v.id == vote.id) {
                    Some(at) => {
                        Ok(Command::PutVote { index: at, vote: std::mem::replace(&mut map.votes[at], vote) })
                    }
                    None if map.votes.len() >= Vote::MAX_VOTES => {
                        Err(EditError::BadVote(VoteProblem::TooManyVotes))
                    }
                    None => {
                        let id = vote.id.clone();
                        map.votes.insert(index.min(map.votes.len()), vote);
                        Ok(Command::RemoveVote(id))
                    }
                }
            }
            Command::RemoveVote(id) => {
                let index = map
                    .votes
                    .iter()
                    .position(|v| v.id == id)
                    .ok_or_else(|| EditError::NotFound(id.clone()))?;
                Ok(Command::PutVote { index, vote: map.votes.remove(index) })
            }
            Command::Batch(steps) => {
                let mut inverses = Vec::with_capacity(steps.len());
                for step in steps {
                    match step.apply(map) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what already happened so the map is unchanged.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(map);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Command::Batch(inverses))
            }
        }
    }
}

fn check_name(name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() {
        Err(EditError::BlankName)
    } else {
        Ok(())
    }
}

fn check_stakeholder(map: &Map, stakeholder: &Stakeholder) -> Result<(), EditError> {
    check_name(&stakeholder.name)?;
    if stakeholder.id.as_str().trim().is_empty() {
        return Err(EditError::BlankId);
    }
    match stakeholder.sectors.iter().find(|s| map.sector(s).is_none()) {
        Some(missing) => Err(EditError::UnknownSector(missing.to_string())),
        None => Ok(()),
    }
}

fn check_link(map: &Map, link: &Link) -> Result<(), EditError> {
    if link.id.as_str().trim().is_empty() {
        return Err(EditError::BlankId);
    }
    for end in [&link.from, &link.to] {
        if map.stakeholder(end).is_none() {
            return Err(EditError::UnknownStakeholder(end.to_string()));
        }
    }
    Ok(())
}

/// Undo and redo stacks of inverse commands, bounded so a long workshop cannot
/// exhaust memory.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
}

impl History {
    /// How many steps back can be undone.
    pub const LIMIT: usize = 500;

    /// Applies `command` and records its inverse; clears the redo stack. A
    /// command that would grow the map past a limit ([`MapPart::limit`]) is
    /// refused. Undo and redo are not checked: they only go back to maps that
    /// were, and a map stored before the limits existed may be over them.
    pub fn apply(&mut self, map: &mut Map, command: Command) -> Result<(), EditError> {
        for part in MapPart::ALL {
            let growth = command.growth(part);
            if growth > 0 && part.count(map).saturating_add(growth.unsigned_abs()) > part.limit() {
                return Err(EditError::MapFull(part));
            }
        }
        let inverse = command.apply(map)?;
        self.undo.push(inverse);
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last change; `false` when there was nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> bool {
        Self::step(map, &mut self.undo, &mut self.redo)
    }

    /// Redoes the last undone change; `false` when there was nothing to redo.
    pub fn redo(&mut self, map: &mut Map) -> bool {
        Self::step(map, &mut self.redo, &mut self.undo)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn step(map: &mut Map, from: &mut Vec<Command>, to: &mut Vec<Command>) -> bool {
        let Some(command) = from.pop() else { return false };
        match command.apply(map) {
            Ok(inverse) => {
                to.push(inverse);
                true
            }
            // An inverse recorded from this very map always applies; if it ever does
            // not, dropping it is safer than corrupting the map.
            Err(_) => false,
        }
    }
}
