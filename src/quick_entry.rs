//! Quick entry: what a facilitator types as people call out stakeholders and
//! links, one line at a time, without the mouse. A name adds a stakeholder;
//! `A > B` (or `A -> B`) links A to B one way; `A -- B` (or `A <> B`) links them
//! both ways. Names not yet on the map are added with the link, and the whole line
//! undoes as one change.

use crate::edit::Command;
use crate::letter_case::lower;
use crate::model::{Link, Map, Stakeholder, StakeholderId};

/// One typed line, understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Stakeholder(String),
    Link { from: String, to: String, directed: bool },
}

/// Separators, longest first so that `->` is not read as `>`.
const SEPARATORS: &[(&str, bool)] = &[(" -> ", true), (" <> ", false), (" -- ", false), (" > ", true)];

/// What a line says; `None` for a blank line or a link with a blank end.
pub fn parse(line: &str) -> Option<Entry> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    // Padded, so that a separator at either end ("Dinas >") is still one.
    let padded = format!(" {line} ");
    for &(separator, directed) in SEPARATORS {
        if let Some((from, to)) = padded.split_once(separator) {
            let (from, to) = (from.trim(), to.trim());
            if from.is_empty() || to.is_empty() {
                return None;
            }
            return Some(Entry::Link { from: from.into(), to: to.into(), directed });
        }
    }
    Some(Entry::Stakeholder(line.into()))
}

/// The change an entry makes to `map`, and the stakeholder to select after it;
/// `None` when there is nothing to change. A name alone always adds a stakeholder
/// (two organisations may share a name). In a link, names match stakeholders
/// already on the map regardless of case; a link of a stakeholder to itself adds
/// only what is missing. A new link's id carries `author` (see
/// [`Map::fresh_link_id_by`]; empty outside a room).
pub fn command(map: &Map, entry: &Entry, author: &str) -> Option<(Command, StakeholderId)> {
    let mut commands = Vec::new();
    let mut added: Vec<Stakeholder> = Vec::new();
    let mut find_or_add = |name: &str, commands: &mut Vec<Command>| -> StakeholderId {
        let key = lower(name);
        let existing = map.stakeholders.iter().chain(added.iter()).find(|s| lower(&s.name) == key);
        if let Some(s) = existing {
            return s.id.clone();
        }
        let id = StakeholderId::new(crate::model::fresh_id(name, "s", |c| {
            map.stakeholder(&StakeholderId::new(c)).is_some() || added.iter().any(|s| s.id.as_str() == c)
        }));
        let stakeholder = Stakeholder::new(id.clone(), name);
        commands.push(Command::InsertStakeholder {
            index: map.stakeholders.len() + added.len(),
            stakeholder: stakeholder.clone(),
        });
        added.push(stakeholder);
        id
    };
    match entry {
        Entry::Stakeholder(name) => {
            let id = map.fresh_stakeholder_id(name);
            let stakeholder = Stakeholder::new(id.clone(), name.as_str());
            Some((Command::InsertStakeholder { index: map.stakeholders.len(), stakeholder }, id))
        }
        Entry::Link { from, to, directed } => {
            let from = find_or_add(from, &mut commands);
            let to = find_or_add(to, &mut commands);
            if from != to {
                let mut link = Link::new(map.fresh_link_id_by(author), from.clone(), to);
                link.directed = *directed;
                commands.push(Command::InsertLink { index: map.links.len(), link });
            }
            (!commands.is_empty()).then_some((Command::Batch(commands), from))
        }
    }
}
