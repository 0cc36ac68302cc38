//! The three things a map holds: sectors, stakeholders and the links between them.

use super::ids::{LinkId, SectorId, StakeholderId};
use super::kinds::{LinkKind, Resource, StakeholderKind};
use super::scales::{Score, Stance, Strength};
use serde::{Deserialize, Serialize};

/// A field of work (health, education, waste…) that stakeholders belong to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    pub id: SectorId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
}

/// A `#rgb` or `#rrggbb` colour. Only these forms are accepted, so a colour from a
/// file can be written into SVG or CSS without ever carrying markup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Color(String);

impl Color {
    pub fn parse(raw: &str) -> Option<Self> {
        let hex = raw.strip_prefix('#')?;
        let well_formed = matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit());
        well_formed.then(|| Self(raw.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Color {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw).ok_or_else(|| format!("\"{raw}\" is not a #rrggbb colour"))
    }
}

impl From<Color> for String {
    fn from(color: Color) -> String {
        color.0
    }
}

/// A position in the network view's world coordinates (not screen pixels).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PosInWorld {
    pub x: f64,
    pub y: f64,
}

/// A person, organisation or group with a stake in the partnership.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stakeholder {
    pub id: StakeholderId,
    pub name: String,
    pub kind: StakeholderKind,
    pub sectors: Vec<SectorId>,
    pub power: Score,
    pub interest: Score,
    pub stance: Stance,
    pub resources: Vec<Resource>,
    pub notes: String,
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub pos_in_world: Option<PosInWorld>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

impl Stakeholder {
    /// A stakeholder with the file format's defaults for every optional field.
    pub fn new(id: StakeholderId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            kind: StakeholderKind::default(),
            sectors: Vec::new(),
            power: Score::DEFAULT,
            interest: Score::DEFAULT,
            stance: Stance::DEFAULT,
            resources: Vec::new(),
            notes: String::new(),
            pos_in_world: None,
            pinned: false,
        }
    }
}

/// A relationship between two stakeholders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    pub from: StakeholderId,
    pub to: StakeholderId,
    pub kind: LinkKind,
    pub directed: bool,
    pub strength: Strength,
    pub notes: String,
}

impl Link {
    /// An undirected partnership of strength 1, the file format's defaults.
    pub fn new(id: LinkId, from: StakeholderId, to: StakeholderId) -> Self {
        Self {
            id,
            from,
            to,
            kind: LinkKind::default(),
            directed: false,
            strength: Strength::DEFAULT,
            notes: String::new(),
        }
    }

    pub fn touches(&self, stakeholder: &StakeholderId) -> bool {
        &self.from == stakeholder || &self.to == stakeholder
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_accept_only_hex() {
        assert_eq!(Color::parse("#2A9D8F").map(|c| c.0), Some("#2a9d8f".into()));
        assert!(Color::parse("#abc").is_some());
        assert!(Color::parse("red").is_none());
        assert!(Color::parse("#12345").is_none());
        assert!(Color::parse("#12\"><script>").is_none());
    }
}
