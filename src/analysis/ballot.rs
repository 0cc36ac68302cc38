//! What a dot vote offers the room: the findings as they stand when it starts,
//! or the stakeholders. The labels are kept with the vote, so its result still
//! reads the same after the map has changed.

use super::findings::Finding;
use crate::i18n::Lang;
use crate::model::{fresh_id, Map, SectorId, StakeholderId, Vote, VoteOn, VoteOption};

/// Names shown in a finding's option before "+ n more".
const NAMES_SHOWN: usize = 3;

/// One option per finding (at most [`Vote::MAX_OPTIONS`]), most severe first:
/// its title and whom it is about.
pub fn findings_ballot(map: &Map, findings: &[Finding], lang: Lang) -> Vec<VoteOption> {
    let mut options: Vec<VoteOption> = Vec::new();
    for finding in findings.iter().take(Vote::MAX_OPTIONS) {
        let key = [finding.code.as_str(), ":", &finding.subjects.join(",")].concat();
        if options.iter().any(|o| o.key == key) {
            continue;
        }
        let mut names: Vec<String> =
            finding.subjects.iter().take(NAMES_SHOWN).map(|id| name_of(map, id)).collect();
        if finding.subjects.len() > NAMES_SHOWN {
            names.push(format!("+{}", finding.subjects.len() - NAMES_SHOWN));
        }
        let title = finding.explain(map, lang).title;
        let label = if names.is_empty() { title } else { format!("{title}: {}", names.join(", ")) };
        options.push(VoteOption { key, label, subjects: finding.subjects.clone() });
    }
    options
}

/// One option per stakeholder (the first [`Vote::MAX_OPTIONS`]), in the map's order.
pub fn stakeholders_ballot(map: &Map) -> Vec<VoteOption> {
    map.stakeholders
        .iter()
        .take(Vote::MAX_OPTIONS)
        .map(|s| VoteOption {
            key: s.id.to_string(),
            label: s.name.clone(),
            subjects: vec![s.id.to_string()],
        })
        .collect()
}

/// A new open vote on `options`, with an id that carries `author` (as a room's
/// link ids do) and the question in `lang`.
pub fn new_vote(
    map: &Map,
    on: VoteOn,
    options: Vec<VoteOption>,
    dots_each: u8,
    author: &str,
    lang: Lang,
) -> Vote {
    let question = match on {
        VoteOn::Findings => lang.pick(
            "Which findings should the partnership act on first?",
            "Temuan mana yang perlu ditindaklanjuti kemitraan lebih dulu?",
        ),
        VoteOn::Stakeholders => lang.pick(
            "Which stakeholders matter most to the partnership?",
            "Pemangku kepentingan mana yang paling penting bagi kemitraan?",
        ),
    };
    Vote {
        id: fresh_id(&["v ", author].concat(), "v", |c| map.vote(c).is_some()),
        question: question.to_string(),
        on,
        dots_each: dots_each.clamp(1, Vote::MAX_DOTS),
        open: true,
        options,
        dots: Default::default(),
    }
}

/// A subject's name: a stakeholder's or a sector's, else the id itself (a kind).
fn name_of(map: &Map, id: &str) -> String {
    if let Some(s) = map.stakeholder(&StakeholderId::new(id)) {
        return s.name.clone();
    }
    map.sector(&SectorId::new(id)).map_or_else(|| id.to_string(), |s| s.name.clone())
}
