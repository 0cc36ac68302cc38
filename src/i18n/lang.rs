//! The languages Simpul speaks and how the choice is made.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The BCP 47 code, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// Reads a language tag such as `id`, `id-ID`, `in` (the old code) or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "id" | "in" => Some(Lang::Id),
            _ => None,
        }
    }

    /// Chooses the language: a forced `?lang=` wins, then the remembered choice,
    /// then the first browser language we speak, then English.
    pub fn choose<'a>(
        forced: Option<&str>,
        remembered: Option<&str>,
        browser: impl IntoIterator<Item = &'a str>,
    ) -> Lang {
        forced
            .and_then(Lang::from_tag)
            .or_else(|| remembered.and_then(Lang::from_tag))
            .or_else(|| browser.into_iter().find_map(Lang::from_tag))
            .unwrap_or_default()
    }

    /// Picks the text for this language.
    pub fn pick<T>(self, en: T, id: T) -> T {
        match self {
            Lang::En => en,
            Lang::Id => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_leniently() {
        assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("in"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn forced_beats_remembered_beats_browser() {
        assert_eq!(Lang::choose(Some("en"), Some("id"), ["id"]), Lang::En);
        assert_eq!(Lang::choose(None, Some("id"), ["en"]), Lang::Id);
        assert_eq!(Lang::choose(Some("xx"), None, ["fr", "id-ID"]), Lang::Id);
        assert_eq!(Lang::choose(None, None, ["fr"]), Lang::En);
    }
}
