//! Plain-language explanations of findings, naming the stakeholders and sectors
//! involved, with a suggested action, in English and Bahasa Indonesia.

use super::{Code, Detail, Finding};
use crate::i18n::{vocabulary, Lang};
use crate::model::{Map, SectorId, StakeholderId, StakeholderKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// A short title, e.g. "Powerful opponent".
    pub title: String,
    /// What was found and why it matters.
    pub message: String,
    /// What to do about it.
    pub action: String,
}

/// The title of a code, for headings and legends.
pub fn title(code: Code, lang: Lang) -> &'static str {
    match code {
        Code::OneWayDependency => lang.pick("One-way dependency", "Ketergantungan satu arah"),
        Code::UnheardVoice => lang.pick("Unheard voice", "Suara yang tak terdengar"),
        Code::OpposedPowerful => lang.pick("Powerful opponent", "Penentang yang berpengaruh"),
        Code::HubDominance => lang.pick("Dominant hub", "Simpul yang mendominasi"),
        Code::Gatekeeper => lang.pick("Gatekeeper", "Penjaga gerbang"),
        Code::HiddenBroker => lang.pick("Hidden broker", "Perantara tersembunyi"),
        Code::CrossSectorGap => lang.pick("Sectors that never talk", "Sektor yang tak pernah berhubungan"),
        Code::Isolated => lang.pick("Isolated stakeholder", "Pemangku kepentingan terisolasi"),
        Code::DisconnectedGroups => lang.pick("Separate groups", "Kelompok yang terpisah"),
        Code::FragileBridge => lang.pick("Fragile bridge", "Jembatan yang rapuh"),
        Code::MissingPentahelix => lang.pick("Missing Pentahelix partner", "Unsur Pentahelix yang hilang"),
        Code::SuggestedLink => lang.pick("Suggested introduction", "Usulan perkenalan"),
        Code::SectorSplit => lang.pick("Sector split inside", "Sektor yang terbelah"),
    }
}

fn stakeholder_name(map: &Map, id: &str) -> String {
    map.stakeholder(&StakeholderId::new(id)).map_or_else(|| id.to_string(), |s| s.name.clone())
}

fn sector_name(map: &Map, id: &str) -> String {
    map.sector(&SectorId::new(id)).map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// "A, B, C and 4 more" / "A, B, C dan 4 lainnya".
fn name_list(names: &[String], lang: Lang) -> String {
    const SHOWN: usize = 4;
    let and = lang.pick("and", "dan");
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        len if len <= SHOWN => format!("{} {and} {}", names[..len - 1].join(", "), names[len - 1]),
        len => {
            format!("{} {and} {} {}", names[..SHOWN].join(", "), len - SHOWN, lang.pick("more", "lainnya"))
        }
    }
}

/// A share as a whole percentage (integer formatting keeps float formatting out of
/// the app's download).
fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

impl Finding {
    pub fn explain(&self, map: &Map, lang: Lang) -> Explanation {
        // The first two subjects, looked up once: a lookup walks the stakeholders,
        // and a page of findings of a big map is a hundred explanations.
        let people = [0, 1]
            .map(|i| self.subjects.get(i).map(|id| (id, map.stakeholder(&StakeholderId::new(id.as_str())))));
        let subject = |i: usize| match people.get(i).copied().flatten() {
            Some((_, Some(s))) => s.name.clone(),
            Some((id, None)) => id.to_string(),
            None => String::new(),
        };
        let person = |i: usize| people.get(i).copied().flatten().and_then(|(_, s)| s);
        let (a, b) = (subject(0), subject(1));
        let power = |i: usize| person(i).map_or(0, |s| s.power.get());
        let (message, action) = match self.code {
            Code::OneWayDependency => (
                lang.pick(
                    format!("{b} depends on {a} through a one-way link (power {} against {}), with no channel back.", power(0), power(1)),
                    format!("{b} bergantung pada {a} lewat hubungan satu arah (pengaruh {} lawan {}), tanpa saluran balik.", power(0), power(1)),
                ),
                lang.pick(
                    format!("Open a channel from {b} to {a}: a feedback meeting, a seat in planning, or a two-way agreement."),
                    format!("Buka saluran dari {b} ke {a}: forum umpan balik, kursi dalam perencanaan, atau kesepakatan dua arah."),
                ),
            ),
            Code::UnheardVoice => {
                let interest = person(0).map_or(0, |s| s.interest.get());
                (
                    lang.pick(
                        format!("{a} has a lot at stake (interest {interest}) but little power ({}) and no link to anyone with high power.", power(0)),
                        format!("{a} sangat berkepentingan (kepentingan {interest}) tetapi pengaruhnya kecil ({}) dan tidak terhubung dengan pihak yang berpengaruh besar.", power(0)),
                    ),
                    lang.pick(
                        format!("Connect {a} with a decision maker, for example through a regular forum or a champion who speaks for them."),
                        format!("Hubungkan {a} dengan pengambil keputusan, misalnya lewat forum rutin atau tokoh yang menyuarakan mereka."),
                    ),
                )
            }
            Code::OpposedPowerful => {
                let stance = person(0).map_or(0, |s| s.stance.get());
                (
                    lang.pick(
                        format!("{a} has high power ({}) and is {} ({stance:+}).", power(0), crate::letter_case::lower(vocabulary::stance(stance, lang))),
                        format!("{a} berpengaruh besar ({}) dan bersikap {} ({stance:+}).", power(0), crate::letter_case::lower(vocabulary::stance(stance, lang))),
                    ),
                    lang.pick(
                        format!("Engage {a} early: learn their concerns and look for shared interests before decisions are made."),
                        format!("Libatkan {a} sejak awal: pahami keberatannya dan cari kepentingan bersama sebelum keputusan diambil."),
                    ),
                )
            }
            Code::HubDominance => {
                let (pairs, betweenness) = match self.detail {
                    Detail::Shares { pairs, betweenness } => (pairs, betweenness),
                    _ => (0.0, 0.0),
                };
                (
                    lang.pick(
                        format!("{a} takes part in {} of all relationships and carries {} of the brokerage between others.", percent(pairs), percent(betweenness)),
                        format!("{a} terlibat dalam {} dari semua hubungan dan memegang {} peran perantara antarpihak.", percent(pairs), percent(betweenness)),
                    ),
                    lang.pick(
                        format!("Spread the load: link other stakeholders directly, so the partnership does not hang on {a} alone."),
                        format!("Bagi bebannya: hubungkan pemangku kepentingan lain secara langsung, agar kemitraan tidak hanya bergantung pada {a}."),
                    ),
                )
            }
            Code::Gatekeeper => {
                let parts = self.parts();
                let sizes = parts.iter().map(ToString::to_string).collect::<Vec<_>>().join(" + ");
                (
                    lang.pick(
                        format!("Without {a}, its group would split into {} parts ({sizes} stakeholders).", parts.len()),
                        format!("Tanpa {a}, kelompoknya akan terpecah menjadi {} bagian ({sizes} pemangku kepentingan).", parts.len()),
                    ),
                    lang.pick(
                        format!("Build a second route between those parts, so that {a} is not the only way through."),
                        format!("Bangun jalur kedua antarbagian itu, agar {a} bukan satu-satunya jalan."),
                    ),
                )
            }
            Code::HiddenBroker => (
                lang.pick(
                    format!("{a} has little formal power ({}) yet is one of the main connectors of the network.", power(0)),
                    format!("{a} hanya punya sedikit pengaruh formal ({}) tetapi termasuk penghubung utama dalam jaringan.", power(0)),
                ),
                lang.pick(
                    format!("Recognise and support {a}: involve them in coordination and make sure they have the resources to keep connecting people."),
                    format!("Akui dan dukung {a}: libatkan dalam koordinasi dan pastikan mereka punya sumber daya untuk terus menghubungkan orang."),
                ),
            ),
            Code::CrossSectorGap => {
                let sector = |i: usize| self.subjects.get(i).map_or_else(String::new, |id| sector_name(map, id));
                let (x, y) = (sector(0), sector(1));
                (
                    lang.pick(
                        format!("Nobody works in both {x} and {y}, and no link joins their members."),
                        format!("Tidak ada yang bekerja di {x} sekaligus {y}, dan tidak ada hubungan antaranggotanya."),
                    ),
                    lang.pick(
                        format!("Introduce a member of {x} to a member of {y}, or invite someone who works across both."),
                        format!("Perkenalkan anggota {x} dengan anggota {y}, atau undang pihak yang bekerja di kedua sektor."),
                    ),
                )
            }
            Code::Isolated => (
                lang.pick(format!("{a} has no link to anyone else on the map."), format!("{a} tidak punya hubungan dengan siapa pun di peta.")),
                lang.pick(
                    format!("Find out whom {a} works with and add those links, or bring {a} into the partnership."),
                    format!("Cari tahu dengan siapa {a} bekerja lalu tambahkan hubungannya, atau ajak {a} masuk ke kemitraan."),
                ),
            ),
            Code::DisconnectedGroups => {
                let names: Vec<String> = self.subjects.iter().map(|id| stakeholder_name(map, id)).collect();
                let groups = self.parts().len();
                (
                    lang.pick(
                        format!("The partnership falls into {groups} separate groups: {} are not connected to the largest one.", name_list(&names, lang)),
                        format!("Kemitraan terpecah menjadi {groups} kelompok terpisah: {} tidak terhubung dengan kelompok terbesar.", name_list(&names, lang)),
                    ),
                    lang.pick(
                        "Link at least one member of each separate group to the main group.".to_string(),
                        "Hubungkan setidaknya satu anggota dari tiap kelompok terpisah dengan kelompok utama.".to_string(),
                    ),
                )
            }
            Code::SectorSplit => {
                let sector = self.subjects.first().map_or_else(String::new, |id| sector_name(map, id));
                let parts = self.parts();
                let sizes: Vec<String> = parts.iter().map(|n| n.to_string()).collect();
                let (count, sizes) = (parts.len(), name_list(&sizes, lang));
                (
                    lang.pick(
                        format!("The members of {sector} fall into {count} communities ({sizes} members) with no link between them: a coordination gap inside the sector."),
                        format!("Anggota {sector} terbagi ke dalam {count} komunitas ({sizes} anggota) tanpa hubungan di antara mereka: celah koordinasi di dalam sektor."),
                    ),
                    lang.pick(
                        format!("Bring the {sector} members of each community together, in a joint meeting or with one working link between them."),
                        format!("Pertemukan anggota {sector} dari tiap komunitas, dalam pertemuan bersama atau dengan satu hubungan kerja di antara mereka."),
                    ),
                )
            }
            Code::FragileBridge => {
                let parts = self.parts();
                let (x, y) = (parts.first().copied().unwrap_or(0), parts.get(1).copied().unwrap_or(0));
                (
                    lang.pick(
                        format!("The link between {a} and {b} is the only connection between two parts of the network ({x} and {y} stakeholders)."),
                        format!("Hubungan antara {a} dan {b} adalah satu-satunya penghubung dua bagian jaringan ({x} dan {y} pemangku kepentingan)."),
                    ),
                    lang.pick(
                        "Add a second connection between those parts, so that one relationship ending does not split the partnership.".to_string(),
                        "Tambahkan penghubung kedua antarbagian itu, agar berakhirnya satu hubungan tidak memecah kemitraan.".to_string(),
                    ),
                )
            }
            Code::MissingPentahelix => {
                let kind = self
                    .subjects
                    .first()
                    .and_then(|k| StakeholderKind::from_code(k))
                    .map_or_else(String::new, |k| crate::letter_case::lower(vocabulary::stakeholder_kind(k, lang)));
                (
                    lang.pick(
                        format!("No stakeholder of the kind “{kind}” is on the map: a whole helix of the Pentahelix is missing."),
                        format!("Tidak ada pemangku kepentingan dari unsur “{kind}” di peta: satu heliks Pentahelix hilang."),
                    ),
                    lang.pick(
                        format!("Ask who in “{kind}” has a stake in this work, and invite them."),
                        format!("Tanyakan siapa dari unsur “{kind}” yang berkepentingan dengan kegiatan ini, lalu undang mereka."),
                    ),
                )
            }
            Code::SuggestedLink => {
                let (common, sectors) = match self.detail {
                    Detail::Suggestion { common, sectors, .. } => (common, sectors),
                    _ => (0, 0),
                };
                (
                    lang.pick(
                        format!("{a} and {b} are not linked, yet share {common} partner(s) and {sectors} sector(s)."),
                        format!("{a} dan {b} belum terhubung, padahal punya {common} mitra bersama dan {sectors} sektor yang sama."),
                    ),
                    lang.pick(format!("Consider introducing {a} to {b}."), format!("Pertimbangkan untuk memperkenalkan {a} kepada {b}.")),
                )
            }
        };
        Explanation { title: title(self.code, lang).to_string(), message, action }
    }

    fn parts(&self) -> Vec<usize> {
        match &self.detail {
            Detail::Parts(parts) => parts.clone(),
            _ => Vec::new(),
        }
    }
}

/// A subject as a person knows it: a stakeholder's or sector's name, or a kind's.
fn subject_name(map: &Map, id: &str, lang: Lang) -> String {
    if let Some(s) = map.stakeholder(&StakeholderId::new(id)) {
        return s.name.clone();
    }
    match StakeholderKind::from_code(id) {
        Some(kind) => vocabulary::stakeholder_kind(kind, lang).to_string(),
        None => sector_name(map, id),
    }
}

impl super::Headline {
    /// The headline as a person reads it: "Health never reaches 37 of 199
    /// sectors", "412 stakeholders have no link"; a headline of one finding is
    /// that finding's title and whom it is about (`first`, the finding it covers).
    pub fn say(&self, first: Option<&Finding>, map: &Map, lang: Lang) -> String {
        let n = self.count;
        if let (Some(about), Code::CrossSectorGap) = (&self.about, self.code) {
            let (sector, of) = (sector_name(map, about), self.of);
            return lang.pick(
                format!("{sector} never reaches {n} of {of} sectors"),
                format!("{sector} tak pernah terhubung dengan {n} dari {of} sektor"),
            );
        }
        if n == 1 {
            let names: Vec<String> = first
                .map_or_else(Vec::new, |f| f.subjects.iter().map(|id| subject_name(map, id, lang)).collect());
            return format!("{}: {}", title(self.code, lang), name_list(&names, lang));
        }
        match self.code {
            Code::OneWayDependency => {
                lang.pick(format!("{n} one-way dependencies"), format!("{n} ketergantungan satu arah"))
            }
            Code::UnheardVoice => {
                lang.pick(format!("{n} unheard voices"), format!("{n} suara yang tak terdengar"))
            }
            Code::OpposedPowerful => {
                lang.pick(format!("{n} powerful opponents"), format!("{n} penentang yang berpengaruh"))
            }
            Code::HubDominance => {
                lang.pick(format!("{n} dominant hubs"), format!("{n} simpul yang mendominasi"))
            }
            Code::Gatekeeper => lang.pick(format!("{n} gatekeepers"), format!("{n} penjaga gerbang")),
            Code::HiddenBroker => {
                lang.pick(format!("{n} hidden brokers"), format!("{n} perantara tersembunyi"))
            }
            Code::CrossSectorGap => lang.pick(
                format!("{n} pairs of sectors never talk"),
                format!("{n} pasang sektor tak pernah berhubungan"),
            ),
            Code::Isolated => lang.pick(
                format!("{n} stakeholders have no link"),
                format!("{n} pemangku kepentingan tanpa hubungan"),
            ),
            Code::DisconnectedGroups => {
                lang.pick(format!("{n} sets of separate groups"), format!("{n} kelompok yang terpisah"))
            }
            Code::FragileBridge => {
                lang.pick(format!("{n} fragile bridges"), format!("{n} jembatan yang rapuh"))
            }
            Code::MissingPentahelix => {
                lang.pick(format!("{n} Pentahelix partners missing"), format!("{n} unsur Pentahelix hilang"))
            }
            Code::SuggestedLink => {
                lang.pick(format!("{n} suggested introductions"), format!("{n} usulan perkenalan"))
            }
            Code::SectorSplit => {
                lang.pick(format!("{n} sectors split inside"), format!("{n} sektor terbelah"))
            }
        }
    }
}
