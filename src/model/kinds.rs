//! The closed vocabularies of the model: kinds of stakeholder, resources, kinds of link.
//! Their `code` is what the file format stores.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code stored in map files.
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

vocabulary!(
    /// What sort of organisation or group a stakeholder is (Pentahelix plus NGOs, donors).
    StakeholderKind {
        Government => "government",
        Business => "business",
        Community => "community",
        Academia => "academia",
        Media => "media",
        Ngo => "ngo",
        Donor => "donor",
        Other => "other",
    }
);

vocabulary!(
    /// What a stakeholder brings to the partnership.
    Resource {
        Funding => "funding",
        Regulation => "regulation",
        Expertise => "expertise",
        LocalKnowledge => "local_knowledge",
        Networks => "networks",
        Infrastructure => "infrastructure",
        Technology => "technology",
        Volunteers => "volunteers",
        MediaReach => "media_reach",
    }
);

vocabulary!(
    /// What flows along a link.
    LinkKind {
        Partnership => "partnership",
        Funding => "funding",
        Information => "information",
        Regulation => "regulation",
        Service => "service",
        Conflict => "conflict",
    }
);

// The variants come from `vocabulary!`, which has no place for `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for StakeholderKind {
    fn default() -> Self {
        Self::Other
    }
}

// The variants come from `vocabulary!`, which has no place for `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for LinkKind {
    fn default() -> Self {
        Self::Partnership
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for kind in StakeholderKind::ALL {
            assert_eq!(StakeholderKind::from_code(kind.code()), Some(*kind));
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        for resource in Resource::ALL {
            let json = serde_json::to_string(resource).unwrap();
            assert_eq!(json, format!("\"{}\"", resource.code()));
        }
        for kind in LinkKind::ALL {
            assert_eq!(LinkKind::from_code(kind.code()), Some(*kind));
        }
        assert_eq!(StakeholderKind::from_code("Government"), None);
    }
}
