//! The model's closed vocabularies as people say them, in both languages.

use super::Lang;
use crate::model::{LinkKind, Resource, StakeholderKind};

pub fn stakeholder_kind(kind: StakeholderKind, lang: Lang) -> &'static str {
    use StakeholderKind::*;
    match kind {
        Government => lang.pick("Government", "Pemerintah"),
        Business => lang.pick("Business", "Dunia usaha"),
        Community => lang.pick("Community group", "Kelompok masyarakat"),
        Academia => lang.pick("Education and research", "Akademisi dan riset"),
        Media => lang.pick("Media", "Media"),
        Ngo => lang.pick("Nonprofit / NGO", "LSM / organisasi nirlaba"),
        Donor => lang.pick("Donor", "Donor"),
        Other => lang.pick("Other", "Lainnya"),
    }
}

pub fn resource(resource: Resource, lang: Lang) -> &'static str {
    use Resource::*;
    match resource {
        Funding => lang.pick("Funding", "Pendanaan"),
        Regulation => lang.pick("Regulation", "Regulasi"),
        Expertise => lang.pick("Expertise", "Keahlian"),
        LocalKnowledge => lang.pick("Local knowledge", "Pengetahuan lokal"),
        Networks => lang.pick("Networks", "Jejaring"),
        Infrastructure => lang.pick("Infrastructure", "Infrastruktur"),
        Technology => lang.pick("Technology", "Teknologi"),
        Volunteers => lang.pick("Volunteers", "Relawan"),
        MediaReach => lang.pick("Media reach", "Jangkauan media"),
    }
}

pub fn link_kind(kind: LinkKind, lang: Lang) -> &'static str {
    use LinkKind::*;
    match kind {
        Partnership => lang.pick("Partnership", "Kemitraan"),
        Funding => lang.pick("Funding", "Pendanaan"),
        Information => lang.pick("Information", "Informasi"),
        Regulation => lang.pick("Regulation", "Regulasi"),
        Service => lang.pick("Service", "Layanan"),
        Conflict => lang.pick("Conflict", "Konflik"),
    }
}

/// Stance −2…+2 in words, so the number is never the only signal.
pub fn stance(value: i8, lang: Lang) -> &'static str {
    match value {
        i8::MIN..=-2 => lang.pick("Opposed", "Menentang"),
        -1 => lang.pick("Sceptical", "Ragu-ragu"),
        0 => lang.pick("Neutral", "Netral"),
        1 => lang.pick("Supportive", "Mendukung"),
        _ => lang.pick("Champion", "Penggerak"),
    }
}
