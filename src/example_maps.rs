//! The bundled example maps (public/examples/, written by scripts/examples.py from
//! the case studies in ../shared/seeds/): one file per example and language,
//! fetched when the user opens one, so they add nothing to the app's download.

use crate::i18n::Lang;

/// (file stem, title in English, title in Indonesian), in the order listed.
pub const EXAMPLE_MAPS: &[(&str, &str, &str)] = &[
    (
        "yogyakarta-education",
        "Community education in Yogyakarta",
        "Pendidikan berbasis komunitas di Yogyakarta",
    ),
    ("jakarta-waste", "Waste reduction in Jakarta", "Pengurangan sampah di Jakarta"),
    ("bali-health", "Health and sanitation in Bali", "Kesehatan dan sanitasi di Bali"),
    ("madani-mch", "MADANI maternal and child health", "Kesehatan Ibu dan Anak MADANI"),
    (
        "ppp-infrastructure",
        "A public–private infrastructure partnership",
        "Kemitraan pemerintah–swasta untuk infrastruktur",
    ),
    ("smart-city", "A smart-city collaboration", "Kolaborasi kota cerdas"),
];

/// Where an example's file is, relative to the app.
pub fn example_path(stem: &str, lang: Lang) -> String {
    format!("examples/{stem}.{}.simpul.json", lang.code())
}
