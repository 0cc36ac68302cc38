//! Shared helpers for native tests: a proptest strategy for whole valid maps.
#![allow(dead_code)]

use proptest::prelude::*;
use simpul::model::*;

fn any_text() -> impl Strategy<Value = String> {
    // Names and notes include markup, quotes, emoji and Indonesian text: all data.
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        Just("<script>alert(1)</script>".to_string()),
        Just("Dinas \"Lingkungan\" Hidup & Kebersihan".to_string()),
        Just("Yayasan Kesehatan Perempuan 🤝 ünïcödé\n\ttab".to_string()),
        ".{0,16}",
    ]
}

fn any_name() -> impl Strategy<Value = String> {
    any_text().prop_map(|t| if t.trim().is_empty() { format!("n{t}x") } else { t })
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

/// A valid map with up to `max` stakeholders and consistent references.
pub fn any_map(max: usize) -> impl Strategy<Value = Map> {
    let sectors = proptest::collection::vec((any_name(), proptest::option::of(0u32..0xffffff)), 0..5);
    (any_text(), any_text(), sectors, 0..=max).prop_flat_map(move |(title, description, sectors, n)| {
        let sectors: Vec<Sector> = sectors
            .into_iter()
            .enumerate()
            .map(|(i, (name, color))| Sector {
                id: SectorId::new(format!("sec-{i}")),
                name,
                color: color.and_then(|c| Color::parse(&format!("#{c:06x}"))),
            })
            .collect();
        let sector_count = sectors.len();
        let stakeholder = (
            any_name(),
            pick(StakeholderKind::ALL),
            proptest::sample::subsequence((0..sector_count).collect::<Vec<_>>(), 0..=sector_count),
            (1i64..=5, 1i64..=5, -2i64..=2),
            proptest::sample::subsequence(Resource::ALL.to_vec(), 0..=3),
            any_text(),
            proptest::option::of((-1e6f64..1e6, -1e6f64..1e6)),
            any::<bool>(),
        );
        let links = proptest::collection::vec(
            (0..n.max(1), 0..n.max(1), pick(LinkKind::ALL), any::<bool>(), 1i64..=3, any_text()),
            0..(n * 2 + 1),
        );
        (Just((title, description, sectors)), proptest::collection::vec(stakeholder, n), links).prop_map(
            move |((title, description, sectors), people, links)| {
                let stakeholders: Vec<Stakeholder> = people
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, kind, secs, (p, int, st), resources, notes, pos, pinned))| Stakeholder {
                        id: StakeholderId::new(format!("s{i}")),
                        name,
                        kind,
                        sectors: secs.into_iter().map(|j| sectors[j].id.clone()).collect(),
                        power: Score::new(p).unwrap(),
                        interest: Score::new(int).unwrap(),
                        stance: Stance::new(st).unwrap(),
                        resources,
                        notes,
                        pos_in_world: pos.map(|(x, y)| PosInWorld { x, y }),
                        pinned,
                    })
                    .collect();
                let links = if stakeholders.is_empty() {
                    Vec::new()
                } else {
                    links
                        .into_iter()
                        .enumerate()
                        .map(|(i, (a, b, kind, directed, strength, notes))| Link {
                            id: LinkId::new(format!("l{i}")),
                            from: stakeholders[a].id.clone(),
                            to: stakeholders[b].id.clone(),
                            kind,
                            directed,
                            strength: Strength::new(strength).unwrap(),
                            notes,
                        })
                        .collect()
                };
                Map {
                    title: title.clone(),
                    description: description.clone(),
                    sectors: sectors.clone(),
                    stakeholders,
                    links,
                    votes: Vec::new(),
                }
            },
        )
    })
}

/// Reads an entry as the page reads a big one: its map's text in steps of
/// `elements`, or, when the entry is not laid out as Simpul writes it or its map
/// does not read, as `load` reads it. Also says how many steps it took, when the
/// map was read in steps.
pub fn read_as_the_page_does(
    library: &mut simpul::storage::Library<simpul::storage::MemoryStore>,
    key: &str,
    elements: usize,
) -> (Result<simpul::storage::Loaded, simpul::storage::StorageProblem>, Option<usize>) {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let steps = std::cell::Cell::new(0);
    if let Some(entry) = library.entry_text(key) {
        let reading = entry.read_map(elements, || {
            steps.set(steps.get() + 1);
            std::future::ready(())
        });
        let mut reading = std::pin::pin!(reading);
        // Its pauses are ready at once, so one poll reads it all.
        let Poll::Ready(map) = reading.as_mut().poll(&mut Context::from_waker(Waker::noop())) else {
            panic!("a reading whose pauses are ready did not finish");
        };
        if let Some(map) = map {
            return (Ok(entry.loaded(key, map)), Some(steps.get()));
        }
    }
    (library.load(key, 5.0), None)
}
