//! A room's map as Commands on the open map: what the room changed becomes edits
//! like any other, so the views, the analysis and autosave take their one path.

use crate::edit::Command;
use crate::model::{Map, Stakeholder};

/// The commands that turn `current` into `room` (the room's map as the document
/// holds it), in an order each of them can be applied in: sectors and
/// stakeholders are added before what refers to them, and links go before the
/// stakeholders they join. An unpinned stakeholder keeps where the local layout
/// put it: the room does not share those positions. `None` when nothing changed.
pub fn commands_towards(current: &Map, room: &Map) -> Option<Command> {
    let mut steps = Vec::new();
    if current.title != room.title {
        steps.push(Command::SetTitle(room.title.clone()));
    }
    if current.description != room.description {
        steps.push(Command::SetDescription(room.description.clone()));
    }
    for sector in &room.sectors {
        match current.sector(&sector.id) {
            Some(old) if old == sector => {}
            Some(_) => steps.push(Command::ReplaceSector(sector.clone())),
            None => steps.push(Command::InsertSector { index: usize::MAX, sector: sector.clone() }),
        }
    }
    for stakeholder in &room.stakeholders {
        let old = current.stakeholder(&stakeholder.id);
        let wanted = with_local_position(stakeholder, old);
        match old {
            Some(old) if *old == wanted => {}
            Some(_) => steps.push(Command::ReplaceStakeholder(wanted)),
            None => steps.push(Command::InsertStakeholder { index: usize::MAX, stakeholder: wanted }),
        }
    }
    for link in current.links.iter().filter(|l| room.link(&l.id).is_none()) {
        steps.push(Command::RemoveLink(link.id.clone()));
    }
    for link in &room.links {
        match current.link(&link.id) {
            Some(old) if old == link => {}
            Some(_) => steps.push(Command::ReplaceLink(link.clone())),
            None => steps.push(Command::InsertLink { index: usize::MAX, link: link.clone() }),
        }
    }
    for stakeholder in current.stakeholders.iter().filter(|s| room.stakeholder(&s.id).is_none()) {
        steps.push(Command::RemoveStakeholder(stakeholder.id.clone()));
    }
    for sector in current.sectors.iter().filter(|s| room.sector(&s.id).is_none()) {
        steps.push(Command::RemoveSector(sector.id.clone()));
    }
    for vote in current.votes.iter().filter(|v| room.vote(&v.id).is_none()) {
        steps.push(Command::RemoveVote(vote.id.clone()));
    }
    for (index, vote) in room.votes.iter().enumerate() {
        if current.vote(&vote.id) != Some(vote) {
            steps.push(Command::PutVote { index, vote: vote.clone() });
        }
    }
    (!steps.is_empty()).then_some(Command::Batch(steps))
}

fn with_local_position(room: &Stakeholder, local: Option<&Stakeholder>) -> Stakeholder {
    let mut wanted = room.clone();
    if !room.pinned {
        wanted.pos_in_world = local.and_then(|s| s.pos_in_world);
    }
    wanted
}
