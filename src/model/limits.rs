//! How much one map may hold. PRODUCT.md §6 asks that maps of 5,000 stakeholders
//! stay usable and that the page never freezes for over 100 ms; measured here, a
//! map twice that size freezes it for up to 200 ms at a time (building its layout,
//! storing it). So a map from outside (a file, a link, a spreadsheet) that holds
//! more is refused with a message, and an edit that would grow a map past a limit
//! is refused too. Maps stored before these limits existed still open.

use super::Map;
use crate::i18n::Lang;

/// A list of a map that has a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapPart {
    Sectors,
    Stakeholders,
    Links,
}

impl MapPart {
    pub const ALL: [MapPart; 3] = [MapPart::Sectors, MapPart::Stakeholders, MapPart::Links];

    /// The most a map may hold. 500 sectors is far more than a partnership has,
    /// and already a sector matrix of 250,000 cells.
    pub const fn limit(self) -> usize {
        match self {
            MapPart::Sectors => 500,
            MapPart::Stakeholders => 5_000,
            MapPart::Links => 20_000,
        }
    }

    /// How many of this part `map` holds.
    pub fn count(self, map: &Map) -> usize {
        match self {
            MapPart::Sectors => map.sectors.len(),
            MapPart::Stakeholders => map.stakeholders.len(),
            MapPart::Links => map.links.len(),
        }
    }

    /// The list's name in a map file.
    pub const fn file_key(self) -> &'static str {
        match self {
            MapPart::Sectors => "sectors",
            MapPart::Stakeholders => "stakeholders",
            MapPart::Links => "links",
        }
    }

    /// The part's name in messages (plural).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            MapPart::Sectors => lang.pick("sectors", "sektor"),
            MapPart::Stakeholders => lang.pick("stakeholders", "pemangku kepentingan"),
            MapPart::Links => lang.pick("links", "hubungan"),
        }
    }

    /// The first part of which `count` gives more than its limit, and that count.
    pub fn first_over(count: impl Fn(MapPart) -> usize) -> Option<(MapPart, usize)> {
        MapPart::ALL.into_iter().map(|part| (part, count(part))).find(|&(part, n)| n > part.limit())
    }
}

/// Why a map is refused: it holds more of `part` than Simpul opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverLimit {
    pub part: MapPart,
    pub count: usize,
}

impl OverLimit {
    /// The message, ending with what to do about it.
    pub fn message(self, lang: Lang) -> String {
        let (part, count, limit) = (self.part.name(lang), self.count, self.part.limit());
        match lang {
            Lang::En => format!(
                "the map holds {count} {part}, and Simpul opens maps of at most {limit} {part} so that the page stays responsive; split it into smaller maps (for example one per region or sector)"
            ),
            Lang::Id => format!(
                "peta ini berisi {count} {part}, sedangkan Simpul membuka peta berisi paling banyak {limit} {part} agar halaman tetap lancar; bagi peta ini menjadi beberapa peta yang lebih kecil (misalnya satu per wilayah atau sektor)"
            ),
        }
    }

    /// The first limit `map` is over, if any.
    pub fn of(map: &Map) -> Option<OverLimit> {
        MapPart::first_over(|part| part.count(map)).map(|(part, count)| OverLimit { part, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stakeholder, StakeholderId};

    fn with_stakeholders(n: usize) -> Map {
        let mut map = Map::new("Big");
        map.stakeholders =
            (0..n).map(|i| Stakeholder::new(StakeholderId::new(format!("s{i}")), format!("S {i}"))).collect();
        map
    }

    #[test]
    fn a_map_at_the_limit_is_within_it_and_one_more_is_over() {
        assert_eq!(OverLimit::of(&with_stakeholders(5_000)), None);
        assert_eq!(
            OverLimit::of(&with_stakeholders(5_001)),
            Some(OverLimit { part: MapPart::Stakeholders, count: 5_001 })
        );
    }

    #[test]
    fn the_message_names_the_count_the_limit_and_what_to_do_in_both_languages() {
        let over = OverLimit { part: MapPart::Links, count: 20_400 };
        let en = over.message(Lang::En);
        assert!(
            en.contains("20400 links") && en.contains("at most 20000 links") && en.contains("split"),
            "{en}"
        );
        let id = over.message(Lang::Id);
        assert!(
            id.contains("20400 hubungan")
                && id.contains("paling banyak 20000 hubungan")
                && id.contains("bagi"),
            "{id}"
        );
    }
}
