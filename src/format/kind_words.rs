//! The kind of stakeholder or link a free-text type seems to mean, from its English
//! and Indonesian words (*Dinas* is government, *Yayasan* a nonprofit). Kumu
//! projects and spreadsheets are read with it; the user corrects the guesses in the
//! import preview.

use crate::model::{LinkKind, StakeholderKind};

/// Keywords (lower case, matched inside the type) for each kind, first match wins.
const KIND_WORDS: &[(StakeholderKind, &[&str])] = &[
    (
        StakeholderKind::Donor,
        &["donor", "funder", "philanthrop", "grantmaker", "investor", "penyandang dana"],
    ),
    (
        StakeholderKind::Ngo,
        &[
            "ngo",
            "non-governmental",
            "nongovernmental",
            "nonprofit",
            "non-profit",
            "not-for-profit",
            "foundation",
            "charity",
            "civil society",
            "yayasan",
            "lsm",
            "ornop",
        ],
    ),
    (
        StakeholderKind::Government,
        &[
            "government",
            "governmental",
            "agency",
            "ministry",
            "municipal",
            "council",
            "public sector",
            "federal",
            "state agency",
            "regulator",
            "pemerintah",
            "dinas",
            "kementerian",
            "badan",
            "pemkot",
            "pemkab",
        ],
    ),
    (
        StakeholderKind::Academia,
        &[
            "academ",
            "university",
            "college",
            "school",
            "research",
            "institute",
            "universitas",
            "kampus",
            "sekolah",
            "peneliti",
            "akademisi",
        ],
    ),
    (
        StakeholderKind::Media,
        &["media", "press", "journalis", "news", "broadcast", "radio", "tv", "pers", "wartawan"],
    ),
    (
        StakeholderKind::Business,
        &[
            "business",
            "company",
            "corporat",
            "private",
            "firm",
            "industry",
            "bank",
            "startup",
            "enterprise",
            "bisnis",
            "perusahaan",
            "swasta",
            "usaha",
        ],
    ),
    (
        StakeholderKind::Community,
        &[
            "community",
            "citizen",
            "resident",
            "grassroots",
            "neighbourhood",
            "neighborhood",
            "youth",
            "komunitas",
            "masyarakat",
            "warga",
            "kelompok",
        ],
    ),
];

const LINK_WORDS: &[(LinkKind, &[&str])] = &[
    (LinkKind::Conflict, &["conflict", "tension", "oppos", "rival", "compet", "konflik", "bertentangan"]),
    (
        LinkKind::Funding,
        &[
            "fund",
            "funds",
            "funding",
            "funded",
            "funder",
            "grant",
            "money",
            "financ",
            "donat",
            "invest",
            "dana",
            "hibah",
            "pendanaan",
        ],
    ),
    (
        LinkKind::Regulation,
        &["regulat", "oversight", "permit", "licen", "law", "govern", "regulasi", "izin", "pengawasan"],
    ),
    (
        LinkKind::Information,
        &["inform", "data", "knowledge", "communicat", "advice", "informasi", "komunikasi", "pengetahuan"],
    ),
    (LinkKind::Service, &["service", "supply", "deliver", "provide", "layanan", "pasok"]),
];

/// Whether a (lower-case) type mentions a keyword: a phrase anywhere; a word of
/// five letters or more as the start of a word ("academ" in "academic"); a shorter
/// one only as a whole word, so that "pers" (the press) is not found in "person".
fn mentions(text: &str, keyword: &str) -> bool {
    if keyword.contains(|c: char| !c.is_alphanumeric()) {
        return text.contains(keyword);
    }
    let short = keyword.chars().count() <= 4;
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        if short {
            word == keyword
        } else {
            word.starts_with(keyword)
        }
    })
}

/// The Simpul kind a Kumu type names, and whether the type said it exactly.
pub fn kind_of(kumu_type: &str) -> (StakeholderKind, bool) {
    let lower = kumu_type.trim().to_lowercase();
    if let Some(kind) = StakeholderKind::from_code(&lower) {
        return (kind, true);
    }
    let found = KIND_WORDS.iter().find(|(_, words)| words.iter().any(|w| mentions(&lower, w)));
    (found.map_or(StakeholderKind::Other, |(kind, _)| *kind), false)
}

pub fn link_kind_of(kumu_type: &str) -> LinkKind {
    let lower = kumu_type.trim().to_lowercase();
    LinkKind::from_code(&lower)
        .or_else(|| {
            LINK_WORDS
                .iter()
                .find(|(_, words)| words.iter().any(|w| mentions(&lower, w)))
                .map(|(kind, _)| *kind)
        })
        .unwrap_or(LinkKind::Partnership)
}
